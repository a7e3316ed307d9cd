"""A passive whose "were" is left out in its second clause ("Four troopers were killed and six others
wounded"): the parser may read "wounded" as a past tense with "others" as the one who wounded; they
are the wounded. Sentences we wrote in wire style."""

from __future__ import annotations

from parallax.extract.claims import extract_claims
from parallax.schema import Article


def told(nlp, text: str) -> list[tuple[str, int | None, str]]:
    return [(c.measure.value, c.figure.low, c.victim_group)
            for c in extract_claims(nlp(text), Article(id="g", text=text))]


def test_gapped_passive_counts_its_own_subject(nlp):
    """Was injured [4, 4] soldiers: the dead counted again as the wounded."""
    text = "Four troopers were killed and six others wounded, while one attacker fled on foot."
    assert told(nlp, text) == [("killed", 4, "soldiers"), ("injured", 6, "others")]


def test_active_second_clause_still_counts_its_object(nlp):
    text = "Four troopers were killed and gunmen wounded six others."
    assert told(nlp, text) == [("killed", 4, "soldiers"), ("injured", 6, "others")]
