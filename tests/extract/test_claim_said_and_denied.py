"""Who said a figure when the parser takes the clause's subject for a second subject of "said", and
what a denial of an open-ended figure denies. Sentences written by us, wire style."""

from __future__ import annotations

from parallax.extract.claims import extract_claims
from parallax.schema import Article, Stance


def claims(nlp, text: str):
    return extract_claims(nlp(text), Article(id="s", text=text))


def test_the_speaker_after_a_clause_whose_subject_was_misparsed(nlp):
    found = claims(nlp, "The attack left at least 20 dead and scores wounded, officials said.")
    assert [(c.measure.value, c.figure.low, c.speaker.name if c.speaker else None) for c in found] == [
        ("killed", 20, "officials"), ("injured", 20, "officials")]


def test_a_denied_open_ended_figure_stays_that_figure(nlp):
    [claim] = claims(nlp, "The army denied reports of more than 100 civilian deaths.")
    assert (claim.figure.low, claim.figure.high, claim.negated, claim.stance) == (101, None, False, Stance.DENIED)
    [none] = claims(nlp, "The ministry denied that civilians were killed.")
    assert (none.figure.low, none.negated) == (0, True)
