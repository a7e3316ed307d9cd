"""What resolution must keep apart even when place and day agree, and how far dates may stretch."""

from dataclasses import replace
from datetime import date, timedelta

from parallax.resolve.blocking import block_keys, candidate_pairs
from parallax.resolve.incidents import resolve_incidents
from parallax.resolve.scoring import conflict
from parallax.schema import Actor, ActorRole, DatePrecision, EventDate, Span
from parallax.settings import Settings

from builders import day, mention, place

TOWN = place("Baidoa", lat=3.11, lon=43.65)
SUNDAY = day(date(2024, 3, 3), "Sunday")
ATTACK = "Al-Shabaab fighters attacked an army base in Baidoa on Sunday, killing four soldiers."


def test_a_funeral_story_whose_trigger_is_the_attack_it_mourns_stays_apart():
    """Regression (Beni bus attack): 'Mourners gathered ... for the funeral of victims of Thursday's
    attack on a passenger bus' gave a mention on 'attack', which joined the attack's reports."""
    event = mention("a1", TOWN, SUNDAY, ATTACK)
    text = "Hundreds of mourners gathered in Baidoa for the funeral of victims of Sunday's attack on the base."
    at = text.index("attack")
    funeral = replace(mention("b2", TOWN, SUNDAY, text), trigger=Span("b2", at, at + 6, "attack", text))
    assert conflict(event, funeral) == "an event and its follow-up"
    assert len(resolve_incidents([event, funeral], Settings())) == 2
    text = "Mourners at the funeral of a commander in Baidoa were attacked by a suicide bomber on Sunday."
    at = text.index("attacked")
    struck = replace(mention("c3", TOWN, SUNDAY, text), trigger=Span("c3", at, at + 8, "attacked", text))
    assert conflict(event, struck) == ""  # an attack on a funeral is an attack


def test_an_attack_and_the_retaliation_stay_apart():
    attack = replace(mention("a1", TOWN, SUNDAY, ATTACK),
                     actors=(Actor("al-Shabaab", "al-Shabaab", ActorRole.PERPETRATOR, "Rebel Groups"),))
    reply = mention("b2", TOWN, SUNDAY, "In retaliation for the attack on the Baidoa base, the army shelled "
                    "al-Shabaab positions on Sunday, killing four fighters.", actor="army")
    assert conflict(attack, reply) == "perpetrators on opposite sides"
    assert len(resolve_incidents([attack, reply], Settings())) == 2


def test_a_funeral_story_stays_apart_from_the_event_it_references():
    event = mention("a1", TOWN, SUNDAY, ATTACK)
    funeral = replace(mention("b2", TOWN, SUNDAY, "Hundreds attended the funeral in Baidoa of the four "
                              "soldiers killed on Sunday."), trigger=Span("b2", 20, 27, "funeral", "x"))
    assert conflict(event, funeral) == "an event and its follow-up"
    assert len(resolve_incidents([event, funeral], Settings())) == 2


def test_a_month_precise_date_meets_days_within_the_month_either_side_but_no_further():
    told = ATTACK
    month = mention("a1", TOWN, EventDate(date(2024, 3, 15), DatePrecision.MONTH, "in March"), told)
    inside = mention("b2", TOWN, day(date(2024, 4, 10)), told)
    outside = mention("c3", TOWN, day(date(2024, 5, 20)), told)
    pairs = set(candidate_pairs([month, inside, outside]))
    assert (0, 1) in pairs and (0, 2) not in pairs
    assert not conflict(month, inside) and conflict(month, outside) == "dates differ"


def test_blocking_is_symmetric_across_precisions_and_places():
    """Regression: a finds b exactly when b finds a, for every mix of date precision and place."""
    start = date(2024, 3, 3)
    dates = [day(start), day(start + timedelta(days=2)), EventDate(start, DatePrecision.WEEK),
             EventDate(start + timedelta(days=20), DatePrecision.MONTH), day(None, "Sunday"), day(None, "Monday"), None]
    places = [TOWN, place("Kismayo", lat=-0.35, lon=42.54), place("Somalia", lat=None, lon=None), None]
    mentions = [mention(f"a{i}-{j}", p, d, "x") for i, d in enumerate(dates) for j, p in enumerate(places)]
    keys = [block_keys(m) for m in mentions]
    for i, (index_a, lookup_a) in enumerate(keys):
        for j, (index_b, lookup_b) in enumerate(keys):
            assert bool(lookup_a & index_b) == bool(lookup_b & index_a), (mentions[i].id, mentions[j].id)


def test_sides_blaming_each_other_for_one_shelling_do_not_make_two_incidents():
    """Regression (fresh-clone user): the army said the RSF shelled a market, the RSF said the army
    did and denied any role: one shelling, told with opposite perpetrators, was two incidents with
    the toll counted twice. A report telling the blame as disputed makes its perpetrator an
    accusation; the retaliation above, told as fact, still stays apart."""
    market = place("Omdurman", lat=15.64, lon=32.48)
    monday = day(date(2026, 11, 23), "Monday")
    army_says = replace(mention("a1", market, monday, "Artillery fire by the RSF hit the Souq Libya market "
                                "on Monday, killing 14 civilians, the army said."),
                        actors=(Actor("RSF", "Rapid Support Forces", ActorRole.PERPETRATOR, "Rebel Groups"),))
    rsf_says = mention("b2", market, monday, "The RSF said army artillery had fired the shells at the Souq "
                       "Libya market on Monday and denied any role.", actor="army")
    assert conflict(army_says, rsf_says) == ""
    assert len(resolve_incidents([army_says, rsf_says], Settings())) == 1
