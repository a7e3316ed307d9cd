"""Omissions: a source never omits a fact it states, whoever it says gives the figure and however
precisely its place was geocoded."""

from datetime import date

from parallax.reconcile.omissions import find_omissions
from parallax.schema import GeoPrecision

from builders import claim, day, mention, place

THURSDAY = day(date(2026, 11, 19), "Thursday")
TOWN = place("Kalemie", "CD", lat=-5.95, lon=29.19, precision=GeoPrecision.NEAR)
ELSEWHERE = place("Kalemie", "CD", lat=12.0, lon=-70.0, precision=GeoPrecision.REGION)  # a namesake


def omitted(*mentions):
    return {(o.article_id, o.kind, o.fact) for o in find_omissions(mentions)}


def test_regression_beni_a_toll_told_by_another_speaker_is_not_omitted():
    """Regression (Beni bus attack): a brief gave the Red Cross's 19 dead in its own voice and was
    said to omit "At least 19 killed (Red Cross)" and the official's 19."""
    agency = mention("a1", TOWN, THURSDAY,
                     "At least 19 people were killed near Kalemie, the Red Cross said.",
                     claims=(claim("a1", 19, None, "Red Cross"), claim("a1", 19, 19, "Red Cross official")),
                     outlet="Lake Observer")
    brief = mention("b2", TOWN, THURSDAY,
                    "Tolls differed, with the Red Cross counting 19 dead and the army six.",
                    claims=(claim("b2", 19, 19), claim("b2", 6, 6, "army")), outlet="Plateau Brief")
    found = omitted(agency, brief)
    assert not [o for o in found if o[0] == "b2"]
    assert ("a1", "killed", "6 killed (army)") in found  # the figure only the brief gives


def test_regression_beni_a_place_named_in_the_text_or_geocoded_elsewhere_is_not_omitted():
    """Regression (Beni bus attack): "near Beni" geocoded to a namesake abroad, or not placed at all
    ("on the road between Beni and Kasindi"), was said to omit place Beni."""
    placed = mention("a1", TOWN, THURSDAY, "Gunmen ambushed a bus near Kalemie on Thursday.",
                     outlet="Lake Observer")
    namesake = mention("b2", ELSEWHERE, THURSDAY, "A bus was attacked near Kalemie.", outlet="Plateau Brief")
    unplaced = mention("c3", None, THURSDAY, "Rebels attacked a bus on the road between Kalemie and Moba.",
                       outlet="Rift Wire")
    silent = mention("d4", None, THURSDAY, "Rebels attacked a bus on Thursday.", outlet="Hill Post")
    places = {o[0] for o in omitted(placed, namesake, unplaced, silent) if o[1] == "place"}
    assert places == {"d4"}


def test_each_outlets_own_voice_is_a_source_of_its_own():
    """Two outlets' unattributed tolls are two facts: the one giving 12 omits the other's 19, and the
    omission names only the outlet that gives it."""
    a = mention("a1", TOWN, THURSDAY, "Nineteen people were killed.", claims=(claim("a1", 19, 19),),
                outlet="Lake Observer")
    b = mention("b2", TOWN, THURSDAY, "Twelve people were killed.", claims=(claim("b2", 12, 12),),
                outlet="Rift Wire")
    c = mention("c3", TOWN, THURSDAY, "Police said 12 died.", claims=(claim("c3", 12, 12, "police"),),
                outlet="Hill Post")
    found = find_omissions([a, b, c])
    of_b = [o for o in found if o.article_id == "b2" and o.kind == "killed"]
    assert [(o.fact, o.reported_by) for o in of_b] == [("19 killed (Lake Observer)", ("Lake Observer",))]
    assert not [o for o in found if o.article_id == "c3" and "Rift Wire" in o.fact]  # c3 tells 12 too


def test_regression_beni_each_version_of_a_fact_names_only_its_own_sources():
    """Regression (Beni bus attack): a brief naming no attacker omitted "Unidentified Armed Group",
    reported by three outlets of which two named ADF rebels."""
    from dataclasses import replace

    from parallax.schema import Actor, ActorRole

    def doer(article, name, outlet):
        told = mention(article, TOWN, THURSDAY, "An attack on a bus near Kalemie.", outlet=outlet)
        return replace(told, actors=(Actor(name, name, ActorRole.PERPETRATOR, "Rebel Groups"),))

    gunmen = doer("a1", "Unidentified Armed Group", "Lake Observer")
    rebels = doer("b2", "Rebel Forces", "Rift Wire")
    brief = mention("c3", TOWN, THURSDAY, "A bus was attacked near Kalemie.", outlet="Plateau Brief")
    found = [(o.fact, o.reported_by) for o in find_omissions([gunmen, rebels, brief])
             if o.article_id == "c3" and o.kind == "perpetrator"]
    assert found == [("Unidentified Armed Group", ("Lake Observer",)), ("Rebel Forces", ("Rift Wire",))]
