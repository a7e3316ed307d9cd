"""The SQLite store: round trips, idempotent ingest, migrations, WAL and concurrent writers."""

from __future__ import annotations

import multiprocessing
import sqlite3
from dataclasses import replace

import pytest

from parallax.errors import StoreError
from parallax.reconcile.tolls import RULE as TOLL_RULE
from parallax.schema import Article, Rejected, ReportedToll, RunSummary
from parallax.store.base import Store
from parallax.store.migrations import MIGRATIONS, migrate, schema_version
from parallax.store.sqlite import SQLiteStore, connect, open_store


@pytest.fixture
def store(tmp_path, articles):
    with open_store(tmp_path / "p.sqlite") as opened:
        opened.add_articles(articles)
        yield opened


def test_open_store_is_a_store(store):
    assert isinstance(store, Store)


def test_articles_round_trip_and_add_is_idempotent(store, articles):
    assert store.articles() == articles
    assert store.add_articles(articles) == []
    changed = replace(articles[0], title="another title")
    assert store.add_articles([changed]) == []
    assert store.get_article("a1") == articles[0]
    assert store.has_article("b2") and not store.has_article("zz")
    assert store.get_article("zz") is None


def test_add_articles_returns_only_new_ids_once(store):
    new = Article("c3", "text of c3")
    assert store.add_articles([new, new, Article("d4", "text of d4")]) == ["c3", "d4"]
    assert [a.id for a in store.articles()] == ["a1", "b2", "c3", "d4"]


def test_mentions_round_trip_equal(store, mentions):
    for article_id in ("a1", "b2"):
        store.replace_mentions(article_id, [m for m in mentions if m.article_id == article_id])
    assert store.mentions() == mentions


def test_replace_mentions_replaces_only_that_article(store, mentions):
    store.replace_mentions("a1", mentions[:1])
    store.replace_mentions("b2", mentions[1:])
    store.replace_mentions("a1", [])
    assert store.mentions() == mentions[1:]
    with sqlite3.connect(store.path) as db:
        assert db.execute("SELECT count(*) FROM claims WHERE article_id = 'a1'").fetchone()[0] == 0
        assert db.execute("SELECT count(*) FROM claim_parts").fetchone()[0] == 0


def test_mention_of_another_article_is_refused(store, mentions):
    with pytest.raises(StoreError):
        store.replace_mentions("b2", mentions[:1])


def test_incidents_round_trip_equal(store, mentions, incident):
    store.replace_mentions("a1", mentions[:1])
    store.replace_mentions("b2", mentions[1:])
    store.save_incidents([incident])
    assert store.incidents() == [incident]
    second = replace(incident, id="i2", mentions=incident.mentions[1:], date=None, place=None, notes=())
    store.save_incidents([second])
    assert store.incidents() == [second]


def test_reported_toll_round_trips(store, mentions, incident):
    """Incident.reported (killed and injured counted per article) is kept; an injured count alone too."""
    store.replace_mentions("a1", mentions[:1])
    store.replace_mentions("b2", mentions[1:])
    tolled = replace(incident, reported=ReportedToll(2, None, TOLL_RULE))
    store.save_incidents([tolled])
    assert store.incidents() == [tolled]


def test_failed_incident_save_changes_nothing(store, mentions, incident):
    for m in mentions:
        store.replace_mentions(m.article_id, [m])
    store.save_incidents([incident])
    orphan = replace(incident, id="i9", mentions=(replace(mentions[0], id="unknown"),))
    with pytest.raises(StoreError, match="FOREIGN KEY"):
        store.save_incidents([orphan])
    assert store.incidents() == [incident]


def test_rows_are_readable_by_people(store, mentions, incident):
    for m in mentions:
        store.replace_mentions(m.article_id, [m])
    store.save_incidents([incident])
    with sqlite3.connect(store.path) as db:
        relay, speaker = db.execute("SELECT relay, speaker_normalized FROM claims WHERE id = 'c1'").fetchone()
        assert relay == "Russian media; TASS; al-Masdar News" and speaker == "SOHR"
        row = db.execute("SELECT event_date, location, fatalities_best, geo_precision FROM incidents").fetchone()
        assert row == ("2017-05-18", "al-Tanf", 8, 2)


def test_rejected_kept_once_and_runs_recorded(store):
    item = Rejected("x.txt", "language", "not English (fr)")
    store.add_rejected(item)
    store.add_rejected([item, Rejected("y.txt", "empty", "no text")])
    assert store.rejected() == [item, Rejected("y.txt", "empty", "no text")]
    assert store.last_run() is None
    summary = RunSummary(read=3, new_articles=2, rejected=(item,), mentions=4, claims=5, incidents=1)
    store.record_run(summary)
    assert store.last_run() == summary


def test_wal_mode_and_foreign_keys_on(store):
    assert store._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert schema_version(store._conn) == len(MIGRATIONS)


def test_version_zero_file_is_migrated(tmp_path, articles):
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE notes (text TEXT)")
        db.execute("INSERT INTO notes VALUES ('kept')")
    with SQLiteStore(path) as opened:
        assert schema_version(opened._conn) == len(MIGRATIONS)
        assert opened.add_articles(articles) == ["a1", "b2"]
        assert opened._conn.execute("SELECT text FROM notes").fetchone()[0] == "kept"


def test_a_later_migration_upgrades_an_existing_file(tmp_path, articles):
    path = tmp_path / "v1.sqlite"
    with SQLiteStore(path) as opened:
        opened.add_articles(articles)
    conn = connect(path)
    added = "ALTER TABLE articles ADD COLUMN section TEXT NOT NULL DEFAULT '';"
    assert migrate(conn, (*MIGRATIONS, added)) == len(MIGRATIONS) + 1
    assert conn.execute("SELECT count(*) FROM articles WHERE section = ''").fetchone()[0] == 2
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        SQLiteStore(path)


def test_not_a_database_is_a_store_error(tmp_path):
    path = tmp_path / "junk.sqlite"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        SQLiteStore(path)


def test_two_connections_write_in_turn(tmp_path, articles, mentions):
    path = tmp_path / "shared.sqlite"
    with SQLiteStore(path) as one, SQLiteStore(path) as two:
        assert one.add_articles(articles[:1]) == ["a1"]
        assert two.add_articles(articles) == ["b2"]
        one.replace_mentions("b2", mentions[1:])
        two.replace_mentions("a1", mentions[:1])
        assert one.mentions() == two.mentions() == mentions


def _writer(path: str, prefix: str) -> None:
    with SQLiteStore(path) as opened:
        for n in range(40):
            opened.add_articles([Article(f"{prefix}{n}", f"text {prefix} {n}")])


def test_two_processes_writing_at_once_keep_the_file_sound(tmp_path):
    path = str(tmp_path / "busy.sqlite")
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_writer, args=(path, p)) for p in ("x", "y")]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert [w.exitcode for w in workers] == [0, 0]
    with SQLiteStore(path) as opened:
        assert len(opened.articles()) == 80
        assert opened._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
