"""The database schema as numbered migrations, applied in order and tracked in PRAGMA user_version.

Migration N (1-based) moves a file from user_version N-1 to N. Never edit a released migration:
append a new one (ALTER TABLE ... ADD COLUMN) so existing files upgrade in place.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence

from parallax.errors import StoreError

# Spans are stored as <prefix>_start/_end/_text/_sentence; a NULL start means "no span".
INITIAL = """
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    outlet TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    published TEXT,
    language TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    dateline TEXT NOT NULL DEFAULT '',
    dateline_end INTEGER NOT NULL DEFAULT 0,
    text TEXT NOT NULL,
    added TEXT NOT NULL
);

CREATE TABLE mentions (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    event_type TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    trigger_text TEXT NOT NULL,
    trigger_sentence TEXT NOT NULL,
    date_value TEXT,
    date_precision INTEGER,
    date_expression TEXT,
    weekday TEXT,
    date_start INTEGER, date_end INTEGER, date_text TEXT, date_sentence TEXT,
    place_name TEXT,
    country TEXT,
    country_name TEXT,
    admin1 TEXT,
    admin2 TEXT,
    latitude REAL,
    longitude REAL,
    geo_precision INTEGER,
    geonameid INTEGER,
    place_relation TEXT,
    place_start INTEGER, place_end INTEGER, place_text TEXT, place_sentence TEXT,
    sentences_json TEXT NOT NULL DEFAULT '[]',
    background INTEGER NOT NULL DEFAULT 0,
    outlet TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mentions_article ON mentions(article_id);

CREATE TABLE actors (
    mention_id TEXT NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    name TEXT NOT NULL,
    normalized TEXT NOT NULL,
    role TEXT NOT NULL,
    category TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL DEFAULT '',
    span_start INTEGER, span_end INTEGER, span_text TEXT, span_sentence TEXT,
    PRIMARY KEY (mention_id, seq)
);

CREATE TABLE claims (
    id TEXT NOT NULL,
    mention_id TEXT NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    measure TEXT NOT NULL,
    value_low INTEGER,
    value_high INTEGER,
    value_text TEXT NOT NULL,
    victim_group TEXT NOT NULL DEFAULT '',
    object_text TEXT NOT NULL DEFAULT '',
    speaker TEXT,
    speaker_normalized TEXT,
    speaker_kind TEXT,
    speaker_role TEXT,
    relay TEXT NOT NULL DEFAULT '',
    relay_json TEXT NOT NULL DEFAULT '[]',
    verb TEXT NOT NULL DEFAULT '',
    stance TEXT NOT NULL,
    hedged INTEGER NOT NULL DEFAULT 0,
    hedge TEXT NOT NULL DEFAULT '',
    negated INTEGER NOT NULL DEFAULT 0,
    scope TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    span_text TEXT NOT NULL,
    sentence TEXT NOT NULL,
    PRIMARY KEY (mention_id, id)
);
CREATE INDEX claims_article ON claims(article_id);
CREATE INDEX claims_id ON claims(id);

CREATE TABLE claim_parts (
    mention_id TEXT NOT NULL,
    claim_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    victim_group TEXT NOT NULL,
    value_low INTEGER,
    value_high INTEGER,
    value_text TEXT NOT NULL,
    PRIMARY KEY (mention_id, claim_id, seq),
    FOREIGN KEY (mention_id, claim_id) REFERENCES claims(mention_id, id) ON DELETE CASCADE
);

CREATE TABLE incidents (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    event_date TEXT,
    date_precision INTEGER,
    date_expression TEXT,
    weekday TEXT,
    date_article_id TEXT, date_start INTEGER, date_end INTEGER, date_text TEXT, date_sentence TEXT,
    event_type TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    actor1 TEXT NOT NULL DEFAULT '',
    actor2 TEXT NOT NULL DEFAULT '',
    location TEXT,
    country TEXT,
    country_name TEXT,
    admin1 TEXT,
    admin2 TEXT,
    latitude REAL,
    longitude REAL,
    geo_precision INTEGER,
    geonameid INTEGER,
    place_relation TEXT,
    place_article_id TEXT, place_start INTEGER, place_end INTEGER, place_text TEXT, place_sentence TEXT,
    fatalities_low INTEGER,
    fatalities_best INTEGER,
    fatalities_high INTEGER,
    rule TEXT NOT NULL DEFAULT '',
    contested INTEGER NOT NULL DEFAULT 0,
    notes TEXT NOT NULL DEFAULT '',
    notes_json TEXT NOT NULL DEFAULT '[]',
    background INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE incident_mentions (
    incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    mention_id TEXT NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    PRIMARY KEY (incident_id, mention_id)
);
CREATE INDEX incident_mentions_mention ON incident_mentions(mention_id);

CREATE TABLE rejected (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    code TEXT NOT NULL,
    reason TEXT NOT NULL,
    recorded TEXT NOT NULL,
    UNIQUE (source, code, reason)
);

CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT NOT NULL,
    read INTEGER NOT NULL,
    new_articles INTEGER NOT NULL,
    duplicates INTEGER NOT NULL,
    rejected INTEGER NOT NULL,
    rejected_json TEXT NOT NULL DEFAULT '[]',
    mentions INTEGER NOT NULL,
    claims INTEGER NOT NULL,
    incidents INTEGER NOT NULL,
    multi_source_incidents INTEGER NOT NULL
);
"""

# When an article's extraction output was stored; NULL = stored but never extracted (a run that
# died between the two), which the next run picks up. Articles that already had mentions count as
# extracted; one without mentions is re-extracted once, which changes nothing but time.
EXTRACTED = """
ALTER TABLE articles ADD COLUMN extracted TEXT;
UPDATE articles SET extracted = added WHERE id IN (SELECT article_id FROM mentions);
CREATE INDEX articles_unextracted ON articles(seq) WHERE extracted IS NULL;
"""

# Zone alerts (docs/zones.md): one row per alert raised when an ingest creates or updates an
# incident inside a zone in force. No foreign key to incidents: the incident set is replaced on
# every run, alerts are a log that outlives it.
ZONE_ALERTS = """
CREATE TABLE alerts (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    zone_id TEXT NOT NULL,
    zone_name TEXT NOT NULL,
    incident_id TEXT NOT NULL,
    change TEXT NOT NULL,
    status TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    raised TEXT NOT NULL,
    event_type TEXT NOT NULL DEFAULT '',
    event_date TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL DEFAULT '',
    actor1 TEXT NOT NULL DEFAULT '',
    actor2 TEXT NOT NULL DEFAULT '',
    fatalities_best INTEGER,
    n_sources INTEGER NOT NULL DEFAULT 0,
    delivery TEXT NOT NULL DEFAULT ''
);
CREATE INDEX alerts_zone_incident ON alerts(zone_id, incident_id, seq);
"""

# Full-text search over articles (the web app's search): an FTS5 index whose content is the
# articles table itself (no second copy of the text), keyed on articles.seq, which is unique and,
# unlike the implicit rowid of a TEXT-keyed table, survives VACUUM. Triggers keep it in step.
ARTICLE_SEARCH = """
CREATE INDEX IF NOT EXISTS articles_seq ON articles(seq);
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, outlet, content='articles', content_rowid='seq',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text, outlet) VALUES (new.seq, new.title, new.text, new.outlet);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text, outlet)
    VALUES ('delete', old.seq, old.title, old.text, old.outlet);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF seq, title, text, outlet ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text, outlet)
    VALUES ('delete', old.seq, old.title, old.text, old.outlet);
    INSERT INTO articles_fts(rowid, title, text, outlet) VALUES (new.seq, new.title, new.text, new.outlet);
