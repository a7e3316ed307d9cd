"""Split an article into event mentions, one per incident it tells, each with its own evidence."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc

from parallax.extract import compatibility as compat
from parallax.extract.casualty_reports import casualty_report
from parallax.extract.compatibility import best_date, best_place
from parallax.extract.claim_lexicon import says_separate
from parallax.extract.claims import on_title as claim_on_title
from parallax.extract.frames import Frame, FrameContext, claimed_by, sentence_frames
from parallax.extract.incident_kind import is_demonstration, told_kind
from parallax.nlp.arrays import sentence_text
from parallax.schema import (
    Actor, ActorRole, Article, Claim, EventDate, EventMention, GeoPrecision, Place, Span,
)


@dataclass(slots=True)
class Group:
    """Frames that tell one incident, gathered while reading the article top to bottom."""

    frames: list[Frame] = field(default_factory=list)
    extra_claims: list[Claim] = field(default_factory=list)
    claimers: list[Actor] = field(default_factory=list)  # "The BLA claimed responsibility." after it

    @property
    def places(self) -> list[Place]:
        return [p for f in self.frames for p in f.places]

    @property
    def dates(self) -> list[EventDate]:
        return [d for f in self.frames for d in f.dates]

    @property
    def actors(self) -> list[Actor]:
        return [a for f in self.frames for a in f.actors]

    @property
    def kind(self) -> tuple[str, str]:
        return told_kind([_kind(f) for f in self.frames])


def _kind(frame: Frame) -> tuple[str, str]:
    return frame.trigger.event_type, frame.trigger.sub_event_type


def _conflicts(group: Group, frame: Frame, own_only: bool) -> bool:
    places, dates = frame.places, frame.dates
    if own_only:  # a bare reference ("the attack") keeps only what its own phrase says
        inside = {t.i for t in frame.token.subtree}
        places = [p for p in places if _token_index(frame, p) in inside]
        dates = [d for d in dates if _token_index(frame, d) in inside]
    return (compat.places_conflict(group.places, places)
            or compat.dates_conflict(group.dates, dates) or compat.months_conflict(group.dates, dates)
            or (compat.perpetrators_conflict(group.actors, frame.actors) and not _one_demonstration(group, frame)
                and not _fights_back(frame)))


# verbs of a side fighting off an attack already told ("troops repelled the attack"): the defenders
# act in the same incident, so their side is no reason to open another
FIGHTS_BACK = frozenset({"repel", "repulse", "thwart", "foil", "rebuff", "counter"})


def _fights_back(frame: Frame) -> bool:
    return frame.token.lemma_.lower() in FIGHTS_BACK


def _one_demonstration(group: Group, frame: Frame) -> bool:
    """ "Demonstrators threw stones ... Police fired tear gas": the crowd and the police both act, in one
    demonstration (ACLED codes it once, by the most severe thing told: data/told_severity.tsv)."""
    if not is_demonstration(group.kind):
        return False
    state = {compat.side(a) for a in frame.actors if a.role == ActorRole.PERPETRATOR} == {"state"}
    return is_demonstration(_kind(frame)) or state


def _token_index(frame: Frame, item: Place | EventDate) -> int:
    doc = frame.sent.doc
    chunk = doc.char_span(item.span.start, item.span.end, alignment_mode="expand")
    return chunk.root.i if chunk is not None and len(chunk) else -1


def _positive_match(group: Group, frame: Frame) -> bool:
    same_place = any(compat.same_place(a, b) for a in compat.specific(group.places)
                     for b in compat.specific(frame.places))
    same_day = any(a.expression and a.expression.lower() == b.expression.lower()
                   for a in group.dates for b in frame.dates)
    return same_place or same_day


def group_frames(frames: list[Frame]) -> list[Group]:
    """Read frames in order: each joins the incident it fits (the current one first) or opens one."""
    groups: list[Group] = []
    focus: Group | None = None
    for frame in frames:
        target = _choose_group(groups, focus, frame)
        if target is None:
            target = Group()
            groups.append(target)
        elif frame.is_reference and not frame.own_anchors:
            _drop_conflicting_anchors(target, frame)
        target.frames.append(frame)
        focus = target
    return groups


def _choose_group(groups: list[Group], focus: Group | None, frame: Frame) -> Group | None:
    bare_reference = frame.is_reference and not frame.own_anchors
    fits = [g for g in groups if not _conflicts(g, frame, own_only=bare_reference)]
    if _says_separate(frame):
        # "In a separate incident, ...": never the incident just told
        fits = [g for g in fits if g is not focus and _positive_match(g, frame)]
        return fits[-1] if fits else None
    if focus is not None and not frame.is_reference and _undated_past(frame, focus):
        return None  # "since last year, when a car bomb killed eight": an older event
    matching = [g for g in fits if _positive_match(g, frame)]
    if matching:
        return matching[-1]
    if frame.is_reference and focus is not None and _names_other_place(frame, focus):
        return None  # "the April 6 assault on the X air base": another, named event
    if focus is not None and _digression(focus, frame) and fits:
        # after a passing mention the story returns to its main incident: the most told one
        focus = max(reversed(fits), key=lambda g: len(g.frames))
    if focus is not None and focus in fits:
        return focus
    return fits[-1] if fits and bare_reference else None


# a sentence opening so tells another incident than the one just told ("Separately, fighters clashed")
OPENS_ANOTHER = ("separately",)


def _says_separate(frame: Frame) -> bool:
    text = sentence_text(frame.sent)  # Span.text makes a Token per word
    return says_separate(text) or text.lstrip().lower().startswith(OPENS_ANOTHER)


def _undated_past(frame: Frame, group: Group) -> bool:
    """The story is dated, but this event's own date cannot be placed: it is not the same day."""
    dated = any(d.value is not None for d in group.dates)
    return dated and bool(frame.dates) and all(d.value is None and not d.weekday and d.expression
                                               for d in frame.dates)


