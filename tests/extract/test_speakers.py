"""Speaker normalisation never names more than the text does."""

from __future__ import annotations

from parallax.extract.claims import extract_claims
from parallax.schema import Article


def speakers(nlp, text: str) -> list[str]:
    return [c.speaker.normalized for c in extract_claims(nlp(text), Article(id="s", text=text)) if c.speaker]


def test_regression_beni_the_red_cross_is_not_the_icrc(nlp):
    """Regression (Beni bus attack): "the Red Cross said" became the International Committee of the
    Red Cross; a national society, the IFRC and the ICRC are different bodies."""
    text = "At least 13 people were killed as gunmen ambushed a lorry near Kalemie, the Red Cross said."
    assert speakers(nlp, text) == ["Red Cross"]
    named = "The International Committee of the Red Cross said 14 people were killed near Kalemie."
    assert speakers(nlp, named) == ["International Committee of the Red Cross"]
    assert speakers(nlp, "The ICRC said 14 people were killed near Kalemie.") == [
        "International Committee of the Red Cross"]


def test_the_statement_speaks_for_whoever_issued_it(nlp):
    """'The statement said two soldiers were wounded' was the outlet's own voice (an invented Djibo report)."""
    text = ("The army general staff said in a statement that 15 militants were killed near Dori. "
            "The statement said two soldiers were wounded.")
    assert speakers(nlp, text) == ["army general staff", "army general staff"]
    assert speakers(nlp, "According to the statement, four civilians were wounded.") == []  # nobody issued it


def test_the_group_is_the_organisation_quoted_before(nlp):
    text = ("Amnesty International said on Tuesday that at least 20 civilians were killed in Gassel. "
            "The group said three more people were wounded.")
    assert speakers(nlp, text) == ["Amnesty International", "Amnesty International"]


def test_a_description_in_apposition_never_renames_a_named_speaker(nlp):
    """ "The Observatory for Civil Rights, a Britain-based monitor" became the Syrian Observatory for
    Human Rights (the alias of "Britain-based monitor"): the text names another body. A name the
    normalised one holds ("the Syrian Observatory") and a bare description still take the alias."""
    text = "The Observatory for Civil Rights, a Britain-based monitor, said 17 civilians were killed."
    assert speakers(nlp, text) == ["Observatory for Civil Rights"]
    text = "The Syrian Observatory, a Britain-based monitor, said 17 civilians were killed."
    assert speakers(nlp, text) == ["Syrian Observatory for Human Rights"]
    assert speakers(nlp, "A Britain-based monitor said 17 civilians were killed.") == [
        "Syrian Observatory for Human Rights"]
