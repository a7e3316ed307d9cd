"""Hand-built records for the store tests: every optional field set somewhere, unset somewhere else."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from parallax.schema import (Actor, ActorRole, Article, Claim, ClaimPart, DatePrecision, EventDate,
                             EventMention, Fatalities, Figure, GeoPrecision, Incident, Measure, Place,
                             Span, Speaker, Stance)

TEXT_A = ("BEIRUT - An air strike on Thursday near al-Tanf killed eight people, including five "
          "fighters, the Syrian Observatory for Human Rights said.")
TEXT_B = "Six soldiers were killed and three wounded in Thursday's strike, a military source told SANA."


def span(article_id: str, text: str, word: str, sentence: str | None = None) -> Span:
    start = text.index(word)
    return Span(article_id, start, start + len(word), word, text if sentence is None else sentence)


@pytest.fixture
def articles() -> list[Article]:
    plus3 = timezone(timedelta(hours=3))
    return [Article("a1", TEXT_A, "Strike near al-Tanf", "The National", "https://example.org/a1",
                    datetime(2017, 5, 19, 10, 30, tzinfo=plus3), "en", "examples/a1.txt", "BEIRUT", 9),
            Article("b2", TEXT_B, outlet="", published=None, source="feed.xml:3")]


def _claims_a() -> tuple[Claim, ...]:
    sohr = Speaker("the Syrian Observatory for Human Rights", "SOHR", "organisation", "monitor")
    killed = Claim("c1", "a1", Measure.KILLED, Figure(8, 8, "eight"), span("a1", TEXT_A, "eight"),
                   victim_group="people", parts=(ClaimPart("fighters", Figure(5, 5, "five")),),
                   speaker=sohr, relay=("Russian media; TASS", "al-Masdar News"), verb="said",
                   stance=Stance.CLAIMED, hedged=True, hedge="reportedly")
    denied = Claim("c2", "a1", Measure.INJURED, Figure(None, None, "no"), span("a1", TEXT_A, "people"),
                   negated=True, scope="cumulative")
    return killed, denied


@pytest.fixture
def mentions() -> list[EventMention]:
    place = Place("al-Tanf", "SY", "Syria", "Homs", "Tadmur", 33.49, 38.618, GeoPrecision.NEAR, 163345,
                  "near", span("a1", TEXT_A, "al-Tanf"))
    when = EventDate(date(2017, 5, 18), DatePrecision.DAY, "on Thursday", "Thursday",
                     span("a1", TEXT_A, "on Thursday"))
    actor = Actor("US-led warplanes", "Coalition", ActorRole.PERPETRATOR, "external forces", "US",
                  span("a1", TEXT_A, "air strike"))
    first = EventMention("m1", "a1", span("a1", TEXT_A, "air strike"), "Explosions/Remote violence",
                         "Air/drone strike", (actor, Actor("fighters", "fighters", ActorRole.TARGET)),
                         place, when, _claims_a(), (Span("a1", 0, len(TEXT_A), TEXT_A),),
                         outlet="The National")
    weekday_only = EventDate(None, DatePrecision.UNKNOWN, "Thursday's", "Thursday")
    wounded = Claim("c3", "b2", Measure.INJURED, Figure(3, 3, "three"), span("b2", TEXT_B, "three"),
                    victim_group="soldiers", speaker=Speaker("a military source", "Syrian military"))
    second = EventMention("m2", "b2", span("b2", TEXT_B, "strike"), "Explosions/Remote violence",
                          "Air/drone strike", date=weekday_only, claims=(wounded,), background=True)
    return [first, second]


@pytest.fixture
def incident(mentions) -> Incident:
    notes = ("sources disagree on killed: SOHR: eight; Syrian military: six", "SANA denies injured")
    when = EventDate(date(2017, 5, 18), DatePrecision.DAY, "Thursday's", "Thursday",
                     span("b2", TEXT_B, "Thursday's"))
    return Incident("i1", tuple(mentions), "Explosions/Remote violence", "Air/drone strike",
                    when, mentions[0].place, "Coalition", "Syrian military",
                    Fatalities(6, 8, 24, "median of sources"), True, notes)
