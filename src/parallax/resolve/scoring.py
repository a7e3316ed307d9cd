"""How likely two mentions from different articles are to tell the same incident."""

from __future__ import annotations

import re

from parallax.extract import compatibility as compat
from parallax.schema import EventMention

_WORD = re.compile(r"[a-z][a-z\-]{3,}")
_STOP = frozenset("that with from this were have been their they said after about which while".split())


def hard_conflict(a: EventMention, b: EventMention, max_day_gap: int = 1) -> bool:
    """Evidence that two mentions cannot be one incident, whatever else they share."""
    places_a = [a.place] if a.place else []
    places_b = [b.place] if b.place else []
    return (a.article_id == b.article_id
            or compat.places_conflict(places_a, places_b)
            or compat.dates_conflict([a.date] if a.date else [], [b.date] if b.date else [], max_day_gap)
            or compat.perpetrators_conflict(a.actors, b.actors))


def words(mention: EventMention) -> set[str]:
    text = " ".join(s.sentence for s in mention.sentences).lower()
    return {w for w in _WORD.findall(text) if w not in _STOP}


def similarity(a: EventMention, b: EventMention) -> float:
    """A score in [0, 1]: place, date, type, actors and wording, each weighted by what it proves."""
    score = 0.0
    if a.place and b.place and compat.same_place(a.place, b.place):
        score += 0.35
    elif a.place and b.place and a.place.country == b.place.country and a.place.country:
        score += 0.05
    if a.date and b.date and a.date.value and a.date.value == b.date.value:
        score += 0.25
    elif a.date and b.date and a.date.weekday and a.date.weekday == b.date.weekday:
        score += 0.2
    if (a.event_type, a.sub_event_type) == (b.event_type, b.sub_event_type):
        score += 0.15
    elif a.event_type == b.event_type:
        score += 0.08
    names_a, names_b = {x.normalized for x in a.actors}, {x.normalized for x in b.actors}
    if names_a & names_b:
        score += 0.1 * len(names_a & names_b) / len(names_a | names_b) + 0.05
    wa, wb = words(a), words(b)
    if wa and wb:
        score += 0.2 * len(wa & wb) / min(len(wa), len(wb))
    return min(score, 1.0)
