"""Where the reports of one incident cannot all be right: tolls, victims, what was hit, warnings,
perpetrators, places and dates, each contradiction with both spans and both speakers."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import combinations, product

from parallax.extract.compatibility import same_place, side
from parallax.reconcile.cues import find_cues, speaker_of, victim_kind
from parallax.reconcile.figures import added_apart, is_vague, per_source, risen_figures, rival, told_once
from parallax.schema import (ActorRole, Claim, Contradiction, ContradictionKind, EventMention, Measure,
                             Span, Stance)

MAX_SOURCES = 6  # pairs among the first sources only: 15 pairs at most per fact
_OBJECT_STOP = frozenset("a an the two three four five one several some of piece pieces".split())
_WHERE_TAIL = re.compile(r"\b(?:in|at|near|outside|inside|on)\b.*")

Told = tuple[str, str, Span]  # (value, speaker, span)


def speaker_label(claim: Claim, outlet: str) -> str:
    """Who tells a figure, as claims.csv names them: the resolved speaker ("its members" of a network
    are the network), or the outlet's own voice."""
    if claim.speaker is None:
        return outlet or "the reporting outlet"
    via = f" (via {', '.join(claim.relay)})" if claim.relay else ""
    return (claim.speaker.normalized or claim.speaker.name) + via


def _pairs(kind: ContradictionKind, subject: str, told: Sequence[Told],
           differ=lambda a, b: a[0] != b[0]) -> Iterator[Contradiction]:
    """Each two sources' (value, speaker, span) that `differ` says disagree."""
    for a, b in combinations(told[:MAX_SOURCES], 2):
        if a[1] != b[1] and differ(a, b):
            yield Contradiction(kind, subject, a[0], b[0], a[1], b[1], a[2], b[2])


def number_contradictions(mentions: Sequence[EventMention]) -> list[Contradiction]:
    """Two sources whose figures for the same measure cannot both hold (vague ones excepted)."""
    found: list[Contradiction] = []
    pairs = told_once((c, m.outlet) for m in mentions for c in m.claims)
    outlets = {c.id: o for c, o in pairs}
    risen = risen_figures(c for c, _ in pairs)
    for measure, side in product((Measure.KILLED, Measure.INJURED, Measure.CASUALTIES), ("", "armed")):
        chosen = [c for c in per_source(pairs, measure, side).values() if not is_vague(c)]  # sides add up
        told = [(f"{c.figure.text} [{_range(c)}]", speaker_label(c, outlets[c.id]),
                 c.span) for c in chosen]
        # by span, not by value: two speakers' "14" may be one told as a rise and one not
        by_span = {t[2]: c for t, c in zip(told, chosen)}
        found += _pairs(ContradictionKind.NUMBER, measure.value, told,
                        lambda a, b: rival(by_span[a[2]], by_span[b[2]], risen))
    return found


def _range(claim: Claim) -> str:
    low, high = claim.figure.low, claim.figure.high
    return f"{low}+" if high is None else str(low) if high == low else f"{low}-{high}"


def victim_contradictions(mentions: Sequence[EventMention]) -> list[Contradiction]:
    """Civilians against combatants, as each source describes the dead or wounded."""
    told: dict[str, Told] = {}
    claims = [c for m in mentions for c in m.claims]
    apart = added_apart(claims) | added_apart(claims, Measure.INJURED)  # the attackers told beside the victims
    for mention in mentions:
        for claim in mention.claims:
            kind = _victims_kind(claim) if claim.measure != Measure.DAMAGED and claim.id not in apart \
                and claim.stance is not Stance.RETRACTED else ""
            who = speaker_label(claim, mention.outlet)
            key = claim.speaker.normalized if claim.speaker else who
            if kind and key not in told:
                told[key] = (DENIES + kind if _denies(claim) else kind, who, claim.span)
    return list(_pairs(ContradictionKind.VICTIMS, "victims", list(told.values()), _victims_differ))


def _victims_kind(claim: Claim) -> str:
    """The kind of the victims, or of the parts a figure lists when its group tells none: "17 people,
    among them four women and three children" are civilians dead."""
    return victim_kind(claim.victim_group) or victim_kind(" and ".join(p.victim_group for p in claim.parts))


DENIES = "denies "  # a source's word that the victims were not of a kind: "denied that civilians were killed"


def _denies(claim: Claim) -> bool:
    return claim.negated or claim.stance is Stance.DENIED


def _victims_differ(a: Told, b: Told) -> bool:
    """Civilians against combatants; a denial of civilian dead against civilians only (the army's
    "militants" and a spokesman's "no civilians were killed" agree)."""
    if a[0].startswith(DENIES) or b[0].startswith(DENIES):
        return a[0].removeprefix(DENIES) == b[0].removeprefix(DENIES) and a[0] != b[0]
    return a[0] != b[0]


