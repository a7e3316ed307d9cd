"""A speaker told right after a victim listed with "including" ("..., including a 6-year-old girl,
regional governor Vasyl Kovalenko said"): the parser hangs the name on the girl as an apposition and
leaves "said" without a subject. Sentences we wrote in wire style."""

from __future__ import annotations

from parallax.extract.claims import extract_claims
from parallax.schema import Article


def speakers(nlp, text: str) -> list[tuple[str, int | None, str]]:
    return [(c.measure.value, c.figure.low, c.speaker.name if c.speaker else "")
            for c in extract_claims(nlp(text), Article(id="s", text=text))]


def test_speaker_hung_on_the_listed_victim_still_speaks(nlp):
    """Was the outlet's own voice for both figures."""
    text = ("A Russian drone hit an apartment block in Sumy overnight, killing four people and wounding "
            "21, including a 6-year-old girl, regional governor Vasyl Kovalenko said on Monday.")
    assert speakers(nlp, text) == [("killed", 4, "Vasyl Kovalenko"), ("injured", 21, "Vasyl Kovalenko")]


def test_a_victim_in_apposition_is_no_speaker(nlp):
    text = "The blast killed two men, including a local teacher, on Friday."
    assert all(speaker == "" for _, _, speaker in speakers(nlp, text))
