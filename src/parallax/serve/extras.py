"""The analyses other stages add to an incident (contradictions, omissions, framing, zones), each
read only when its module is installed, so the app shows what exists and never fails on the rest.

Each analysis becomes a `Section`: a title and rows of (label, text) pairs, plain text only (the
templates escape it). A stage that is missing, or fails on one incident, yields a section saying
so rather than an error page.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields, is_dataclass
from enum import Enum
from pathlib import Path

from parallax.errors import ParallaxError
from parallax.schema import Article, Incident, Span, Zone

LOG = logging.getLogger(__name__)
Row = tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    rows: tuple[Row, ...] = ()
    note: str = ""  # why a section is empty: "none found", "not installed"


@dataclass(frozen=True, slots=True)
class ZoneView:
    """The zones the app was given, and for each the incidents inside or possibly inside it."""

    zones: tuple[Zone, ...] = ()
    members: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # zone -> incident -> status
    note: str = ""

    def zones_of(self, incident_id: str) -> list[tuple[Zone, str]]:
        return [(z, self.members[z.id][incident_id]) for z in self.zones
                if incident_id in self.members.get(z.id, {})]


# (title, module, function names to try); the function takes (incident, articles_by_id).
ANALYSES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Contradictions", "parallax.reconcile.contradictions", ("find_contradictions", "contradictions")),
    ("Omissions", "parallax.reconcile.omissions", ("find_omissions", "omissions")),
    ("Framing", "parallax.framing", ("frame_incident", "incident_framing", "analyse_framing")),
)


def _function(module_name: str, names: Sequence[str]) -> Callable | None:
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return None
    return next((getattr(module, n) for n in names if callable(getattr(module, n, None))), None)


def text_of(value: object) -> str:
    """A record field as a few words: spans by their text, enums by value, records by their fields."""
    if value is None:
        return ""
    if isinstance(value, Span):
        return value.text
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        return "; ".join(t for t in (text_of(v) for v in value) if t)
    if is_dataclass(value) and not isinstance(value, type):
        name = getattr(value, "normalized", "") or getattr(value, "name", "")
        return str(name) if name else ", ".join(f"{k}: {v}" for k, v in rows_of(value))
    return str(value)


def rows_of(record: object) -> Row:
    """(field, text) pairs of a record, empty fields left out; a mapping's items likewise."""
    if isinstance(record, Mapping):
        items = record.items()
    elif is_dataclass(record) and not isinstance(record, type):
        items = ((f.name, getattr(record, f.name)) for f in fields(record))
    else:
        return (("", text_of(record)),)
    return tuple((str(k).replace("_", " "), t) for k, v in items if (t := text_of(v)))


def _results(found: object) -> list[object]:
    if found is None:
        return []
    if isinstance(found, (list, tuple)):
        return list(found)
    return [found]


def analyse(incident: Incident, articles: Mapping[str, Article]) -> list[Section]:
    """Every installed analysis of one incident, in a fixed order."""
    sections = []
    for title, module, names in ANALYSES:
        function = _function(module, names)
        if function is None:
            sections.append(Section(title, note="not available in this version of parallax"))
            continue
        try:
            rows = tuple(rows_of(r) for r in _results(function(incident, articles)))
        except (ParallaxError, ValueError, TypeError, KeyError, AttributeError) as exc:
            LOG.warning("%s failed on incident %s: %s", title, incident.id, exc)
            sections.append(Section(title, note=f"could not be computed: {exc}"))
            continue
        sections.append(Section(title, rows, "" if rows else "none found"))
    return sections


def zone_view(incidents: Sequence[Incident], zones_path: Path | None, data_dir: str = "") -> ZoneView:
    """Zones from a zones file, with each incident's place in them; empty without a file."""
    if zones_path is None:
        return ZoneView(note="no zones file given (parallax serve --zones FILE)")
    try:
        rules = importlib.import_module("parallax.zones.rules").load_zone_rules(data_dir)
        zones = importlib.import_module("parallax.zones.files").load_zones(zones_path, rules)
    except ImportError:
        return ZoneView(note="zones are not available in this version of parallax")
    except ParallaxError as exc:
        LOG.warning("zones file %s: %s", zones_path, exc)
        return ZoneView(note=str(exc))
    return ZoneView(zones, _memberships(zones, incidents, rules))


def _memberships(zones: Sequence[Zone], incidents: Sequence[Incident], rules: object) -> dict[str, dict[str, str]]:
    """zone id -> incident id -> "inside" / "possibly inside" (", violation" when its type breaks the zone)."""
    members: dict[str, dict[str, str]] = {z.id: {} for z in zones}
    statuses = _function("parallax.zones.status", ("zone_statuses",))
    if statuses is None:
        return members
    for status in statuses(zones, incidents, rules):
        for found in status.timeline:
            label = found.check.status.value + (", violation" if found.violation else "")
            members[status.zone.id][found.incident.id] = label
    return members


def circle(zone: Zone, point):
    """A point zone's circle, drawn by the zones stage when it is installed; else the point."""
    draw = _function("parallax.zones.geometry", ("circle_polygon",))
    return draw(point.y, point.x, zone.radius_km) if draw else point
