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
    """Where a value was read: article id, character offsets into the article's `field` ("text":
    Article.text, the body; "title": Article.title, the headline), the text."""

    article_id: str
    start: int
    end: int
    text: str
    sentence: str = ""
    field: str = "text"


@dataclass(frozen=True, slots=True)
class Article:
    """One news report as ingested. `text` is the body as read (dateline kept, headline moved to
    `title`); a Span's offsets index `text`, or `title` when its field says so. `id` is a hash of the normalised text."""

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
    CASUALTIES = "casualties"  # killed or injured, unsaid which ("civilian casualties"): counted in neither
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
    RETRACTED = "retracted"  # "An earlier version of this story said 20": the outlet took the figure back


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
    scope: str = "incident"  # "incident"; "cumulative" for tolls of a whole war; "earlier" for an earlier incident recalled
    claim_time: str = ""  # when the figure held, as written, for a toll that rises: "by Tuesday evening"


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
class ReportedToll:
    """The killed and injured an incident's reports give, counted the way the Gun Violence Archive
    counts (parallax.reconcile.tolls): one count per article, the upper median across articles, and
    a death told again as an injury taken out. None when no report gives that measure."""

    killed: int | None
    injured: int | None
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
    links: tuple[MatchLink, ...] = ()  # the matches that joined its reports (resolution section)
    reconciliation: Reconciliation | None = None  # contradictions, omissions, grade (same section)
    reported: ReportedToll | None = None  # killed/injured per article, then across; None: no report gives any

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.article_id for m in self.mentions))

    @property
    def claims(self) -> tuple[Claim, ...]:
        return tuple(c for m in self.mentions for c in m.claims)


@dataclass(frozen=True, slots=True)
class Zone:
    """A declared area (deconfliction, de-escalation, ceasefire) and when it applies.

    `geometry_wkt` is WKT in longitude/latitude (WGS84); a POINT with `radius_km` is a circle
    drawn geodesically around it. `valid_from`/`valid_to` are inclusive; None leaves that side open.
    """

    id: str
    name: str
    kind: str
    geometry_wkt: str
    valid_from: date | None = None
    valid_to: date | None = None
    source: str = ""
    radius_km: float | None = None
    parties: tuple[str, ...] = ()
    basis: str = ""  # what the outline rests on ("as publicly reported", "drawn from ...")
    approximate: bool = False  # the outline is a coarse drawing, not an agreed map


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
    alerts: int = 0  # zone alerts raised (always 0 without a zones file)


# -- zones: incidents against declared zones, alerts, escalation steps ------------------------------


class ZoneRelation(StrEnum):
    """Where an incident stands to a zone, its location uncertainty included (docs/zones.md)."""

    INSIDE = "inside"
    POSSIBLY_INSIDE = "possibly inside"
    OUTSIDE = "outside"
    UNLOCATED = "unlocated"  # no coordinates, or only a country


class InForce(StrEnum):
    """Whether a zone applied on the incident's date, its date uncertainty included."""

    YES = "in force"
    POSSIBLY = "possibly in force"
    NO = "not in force"
    UNDATED = "undated"  # the incident has no calendar date and the zone has limits


@dataclass(frozen=True, slots=True)
class ZoneCheck:
    """One incident tested against one zone. `status` combines place and date: INSIDE only when
    both are certain, POSSIBLY_INSIDE when either is uncertain, OUTSIDE when either excludes it."""

    zone_id: str
    incident_id: str
    relation: ZoneRelation
    in_force: InForce
    status: ZoneRelation
    distance_km: float | None = None  # from the incident's point to the zone; 0 inside it (far outside: a lower bound)
    radius_km: float | None = None  # the location uncertainty used (from geo precision)


