"""Low, best and high fatality figures from competing claims: the rule in docs/reconciliation.md."""

from __future__ import annotations

from collections.abc import Iterable

from parallax.schema import Claim, Fatalities, Measure

RULE = ("one figure per source (its latest, largest incident-level count of the killed); "
        "low = smallest source figure, high = largest (an open-ended 'at least N' counts as N; "
        "a vague one such as 'soldiers' only when no precise figure lies inside it), "
        "best = median of the precise figures (vague ones such as 'a number of' and hedged "
        "ones only when nothing else exists); denials and war-wide tolls never enter")


def source_key(claim: Claim, outlet: str) -> str:
    """Who stands behind a figure: the normalised speaker, or the outlet's own voice."""
    if claim.speaker is not None:
        return claim.speaker.normalized or claim.speaker.name
    return f"outlet:{outlet or 'the reporting outlet'}"


def counted(claim: Claim, measure: Measure = Measure.KILLED) -> bool:
    return (claim.measure == measure and not claim.negated and claim.scope == "incident"
            and claim.figure.low is not None and not is_part(claim))


def is_part(claim: Claim) -> bool:
    """ "nine of the children": a count inside a group already counted, never a total of its own."""
    return f"{claim.span.text} of the " in claim.span.sentence


def is_vague(claim: Claim) -> bool:
    return claim.figure.high is None and claim.figure.low is not None and claim.figure.low <= 2


def compatible(a: Claim, b: Claim) -> bool:
    """Both can be right: their intervals overlap ('at least 19' and '19'; 'soldiers' [1, -] and 'four')."""
    a_high = a.figure.high if a.figure.high is not None else float("inf")
    b_high = b.figure.high if b.figure.high is not None else float("inf")
    return a.figure.low <= b_high and b.figure.low <= a_high


def _bounding(chosen: list[Claim]) -> list[Claim]:
    """The figures that set low and high: a vague one only when no precise figure lies inside it."""
    precise = [c for c in chosen if not is_vague(c)]
    return [c for c in chosen if not is_vague(c) or not any(compatible(c, p) for p in precise)]


def per_source(claims: Iterable[tuple[Claim, str]], measure: Measure = Measure.KILLED) -> dict[str, Claim]:
    """Each source's figure: the largest it gave (a rising toll supersedes the earlier one)."""
    chosen: dict[str, Claim] = {}
    for claim, outlet in claims:
        if not counted(claim, measure):
            continue
        key = source_key(claim, outlet)
        if key not in chosen or claim.figure.low > chosen[key].figure.low:
            chosen[key] = claim
    return chosen


def reconcile_fatalities(claims: Iterable[tuple[Claim, str]]) -> Fatalities:
    """Fatalities low/best/high over sources; all None when no source gives a count."""
    chosen = list(per_source(claims).values())
    if not chosen:
        return Fatalities(None, None, None, RULE)
    bounding = _bounding(chosen)
    lows = [c.figure.low for c in bounding]
    highs = [c.figure.high if c.figure.high is not None else c.figure.low for c in bounding]
    precise = [c for c in chosen if not is_vague(c) and not c.hedged] or \
              [c for c in chosen if not is_vague(c)] or chosen
    points = sorted(_point(c) for c in precise)
    best = points[(len(points) - 1) // 2]
    return Fatalities(min(lows), best, max(highs), RULE)


def _point(claim: Claim) -> int:
    low, high = claim.figure.low, claim.figure.high
    return low if high is None else (low + high) // 2
