"""How likely two mentions from different articles are to tell the same incident, with the evidence.

The score is a sum of weighted pieces of evidence, each kept with a short reason so that a merge can
be explained; hard conflicts (different places, incompatible dates, opposite perpetrators, an event
against a funeral or trial story) forbid a match whatever the score. Dates further apart than the
window do not forbid it for a follow-up report (an arrest, a charge, a hearing told weeks later)
naming a person the other report names (`follows_up`): it is a report of the same incident, and
the evidence says "follow-up".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache

from parallax.extract import compatibility as compat
from parallax.knowledge import read_table
from parallax.resolve.features import (MentionFeatures, features_of, follow_up_cues, follow_up_words_in,
                                       is_follow_up, jaccard, mention_text, overlap, people_of, persons_of)
from parallax.schema import DatePrecision, EventDate, EventMention, MatchEvidence, Place

AGE_WEIGHT = 0.08  # each age both reports give its people, up to two: GVA dev 0.05 -> 0.875, 0.08 and 0.1 -> 0.876, 0.15 -> 0.874
CONTEXT_PENALTY = -0.1  # the place a report's sentences give outranks its article's town, softly: GVA dev flat over -0.05..-0.15
CONTEXT = "article context"  # Place.relation of a place taken from the article, not the event's sentences
_name_key = lru_cache(maxsize=1 << 14)(compat.place_key)  # asked again and again for the same few names
DATES_DIFFER = "dates differ"
SAME_ARTICLE = "same article"
# Days either side of a date within which two reports can be one event, by date precision.
DAY_WINDOW = {DatePrecision.DAY: 1, DatePrecision.WEEK: 7, DatePrecision.MONTH: 31}


def date_window(when: EventDate | None, max_day_gap: int = 1) -> int | None:
    """How far a date may be from another and still be the same day; None when it is unknown."""
    if when is None or when.value is None:
        return None
    return max(DAY_WINDOW.get(when.precision, 31), max_day_gap)


def dates_conflict(a: EventDate | None, b: EventDate | None, max_day_gap: int = 1) -> bool:
    """Known dates further apart than the wider window allows; or known, different weekdays."""
    wa, wb = date_window(a, max_day_gap), date_window(b, max_day_gap)
    if wa is not None and wb is not None:
        return abs((a.value - b.value).days) > max(wa, wb)
    return bool(a and b and a.value is None and b.value is None and a.weekday and b.weekday
                and a.weekday != b.weekday)


def from_context(place: Place) -> bool:
    """A place the event sentences do not give, only the article's first town (extract.mentions):
    it says where the article is about, too loosely to set two reports apart."""
    return place.relation == CONTEXT


def places_differ(a: EventMention, b: EventMention) -> bool:
    """Places that cannot be one event's, unless they have one name (Toledo, Ohio against the
    Toledo a geocoder found in Brazil: a namesake is never evidence of two events)."""
    if not (a.place and b.place) or from_context(a.place) or from_context(b.place):
        return False
    return compat.places_conflict([a.place], [b.place]) and _name_key(a.place.name) != _name_key(b.place.name)


def provinces_differ(a: Place, b: Place) -> bool:
    """Another country or province: a follow-up may be told from the county seat or the court's
    town, so towns of one province do not keep it apart."""
    return a.country != b.country or bool(a.admin1 and b.admin1 and a.admin1 != b.admin1)


def follows_up(a: EventMention, b: EventMention) -> bool:
    """Two reports dated further apart than their windows that tell one incident: one of them tells
    a follow-up (an arrest, a charge, a hearing: data/follow_up_words.tsv), they name a person in
    common (not a street or a site, not a speaker), and their provinces do not differ."""
    if not (follow_up_cues(a) or follow_up_cues(b)) or not persons_of(a) & persons_of(b):
        return False
    return not (places_differ(a, b) and provinces_differ(a.place, b.place))


def conflict(a: EventMention, b: EventMention, max_day_gap: int = 1, dates: bool = True) -> str:
    """Why two mentions cannot be one incident ("" when nothing forbids it; `dates=False` leaves the
    dates out): two mentions of one article are never matched with each other, and `told_apart`
    says what else keeps two mentions apart."""
    if a.article_id == b.article_id:
        return SAME_ARTICLE
    return told_apart(a, b, max_day_gap, dates)


def told_apart(a: EventMention, b: EventMention, max_day_gap: int = 1, dates: bool = True) -> str:
    """What the two mentions tell that forbids one incident, whatever articles they are from. Two
    reports naming the same people (victims, suspects, the street; not speakers) are one event
    even when their places disagree: a namesake town picked by the geocoder, or a county told
    against its town; and a follow-up report naming a person the other names is one incident with
    it whatever their dates (`follows_up`)."""
    if dates and dates_conflict(a.date, b.date, max_day_gap) and not follows_up(a, b):
        return DATES_DIFFER
    if compat.perpetrators_conflict(a.actors, b.actors) and not (blame_disputed(a) or blame_disputed(b)):
        return "perpetrators on opposite sides"
    if is_follow_up(a) != is_follow_up(b):
        return "an event and its follow-up"
    if places_differ(a, b) and not people_of(a) & people_of(b):
        return "places differ"
    return ""


@cache
def _disputed_blame_words() -> frozenset[str]:
    return frozenset(r["word"] for r in read_table("disputed_blame_words.tsv"))


def blame_disputed(mention: EventMention) -> bool:
    """The report tells the blame as disputed ("the RSF ... denied any role", "the army blamed the
    RSF": data/disputed_blame_words.tsv): each side's account names the other as the doer, so its
    perpetrator is an accusation, and opposite perpetrators do not make two incidents."""
    return bool(_disputed_words_in(mention_text(mention)))


@lru_cache(maxsize=1 << 13)
def _disputed_words_in(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z]+", text.lower())) & _disputed_blame_words()


def hard_conflict(a: EventMention, b: EventMention, max_day_gap: int = 1) -> bool:
    return bool(conflict(a, b, max_day_gap))


def follow_up_member(a: EventMention, b: EventMention, members: Sequence[EventMention],
                     max_day_gap: int = 1) -> bool:
    """In an incident of `members`, two reports dated too far apart are not kept apart when the later
    one is a follow-up report of the incident: it tells a follow-up and names a person a member
    dated before its window names (`follows_up`), and nothing but the dates forbids the pair.
    (The arrest story names the victim; the first reports of the shooting often do not.)"""
    if not (a.date and b.date and a.date.value and b.date.value) or conflict(a, b, max_day_gap, dates=False):
        return False
    later = b if b.date.value > a.date.value else a
    return bool(follow_up_cues(later)) and any(
        m.date and m.date.value and m.date.value < later.date.value
        and dates_conflict(m.date, later.date, max_day_gap) and follows_up(later, m) for m in members)


STORY = "same story"
VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})


def story_pairs(mentions: Sequence[EventMention]) -> list[tuple[EventMention, EventMention]]:
    """Within one article, (follow-up, event): a mention whose trigger is a follow-up word ("arrested",
    "charged", "indicted": data/follow_up_words.tsv) and the violent event the same story tells, the one
    nearest it ("detained two men over a deadly shooting at a Tulsa bar ... fired
    into the crowd on Sept. 13"), dated no later than the follow-up. The story reports that event:
    its follow-up joins the event's incident as a follow-up report, as a later story naming the
    event's people does (`follows_up`), by what the article itself ties together."""
    by_article: dict[str, list[EventMention]] = {}
    for mention in mentions:
        by_article.setdefault(mention.article_id, []).append(mention)
    pairs = []
    for told in by_article.values():
        for later in (m for m in told if follow_up_words_in(m.trigger.text)):
            events = [m for m in told if m.event_type in VIOLENT and not follow_up_words_in(m.trigger.text)
                      and not is_follow_up(m) and not _after(m, later)]
            if events:
                pairs.append((later, min(events, key=lambda m: (abs(m.trigger.start - later.trigger.start), m.id))))
    return pairs


def _after(event: EventMention, later: EventMention) -> bool:
    return bool(event.date and later.date and event.date.value and later.date.value
                and event.date.value > later.date.value)


def story_follow_up(a: EventMention, b: EventMention, members: Sequence[EventMention]) -> bool:
    """In an incident of `members`, two reports dated too far apart are not kept apart when the later
    tells a follow-up and an article among the members tells both a follow-up and the event
    (`story_pairs`): the incident is the event with its follow-up reports."""
    if not (a.date and b.date and a.date.value and b.date.value):
        return False
    later = b if b.date.value > a.date.value else a
    return bool(follow_up_cues(later)) and bool(story_pairs(members))


def _place_evidence(a: EventMention, b: EventMention) -> list[MatchEvidence]:
    if not (a.place and b.place):
        return []
    distance = compat.km_between(a.place, b.place)
    if compat.same_place(a.place, b.place):
        detail = f"{a.place.name} / {b.place.name}" + (f", {distance:.0f} km" if distance else "")
        return [MatchEvidence("place", 0.3, detail)]
    if (from_context(a.place) or from_context(b.place)) and compat.places_conflict([a.place], [b.place]):
        return [MatchEvidence("places differ", CONTEXT_PENALTY, f"{a.place.name} / {b.place.name}, one from the article")]
    if a.place.country and a.place.country == b.place.country:
        return [MatchEvidence("country", 0.05, a.place.country)]
    return []


def _date_evidence(a: EventMention, b: EventMention) -> list[MatchEvidence]:
    da, db = a.date, b.date
    if da and db and da.value and db.value:
        gap = abs((da.value - db.value).days)
        if dates_conflict(da, db):  # only scored when `follows_up`: the date is no evidence, the name is
            told = ", ".join(sorted(follow_up_cues(b if db.value > da.value else a))[:3])
            return [MatchEvidence("follow-up", 0.0, f"told {gap} days later ({told})")]
        if gap == 0 and da.precision == db.precision == DatePrecision.DAY:
            return [MatchEvidence("date", 0.25, da.value.isoformat())]
        return [MatchEvidence("date", 0.15 if gap <= 1 else 0.05, f"{da.value} / {db.value}")]
    if da and db and da.weekday and da.weekday == db.weekday:
        return [MatchEvidence("weekday", 0.2, da.weekday)]
    return []


def _type_evidence(a: EventMention, b: EventMention) -> list[MatchEvidence]:
    if (a.event_type, a.sub_event_type) == (b.event_type, b.sub_event_type):
        return [MatchEvidence("type", 0.1, a.sub_event_type or a.event_type)]
    if a.event_type == b.event_type:
        return [MatchEvidence("type", 0.05, a.event_type)]
    if compat.types_conflict((a.event_type, a.sub_event_type), (b.event_type, b.sub_event_type)):
        return [MatchEvidence("types differ", -0.1, f"{a.sub_event_type} / {b.sub_event_type}")]
    return []


def specific_actors(mention: EventMention) -> set[str]:
    """Actors that can tell one event from another: classified, and not ACLED's catch-all
    "Unidentified Armed Group" (a bare "Mali" or "GAO" read as an actor says nothing)."""
    return {x.normalized for x in mention.actors if x.category and not x.normalized.startswith("Unidentified")}


def _actor_evidence(a: EventMention, b: EventMention) -> list[MatchEvidence]:
    shared = specific_actors(a) & specific_actors(b)
    return [MatchEvidence("actors", min(0.05 * len(shared) + 0.05, 0.15), ", ".join(sorted(shared)))] \
        if shared else []


def _text_evidence(fa: MentionFeatures, fb: MentionFeatures) -> list[MatchEvidence]:
    out = []
    figures = fa.figures & fb.figures
    if figures:
        told = ", ".join(f"{n} {m}" for m, n in sorted(figures))
        out.append(MatchEvidence("figures", min(0.08 * len(figures), 0.16), told))
    speakers = fa.speakers & fb.speakers
    if speakers:
        out.append(MatchEvidence("speakers", 0.05, ", ".join(sorted(speakers))))
    if fa.quotes & fb.quotes:
        out.append(MatchEvidence("quote", 0.15, f"{len(fa.quotes & fb.quotes)} quote(s) in both"))
    ages = fa.ages & fb.ages
    if ages:
        out.append(MatchEvidence("ages", min(AGE_WEIGHT * len(ages), 2 * AGE_WEIGHT), ", ".join(map(str, sorted(ages)))))
    people = fa.people & fb.people
    if people:
        out.append(MatchEvidence("people", min(0.2 * len(people), 0.4), ", ".join(sorted(people)[:4])))
    names = fa.names & fb.names
    if names:
        out.append(MatchEvidence("names", round(0.3 * overlap(fa.names, fb.names), 3),
                                 ", ".join(sorted(names)[:6])))
    words = overlap(fa.words, fb.words)
    if words:
        out.append(MatchEvidence("words", round(0.2 * words, 3), f"{words:.2f} word overlap"))
    near = jaccard(fa.shingles, fb.shingles)
    if near >= 0.2:
        out.append(MatchEvidence("same text", round(0.3 * near, 3), f"{near:.2f} shingle jaccard"))
    if fa.retaliation != fb.retaliation:
        out.append(MatchEvidence("one is a reply", -0.3, "retaliation told in one report only"))
    return out


def evidence(a: EventMention, b: EventMention, fa: MentionFeatures | None = None,
             fb: MentionFeatures | None = None) -> tuple[MatchEvidence, ...]:
    """Every piece of evidence that the two mentions tell one incident, with its weight."""
    fa, fb = fa or features_of(a), fb or features_of(b)
    return tuple(_place_evidence(a, b) + _date_evidence(a, b) + _type_evidence(a, b)
                 + _actor_evidence(a, b) + _text_evidence(fa, fb))


def score(found: tuple[MatchEvidence, ...]) -> float:
    return max(0.0, min(sum(e.weight for e in found), 1.0))


def similarity(a: EventMention, b: EventMention) -> float:
    """A score in [0, 1]: place, date, type, actors and wording, each weighted by what it proves."""
    return score(evidence(a, b))
