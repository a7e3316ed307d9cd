"""Articles and their extraction output committed together (the batches of the local engine)."""

from __future__ import annotations

import sqlite3

import pytest

from parallax.errors import StoreError
from parallax.store.migrations import INITIAL, MIGRATIONS, migrate
from parallax.store.sqlite import SQLiteStore


def test_articles_and_mentions_are_stored_together(tmp_path, articles, mentions):
    with SQLiteStore(tmp_path / "p.sqlite") as store:
        added = store.add_extracted([(articles[0], mentions[:1]), (articles[1], [])])
        assert added == ["a1", "b2"]
        assert store.extracted_ids(["a1", "b2", "zz"]) == {"a1", "b2"}
        assert [m.id for m in store.mentions()] == ["m1"]
        assert store.add_extracted([(articles[0], mentions[:1])]) == []  # already stored


def test_a_bad_batch_stores_nothing(tmp_path, articles, mentions):
    with SQLiteStore(tmp_path / "p.sqlite") as store:
        with pytest.raises(StoreError):
            # the second pair's mention belongs to another article: the whole batch is refused
            store.add_extracted([(articles[0], mentions[:1]), (articles[1], mentions[:1])])
        assert store.articles() == [] and store.mentions() == []


def test_stored_but_unextracted_articles_are_listed_oldest_first(tmp_path, articles, mentions):
    with SQLiteStore(tmp_path / "p.sqlite") as store:
        store.add_articles(articles)
        assert [a.id for a in store.unextracted_articles()] == ["a1", "b2"]
        store.replace_mentions("a1", mentions[:1])
        assert [a.id for a in store.unextracted_articles()] == ["b2"]


def test_migration_counts_articles_with_mentions_as_extracted(tmp_path, articles, mentions):
    path = tmp_path / "old.sqlite"
    with SQLiteStore(path) as store:
        store.add_articles(articles)
        store.replace_mentions("a1", mentions[:1])
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("UPDATE articles SET extracted = NULL")  # as a file from before the column
    conn.execute("DROP INDEX articles_unextracted")
    conn.execute("ALTER TABLE articles DROP COLUMN extracted")
    conn.execute("PRAGMA user_version = 1")
    assert MIGRATIONS[0] is INITIAL and migrate(conn, MIGRATIONS[:2]) == 2  # only this migration
    rows = conn.execute("SELECT id FROM articles WHERE extracted IS NULL").fetchall()
    conn.close()
    assert rows == [("b2",)]