@dataclass(frozen=True, slots=True)
class ZoneIncident:
    """An incident inside or possibly inside a zone while it applied; `violation` when its event
    type breaks that kind of zone. `parties_involved`: the zone's parties among its actors."""

    zone: Zone
    incident: Incident
    check: ZoneCheck
    violation: bool = False
    parties_involved: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ZoneStatus:
    """One zone with its timeline: the incidents in it, by date (undated last)."""

    zone: Zone
    timeline: tuple[ZoneIncident, ...] = ()

    @property
    def violations(self) -> tuple[ZoneIncident, ...]:
        return tuple(i for i in self.timeline if i.violation)


@dataclass(frozen=True, slots=True)
class Alert:
    """An incident created or updated inside a zone in force, as written to alerts.jsonl."""

    id: str
    zone_id: str
    zone_name: str
    incident_id: str
    change: str  # "created" or "updated"
    status: ZoneRelation
    fingerprint: str  # the incident's mentions and figures when alerted: a change re-alerts
    raised: datetime
    event_type: str = ""
    event_date: str = ""
    place: str = ""
    actor1: str = ""
    actor2: str = ""
    fatalities_best: int | None = None
    n_sources: int = 0
    delivery: str = ""  # webhook outcome: "", "sent 200", "failed: ..."


@dataclass(frozen=True, slots=True)
class EscalationStep:
    """One step before a strike as an article tells it ("show of force", "warning shots"), with
    who says it; `negated` when the text says it did not happen ("never received any warning")."""

    article_id: str
    step: str  # communication, show_of_force, warning_shots, warning, strike (data/escalation_cues.tsv)
    rank: int  # place on the escalation ladder: the order steps are listed in
    span: Span
    cue: str
    negated: bool = False
    speaker: Speaker | None = None


@dataclass(frozen=True, slots=True)
class EscalationContradiction:
    """Two sources disagree on a step: one tells it happened, the other that it (or any warning) did not."""

    step: str
    asserted: EscalationStep
    denied: EscalationStep


@dataclass(frozen=True, slots=True)
class EscalationSequence:
    """The steps before one incident across its articles, in ladder order, and where sources disagree."""

    incident_id: str
    steps: tuple[EscalationStep, ...] = ()
    contradictions: tuple[EscalationContradiction, ...] = ()


# -- web: what the incidents list and the article search are asked and answer ----------------------


@dataclass(frozen=True, slots=True)
class IncidentQuery:
    """Filters, order and page of the incidents list; an empty field filters nothing."""

    date_from: date | None = None
    date_to: date | None = None
    country: str = ""  # ISO code or name
    event_type: str = ""  # event type or sub-event type
    actor: str = ""  # part of an actor's name, case-insensitive
    zone: str = ""  # zone id: incidents inside or possibly inside it
    contested: bool = False  # True: contested incidents only
    outlet: str = ""
    sort: str = "date"  # date | fatalities | sources | event_type | country
    descending: bool = True
    page: int = 1
    per_page: int = 25


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One article matching a full-text search; `snippet` alternates plain and matched text."""

    article_id: str
    title: str
    outlet: str
    published: datetime | None
    snippet: tuple[tuple[str, bool], ...]
    rank: float


# -- framing: how each outlet tells an incident (parallax.framing, docs/framing.md) ------------
# Descriptive only: these records say which words and voices a text uses, never whether it is right.


@dataclass(frozen=True, slots=True)
class ActorLabel:
    """A phrase an article uses for an armed actor ("a paramilitary group aligned with Assad").
    `referent` is the normalised actor it names ("" when parallax cannot tell); `how` says how the
    referent was found: "actor span", "actor dictionary", "label cue", "earlier label" or ""."""

    label: str
    referent: str
    how: str
    span: Span
    quoted: bool = False  # inside quotation marks: a speaker's words, not the outlet's


@dataclass(frozen=True, slots=True)
class FramingMarker:
    """A framing word: kind is loaded, distancing, hedge, certainty or scare_quote."""

    kind: str
    term: str  # the lexicon entry ("so-called"), or the quoted words for a scare quote
    category: str  # the lexicon's descriptive family; "attributed"/"unattributed" for scare quotes
    span: Span
    quoted: bool = False  # inside quotation marks: a speaker's words, not the outlet's


@dataclass(frozen=True, slots=True)
class Quote:
    """Words an article puts in quotation marks (or, when `direct` is False, a sentence it reports
    someone said), with who it gives them to."""

    speaker: str  # as the text names them ("Sergei Lavrov", "a military source"); "" unattributed
    party: str  # "US and coalition", "Syrian government and state media", ...; "" when unknown
    source_kind: str  # named, anonymous, official, unattributed
    words: int
    on_incident: bool  # inside a sentence that tells the incident
    span: Span
    direct: bool = True  # False: reported speech, a sentence with a speaker and a reporting verb


@dataclass(frozen=True, slots=True)
class PartyShare:
    """How much of an article's quoted words go to one party."""

    party: str
    quotes: int  # quoted passages
    words: int  # words inside them
    share: float  # of all quoted words in the article (or outlet), 0..1
    statements: int = 0  # quoted passages plus sentences of reported speech given to the party