def _digression(group: Group, frame: Frame) -> bool:
    """A group told in one earlier sentence, with no figure: an incident mentioned in passing."""
    only = group.frames[0]
    return len(group.frames) == 1 and not only.claims and only.sent_index < frame.sent_index


def _names_other_place(frame: Frame, group: Group) -> bool:
    """True when the reference's own phrase names a place the group does not contain."""
    inside = {t.i for t in frame.token.subtree}
    own = [p for p in frame.places if _token_index(frame, p) in inside and not compat.is_border(p)]
    countries = {p.country for p in group.places if p.country}
    for place in own:
        if place in compat.specific([place]):
            if not any(compat.same_place(place, other) for other in group.places):
                return True
        elif countries and place.country not in countries:
            return True
    return False


def _drop_conflicting_anchors(group: Group, frame: Frame) -> None:
    """Anchors outside a bare reference's phrase that contradict its incident describe something else."""
    if compat.places_conflict(group.places, frame.places):
        frame.places = [p for p in frame.places if not compat.places_conflict(group.places, [p])]
    if compat.dates_conflict(group.dates, frame.dates):
        frame.dates = [d for d in frame.dates if not compat.dates_conflict(group.dates, [d])]


def extract_mentions(doc: Doc, article: Article, places: list[Place], claims: list[Claim],
                     context: FrameContext) -> list[EventMention]:
    """The article's event mentions, the first one being what the article reports."""
    frames, pending, claimers = [], [], []
    claims_by_sent = _claims_by_sentence(doc, claims)
    places_by_sent = _by_sentence(doc, places)
    anchor = None  # the last event day told: "the same day" is that day
    for index, sent in enumerate(doc.sents):
        found, orphans = sentence_frames(index, sent, article, places_by_sent.get(index, []),
                                         claims_by_sent.get(index, []), context, anchor)
        anchor = next((d.value for f in reversed(found) if (d := best_date(f.dates)) and d.value), anchor)
        frames.extend(found)
        pending.append((len(frames), orphans))
        if not found and frames:
            claimers.append((len(frames), claimed_by(sent, article, context)))
    groups = group_frames(frames)
    if not groups:  # no conflict incident: the casualties the article counts are still reported
        report = casualty_report(doc, article, places, claims, context.triggers)
        return _locate_main([report], places) if report else []
    _attach_orphans(groups, frames, pending)
    owner = {id(f): g for g in groups for f in g.frames}
    for frames_before, actors in claimers:  # the incident being told when the claim comes
        owner[id(frames[frames_before - 1])].claimers.extend(actors)
    mentions = [_mention(g, article, main=(i == 0)) for i, g in enumerate(groups)]
    return _locate_main(mentions, places)


