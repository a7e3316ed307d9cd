"""SQL for stored follow-up links (parallax.resolve.stored_follow_ups): each incident's traits and
index keys, and the links. Functions take an open connection inside the caller's transaction;
SQLiteStore exposes them."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Mapping

from parallax.schema import FollowUp
from parallax.store.resolution import chunks, evidence_from, evidence_json, marks


def _delete(db: sqlite3.Connection, table: str, column: str, ids: Iterable[str]) -> None:
    for part in chunks(set(ids)):
        db.execute(f"DELETE FROM {table} WHERE {column} IN ({marks(part)})", part)


def traits_of(db: sqlite3.Connection, incident_ids: Iterable[str]) -> dict[str, str]:
    return dict(_rows(db, "SELECT incident_id, traits_json FROM follow_up_traits WHERE incident_id IN ({})",
                      incident_ids))


def write_traits(db: sqlite3.Connection, removed: Iterable[str], rows: Mapping[str, tuple[str, Iterable[str]]]) -> None:
    """Drop the traits and keys of `removed` and of the incidents in `rows`, then write `rows`
    (incident id -> (traits JSON, index keys)); none of them is pending any more."""
    gone = set(removed) | set(rows)
    for table in ("follow_up_traits", "follow_up_keys", "follow_up_pending"):
        _delete(db, table, "incident_id", gone)
    db.executemany("INSERT INTO follow_up_traits (incident_id, traits_json) VALUES (?, ?)",
                   ((i, text) for i, (text, _) in rows.items()))
    db.executemany("INSERT INTO follow_up_keys (key, incident_id) VALUES (?, ?)",
                   ((key, i) for i, (_, keys) in rows.items() for key in set(keys)))


def _rows(db: sqlite3.Connection, query: str, ids: Iterable[str]) -> Iterable[tuple]:
    """The rows of `query` (whose "{}" takes the placeholders) for every id, a chunk at a time."""
    for part in chunks(set(ids)):
        yield from db.execute(query.format(marks(part)), part)


def incidents_under(db: sqlite3.Connection, keys: Iterable[str]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for key, incident_id in _rows(db, "SELECT key, incident_id FROM follow_up_keys WHERE key IN ({})", keys):
        found[key].add(incident_id)
    return found


def replace_links(db: sqlite3.Connection, incident_ids: Iterable[str], removed: Iterable[str],
                  links: Iterable[FollowUp]) -> None:
    """The links of `incident_ids` (as follow-ups) become `links`; links to `removed` go."""
    _delete(db, "follow_ups", "incident_id", set(incident_ids) | set(removed))
    _delete(db, "follow_ups", "event_incident_id", removed)
    db.executemany("INSERT OR REPLACE INTO follow_ups (incident_id, event_incident_id, evidence_json) VALUES (?, ?, ?)",
                   ((x.incident_id, x.event_incident_id, evidence_json(x.evidence)) for x in links))


def links(db: sqlite3.Connection) -> list[FollowUp]:
    rows = db.execute("SELECT incident_id, event_incident_id, evidence_json FROM follow_ups ORDER BY incident_id")
    return [FollowUp(a, b, evidence_from(e)) for a, b, e in rows]


def pending(db: sqlite3.Connection) -> list[str]:
    return [r[0] for r in db.execute("SELECT incident_id FROM follow_up_pending ORDER BY incident_id")]


def mention_ids_of(db: sqlite3.Connection, incident_ids: Iterable[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for iid, mid in _rows(db, "SELECT incident_id, mention_id FROM incident_mentions WHERE incident_id IN ({}) "
                              "ORDER BY incident_id, seq", incident_ids):
        found[iid].append(mid)
    return dict(found)


def mention_ids_of_articles(db: sqlite3.Connection, article_ids: Iterable[str]) -> list[str]:
    return [r[0] for r in _rows(db, "SELECT id FROM mentions WHERE article_id IN ({})", article_ids)]


def requeue_all(db: sqlite3.Connection) -> None:
    """Every incident was rewritten at once: forget the follow-up index and queue them all."""
    for table in ("follow_up_traits", "follow_up_keys", "follow_ups", "follow_up_pending"):
        db.execute(f"DELETE FROM {table}")
    db.execute("INSERT INTO follow_up_pending (incident_id) SELECT id FROM incidents")


def queue(db: sqlite3.Connection, incident_ids: Iterable[str]) -> None:
    """Incidents written or removed whose follow-up links are not yet up to date (cleared by
    write_traits): a resolution stopped between the two is finished by the next one."""
    db.executemany("INSERT OR IGNORE INTO follow_up_pending (incident_id) VALUES (?)", ((i,) for i in incident_ids))
