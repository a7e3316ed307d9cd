"""Follow-up links scored on what the stories share: people, streets and sites, a follow-up cue."""

from datetime import date

from parallax.resolve.features import follow_up_words
from parallax.resolve.follow_ups import THRESHOLD, follow_up_links
from parallax.resolve.incidents import resolve_incidents
from parallax.settings import Settings

from builders import day, mention, place

DAYTON = place("Dayton", "US", 39.76, -84.19, admin1="Ohio")
KETTERING = place("Kettering", "US", 39.69, -84.17, admin1="Ohio")
CARSON = place("Carson City", "US", 39.16, -119.77, admin1="Nevada")
SHOT = "Two men were shot outside the Silver Dollar Tavern on Wayne Avenue early Saturday, police said."
CHARGED = ("A Kettering man was charged on Tuesday with attempted murder for last month's shooting "
           "outside the Silver Dollar Tavern.")
AGAIN = "A woman was shot outside the Silver Dollar Tavern late Sunday, police said."
NAMED = "Terrell Banks and Dwayne Pruitt were shot outside a house on Thursday, police said."
TRIAL = "Jury selection began in the trial of the man accused of shooting Terrell Banks and Dwayne Pruitt."
ONE_NAMED = "Jury selection began in the trial of the man accused of shooting Terrell Banks."


def _links(*mentions):
    incidents = resolve_incidents(list(mentions), Settings())
    of = {m.article_id: i.id for i in incidents for m in i.mentions}
    return [(x.incident_id, x.event_incident_id) for x in follow_up_links(incidents)], of


def test_a_charge_weeks_later_naming_only_the_site_of_the_shooting_is_linked():
    links, of = _links(mention("a1", DAYTON, day(date(2016, 3, 5)), SHOT),
                       mention("b2", KETTERING, day(date(2016, 4, 12)), CHARGED))
    assert links == [(of["b2"], of["a1"])]


def test_another_shooting_at_the_same_site_is_not_a_follow_up():
    """The site alone (0.15) is under the threshold: a bar can see two shootings a month apart."""
    links, _ = _links(mention("a1", DAYTON, day(date(2016, 3, 5)), SHOT),
                      mention("b2", DAYTON, day(date(2016, 4, 10)), AGAIN))
    assert links == [] and THRESHOLD > 0.15


def test_two_people_both_stories_name_outrank_a_geocoded_town_in_another_state():
    """Regression (GVA dev 413001): an arrest story whose town the geocoder put in another state
    (Cloud, Kansas for the Cloud 9 club in Ocala) named the victim and the first suspect."""
    links, of = _links(mention("a1", DAYTON, day(date(2016, 3, 3)), NAMED),
                       mention("b2", CARSON, day(date(2016, 9, 20)), TRIAL))
    assert links == [(of["b2"], of["a1"])]
    links, _ = _links(mention("a1", DAYTON, day(date(2016, 3, 3)), NAMED),
                      mention("b2", CARSON, day(date(2016, 9, 20)), ONE_NAMED))
    assert links == []


def test_a_later_story_follows_the_incident_it_shares_most_with_not_the_earliest():
    """Regression (GVA dev 375022): a story naming the gunman followed an earlier, unrelated
    incident that shared one other name with it, chosen as the earliest of equal ties."""
    earlier = mention("a1", DAYTON, day(date(2016, 1, 9)), "Terrell Banks was wounded in a robbery on Friday.")
    event = mention("b2", DAYTON, day(date(2016, 3, 3)), NAMED)
    # The trial story names the two men in a sentence of another of its mentions, which tells no
    # follow-up (so neither mention joins an incident: test_follow_up_merge.py), only links.
    trial = mention("c3", DAYTON, day(date(2016, 9, 20)), "Jury selection began in the trial on Monday.")
    recalled = mention("c3", DAYTON, day(date(2016, 9, 20)), "Terrell Banks and Dwayne Pruitt were shot in March.",
                       start=200)
    links, of = _links(earlier, event, trial, recalled)
    assert (of["c3"], of["b2"]) in links and (of["c3"], of["a1"]) not in links