def _locate_main(mentions: list[EventMention], places: list[Place]) -> list[EventMention]:
    """A main incident whose sentences name no place is where the article's first town is, as a
    human coder would read it (not a town where the article places another incident: "In a
    separate incident, a bomb killed two soldiers near Dara"); the place keeps its own span and
    says it came from the context."""
    if not mentions or mentions[0].place is not None:
        return mentions
    elsewhere = {(m.place.span.start, m.place.span.end) for m in mentions[1:] if m.place and m.place.span}
    located = [p for p in places if p.latitude is not None and p.precision <= GeoPrecision.NEAR
               and not (p.span and (p.span.start, p.span.end) in elsewhere)]  # not another incident's town
    # a town only named in a body's name ("outside the University of Nairobi") when no other is,
    # and then the newsroom's town of a dateline ("CAMPBELL, Ohio (WKBN) - ... an accidental shooting")
    towns = [p for p in located if not compat.is_border(p)] or [p for p in located if p.relation == compat.IN_A_NAME] \
        or [p for p in located if p.relation == compat.NEWSROOM]
    if not towns:
        return mentions
    context = replace(towns[0], relation="article context", precision=GeoPrecision.NEAR)
    return [replace(mentions[0], place=context)] + mentions[1:]


def with_title_claims(mentions: list[EventMention], claims: list[Claim], title: str = "",
                      title_places: Sequence[Place] = ()) -> list[EventMention]:
    """The headline's claims (spans in `Article.title`) go to the main mention: a headline tells the
    incident the article reports. When its clause ("..., but riot in Kitwe leaves two dead") names
    the place of another incident the body tells, and another clause the main one's ("Fuel protest
    in Lusaka peaceful"), the claim is that incident's. None of them is kept when the body tells no
    incident."""
    if not mentions or not claims:
        return mentions
    owners: dict[int, list[Claim]] = {}
    for claim in claims:
        owners.setdefault(_title_owner(mentions, claim, title, title_places), []).append(claim)
    return [replace(m, claims=m.claims + _unique_claims(owners[i])) if i in owners else m
            for i, m in enumerate(mentions)]


# where a headline's clauses part: "Fuel protest in Lusaka peaceful, but riot in Kitwe leaves two dead"
_TITLE_CLAUSES = re.compile(r";|\s[-\u2013\u2014]\s|,?\s+(?:but|while|whereas)\s+", re.IGNORECASE)


def _title_owner(mentions: list[EventMention], claim: Claim, title: str, title_places: Sequence[Place]) -> int:
    """Index of the mention a headline claim is about: the main one unless its clause says otherwise."""
    cuts = [0, *(m.end() for m in _TITLE_CLAUSES.finditer(title)), len(title) + 1]
    start, end = next(((a, b) for a, b in zip(cuts, cuts[1:]) if a <= claim.span.start < b), (0, 0))
    located = [p for p in title_places if p.span and p.latitude is not None]
    named = [p for p in located if start <= p.span.start < end]
    others = [p for p in located if not start <= p.span.start < end]
    def told(mention: EventMention, places: list[Place]) -> bool:
        return mention.place is not None and any(compat.same_place(mention.place, p) for p in places)
    # only a headline that tells two incidents, the main one in another clause, gives a toll away
    if len(mentions) < 2 or told(mentions[0], named) or not told(mentions[0], others):
        return 0
    return next((i for i, m in enumerate(mentions) if i and not m.background and told(m, named)), 0)


