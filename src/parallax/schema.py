"""The records that flow between parallax's stages, defined once.

Every record is a frozen dataclass. Every value taken from text carries a `Span`
pointing back to the article, the characters and the sentence it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import IntEnum, StrEnum


@dataclass(frozen=True, slots=True)
class Span:
    """Where a value was read: article id, character offsets into Article.text, the text."""

    article_id: str
    start: int
    end: int
    text: str
    sentence: str = ""


@dataclass(frozen=True, slots=True)
class Article:
    """One news report as ingested. `text` is the body as read (dateline kept, headline moved to
    `title`); every Span's offsets index `text`. `id` is a hash of the normalised text."""

    id: str
    text: str
    title: str = ""
    outlet: str = ""
    url: str = ""
    published: datetime | None = None
    language: str = "en"
    source: str = ""  # file path (and line) it was read from
    dateline: str = ""  # newsroom place(s) from "WASHINGTON/DAMASCUS -": not the event's place
    dateline_end: int = 0  # offset in `text` just past the dateline; places before it are ignored


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input item that was read but not processed, and why (never a silent drop)."""

    source: str
    code: str
    reason: str


class DatePrecision(IntEnum):
    """ACLED's time_precision: 1 day, 2 week (or a day within a few), 3 month or vaguer."""

    DAY = 1
    WEEK = 2
    MONTH = 3
    UNKNOWN = 9


class GeoPrecision(IntEnum):
    """ACLED's geo_precision: 1 the named town, 2 near it / its district, 3 province, 4 country."""

    EXACT = 1
    NEAR = 2
    REGION = 3
    COUNTRY = 4
    UNKNOWN = 9


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened, as the text says it. `value` stays None when it cannot be known."""

    value: date | None
    precision: DatePrecision
    expression: str = ""
    weekday: str = ""  # "Thursday": kept even when the calendar date is unknown
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """A geocoded place mention. Coordinates are None when the name is not in the gazetteer."""

    name: str
    country: str = ""  # ISO 3166-1 alpha-2
    country_name: str = ""
    admin1: str = ""
    admin2: str = ""
    latitude: float | None = None
    longitude: float | None = None
    precision: GeoPrecision = GeoPrecision.UNKNOWN
    geonameid: int | None = None
    relation: str = ""  # "", "near", "northwest of", ...
    span: Span | None = None


class ActorRole(StrEnum):
    PERPETRATOR = "actor1"
    TARGET = "actor2"
    ASSOCIATED = "assoc"


@dataclass(frozen=True, slots=True)
class Actor:
    """A participant as the text names it, with a normalised name and ACLED-style category."""

    name: str
    normalized: str
    role: ActorRole
    category: str = ""  # state forces, rebel group, political militia, civilians, external forces ...
    country: str = ""
    span: Span | None = None


class Measure(StrEnum):
    KILLED = "killed"
    INJURED = "injured"
    MISSING = "missing"
    ABDUCTED = "abducted"
    ARRESTED = "arrested"
    DISPLACED = "displaced"
    DAMAGED = "damaged"


class Stance(StrEnum):
    ASSERTED = "asserted"  # said, reported, told
    CLAIMED = "claimed"  # claimed, alleged: the speaker's word against others
    CONFIRMED = "confirmed"
    DENIED = "denied"


@dataclass(frozen=True, slots=True)
class Figure:
    """A number as an interval: "eight" is [8, 8], "several dozen" [24, None] -> see docs/numbers.md."""

    low: int | None
    high: int | None
    text: str


@dataclass(frozen=True, slots=True)
class ClaimPart:
    """A sub-count inside a composite figure: "including 11 women" -> (women, 11)."""

    victim_group: str
    figure: Figure


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who makes a claim. `normalized` is shared across articles ("SOHR" == "Syrian Observatory...")."""

    name: str
    normalized: str
    kind: str = ""  # person, organisation, anonymous source, government, media, outlet
    role: str = ""  # "Russian Foreign Minister"


@dataclass(frozen=True, slots=True)
class Claim:
    """One casualty or damage figure, never separated from who said it."""

    id: str
    article_id: str
    measure: Measure
    figure: Figure
    span: Span
    victim_group: str = ""
    object_text: str = ""  # for damage: "two front-end loaders, a tank"
    parts: tuple[ClaimPart, ...] = ()
    speaker: Speaker | None = None  # None: the outlet's own voice
    relay: tuple[str, ...] = ()  # "Russian media", "al-Masdar News"
    verb: str = ""
    stance: Stance = Stance.ASSERTED
    hedged: bool = False
    hedge: str = ""
    negated: bool = False
    scope: str = "incident"  # "incident", or "cumulative" for tolls of a whole war


@dataclass(frozen=True, slots=True)
class EventMention:
    """One incident as one article tells it."""

    id: str
    article_id: str
    trigger: Span
    event_type: str
    sub_event_type: str
    actors: tuple[Actor, ...] = ()
    place: Place | None = None
    date: EventDate | None = None
    claims: tuple[Claim, ...] = ()
    sentences: tuple[Span, ...] = ()
    background: bool = False  # mentioned in passing, not what the article reports
    outlet: str = ""


@dataclass(frozen=True, slots=True)
class Fatalities:
    """Reconciled fatality figures; see docs/reconciliation.md for the rule."""

    low: int | None
    best: int | None
    high: int | None
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Incident:
    """One real-world event, reconciled from every mention of it."""

    id: str
    mentions: tuple[EventMention, ...]
    event_type: str
    sub_event_type: str
    date: EventDate | None
    place: Place | None
    actor1: str = ""
    actor2: str = ""
    fatalities: Fatalities = field(default_factory=lambda: Fatalities(None, None, None))
    contested: bool = False
    notes: tuple[str, ...] = ()
    background: bool = False

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.article_id for m in self.mentions))

    @property
    def claims(self) -> tuple[Claim, ...]:
        return tuple(c for m in self.mentions for c in m.claims)


@dataclass(frozen=True, slots=True)
class Zone:
    """A declared area (deconfliction, de-escalation, ceasefire) and when it applies."""

    id: str
    name: str
    kind: str
    geometry_wkt: str
    valid_from: date | None = None
    valid_to: date | None = None
    source: str = ""


@dataclass(frozen=True, slots=True)
class RunSummary:
    """What a run read, skipped (and why), extracted and merged."""

    read: int = 0
    new_articles: int = 0
    duplicates: int = 0
    rejected: tuple[Rejected, ...] = ()
    mentions: int = 0
    claims: int = 0
    incidents: int = 0
    multi_source_incidents: int = 0
