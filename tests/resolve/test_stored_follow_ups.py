"""Stored follow-up links: kept up to date as articles arrive, whatever their order, and equal to
what follow_up_links gives over all the stored incidents."""

from datetime import date, datetime
from itertools import permutations

from parallax.resolve.follow_ups import follow_up_links
from parallax.resolve.incremental import add_mentions, resolve_pending
from parallax.schema import Article
from parallax.settings import Settings
from parallax.store.sqlite import open_store

from builders import day, mention, place

DAYTON = place("Dayton", "US", 39.76, -84.19, admin1="Ohio")
SHOT = "Terrell Banks and Dwayne Pruitt were shot outside the Silver Dollar Tavern on Thursday, police said."
ROBBERY = "Terrell Banks was wounded in a robbery on Friday, police said."
ARREST = "Officers arrested a suspect over the gunfire at the Silver Dollar Tavern."
TRIAL = "Jury selection began in the trial of the man accused of shooting Terrell Banks and Dwayne Pruitt."
OTHER = "A woman was shot on Wayne Avenue late Sunday, police said."


def corpus() -> list[tuple[Article, list]]:
    """An earlier robbery naming one of the victims, the shooting, its arrest (naming only the
    tavern: linked) and trial (naming both men: a follow-up report that joins the shooting; it
    gives no date and is dated from its publication), and an unrelated shooting."""
    told = [("r1", ROBBERY, day(date(2016, 1, 8)), datetime(2016, 1, 9)),
            ("s2", SHOT, day(date(2016, 3, 3)), datetime(2016, 3, 4)),
            ("a3", ARREST, day(date(2016, 3, 29)), datetime(2016, 3, 30)),
            ("t4", TRIAL, None, datetime(2016, 9, 20)),
            ("o5", OTHER, day(date(2016, 4, 10)), datetime(2016, 4, 11))]
    return [(Article(aid, text, published=when), [mention(aid, DAYTON, told_on, text)])
            for aid, text, told_on, when in told]


def ingest(path, items):
    with open_store(path) as store:
        for article, mentions in items:
            store.add_articles([article])
            store.replace_mentions(article.id, mentions)
            add_mentions(store, mentions, Settings())
        return store.follow_ups(), store.incidents()


def pairs(links, incidents):
    of = {i.id: i.article_ids[0] for i in incidents}
    return sorted((of[x.incident_id], of[x.event_incident_id]) for x in links)


def test_stored_links_equal_the_batch_links_in_every_order(tmp_path):
    items = corpus()
    published = {a.id: a.published for a, _ in items}
    for n, order in enumerate(list(permutations(items))[::5]):  # 24 of the 120 orders, every first article
        links, incidents = ingest(tmp_path / f"db{n}.sqlite", order)
        assert links == follow_up_links(incidents, published=published)
        # the shooting names the robbery's victim: a person alone links it (0.2), as in batch
        assert pairs(links, incidents) == [("a3", "s2"), ("s2", "r1")]
        assert sorted(i.article_ids for i in incidents) == [("a3",), ("o5",), ("r1",), ("s2", "t4")]


def test_a_re_extracted_follow_up_that_no_longer_names_anyone_loses_its_link(tmp_path):
    items = corpus()
    path = tmp_path / "db.sqlite"
    ingest(path, items)
    with open_store(path) as store:
        store.replace_mentions("a3", [mention("a3", DAYTON, day(date(2016, 3, 29)), "Police arrested a man on Tuesday.")])
        resolve_pending(store, Settings())
        links, incidents = store.follow_ups(), store.incidents()
    assert pairs(links, incidents) == [("s2", "r1")]
    assert links == follow_up_links(incidents, published={a.id: a.published for a, _ in items})


def test_incidents_stored_before_follow_ups_were_are_linked_at_the_next_resolution(tmp_path):
    path = tmp_path / "db.sqlite"
    ingest(path, corpus())
    with open_store(path) as store:
        store.save_incidents(store.incidents())  # rewritten at once: the index is queued again
        assert store.follow_ups() == [] and len(store.follow_up_pending()) == 4
        resolve_pending(store, Settings())
        assert pairs(store.follow_ups(), store.incidents()) == [("a3", "s2"), ("s2", "r1")]
        assert store.follow_up_pending() == []


def test_a_name_that_becomes_too_common_stops_linking_the_incidents_stored_before(tmp_path, monkeypatch):
    """The links through a name go when more than MAX_NAMED incidents tell it (here 2), for the
    incidents already stored too, as a batch run over all of them would have it."""
    from parallax.resolve import follow_ups, stored_follow_ups
    monkeypatch.setattr(follow_ups, "MAX_NAMED", 2)
    monkeypatch.setattr(stored_follow_ups, "MAX_NAMED", 2)
    items = [(Article(aid, text, published=datetime(2016, m, 2)), [mention(aid, DAYTON, day(date(2016, m, 1)), text)])
             for aid, text, m in (("x1", "Marla Quist was shot on Friday.", 1), ("x2", "A man was seen "
                                  "outside the home of Marla Quist.", 3), ("x3", "Marla Quist testified on Monday.", 6))]
    links, incidents = ingest(tmp_path / "two.sqlite", items[:2])
    assert pairs(links, incidents) == [("x2", "x1")]
    links, incidents = ingest(tmp_path / "two.sqlite", items[2:])
    assert links == [] == follow_up_links(incidents, published={a.id: a.published for a, _ in items})


def test_a_store_made_before_the_migration_gets_its_follow_ups_at_the_next_resolution(tmp_path):
    """The FOLLOW_UPS migration queues the incidents already stored; resolve_pending links them."""
    import sqlite3

    from parallax.store.migrations import FOLLOW_UPS, MIGRATIONS
    path = tmp_path / "old.sqlite"
    expected, _ = ingest(path, corpus())
    conn = sqlite3.connect(path)  # back to the schema before the migration, incidents kept
    for table in ("follow_up_traits", "follow_up_keys", "follow_ups", "follow_up_pending"):
        conn.execute(f"DROP TABLE {table}")
    conn.execute(f"PRAGMA user_version = {MIGRATIONS.index(FOLLOW_UPS)}")
    conn.commit()
    conn.close()
    with open_store(path) as store:
        assert store.follow_ups() == [] and len(store.follow_up_pending()) == 4
        resolve_pending(store, Settings())
        assert store.follow_ups() == expected and store.follow_up_pending() == []


def test_a_resolution_stopped_before_its_follow_ups_were_written_is_finished_by_the_next(tmp_path, monkeypatch):
    """Incidents are queued in the transaction that writes them, so a stop between that write
    and the follow-up links' (here: the update never runs) leaves them to the next resolution."""
    from parallax.resolve import incremental
    items = corpus()
    path = tmp_path / "db.sqlite"
    ingest(path, items[:3])
    monkeypatch.setattr(incremental, "update_follow_ups", lambda *args: [])
    links, _ = ingest(path, items[3:])
    monkeypatch.undo()
    with open_store(path) as store:
        assert store.follow_up_pending()
        resolve_pending(store, Settings())
        links, incidents = store.follow_ups(), store.incidents()
        assert store.follow_up_pending() == []
    assert links == follow_up_links(incidents, published={a.id: a.published for a, _ in items})
    assert pairs(links, incidents) == [("a3", "s2"), ("s2", "r1")]
