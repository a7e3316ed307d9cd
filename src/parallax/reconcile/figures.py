"""Low, best and high fatality figures from competing claims: the rule in docs/reconciliation.md."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from parallax.extract.claim_lexicon import load_claim_lexicon
from parallax.schema import Claim, Fatalities, Figure, Measure, Stance

RULE = ("one figure per source and side (its latest, largest incident-level count of the killed; the "
        "armed side's dead, such as attackers, reconciled apart and added to the others'); "
        "low = smallest source figure, high = largest (an open-ended 'at least N' counts as N; "
        "a vague one such as 'soldiers' only when no precise figure lies inside it), "
        "best = median of the precise figures (vague ones such as 'a number of' and hedged "
        "ones only when nothing else exists); denials and war-wide tolls never enter")


def source_key(claim: Claim, outlet: str) -> str:
    """Who stands behind a figure: the normalised speaker, or the outlet's own voice."""
    if claim.speaker is not None:
        return claim.speaker.normalized or claim.speaker.name
    return f"outlet:{outlet or 'the reporting outlet'}"


_NOT_COUNTS = frozenset({Stance.DENIED, Stance.RETRACTED})


def counted(claim: Claim, measure: Measure = Measure.KILLED) -> bool:
    """A figure its speaker gives as a count of the incident: not denied ("rejecting claims that 11 died")
    nor retracted ("An earlier version of this story said 20")."""
    return (claim.measure == measure and not claim.negated and claim.stance not in _NOT_COUNTS
            and claim.scope == "incident"
            and claim.figure.low is not None and not is_part(claim))


_AMONG = re.compile(r"\bamong (?:the )?(?:dead|killed|victims|wounded|injured|casualties)\b", re.IGNORECASE)


def is_part(claim: Claim) -> bool:
    """ "nine of the children", "11 of its members were among the dead": a count inside a group already
    counted, never a total of its own."""
    sentence, span = claim.span.sentence, claim.span.text
    if f"{span} of the " in sentence:
        return True  # not "four of his family members": his family is no count told
    at = sentence.find(span)
    return at >= 0 and bool(_AMONG.search(sentence, at + len(span)))


def is_vague(claim: Claim) -> bool:
    return claim.figure.high is None and claim.figure.low is not None and claim.figure.low <= 2


def compatible(a: Claim, b: Claim) -> bool:
    """Both can be right: their intervals overlap ('at least 19' and '19'; 'soldiers' [1, -] and 'four')."""
    a_high = a.figure.high if a.figure.high is not None else float("inf")
    b_high = b.figure.high if b.figure.high is not None else float("inf")
    return a.figure.low <= b_high and b.figure.low <= a_high


def rival(a: Claim, b: Claim, risen: frozenset[tuple[str, Measure, int]] = frozenset()) -> bool:
    """Two sources' figures that disagree: they cannot both hold, they are not an article's headline
    and its own body (one account: the body says who gave which figure), and the larger is not told
    as a rise ("the toll rose to 11" updates an earlier "seven": the count grew past it, within a
    source or across sources; `risen`: an article's figures some claim of it tells as a rise, so "by
    evening the governor said 14" beside its "rose to 14" is the risen toll too), and not one
    article's counts of two named groups (workers, officers)."""
    if compatible(a, b) or a.article_id == b.article_id and "title" in (a.span.field, b.span.field):
        return False
    if a.article_id == b.article_id and _named_group(a) and _named_group(b) and _named_group(a) != _named_group(b):
        return False  # one account of two groups: "injuring at least 25 workers ... 12 officers were hurt"
    larger = a if a.figure.low > b.figure.low else b
    if _ranked_total(larger) is not None:
        return False  # "A fifth person has died" grows another report's four: no disagreement
    return not told_as_rise(larger) and (larger.article_id, larger.measure, larger.figure.low) not in risen


def risen_figures(claims: Iterable[Claim]) -> frozenset[tuple[str, Measure, int]]:
    """(article, measure, figure) for each figure an article tells as the toll grown ("rose to 14")."""
    return frozenset((c.article_id, c.measure, c.figure.low) for c in claims
                     if c.figure.low is not None and told_as_rise(c))


