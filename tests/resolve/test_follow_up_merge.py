"""Follow-up reports: an arrest, a charge or a hearing told weeks later that names a person the
reports of a shooting name joins the shooting's incident, marked follow-up, whatever the order the
articles arrive in; its day never becomes the incident's date."""

from dataclasses import replace
from datetime import date, datetime, timedelta
from itertools import permutations

from parallax.reconcile.dates import follow_up_reports
from parallax.resolve.blocking import block_keys, candidate_pairs
from parallax.resolve.incidents import resolve_incidents
from parallax.resolve.incremental import add_mentions
from parallax.resolve.scoring import follow_up_member
from parallax.schema import Article, ContradictionKind
from parallax.settings import Settings
from parallax.store.sqlite import open_store

from builders import day, mention, place, span

DAYTON = place("Dayton", "US", 39.76, -84.19, admin1="Ohio")
SHOOTING_DAY, ARREST_DAY = date(2016, 3, 3), date(2016, 4, 12)
FIRST = "Two men were shot outside a house on Thursday night, police said."  # names nobody
NAMED = "Terrell Banks, 24, was shot outside a house on Thursday night, police said."
ARREST = "Police arrested a Dayton man on Tuesday in the shooting of Terrell Banks, 24, last month."
UNRELATED = "A woman was shot on Tuesday; nobody is in custody yet, officers said."  # the arrest's day


def dated(article: str, when: date, text: str, where=DAYTON):
    """A mention whose date carries its span, as extraction gives it (date contradictions need one)."""
    m = mention(article, where, day(when), text)
    return replace(m, date=replace(m.date, span=span(article, when.isoformat(), 40)))


def corpus():
    unrelated = replace(dated("u4", ARREST_DAY, UNRELATED), event_type="Violence against civilians", sub_event_type="Attack")
    return [dated("a1", SHOOTING_DAY, FIRST), dated("a2", SHOOTING_DAY, NAMED), dated("f3", ARREST_DAY, ARREST), unrelated]


def groups(incidents):
    return sorted(i.article_ids for i in incidents)


def test_an_arrest_story_naming_the_victim_joins_every_report_of_the_shooting():
    """The first report names nobody: the arrest joins it through the report that names the victim
    (dates further apart than the window do not keep a follow-up report apart from the incident);
    the shooting on the arrest's day, though its text says 'arrests', stays apart."""
    incidents = resolve_incidents(corpus(), Settings())
    assert groups(incidents) == [("a1", "a2", "f3"), ("u4",)]
    shooting = next(i for i in incidents if len(i.article_ids) == 3)
    follow_up = [e for x in shooting.links for e in x.evidence if e.name == "follow-up"]
    assert [e.detail for e in follow_up] == ["told 40 days later (arrested)"]
    a1, a2, f3, u4 = corpus()
    assert follow_up_member(a1, f3, [a1, a2, f3]) and not follow_up_member(a1, u4, [a1, a2, f3, u4])


def test_the_incident_keeps_the_shootings_day_and_type_and_no_date_contradiction():
    arrest = replace(dated("f3", ARREST_DAY, ARREST), event_type="Strategic developments",
                     sub_event_type="Arrests")
    incidents = resolve_incidents([dated("a1", SHOOTING_DAY, FIRST), dated("a2", SHOOTING_DAY, NAMED), arrest],
                                  Settings())
    assert groups(incidents) == [("a1", "a2", "f3")]
    incident = incidents[0]
    assert incident.date.value == SHOOTING_DAY
    assert incident.sub_event_type != "Arrests"
    assert incident.reconciliation.follow_up_reports == ("f3",)
    assert not [c for c in incident.reconciliation.contradictions if c.kind == ContradictionKind.DATE]
    assert follow_up_reports(incident.mentions) == {arrest.id}


def test_two_reports_neither_telling_a_follow_up_do_not_meet_on_a_name_across_months():
    robbery = dated("r1", date(2016, 1, 8), "Terrell Banks was wounded in a robbery on Friday, police said.")
    named = dated("a2", SHOOTING_DAY, NAMED)
    index, lookup = block_keys(robbery)
    other_index, other_lookup = block_keys(named)
    assert not (lookup & other_index or other_lookup & index)
    arrest = dated("f3", ARREST_DAY, ARREST)
    assert list(candidate_pairs([named, arrest])) == [(0, 1)]  # the arrest looks the victim up


def test_a_follow_up_meets_reports_naming_its_person_within_400_days_and_none_years_apart():
    # bench/resolution.py, 2 Dec: person keys with no time part made a common name's bucket grow
    # with the store (every report naming it, ever, was looked up by each follow-up).
    named = dated("a2", SHOOTING_DAY, NAMED)
    trial = dated("t5", date(2017, 3, 28), "Jurors convicted a Dayton man on Tuesday in the shooting of Terrell Banks.")
    years_later = dated("t6", date(2018, 6, 5), "Jurors convicted a Dayton man on Tuesday in the shooting of Terrell Banks.")
    assert list(candidate_pairs([named, trial])) == [(0, 1)]  # 390 days later
    assert list(candidate_pairs([named, years_later])) == []  # 824 days later


def test_follow_up_reports_give_the_same_incidents_in_every_arrival_order(tmp_path):
    items = corpus()
    expected = groups(resolve_incidents(items, Settings()))
    for n, order in enumerate(permutations(items)):
        with open_store(tmp_path / f"db{n}.sqlite") as store:
            for m in order:
                store.add_articles([Article(m.article_id, m.sentences[0].text, published=datetime(2016, 4, 13))])
                store.replace_mentions(m.article_id, [m])
                add_mentions(store, [m], Settings())
            assert groups(store.incidents()) == expected
            stored = next(i for i in store.incidents() if len(i.article_ids) == 3)
            assert stored.reconciliation.follow_up_reports == ("f3",)  # kept in reconciliation_json


def test_the_report_names_the_outlets_of_the_follow_up_reports():
    from parallax.report.reconciliation_view import follow_up_labels
    a1, a2, f3, _ = corpus()
    incident = resolve_incidents([a1, a2, replace(f3, outlet="Dayton Daily Wire")], Settings())[0]
    assert follow_up_labels(incident, {}) == ["Dayton Daily Wire"]


def test_an_arrest_story_told_as_two_mentions_joins_its_shooting_through_both():
    # regression (GVA dev, an Ocala nightclub shooting): extraction tells an arrest story as its
    # arrest and the shooting it recalls (their days differ); other reports joined each, and "same
    # article" kept the two incidents apart, though the two mentions tell nothing apart
    first = dated("a1", SHOOTING_DAY, FIRST)
    arrest = replace(mention("f2", DAYTON, day(ARREST_DAY), "Police arrested Darnell Hicks, 31, on Tuesday "
                             "in the shooting of Terrell Banks, 24.", start=0))
    recalled = replace(mention("f2", DAYTON, day(SHOOTING_DAY), "Terrell Banks, 24, was shot outside a house "
                               "on March 3.", start=90))
    charged = dated("f3", ARREST_DAY + timedelta(days=1), "Darnell Hicks, 31, was charged on Wednesday with "
                    "the attempted murder of Terrell Banks, 24, police said.")
    incidents = resolve_incidents([first, arrest, recalled, charged], Settings())
    assert groups(incidents) == [("a1", "f2", "f3")]
