"""The Spark engine in local[2] mode: the same incidents as the local engine on examples/, and
bad articles recorded as the local engine records them."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest

pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("Spark needs Java 17 (apt-get install openjdk-17-jre-headless)", allow_module_level=True)

import parallax.engines.spark as spark_engine  # noqa: E402
from parallax.engines.spark import spark_incidents  # noqa: E402
from parallax.pipeline import ingest_paths  # noqa: E402
from parallax.settings import Settings  # noqa: E402
from parallax.store.sqlite import open_store  # noqa: E402

from builders import EXAMPLES  # noqa: E402

SPARK = Settings(engine="spark", spark_master="local[2]")
SEED = "000_2b680c7acdd794e0.txt"


def _groups(incidents):
    return sorted((i.id, tuple(sorted(m.id for m in i.mentions))) for i in incidents)


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    root = tmp_path_factory.mktemp("engines")
    for name in ("local", "spark"):
        (root / name).mkdir()
    local = ingest_paths([EXAMPLES], root / "local" / "p.sqlite", Settings(workers=1))
    # two Spark runs: one seed first, then the rest, so resolution must join the runs' parts
    (root / "first").mkdir()
    shutil.copy(EXAMPLES / SEED, root / "first" / SEED)
    ingest_paths([root / "first"], root / "spark" / "p.sqlite", SPARK)
    spark = ingest_paths([EXAMPLES], root / "spark" / "p.sqlite", SPARK)
    return root, local, spark


def test_spark_finds_the_same_incidents_as_the_local_engine(runs):
    root, local, spark = runs
    assert (spark.new_articles, spark.duplicates) == (local.new_articles - 1, 1)
    with open_store(root / "local" / "p.sqlite") as one, open_store(root / "spark" / "p.sqlite") as two:
        expected = one.incidents()
        assert _groups(two.incidents()) == _groups(expected)
    # resolved on the cluster, by blocking key, written as Parquet
    assert _groups(spark_incidents(root / "spark" / "spark" / "incidents.parquet")) == _groups(expected)


def test_spark_rerun_extracts_nothing_new(runs, capsys):
    root, local, first = runs
    again = ingest_paths([EXAMPLES], root / "spark" / "p.sqlite", replace(SPARK))
    # a new user's Spark run printed nothing for five minutes: each stage says what it is doing
    assert "spark: no new article to extract" in capsys.readouterr().err
    assert (again.new_articles, again.duplicates) == (0, local.new_articles)
    assert again.incidents == first.incidents


MOGADISHU = ("MOGADISHU, March 3 (Wire) - A car bomb killed four people outside a police station in "
             "the Somali capital on Sunday, a police officer said.")
FRENCH = ("BAMAKO - Une attaque contre un poste militaire a fait six morts dimanche dans le centre du "
          "Mali, a indiqué l'armée malienne dans un communiqué.")
REAL_EXTRACTOR = spark_engine._extractor


def _fragile_extractor(settings):
    """The engine's extractor with an extraction bug on the Mogadishu article. The bug is set
    inside the Spark worker: a monkeypatch in the test's process never reaches it."""
    real = REAL_EXTRACTOR(settings)

    def extract(batches_in):
        import parallax.pipeline as pipeline
        analyse = pipeline.analyse_doc

        def fragile(doc, article, knowledge):
            if article.text.startswith("MOGADISHU"):
                raise OverflowError("Python int too large to convert to SQLite INTEGER")
            return analyse(doc, article, knowledge)
        pipeline.analyse_doc = fragile
        try:
            yield from real(batches_in)
        finally:  # Spark reuses its Python workers
            pipeline.analyse_doc = analyse
    return extract


def test_spark_records_extract_errors_and_checks_parquet_articles(tmp_path, monkeypatch, capsys):
    """Regression: an article whose extraction raised on a Spark worker was dropped without a
    record, and the articles of a Parquet input skipped the readers' length and language checks."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    from pyspark.sql import SparkSession
    seed = (EXAMPLES / SEED).read_text("utf-8")
    parquet = tmp_path / "in.parquet"
    pq.write_table(pa.table({"text": [seed, MOGADISHU, FRENCH, "Too short."]}), parquet)
    monkeypatch.setattr(spark_engine, "_extractor", _fragile_extractor)
    summary = ingest_paths([parquet], tmp_path / "p.sqlite", SPARK)
    assert "spark: extracting 2 new article(s)" in capsys.readouterr().err
    assert summary.new_articles == 1
    assert sorted((r.source, r.code) for r in summary.rejected) == [
        (f"{parquet}:2", "extract_error"), (f"{parquet}:3", "language"), (f"{parquet}:4", "empty")]
    with open_store(tmp_path / "p.sqlite") as store:
        [failed] = [r for r in store.rejected() if r.code == "extract_error"]
    assert "OverflowError" in failed.reason and failed.source == f"{parquet}:2"
    # Spark's progress bars would garble the CLI's summary and the test logs
    assert SparkSession.builder.getOrCreate().conf.get("spark.ui.showConsoleProgress") == "false"