@dataclass(frozen=True, slots=True)
class Tally:
    """A count of one thing: a label for a referent, a marker term of a kind, a source kind."""

    kind: str
    term: str
    count: int


@dataclass(frozen=True, slots=True)
class ContextSentence:
    """A sentence that is not about the incident: kind is history, earlier, motive, background
    (tells another incident in passing) or other."""

    kind: str
    cue: str
    span: Span


@dataclass(frozen=True, slots=True)
class ArticleFraming:
    """How one article tells one incident."""

    article_id: str
    outlet: str
    labels: tuple[ActorLabel, ...]
    markers: tuple[FramingMarker, ...]
    quotes: tuple[Quote, ...]
    shares: tuple[PartyShare, ...]  # over the whole article, most quoted party first
    source_kinds: tuple[Tally, ...]  # kind "source": named / anonymous / official / unattributed
    context: tuple[ContextSentence, ...]
    context_share: float  # characters in sentences not about the incident / all characters, 0..1
    background: tuple[str, ...] = ()  # ids of the other incidents the same article tells
    incident_shares: tuple[PartyShare, ...] = ()  # over the quotes in sentences telling this incident


@dataclass(frozen=True, slots=True)
class IncidentFraming:
    incident_id: str
    articles: tuple[ArticleFraming, ...]


@dataclass(frozen=True, slots=True)
class OutletFraming:
    """One outlet across the incidents it told: its usual labels and whom it quotes."""

    outlet: str
    articles: int
    incidents: int
    labels: tuple[Tally, ...]  # kind = referent, most used first
    markers: tuple[Tally, ...]  # the outlet's own voice only (not inside quotes), most used first
    shares: tuple[PartyShare, ...]
    source_kinds: tuple[Tally, ...]
    context_share: float  # mean over its articles


@dataclass(frozen=True, slots=True)
class FramingOverview:
    """Every incident's framing and the outlet summaries built from them."""

    incidents: tuple[IncidentFraming, ...]
    outlets: tuple[OutletFraming, ...]


# -- resolution and reconciliation: match evidence, merges and splits, contradictions, omissions ----


@dataclass(frozen=True, slots=True)
class MatchEvidence:
    """One reason two mentions tell the same incident ("place", 0.3, "At-Tanf / al-Tanf")."""

    name: str
    weight: float
    detail: str = ""


@dataclass(frozen=True, slots=True)
class MatchLink:
    """A scored pair of mentions from two articles: the explanation of a merge."""

    mention_a: str
    mention_b: str
    score: float
    evidence: tuple[MatchEvidence, ...] = ()
    article_a: str = ""
    article_b: str = ""


class ResolutionKind(StrEnum):
    NEW = "new"  # an incident of reports none matched before
    JOIN = "join"  # new reports joined one existing incident
    MERGE = "merge"  # two or more existing incidents became one
    SPLIT = "split"  # one existing incident became several
    REVISE = "revise"  # rebuilt because one of its articles was extracted again


