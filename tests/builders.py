"""Hand-built records for tests that need no spaCy model."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from parallax.schema import (
    Actor, ActorRole, Claim, DatePrecision, EventDate, EventMention, Figure, GeoPrecision, Measure,
    Place, Span, Speaker,
)

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def span(article: str, text: str = "x", start: int = 0) -> Span:
    return Span(article, start, start + len(text), text, text)


def place(name: str, country: str = "SO", lat: float | None = 2.0, lon: float | None = 45.0,
          precision: GeoPrecision = GeoPrecision.EXACT, admin1: str = "") -> Place:
    return Place(name, country, "", admin1, "", lat, lon, precision)


def day(value: date | None, weekday: str = "") -> EventDate:
    precision = DatePrecision.DAY if value or weekday else DatePrecision.UNKNOWN
    return EventDate(value, precision if value else DatePrecision.UNKNOWN, weekday.lower(), weekday)


def claim(article: str, low: int | None, high: int | None, speaker: str = "",
          measure: Measure = Measure.KILLED, hedged: bool = False, negated: bool = False,
          scope: str = "incident", start: int = 0) -> Claim:
    who = Speaker(speaker, speaker) if speaker else None
    return Claim(f"{article}-{speaker}-{low}-{start}-{measure}", article, measure,
                 Figure(low, high, str(low)), span(article, str(low), start), speaker=who,
                 hedged=hedged, negated=negated, scope=scope)


def mention(article: str, where: Place | None, when: EventDate | None, text: str,
            claims: tuple[Claim, ...] = (), sub: str = "Shelling/artillery/missile attack",
            kind: str = "Explosions/Remote violence", actor: str = "", outlet: str = "",
            start: int = 0, background: bool = False) -> EventMention:
    actors = (Actor(actor, actor, ActorRole.PERPETRATOR, "State Forces"),) if actor else ()
    return EventMention(f"m-{article}-{start}", article, span(article, "shelling", start), kind, sub,
                        actors, where, when, claims, (span(article, text, start),), background, outlet)


def toponyms(text: str, *names: str) -> list:
    """Toponyms (place_toponyms.Toponym) of `names`, found in `text` in order."""
    from parallax.extract.place_toponyms import Toponym
    found, at = [], 0
    for name in names:
        at = text.index(name, at)
        found.append(Toponym(name, at, at + len(name)))
        at += len(name)
    return found
