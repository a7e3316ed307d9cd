"""For each source of an incident, the facts other sources report that it does not mention."""

from __future__ import annotations

from collections.abc import Sequence

from parallax.reconcile.contradictions import object_words, speaker_label
from parallax.reconcile.cues import find_cues, victim_kind
from parallax.schema import ActorRole, EventMention, GeoPrecision, Measure, Omission, Span

Fact = tuple[str, Span | None]  # (what is told, where)
Key = tuple[str, str]  # (kind of fact, what tells it apart from others of its kind)


def _claim_facts(mention: EventMention, facts: dict[Key, Fact]) -> None:
    """Each source's figure is a fact of its own; so is each thing hit and each kind of victim."""
    for claim in mention.claims:
        if claim.negated or claim.scope != "incident":
            continue
        who = speaker_label(claim, mention.outlet)
        speaker = claim.speaker.normalized if claim.speaker else "outlet"
        if claim.measure == Measure.DAMAGED:
            for word in sorted(object_words(claim.object_text or claim.figure.text)):
                facts.setdefault(("what was hit", word), (f"{word} ({who})", claim.span))
            continue
        facts.setdefault((claim.measure.value, speaker), (f"{claim.figure.text} {claim.measure.value} ({who})",
                                                           claim.span))
        if victims := victim_kind(claim.victim_group):
            facts.setdefault(("victims", victims), (f"{victims}: {claim.victim_group} ({who})", claim.span))


def facts_of(mentions: Sequence[EventMention]) -> dict[Key, Fact]:
    """One article's facts: the first time it tells each."""
    facts: dict[Key, Fact] = {}
    for mention in mentions:
        _claim_facts(mention, facts)
        for hit in find_cues([mention], "warning"):
            facts.setdefault(("warning", hit.value), (f"warning {hit.value}: {hit.span.text}", hit.span))
        for actor in mention.actors:
            if actor.role == ActorRole.PERPETRATOR:
                facts.setdefault(("perpetrator", ""), (actor.normalized, actor.span))
        if mention.place and mention.place.precision <= GeoPrecision.NEAR:
            facts.setdefault(("place", ""), (mention.place.name, mention.place.span))
        if mention.date and mention.date.value:
            facts.setdefault(("date", ""), (mention.date.value.isoformat(), mention.date.span))
    return facts


def find_omissions(mentions: Sequence[EventMention]) -> tuple[Omission, ...]:
    """Per article (in incident order), each kind of fact that another article gives and it does not."""
    by_article: dict[str, list[EventMention]] = {}
    for mention in mentions:
        by_article.setdefault(mention.article_id, []).append(mention)
    if len(by_article) < 2:
        return ()
    facts = {aid: facts_of(ms) for aid, ms in by_article.items()}
    outlet = {aid: next((m.outlet for m in ms if m.outlet), aid) for aid, ms in by_article.items()}
    omissions = []
    for aid, own in facts.items():
        for key in sorted({k for other, told in facts.items() if other != aid for k in told} - set(own)):
            givers = [o for o in facts if o != aid and key in facts[o]]
            fact, span = facts[givers[0]][key]
            omissions.append(Omission(aid, outlet[aid], key[0], fact,
                                      tuple(dict.fromkeys(outlet[g] for g in givers)), span))
    return tuple(omissions)
