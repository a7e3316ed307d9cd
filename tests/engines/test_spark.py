"""The Spark engine in local[2] mode: the same incidents as the local engine on examples/."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest

pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("Spark needs Java 17 (apt-get install openjdk-17-jre-headless)", allow_module_level=True)

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


def test_spark_rerun_extracts_nothing_new(runs):
    root, local, first = runs
    again = ingest_paths([EXAMPLES], root / "spark" / "p.sqlite", replace(SPARK))
    assert (again.new_articles, again.duplicates) == (0, local.new_articles)
    assert again.incidents == first.incidents
