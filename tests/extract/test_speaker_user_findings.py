"""Speakers a fresh-clone user found lost (F7, F8, F14 of the new-user findings), each on a sentence we wrote."""

from __future__ import annotations

from parallax.extract.claims import extract_claims
from parallax.schema import Article


def spoken(nlp, text: str) -> list[tuple[str, int | None, str | None]]:
    return [(c.measure.value, c.figure.low, c.speaker.normalized if c.speaker else None)
            for c in extract_claims(nlp(text), Article(id="u", text=text))]


def test_subject_of_gave_a_toll_speaks_for_it(nlp):
    """F7: "the ministry gave a lower toll of 24 dead" had no speaker, so the outlet was credited with it."""
    text = "Mali's interior ministry gave a lower toll of 12 dead and 30 wounded."
    assert spoken(nlp, text) == [("killed", 12, "Mali's interior ministry"), ("injured", 30, "Mali's interior ministry")]


def test_closing_said_after_an_including_phrase_speaks_for_the_toll(nlp):
    """F8: "..., including a girl, Ukraine's interior minister said" hangs "said" on the girl."""
    text = ("The death toll from Monday's Russian drone strike on Odesa rose to six, including a 10-year-old boy, "
            "Ukraine's emergency minister said on Tuesday.")
    assert ("killed", 6, "Ukraine's emergency minister") in spoken(nlp, text)
    followed = ("KHERSON, Ukraine, May 9 (Steppe News) - The death toll from Sunday's Russian missile strike on "
                "Kherson rose to eleven, including a 7-year-old girl, Ukraine's interior minister said on Monday."
                "\n\nMoscow did not comment.")
    assert ("killed", 11, "Ukraine's interior minister") in spoken(nlp, followed)  # a paragraph break is no word


def test_he_is_the_spokesman_of_the_sentence_before(nlp):
    """F8/F14: "He said 41 people were arrested" after "A police spokesman ... said" lost its speaker."""
    text = ("A police spokesman, Daniel Mwangi, said the crowd had thrown stones at officers. "
            "He said 23 people were detained for looting.")
    assert ("arrested", 23, "police spokesman") in spoken(nlp, text)


def test_he_denying_civilian_dead_is_the_military_spokesman(nlp):
    """F14: the denial "He said no civilians were among the dead" was put on the outlet."""
    text = ('"We hit only fighters\' positions," an army spokesman told reporters. '
            "He said no civilians were among the dead.")
    assert spoken(nlp, text) == [("killed", 0, "army spokesman")]


def test_he_without_a_speaker_in_the_paragraph_stays_unattributed(nlp):
    """With no one earlier in the paragraph "he" names nobody: unattributed, never the outlet."""
    assert spoken(nlp, "He said 23 people were detained for looting.") == [("arrested", 23, None)]
    text = "An army spokesman said the border was quiet.\n\nHe said 23 people were detained for looting."
    assert spoken(nlp, text)[-1] == ("arrested", 23, None)
