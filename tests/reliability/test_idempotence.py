"""Running twice on the same input changes nothing in the database (the runs log aside)."""

from __future__ import annotations

from parallax.pipeline import ingest_paths
from parallax.settings import Settings
from reliability.corpus import db_contents, write_corpus

from builders import EXAMPLES

SETTINGS = Settings(workers=1)


def test_second_run_on_the_same_input_changes_nothing(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", 12)
    db = tmp_path / "db.sqlite"
    first = ingest_paths([corpus, EXAMPLES], db, SETTINGS)
    before = db_contents(db)
    second = ingest_paths([corpus, EXAMPLES], db, SETTINGS)
    assert db_contents(db) == before
    assert first.new_articles > 12 and second.new_articles == 0
    assert second.duplicates == first.new_articles
    assert second.incidents == first.incidents and second.mentions == 0


def test_rejected_inputs_are_recorded_once_however_often_they_are_read(tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "blob.txt").write_bytes(b"\x00\x01\x02" * 100)
    (inputs / "bad.jsonl").write_text("{oops\n")
    db = tmp_path / "db.sqlite"
    for _ in range(2):
        summary = ingest_paths([inputs], db, SETTINGS)
        assert {r.code for r in summary.rejected} == {"binary", "malformed"}
    assert len(db_contents(db)["rejected"]) == 2
