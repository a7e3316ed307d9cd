"""Hand-built incidents for the report tests: two outlets that disagree, a hostile sentence,
an unlocated incident and one mentioned in passing."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from parallax.schema import (Actor, ActorRole, Article, Claim, ClaimPart, DatePrecision, EventDate,
                             EventMention, Fatalities, Figure, GeoPrecision, Incident, Measure, Place,
                             Span, Speaker, Stance)

HOSTILE = "Officials said <script>alert(1)</script> eight people & 2 <b>children</b> died."
TEXT_A = "BEIRUT - An air strike near al-Tanf on Thursday killed eight people, the Syrian Observatory said."
TEXT_B = HOSTILE + " Six soldiers were killed in Thursday's raid, a military source said."
TEXT_C = "Clashes were reported in the east last month."


def span(article_id: str, text: str, word: str, sentence: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return Span(article_id, start, start + len(word), word, sentence)


@pytest.fixture
def articles() -> dict[str, Article]:
    items = [Article("a1", TEXT_A, "Strike near al-Tanf", "The National", "https://example.org/a",
                     datetime(2017, 5, 19, 10, 30)),
             Article("b2", TEXT_B, "<img src=x onerror=alert(2)>", "al-Masdar News", "javascript:alert(3)"),
             Article("c3", TEXT_C, "Roundup", "")]
    return {a.id: a for a in items}


def _mention_a() -> EventMention:
    sohr = Speaker("the Syrian Observatory", "Syrian Observatory for Human Rights", "organisation")
    killed = Claim("ca1", "a1", Measure.KILLED, Figure(8, 8, "eight"),
                   span("a1", TEXT_A, "eight", TEXT_A), victim_group="people", speaker=sohr, verb="said",
                   parts=(ClaimPart("fighters", Figure(5, 5, "five")),))
    place = Place("al-Tanf", "SY", "Syria", "Homs", "", 33.49, 38.618, GeoPrecision.NEAR,
                  relation="near", span=span("a1", TEXT_A, "al-Tanf", TEXT_A))
    when = EventDate(date(2017, 5, 18), DatePrecision.DAY, "on Thursday", "Thursday",
                     span("a1", TEXT_A, "on Thursday", TEXT_A))
    return EventMention("ma1", "a1", span("a1", TEXT_A, "air strike", TEXT_A), "Explosions/Remote violence",
                        "Air/drone strike", (Actor("US-led coalition", "Coalition", ActorRole.PERPETRATOR),),
                        place, when, (killed,), outlet="The National")


def _mention_b() -> EventMention:
    second = TEXT_B[len(HOSTILE) + 1:]
    hostile = Claim("cb1", "b2", Measure.KILLED, Figure(8, 8, "eight"), span("b2", TEXT_B, "eight", HOSTILE),
                    victim_group="people <i>", speaker=Speaker("<u>Officials</u>", "officials"),
                    relay=("Russian media", "<SANA>"), hedged=True, hedge="reportedly", stance=Stance.CLAIMED)
    soldiers = Claim("cb2", "b2", Measure.KILLED, Figure(6, 6, "Six"), span("b2", TEXT_B, "Six", second),
                     victim_group="soldiers", speaker=Speaker("a military source", "Syrian military"),
                     negated=True, claim_time="by Thursday evening")
    when = EventDate(None, DatePrecision.UNKNOWN, "Thursday's", "Thursday")
    return EventMention("mb1", "b2", span("b2", TEXT_B, "raid", second), "Explosions/Remote violence",
                        "Air/drone strike", date=when, claims=(hostile, soldiers), outlet="al-Masdar News")


@pytest.fixture
def incidents() -> list[Incident]:
    first, second = _mention_a(), _mention_b()
    located = Incident("i1", (first, second), "Explosions/Remote violence", "Air/drone strike", first.date,
                       first.place, "Coalition", "Syrian military", Fatalities(6, 8, 8, "median rule"), True,
                       ("sources disagree on killed: SOHR: eight; Syrian military: Six",))
    clash = EventMention("mc1", "c3", span("c3", TEXT_C, "Clashes", TEXT_C), "Battles", "Armed clash",
                         date=EventDate(None, DatePrecision.MONTH, "last month"), background=True)
    unlocated = Incident("i2", (clash,), "Battles", "Armed clash", clash.date, None, background=True)
    return [unlocated, located]
