"""Names a geoparser must not take for other places: an abbreviated "St." (GeoNames files the Florida
county as "Saint Johns"), a shortened name of a place the article names
("Carolina's Medical Center" beside North Carolina is no Carolina, Puerto Rico) and a family name
("returned fire ... at Pitts" in a story about Marcus Pitts is no unknown village). Articles we
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
    text = ("A 9-year-old girl was wounded in the leg in Iredell County on Saturday, the sheriff's office said. "
            "She was flown to Hartwell Children's Wing at Carolina's Medical Center. North Carolina law makes "
            "it a misdemeanor to leave a loaded firearm within a child's reach.")
    found = toponyms(nlp, gazetteer, text)
    assert ("Carolina", "PR") not in found and ("North Carolina", "US") in found


def test_a_family_name_is_no_unknown_village(nlp, gazetteer):
    text = ("Deputies said Marcus Pitts started shooting inside a gas station in Covington, Georgia, on Tuesday. A clerk "
            "returned fire from behind the counter at Pitts, protecting the shoppers nearby, the sheriff said.")
    assert all(name != "Pitts" for name, _ in toponyms(nlp, gazetteer, text))


def test_an_abbreviated_saint_finds_the_place_filed_in_full(nlp, gazetteer):
    text = "A man was shot Sunday in St. Johns County, deputies in Jacksonville said."
    assert ("Saint Johns", "US") in toponyms(nlp, gazetteer, text)