END;
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
"""

# Incremental resolution (docs/reconciliation.md): the blocking keys each mention is indexed under,
# the scored pairs above the threshold, the links that joined each incident, a log of merges and
# splits, and the reconciliation of each incident (grade, contradictions, omissions).
RESOLUTION = """
CREATE TABLE mention_keys (
    key TEXT NOT NULL,
    mention_id TEXT NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
    PRIMARY KEY (key, mention_id)
) WITHOUT ROWID;
CREATE INDEX mention_keys_mention ON mention_keys(mention_id);
CREATE TABLE match_links (
    mention_a TEXT NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
    mention_b TEXT NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
    article_a TEXT NOT NULL,
    article_b TEXT NOT NULL,
    score REAL NOT NULL,
    evidence_json TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (mention_a, mention_b)
);
CREATE INDEX match_links_b ON match_links(mention_b);
CREATE TABLE incident_links (
    incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    mention_a TEXT NOT NULL,
    mention_b TEXT NOT NULL,
    article_a TEXT NOT NULL,
    article_b TEXT NOT NULL,
    score REAL NOT NULL,
    evidence_json TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (incident_id, seq)
);
CREATE TABLE resolution_log (
    id INTEGER PRIMARY KEY,
    recorded TEXT NOT NULL,
    kind TEXT NOT NULL,
    incident_id TEXT NOT NULL,
    previous_json TEXT NOT NULL DEFAULT '[]',
    mention_ids_json TEXT NOT NULL DEFAULT '[]',
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX resolution_log_incident ON resolution_log(incident_id);
CREATE TABLE contradictions (
    incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    value_a TEXT NOT NULL,
    value_b TEXT NOT NULL,
    speaker_a TEXT NOT NULL,
    speaker_b TEXT NOT NULL,
    a_article_id TEXT, a_start INTEGER, a_end INTEGER, a_text TEXT, a_sentence TEXT,
    b_article_id TEXT, b_start INTEGER, b_end INTEGER, b_text TEXT, b_sentence TEXT,
    PRIMARY KEY (incident_id, seq)
);
CREATE TABLE omissions (
    incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    outlet TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL,
    fact TEXT NOT NULL,
    reported_by TEXT NOT NULL DEFAULT '[]',
    span_article_id TEXT, span_start INTEGER, span_end INTEGER, span_text TEXT, span_sentence TEXT,
    PRIMARY KEY (incident_id, seq)
);
ALTER TABLE incidents ADD COLUMN grade TEXT NOT NULL DEFAULT '';
ALTER TABLE incidents ADD COLUMN type_confidence REAL;
ALTER TABLE incidents ADD COLUMN independent_sources INTEGER;
ALTER TABLE incidents ADD COLUMN reconciliation_json TEXT NOT NULL DEFAULT '';
"""

# Claims: when a rising toll's figure held ("by Tuesday evening").
CLAIM_TIME = """
ALTER TABLE claims ADD COLUMN claim_time TEXT NOT NULL DEFAULT '';
"""

# Incremental resolution appends incidents after the highest seq: an index keeps that lookup
# from scanning the whole table on every added article.
INCIDENT_SEQ = """
CREATE INDEX IF NOT EXISTS incidents_seq ON incidents(seq);
"""

# Runs: how many zone alerts each raised (RunSummary.alerts).
RUN_ALERTS = """
ALTER TABLE runs ADD COLUMN alerts INTEGER NOT NULL DEFAULT 0;
"""

# Incidents one of whose articles was extracted again: their reconciliation is stale until
# resolution rebuilds them (parallax.resolve.incremental.resolve_pending).
STALE_INCIDENTS = """
ALTER TABLE incidents ADD COLUMN stale INTEGER NOT NULL DEFAULT 0;
"""

# Incidents: the killed and injured their reports give, counted per article (Incident.reported,
# parallax.reconcile.tolls); NULL when no report gives the measure.
REPORTED_TOLL = """
ALTER TABLE incidents ADD COLUMN reported_killed INTEGER;
ALTER TABLE incidents ADD COLUMN reported_injured INTEGER;
"""

# Spans: which of the article's texts the offsets index, "text" (the body) or "title" (the headline,
# read for claims: parallax.extract.claims.extract_title_claims); NULL rows read as "text".
SPAN_FIELD = """
ALTER TABLE mentions ADD COLUMN trigger_field TEXT;
ALTER TABLE mentions ADD COLUMN date_field TEXT;
ALTER TABLE mentions ADD COLUMN place_field TEXT;
ALTER TABLE actors ADD COLUMN span_field TEXT;
ALTER TABLE claims ADD COLUMN span_field TEXT;
ALTER TABLE incidents ADD COLUMN date_field TEXT;
ALTER TABLE incidents ADD COLUMN place_field TEXT;
ALTER TABLE contradictions ADD COLUMN a_field TEXT;
ALTER TABLE contradictions ADD COLUMN b_field TEXT;
ALTER TABLE omissions ADD COLUMN span_field TEXT;
"""

# Follow-up stories linked to the incident they refer to (parallax.resolve.follow_ups), kept up to
# date as incidents change (parallax.resolve.stored_follow_ups): what each incident's articles tell
# (people, sites, follow-up words, day: traits_json), the names it is indexed under, and the links.
# Incidents stored before this migration are queued in follow_up_pending and linked at the next
# resolution.
FOLLOW_UPS = """
CREATE TABLE follow_up_traits (
    incident_id TEXT PRIMARY KEY,
    traits_json TEXT NOT NULL
);
CREATE TABLE follow_up_keys (
    key TEXT NOT NULL,
    incident_id TEXT NOT NULL,
    PRIMARY KEY (key, incident_id)
) WITHOUT ROWID;
CREATE INDEX follow_up_keys_incident ON follow_up_keys (incident_id);
CREATE TABLE follow_ups (
    incident_id TEXT PRIMARY KEY,
    event_incident_id TEXT NOT NULL,
    evidence_json TEXT NOT NULL
);
CREATE INDEX follow_ups_event ON follow_ups (event_incident_id);
CREATE TABLE follow_up_pending (
    incident_id TEXT PRIMARY KEY
);
INSERT INTO follow_up_pending (incident_id) SELECT id FROM incidents;
"""

MIGRATIONS: tuple[str, ...] = (INITIAL, EXTRACTED, ZONE_ALERTS, ARTICLE_SEARCH, RESOLUTION, CLAIM_TIME,
                               INCIDENT_SEQ, RUN_ALERTS, STALE_INCIDENTS, REPORTED_TOLL, SPAN_FIELD, FOLLOW_UPS)


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def statements(script: str) -> Iterator[str]:
    """Split a script into statements, so they run inside our own transaction (executescript
    would commit first)."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending.strip()
            pending = ""
    if pending.strip():
        raise StoreError(f"incomplete SQL statement in a migration: {pending.strip()[:60]}",
                         "end every statement of a migration with a semicolon")


def migrate(conn: sqlite3.Connection, migrations: Sequence[str] = MIGRATIONS) -> int:
    """Apply the migrations a file lacks, each in its own write transaction; returns the version.

    The version is re-read under the write lock so two processes opening a fresh file at once
    do not both apply the same migration.
    """
    current = schema_version(conn)
    _refuse_newer(current, len(migrations))
    if current == len(migrations):
        return current  # an up-to-date file is opened without taking the write lock
    for target, script in enumerate(migrations, start=1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if schema_version(conn) < target:
                for statement in statements(script):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {target:d}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return schema_version(conn)


def _refuse_newer(current: int, known: int) -> None:
    if current > known:
        raise StoreError(f"database schema version {current} is newer than this parallax knows ({known})",
                         "upgrade parallax, or use a database written by this version")
