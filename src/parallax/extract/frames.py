"""One frame per event trigger: the dates, places, actors and claims that hang off that trigger."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from parallax.extract.actor_roles import CLAIMING_VERBS
from parallax.extract.actors import extract_actors
from parallax.extract.anchors import owning_trigger, tree_path
from parallax.extract.date_lexicon import load_date_lexicon
from parallax.extract.dates import as_report_date, event_dates, governor, is_future
from parallax.extract.event_type import EventTrigger, find_triggers
from parallax.extract.place_terms import load_place_terms
from parallax.nlp.arrays import sentence_text, token_table
from parallax.schema import Actor, ActorRole, Article, Claim, EventDate, Place, Span

# Below this trigger score a sentence's event word only carries claims; it opens no incident.
MIN_TRIGGER_SCORE = 0.5
# Event types that make an incident; talks, agreements and accusations are news about incidents.
INCIDENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians",
                            "Protests", "Riots", "Strategic developments"})
INCIDENT_SUBTYPES_OF_STRATEGIC = frozenset({"Looting/property destruction", "Arrests",
                                            "Non-state actor overtakes territory",
                                            "Government regains territory"})
# Words that tell what an event did to people ("killed", "wounded"), not which event it was:
# they belong to the event word they hang off in the same sentence.
OUTCOME_LEMMAS = frozenset({"kill", "die", "wound", "injure", "death", "dead", "beat", "slaughter",
                            "injured", "killing"})


@dataclass(slots=True)
class Frame:
    """What one trigger in one sentence says (a working record inside the extract stage)."""

    sent_index: int
    sent: SpacySpan
    trigger: EventTrigger
    token: Token
    places: list[Place] = field(default_factory=list)
    dates: list[EventDate] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    @property
    def is_reference(self) -> bool:
        return bool(getattr(self.trigger, "is_reference", False))

    @property
    def own_anchors(self) -> bool:
        """True when the trigger's own phrase names a date or place ("the April 6 assault")."""
        inside = {t.i for t in self.token.subtree}
        return any(_root(self.sent.doc, a.span).i in inside for a in (*self.places, *self.dates) if a.span)

    def span(self, article: Article) -> Span:
        doc = self.sent.doc
        chunk = doc[self.trigger.start_token:self.trigger.end_token]
        text = token_table(doc).span_text(chunk.start, chunk.end)  # Span.text makes a Token per word
        return Span(article.id, chunk.start_char, chunk.end_char, text, sentence_text(self.sent))


def _metonym(doc: Doc, place: Place, parts: set[int] = frozenset()) -> bool:
    """ "Washington has targeted", "Damascus condemned": a capital standing for its government; not
    "Mogadishu's Hodan district", whose possessor holds the place named after it (`parts`: the
    tokens of the sentence's place names) or a place noun ("Kabul's outskirts")."""
    root = _root(doc, place.span)
    if root.dep_ == "poss":
        return root.head.i not in parts and root.head.lower_ not in _place_nouns()
    return root.dep_ in {"nsubj", "nsubjpass"} or (root.dep_ == "pobj" and root.head.dep_ == "agent")


@lru_cache(maxsize=1)
def _place_nouns() -> frozenset[str]:
    return load_place_terms().place_nouns  # "Mogadishu's Wadajir district", "Kabul's outskirts"


def _root(doc: Doc, span: Span) -> Token:
    chunk = doc.char_span(span.start, span.end, alignment_mode="expand")
    return chunk.root if chunk is not None and len(chunk) else doc[0]


def _told_ahead(doc: Doc, span: Span, trigger: Token) -> bool:
    """A day another verb puts ahead ("video of the shootout will be released Tuesday") dates
    that verb's act, not the event named under it; the trigger's own ("will march on Friday",
    "a vigil will be held Tuesday", "there will be vigils tomorrow") stays."""
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None or not len(tokens) or not is_future(tokens, load_date_lexicon()):
        return False
    verb = governor(tokens)
    return verb.i != trigger.i and trigger.head.i != verb.i


def _tree_distance(doc: Doc, span: Span, trigger: Token) -> int:
    """Steps in the parse from a date to the trigger: of two dates neither inside the trigger's
    phrase, the nearer is its own ("spoke to reporters Tuesday ... suspects in the shooting
    outside the bowling alley on Aug. 29": the shooting's day is Aug. 29)."""
    paths = tree_path(_root(doc, span), trigger)
    return len(paths[0]) + len(paths[1]) if paths else len(doc)


def _tokens_of(doc: Doc, span: Span) -> set[int]:
    chunk = doc.char_span(span.start, span.end, alignment_mode="expand")
    return {t.i for t in chunk} if chunk is not None else set()


def _distribute(frames: list[Frame], items: list, attr: str, doc: Doc) -> list:
    """Give each item (Place/EventDate/Claim with a span) to the frame whose trigger owns it."""
    orphans = []
    tokens = [f.token for f in frames]
    for item in items:
        index = owning_trigger(_root(doc, item.span), tokens) if tokens else None
        if index is None:
            orphans.append(item)
        else:
            getattr(frames[index], attr).append(item)
    return orphans


