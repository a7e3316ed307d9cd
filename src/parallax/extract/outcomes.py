"""Settle what became of people a text says were shot: one who later died is a death, not also an injury."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Token

from parallax.extract.casualties import Found, fatal_measure, trigger_of
from parallax.extract.claim_lexicon import ClaimLexicon, says_separate
from parallax.knowledge import read_table
from parallax.schema import Claim, Figure, Measure

_NUMERALS = frozenset({"one", "1"})
_PRONOUNS = frozenset({"he", "she", "him", "her", "himself", "herself"})
_SELF = frozenset({"himself", "herself"})


def is_hit(tok: Token, lexicon: ClaimLexicon) -> bool:
    """ "was shot", "a gunshot wound": hit, with the outcome left open (the victim may have died)."""
    trig = trigger_of(tok, lexicon)
    if trig is None:
        return False
    if tok.pos_ == "VERB":
        shot = trig.extra == "shot" or trig.extra == "weak"  # "hit by a bullet" is read as a shot
        return shot and fatal_measure(tok, lexicon) is None
    if trig.measure is not Measure.INJURED:
        return False
    if trig.extra == "shot":
        return True  # "a quadruple shooting": four hit, the dead among them
    before = [c for c in tok.subtree if c.i < tok.i]
    written = tok.doc[before[0].i:tok.i].text.lower() if before else ""
    written = written.replace(" ", "-")  # "non-life threatening" is "non-life-threatening"
    survived = any(c.lower_ in lexicon.nonfatal or c.lemma_.lower() in lexicon.nonfatal for c in before) \
        or any(term in written for term in lexicon.nonfatal if term.startswith("non-"))  # "non-fatal": 3 tokens
    return tok.pos_ == "NOUN" and tok.lemma_ in ("wound", "injury") and not survived


def _counted_dead(found: list[Found]) -> list[Claim]:
    return [c for _, c in found if c.measure is Measure.KILLED and not c.negated and c.scope == "incident"
            and c.figure.low is not None and c.figure.low == c.figure.high and c.figure.low > 0
            and not says_separate(c.span.sentence)]  # "comes days after a shooting that left one dead"


def _is_single(claim: Claim) -> bool:
    figure = claim.figure
    return figure.low == figure.high == 1 and figure.text.lower() not in _NUMERALS


@lru_cache(maxsize=1)
def survival_phrases() -> tuple[str, ...]:
    """Phrases saying the people a sentence tells were hit survived (data/survived_terms.tsv)."""
    return tuple(row["phrase"].lower() for row in read_table("survived_terms.tsv") if row["phrase"])


def _survives(claim: Claim) -> bool:
    """ "A third man was also hit but got away with non-life-threatening injuries": the hit told
    as survived is nobody the article says died."""
    sentence = claim.span.sentence.lower()
    return any(phrase in sentence for phrase in survival_phrases())


def _settled(claim: Claim, dead: list[Claim]) -> Claim | None:
    """The hit claim once the deaths the article reports are taken out of it (None: nobody left);
    a hit its sentence tells as survived stays whole."""
    if _survives(claim):
        return claim
    if _is_single(claim):
        beside = [d for d in dead if d.span.sentence == claim.span.sentence]
        pronoun = claim.figure.text.lower() in _PRONOUNS
        same = any(d.span.start == claim.span.start and d.span.end == claim.span.end for d in beside)
        # "a man was shot ... he died": one death; so is "The man who was shot on Friday has died"
        return claim if beside and not pronoun and not same else None
    low = claim.figure.low
    dead = [d for d in dead if d.figure.text.lower() not in _SELF and not _shooter_told(d, claim)]  # "shot his
    # wife and daughter before turning the gun on himself": the shooter is none of those he shot
    if low is None or low != claim.figure.high or _others(claim) or not dead:
        return claim
    if any(_told_back(d, claim) for d in dead):
        return None
    most = max(d.figure.low or 0 for d in dead)
    if most > low:
        return claim
    rest = low - most
    return replace(claim, figure=Figure(rest, rest, claim.figure.text)) if rest else None


def _shooter_told(dead: Claim, hit: Claim) -> bool:
    """ "A former officer shot his ex-wife, her friend and two deputies before he died": a "he" or "she"
    dying in the sentence that tells several people hit is the one who shot them."""
    return dead.figure.text.lower() in ("he", "she") and dead.span.sentence == hit.span.sentence \
        and (hit.figure.low or 0) >= 2 and dead.span.start > hit.span.start


_BACK = frozenset({"both", "they", "all", "each"})


def _told_back(dead: Claim, hit: Claim) -> bool:
    """ "A man and a boy were critically hurt. Both later died.": a death that points
    back at as many hit as the hit count, after it, is those hit (even when the article's dead are more)."""
    return dead.figure.text.lower() in _BACK and dead.figure.low == hit.figure.low \
        and dead.span.start > hit.span.start


def _others(claim: Claim) -> bool:
    """ "three others were wounded": people besides the dead, never the dead told again."""
    text = claim.figure.text.lower()
    return "other" in text or f"{text} other" in claim.span.sentence.lower()


def settle_outcomes(found: list[Found], lexicon: ClaimLexicon) -> list[Found]:
    """Hit-but-outcome-open claims minus the deaths the same article reports: "Five people were shot.
    One died." is killed 1 and injured 4; "A man was shot. He died." is killed 1 and no injury."""
    dead = _counted_dead(found)
    if not dead:
        return found
    settled = []
    for tok, claim in found:
        if claim.measure is Measure.INJURED and not claim.negated and is_hit(tok, lexicon):
            kept = _settled(claim, dead)
            if kept is not None:
                settled.append((tok, kept))
        else:
            settled.append((tok, claim))
    return settled