def test_follow_up_words_come_from_the_data_file():
    assert {"arrested", "arraigned", "sentenced", "funeral", "vigil"} <= follow_up_words()


def test_an_undated_follow_up_is_dated_from_its_publication_as_resolution_dates_it():
    """Regression: export and the web app linked follow-ups without publication dates, so a court
    story whose text gives no date (most of them: 'was sentenced', 'pleaded guilty') was never
    linked there, though the evaluation (which dates it) counted its link."""
    shooting = mention("a1", DAYTON, day(date(2016, 3, 3)), SHOT)
    trial = mention("b2", DAYTON, None, "Jury selection began in the trial of the man accused of the "
                    "shooting outside the Silver Dollar Tavern.")  # a site, no person: linked, not joined
    incidents = resolve_incidents([shooting, trial], Settings(), {"b2": date(2016, 9, 20)})
    assert follow_up_links(incidents) == []
    links = follow_up_links(incidents, published={"a1": date(2016, 3, 4), "b2": date(2016, 9, 20)})
    assert [x.evidence[-1].detail for x in links] == ["198 days after"]


def test_a_funeral_story_on_the_attack_it_mourns_is_linked_to_that_attack():
    """Regression (Beni bus attack): 'Mourners gathered ... for the funeral of victims of Thursday's
    attack on a passenger bus near the town' names no person, so nothing linked it and
    follow_ups.csv stayed empty; it now follows the attack of that town and day."""
    from dataclasses import replace

    from parallax.schema import Span
    beni, thursday = place("Beni", "CD", 0.49, 29.47), day(date(2026, 11, 19), "Thursday")
    attack = mention("a1", beni, thursday, "Rebels attacked a passenger bus near Beni on Thursday.")
    text = "Hundreds of mourners gathered in Beni for the funeral of victims of Thursday's attack on a bus."
    at = text.index("attack")
    funeral = replace(mention("b2", beni, thursday, text), trigger=Span("b2", at, at + 6, "attack", text))
    links, of = _links(attack, funeral)
    assert of["a1"] != of["b2"] and links == [(of["b2"], of["a1"])]
    elsewhere = replace(funeral, place=place("Butembo", "CD", 0.14, 29.29))
    assert _links(attack, elsewhere)[0] == []  # the funeral of another town's dead
    earlier = replace(funeral, date=day(date(2026, 11, 12), "Thursday"))
    assert _links(attack, earlier)[0] == []  # the week before: another attack


PESHAWAR = place("Peshawar", "PK", 34.01, 71.58, admin1="Khyber Pakhtunkhwa")
BANNU = place("Bannu", "PK", 32.99, 70.6, admin1="Khyber Pakhtunkhwa")
SUSPECTED = ("Suspicion fell on the Pakistani Taliban, or Tehreek-e-Taliban Pakistan, after the bombing. "
             "In March, gunmen killed 11 soldiers in an ambush in North Waziristan.")
STRUCK = "A drone strike killed 20 fighters of the Tehreek-e-Taliban Pakistan on Tuesday night, officials said."


def test_an_armed_group_both_stories_name_ties_no_follow_up():
    """Regression (round 4b, B5): the Paktika strike followed a North Waziristan ambush told in a Peshawar
    story, '261 days after', because both stories name the TTP. Two attacks months apart in one province,
    both blamed on one armed group, are two events, not a follow-up (nor one merged incident)."""
    links, of = _links(mention("a1", PESHAWAR, day(date(2026, 6, 5)), SUSPECTED),
                      mention("b2", BANNU, day(date(2026, 12, 1)), STRUCK + " Police arrested two suspects."))
    assert links == [] and of["a1"] != of["b2"]  # nor merged as the attack's follow-up
