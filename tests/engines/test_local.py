"""The local engine: streaming, worker processes, incremental re-runs and crash pick-up."""

from __future__ import annotations

import shutil
from dataclasses import replace
from itertools import count, islice

import pytest

from parallax.engines.local import extract_articles, worker_count
from parallax.ingest.ids import content_id
from parallax.pipeline import ingest_paths
from parallax.schema import Article
from parallax.settings import Settings
from parallax.store.sqlite import open_store

from builders import EXAMPLES

SEEDS = ("000_2b680c7acdd794e0.txt", "003_e687d20cb4895ef2.txt")
ONE_WORKER = Settings(workers=1)


def _wire(n: int) -> Article:
    text = (f"MOGADISHU - A roadside bomb killed {n % 9 + 2} soldiers near Afgoye on Tuesday, "
            "a district official told reporters.")
    return Article(content_id(text), text, source=f"generated:{n}", language="en")


def _copy(names, folder):
    folder.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(EXAMPLES / name, folder / name)
    return folder


def test_workers_zero_means_one_per_core():
    assert worker_count(Settings(workers=0)) >= 1
    assert worker_count(Settings(workers=3)) == 3


def test_extraction_streams_without_reading_the_whole_input():
    # an endless input: the first result must come back after reading about one batch
    read = count()
    endless = (_wire(next(read)) for _ in iter(int, 1))
    first = list(islice(extract_articles(endless, replace(ONE_WORKER, batch_size=4)), 2))
    assert [a.source for a, _ in first] == ["generated:0", "generated:1"]
    assert next(read) <= 16


def test_pool_streams_in_input_order_with_bounded_reading():
    read = count()
    endless = (_wire(next(read)) for _ in iter(int, 1))
    results = list(islice(extract_articles(endless, Settings(workers=2, batch_size=3)), 7))
    assert [a.source for a, _ in results] == [f"generated:{n}" for n in range(7)]
    assert all(mentions and mentions[0].article_id == a.id for a, mentions in results)
    assert next(read) <= 3 * 2 * 2 + 3 * 3  # in-flight batches plus the ones already returned


def test_rerun_processes_only_new_articles(tmp_path):
    inputs = _copy(SEEDS[:1], tmp_path / "in")
    db = tmp_path / "p.sqlite"
    first = ingest_paths([inputs], db, ONE_WORKER)
    assert (first.new_articles, first.duplicates) == (1, 0)
    _copy(SEEDS[1:], inputs)
    second = ingest_paths([inputs], db, ONE_WORKER)
    assert (second.read, second.new_articles, second.duplicates) == (2, 1, 1)
    assert second.multi_source_incidents >= 1  # the al-Tanf strike now has both seeds
    third = ingest_paths([inputs], db, ONE_WORKER)
    assert (third.new_articles, third.duplicates, third.mentions) == (0, 2, 0)


def test_article_stored_but_never_extracted_is_picked_up(tmp_path):
    # what a run killed between storing and extracting leaves behind (regression: such articles
    # were skipped forever, since a re-run only looked at whether the article was stored)
    db = tmp_path / "p.sqlite"
    orphan = _wire(1)
    with open_store(db) as store:
        store.add_articles([orphan])
    summary = ingest_paths([_copy(SEEDS[:1], tmp_path / "in")], db, ONE_WORKER)
    assert summary.new_articles == 2
    with open_store(db) as store:
        assert any(m.article_id == orphan.id for m in store.mentions())
        assert list(store.unextracted_articles()) == []


def test_pool_gives_the_same_incidents_as_one_process(tmp_path):
    inputs = _copy(SEEDS, tmp_path / "in")
    shutil.copytree(EXAMPLES / "wire", inputs / "wire")
    alone = ingest_paths([inputs], tmp_path / "one.sqlite", ONE_WORKER)
    pooled = ingest_paths([inputs], tmp_path / "two.sqlite", Settings(workers=2, batch_size=2,
                                                                       commit_every=3))
    assert alone == pooled
    with open_store(tmp_path / "one.sqlite") as one, open_store(tmp_path / "two.sqlite") as two:
        assert one.incidents() == two.incidents()


@pytest.mark.parametrize("name", ["dask", ""])
def test_unknown_engine_is_refused_with_the_choices(tmp_path, name):
    from parallax.errors import SettingsError
    with pytest.raises(SettingsError, match="local"):
        ingest_paths([EXAMPLES / SEEDS[0]], tmp_path / "p.sqlite", Settings(engine=name))


def test_a_small_run_with_automatic_workers_stays_in_process(monkeypatch):
    import parallax.engines.local as local
    monkeypatch.setattr(local, "worker_count", lambda settings: 2)
    monkeypatch.setattr(local, "_extract_in_pool", lambda *a: pytest.fail("a pool for 3 articles"))
    found = list(extract_articles((_wire(n) for n in range(3)), Settings(workers=0, batch_size=2)))
    assert [a.source for a, _ in found] == ["generated:0", "generated:1", "generated:2"]


def test_a_large_run_with_automatic_workers_uses_the_pool(monkeypatch):
    import parallax.engines.local as local
    monkeypatch.setattr(local, "worker_count", lambda settings: 2)
    monkeypatch.setattr(local, "_extract_in_pool", lambda articles, s, w: ((a, []) for a in articles))
    found = list(extract_articles((_wire(n) for n in range(9)), Settings(workers=0, batch_size=2)))
    assert [a.source for a, _ in found] == [f"generated:{n}" for n in range(9)]
    assert all(mentions == [] for _, mentions in found)  # came from the (stubbed) pool


def test_the_loaded_tools_are_out_of_the_collectors_reach():
    import gc

    from parallax.engines.local import process_tools
    nlp, knowledge = process_tools(Settings())
    assert gc.get_freeze_count() > 0
    assert all(o is not knowledge.gazetteer for o in gc.get_objects())  # frozen: never scanned