def object_words(text: str) -> frozenset[str]:
    """The things a damage claim lists, each as a short singular phrase ("front-end loader")."""
    phrases = set()
    for part in re.split(r",|\band\b|;", text.lower()):
        part = _WHERE_TAIL.sub("", part)  # "the market in Omdurman" lists the market
        words = [w for w in re.findall(r"[a-z][a-z\-]+", part) if w not in _OBJECT_STOP]
        if words:
            phrases.add(" ".join(words[:-1] + [words[-1].removesuffix("s")]))
    return frozenset(phrases)


def object_heads(text: str) -> frozenset[str]:
    """The kinds of thing a damage claim lists: each phrase's last word ("the city's vegetable
    market" and "a market" list one market)."""
    return frozenset(phrase.split()[-1] for phrase in object_words(text))


def target_contradictions(mentions: Sequence[EventMention]) -> list[Contradiction]:
    """Sources that list different things destroyed or damaged."""
    told: dict[str, Told] = {}
    for mention in mentions:
        for claim in mention.claims:
            text = claim.object_text or claim.figure.text
            who = speaker_label(claim, mention.outlet)
            if claim.negated or claim.stance in (Stance.DENIED, Stance.RETRACTED):
                continue  # "rejecting claims that a market had been hit" lists nothing hit
            if claim.measure == Measure.DAMAGED and text and who not in told:
                told[who] = (text, who, claim.span)
    return list(_pairs(ContradictionKind.TARGET, "what was hit", list(told.values()),
                       lambda a, b: object_heads(a[0]) != object_heads(b[0])))


def warning_contradictions(mentions: Sequence[EventMention]) -> list[Contradiction]:
    """A warning was given against no warning was received: the sequence of events."""
    told: dict[tuple[str, str], Told] = {}
    for mention in mentions:
        for hit in find_cues([mention], "warning"):
            who = speaker_of(hit.span.sentence, [mention]) or mention.outlet or "the reporting outlet"
            told.setdefault((who, hit.value), (f"warning {hit.value}: {hit.span.text}", who, hit.span))
    return list(_pairs(ContradictionKind.SEQUENCE, "warning", list(told.values()),
                       lambda a, b: a[0].split(":")[0] != b[0].split(":")[0]))


def perpetrator_contradictions(mentions: Sequence[EventMention]) -> list[Contradiction]:
    """Reports that blame doers on opposite sides (state against non-state)."""
    told: dict[str, Told] = {}
    for mention in mentions:
        for actor in mention.actors:
            if actor.role == ActorRole.PERPETRATOR and side(actor) and actor.span is not None:
                # whose account it is: the speaker of the actor's sentence ("..., the army said"),
                # else the outlet telling it as its own
                outlet = mention.outlet or mention.article_id
                who = speaker_of(actor.span.sentence, [mention]) or outlet
                told.setdefault(f"{outlet}|{side(actor)}", (f"{actor.normalized} ({side(actor)})", who, actor.span))
    return list(_pairs(ContradictionKind.PERPETRATOR, "perpetrator", list(told.values()),
                       lambda a, b: a[0].rsplit("(", 1)[1] != b[0].rsplit("(", 1)[1]))


def place_and_date_contradictions(mentions: Sequence[EventMention],
                                  follow_ups: frozenset[str] = frozenset()) -> list[Contradiction]:
    """Reports that put the event in places (or on days) that cannot be the same; a follow-up
    report's day (mention ids in `follow_ups`: an arrest weeks later) is its own, not the event's."""
    places = [(m.place, m.outlet or m.article_id) for m in mentions if m.place and m.place.span]
    told = [(p.name, who, p.span) for p, who in places]
    by_name = {p.name: p for p, _ in places}
    found = list(_pairs(ContradictionKind.PLACE, "place", told,
                        lambda a, b: not same_place(by_name[a[0]], by_name[b[0]]) and by_name[a[0]].precision <= 2
                        and by_name[b[0]].precision <= 2))
    dates = [(m.date, m.outlet or m.article_id) for m in mentions
             if m.date and m.date.value and m.date.span and m.id not in follow_ups]
    told = [(d.value.isoformat(), who, d.span) for d, who in dates if d.precision == 1]
    found += _pairs(ContradictionKind.DATE, "date", told)
    return found


def find_contradictions(mentions: Sequence[EventMention],
                        follow_ups: frozenset[str] = frozenset()) -> tuple[Contradiction, ...]:
    """Every contradiction among an incident's reports, by kind then source order (`follow_ups`:
    ids of its follow-up reports, whose days are not dates of the event)."""
    return tuple(number_contradictions(mentions) + victim_contradictions(mentions)
                 + target_contradictions(mentions) + warning_contradictions(mentions)
                 + perpetrator_contradictions(mentions) + place_and_date_contradictions(mentions, follow_ups))

