"""How an article's event words become incidents: a story that tells two incidents keeps each one's
toll, and one demonstration told with its police response stays one incident (fresh-clone tester,
round 4: an Idlib strike and a 'Separately,' clash; a Lusaka march and a Kitwe riot; a Dhaka
protest split in two; a Kassala funeral story typed Arrests)."""

from __future__ import annotations

import datetime

import pytest

from parallax.extract.incident_kind import follows_act, only_setting, told_kind
from parallax.pipeline import analyse_article, load_knowledge
from parallax.schema import Article, Measure
from parallax.settings import Settings

STRIKE_TITLE = "Drone strike on Maarat market kills 7; Moscow rejects blame"
STRIKE = ("BEIRUT (Cedar Wire) - A drone struck a crowded bakery in the town of Maarat al-Numan in Idlib "
          "province on Friday, killing seven civilians, rescue workers said.\n\n"
          "Separately, rebels clashed with army troops near Jisr al-Shughur on Friday night, leaving three "
          "soldiers dead, a monitoring group said.")
RIOT_TITLE = "March in Ndola calm, but riot in Chingola leaves three dead"
RIOT = ("NDOLA, Zambia (Copperbelt Wire) - Several thousand people marched peacefully through Ndola on "
        "Wednesday against power cuts, and police did not intervene.\n\n"
        "In Chingola, the same day, a separate protest turned violent. Rioters burned tyres and looted a "
        "market, and police fired live rounds. Three protesters were killed and nine people were hurt, a "
        "hospital official said.")
DOCKS = ("CHITTAGONG, Bangladesh (Delta Post) - A protest by dock workers over unpaid bonuses turned violent "
         "in Chittagong on Tuesday when demonstrators hurled stones at police and torched a customs van. "
         "Police fired rubber bullets and tear gas, injuring at least 18 workers, a union leader said.")
FUNERAL = ("GEDAREF, Sudan (Nile Wire) - Hundreds of mourners on Saturday buried seven people killed in "
           "Thursday's gunmen attack on the Gedaref cattle market. Police said three suspects had been "
           "arrested over the raid.")
PUBLISHED = datetime.datetime(2026, 5, 16)


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge(Settings())


def _analyse(nlp, knowledge, text, title=""):
    article = Article(id="split", text=text, title=title, outlet="Wire", published=PUBLISHED)
    return analyse_article(nlp(text), article, knowledge, nlp(title) if title else None)


def _killed(mention):
    return sorted(c.figure.low for c in mention.claims if c.measure == Measure.KILLED)


def test_separately_opens_a_second_incident_with_its_own_toll(nlp, knowledge):
    """Idlib case: 'Separately, ... clashed ... near Saraqib' joined the air strike (9 + 4 killed)."""
    strike, clash = _analyse(nlp, knowledge, STRIKE, STRIKE_TITLE)
    assert strike.sub_event_type == "Air/drone strike" and _killed(strike) == [7, 7]
    assert clash.event_type == "Battles" and _killed(clash) == [3] and not clash.background
    assert "Shugh" in clash.place.name


def test_headline_toll_goes_to_the_incident_its_clause_names(nlp, knowledge):
    """Lusaka case: '... peaceful, but riot in Kitwe leaves two dead' gave the peaceful march 2 dead."""
    march, riot = _analyse(nlp, knowledge, RIOT, RIOT_TITLE)
    assert march.place.name == "Ndola" and _killed(march) == []
    assert riot.place.name == "Chingola" and _killed(riot) == [3, 3]
    assert [c.span.field for c in riot.claims if c.measure == Measure.KILLED] == ["text", "title"]


def test_the_same_day_takes_the_previous_incidents_date(nlp, knowledge):
    """Kitwe case: 'In Kitwe, ..., the same day, a separate demonstration' had no date."""
    march, riot = _analyse(nlp, knowledge, RIOT, RIOT_TITLE)
    assert march.date.value == riot.date.value == datetime.date(2026, 5, 13)


def test_a_riot_told_with_police_fire_is_one_incident_typed_by_the_most_severe(nlp, knowledge):
    """Kitwe case: 'police fired live rounds' was a third, placeless incident and the riot a peaceful protest."""
    mentions = _analyse(nlp, knowledge, RIOT, RIOT_TITLE)
    assert len(mentions) == 2
    assert (mentions[1].event_type, mentions[1].sub_event_type) == ("Riots", "Violent demonstration")


