"""Figures whose verb is left out: "the Red Cross counting 19 dead and the army nine"."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from parallax.extract.attribution import Voices
from parallax.extract.casualties import claim_id
from parallax.extract.claim_lexicon import ClaimLexicon
from parallax.extract.numbers import parse_figure
from parallax.extract.speakers import make_speaker
from parallax.schema import Claim, Span

_MAX_HOPS = 6
_FIGURE_DEPS = frozenset({"appos", "nummod", "npadvmod", "dobj", "attr"})
_SPEAKER_POS = frozenset({"NOUN", "PROPN"})


def gapped_claims(found: list[tuple[Token, Claim]], voices: Voices, lexicon: ClaimLexicon) -> list[tuple[Token, Claim]]:
    """For each attributed claim, the figures other speakers give in the same list with the reporting
    verb and the measure gapped ("..., with the Red Cross counting 19 dead and the army nine": the army's
    nine dead): the same measure, victims, hedge and scope, their own speaker and figure."""
    gapped: list[tuple[Token, Claim]] = []
    for tok, claim in found:
        verb = _reporting_verb(tok, voices)
        if verb is None or claim.speaker is None:
            continue
        for other in (c for c in verb.children if c.dep_ == "conj" and c.pos_ in _SPEAKER_POS):
            number = _figure_of(other)
            figure = parse_figure(number.text, lexicon) if number is not None else None
            speaker = make_speaker(other, voices.book, lexicon) if figure is not None else None
            if number is None or figure is None or speaker is None:
                continue
            start, end = number.idx, number.idx + len(number.text)
            span = Span(claim.article_id, start, end, number.text, claim.span.sentence, claim.span.field)
            gapped.append((number, replace(claim, id=claim_id(claim.article_id, start, end, claim.measure),
                                           figure=figure, span=span, speaker=speaker, relay=())))
    return gapped


def _reporting_verb(tok: Token, voices: Voices) -> Token | None:
    node = tok
    for _ in range(_MAX_HOPS):
        if node.i in voices.by_verb:
            return node
        if node.head == node:
            return None
        node = node.head
    return None


def _figure_of(noun: Token) -> Token | None:
    """ "the army nine": the number the parser hangs on the gapped clause's subject."""
    return next((c for c in noun.children if c.dep_ in _FIGURE_DEPS and c.like_num), None)
