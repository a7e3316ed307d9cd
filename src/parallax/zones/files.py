"""Read a zones GeoJSON file into Zone records; every error names the file and the feature.

The format is in docs/zones.md: a FeatureCollection whose features are Polygons or MultiPolygons,
or Points with a `radius_km`, and whose properties say the zone's name, kind, parties, dates and
basis.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from shapely.geometry import shape
from shapely.validation import explain_validity

from parallax.errors import ZoneFileError
from parallax.schema import Zone
from parallax.zones.rules import ZoneRules

GEOMETRIES = ("Polygon", "MultiPolygon", "Point")
_HINT = "see docs/zones.md for the zones file format"


def load_zones(path: Path, rules: ZoneRules) -> tuple[Zone, ...]:
    """Every zone of a GeoJSON FeatureCollection, in file order; ids must be unique."""
    path = Path(path)
    collection = _read_json(path)
    features = collection.get("features") if isinstance(collection, dict) else None
    if not isinstance(features, list) or collection.get("type") != "FeatureCollection":
        raise ZoneFileError(f"zones file {path}: not a GeoJSON FeatureCollection with a features list", _HINT)
    zones = tuple(_zone(path, index, feature, rules) for index, feature in enumerate(features, start=1))
    _require_unique(path, zones)
    return zones


def _read_json(path: Path) -> object:
    try:
        return json.loads(path.read_text("utf-8"))
    except OSError as exc:
        raise ZoneFileError(f"cannot read zones file {path}: {exc}", "pass an existing GeoJSON file") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ZoneFileError(f"zones file {path} is not valid JSON: {exc}", _HINT) from exc


class _Feature:
    """Error messages for one feature: the file, its position and its name once known."""

    def __init__(self, path: Path, index: int, properties: Mapping[str, object]) -> None:
        name = properties.get("name")
        self.where = f"zones file {path}: feature {index}" + (f" ({name!r})" if isinstance(name, str) else "")

    def error(self, problem: str, hint: str = _HINT) -> ZoneFileError:
        return ZoneFileError(f"{self.where}: {problem}", hint)


def _zone(path: Path, index: int, feature: object, rules: ZoneRules) -> Zone:
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        raise _Feature(path, index, {}).error("not a GeoJSON Feature")
    props = feature.get("properties") or {}
    if not isinstance(props, dict):
        raise _Feature(path, index, {}).error("properties must be an object")
    where = _Feature(path, index, props)
    name = _text(props, "name", where, required=True)
    radius = _radius(props, where)
    geometry_wkt = _geometry(feature.get("geometry"), radius, where)
    valid_from, valid_to = _day(props, "valid_from", where), _day(props, "valid_to", where)
    if valid_from and valid_to and valid_to < valid_from:
        raise where.error(f"valid_to {valid_to} is before valid_from {valid_from}")
    return Zone(id=_zone_id(feature, props, name), name=name, kind=_kind(props, where, rules),
                geometry_wkt=geometry_wkt, valid_from=valid_from, valid_to=valid_to,
                source=_text(props, "source", where), radius_km=radius, parties=_parties(props, where),
                basis=_text(props, "basis", where), approximate=_flag(props, "approximate", where))


def _text(props: Mapping[str, object], key: str, where: _Feature, required: bool = False) -> str:
    value = props.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise where.error(f"property {key!r} must be {'a non-empty' if required else 'a'} string")
    return value.strip()


def _kind(props: Mapping[str, object], where: _Feature, rules: ZoneRules) -> str:
    kind = _text(props, "kind", where, required=True).lower()
    if kind not in rules.violating:
        raise where.error(f"unknown kind {kind!r}", f"use one of: {', '.join(rules.kinds)} "
                          "(or add a row to zone_kinds.tsv in your --data-dir)")
    return kind


def _parties(props: Mapping[str, object], where: _Feature) -> tuple[str, ...]:
    value = props.get("parties", [])
    if not isinstance(value, list) or not all(isinstance(p, str) and p.strip() for p in value):
        raise where.error("property 'parties' must be a list of names")
    return tuple(p.strip() for p in value)


def _flag(props: Mapping[str, object], key: str, where: _Feature) -> bool:
    value = props.get(key, False)
    if not isinstance(value, bool):
        raise where.error(f"property {key!r} must be true or false")
    return value


def _day(props: Mapping[str, object], key: str, where: _Feature) -> date | None:
    value = props.get(key)
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise where.error(f"property {key!r} is not a date: {value!r}", "write dates as YYYY-MM-DD, or null") from exc


def _radius(props: Mapping[str, object], where: _Feature) -> float | None:
    value = props.get("radius_km")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise where.error(f"radius_km must be a positive number of kilometres, not {value!r}")
    return float(value)


def _geometry(geometry: object, radius: float | None, where: _Feature) -> str:
    kind = geometry.get("type") if isinstance(geometry, dict) else None
    if kind not in GEOMETRIES:
        raise where.error(f"geometry must be one of {', '.join(GEOMETRIES)}, not {kind!r}")
    if (kind == "Point") != (radius is not None):
        raise where.error("a Point needs radius_km, and only a Point may have one")
    try:
        drawn = shape(geometry)
    except (ValueError, TypeError, IndexError, AttributeError) as exc:
        raise where.error(f"bad {kind} coordinates: {exc}") from exc
    _check_coordinates(drawn, where)
    if kind != "Point" and not drawn.is_valid:
        raise where.error(f"invalid {kind}: {explain_validity(drawn)}",
                          "close each ring and do not let edges cross; coordinates are [longitude, latitude]")
    return drawn.wkt


def _check_coordinates(drawn, where: _Feature) -> None:
    min_x, min_y, max_x, max_y = drawn.bounds
    if drawn.is_empty or not (-180 <= min_x <= max_x <= 180 and -90 <= min_y <= max_y <= 90):
        raise where.error("coordinates are outside longitude -180..180 / latitude -90..90",
                          "GeoJSON positions are [longitude, latitude]")


def _zone_id(feature: Mapping[str, object], props: Mapping[str, object], name: str) -> str:
    given = props.get("id", feature.get("id"))
    if isinstance(given, str | int) and str(given).strip():
        return str(given).strip()
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _require_unique(path: Path, zones: tuple[Zone, ...]) -> None:
    seen: set[str] = set()
    for zone in zones:
        if zone.id in seen:
            raise ZoneFileError(f"zones file {path}: two zones have the id {zone.id!r}",
                                "give each feature a distinct 'id' property")
        seen.add(zone.id)


def check_zones_file(path: Path, data_dir: str = "") -> int:
    """Read a zones file only to validate it (the CLI does, before a long ingest); its zone count."""
    from parallax.zones.rules import load_zone_rules
    return len(load_zones(Path(path), load_zone_rules(data_dir)))
