"""Full-text search over articles (FTS5): the index follows the table, user text is never syntax."""

from __future__ import annotations

import sqlite3

import pytest

from parallax.schema import Article
from parallax.store.migrations import MIGRATIONS, migrate
from parallax.store.search import fts_query, snippet_parts
from parallax.store.sqlite import SQLiteStore, connect


@pytest.fixture
def store(tmp_path, articles):
    with SQLiteStore(tmp_path / "s.sqlite") as opened:
        opened.add_articles(articles)
        yield opened


def test_search_finds_words_in_text_and_title(store):
    assert [h.article_id for h in store.search_articles("Observatory")] == ["a1"]
    assert [h.article_id for h in store.search_articles("Tanf strike")] == ["a1"]
    assert {h.article_id for h in store.search_articles("killed")} == {"a1", "b2"}
    assert store.search_articles("killed Observatory")[0].title == "Strike near al-Tanf"


def test_prefix_and_diacritics(store):
    assert {h.article_id for h in store.search_articles("kill*")} == {"a1", "b2"}
    store.add_articles([Article("c3", "Shelling hit Hodéïda on Friday, wounding eleven residents of the old town.")])
    assert [h.article_id for h in store.search_articles("Hodeida")] == ["c3"]


def test_snippet_marks_the_matched_words(store):
    hit = store.search_articles("Observatory")[0]
    assert ("Observatory", True) in hit.snippet
    assert "".join(t for t, _ in hit.snippet).count("Observatory") == 1


@pytest.mark.parametrize("typed", ['"', "NEAR(a b)", "title:x", "a OR", "-x", "^", "*", "(((", "'; DROP TABLE articles; --"])
def test_query_syntax_in_user_text_is_just_words(store, typed):
    store.search_articles(typed)  # no sqlite3.OperationalError
    assert store.articles()


def test_fts_query_quotes_every_word():
    assert fts_query('air "strike" NEAR(x)') == '"air" "strike" "NEAR" "x"'
    assert fts_query("kill* ") == '"kill"*'
    assert fts_query(" ,.; ") == ""


def test_snippet_parts_alternate():
    assert snippet_parts("a \x02b\x03 c") == (("a ", False), ("b", True), (" c", False))


def test_migration_indexes_articles_stored_before_it(tmp_path, articles):
    path = tmp_path / "old.sqlite"
    conn = connect(path)
    migrate(conn, MIGRATIONS[:-1])
    conn.execute("INSERT INTO articles (id, seq, text, added) VALUES ('old', 1, 'Gunmen stormed a checkpoint near Gao', 'x')")
    conn.close()
    with SQLiteStore(path) as store:
        assert [h.article_id for h in store.search_articles("checkpoint")] == ["old"]


def test_deleted_article_leaves_the_index(store, tmp_path):
    conn = sqlite3.connect(store.path)
    conn.execute("DELETE FROM articles WHERE id = 'b2'")
    conn.commit()
    conn.close()
    assert store.search_articles("soldiers") == []
