"""Resolution: blocking, scoring and clustering keep distinct incidents apart and join reports."""

from datetime import date

from parallax.resolve.blocking import candidate_pairs
from parallax.resolve.incidents import resolve_incidents
from parallax.settings import Settings

from builders import day, mention, place

TOWN = place("Baidoa", lat=3.11, lon=43.65)
OTHER_TOWN = place("Kismayo", lat=-0.35, lon=42.54)
TEXT = "mortar shells hit the market in the town killing traders and wounding shoppers"


def test_same_place_same_day_from_two_outlets_is_one_incident():
    a = mention("a1", TOWN, day(date(2024, 3, 3)), TEXT, outlet="Wire A")
    b = mention("a2", TOWN, day(date(2024, 3, 3)), TEXT, outlet="Wire B")
    incidents = resolve_incidents([a, b], Settings())
    assert len(incidents) == 1 and set(incidents[0].article_ids) == {"a1", "a2"}


def test_same_place_three_days_apart_stays_apart():
    a = mention("a1", TOWN, day(date(2024, 3, 3)), TEXT)
    b = mention("a2", TOWN, day(date(2024, 3, 6)), TEXT)
    assert len(resolve_incidents([a, b], Settings())) == 2


def test_same_day_different_towns_stays_apart():
    a = mention("a1", TOWN, day(date(2024, 3, 3)), TEXT)
    b = mention("a2", OTHER_TOWN, day(date(2024, 3, 3)), TEXT)
    assert len(resolve_incidents([a, b], Settings())) == 2


def test_unknown_dates_with_same_weekday_and_place_join():
    a = mention("a1", TOWN, day(None, "Thursday"), TEXT)
    b = mention("a2", TOWN, day(None, "Thursday"), TEXT)
    assert len(resolve_incidents([a, b], Settings())) == 1


def test_unknown_dates_with_different_weekdays_stay_apart():
    a = mention("a1", TOWN, day(None, "Thursday"), TEXT)
    b = mention("a2", TOWN, day(None, "Monday"), TEXT)
    assert len(resolve_incidents([a, b], Settings())) == 2


def test_mentions_of_one_article_are_never_merged():
    a = mention("a1", TOWN, day(date(2024, 3, 3)), TEXT, start=0)
    b = mention("a1", TOWN, day(date(2024, 3, 3)), TEXT, start=50)
    assert len(resolve_incidents([a, b], Settings())) == 2


def test_complete_link_blocks_a_chain_across_a_conflict():
    # b has no date so it could join either; a and c contradict each other, so they never meet
    a = mention("a1", TOWN, day(date(2024, 3, 3)), TEXT)
    b = mention("a2", TOWN, None, TEXT)
    c = mention("a3", TOWN, day(date(2024, 3, 9)), TEXT)
    incidents = resolve_incidents([a, b, c], Settings())
    assert not any({"a1", "a3"} <= set(i.article_ids) for i in incidents)


def test_blocking_skips_pairs_in_other_countries_and_weeks():
    a = mention("a1", TOWN, day(date(2024, 3, 3)), TEXT)
    b = mention("a2", place("Mosul", "IQ", 36.3, 43.1), day(date(2024, 3, 3)), TEXT)
    c = mention("a3", TOWN, day(date(2024, 8, 3)), TEXT)
    assert list(candidate_pairs([a, b, c])) == []


def test_incident_ids_are_stable_across_runs():
    a = mention("a1", TOWN, day(date(2024, 3, 3)), TEXT)
    b = mention("a2", TOWN, day(date(2024, 3, 3)), TEXT)
    assert resolve_incidents([a, b], Settings())[0].id == resolve_incidents([b, a], Settings())[0].id
