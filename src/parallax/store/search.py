"""Full-text search over stored articles with SQLite FTS5: safe query building and hit decoding.

User text never reaches FTS5's query language as such: each word becomes a quoted phrase (so
quotes, parentheses, AND/OR/NEAR and column filters in it are just words), and a trailing "*"
on a word keeps its meaning as a prefix search. Words must all match, in any order.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import datetime

from parallax.schema import SearchHit

# Marks FTS5's snippet() puts around matched words: control characters that article text, as
# ingested, cannot carry, so splitting on them never cuts the text itself.
OPEN, CLOSE = "\x02", "\x03"
WORD = re.compile(r"(\w+)(\*?)")
MAX_WORDS = 16
SNIPPET_TOKENS = 24

SEARCH_SQL = f"""
SELECT a.id, a.title, a.outlet, a.published, bm25(articles_fts, 5.0, 1.0, 2.0) AS rank,
       snippet(articles_fts, 1, '{OPEN}', '{CLOSE}', ' … ', {SNIPPET_TOKENS}) AS snippet
FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
WHERE articles_fts MATCH ?
ORDER BY rank LIMIT ? OFFSET ?
"""


def fts_query(text: str) -> str:
    """The FTS5 query for what a user typed: every word quoted; "" when it has no word."""
    words = [f'"{word}"{star}' for word, star in WORD.findall(text)][:MAX_WORDS]
    return " ".join(words)


def snippet_parts(snippet: str) -> tuple[tuple[str, bool], ...]:
    """'a \\x02b\\x03 c' -> (('a ', False), ('b', True), (' c', False)); empty parts dropped."""
    parts: list[tuple[str, bool]] = []
    for index, piece in enumerate(re.split(f"[{OPEN}{CLOSE}]", snippet)):
        if piece:
            parts.append((piece, index % 2 == 1))
    return tuple(parts)


def search_articles(conn: sqlite3.Connection, text: str, limit: int = 20, offset: int = 0) -> list[SearchHit]:
    """Articles matching every word of `text`, best first (BM25, title weighted over body)."""
    query = fts_query(text)
    if not query:
        return []
    rows = conn.execute(SEARCH_SQL, (query, max(0, limit), max(0, offset))).fetchall()
    return [SearchHit(r["id"], r["title"], r["outlet"], _when(r["published"]),
                      snippet_parts(r["snippet"] or ""), float(r["rank"])) for r in rows]


def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None
