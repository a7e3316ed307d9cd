"""Names a geoparser must not take for other places: an abbreviated "St." (GeoNames files the Florida
county as "Saint Johns"), a shortened name of a place the article names
("Carolina's Medical Center" beside North Carolina is no Carolina, Puerto Rico) and a family name
("returned fire ... at Pitts" in a story about Jeffrey Pitts is no unknown village). Articles we
wrote in wire style."""

from __future__ import annotations

import pytest

from parallax.extract.gazetteer import load_gazetteer
from parallax.extract.places import extract_toponyms
from parallax.schema import Article


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def toponyms(nlp, gazetteer, text: str) -> list[tuple[str, str]]:
    return [(p.name, p.country) for p in extract_toponyms(nlp(text), Article(id="p", text=text), gazetteer)]


def test_a_shortened_state_name_is_no_namesake_abroad(nlp, gazetteer):
    text = ("An 11-year-old boy was shot in the face in Iredell County on Friday, deputies said. He was taken "
            "to Levine Children's Hospital at Carolina's Medical Center. Under North Carolina law, a gun "
            "owner who leaves a loaded gun where a child can reach it faces a misdemeanor charge.")
    found = toponyms(nlp, gazetteer, text)
    assert ("Carolina", "PR") not in found and ("North Carolina", "US") in found


def test_a_family_name_is_no_unknown_village(nlp, gazetteer):
    text = ("Deputies said Jeffrey Pitts opened fire at a liquor store in Conyers, Georgia, on Sunday. A customer "
            "returned fire from the back of the store at Pitts, saving the lives of those around him, the sheriff said.")
    assert all(name != "Pitts" for name, _ in toponyms(nlp, gazetteer, text))


def test_an_abbreviated_saint_finds_the_place_filed_in_full(nlp, gazetteer):
    text = "A man was shot Sunday in St. Johns County, deputies in Jacksonville said."
    assert ("Saint Johns", "US") in toponyms(nlp, gazetteer, text)