_ANY_VICTIMS = frozenset({"", "people", "victims"})  # victim groups that name nobody in particular
_SHARE_OF_THEM = ("most ", "mostly ", "many ", "some ", "all ", "half ", "several of ")


def _named_group(claim: Claim) -> str:
    """The one group of people a figure counts ("workers", "officers"); "" for "people" or several."""
    base = claim.victim_group.split(" (")[0]
    if base.startswith(_SHARE_OF_THEM):  # "eight killed, most of them non-Syrian": people, described
        return ""
    return "" if base in _ANY_VICTIMS or " and " in base else base


_RISE = r"\b(?:rose|risen|rising|climbed|climbing|increased|jumped|grew|mounted|reached|has reached)\s+(?:to\s+)?"


def told_as_rise(claim: Claim) -> bool:
    """ "The death toll ... rose to 11", "climbed to 14": a figure given as the toll grown since."""
    return re.search(_RISE + re.escape(claim.span.text) + r"\b", claim.span.sentence, re.IGNORECASE) is not None


def told_once(claims: Iterable[tuple[Claim, str]]) -> list[tuple[Claim, str]]:
    """The claims without an unattributed headline figure that restates a figure its own article's body
    gives ("At least 19 dead in market massacre" over "At least 19 people were killed, a doctors'
    union said"): the body, with its speaker, is the one account; the headline is not a source of
    its own in a disagreement; nor a count its article updates (`updated`)."""
    claims = updated(claims)
    body = [c for c, _ in claims if c.span.field != "title"]
    return [(c, o) for c, o in claims
            if not (c.span.field == "title" and c.speaker is None
                     and any(b.article_id == c.article_id and b.measure == c.measure and compatible(b, c)
                             for b in body if b.figure.low is not None and c.figure.low is not None))]


def updated(claims: Iterable[tuple[Claim, str]]) -> list[tuple[Claim, str]]:
    """The claims as their articles' latest counts: "A fifth victim" after "four" is a count of five,
    and the four it updates drops out; so does a toll the article gives at an earlier time of day ("By
    midday the army put the toll at nine; by evening the governor said 14": the 14 updates it)."""
    given = list(claims)
    claims = [(_as_ranked(c, given), o) for c, o in given]
    body = [c for c, _ in claims if c.span.field != "title"]
    return [(c, o) for c, o in claims if not _superseded(c, body)]


# "a fifth victim"; headlines drop the article for a victim ("5th person dies", "Third victim dies"), not
# for who someone is ("Eighth grader dead", "Boy is second teen struck by stray round this month")
_RANKED = re.compile(r"^(?:(?:a|an|the)\s+(\w+)\b|(\w+)\s+(?:person|victim)\b)")
_DIGIT_ORDINAL = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)$")


def _ordinal(word: str) -> int | None:
    """4 for "fourth" (numbers.tsv) or "4th"."""
    digits = _DIGIT_ORDINAL.match(word)
    if digits:
        return int(digits.group(1)) if int(digits.group(1)) > 1 else None
    return load_claim_lexicon().ordinals.get(word)


def rank_of(claim: Claim) -> int | None:
    """4 for "a fourth victim", "A fourth", "the fifth man": one victim told as the next of a count."""
    found = _RANKED.match(claim.figure.text.lower())
    exact = claim.figure.low == claim.figure.high == 1
    return _ordinal(found.group(1) or found.group(2)) if found and exact else None


def _ranked_total(claim: Claim) -> int | None:
    """5 for "A fifth victim" once `_as_ranked` read it as the article's count of five."""
    found = _RANKED.match(claim.figure.text.lower())
    rank = _ordinal(found.group(1) or found.group(2)) if found else None
    return rank if rank is not None and claim.figure.low == claim.figure.high == rank else None


