"""What a mention offers for matching, computed once per mention: its words, names, figures, quotes."""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import cache, lru_cache

from parallax.extract.actor_dictionary import load_actor_dictionary, normalize_actor
from parallax.knowledge import read_table
from parallax.schema import DatePrecision, EventDate, EventMention, Measure

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\-]+|\d+")
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")
# A run of two or more capitalised words, with middle initials: a person's name once titles are dropped.
_RUN = re.compile(r"\b[A-Z][A-Za-z'\-]*[a-z](?:\s+(?:[A-Z]\.\s+)?[A-Z][A-Za-z'\-]*[a-z])+")
_OUTLET_OWN = re.compile(r"^(?:[A-Z0-9][A-Za-z0-9]*)['’]s$")  # "NBC 6's Jamie Guirola": the outlet's reporter
_QUOTE = re.compile(r"[\"“]([^\"”]{20,})[\"”]")
_STOP = frozenset(
    "the a an and or of to in on at for by with from that this these those was were is are be been "
    "has have had it its he she they them their his her we our you said says say told after before "
    "about which while when where who whom but not no also into over than then there here as up out "
    "one two three four five six seven eight nine ten police news reported according".split())
# Words that make a story a follow-up (or a reply) to an event rather than the event itself.
# Capitalised words that are not names of people or places particular to one event.
_CALENDAR = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march "
                      "april may june july august september october november december".split())
MOURNING = frozenset("funeral funerals burial buried vigil vigils mourners memorial".split())
FOLLOW_UP = MOURNING | frozenset("investigation inquiry probe trial sentenced sentencing charged indicted".split())
# "the funeral of victims of Thursday's attack", "a vigil for those killed in the shooting": a
# mourning word, then of/for/in/into before a noun phrase (no verb) that ends on the trigger. (Not
# "charged in the shooting": stories of charges are told as one incident with the event, as GVA does.)
_RECALLED = (r"\b(?:{words})\b[^.;:]{{0,80}}?\b(?:of|for|in|into)\s+(?:(?:the|a|an|this|last|that)\s+|"
             r"[\w-]+['’]s\s+)(?:(?!(?:is|are|was|were|be|been|being|has|have|had)\b)[\w-]+\s+){{0,2}}?"
             r"{trigger}$")
RETALIATION = frozenset("retaliation retaliatory reprisal reprisals revenge avenge avenged".split())
_AGE = re.compile(r"\b(\d{1,2})-year-old\b|\baged (\d{1,2})\b|[a-z], (\d{1,2}),")
SHINGLE = 3
REFERENCE_LAG_DAYS = 3  # an undated report's event: the days just before publication


@dataclass(frozen=True, slots=True)
class MentionFeatures:
    words: frozenset[str]
    names: frozenset[str]
    shingles: frozenset[int]
    figures: frozenset[tuple[str, int]]
    speakers: frozenset[str]
    quotes: frozenset[int]
    trigger: str
    retaliation: bool
    people: frozenset[str] = frozenset()  # people, streets and sites the event sentences name (not speakers)
    ages: frozenset[int] = frozenset()  # the ages of the people told ("a 19-year-old", "Marcus Reyes, 24,")


def mention_text(mention: EventMention) -> str:
    return " ".join(dict.fromkeys(s.sentence or s.text for s in mention.sentences))


def is_follow_up(mention: EventMention) -> bool:
    """The mention tells a funeral, vigil, investigation or trial: its trigger is such a word, or the
    event its trigger names is what a funeral or vigil is for ("mourners gathered for the funeral of
    victims of Thursday's attack"), so the story is not a report of the attack itself."""
    return _tells_follow_up(mention.trigger.text, mention.trigger.sentence or "")


@lru_cache(maxsize=1 << 13)  # scoring asks once per candidate pair: pure, so bounded caching is safe
def _tells_follow_up(trigger_text: str, sentence: str) -> bool:
    trigger = trigger_text.lower()
    if trigger in FOLLOW_UP:
        return True
    at = sentence.find(trigger_text)
    return at > 0 and bool(re.search(_RECALLED.format(words="|".join(sorted(MOURNING)), trigger=re.escape(trigger)),
                                     sentence[:at + len(trigger)].lower()))


def shingles(tokens: list[str]) -> frozenset[int]:
    """Hashed word 3-grams: the unit of near-duplicate text (wire copy reposted)."""
    return frozenset(zlib.crc32(" ".join(tokens[i:i + SHINGLE]).encode())
                     for i in range(max(len(tokens) - SHINGLE + 1, 0)))


def features_of(mention: EventMention) -> MentionFeatures:
    text = mention_text(mention)
    tokens = [t.lower() for t in _TOKEN.findall(text)]
    words = frozenset(t for t in tokens if t not in _STOP and len(t) > 2)
    told_by = {mention.outlet.lower(), mention.place.country_name.lower() if mention.place else ""}
    names = frozenset(n.lower() for n in _NAME.findall(text)) - _STOP - _CALENDAR - told_by
    figures = frozenset((c.measure.value, c.figure.low) for c in mention.claims
                        if c.figure.low is not None and c.figure.low > 1 and not c.negated
                        and c.measure != Measure.DAMAGED)
    speakers = frozenset(c.speaker.normalized for c in mention.claims if c.speaker and c.speaker.normalized)
    quotes = frozenset(zlib.crc32(" ".join(_TOKEN.findall(q.lower())).encode()) for q in _QUOTE.findall(text))
    return MentionFeatures(words, names, shingles(tokens), figures, speakers, quotes,
                           mention.trigger.text.lower(), bool(words & RETALIATION), people_of(mention),
                           ages_in(text))


