"""kill -9 during a long ingest, run again: the same database as one uninterrupted run.

The contract for the pipeline and store: an article and its mentions commit together, and a
rerun picks up whatever a killed run had not finished, so nothing is lost or stored twice.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reliability.corpus import db_contents, write_corpus

ARTICLES = 60
# One process, small commits: the kill lands between commits of a run that is far from done.
CONFIG = "[parallax]\nworkers = 1\ncommit_every = 2\nbatch_size = 2\n"
PARALLAX = [sys.executable, "-m", "parallax.cli"]


def _ingest(corpus: Path, db: Path, config: Path) -> subprocess.Popen:
    return subprocess.Popen([*PARALLAX, "--config", str(config), "ingest", str(corpus), "--db", str(db)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _stored_articles(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:  # not created or not migrated yet
        return 0


def _kill_midway(process: subprocess.Popen, db: Path, after: int, timeout: float = 240) -> int:
    """SIGKILL the run once `after` articles are stored; the number stored at that moment."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        stored = _stored_articles(db)
        if stored >= after:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
            return stored
        time.sleep(0.02)
    pytest.fail(f"the run ended (exit {process.poll()}) before {after} articles were stored")


def _finish(process: subprocess.Popen) -> None:
    _, err = process.communicate(timeout=600)
    assert process.returncode == 0, err.decode(errors="replace")


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """(interrupted-then-rerun database, uninterrupted database, articles stored at the kill)."""
    root = tmp_path_factory.mktemp("crash")
    corpus = write_corpus(root / "corpus", ARTICLES)
    config = root / "settings.toml"
    config.write_text(CONFIG)
    killed, clean = root / "killed.sqlite", root / "clean.sqlite"
    uninterrupted = _ingest(corpus, clean, config)  # the two first runs share the 2 cores
    stored_at_kill = _kill_midway(_ingest(corpus, killed, config), killed, after=10)
    _finish(_ingest(corpus, killed, config))
    _finish(uninterrupted)
    return killed, clean, stored_at_kill


def test_kill_happened_mid_run(runs):
    _, _, stored_at_kill = runs
    assert 0 < stored_at_kill < ARTICLES


def test_rerun_after_sigkill_equals_an_uninterrupted_run(runs):
    killed, clean, _ = runs
    after_kill, reference = db_contents(killed), db_contents(clean)
    assert len(reference["articles"]) == ARTICLES and reference["mentions"] and reference["incidents"]
    for table in reference:
        assert after_kill[table] == reference[table], f"table {table} differs"


def test_nothing_is_stored_twice_after_the_kill(runs):
    killed, _, _ = runs
    with sqlite3.connect(killed) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for table, key in (("articles", "id"), ("mentions", "id"), ("incidents", "id"),
                           ("incident_mentions", "mention_id")):
            rows, distinct = conn.execute(f"SELECT count(*), count(DISTINCT {key}) FROM {table}").fetchone()
            assert rows == distinct, table
