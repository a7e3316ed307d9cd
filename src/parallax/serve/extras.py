"""The analyses other stages add to an incident (contradictions, omissions, framing, zones), each
read only when its module is installed, so the app shows what exists and never fails on the rest.

Each analysis becomes a `Section`: a title and rows of (label, text) pairs, plain text only (the
templates escape it). A stage that is missing, or fails on one incident, yields a section saying
so rather than an error page.
"""

from __future__ import annotations

import importlib
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
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

    def counts(self, zone_id: str) -> tuple[int, int]:
        """(incidents inside or possibly inside the zone, of which violations)."""
        statuses = self.members.get(zone_id, {}).values()
        return len(statuses), sum(s.endswith("violation") for s in statuses)

    def zones_of(self, incident_id: str) -> list[tuple[Zone, str]]:
        return [(z, self.members[z.id][incident_id]) for z in self.zones
                if incident_id in self.members.get(z.id, {})]


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
    """(field, text) pairs of a record, empty fields left out."""
    if not (is_dataclass(record) and not isinstance(record, type)):
        return (("", text_of(record)),)
    items = ((f.name, getattr(record, f.name)) for f in fields(record))
    return tuple((k.replace("_", " "), t) for k, v in items if (t := text_of(v)))


def _reconciled(incident: Incident, field_name: str, module: str, function: str) -> tuple | None:
    """The incident's stored reconciliation field, else computed from its mentions; None when
    this version of parallax has neither."""
    stored = getattr(incident, "reconciliation", None)
    if stored is not None:
        return tuple(getattr(stored, field_name, ()))
    compute = _function(module, (function,))
    return tuple(compute(incident.mentions)) if compute else None


def _contradiction_row(item: object) -> Row:
    return (("kind", text_of(getattr(item, "kind", ""))), ("on", str(getattr(item, "subject", ""))),
            ("one says", f"{item.value_a} ({item.speaker_a})"), ("another says", f"{item.value_b} ({item.speaker_b})"))


def _omission_row(item: object) -> Row:
    return (("left out by", item.outlet or item.article_id), ("what", f"{item.kind}: {item.fact}"),
            ("reported by", ", ".join(item.reported_by)))


def contradictions_section(incident: Incident, articles: Mapping[str, Article], data_dir: str = "") -> Section:
    found = _reconciled(incident, "contradictions", "parallax.reconcile.contradictions", "find_contradictions")
    if found is None:
        return Section("Contradictions", note="not available in this version of parallax")
    return Section("Contradictions", tuple(_contradiction_row(c) for c in found), "" if found else "none found")


def omissions_section(incident: Incident, articles: Mapping[str, Article], data_dir: str = "") -> Section:
    found = _reconciled(incident, "omissions", "parallax.reconcile.omissions", "find_omissions")
    if found is None:
        return Section("Omissions", note="not available in this version of parallax")
    return Section("Omissions", tuple(_omission_row(o) for o in found), "" if found else "none found")


def _framing_row(framing: object) -> Row:
    """One article's framing in words: labels, own-voice markers, whom it quotes, its sources."""
    labels = _counted(f"“{a.label}” ({a.referent or 'unresolved'})" for a in framing.labels if not a.quoted)
    markers = _counted(f"{m.kind}: “{m.term}”" for m in framing.markers if not m.quoted)
    shares = [f"{s.party or 'unknown party'} {s.share:.0%}" for s in framing.shares]
    kinds = [f"{t.term} {t.count}" for t in framing.source_kinds]
    return tuple((k, v) for k, v in (
        ("outlet", framing.outlet or framing.article_id), ("labels", "; ".join(labels)),
        ("own-voice markers", "; ".join(markers)), ("quoted words by party", ", ".join(shares)),
        ("sources", ", ".join(kinds)), ("context share", f"{framing.context_share:.0%}")) if v)


def _counted(items: Iterable[str]) -> list[str]:
    """Each distinct item once, most frequent first, with its count when above one."""
    return [f"{item} ×{n}" if n > 1 else item for item, n in Counter(items).most_common()]


def framing_section(incident: Incident, articles: Mapping[str, Article], data_dir: str = "",
                    others: Sequence[Incident] = ()) -> Section:
    frame = _function("parallax.framing", ("frame_incident",))
    lexicon = _function("parallax.framing", ("load_framing_lexicon",))
    if frame is None or lexicon is None:
        return Section("Framing", note="not available in this version of parallax")
    framed = frame(incident, articles, lexicon(data_dir), others)
    rows = tuple(_framing_row(a) for a in framed.articles)
    return Section("Framing", rows, "" if rows else "no stored article text to read")


def grade_label(incident: Incident) -> str:
    """'contested, 2 independent sources' from the reconciliation, when this parallax has one."""
    stored = getattr(incident, "reconciliation", None)
    if stored is None:
        return ""
    independent = getattr(stored, "independent_sources", 0)
    return f"{text_of(stored.grade)}, {independent} independent source{'s' if independent != 1 else ''}"


SECTIONS = (contradictions_section, omissions_section, framing_section)


def analyse(incident: Incident, articles: Mapping[str, Article], data_dir: str = "") -> list[Section]:
    """Contradictions, omissions and framing of one incident; a stage that is missing or fails
    on this incident gives a section that says so."""
    sections = []
    for build, title in zip(SECTIONS, ("Contradictions", "Omissions", "Framing")):
        try:
            sections.append(build(incident, articles, data_dir))
        except (ParallaxError, ValueError, TypeError, KeyError, AttributeError) as exc:
            LOG.warning("%s failed on incident %s: %s", title, incident.id, exc)
            sections.append(Section(title, note=f"could not be computed: {exc}"))
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