def test_a_protest_and_its_police_intervention_are_one_incident(nlp, knowledge):
    """Dhaka case: the stone-throwing and the police's rubber bullets were two incidents."""
    mentions = _analyse(nlp, knowledge, DOCKS)
    assert len(mentions) == 1
    only = mentions[0]
    assert (only.event_type, only.sub_event_type) == ("Riots", "Violent demonstration")
    assert only.date.value == datetime.date(2026, 5, 12) and only.place.country == "BD"
    assert [c.figure.low for c in only.claims if c.measure == Measure.INJURED] == [18]


def test_an_arrest_told_with_the_attack_it_follows_does_not_type_it(nlp, knowledge):
    """Kassala funeral case: 'suspects had been arrested over the raid' typed it Arrests."""
    (mention,) = _analyse(nlp, knowledge, FUNERAL)
    assert mention.event_type == "Violence against civilians"
    assert mention.date.value == datetime.date(2026, 5, 14)


def test_told_kind_ranks_demonstrations_and_never_lets_an_arrest_type_an_attack():
    peaceful, intervention = ("Protests", "Peaceful protest"), ("Protests", "Protest with intervention")
    riot, arrest = ("Riots", "Violent demonstration"), ("Strategic developments", "Arrests")
    attack = ("Violence against civilians", "Attack")
    assert told_kind([peaceful, peaceful, intervention]) == intervention
    assert told_kind([intervention, riot, intervention]) == riot
    assert told_kind([attack, arrest]) == attack
    assert told_kind([arrest]) == arrest
    assert told_kind([("Battles", "Armed clash"), attack]) == ("Battles", "Armed clash")
    assert told_kind([("Battles", "Armed clash"), peaceful, ("Battles", "Armed clash")]) == ("Battles", "Armed clash")
    assert follows_act(arrest, attack) and not follows_act(attack, arrest) and not follows_act(arrest, arrest)


RALLY_BOMB = ("QUETTA, Pakistan (Frontier Wire) - A bomb hidden in a motorcycle exploded at a political rally in "
              "Quetta on Wednesday, killing nine people and injuring 22, a provincial minister said. "
              "The Balochistan Liberation Army claimed responsibility.")


def test_a_bomb_at_a_rally_is_the_explosion_and_its_claimer_the_doer(nlp, knowledge):
    """Regression (round 4b, B2): the Quetta rally bombing was Protests/Peaceful protest with no actor1."""
    (mention,) = _analyse(nlp, knowledge, RALLY_BOMB)
    assert mention.event_type == "Explosions/Remote violence"
    assert [a.normalized for a in mention.actors if a.role.value == "actor1"] == ["BLA: Balochistan Liberation Army"]
    for denial in ("No group has claimed responsibility.", "The Balochistan Liberation Army has not claimed responsibility."):
        text = RALLY_BOMB.replace("The Balochistan Liberation Army claimed responsibility.", denial)
        (mention,) = _analyse(nlp, knowledge, text)
        assert not [a for a in mention.actors if a.role.value == "actor1"], denial


def test_a_peaceful_gathering_is_only_the_setting_of_an_armed_act():
    peaceful, blast = ("Protests", "Peaceful protest"), ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert told_kind([peaceful, blast]) == blast
    assert told_kind([peaceful, ("Violence against civilians", "Attack")]) == peaceful  # nothing specific beside it
    riot = ("Riots", "Violent demonstration")
    assert told_kind([riot, blast, riot]) == riot  # a violent crowd stays what most words tell


BACKGROUND_MONTHS = ("PESHAWAR, Pakistan (Frontier Wire) - A suicide bomber killed 17 policemen at a police compound in "
                     "Peshawar on Friday, officials said. In March, gunmen killed 11 soldiers in an ambush in North "
                     "Waziristan, and a roadside bomb in Bajaur killed five policemen last month.")


def test_earlier_incidents_told_by_their_months_are_their_own(nlp, knowledge):
    """Regression (round 4b, B3): the North Waziristan ambush (March) took the Bajaur bomb's five dead (last
    month) and, ungeocoded, had no country; neither joins Friday's bombing."""
    mentions = _analyse(nlp, knowledge, BACKGROUND_MONTHS)
    by_place = {m.place.name: m for m in mentions if m.place}
    assert set(by_place) == {"Peshawar", "North Waziristan", "Bajaur"}
    assert (by_place["North Waziristan"].place.country, by_place["North Waziristan"].place.admin1) == \
        ("PK", "Khyber Pakhtunkhwa")
    assert 5 not in _killed(by_place["North Waziristan"]) and _killed(by_place["Bajaur"]) == [5]
    assert _killed(by_place["Peshawar"]) == [17]