def _as_ranked(claim: Claim, claims: list[tuple[Claim, str]]) -> Claim:
    """ "killed four ... A fifth victim died in hospital": the fifth makes the article's count five,
    an update of its four, not a rival figure of one."""
    rank = rank_of(claim)
    if rank is None or not any((c.article_id == claim.article_id or claim.measure is Measure.KILLED)
                               and c.measure == claim.measure and c.figure.low == c.figure.high == rank - 1
                               for c, _ in claims):
        return claim  # a follow-up's "A fifth person has died" beside another report's four dead is five too
    return replace(claim, figure=Figure(rank, rank, claim.figure.text))


def _superseded(claim: Claim, body: list[Claim]) -> bool:
    """A timed count ("by midday ... nine") below one its article gives at another time ("by evening ... 14");
    a count its article's next ranked victim updates ("four" before "A fifth victim died")."""
    if claim.figure.low is not None and any(b.article_id == claim.article_id and b.measure == claim.measure
                                            and _ranked_total(b) == claim.figure.low + 1 for b in body):
        return True
    return bool(claim.claim_time) and claim.figure.low is not None and any(
        b.article_id == claim.article_id and b.measure == claim.measure and b.claim_time
        and b.claim_time != claim.claim_time and b.figure.low is not None and b.figure.low > claim.figure.low
        for b in body)


def _bounding(chosen: list[Claim]) -> list[Claim]:
    """The figures that set low and high: a vague one only when no precise figure lies inside it."""
    precise = [c for c in chosen if not is_vague(c)]
    return [c for c in chosen if not is_vague(c) or not any(compatible(c, p) for p in precise)]


def added_apart(claims: Iterable[Claim], measure: Measure = Measure.KILLED) -> frozenset[str]:
    """The ids of counts of the armed side's dead ("15 assailants", "two of them" after "the attackers")
    that an article tells beside other dead of the same measure: parts that add up, never rival
    figures. Told alone, "8 militants" may be another source's "3 civilians" told otherwise; so may
    a count whose speaker denies the other dead ("killed 20 militants ... No civilians were harmed"
    against "11 civilians", Kabul said): rival accounts of one toll."""
    claims = list(claims)
    deniers = {(c.article_id, _voice(c)) for c in claims if c.measure == measure and c.speaker is not None
               and (c.negated or c.stance is Stance.DENIED)}
    claims = [c for c in claims if counted(c, measure)]
    armed = load_claim_lexicon().armed
    apart = [c for c in claims if any(w in armed for w in c.victim_group.lower().split()[-1:])  # "ADF rebels"
             and (c.article_id, _voice(c)) not in deniers]
    others = {c.article_id for c in claims if c not in apart and c.span.field != "title"}  # a headline retells
    return frozenset(c.id for c in apart if c.article_id in others)


def _voice(claim: Claim) -> str:
    return claim.speaker.normalized or claim.speaker.name if claim.speaker is not None else ""


def per_source(claims: Iterable[tuple[Claim, str]], measure: Measure = Measure.KILLED,
               side: str | None = None) -> dict[str, Claim]:
    """Each source's figure (of one side when given: "armed" for the `added_apart` counts, "" for the
    others): the largest it gave (a rising toll supersedes the earlier one)."""
    claims = list(claims)
    apart = added_apart((c for c, _ in claims), measure) if side is not None else frozenset()
    chosen: dict[str, Claim] = {}
    for claim, outlet in claims:
        if not counted(claim, measure) or side is not None and (claim.id in apart) != (side == "armed"):
            continue
        key = source_key(claim, outlet)
        if key not in chosen or claim.figure.low > chosen[key].figure.low:
            chosen[key] = claim
    return chosen


def reconcile_fatalities(claims: Iterable[tuple[Claim, str]]) -> Fatalities:
    """Fatalities low/best/high over sources, each side's (`per_source`) reconciled apart and added;
    all None when no source gives a count; each article's latest counts (`updated`)."""
    claims = updated(claims)
    sides = [_side_fatalities(list(per_source(claims, side=s).values())) for s in ("", "armed")]
    given = [f for f in sides if f is not None]
    if not given:
        return Fatalities(None, None, None, RULE)
    return Fatalities(*(sum(getattr(f, k) for f in given) for k in ("low", "best", "high")), RULE)


def _side_fatalities(chosen: list[Claim]) -> Fatalities | None:
    if not chosen:
        return None
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
