"""Independent sources (wire copy reposted counts once), victim-group tolls, and the incident's grade."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from parallax.extract.compatibility import same_place
from parallax.reconcile.contradictions import find_contradictions
from parallax.reconcile.cues import victim_kind
from parallax.reconcile.dates import follow_up_reports
from parallax.reconcile.figures import reconcile_fatalities
from parallax.reconcile.omissions import find_omissions
from parallax.resolve.features import features_of, jaccard
from parallax.schema import (Contradiction, ContradictionKind, EventMention, Grade, GroupFatalities,
                             Place, Reconciliation, Stance)

NEAR_DUPLICATE = 0.5  # shingle Jaccard above which two reports are copies of one text
_CONTESTING = frozenset({ContradictionKind.NUMBER, ContradictionKind.VICTIMS, ContradictionKind.PERPETRATOR,
                         ContradictionKind.SEQUENCE, ContradictionKind.TARGET})


def source_groups(mentions: Sequence[EventMention]) -> tuple[tuple[str, ...], ...]:
    """Article ids grouped when one outlet published them or their texts about the incident are near
    duplicates (wire reposts): so independent sources never outnumber the outlets."""
    shingles: dict[str, frozenset[int]] = {}
    outlets: dict[str, str] = {}
    for mention in mentions:
        shingles[mention.article_id] = shingles.get(mention.article_id, frozenset()) | features_of(mention).shingles
        outlets[mention.article_id] = outlets.get(mention.article_id) or mention.outlet.strip().casefold()
    group_of = {aid: aid for aid in shingles}
    ids = sorted(shingles)
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            if (outlets[a] and outlets[a] == outlets[b]) or jaccard(shingles[a], shingles[b]) >= NEAR_DUPLICATE:
                old, new = group_of[b], group_of[a]
                group_of = {k: (new if v == old else v) for k, v in group_of.items()}
    groups: dict[str, list[str]] = {}
    for aid in ids:
        groups.setdefault(group_of[aid], []).append(aid)
    return tuple(tuple(g) for g in groups.values())


def by_victim_group(mentions: Sequence[EventMention]) -> tuple[GroupFatalities, ...]:
    """Fatalities low/best/high per kind of victim (civilians, combatants) where sources say so."""
    pairs = [(c, m.outlet) for m in mentions for c in m.claims]
    kinds = sorted({victim_kind(c.victim_group) for c, _ in pairs} - {""})
    out = []
    for kind in kinds:
        fatalities = reconcile_fatalities((c, o) for c, o in pairs if victim_kind(c.victim_group) == kind)
        if fatalities.best is not None:
            out.append(GroupFatalities(kind, fatalities))
    return tuple(out)


def grade(mentions: Sequence[EventMention], contradictions: Sequence[Contradiction], independent: int) -> Grade:
    if any(c.stance == Stance.DENIED for m in mentions for c in m.claims):
        return Grade.DENIED
    if any(c.kind in _CONTESTING for c in contradictions):
        return Grade.CONTESTED
    return Grade.SEVERAL_SOURCES if independent > 1 else Grade.SINGLE_SOURCE


def place_alternatives(mentions: Sequence[EventMention], best: Place | None) -> tuple[Place, ...]:
    """Other places the reports give, each once, the chosen one excluded."""
    out: list[Place] = []
    for place in (m.place for m in mentions if m.place):
        if (best is None or not same_place(place, best)) and not any(same_place(place, p) for p in out):
            out.append(place)
    return tuple(out)


def reconcile_sources(mentions: Sequence[EventMention], chosen_type: tuple[str, str],
                      best: Place | None) -> Reconciliation:
    """Everything the reports of one incident agree and disagree on, and what each leaves out."""
    later = follow_up_reports(mentions)
    main = [m for m in mentions if not m.background and m.id not in later] or list(mentions)
    votes = Counter((m.event_type, m.sub_event_type) for m in main)
    groups = source_groups(mentions)
    contradictions = find_contradictions(mentions, later)
    return Reconciliation(
        grade=grade(mentions, contradictions, len(groups)),
        type_confidence=round(votes[chosen_type] / len(main), 3), independent_sources=len(groups),
        source_groups=tuple(g for g in groups if len(g) > 1),
        place_alternatives=place_alternatives(mentions, best), by_victim_group=by_victim_group(mentions),
        contradictions=contradictions, omissions=find_omissions(mentions),
        follow_up_reports=tuple(sorted({m.article_id for m in mentions if m.id in later})))
