"""Speaker normalisation never names more than the text does."""

from __future__ import annotations

from parallax.extract.claims import extract_claims
from parallax.schema import Article


def speakers(nlp, text: str) -> list[str]:
    return [c.speaker.normalized for c in extract_claims(nlp(text), Article(id="s", text=text)) if c.speaker]


def test_regression_beni_the_red_cross_is_not_the_icrc(nlp):
    """Regression (Beni bus attack): "the Red Cross said" became the International Committee of the
    Red Cross; a national society, the IFRC and the ICRC are different bodies."""
    text = "At least 14 people were killed when gunmen attacked a lorry near Kalemie, the Red Cross said."
    assert speakers(nlp, text) == ["Red Cross"]
    named = "The International Committee of the Red Cross said 14 people were killed near Kalemie."
    assert speakers(nlp, named) == ["International Committee of the Red Cross"]
    assert speakers(nlp, "The ICRC said 14 people were killed near Kalemie.") == [
        "International Committee of the Red Cross"]
