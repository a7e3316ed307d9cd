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


OPINION = ("The city council met on Tuesday to discuss the budget for next year. Members argued "
           "about the cost of new parks and the repair of old roads, and agreed to meet again.")


def test_article_with_no_event_is_stored_and_recorded_as_no_event_once(tmp_path):
    inputs = write_corpus(tmp_path / "inputs", 2)
    (inputs / "council.txt").write_text(OPINION)
    db = tmp_path / "db.sqlite"
    first = ingest_paths([inputs], db, SETTINGS)
    assert [(r.source, r.code) for r in first.rejected] == [(str(inputs / "council.txt"), "no_event")]
    assert first.new_articles == 3
    second = ingest_paths([inputs], db, SETTINGS)
    assert not second.rejected  # already stored: nothing new to say about it
    assert [r[1:3] for r in db_contents(db)["rejected"]] == [(str(inputs / "council.txt"), "no_event")]


def test_an_article_whose_extraction_raises_is_recorded_and_retried_not_stored(tmp_path, monkeypatch):
    """Regression: one article that crashed an extractor (a 60-digit figure) stopped the run."""
    import parallax.pipeline as pipeline
    inputs = write_corpus(tmp_path / "inputs", 4)
    real = pipeline.analyse_doc

    def fragile(doc, article, knowledge):
        if article.source.endswith("0002.txt"):
            raise OverflowError("Python int too large to convert to SQLite INTEGER")
        return real(doc, article, knowledge)

    monkeypatch.setattr(pipeline, "analyse_doc", fragile)
    db = tmp_path / "db.sqlite"
    summary = ingest_paths([inputs], db, SETTINGS)
    assert summary.new_articles == 3
    [failed] = summary.rejected
    assert failed.code == "extract_error" and failed.source.endswith("0002.txt")
    assert "OverflowError" in failed.reason
    monkeypatch.setattr(pipeline, "analyse_doc", real)  # the bug is fixed: the rerun extracts it
    assert ingest_paths([inputs], db, SETTINGS).new_articles == 1


def test_an_article_whose_records_cannot_be_stored_is_recorded_and_the_batch_kept(tmp_path, monkeypatch):
    """An extractor bug that gives two mentions one id fails the batch's transaction (UNIQUE):
    the batch is stored article by article and only the bad one is left out, as store_error."""
    from dataclasses import replace

    import parallax.pipeline as pipeline
    inputs = write_corpus(tmp_path / "inputs", 4)
    real = pipeline.analyse_doc

    def twin_ids(doc, article, knowledge):
        found = real(doc, article, knowledge)
        if article.source.endswith("0001.txt") and found:
            return [found[0], replace(found[0], trigger=replace(found[0].trigger, start=1))]
        return found

    monkeypatch.setattr(pipeline, "analyse_doc", twin_ids)
    db = tmp_path / "db.sqlite"
    summary = ingest_paths([inputs], db, SETTINGS)
    [failed] = summary.rejected
    assert failed.code == "store_error" and failed.source.endswith("0001.txt")
    assert summary.new_articles == 3 and len(db_contents(db)["articles"]) == 3