def sentence_frames(index: int, sent: SpacySpan, article: Article, places: list[Place],
                    claims: list[Claim], context: "FrameContext",
                    anchor: date | None = None) -> tuple[list[Frame], list[Claim]]:
    """Frames for one sentence, and the claims no trigger in it owns (they follow the discourse);
    `anchor` (the event day told last) dates "the same day", "two days later" and "hours later"
    in a sentence that names no day of its own, as a news reader counts them."""
    frames = [Frame(index, sent, trig, sent.doc[trig.start_token:trig.end_token].root)
              for trig in find_triggers(sent, context.triggers) if opens_incident(trig, sent)]
    if not frames:
        return [], claims
    doc = sent.doc
    dates = [d for d in event_dates(sent, article, anchor) if d.span is not None]
    parts = {i for p in places if p.span for i in _tokens_of(doc, p.span)}
    _distribute(frames, [p for p in places if p.span and not _metonym(doc, p, parts)], "places", doc)
    _date_by_report(frames, _distribute(frames, dates, "dates", doc), article)
    for frame in frames:  # "gave tolls on Friday for Thursday's attack": the trigger's own date first
        frame.dates = [d for d in frame.dates if not _told_ahead(doc, d.span, frame.token)]
        inside = {t.i for t in frame.token.subtree}
        frame.dates.sort(key=lambda d: (not _tokens_of(doc, d.span) & inside, _tree_distance(doc, d.span, frame.token)))
    orphans = _distribute(frames, claims, "claims", doc)
    frames[0].claims.extend(orphans)
    for frame in frames:
        frame.actors = extract_actors(sent, frame.token, article, context.actors,
                                      context.name_country, context.default_country)
    return fold_outcomes(frames), []


def claimed_by(sent: SpacySpan, article: Article, context: "FrameContext") -> list[Actor]:
    """Who a sentence without an event word says owns the incident being told: "The Balochistan
    Liberation Army claimed responsibility." (never "No group has claimed responsibility", "has not
    claimed"): the incident being told at that point is theirs."""
    for token in sent:
        verb = token.head
        if token.lemma_.lower() in ("responsibility", "credit") and token.dep_ == "dobj" \
                and verb.lemma_.lower() in CLAIMING_VERBS and not any(c.dep_ == "neg" for c in verb.children):
            found = extract_actors(sent, verb, article, context.actors, context.name_country, context.default_country)
            return [a for a in found if a.role == ActorRole.PERPETRATOR]
    return []


def _date_by_report(frames: list[Frame], loose: list[EventDate], article: Article) -> None:
    """A sentence's day that no trigger owns ("held for a third day on Thursday, residents said,
    though the mission reported mortar fire that wounded two") dates the undated triggers as the
    report's day: on or shortly before it (WEEK precision), never a day after publication."""
    published = article.published.date() if article.published else None
    told = [d for d in loose if d.value is not None and (published is None or d.value <= published)]
    for frame in frames:
        if told and not frame.dates:
            frame.dates.extend(filter(None, [as_report_date(told[0])]))


def opens_incident(trigger: EventTrigger, sent: SpacySpan) -> bool:
    """A specific violent or political event, not talks, and not an ongoing generic activity."""
    if trigger.score < MIN_TRIGGER_SCORE or trigger.event_type not in INCIDENT_TYPES:
        return False
    if trigger.event_type == "Strategic developments" and trigger.sub_event_type not in INCIDENT_SUBTYPES_OF_STRATEGIC:
        return False
    return not _ongoing(sent.doc[trigger.start_token:trigger.end_token].root)


def _ongoing(token: Token) -> bool:
    """ "forces are battling", "forces fighting the group": a state of war, not an incident."""
    if token.tag_ != "VBG" or token.pos_ != "VERB":
        return False
    progressive = any(c.dep_ == "aux" and c.lemma_ == "be" for c in token.children)
    return progressive or token.dep_ in {"acl", "relcl"}


def fold_outcomes(frames: list[Frame]) -> list[Frame]:
    """Merge each outcome word ("killed") into the nearest event word of its sentence, if any."""
    events = [f for f in frames if f.token.lemma_.lower() not in OUTCOME_LEMMAS]
    if not events:
        return frames
    # "In the latest atrocity, 40 were killed by an air strike in X": the new event owns the toll
    preferred = [e for e in events if not e.is_reference] or events
    for frame in frames:
        if frame in events:
            continue
        owner = owning_trigger(frame.token, [e.token for e in preferred])
        target = preferred[owner] if owner is not None else preferred[0]
        _absorb(target, frame)
    return _merge_linked(_drop_empty_references(events))


def _merge_linked(frames: list[Frame]) -> list[Frame]:
    """ "an explosive device struck a patrol": a trigger that heads another tells the same event."""
    kept: list[Frame] = []
    for frame in sorted(frames, key=lambda f: -f.trigger.score):
        partner = next((k for k in kept if frame.token.head.i == k.token.i or k.token.head.i == frame.token.i), None)
        if partner is None:
            kept.append(frame)
        else:
            _absorb(partner, frame)
    return sorted(kept, key=lambda f: f.trigger.start_token)


def _absorb(target: Frame, frame: Frame) -> None:
    target.places += frame.places
    target.dates += frame.dates
    target.claims += frame.claims
    target.actors += [a for a in frame.actors if a not in target.actors]


def _drop_empty_references(frames: list[Frame]) -> list[Frame]:
    """A bare "the attack" that adds nothing beside another event word in its sentence is an echo."""
    kept = [f for f in frames if not (f.is_reference and not (f.places or f.dates or f.claims or f.actors))]
    return kept or frames[:1]


@dataclass(frozen=True, slots=True)
class FrameContext:
    """Knowledge the frame builder needs, loaded once per run."""

    actors: object
    name_country: object
    default_country: tuple[str, str] | None = None
    triggers: object = None  # the run's TriggerLexicon (its --data-dir); None: the shipped one
