"""One frame per event trigger: the dates, places, actors and claims that hang off that trigger."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from parallax.extract.actors import extract_actors
from parallax.extract.anchors import owning_trigger
from parallax.extract.dates import find_dates
from parallax.extract.event_type import EventTrigger, find_triggers
from parallax.schema import Actor, Article, Claim, EventDate, Place, Span

# Below this trigger score a sentence's event word only carries claims; it opens no incident.
MIN_TRIGGER_SCORE = 0.5


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
        return Span(article.id, chunk.start_char, chunk.end_char, chunk.text, self.sent.text)


def _root(doc: Doc, span: Span) -> Token:
    chunk = doc.char_span(span.start, span.end, alignment_mode="expand")
    return chunk.root if chunk is not None and len(chunk) else doc[0]


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
                    claims: list[Claim], context: "FrameContext") -> tuple[list[Frame], list[Claim]]:
    """Frames for one sentence, and the claims no trigger in it owns (they follow the discourse)."""
    frames = []
    for trig in find_triggers(sent):
        if trig.score < MIN_TRIGGER_SCORE:
            continue
        token = sent.doc[trig.start_token:trig.end_token].root
        frames.append(Frame(index, sent, trig, token))
    if not frames:
        return [], claims
    doc = sent.doc
    dates = [d for d in find_dates(sent, article) if d.span is not None]
    _distribute(frames, [p for p in places if p.span], "places", doc)
    _distribute(frames, dates, "dates", doc)
    orphans = _distribute(frames, claims, "claims", doc)
    frames[0].claims.extend(orphans)
    for frame in frames:
        frame.actors = extract_actors(sent, frame.token, article, context.actors,
                                      context.name_country, context.default_country)
    return frames, []


@dataclass(frozen=True, slots=True)
class FrameContext:
    """Knowledge the frame builder needs, loaded once per run."""

    actors: object
    name_country: object
    default_country: tuple[str, str] | None = None
