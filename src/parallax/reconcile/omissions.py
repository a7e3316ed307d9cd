"""For each source of an incident, the facts other sources report that it does not mention.

A fact counts as told by an article when the article tells it in any way: a figure with the same
measure and value from any speaker (or the same speaker's figure, which differs as a contradiction,
not an omission), a place of the same name, or that name written in the article's sentences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from parallax.reconcile.contradictions import object_words, speaker_label
from parallax.reconcile.cues import find_cues, victim_kind
from parallax.schema import ActorRole, Claim, EventMention, GeoPrecision, Measure, Omission, Place, Span, Stance

Key = tuple[str, str]  # (kind of fact, what tells it apart from others of its kind)
Fact = tuple[str, Span | None, tuple[Key, ...]]  # (what is told, where, other keys that tell it)


def _speaker_key(claim: Claim, outlet: str) -> str:
    """Who tells a figure: each outlet's own voice is a speaker of its own."""
    return claim.speaker.normalized if claim.speaker else f"outlet {outlet.strip().casefold()}"


def _value_key(claim: Claim) -> tuple[Key, ...]:
    low = claim.figure.low
    return ((claim.measure.value, f"= {low}"),) if low is not None else ()


def _place_key(place: Place) -> Key:
    return ("place", place.name.strip().casefold())


def _claim_facts(mention: EventMention, facts: dict[Key, Fact]) -> None:
    """Each source's figure is a fact of its own; so is each thing hit and each kind of victim."""
    for claim in mention.claims:
        if claim.negated or claim.scope != "incident" or claim.stance is Stance.RETRACTED:
            continue  # a retracted figure is no fact a source omits
        who = speaker_label(claim, mention.outlet)
        if claim.measure == Measure.DAMAGED:
            for word in sorted(object_words(claim.object_text or claim.figure.text)):
                facts.setdefault(("what was hit", word), (f"{word} ({who})", claim.span, ()))
            continue
        told = f"{claim.figure.text} {claim.measure.value} ({who})"
        facts.setdefault((claim.measure.value, _speaker_key(claim, mention.outlet)),
                         (told, claim.span, _value_key(claim)))
        if victims := victim_kind(claim.victim_group):
            facts.setdefault(("victims", victims),
                             (f"{victims}: {claim.victim_group} ({who})", claim.span, ()))


def facts_of(mentions: Sequence[EventMention]) -> dict[Key, Fact]:
    """One article's facts: the first time it tells each."""
    facts: dict[Key, Fact] = {}
    for mention in mentions:
        _claim_facts(mention, facts)
        for hit in find_cues([mention], "warning"):
            facts.setdefault(("warning", hit.value), (f"warning {hit.value}: {hit.span.text}", hit.span, ()))
        for actor in mention.actors:
            if actor.role == ActorRole.PERPETRATOR:
                facts.setdefault(("perpetrator", ""), (actor.normalized, actor.span, ()))
        if (where := mention.place) and where.precision <= GeoPrecision.NEAR:
            facts.setdefault(("place", ""), (where.name, where.span, (_place_key(where),)))
        if mention.date and mention.date.value:
            facts.setdefault(("date", ""), (mention.date.value.isoformat(), mention.date.span, ()))
    return facts


def told_keys(mentions: Sequence[EventMention]) -> set[Key]:
    """Every key under which one article tells something: each figure's value whoever gives it,
    each place's name however precisely it was placed, besides the keys of its facts."""
    told = set(facts_of(mentions))
    for mention in mentions:
        for claim in mention.claims:
            if not claim.negated and claim.scope == "incident" and claim.measure != Measure.DAMAGED:
                told.update(((claim.measure.value, _speaker_key(claim, mention.outlet)), *_value_key(claim)))
        if mention.place:
            told.add(_place_key(mention.place))
    return told


def _names(mentions: Sequence[EventMention], name: str) -> bool:
    """Whether the article writes the place's name in any of its sentences ("near Beni")."""
    pattern = re.compile(rf"(?<!\w){re.escape(name.strip())}(?!\w)")
    spans = (span for m in mentions for span in (*m.sentences, m.trigger))
    return bool(name.strip()) and any(pattern.search(span.text) for span in spans)


def _tells(key: Key, fact: Fact, told: set[Key], mentions: Sequence[EventMention]) -> bool:
    if key in told or any(alias in told for alias in fact[2]):
        return True
    return key[0] == "place" and _names(mentions, fact[0])


def find_omissions(mentions: Sequence[EventMention]) -> tuple[Omission, ...]:
    """Per article (in incident order), each kind of fact that another article gives and it does not,
    nor does another article of its outlet (an omission is labelled by the outlet: "Andes Wire omits
    six killed" is wrong when Andes Wire's earlier story tells them)."""
    by_article: dict[str, list[EventMention]] = {}
    for mention in mentions:
        by_article.setdefault(mention.article_id, []).append(mention)
    if len(by_article) < 2:
        return ()
    facts = {aid: facts_of(ms) for aid, ms in by_article.items()}
    outlet = {aid: next((m.outlet for m in ms if m.outlet), aid) for aid, ms in by_article.items()}
    own = {aid: [m for other, ms in by_article.items() if outlet[other] == outlet[aid] for m in ms]
           for aid in by_article}  # what the article's outlet tells in any of its articles
    told = {aid: told_keys(ms) for aid, ms in own.items()}
    omissions = []
    for aid in facts:
        for key in sorted({k for other, given in facts.items() if other != aid for k in given}):
            versions: dict[str, list[str]] = {}  # what is told -> who tells it so
            for other in facts:
                if other != aid and key in facts[other] \
                        and not _tells(key, facts[other][key], told[aid], own[aid]):
                    versions.setdefault(facts[other][key][0], []).append(other)
            for fact, givers in versions.items():
                sources = tuple(dict.fromkeys(outlet[g] for g in givers))
                omissions.append(Omission(aid, outlet[aid], key[0], fact, sources, facts[givers[0]][key][1]))
    return tuple(omissions)
