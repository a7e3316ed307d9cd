"""Datelines inside a text (a headline run into its story, as news archives store them): the
capitalised newsroom town is a place mention of the text, but the newsroom's, never the event's."""

from __future__ import annotations

import pytest

from parallax.extract import compatibility
from parallax.extract.compatibility import NEWSROOM
from parallax.extract.gazetteer import load_gazetteer
from parallax.extract.places import best_place, extract_places
from parallax.ingest.dateline import shouted_newsrooms
from parallax.schema import Article, GeoPrecision, Place

STORY = ("Two hurt as pickup overturns . TUCSON -- Two people were hurt Sunday when a pickup overturned "
         "on a county road near Marana, sheriff's deputies said.")


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.fixture(scope="module")
def story_places(nlp, gazetteer):
    return extract_places(nlp(STORY), Article(id="t", text=STORY), gazetteer)


def test_a_dateline_after_a_headline_is_the_newsroom_town(story_places):
    newsroom = next(p for p in story_places if p.span and p.span.text == "TUCSON")
    assert newsroom.relation == NEWSROOM and newsroom.country == "US" and newsroom.admin1 == "Arizona"
    assert newsroom.latitude is not None


def test_the_newsroom_town_is_never_the_events_place(story_places):
    assert best_place(story_places).name == "Marana"
    alone = [p for p in story_places if p.relation == NEWSROOM]
    assert best_place(alone) is None and compatibility.best_place(alone) is None


def test_a_dateline_opening_the_text_counts_when_none_was_cut_off(nlp, gazetteer):
    text = "BAKU, Azerbaijan (Wire Desk) -- Parliament approved the budget on Friday."
    places = extract_places(nlp(text), Article(id="t", text=text), gazetteer)
    assert any(p.relation == NEWSROOM and p.country == "AZ" for p in places)  # four capitals, no acronym


def test_only_capitals_mark_a_dateline_inside_a_text():
    assert shouted_newsrooms("ST. CLOUD — The council met.") == [(0, 9)]
    assert shouted_newsrooms("Gaza City - the largest town in the strip - lost power.") == []
    assert shouted_newsrooms("Rebels shelled the town overnight.") == []


def test_a_newsroom_place_splits_no_incidents():
    place = Place(name="Tucson", country="US", latitude=32.2, longitude=-110.9, precision=GeoPrecision.EXACT,
                  relation=NEWSROOM)
    assert compatibility.is_border(place)


@pytest.mark.parametrize("text, name, province", [
    ("County workers owe back taxes . HAMILTON — Butler County Auditor Jo Reyes said the county "
     "would appeal the assessment.", "Butler County", "Ohio"),
    ("Pantry network grows . ATLANTA — A phone service that connects hungry Georgia families to "
     "pantries will add staff, officials said.", "Georgia", "Georgia"),
])
def test_a_newsroom_votes_for_its_province(nlp, gazetteer, text, name, province):
    """A newsroom is never the event's place, but its town tells which of the story's namesakes are
    meant: Hamilton lies in Butler County, Ohio (of nine Butler Counties); Atlanta in the state of Georgia."""
    places = extract_places(nlp(text), Article(id="t", text=text), gazetteer)
    found = next(p for p in places if p.span and p.span.text == name)
    assert (found.country, found.admin1) == ("US", province)


def test_a_story_naming_no_other_town_is_read_where_its_newsroom_is(nlp):
    # regression (GVA dev): a "TOWN, Ohio (STATION) - ... an accidental shooting" dateline and a local
    # station's other datelines gave the incident no place at all, so it met its other reports on
    # words alone; the newsroom's town is now its article context (soft evidence, never a conflict)
    from datetime import datetime

    from parallax.pipeline import analyse_article, load_knowledge
    from parallax.settings import Settings
    text = ("CAMPBELL, Ohio (WKRV) - A 7-year-old girl is still being treated Tuesday after she was hurt "
            "in an accidental shooting on Monday.  The gun went off Monday inside a house on Orchard Avenue.")
    article = Article(id="nr1", text=text, published=datetime(2015, 6, 1))
    mention = analyse_article(nlp(text), article, load_knowledge(Settings()))[0]
    assert mention.place is not None and mention.place.name == "Campbell" and mention.place.relation == "article context"