def on_title(mention: EventMention) -> EventMention:
    """A mention read from the article's headline parsed as a text of its own: every span indexes
    `Article.title` (field "title"), and its id and its claims' ids say so."""
    def moved(span: Span | None) -> Span | None:
        return replace(span, field="title") if span is not None else None
    place, when = mention.place, mention.date
    return replace(
        mention, id=hashlib.sha1(f"{mention.id}:title".encode()).hexdigest()[:16], trigger=moved(mention.trigger),
        sentences=tuple(replace(s, field="title") for s in mention.sentences),
        actors=tuple(replace(a, span=moved(a.span)) for a in mention.actors),
        place=replace(place, span=moved(place.span)) if place else None,
        date=replace(when, span=moved(when.span)) if when else None,
        claims=tuple(claim_on_title(c) for c in mention.claims))


def _by_sentence(doc: Doc, items: list) -> dict[int, list]:
    starts = [s.start_char for s in doc.sents]
    out: dict[int, list] = {}
    for item in items:
        index = max(i for i, start in enumerate(starts) if start <= item.span.start) if starts else 0
        out.setdefault(index, []).append(item)
    return out


def _claims_by_sentence(doc: Doc, claims: list[Claim]) -> dict[int, list[Claim]]:
    return _by_sentence(doc, claims)


def _attach_orphans(groups: list[Group], frames: list[Frame], pending: list) -> None:
    """Claims in sentences without an event word belong to the incident being told at that point."""
    owner = {id(f): g for g in groups for f in g.frames}
    for frames_before, orphans in pending:
        if not orphans:
            continue
        if frames_before:
            owner[id(frames[frames_before - 1])].extra_claims.extend(orphans)
        elif groups:
            groups[0].extra_claims.extend(orphans)


def _mention(group: Group, article: Article, main: bool) -> EventMention:
    first = group.frames[0]
    event_type, sub_type = group.kind
    claims = _unique_claims([c for f in group.frames for c in f.claims] + group.extra_claims)
    sentences = tuple({f.sent_index: f.span(article) for f in group.frames}.values())
    mention_id = hashlib.sha1(f"{article.id}:{first.trigger.start_token}".encode()).hexdigest()[:16]
    return EventMention(
        id=mention_id, article_id=article.id, trigger=first.span(article),
        event_type=event_type, sub_event_type=sub_type, actors=_merge_actors(group.actors + group.claimers),
        place=best_place(group.places), date=best_date(group.dates), claims=claims,
        sentences=sentences, background=not main and _is_background(group, claims),
        outlet=article.outlet)


def _unique_claims(claims: list[Claim]) -> tuple[Claim, ...]:
    return tuple({c.id: c for c in sorted(claims, key=lambda c: c.span.start)}.values())


def _is_background(group: Group, claims: tuple[Claim, ...]) -> bool:
    """Mentioned in passing: no figure of its own, or only a generic plural ("air strikes")."""
    incident_claims = [c for c in claims if c.scope == "incident"]
    generic = all(f.token.tag_ in {"NNS", "NNPS"} and not any(c.dep_ == "det" for c in f.token.children)
                  for f in group.frames)
    return not incident_claims or generic


def _merge_actors(actors: list[Actor]) -> tuple[Actor, ...]:
    seen: dict[tuple[str, ActorRole], Actor] = {}
    for actor in actors:
        seen.setdefault((actor.normalized, actor.role), actor)
    return tuple(seen.values())


__all__ = ["extract_mentions", "group_frames", "on_title", "with_title_claims"]
