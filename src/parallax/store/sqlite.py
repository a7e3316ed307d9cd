"""The Store on one SQLite file: WAL journal, foreign keys, migrations, every write one transaction."""

from __future__ import annotations

import json
import sqlite3
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from types import TracebackType

from parallax.errors import NotADatabase, StoreError
from parallax.schema import (Alert, Article, Claim, EventMention, FollowUp, Incident, MatchLink, Rejected,
                             ResolutionEvent, RunSummary, SearchHit)
from parallax.store import codecs, follow_ups, resolution, search
from parallax.store.base import Store
from parallax.store.migrations import migrate

BUSY_TIMEOUT_SECONDS = 30.0
SQLITE_HEADER = b"SQLite format 3\x00"


def connect(path: Path, timeout: float = BUSY_TIMEOUT_SECONDS) -> sqlite3.Connection:
    """A connection in autocommit mode: transactions are opened explicitly, never implicitly."""
    try:
        conn = sqlite3.connect(path, timeout=timeout, isolation_level=None)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        _wal(conn, timeout)
        conn.execute("PRAGMA foreign_keys = ON")
        # NORMAL is durable across application crashes in WAL mode; only power loss can drop
        # the last commits, never corrupt the file.
        conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open database {path}: {exc}",
                         "pass a writable path to a parallax SQLite file (or a new one)") from exc
    return conn


