"""The zone knowledge files: which kinds exist, what violates each, and location radii by precision."""

from __future__ import annotations

from dataclasses import dataclass

from parallax.errors import DataFileError
from parallax.knowledge import read_table


@dataclass(frozen=True, slots=True)
class ZoneRules:
    """data/zone_kinds.tsv and data/zone_radii.tsv, loaded once; a user's --data-dir may override."""

    violating: dict[str, frozenset[str]]  # zone kind -> event types that break it
    radii_km: dict[int, float | None]  # ACLED geo precision -> location uncertainty (None: unlocated)
    date_windows: dict[int, int | None]  # ACLED time precision -> days either side (None: undated)

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(self.violating)

    def radius_for(self, precision: int) -> float | None:
        return self.radii_km.get(int(precision))

    def window_for(self, precision: int) -> int | None:
        return self.date_windows.get(int(precision))


def load_zone_rules(data_dir: str = "") -> ZoneRules:
    violating = {row["kind"].strip(): frozenset(t.strip() for t in row["violating"].split("|") if t.strip())
                 for row in read_table("zone_kinds.tsv", data_dir)}
    return ZoneRules(violating, _by_precision("zone_radii.tsv", "geo_precision", "radius_km", float, data_dir),
                     _by_precision("zone_date_windows.tsv", "date_precision", "days", int, data_dir))


def _by_precision(name: str, key: str, column: str, kind: type, data_dir: str) -> dict:
    """A precision code -> number table; an empty cell is None (the code says too little)."""
    table = {}
    for row in read_table(name, data_dir):
        try:
            table[int(row[key])] = kind(row[column]) if row[column].strip() else None
        except (KeyError, ValueError) as exc:
            raise DataFileError(f"{name}: bad row {row}: {exc}",
                                f"{key} is an integer code, {column} a number or empty") from exc
    return table
