"""A geoparser's toponyms (`extract_toponyms`): the countries a text names as actors and the places
its demonyms stand for are toponyms too, though never an event's place (`extract_places`)."""

from __future__ import annotations

import pytest

from parallax.extract.compatibility import AS_ACTOR, DEMONYM, IN_A_NAME, is_border
from parallax.extract.gazetteer import load_gazetteer
from parallax.extract.place_demonyms import demonym_entry
from parallax.extract.places import extract_places, extract_toponyms
from parallax.schema import Article

STORY = ("Georgian troops shelled Tskhinvali on Friday, and Russia said it would send tanks. "
         "US officials urged both sides to stop, Monica French, a spokeswoman, said. "
         "Aid worth US$2 million reached Gori.")


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.fixture(scope="module")
def toponyms(nlp, gazetteer):
    return {p.span.text: p for p in extract_toponyms(nlp(STORY), Article(id="t", text=STORY), gazetteer)}


def test_a_demonym_is_a_toponym_of_its_country(toponyms):
    georgian = toponyms["Georgian"]
    assert georgian.relation == DEMONYM and georgian.country == "GE" and georgian.latitude is not None


def test_a_country_named_as_an_actor_is_a_toponym(toponyms):
    assert toponyms["Russia"].country == "RU" and toponyms["Russia"].relation == AS_ACTOR
    assert toponyms["US"].country == "US" and is_border(toponyms["US"])


def test_surnames_and_currencies_are_no_demonyms(toponyms):
    assert "French" not in toponyms and not any(p.country == "US" and "$" in text for text, p in toponyms.items())


def test_event_places_leave_actors_and_demonyms_out(nlp, gazetteer, toponyms):
    places = extract_places(nlp(STORY), Article(id="t", text=STORY), gazetteer)
    assert {p.relation for p in places} & {AS_ACTOR, DEMONYM} == set()
    assert {p.span.text for p in places} == {t for t, p in toponyms.items() if p.relation not in (AS_ACTOR, DEMONYM)}


def test_a_peoples_name_comes_from_its_province_only_when_no_place_has_it(gazetteer):
    assert demonym_entry("Ohioans", gazetteer, stems=True).name == "Ohio"
    assert demonym_entry("Ohioans", gazetteer) is None  # stems are for NER's NORP entities
    assert demonym_entry("Us", gazetteer) is None  # "Us" opening a sentence is no "US"


CRASH = ("Two men were hurt in a crash in Gainesville, Ga., on Friday and taken to Northeast Georgia "
         "Medical Center, police said. Storm debris closed a road in Waukesha, Wis., days before the "
         "Waukesha Blues Festival.")


def test_a_province_or_a_town_of_the_article_inside_another_name_is_a_toponym(nlp, gazetteer):
    doc, article = nlp(CRASH), Article(id="t", text=CRASH)
    named = [p for p in extract_toponyms(doc, article, gazetteer) if p.relation == IN_A_NAME]
    assert [(p.span.text, p.country, p.admin1) for p in named] == [("Georgia", "US", "Georgia"),
                                                                   ("Waukesha", "US", "Wisconsin")]
    assert not any(p.relation == IN_A_NAME for p in extract_places(doc, article, gazetteer))


def test_a_compass_word_heading_a_name_is_no_province(nlp, gazetteer):
    """"Northeast Georgia Medical Center" is not Iceland's Northeast region."""
    doc, article = nlp(CRASH), Article(id="t", text=CRASH)
    assert not any(p.span.text == "Northeast" for p in extract_toponyms(doc, article, gazetteer))
