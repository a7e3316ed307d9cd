"""The Spark engine: extraction as mapInArrow over a Parquet of articles, resolution by blocking key.

    parallax run --engine spark INPUT... --out DIR

Inputs are read by parallax's readers (a `.parquet` of articles is read as it is) and the articles
the store lacks are written to DIR/spark/articles.parquet, streamed. Each Spark Python worker loads
spaCy once and extracts its partitions (mapInArrow) into DIR/spark/extracted.parquet. Mentions are
then keyed by their place's country and each country's mentions are resolved together
(applyInArrow) into DIR/spark/incidents.parquet. The mentions also go to the SQLite store, a batch
per transaction, where the same incremental resolution as the local engine settles the incidents
that the usual outputs are written from. The master comes from spark-submit, else
settings.spark_master (default local[*]).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from pathlib import Path

import pyarrow as pa

from parallax.engines import columns
from parallax.engines.local import Progress, Tally, commit_batch, articles_to_extract, batches, process_tools
from parallax.errors import SettingsError
from parallax.ingest.readers import read_inputs
from parallax.schema import Article, EventMention, Incident, Rejected, RunSummary
from parallax.settings import Settings
from parallax.store.sqlite import open_store

PARQUET = ".parquet"
NO_COUNTRY = "-"  # the block of mentions without a country: resolved among themselves


def ingest_spark(paths: Sequence[Path], db_path: Path, settings: Settings,
                 progress: Progress | None = None) -> RunSummary:
    """Like parallax.pipeline.ingest_paths, with extraction and resolution on Spark."""
    from parallax.pipeline import settle_incidents
    work = Path(db_path).parent / "spark"
    work.mkdir(parents=True, exist_ok=True)
    spark = spark_session(settings)
    with open_store(db_path) as store:
        tally = Tally()
        todo = articles_to_extract(store, _inputs(paths, settings), tally, settings.commit_every)
        columns.write_articles(todo, work / "articles.parquet")
        extracted = extract_on_spark(spark, work / "articles.parquet", work / "extracted.parquet", settings)
        resolve_on_spark(spark, extracted, work / "incidents.parquet", settings)
        rows = spark.read.parquet(str(extracted)).toLocalIterator()
        for chunk in batches((columns.extracted_of(r.asDict()) for r in rows), settings.commit_every):
            commit_batch(store, chunk, tally)
            if progress:
                progress(len(chunk))
        return settle_incidents(store, settings, tally)


def _inputs(paths: Sequence[Path], settings: Settings) -> Iterator[Article | Rejected]:
    files = [Path(p) for p in paths if Path(p).suffix != PARQUET]
    tables = (columns.read_parquet_articles(Path(p)) for p in paths if Path(p).suffix == PARQUET)
    return chain(read_inputs(files, settings) if files else (), *tables)


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
    return (builder.config("spark.sql.execution.arrow.maxRecordsPerBatch", str(settings.batch_size))
            .config("spark.ui.enabled", "false").getOrCreate())


def extract_on_spark(spark, articles: Path, target: Path, settings: Settings) -> Path:
    """Extract every article of a Parquet file on the cluster; the Parquet of results."""
    frame = spark.read.parquet(str(articles))
    frame = frame.repartition(max(spark.sparkContext.defaultParallelism, 1))
    frame.mapInArrow(_extractor(settings), columns.spark_ddl(columns.EXTRACTED_SCHEMA)).write.mode("overwrite").parquet(str(target))
    return target


def _extractor(settings: Settings):
    def extract(batches_in: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        from parallax.pipeline import analyse_articles
        nlp, knowledge = process_tools(settings)  # once per Python worker, which Spark reuses
        for batch in batches_in:
            found = analyse_articles(columns.articles_of(batch), nlp, knowledge, settings)
            yield columns.extracted_batch(found)
    return extract


def resolve_on_spark(spark, extracted: Path, target: Path, settings: Settings) -> Path:
    """Incidents, each country's mentions resolved together; the Parquet of incidents."""
    blocked = spark.read.parquet(str(extracted)).mapInArrow(_blocked, columns.spark_ddl(columns.BLOCKED_SCHEMA))
    incidents = blocked.groupBy("block").applyInArrow(_resolver(settings), columns.spark_ddl(columns.INCIDENT_SCHEMA))
    incidents.write.mode("overwrite").parquet(str(target))
    return target


def block_of(mention: EventMention) -> str:
    """The country of the mention's place: the outer axis of parallax.resolve.blocking, where
    mentions placed in two countries meet only through a grid cell on their border."""
    return mention.place.country if mention.place and mention.place.country else NO_COUNTRY


def _blocked(batches_in: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    for batch in batches_in:
        rows = []
        for row in batch.to_pylist():
            article, mentions = columns.extracted_of(row)
            rows += [(block_of(m), row["published"], m) for m in mentions]
        yield columns.blocked_batch(rows)


def _resolver(settings: Settings):
    def resolve(table: pa.Table) -> pa.Table:
        from parallax.resolve.incidents import resolve_incidents
        mentions, published = columns.blocked_of(table)
        found = resolve_incidents(mentions, settings, published)
        return pa.Table.from_batches([columns.incident_batch(found)], columns.INCIDENT_SCHEMA)
    return resolve


def spark_incidents(path: Path) -> list[Incident]:
    """The incidents a Spark run wrote, read back (driver-side, for tests and small runs)."""
    import pyarrow.parquet as pq
    table = pq.read_table(path, columns=["record"])
    return sorted((columns.incident_of(r) for r in table.column("record").to_pylist()), key=lambda i: i.id)
