"""The incident's date: the finest precision any report gives, then the day most reports support."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date

from parallax.extract.compatibility import best_date
from parallax.resolve.scoring import dates_conflict
from parallax.schema import EventDate, EventMention


def follow_up_reports(mentions: Sequence[EventMention]) -> frozenset[str]:
    """Ids of the mentions dated further after the incident's earliest report (not background) than
    the window of their two precisions: follow-up reports (an arrest, a charge, a hearing later), which
    resolution joins to the incident they name (resolve.scoring.follows_up). Their own day is not
    the incident's, their arrest is not its type, their court town not its place."""
    dated = [m for m in mentions if m.date and m.date.value is not None]
    told = [m for m in dated if not m.background] or dated  # a background date ("in 2013") is no event's
    if not told:
        return frozenset()
    first = min(told, key=lambda m: (m.date.value, m.date.precision))
    return frozenset(m.id for m in dated if m.date.value > first.date.value and dates_conflict(m.date, first.date))


def event_reports(mentions: Sequence[EventMention]) -> list[EventMention]:
    """The mentions that tell the event itself: all but its follow-up reports."""
    later = follow_up_reports(mentions)
    return [m for m in mentions if m.id not in later]


def incident_date(mentions: Sequence[EventMention]) -> EventDate | None:
    """Among the resolved dates of the finest precision told, the value the most articles give (one
    vote per article); a tie goes to the earliest value, since a later day is usually the day the
    news was reported. With no resolved date, the most precise unresolved one (a weekday)."""
    dated = [m for m in mentions if m.date and m.date.value is not None]
    if not dated:
        return best_date([m.date for m in mentions if m.date])
    finest = min(m.date.precision for m in dated)
    finest_dates = [m for m in dated if m.date.precision == finest]
    first: dict[date, EventDate] = {}
    for mention in finest_dates:
        first.setdefault(mention.date.value, mention.date)
    support = Counter(value for _, value in {(m.article_id, m.date.value) for m in finest_dates})
    chosen = min(support, key=lambda value: (-support[value], value))
    return first[chosen]
