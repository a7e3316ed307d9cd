"""The Spark engine: extraction as mapInArrow over a Parquet of articles, resolution by blocking key.

    parallax run --engine spark INPUT... --out DIR

Inputs are read by parallax's readers (a `.parquet` of articles is read as it is, then checked for
length and language as the readers check theirs) and the articles the store lacks are written to
DIR/spark/articles.parquet, streamed. Each Spark Python worker loads spaCy once and extracts its
partitions (mapInArrow) into DIR/spark/extracted/ (an article whose extraction raises becomes a
reject row there, stored as an `extract_error` record); incidents are resolved on the cluster by
blocking key (parallax.engines.spark_resolve) into DIR/spark/incidents.parquet. The mentions also
go to the SQLite store, a batch per transaction, where the same incremental resolution as the
local engine settles the incidents that the usual outputs (CSV, GeoJSON, report) are written from.
The master comes from spark-submit, else settings.spark_master (default local[*]).
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from datetime import datetime, timezone
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from pathlib import Path

import pyarrow as pa

from parallax.engines import columns
from parallax.engines.spark_resolve import resolve_on_spark
from parallax.engines.local import Progress, Tally, commit_batch, articles_to_extract, batches, process_tools
from parallax.errors import SettingsError
from parallax.ingest.complete import complete_article
from parallax.ingest.readers import read_inputs
from parallax.schema import Article, Incident, Rejected, RunSummary
from parallax.settings import Settings
from parallax.store.sqlite import open_store

PARQUET = ".parquet"


def ingest_spark(paths: Sequence[Path], db_path: Path, settings: Settings,
                 progress: Progress | None = None) -> RunSummary:
    """Like parallax.pipeline.ingest_paths, with extraction and resolution on Spark."""
    from parallax.pipeline import settle_incidents
    work = Path(db_path).parent / "spark"
    work.mkdir(parents=True, exist_ok=True)
    _say(f"starting Spark ({settings.spark_master or 'master from spark-submit, else local[*]'})")
    spark = spark_session(settings)
    with open_store(db_path) as store:
        tally = Tally()
        todo = articles_to_extract(store, spark_inputs(paths, settings), tally, settings.commit_every)
        if count := columns.write_articles(todo, work / "articles.parquet"):
            # each run adds its own part; resolution reads them all (a re-run extracts nothing)
            part = work / "extracted" / f"run={datetime.now(timezone.utc):%Y%m%dT%H%M%S%f}"
            _say(f"extracting {count} new article(s) on Spark (each Python worker loads spaCy first)")
            extract_on_spark(spark, work / "articles.parquet", part, settings)
            _say("resolving incidents by blocking key on Spark")
            resolve_on_spark(spark, work / "extracted", work / "incidents.parquet", settings)
            _say(f"storing the mentions in {db_path}")
            _store_part(store, spark, part, tally, settings, progress)
        else:
            _say("no new article to extract")
        return settle_incidents(store, settings, tally)


def _say(stage: str) -> None:
    """A stage of a Spark run, on stderr: each can take minutes and Spark's own bars are off."""
    print(f"spark: {stage} ...", file=sys.stderr, flush=True)


def _store_part(store, spark, part: Path, tally: Tally, settings: Settings,
                progress: Progress | None) -> None:
    """This run's mentions (and extract_error records) into the SQLite store, a batch of articles
    per transaction."""
    rows = spark.read.parquet(str(part)).toLocalIterator()
    for chunk in batches((columns.extracted_of(r.asDict()) for r in rows), settings.commit_every):
        commit_batch(store, chunk, tally)
        if progress:
            progress(len(chunk))


def spark_inputs(paths: Sequence[Path], settings: Settings) -> Iterator[Article | Rejected]:
    """Articles and rejections from the inputs: readers for files and folders, Parquet as it is."""
    files = [Path(p) for p in paths if Path(p).suffix != PARQUET]
    tables = (_checked_parquet(Path(p), settings) for p in paths if Path(p).suffix == PARQUET)
    return chain(read_inputs(files, settings) if files else (), *tables)


def _checked_parquet(path: Path, settings: Settings) -> Iterator[Article | Rejected]:
    """A Parquet's articles through the readers' length and language checks; a row's own id is kept."""
    for article in columns.read_parquet_articles(path):
        done = complete_article(article, settings.languages, settings.min_text_chars, settings.max_text_chars)
        yield replace(done, id=article.id) if isinstance(done, Article) else done


def spark_session(settings: Settings):
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise SettingsError("the spark engine needs pyspark",
                            "pip install 'parallax[spark]' (pyspark 4 runs on Java 17)") from exc
    # Spark's Python workers must run this interpreter, where parallax and spaCy are installed.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("parallax")
    if settings.spark_master:
        builder = builder.master(settings.spark_master)
    if settings.spark_master.startswith("local"):
        # Spark's default of 200 shuffle partitions is for clusters: each is a Python task here
        builder = builder.config("spark.sql.shuffle.partitions", "4")
    return (builder.config("spark.sql.execution.arrow.maxRecordsPerBatch", str(settings.batch_size))
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")  # its bars garble the CLI's output and logs
            .getOrCreate())


def extract_on_spark(spark, articles: Path, target: Path, settings: Settings) -> Path:
    """Extract every article of a Parquet file on the cluster; the Parquet of results."""
    frame = spark.read.parquet(str(articles))
    frame = frame.repartition(max(spark.sparkContext.defaultParallelism, 1))
    extracted = frame.mapInArrow(_extractor(settings), columns.spark_ddl(columns.EXTRACTED_SCHEMA))
    extracted.write.mode("overwrite").parquet(str(target))
    return target


def _extractor(settings: Settings):
    def extract(batches_in: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        from parallax.pipeline import analyse_or_reject
        nlp, knowledge = process_tools(settings)  # once per Python worker, which Spark reuses
        for batch in batches_in:
            # an article whose extraction raised is a reject row: recorded, not stored (retried)
            yield columns.extracted_batch(analyse_or_reject(columns.articles_of(batch), nlp, knowledge, settings))
    return extract


def spark_incidents(path: Path) -> list[Incident]:
    """The incidents a Spark run wrote, read back (driver-side, for tests and small runs)."""
    import pyarrow.parquet as pq
    table = pq.read_table(path, columns=["record"])
    return sorted((columns.incident_of(r) for r in table.column("record").to_pylist()), key=lambda i: i.id)
