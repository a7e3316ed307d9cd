"""Filters, order and paging of the incidents list, on hand-built incidents."""

from __future__ import annotations

from datetime import date

from builders import claim, day, mention, place
from parallax.schema import Article, Fatalities, Incident, IncidentQuery
from parallax.serve.query import facets, page_of

ARTICLES = {"a": Article("a", "x", outlet="Horn Wire"), "b": Article("b", "y", outlet="Levant Wire"),
            "c": Article("c", "z")}


def incident(iid: str, article: str, when: date | None, country: str, best: int | None,
             contested: bool = False, actor: str = "", sub: str = "Air/drone strike") -> Incident:
    where = place("Town", country) if country else None
    told = mention(article, where, day(when), "text", (claim(article, best, best),) if best else (),
                   sub=sub, actor=actor, start=len(iid))
    return Incident(iid, (told,), "Explosions/Remote violence", sub, day(when), where, actor1=actor,
                    fatalities=Fatalities(best, best, best), contested=contested)


INCIDENTS = [
    incident("i1", "a", date(2026, 3, 1), "SO", 4, actor="Al Shabaab"),
    incident("i2", "b", date(2026, 3, 5), "YE", 30, contested=True, sub="Shelling/artillery/missile attack"),
    incident("i3", "c", None, "SO", None),
    incident("i4", "a", date(2026, 3, 9), "", 1),
]


def ids(query: IncidentQuery) -> list[str]:
    return [i.id for i in page_of(INCIDENTS, query, ARTICLES).items]


def test_no_filter_lists_everything_newest_first_undated_last():
    assert ids(IncidentQuery()) == ["i4", "i2", "i1", "i3"]
    assert ids(IncidentQuery(descending=False)) == ["i1", "i2", "i4", "i3"]


def test_each_filter():
    assert ids(IncidentQuery(country="so")) == ["i1", "i3"]
    assert ids(IncidentQuery(contested=True)) == ["i2"]
    assert ids(IncidentQuery(event_type="shelling/artillery/missile attack")) == ["i2"]
    assert ids(IncidentQuery(actor="shabaab")) == ["i1"]
    assert ids(IncidentQuery(outlet="horn wire")) == ["i4", "i1"]
    assert ids(IncidentQuery(date_from=date(2026, 3, 2), date_to=date(2026, 3, 5))) == ["i2"]
    assert ids(IncidentQuery(zone="z1")) == []
    zoned = page_of(INCIDENTS, IncidentQuery(zone="z1"), ARTICLES, {"z1": {"i3": "inside"}})
    assert [i.id for i in zoned.items] == ["i3"]


def test_filters_combine():
    assert ids(IncidentQuery(country="SO", date_from=date(2026, 1, 1))) == ["i1"]


def test_sort_by_fatalities_unknown_last_both_ways():
    assert ids(IncidentQuery(sort="fatalities")) == ["i2", "i1", "i4", "i3"]
    assert ids(IncidentQuery(sort="fatalities", descending=False)) == ["i4", "i1", "i2", "i3"]


def test_paging():
    page = page_of(INCIDENTS, IncidentQuery(per_page=3, page=2), ARTICLES)
    assert [i.id for i in page.items] == ["i3"] and page.pages == 2 and page.total == 4
    assert page_of(INCIDENTS, IncidentQuery(per_page=3, page=9), ARTICLES).items == ()
    assert page_of([], IncidentQuery(), ARTICLES).pages == 1


def test_facets_are_the_values_present():
    found = facets(INCIDENTS, ARTICLES)
    assert found["outlet"] == ["Horn Wire", "Levant Wire"]
    assert found["actor"] == ["Al Shabaab"]
    assert "Air/drone strike" in found["event_type"]