def ages_in(text: str) -> frozenset[int]:
    """Ages the text gives its people: "a 19-year-old", "aged 24", "Marcus Reyes, 24, ..."."""
    return frozenset(int(next(g for g in m.groups() if g)) for m in _AGE.finditer(text))


def people_of(mention: EventMention) -> frozenset[str]:
    """The people (and streets, sites) a mention's event sentences name, less its speakers, its
    outlet, its place and the armed groups it names."""
    told_by = {mention.outlet.lower(), mention.place.name.lower() if mention.place else ""}
    told_by |= {c.speaker.normalized.lower() for c in mention.claims if c.speaker and c.speaker.normalized}
    return _people_less(mention_text(mention), frozenset(told_by))


@lru_cache(maxsize=1 << 13)  # scoring asks once per candidate pair: pure, so bounded caching is safe
def _people_less(text: str, told_by: frozenset[str]) -> frozenset[str]:
    return frozenset(n for n in people_in(text) if not _names_group(n)) - told_by


@lru_cache(maxsize=1 << 13)
def _names_group(name: str) -> bool:
    """A name the actor dictionary knows ("tehreek-e-taliban pakistan", "boko haram"): an armed group or
    force takes part in many events, so two stories naming it are no follow-up of one another."""
    return normalize_actor(name, load_actor_dictionary(), lambda word: None) is not None


@cache
def follow_up_words() -> frozenset[str]:
    """Words that make a report a follow-up story (an arrest, a charge, a hearing, a funeral):
    data/follow_up_words.tsv."""
    return frozenset(r["word"] for r in read_table("follow_up_words.tsv"))


_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=1 << 13)
def follow_up_words_in(text: str) -> frozenset[str]:
    """The follow-up words (data/follow_up_words.tsv) a text holds, lower-cased whole words."""
    return frozenset(_WORD.findall(text.lower())) & follow_up_words()


def follow_up_cues(mention: EventMention) -> frozenset[str]:
    """The follow-up words a mention's event sentences hold ("arrested", "charged", "sentenced")."""
    return follow_up_words_in(mention_text(mention))


def is_person(name: str) -> bool:
    """A name of people_in that is a person's, not a street's or a site's ("Fulton Avenue")."""
    sites = name_words()[2]
    return not any(word in sites for word in name.split())


def persons_of(mention: EventMention) -> frozenset[str]:
    """The people (not streets or sites) a mention's event sentences name."""
    return frozenset(n for n in people_of(mention) if is_person(n))


@cache
def name_words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(titles dropped before a name, words that make a capitalised run no person's name, words
    that make it a street or a site, capitalised words that credit the name after them)."""
    rows = read_table("name_words.tsv")
    return tuple(frozenset(r["word"] for r in rows if r["kind"] == kind)
                 for kind in ("title", "not", "site", "byline"))


@lru_cache(maxsize=1 << 13)  # blocking and scoring ask for the same texts; pure, so bounded caching is safe
def people_in(text: str) -> tuple[str, ...]:
    """Lower-cased names of the people an event happened to or was done by, and of its sites, in
    `text`: capitalised runs of two or more words once sentence-opening words are dropped, none of
    whose words marks a place or an organisation. Officials (a title before the name: "police
    spokeswoman Sonya Toler", "Officer Dana Brooks") and reporters ("By ...", "NBC 6's ...") tell
    of many events and are left out. A person's name is read as given name and surname
    (`first_and_last`), so reports writing it with and without a middle name agree."""
    titles, not_names, sites, bylines = name_words()
    found = []
    for run in _RUN.finditer(text):
        words = [w.strip(".").lower() for w in run.group().split() if len(w.strip(".")) > 1]
        before = text[max(run.start() - 30, 0):run.start()].split()
        credit = before[-1].strip(".,:") if before else ""
        if credit.lower() in titles or credit in bylines or run.group().split()[0] in bylines \
                or _OUTLET_OWN.match(credit) or (words and words[0] in titles):
            continue
        while words and (words[0] in _STOP or words[0] in _CALENDAR):
            words.pop(0)
        if len(words) >= 2 and not any(w in not_names or w in _CALENDAR for w in words):
            found.append(" ".join(words if any(w in sites for w in words) else first_and_last(words)))
    return tuple(found)


_SUFFIXES = frozenset("jr sr ii iii iv".split())


def first_and_last(words: list[str]) -> list[str]:
    """A person's given name and surname, without a middle name or a suffix: one report writes
    "Vontay Jamar Price", another "Vontay Price" (middle initials are dropped already)."""
    while len(words) > 2 and words[-1] in _SUFFIXES:
        words = words[:-1]
    return [words[0], words[-1]] if len(words) == 3 else words  # longer runs are headlines, not names


def jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def overlap(a: frozenset, b: frozenset) -> float:
    """Share of the smaller set found in the larger: a short report inside a long one scores high."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def with_reference_date(mention: EventMention, published: date | datetime | None) -> EventMention:
    """For matching only: a mention with no calendar date happened in the week before its
    article was published (the incident record keeps the date as the text gives it)."""
    if published is None or (mention.date is not None and mention.date.value is not None):
        return mention
    day = published.date() if isinstance(published, datetime) else published
    weekday = mention.date.weekday if mention.date else ""
    return replace(mention, date=EventDate(day - timedelta(days=REFERENCE_LAG_DAYS), DatePrecision.WEEK,
                                           "published " + day.isoformat(), weekday))
