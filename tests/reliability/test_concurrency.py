"""Reading while another process ingests: readers see whole incidents, never half of one."""

from __future__ import annotations

import subprocess
import sys
import time

from parallax.pipeline import ingest_paths
from parallax.reconcile.incident import reconcile_incident
from parallax.report.html import render_report
from parallax.settings import Settings
from parallax.store.sqlite import SQLiteStore
from reliability.corpus import write_corpus

CONFIG = "[parallax]\nworkers = 1\ncommit_every = 1\nbatch_size = 2\n"


def _check_whole(store: SQLiteStore) -> int:
    """Read incidents and articles as a report would; every incident must be complete."""
    incidents = store.incidents()
    articles = {a.id: a for a in store.articles()}
    for incident in incidents:
        assert incident.mentions, f"incident {incident.id} read without its mentions"
        assert set(incident.article_ids) <= set(articles), f"incident {incident.id} lacks an article"
        # The stored figures are those of the mentions read with them: no half-applied update.
        again = reconcile_incident(incident.id, list(incident.mentions)).fatalities
        assert again == incident.fatalities, f"incident {incident.id}: figures and mentions disagree"
    linked = [m.id for incident in incidents for m in incident.mentions]
    assert len(linked) == len(set(linked)), "a mention read in two incidents at once"
    render_report(incidents, articles)
    return len(incidents)


def test_readers_see_whole_incidents_while_an_ingest_runs(tmp_path):
    first, second = write_corpus(tmp_path / "a", 8), write_corpus(tmp_path / "b", 32, start=8)
    db, config = tmp_path / "db.sqlite", tmp_path / "settings.toml"
    config.write_text(CONFIG)
    ingest_paths([first], db, Settings(workers=1))
    writer = subprocess.Popen([sys.executable, "-m", "parallax.cli", "--config", str(config),
                               "ingest", str(second), "--db", str(db)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    counts = []
    with SQLiteStore(db) as reader:
        while writer.poll() is None:
            counts.append(_check_whole(reader))
            time.sleep(0.01)
        _, err = writer.communicate()
        assert writer.returncode == 0, err.decode(errors="replace")
        final = _check_whole(reader)
    assert len(counts) > 3, "the reader should have read several times during the ingest"
    assert counts[0] > 0 and final > counts[0]
