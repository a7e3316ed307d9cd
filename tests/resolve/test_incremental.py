"""Incremental resolution against a store: same incidents as a batch run, whatever the order."""

from dataclasses import replace
from datetime import date, datetime
from itertools import permutations

import pytest

from parallax.resolve.incidents import resolve_incidents
from parallax.resolve.incremental import add_mentions
from parallax.schema import Actor, ActorRole, Article, ResolutionKind
from parallax.settings import Settings
from parallax.store.sqlite import open_store

from builders import day, mention, place

TOWN = place("Baidoa", lat=3.11, lon=43.65)
OTHER_TOWN = place("Kismayo", lat=-0.35, lon=42.54)
SHELLING = ("Mortar shells fired by al-Shabaab hit the livestock market in Baidoa on Sunday, killing "
            "seven traders and wounding Abdi Nur Farah, a local elder, said district commissioner Hassan Ali.")
RETOLD = ("Seven traders died when mortar rounds struck the Baidoa livestock market on Sunday, district "
          "commissioner Hassan Ali said, adding that elder Abdi Nur Farah was among the wounded.")
LATER = ("Mortar shells hit the livestock market in Baidoa again on Wednesday, killing two herders, "
         "residents said.")
ELSEWHERE = "Mortar shells hit the fish market in Kismayo on Sunday, killing three porters, police said."


def corpus() -> list[tuple[Article, list]]:
    """Five reports: one incident told three times (once with no date in the text), a later attack
    on the same market, and one the same day in another town."""
    sunday = day(date(2024, 3, 3), "Sunday")
    told = [("w1", SHELLING, sunday, "Wire One"), ("w2", RETOLD, sunday, "Daily Two"),
            ("w3", RETOLD, None, "Radio Three"), ("w4", LATER, day(date(2024, 3, 6), "Wednesday"), "Wire One"),
            ("w5", ELSEWHERE, sunday, "Daily Two")]
    out = []
    for aid, text, when, outlet in told:
        where = OTHER_TOWN if aid == "w5" else TOWN
        article = Article(aid, text, outlet=outlet, published=datetime(2024, 3, 7 if aid == "w4" else 4))
        out.append((article, [mention(aid, where, when, text, outlet=outlet)]))
    return out


def groups(incidents) -> set[frozenset[str]]:
    return {frozenset(m.id for m in i.mentions) for i in incidents}


def ingest(path, items, settings=Settings()):
    with open_store(path) as store:
        for article, mentions in items:
            store.add_articles([article])
            store.replace_mentions(article.id, mentions)
            add_mentions(store, mentions, settings)
        return store.incidents(), store.resolution_events()


def test_incremental_equals_batch_and_keeps_distinct_incidents_apart(tmp_path):
    items = corpus()
    incidents, _ = ingest(tmp_path / "db.sqlite", items)
    published = {a.id: a.published for a, _ in items}
    batch = resolve_incidents([m for _, ms in items for m in ms], Settings(), published)
    assert groups(incidents) == groups(batch)
    assert {"m-w1-0", "m-w2-0", "m-w3-0"} in groups(incidents)
    assert len(incidents) == 3  # the Wednesday attack and the Kismayo attack stay apart
    assert {i.id for i in incidents} == {i.id for i in batch}


@pytest.mark.parametrize("order", list(permutations(range(5)))[::7])
def test_incidents_do_not_depend_on_article_order(tmp_path, order):
    items = corpus()
    reference, _ = ingest(tmp_path / "ref.sqlite", items)
    shuffled, _ = ingest(tmp_path / "perm.sqlite", [items[i] for i in order])
    assert groups(shuffled) == groups(reference)
    assert {i.id: i.fatalities for i in shuffled} == {i.id: i.fatalities for i in reference}


def test_every_merge_is_logged_and_explained(tmp_path):
    incidents, events = ingest(tmp_path / "db.sqlite", corpus())
    kinds = [e.kind for e in events]
    assert kinds.count(ResolutionKind.NEW) >= 3 and ResolutionKind.JOIN in kinds
    joined = next(i for i in incidents if len(i.mentions) == 3)
    assert len(joined.links) == 2
    assert all(link.evidence and link.score >= Settings().match_threshold for link in joined.links)
    assert any(e.name == "place" for link in joined.links for e in link.evidence)
    join = next(e for e in events if e.kind == ResolutionKind.JOIN)
    assert join.detail and "~" in join.detail


