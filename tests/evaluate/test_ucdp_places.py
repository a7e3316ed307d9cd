"""UCDP place descriptions to coordinates (the ucdp evaluation's geocoder), on hand-written descriptions."""

from __future__ import annotations

import pytest

from parallax.evaluate.ucdp_places import geocode_description
from parallax.extract.gazetteer import load_gazetteer
from parallax.schema import GeoPrecision


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def test_a_leading_compass_word_is_the_relation(gazetteer):
    place = geocode_description("Northern Aleppo Governorate", gazetteer)
    assert (place.admin1, place.precision, place.relation) == ("Aleppo", GeoPrecision.REGION, "in the north of")


def test_an_aside_in_brackets_is_dropped(gazetteer):
    """Regression: "Al-Rai town (Choban Bey)" found nothing while "Al-Rai town" is the town."""
    place = geocode_description("Al-Rai town (Choban Bey)", gazetteer)
    assert place == geocode_description("Al-Rai town", gazetteer) and place is not None


def test_a_site_east_of_a_town_is_near_the_town(gazetteer):
    """Regression: "Silos east of Palmyra/Tadmur" found nothing; the site is near the town."""
    place = geocode_description("Grain silos east of Palmyra/Tadmur", gazetteer)
    town = geocode_description("Palmyra", gazetteer)
    assert (place.latitude, place.longitude) == (town.latitude, town.longitude)
    assert (place.precision, place.relation) == (GeoPrecision.NEAR, "east of")


def test_a_namesake_abroad_is_no_answer(gazetteer):
    assert geocode_description("Paris", gazetteer) is None
