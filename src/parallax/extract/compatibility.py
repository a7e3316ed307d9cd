"""Whether two descriptions of an event can be the same event: places, dates, perpetrators, types."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from parallax.schema import Actor, ActorRole, DatePrecision, EventDate, GeoPrecision, Place

NEAR_KM = 30.0
IN_A_NAME = "in the name of"  # Place.relation of a town named inside an organisation's name
HOME_OF = "home of"  # Place.relation of a town someone is said to be from ("Jane Doe, 41, of Grovetown")
NEWSROOM = "newsroom of"  # Place.relation of a dateline's town inside a text ("... bracelet . ROSWELL - A man")
AS_ACTOR = "named as an actor"  # Place.relation of a country or capital standing for its government ("US officials")
DEMONYM = "demonym of"  # Place.relation of the place a people's name stands for ("Georgian troops", "Ohioans")
UNLOCATED = "in the article's province"  # Place.relation of a name the gazetteer lacks, put at that province
_STATE_SIDE = {"State Forces", "External/Other Forces"}
_ARTICLE = re.compile(r"^(al|el|at|ash|as|ad|ar|az|an|ad|the)[\s\-]+")
# Event types that say little on their own ("killed", "attack") and so never split an incident.
GENERIC_SUBTYPES = frozenset({"", "Attack", "Other"})


@lru_cache(maxsize=1 << 16)  # asked for every pair scored and every reconciliation; names repeat
def place_key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[’'`‘]", "", text)
    text = _ARTICLE.sub("", text.strip())
    text = re.sub(r"\b(province|governorate|city|town|village|district|region|base|garrison|air base|"
                  r"airbase|airport|crossing)\b", " ", text)
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def km_between(a: Place, b: Place) -> float | None:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def is_border(place: Place) -> bool:
    """Borders, roads between towns, places named only inside an organisation's name ("the
    Mansfield Police Department") and the towns people are from ("Rep. Jo Moe, R-Elbow Lake")
    locate an event only loosely: they never split incidents; nor does a newsroom's dateline."""
    relation = place.relation.lower()
    return "border" in relation or "between" in relation or relation in (IN_A_NAME, HOME_OF, NEWSROOM, AS_ACTOR, DEMONYM)


def specific(places: Iterable[Place]) -> list[Place]:
    """Places precise enough to tell incidents apart (town or near-town, a town the gazetteer lacks),
    borders excluded."""
    return [p for p in places if not is_border(p)
            and (p.precision in (GeoPrecision.EXACT, GeoPrecision.NEAR, GeoPrecision.UNKNOWN) or p.relation == UNLOCATED)]


def places_conflict(a: Iterable[Place], b: Iterable[Place]) -> bool:
    """True when the two lists name places that cannot be the same event's place."""
    a, b = [p for p in a if not is_border(p)], [p for p in b if not is_border(p)]
    countries_a = {p.country for p in a if p.country}
    countries_b = {p.country for p in b if p.country}
    if countries_a and countries_b and not countries_a & countries_b:
        return True
    sa, sb = specific(a), specific(b)
    if sa and sb:
        return not any(same_place(x, y) for x in sa for y in sb)
    return _region_conflict(sa or sb, [p for p in (b if sa else a) if p.precision == GeoPrecision.REGION])


def _region_conflict(points: list[Place], regions: list[Place]) -> bool:
    for point in points:
        for region in regions:
            if point.admin1 and region.admin1 and region.country == point.country \
                    and place_key(region.admin1) != place_key(point.admin1):
                return True
    return False


def same_place(a: Place, b: Place) -> bool:
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if place_key(a.name) and place_key(a.name) == place_key(b.name):
        return True
    if UNLOCATED in (a.relation, b.relation):  # its point is its province's, not its own
        return False
    distance = km_between(a, b)
    return distance is not None and distance <= NEAR_KM


def dates_conflict(a: Iterable[EventDate], b: Iterable[EventDate], max_gap_days: int = 1) -> bool:
    """True when known dates are further apart than `max_gap_days`, or known weekdays differ."""
    for x in a:
        for y in b:
            if x.value and y.value and x.precision <= 1 and y.precision <= 1:
                if abs((x.value - y.value).days) > max_gap_days:
                    return True
            elif x.weekday and y.weekday and x.weekday != y.weekday:
                return True
    return False


def months_conflict(a: Iterable[EventDate], b: Iterable[EventDate]) -> bool:
    """True when a month-precision date ("In March", "last month") and a day or another month told
    in one article fall in different months: "In March, gunmen killed 11 soldiers" is not Friday's bombing."""
    def month(d: EventDate) -> tuple[int, int] | None:
        return (d.value.year, d.value.month) if d.value and d.precision in (DatePrecision.DAY, DatePrecision.MONTH) else None
    return any(month(x) and month(y) and month(x) != month(y) and DatePrecision.MONTH in (x.precision, y.precision)
               for x in a for y in b)


def side(actor: Actor) -> str:
    if actor.category in _STATE_SIDE or "pro-government" in actor.normalized.lower():
        return "state"
    return "nonstate" if actor.category else ""


def perpetrators_conflict(a: Iterable[Actor], b: Iterable[Actor]) -> bool:
    """True when the doers are on opposite sides (state vs non-state): different incidents."""
    sides_a = {side(x) for x in a if x.role == ActorRole.PERPETRATOR} - {""}
    sides_b = {side(x) for x in b if x.role == ActorRole.PERPETRATOR} - {""}
    return bool(sides_a and sides_b and not sides_a & sides_b)


def types_conflict(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Different ACLED event types, when both sub-types are specific enough to be trusted."""
    (type_a, sub_a), (type_b, sub_b) = a, b
    if sub_a in GENERIC_SUBTYPES or sub_b in GENERIC_SUBTYPES:
        return False
    return type_a != type_b


def best_place(places: list[Place]) -> Place | None:
    """The most precise located place; border mentions only when nothing else is known."""
    usable = [p for p in places if not is_border(p)] or [p for p in places if p.relation != NEWSROOM]
    located = [p for p in usable if p.latitude is not None] or usable
    return min(located, key=lambda p: (p.precision, p.span.start if p.span else 0), default=None)


def best_date(dates: list[EventDate]) -> EventDate | None:
    """The most precise date; an unresolved weekday beats a vaguer unresolved expression."""
    def rank(d: EventDate) -> tuple[int, int]:
        known = 0 if d.value is not None else 1
        precision = d.precision if d.value is not None else (DatePrecision.DAY if d.weekday else 9)
        return (precision, known)
    return min(dates, key=rank, default=None)
