"""Score the zone rules on UCDP GED Syria 2016-2017: when an event's place is known only to its
district or its province (as parallax's geo precision 2 and 3), does the uncertainty radius keep it
inside or possibly inside the zones its exact point is in, and how often does it blur others?

Truth is the event's exact point (UCDP where_prec 1) against the zones of
examples/zones/syria_2017.geojson on its day. The degraded place is the point UCDP itself uses for
events known only to that district (where_prec 3) or governorate (where_prec 4).
"""

from __future__ import annotations

import csv
import gzip
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from parallax.errors import EvalDataError
from parallax.schema import DatePrecision, EventDate, GeoPrecision, InForce, Place, Zone, ZoneRelation
from parallax.zones.files import load_zones
from parallax.zones.rules import ZoneRules, load_zone_rules
from parallax.zones.status import in_force, place_relation

GED_FILE = "ged_syria_2016_2017.csv.gz"
ZONES_FILE = Path(__file__).resolve().parents[3] / "examples" / "zones" / "syria_2017.geojson"
LEVELS = (("town", None, GeoPrecision.EXACT), ("district", "adm_2", GeoPrecision.NEAR),
          ("province", "adm_1", GeoPrecision.REGION))
_UCDP_PRECISION = {"adm_2": "3", "adm_1": "4"}


def _rows(folder: Path) -> list[dict[str, str]]:
    path = folder / GED_FILE
    if not path.is_file():
        raise EvalDataError(f"{path} not found", "pass --data pointing at the shared data folder")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _centroids(rows: list[dict[str, str]], column: str) -> dict[str, tuple[float, float]]:
    """The point UCDP places an area's imprecise events at: the most common one per area name."""
    seen: dict[str, Counter] = {}
    for row in rows:
        if row["where_prec"] == _UCDP_PRECISION[column] and row[column]:
            seen.setdefault(row[column], Counter())[(float(row["latitude"]), float(row["longitude"]))] += 1
    return {area: points.most_common(1)[0][0] for area, points in seen.items()}


def _sample(rows: list[dict[str, str]], limit: int | None) -> list[dict[str, str]]:
    if not limit or limit >= len(rows):
        return rows
    step = len(rows) / limit
    return [rows[int(i * step)] for i in range(limit)]


def _outcomes(row: dict[str, str], zones: tuple[Zone, ...], rules: ZoneRules,
              centroids: dict[str, dict[str, tuple[float, float]]]) -> Iterator[tuple[str, bool, ZoneRelation]]:
    """(level, truly inside, status at that level) for each zone in force on the event's day."""
    day = EventDate(date.fromisoformat(row["date_start"]), DatePrecision.DAY)
    exact = (float(row["latitude"]), float(row["longitude"]))
    for zone in zones:
        if in_force(zone, day, rules) is not InForce.YES:
            continue
        truth = place_relation(zone, Place("", latitude=exact[0], longitude=exact[1], precision=GeoPrecision.EXACT),
                               rules)[1] == 0.0
        for level, column, precision in LEVELS:
            point = exact if column is None else centroids[column].get(row[column])
            if point is not None:
                place = Place("", latitude=point[0], longitude=point[1], precision=precision)
                yield level, truth, place_relation(zone, place, rules)[0]


def _percent(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 1) if whole else 0.0


def score_zones_ucdp(folder: Path, limit: int | None = None) -> dict:
    """Shares (%) of event-zone pairs by outcome at each place precision; see docs/zones.md."""
    rows = _rows(folder)
    rules = load_zone_rules()
    if not ZONES_FILE.is_file():
        raise EvalDataError(f"{ZONES_FILE} not found", "run from a parallax source checkout")
    zones = load_zones(ZONES_FILE, rules)
    centroids = {column: _centroids(rows, column) for column in _UCDP_PRECISION}
    exact = _sample([r for r in rows if r["where_prec"] == "1" and r["date_prec"] == "1"], limit)
    counts: Counter = Counter()
    for row in exact:
        for level, truth, status in _outcomes(row, zones, rules, centroids):
            counts[(level, truth, status)] += 1
    scores: dict[str, object] = {"events": len(exact)}
    for level, _, _ in LEVELS:
        inside = sum(n for (lv, truth, _), n in counts.items() if lv == level and truth)
        outside = sum(n for (lv, truth, _), n in counts.items() if lv == level and not truth)
        scores[f"{level}_pairs_inside"] = inside
        scores[f"{level}_inside_kept_%"] = _percent(counts[(level, True, ZoneRelation.INSIDE)], inside)
        scores[f"{level}_inside_possibly_%"] = _percent(counts[(level, True, ZoneRelation.POSSIBLY_INSIDE)], inside)
        scores[f"{level}_inside_missed_%"] = _percent(counts[(level, True, ZoneRelation.OUTSIDE)], inside)
        scores[f"{level}_outside_false_inside_%"] = _percent(counts[(level, False, ZoneRelation.INSIDE)], outside)
        scores[f"{level}_outside_possibly_%"] = _percent(counts[(level, False, ZoneRelation.POSSIBLY_INSIDE)], outside)
    return scores