def test_the_model_never_retypes_a_bombing_at_a_rally_as_the_rally():
    """Regression (round 4b, B2): 'The death toll from Wednesday's bombing at a rally in Quetta rose to 13'
    (a one-incident article) was retyped by the model as a Peaceful protest."""
    peaceful, blast = ("Protests", "Peaceful protest"), ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert only_setting(peaceful, blast)
    assert not only_setting(peaceful, ("Violence against civilians", "Attack")) and not only_setting(blast, peaceful)


def test_a_toll_update_on_a_rally_bombing_stays_the_bombing(nlp, knowledge):
    text = ("QUETTA, Pakistan (Frontier Wire) - The death toll from Wednesday's bombing at a rally in Quetta "
            "rose to 13 on Thursday after four of the wounded died in hospital, officials said.")
    (mention,) = _analyse(nlp, knowledge, text)
    assert mention.event_type == "Explosions/Remote violence"


def test_a_village_put_at_its_province_stays_an_incident_apart(nlp, knowledge):
    """Regression (round 4b, B4): once 'Kangvai' took Manipur's point, the kidnapping there joined the
    Churachandpur clash (the point is near Imphal); a town located only by its province is no other town."""
    text = ("IMPHAL, India (Hill Wire) - Three people were killed on Sunday when armed groups exchanged fire in "
            "Churachandpur district of India's Manipur state, police said. The clash followed the kidnapping of "
            "two farmers on Saturday near the village of Kangvai, officials said.")
    places = sorted(m.place.name for m in _analyse(nlp, knowledge, text) if m.place)
    assert len(places) == 2 and "Kangvai" in places


AMBUSH = ("MAIDUGURI, Nigeria - Militants killed up to a dozen soldiers in an ambush near Bama in Borno "
          "state on Friday, residents said.\n\n"
          "An army spokesman, Colonel Ali Bello, said troops \"repelled the attack\" and that four soldiers "
          "were killed.")


def test_troops_repelling_the_attack_told_are_in_that_incident(nlp, knowledge):
    """Regression (fresh-clone user, Gwoza): 'the army said troops "repelled the attack" and that three
    soldiers lost their lives' opened a second, placeless and dateless incident with the army's toll,
    because the defenders are on the other side of the attackers."""
    mentions = [m for m in _analyse(nlp, knowledge, AMBUSH) if not m.background]
    assert len(mentions) == 1
    assert mentions[0].place.name == "Bama" and 4 in _killed(mentions[0])


RAIDS = ("KYIV, June 9 (Dnipro Wire) - Russian missiles struck a grain terminal in the port of Izmail on "
         "Tuesday, wounding four workers, the regional governor said.\n\n"
         "Two days later, artillery shells hit a clinic in the city of Kherson, killing a nurse, the "
         "city's military administration said.")


def test_days_later_counts_from_the_day_told_before(nlp, knowledge):
    """'Two days later' with no date of its own in the sentence was undated: a news reader counts it
    from the last event day told (fresh-clone user: 'Hours later, drones attacked ...' had no date)."""
    article = Article(id="raids", text=RAIDS, outlet="Wire", published=datetime.datetime(2026, 6, 11))
    port, clinic = analyse_article(nlp(RAIDS), article, knowledge)
    assert port.date.value == datetime.date(2026, 6, 9)  # Tuesday
    assert clinic.date.value == datetime.date(2026, 6, 11) and clinic.date.expression == "Two days later"


def test_a_main_incident_placed_nowhere_is_not_put_in_another_incidents_town(nlp, knowledge):
    """The main incident's place falls back to the article's first town only when that town is not
    where the article places another incident (it gave the strike on an unknown village the town of
    the separate bombing)."""
    text = ("The death toll from Thursday's air strikes on Kafr Amra rose to 23, a monitor said on Friday. "
            "The monitor said the planes gave no warning.\n\n"
            "In a separate incident, a roadside bomb killed two soldiers near the city of Daraa on Friday, "
            "state media said.")
    main, *others = _analyse(nlp, knowledge, text)
    assert any(m.place and m.place.name.startswith("Dar") for m in others)
    assert main.place is None or not main.place.name.startswith("Dar")
