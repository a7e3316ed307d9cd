"""Figures a sentence gives by comparison with another source's: "At least 19 people were killed, a
doctors' union said, far more than the seven reported by police" also tells police's seven dead."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from parallax.extract import victims as vx
from parallax.extract.casualties import Found, new_claim
from parallax.extract.claim_lexicon import ClaimLexicon
from parallax.nlp.arrays import token_table
from parallax.schema import Measure

_COUNTED = frozenset({Measure.KILLED, Measure.INJURED})


def compared_claims(sent: DocSpan, found: list[Found], article_id: str, lexicon: ClaimLexicon) -> list[Found]:
    """For each "than the N reported by X" in a sentence that gives a killed or injured figure, a claim
    of N in that figure's measure, read at N (attribution finds X from the reporting verb on N)."""
    here = [(tok, claim) for tok, claim in found if claim.measure in _COUNTED
            and sent.start <= tok.i < sent.end]
    if not here:
        return []
    doc, table = sent.doc, token_table(sent.doc)
    claims: list[Found] = []
    for i in range(sent.start, sent.end):
        if table.word(i).lower() != "than":
            continue
        count = _reported_count(doc[i], lexicon)
        before = [(tok, claim) for tok, claim in here if tok.i < i]
        figure = vx.phrase_figure(count, lexicon) if count is not None and before else None
        if figure is None:
            continue
        _, told = before[-1]
        value, (start, end, text) = figure
        words = text.split(" ", 1)
        if len(words) == 2 and words[0].lower() == "the":  # "the seven": the count is "seven"
            start, text = start + len(words[0]) + 1, words[1]
            value = replace(value, text=text)
        claims.append((count, new_claim(article_id, sent, told.measure, value, (start, end, text),
                                        victim_group=told.victim_group)))
    return claims


def _reported_count(than: Token, lexicon: ClaimLexicon) -> Token | None:
    """The N of "than the N reported by police": a count another source's reporting verb describes."""
    count = next((c for c in than.children if c.dep_ == "pobj"), None)
    if count is None or not vx.is_quantity(count, lexicon):
        return None
    return count if reporting_of(count, lexicon) is not None else None


def reporting_of(count: Token, lexicon: ClaimLexicon) -> Token | None:
    """The reporting verb that describes a count: "the seven reported by police", "the 12 given by"."""
    return next((c for c in count.children if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in lexicon.reporting),
                None)