def test_two_incidents_bridged_by_a_new_report_are_logged_as_a_merge(tmp_path):
    """Regression: two reports too different to match (one has no place, they share no names) stay
    apart until a third, matching each, arrives: that is a MERGE of the two earlier incidents."""
    sunday = day(date(2024, 3, 3), "Sunday")
    first = ("a1", TOWN, "Mortar shells hit the market in Baidoa, commissioner Hassan Ali said.")
    second = ("a2", None, "Elder Abdi Nur Farah was wounded as shells landed near traders.")
    bridge = ("a3", TOWN, "Shells hit the Baidoa market, Hassan Ali said; Abdi Nur Farah was wounded.")
    items = [(Article(aid, text, published=datetime(2024, 3, 4)), [mention(aid, where, sunday, text)])
             for aid, where, text in (first, second, bridge)]
    incidents, events = ingest(tmp_path / "db.sqlite", items)
    assert [e.kind for e in events] == [ResolutionKind.NEW, ResolutionKind.NEW, ResolutionKind.MERGE]
    merge = events[-1]
    assert len(merge.previous) == 2 and merge.mention_ids == ("m-a3-0",)
    assert len(incidents) == 1 and len(incidents[0].links) == 2


def test_a_report_that_pulls_one_member_away_is_logged_as_a_split(tmp_path):
    """Regression: A and B (no perpetrator / the army) are one incident; C, a near copy of A that
    blames rebels, matches A better than B did, and C against B is a hard conflict (opposite sides):
    the old incident splits into {A, C} and {B}."""
    sunday = day(date(2024, 3, 3), "Sunday")
    text = "Mortar shells hit the Baidoa market on Sunday, commissioner Hassan Ali said."
    a = mention("a1", TOWN, sunday, text)
    b = mention("b2", TOWN, sunday, "Shelling by the army struck traders.", actor="army")
    rebels = Actor("rebels", "rebels", ActorRole.PERPETRATOR, "Rebel Groups")
    c = replace(mention("c3", TOWN, sunday, text), actors=(rebels,))
    items = [(Article(m.article_id, "x", published=datetime(2024, 3, 4)), [m]) for m in (a, b, c)]
    incidents, events = ingest(tmp_path / "db.sqlite", items)
    assert groups(incidents) == {frozenset({"m-a1-0", "m-c3-0"}), frozenset({"m-b2-0"})}
    split = [e for e in events if e.kind == ResolutionKind.SPLIT]
    assert len(split) == 1 and len(split[0].detail.split(",")) == 2


def test_an_article_extracted_again_leaves_no_empty_incident(tmp_path):
    """Regression: re-extraction replaces an article's mentions (new ids); the incident that held
    the old ones must go, and the new mentions resolve like any others."""
    from parallax.resolve.incremental import resolve_pending

    items = corpus()[:2]
    with open_store(tmp_path / "db.sqlite") as store:
        for article, mentions in items:
            store.add_extracted([(article, mentions)])
        resolve_pending(store, Settings())
        before = {i.id for i in store.incidents()}
        for article, mentions in items:
            store.replace_mentions(article.id, [replace(m, id=m.id + "-again") for m in mentions])
        update = resolve_pending(store, Settings())
        incidents = store.incidents()
    assert set(update.removed) == before and all(i.mentions for i in incidents)
    assert groups(incidents) == {frozenset({"m-w1-0-again", "m-w2-0-again"})}


def test_an_incident_whose_article_was_extracted_again_is_reconciled_again(tmp_path):
    """Regression (stale reconciliation after partial re-extraction): w1 and w2 are one incident;
    w1 is extracted again and now tells the Kismayo shelling. The incident left with w2 alone must
    be rebuilt (its articles, claims and log), not keep the record reconciled from both."""
    from parallax.resolve.incremental import resolve_pending

    items = corpus()[:2]
    with open_store(tmp_path / "db.sqlite") as store:
        for article, mentions in items:
            store.add_extracted([(article, mentions)])
        resolve_pending(store, Settings())
        assert [len(i.article_ids) for i in store.incidents()] == [2]
        single = resolve_incidents(items[1][1], Settings())[0]
        sunday = day(date(2024, 3, 3), "Sunday")
        store.replace_mentions("w1", [mention("w1", OTHER_TOWN, sunday, ELSEWHERE, start=5)])
        resolve_pending(store, Settings())
        incidents = {frozenset(i.article_ids): i for i in store.incidents()}
        events = store.resolution_events()
    assert set(incidents) == {frozenset({"w1"}), frozenset({"w2"})}
    left = incidents[frozenset({"w2"})]
    assert [m.id for m in left.mentions] == ["m-w2-0"] and left.reconciliation is not None
    assert left.reconciliation.independent_sources == 1
    assert left.reconciliation.source_groups in ((), (("w2",),))
    assert left.reconciliation.grade == single.reconciliation.grade
    assert any(e.incident_id == left.id for e in events)