def _wal(conn: sqlite3.Connection, timeout: float) -> None:
    """Switch to WAL. On a new file that another process is creating at the same moment, SQLite can
    answer "database is locked" at once, without waiting on busy_timeout: so retry until `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def check_database(path: Path, new_ok: bool = False) -> None:
    """Raise NotADatabase for an existing file that is not a parallax database, reading it only:
    SQLite would otherwise turn any file into a database. With `new_ok` an empty SQLite file
    (no tables yet, as a concurrent first run leaves it) may still be migrated."""
    hint = "pass a database written by `parallax ingest` or `parallax run`, or a new path"
    if Path(path).is_dir():
        raise NotADatabase(f"--db {path} is a folder, not a parallax database", hint)
    with Path(path).open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        what = "an empty file" if not header else "not a SQLite file"
        raise NotADatabase(f"--db {path} is {what}, not a parallax database", hint)
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise NotADatabase(f"--db {path} cannot be read as a SQLite database: {exc}", hint) from exc
    if not (version >= 1 and "articles" in tables) and not (new_ok and not tables and version == 0):
        raise NotADatabase(f"--db {path} is a SQLite file but not a parallax database "
                           f"(tables: {', '.join(sorted(tables)) or 'none'})", hint)


class SQLiteStore:
    """Articles, mentions, incidents, rejects and runs in relational tables anyone can open."""

    def __init__(self, path: Path, timeout: float = BUSY_TIMEOUT_SECONDS) -> None:
        self.path = Path(path)
        self._conn = connect(self.path, timeout)
        try:
            migrate(self._conn)
        except sqlite3.Error as exc:
            self._conn.close()
            raise StoreError(f"cannot migrate database {path}: {exc}",
                             "is it a parallax database? try another --db path") from exc

    # -- transactions ----------------------------------------------------------------------------

    @contextmanager
    def _transaction(self, begin: str) -> Iterator[sqlite3.Connection]:
        try:
            self._conn.execute(begin)
        except sqlite3.Error as exc:
            raise StoreError(f"database {self.path} is busy: {exc}",
                             "another process holds it; retry when it has finished") from exc
        try:
            yield self._conn
            self._conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise StoreError(f"database {self.path}: {exc}", _hint(exc)) from exc
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        # SQLite rolls back by itself after some errors (disk full, I/O); a second ROLLBACK would
        # hide the real error behind "no transaction is active".
        if self._conn.in_transaction:
            self._conn.execute("ROLLBACK")

    def _write(self):
        # IMMEDIATE takes the write lock up front, so two writers queue on busy_timeout instead
        # of failing halfway when a read lock cannot be upgraded.
        return self._transaction("BEGIN IMMEDIATE")

    def _read(self):
        # One snapshot for the several SELECTs that rebuild a record.
        return self._transaction("BEGIN")

    # -- articles --------------------------------------------------------------------------------

    def add_articles(self, articles: Iterable[Article]) -> list[str]:
        added: list[str] = []
        with self._write() as db:
            seq = db.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()[0]
            for article in articles:
                row = codecs.article_row(article, seq + 1)
                if _insert(db, "articles", row, conflict="OR IGNORE").rowcount == 1:
                    added.append(article.id)
                    seq += 1
        return added

    def has_article(self, article_id: str) -> bool:
        return self._conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def get_article(self, article_id: str) -> Article | None:
        row = self._conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return codecs.article_from(row) if row else None

    def articles(self) -> list[Article]:
        return [codecs.article_from(r) for r in self._conn.execute("SELECT * FROM articles ORDER BY seq")]

    # -- mentions --------------------------------------------------------------------------------

    def replace_mentions(self, article_id: str, mentions: Iterable[EventMention]) -> None:
        """The article's extraction output replaces the old one; incidents linking to the old
        mentions lose those links until the next save_incidents."""
        mentions = list(mentions)
        for mention in mentions:
            codecs.require_same_article(mention, article_id)
        with self._write() as db:
            _store_mentions(db, article_id, mentions)

    def add_extracted(self, results: Iterable[tuple[Article, Sequence[EventMention]]]) -> list[str]:
        """Articles and their extraction output in ONE transaction, so a crash never leaves an
        article stored without its mentions being marked; returns the ids newly added."""
        added: list[str] = []
        with self._write() as db:
            seq = db.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()[0]
            for article, mentions in results:
                for mention in mentions:
                    codecs.require_same_article(mention, article.id)
                if _insert(db, "articles", codecs.article_row(article, seq + 1), conflict="OR IGNORE").rowcount:
                    added.append(article.id)
                    seq += 1
                _store_mentions(db, article.id, mentions)
        return added

    def extracted_ids(self, article_ids: Iterable[str]) -> set[str]:
        """Those of `article_ids` stored with their extraction output (a re-run skips them)."""
        ids = list(article_ids)
        found: set[str] = set()
        for start in range(0, len(ids), 500):  # SQLite caps the number of bound parameters
            chunk = ids[start:start + 500]
            marks = ", ".join("?" for _ in chunk)
            found.update(r[0] for r in self._conn.execute(
                f"SELECT id FROM articles WHERE extracted IS NOT NULL AND id IN ({marks})", chunk))
        return found

    def unextracted_articles(self) -> Iterator[Article]:
        """Articles stored but never extracted (a run that died midway), oldest first, streamed."""
        seq = 0
        while True:
            rows = self._conn.execute("SELECT * FROM articles WHERE extracted IS NULL AND seq > ? "
                                      "ORDER BY seq LIMIT 100", (seq,)).fetchall()
            if not rows:
                return
            seq = rows[-1]["seq"]
            yield from (codecs.article_from(r) for r in rows)

    def eventless_articles(self) -> list[tuple[str, str]]:
        rows = self._conn.execute(
            "SELECT id, source FROM articles WHERE extracted IS NOT NULL AND NOT EXISTS "
            "(SELECT 1 FROM mentions WHERE mentions.article_id = articles.id) ORDER BY seq")
        return [(row["id"], row["source"]) for row in rows]

    def mentions(self) -> list[EventMention]:
        with self._read() as db:
            return list(_load_mentions(db).values())

    # -- incidents -------------------------------------------------------------------------------

    def save_incidents(self, incidents: Iterable[Incident]) -> None:
        """Replace every incident; their follow-up links are worked out again at the next resolution."""
        with self._write() as db:
            db.execute("DELETE FROM incidents")
            for seq, incident in enumerate(incidents):
                _insert_incident(db, incident, seq)
            follow_ups.requeue_all(db)

    def incidents(self) -> list[Incident]:
        with self._read() as db:
            mentions = _load_mentions(db)
            links = _grouped(db.execute("SELECT * FROM incident_mentions ORDER BY incident_id, seq"),
                             "incident_id")
            rows = db.execute("SELECT * FROM incidents ORDER BY seq").fetchall()
            parts = resolution.load_parts(db)
        return [resolution.with_parts(
                    codecs.incident_from(r, [mentions[link["mention_id"]] for link in links.get(r["id"], [])]),
                    r, parts)
                for r in rows]

    # -- incremental resolution (parallax.resolve.incremental) -------------------------------------

    def add_match_keys(self, keys: Iterable[tuple[str, str]]) -> None:
        with self._write() as db:
            resolution.add_keys(db, keys)

    def mentions_under_keys(self, keys: Iterable[str]) -> dict[str, set[str]]:
        with self._read() as db:
            return resolution.mentions_under(db, keys)

    def pending_mentions(self) -> list[EventMention]:
        with self._read() as db:
            return list(_load_mentions(db, resolution.pending_mention_ids(db)).values())

    def mentions_by_id(self, ids: Iterable[str]) -> dict[str, EventMention]:
        with self._read() as db:
            return _load_mentions(db, sorted(set(ids)))

    def published_dates(self, article_ids: Iterable[str]) -> dict[str, datetime | None]:
        with self._read() as db:
            found = resolution.published_of(db, article_ids)
        return {k: datetime.fromisoformat(v) if v else None for k, v in found.items()}

    def add_match_links(self, links: Iterable[MatchLink]) -> None:
        with self._write() as db:
            resolution.add_links(db, links)

    def match_links_of(self, mention_ids: Iterable[str]) -> list[MatchLink]:
        with self._read() as db:
            return resolution.links_of(db, mention_ids)

    def incidents_of_mentions(self, mention_ids: Iterable[str]) -> dict[str, set[str]]:
        with self._read() as db:
            return resolution.incidents_of(db, mention_ids)

    def replace_incidents(self, removed: Iterable[str], incidents: Iterable[Incident],
                          events: Iterable[ResolutionEvent] = ()) -> None:
        with self._write() as db:
            removed = list(removed)
            db.executemany("DELETE FROM incidents WHERE id = ?", ((i,) for i in removed))
            seq = db.execute("SELECT coalesce(max(seq), -1) FROM incidents").fetchone()[0]
            written = []
            for offset, incident in enumerate(incidents, start=1):
                db.execute("DELETE FROM incidents WHERE id = ?", (incident.id,))
                _insert_incident(db, incident, seq + offset)
                written.append(incident.id)
            resolution.log_events(db, events)
            follow_ups.queue(db, [*removed, *written])  # until their follow-up links are written

    def drop_empty_incidents(self) -> list[str]:
        """Remove incidents left without mentions (their article was extracted again); their ids."""
        with self._write() as db:
            gone = [r[0] for r in db.execute("SELECT id FROM incidents i WHERE NOT EXISTS "
                                             "(SELECT 1 FROM incident_mentions l WHERE l.incident_id = i.id)")]
            db.executemany("DELETE FROM incidents WHERE id = ?", ((i,) for i in gone))
            follow_ups.queue(db, gone)
        return gone

    def stale_incidents(self) -> dict[str, set[str]]:
        """Incidents one of whose articles was extracted again -> the mention ids they still hold."""
        with self._read() as db:
            rows = db.execute("SELECT i.id, l.mention_id FROM incidents i JOIN incident_mentions l "
                              "ON l.incident_id = i.id WHERE i.stale = 1")
            found: dict[str, set[str]] = defaultdict(set)
            for incident_id, mention_id in rows:
                found[incident_id].add(mention_id)
        return dict(found)

    # -- follow-up stories (parallax.resolve.stored_follow_ups) --------------------------------

    def follow_up_traits(self, incident_ids: Iterable[str]) -> dict[str, str]:
        with self._read() as db:
            return follow_ups.traits_of(db, incident_ids)

    def write_follow_up_traits(self, removed: Iterable[str], rows: Mapping[str, tuple[str, Iterable[str]]]) -> None:
        with self._write() as db:
            follow_ups.write_traits(db, removed, rows)

    def incidents_under_follow_up_keys(self, keys: Iterable[str]) -> dict[str, set[str]]:
        with self._read() as db:
            return follow_ups.incidents_under(db, keys)

    def replace_follow_ups(self, incident_ids: Iterable[str], removed: Iterable[str],
                           links: Iterable[FollowUp]) -> None:
        with self._write() as db:
            follow_ups.replace_links(db, incident_ids, removed, links)

    def follow_ups(self) -> list[FollowUp]:
        with self._read() as db:
            return follow_ups.links(db)

    def follow_up_pending(self) -> list[str]:
        with self._read() as db:
            return follow_ups.pending(db)

    def mention_ids_of_incidents(self, incident_ids: Iterable[str]) -> dict[str, list[str]]:
        with self._read() as db:
            return follow_ups.mention_ids_of(db, incident_ids)

    def mention_ids_of_articles(self, article_ids: Iterable[str]) -> list[str]:
        with self._read() as db:
            return follow_ups.mention_ids_of_articles(db, article_ids)

    def resolution_events(self) -> list[ResolutionEvent]:
        with self._read() as db:
            return resolution.events(db)

    def incident_counts(self) -> tuple[int, int]:
        """(incidents, incidents told by two or more articles)."""
        row = self._conn.execute(
            "SELECT count(*), coalesce(sum(n > 1), 0) FROM (SELECT i.id, count(DISTINCT m.article_id) AS n "
            "FROM incidents i LEFT JOIN incident_mentions l ON l.incident_id = i.id "
            "LEFT JOIN mentions m ON m.id = l.mention_id GROUP BY i.id)").fetchone()
        return row[0], row[1]

    # -- rejects and runs ------------------------------------------------------------------------

    def add_rejected(self, rejected: Rejected | Iterable[Rejected]) -> None:
        """One item or many; an item already recorded (same source, code, reason) is kept once."""
        items = [rejected] if isinstance(rejected, Rejected) else list(rejected)
        with self._write() as db:
            for item in items:
                _insert(db, "rejected", codecs.rejected_row(item), conflict="OR IGNORE")

    def rejected(self) -> list[Rejected]:
        return [codecs.rejected_from(r) for r in self._conn.execute("SELECT * FROM rejected ORDER BY id")]

    def record_run(self, summary: RunSummary, started: datetime | None = None,
                   finished: datetime | None = None) -> None:
        finished = finished or datetime.now().astimezone()
        with self._write() as db:
            _insert(db, "runs", codecs.run_row(summary, started or finished, finished))

    def last_run(self) -> RunSummary | None:
        row = self._conn.execute("SELECT * FROM runs ORDER BY id DESC LIMIT 1").fetchone()
        return codecs.run_from(row) if row else None

    # -- zone alerts -----------------------------------------------------------------------------

    def add_alerts(self, alerts: Iterable[Alert]) -> None:
        with self._write() as db:
            seq = db.execute("SELECT coalesce(max(seq), 0) FROM alerts").fetchone()[0]
            for alert in alerts:
                seq += 1
                _insert(db, "alerts", codecs.alert_row(alert, seq), conflict="OR IGNORE")

    def alerts(self) -> list[Alert]:
        return [codecs.alert_from(r) for r in self._conn.execute("SELECT * FROM alerts ORDER BY seq")]

    # -- search ----------------------------------------------------------------------------------

    def search_articles(self, text: str, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        return search.search_articles(self._conn, text, limit, offset)

    # -- lifetime --------------------------------------------------------------------------------

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()


def open_store(path: Path) -> Store:
    """The default Store for a path: SQLite, created and migrated on first use."""
    return SQLiteStore(path)


def _insert(db: sqlite3.Connection, table: str, row: Mapping[str, object],
            conflict: str = "") -> sqlite3.Cursor:
    columns = ", ".join(f'"{c}"' for c in row)
    marks = ", ".join("?" for _ in row)
    return db.execute(f"INSERT {conflict} INTO {table} ({columns}) VALUES ({marks})", tuple(row.values()))


def _store_mentions(db: sqlite3.Connection, article_id: str, mentions: Sequence[EventMention]) -> None:
    db.execute("UPDATE incidents SET stale = 1 WHERE id IN (SELECT l.incident_id FROM incident_mentions l "
               "JOIN mentions m ON m.id = l.mention_id WHERE m.article_id = ?)", (article_id,))
    db.execute("DELETE FROM mentions WHERE article_id = ?", (article_id,))
    for seq, mention in enumerate(mentions):
        _insert_mention(db, mention, seq)
    db.execute("UPDATE articles SET extracted = ? WHERE id = ?", (codecs.now_iso(), article_id))


def _insert_incident(db: sqlite3.Connection, incident: Incident, seq: int) -> None:
    _insert(db, "incidents", codecs.incident_row(incident, seq) | resolution.incident_columns(incident))
    for link, mention in enumerate(incident.mentions):
        _insert(db, "incident_mentions", {"incident_id": incident.id, "mention_id": mention.id, "seq": link})
    resolution.insert_parts(db, incident)


def _insert_mention(db: sqlite3.Connection, mention: EventMention, seq: int) -> None:
    _insert(db, "mentions", codecs.mention_row(mention, seq))
    for index, actor in enumerate(mention.actors):
        _insert(db, "actors", codecs.actor_row(actor, mention.id, index))
    for index, claim in enumerate(mention.claims):
        _insert(db, "claims", codecs.claim_row(claim, mention.id, index))
        for part in codecs.part_rows(claim, mention.id):
            _insert(db, "claim_parts", part)


def _grouped(rows: Iterable[sqlite3.Row], key: str) -> dict[str, list[sqlite3.Row]]:
    groups: dict[str, list[sqlite3.Row]] = defaultdict(list)
    for row in rows:
        groups[row[key]].append(row)
    return groups


def _load_mentions(db: sqlite3.Connection, ids: list[str] | None = None) -> dict[str, EventMention]:
    """Every stored mention (or those with `ids`) by id, in article order then reading order, in
    four queries."""
    only, args = ("", ()) if ids is None else (" WHERE {} IN (SELECT value FROM json_each(?))",
                                               (json.dumps(ids),))
    actors = _grouped(db.execute(f"SELECT * FROM actors{only.format('mention_id')} ORDER BY mention_id, seq",
                                 args), "mention_id")
    claims = _grouped(db.execute(f"SELECT * FROM claims{only.format('mention_id')} ORDER BY mention_id, seq",
                                 args), "mention_id")
    parts = _grouped(db.execute(f"SELECT * FROM claim_parts{only.format('mention_id')} "
                                "ORDER BY mention_id, claim_id, seq", args), "mention_id")
    rows = db.execute("SELECT m.* FROM mentions m JOIN articles a ON a.id = m.article_id"
                      f"{only.format('m.id')} ORDER BY a.seq, m.seq", args)
    loaded = {}
    for row in rows:
        mention_id, article_id = row["id"], row["article_id"]
        found = [codecs.actor_from(a, article_id) for a in actors.get(mention_id, [])]
        told = [_claim(c, parts.get(mention_id, []), article_id) for c in claims.get(mention_id, [])]
        loaded[mention_id] = codecs.mention_from(row, found, told)
    return loaded


def _claim(row: sqlite3.Row, mention_parts: list[sqlite3.Row], article_id: str) -> Claim:
    parts = [codecs.part_from(p) for p in mention_parts if p["claim_id"] == row["id"]]
    return codecs.claim_from(row, parts, article_id)


# What a write raises for a record that cannot be stored; is_bad_record tells those apart from a
# busy, full or broken database, which no retry of other records would fix.
UNSTORABLE = (StoreError, OverflowError, UnicodeEncodeError)


def is_bad_record(exc: BaseException) -> bool:
    """True when the failed write was refused for what a record holds, not for the database's state."""
    if isinstance(exc, StoreError):
        return isinstance(exc.__cause__, (sqlite3.IntegrityError, sqlite3.InterfaceError,
                                          sqlite3.ProgrammingError))
    return isinstance(exc, (OverflowError, UnicodeEncodeError))


def _hint(exc: sqlite3.Error) -> str:
    if "FOREIGN KEY" in str(exc):
        return "store an incident's mentions (replace_mentions) and their articles (add_articles) first"
    if "UNIQUE" in str(exc):
        return "ids must be unique: a mention or incident id appears twice"
    return "check the database file; `sqlite3 FILE 'PRAGMA integrity_check'` tells whether it is sound"
