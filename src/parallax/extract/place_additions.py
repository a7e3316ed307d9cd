"""Places a user adds from a CSV for sites GeoNames lacks (a camp, a checkpoint, a hamlet):
columns name, lat, lon, country, admin1, feature, aliases; read into gazetteer entries."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from parallax.errors import PlacesFileError

REQUIRED = ("name", "lat", "lon")
COLUMNS = (*REQUIRED, "country", "admin1", "feature", "aliases")
SETTLEMENTS = frozenset({"", "town", "village", "city", "hamlet", "neighbourhood", "neighborhood",
                         "district", "suburb", "quarter", "settlement"})


@dataclass(frozen=True, slots=True)
class AddedPlace:
    """One row of a user's places file. `kind` is "place" for a settlement (precision 1) and
    "landmark" for any other feature ("camp", "checkpoint": precision 2)."""

    name: str
    kind: str
    country: str
    latitude: float
    longitude: float
    admin1: str
    feature: str
    names: tuple[str, ...]  # the name and its aliases


def read_user_places(path: str | Path) -> list[AddedPlace]:
    """The rows of a places CSV; aliases are separated by "|" or ";". Raises PlacesFileError
    naming the file and line of a bad row."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            _check_header(path, reader.fieldnames)
            return [_entry(path, number, row) for number, row in enumerate(reader, start=2)]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise PlacesFileError(f"cannot read places file {path}: {exc}",
                              f"pass a UTF-8 CSV with columns {', '.join(COLUMNS)}") from exc


def _check_header(path: Path, header: list[str] | None) -> None:
    missing = [c for c in REQUIRED if c not in (header or [])]
    if missing:
        raise PlacesFileError(f"places file {path} lacks column(s) {', '.join(missing)}",
                              f"the first line must name the columns: {', '.join(COLUMNS)}")


def _entry(path: Path, number: int, row: dict[str, str | None]) -> AddedPlace:
    cell = {key: (row.get(key) or "").strip() for key in COLUMNS}
    try:
        latitude, longitude = float(cell["lat"]), float(cell["lon"])
    except ValueError as exc:
        raise PlacesFileError(f"places file {path}, line {number}: bad coordinates {cell['lat']!r}, {cell['lon']!r}",
                              "write decimal degrees, e.g. 33.50 and 38.63") from exc
    if not cell["name"] or not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise PlacesFileError(f"places file {path}, line {number}: a name and coordinates on the globe are needed",
                              "latitude is -90..90, longitude -180..180")
    feature = cell["feature"].lower()
    kind = "place" if feature in SETTLEMENTS else "landmark"
    aliases = [a.strip() for a in cell["aliases"].replace(";", "|").split("|") if a.strip()]
    return AddedPlace(cell["name"], kind, cell["country"].upper(), latitude, longitude, cell["admin1"],
                      feature if kind == "landmark" else "", (cell["name"], *aliases))
