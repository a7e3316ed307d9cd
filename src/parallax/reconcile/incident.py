"""Reconcile the mentions of one incident into a single record, noting where sources disagree."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import combinations, product

from parallax.extract.compatibility import best_place
from parallax.reconcile.dates import event_reports, incident_date
from parallax.reconcile.figures import per_source, reconcile_fatalities, risen_figures, rival, told_once
from parallax.reconcile.grade import reconcile_sources
from parallax.reconcile.tolls import reported_toll
from parallax.reconcile.types import incident_type
from parallax.resolve.features import FOLLOW_UP, MOURNING, is_follow_up
from parallax.schema import ActorRole, EventMention, Fatalities, Grade, Incident, MatchLink, Measure

MOURNED = ("a funeral or vigil story: the dead it names are those of the event it mourns, counted there "
           "(docs/reconciliation.md)")


def reconcile_incident(incident_id: str, mentions: Sequence[EventMention],
                       links: tuple[MatchLink, ...] = ()) -> Incident:
    """One Incident from its mentions: most precise place, best-supported date and type, commonest
    actors. Follow-up reports (dated well after the event: an arrest, a hearing) count as sources
    and for the tolls, but the date, type and place are the event reports' (reconcile.dates)."""
    pairs = [(c, m.outlet) for m in mentions for c in m.claims]
    mourning = mourns(mentions)
    fatalities = Fatalities(None, None, None, MOURNED) if mourning else reconcile_fatalities(pairs)
    disagreements = [] if mourning else _disagreements(mentions)
    notes = [MOURNED] if mourning else disagreements
    event = event_reports(mentions)
    event_type, sub_type = incident_type(event)
    place = best_place([m.place for m in event if m.place]) or best_place([m.place for m in mentions if m.place])
    reconciliation = reconcile_sources(mentions, (event_type, sub_type), place)
    return Incident(
        id=incident_id, mentions=tuple(mentions), event_type=event_type, sub_event_type=sub_type,
        date=incident_date(event),
        place=place,
        actor1=_commonest(mentions, ActorRole.PERPETRATOR),
        actor2=_commonest(mentions, ActorRole.TARGET),
        fatalities=fatalities, contested=bool(disagreements) or reconciliation.grade == Grade.CONTESTED,
        notes=tuple(notes), background=all(m.background for m in mentions), links=links,
        reconciliation=reconciliation, reported=None if mourning else reported_toll(mentions))


def mourns(mentions: Sequence[EventMention]) -> bool:
    """Every report tells a funeral, burial or vigil ("mourners buried 11 people killed in Thursday's
    attack"): the incident is the mourning, whose dead are the mourned event's, not deaths of its own."""
    return bool(mentions) and all(is_follow_up(m) and m.trigger.text.lower() not in FOLLOW_UP - MOURNING
                                  for m in mentions)


def _commonest(mentions: Sequence[EventMention], role: ActorRole) -> str:
    names = Counter(a.normalized for m in mentions for a in m.actors if a.role == role)
    return names.most_common(1)[0][0] if names else ""


def _disagreements(mentions: Sequence[EventMention]) -> list[str]:
    """Human-readable notes on figures of sources that cannot both be right, and on denials."""
    notes = []
    pairs = [(c, m.outlet) for m in mentions for c in m.claims]
    risen = risen_figures(c for c, _ in pairs)
    for measure, side in product((Measure.KILLED, Measure.INJURED, Measure.CASUALTIES), ("", "armed")):
        chosen = per_source(told_once(pairs), measure, side)  # the armed side's dead add to the others'
        if any(rival(a, b, risen) for a, b in combinations(chosen.values(), 2)):
            told = "; ".join(f"{key.removeprefix('outlet:')}: {c.figure.text}" for key, c in chosen.items())
            notes.append(f"sources disagree on {measure.value}: {told}")
    for claim, outlet in pairs:
        if not claim.negated:
            continue
        # no speaker named: the outlet tells it in its own voice, and the note says so
        who = ((claim.speaker.normalized or claim.speaker.name) if claim.speaker
               else f"{outlet or 'the outlet'} (no speaker named)")
        notes.append(f"{who} denies {claim.measure.value} {claim.victim_group}".strip())
    return notes
