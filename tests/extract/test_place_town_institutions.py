"""A town heading the name of its own court, school or board ("Fresno Superior Court", "Abilene High
School", "the Akron Board of Education") is a place of the text, kept "in the name of", like "the
Athens Police Department": local news names a town's institutions more often than the town."""

from __future__ import annotations

import pytest

from parallax.extract.compatibility import IN_A_NAME
from parallax.extract.gazetteer import load_gazetteer
from parallax.extract.places import extract_places
from parallax.schema import Article


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def _places(nlp, gazetteer, text: str) -> list[tuple[str, str, str]]:
    places = extract_places(nlp(text), Article(id="t", text=text), gazetteer)
    return [(p.span.text, p.admin1, p.relation) for p in places]


@pytest.mark.parametrize(("text", "town", "state"), [
    ("The suspect is due in Fresno Superior Court on Monday, prosecutors said.", "Fresno", "California"),
    ("Players from Abilene High School won the regional title on Saturday.", "Abilene", "Texas"),
    ("The Akron Board of Education voted 5-2 on Monday to close two schools.", "Akron", "Ohio"),
])
def test_a_town_heading_its_own_institution_is_kept_in_the_name(nlp, gazetteer, text, town, state):
    assert _places(nlp, gazetteer, text) == [(town, state, IN_A_NAME)]


def test_an_institution_named_for_no_town_is_no_place(nlp, gazetteer):
    assert _places(nlp, gazetteer, "The Review Board met on Monday and approved the plan.") == []