@dataclass(frozen=True, slots=True)
class ResolutionEvent:
    """What an update did to the incidents: which ones it replaced and with which mentions."""

    kind: ResolutionKind
    incident_id: str
    previous: tuple[str, ...] = ()  # ids of the incidents it replaced
    mention_ids: tuple[str, ...] = ()  # the mentions that caused it (new reports)
    detail: str = ""
    recorded: str = ""  # when the store logged it (ISO 8601, UTC); empty before it is stored


@dataclass(frozen=True, slots=True)
class FollowUp:
    """A later story's incident (an arrest, a funeral, a hearing) linked to the incident it refers
    to, without merging the two: the names both tell and how far apart their dates are."""

    incident_id: str  # the follow-up
    event_incident_id: str  # the incident it refers to
    evidence: tuple[MatchEvidence, ...] = ()


@dataclass(frozen=True, slots=True)
class ResolutionUpdate:
    """The result of adding mentions to a store: incidents written, removed, and why."""

    incidents: tuple[Incident, ...]
    removed: tuple[str, ...]
    events: tuple[ResolutionEvent, ...]
    pairs_scored: int = 0


class ContradictionKind(StrEnum):
    NUMBER = "number"  # 8 vs 6 killed
    VICTIMS = "victims"  # civilians vs militiamen
    PERPETRATOR = "perpetrator"
    PLACE = "place"
    DATE = "date"
    SEQUENCE = "sequence"  # a warning was given vs no warning was received
    TARGET = "target"  # what was hit: a tank and a bulldozer vs a convoy


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Two sources that cannot both be right, each with its words and who said them."""

    kind: ContradictionKind
    subject: str  # "killed", "warning", "what was hit"
    value_a: str
    value_b: str
    speaker_a: str
    speaker_b: str
    span_a: Span
    span_b: Span


@dataclass(frozen=True, slots=True)
class Omission:
    """A fact other sources report about the incident that this article does not mention."""

    article_id: str
    outlet: str
    kind: str  # killed, injured, victims, perpetrator, warning, what was hit, place, date
    fact: str
    reported_by: tuple[str, ...]  # the outlets that do report it
    span: Span | None = None  # where one of them says it


@dataclass(frozen=True, slots=True)
class GroupFatalities:
    """Fatalities low/best/high for one victim group ("civilians", "personnel")."""

    victim_group: str
    fatalities: Fatalities


class Grade(StrEnum):
    """In the spirit of Airwars' grading of civilian-harm claims."""

    SINGLE_SOURCE = "single source"
    SEVERAL_SOURCES = "several sources"
    CONTESTED = "contested"  # sources make competing claims
    DENIED = "denied"  # a party denies it happened or caused it


@dataclass(frozen=True, slots=True)
class Reconciliation:
    """What the reports of one incident agree on, where they disagree, and what each leaves out."""

    grade: Grade
    type_confidence: float  # share of the main reports that give the chosen type
    independent_sources: int  # wire reposts (near-duplicate text) count once
    source_groups: tuple[tuple[str, ...], ...] = ()  # article ids that are copies of one another
    place_alternatives: tuple[Place, ...] = ()
    by_victim_group: tuple[GroupFatalities, ...] = ()
    contradictions: tuple[Contradiction, ...] = ()
    omissions: tuple[Omission, ...] = ()
    follow_up_reports: tuple[str, ...] = ()  # article ids of follow-up reports (an arrest weeks later) joined to it


@dataclass(frozen=True, slots=True)
class ZoneSurvey:
    """A database read against a zones file: what `parallax zones`, the report and the web app show."""

    statuses: tuple[ZoneStatus, ...]
    violations: tuple[ZoneIncident, ...]
    incidents: int = 0  # incidents tested
    unlocated: int = 0  # incidents without usable coordinates (never inside any zone)
    escalations: tuple[EscalationSequence, ...] = ()  # for the violations, when asked for
