"""Incident resolution on Spark, by blocking key: the same incidents as parallax.resolve, distributed.

1. every mention is exploded into its blocking keys (parallax.resolve.blocking: index and lookup);
2. candidate pairs are the join of index keys with lookup keys (mentions of two articles);
3. each pair is scored where it lands (parallax.resolve.incidents.match_links);
4. the links above the threshold make connected components (union-find on the driver: only the
   links travel, two ids each);
5. each component's mentions and links are clustered and reconciled together (applyInArrow),
   exactly as a batch run clusters them, since clustering never crosses a component.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path

import pyarrow as pa

from parallax.engines import columns
from parallax.schema import EventMention
from parallax.settings import Settings

MENTIONS = "mention_id string, article_id string, published string, mention binary"
KEYS = "mention_id string, article_id string, key string, side string"
LINKS = "mention_a string, mention_b string, link binary"
MEMBERS = "component string, mention binary, published string, link binary"


def resolve_on_spark(spark, extracted: Path, target: Path, settings: Settings) -> Path:
    """The incidents of every extracted mention, written as a Parquet file; its path."""
    from pyspark.sql import functions as F
    # a run killed after writing its part re-extracts those articles: the same mention ids twice
    mentions = (spark.read.parquet(str(extracted)).drop("run").mapInArrow(_mention_rows, MENTIONS)
                .dropDuplicates(["mention_id"]).cache())
    keys = mentions.mapInArrow(_key_rows, KEYS)
    index = keys.filter(F.col("side") == "index").select("key", F.col("mention_id").alias("a"),
                                                         F.col("article_id").alias("article_a"))
    lookup = keys.filter(F.col("side") == "lookup").select("key", F.col("mention_id").alias("b"),
                                                           F.col("article_id").alias("article_b"))
    pairs = (index.join(lookup, "key").filter(F.col("article_a") != F.col("article_b"))
             .select(F.least("a", "b").alias("a"), F.greatest("a", "b").alias("b")).distinct())
    payload = mentions.select("mention_id", "mention", "published")
    scored = (pairs.join(payload.toDF("a", "mention_a", "published_a"), "a")
              .join(payload.toDF("b", "mention_b", "published_b"), "b")
              .mapInArrow(_scorer(settings.match_threshold), LINKS).cache())
    component = components((r["mention_a"], r["mention_b"]) for r in scored.select("mention_a", "mention_b")
                           .toLocalIterator())
    members = _members(spark, mentions, scored, component)
    incidents = members.groupBy("component").applyInArrow(_builder(settings),
                                                          columns.spark_ddl(columns.INCIDENT_SCHEMA))
    incidents.write.mode("overwrite").parquet(str(target))
    # Spark matches cached data by plan: the next run's identical plan over new files would
    # otherwise read this run's cache (regression: a second run resolved only the first's part)
    mentions.unpersist()
    scored.unpersist()
    return target


def components(links: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Mention id -> the smallest id of its connected component, for every linked mention."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]  # path halving keeps the trees flat
            x = parent[x]
        return x
    for a, b in links:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {x: root(x) for x in parent}


def _members(spark, mentions, scored, component: dict[str, str]):
    """One frame of (component, mention or link) rows: what each component is built from."""
    from pyspark.sql import functions as F
    table = spark.createDataFrame(list(component.items()) or [("", "")], "mention_id string, component string")
    tagged = mentions.join(table, "mention_id", "left").select(
        F.coalesce("component", "mention_id").alias("component"), "mention", "published",
        F.lit(None).cast("binary").alias("link"))
    links = scored.join(table.withColumnRenamed("mention_id", "mention_a"), "mention_a").select(
        "component", F.lit(None).cast("binary").alias("mention"), F.lit(None).cast("string").alias("published"),
        "link")
    return tagged.unionByName(links)


def _mention_rows(batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    for batch in batches:
        rows = [{"mention_id": m.id, "article_id": m.article_id, "published": row["published"],
                 "mention": pickle.dumps(m)}
                for row in batch.to_pylist() for m in columns.mentions_of(row)]
        yield pa.RecordBatch.from_pylist(rows, _arrow(MENTIONS))


def _matching(row_mention: bytes, published: str | None) -> EventMention:
    """The mention as matched: dated from its article's publication when its text gives no date."""
    from parallax.resolve.features import with_reference_date
    return with_reference_date(pickle.loads(row_mention), datetime.fromisoformat(published) if published else None)


def _key_rows(batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    from parallax.resolve.blocking import block_keys
    for batch in batches:
        rows = []
        for row in batch.to_pylist():
            index, lookup = block_keys(_matching(row["mention"], row["published"]))
            base = {"mention_id": row["mention_id"], "article_id": row["article_id"]}
            rows += [base | {"key": k, "side": "index"} for k in index]
            rows += [base | {"key": k, "side": "lookup"} for k in lookup]
        yield pa.RecordBatch.from_pylist(rows, _arrow(KEYS))


def _scorer(threshold: float):
    def score(batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        from parallax.resolve.incidents import match_links
        for batch in batches:
            rows = []
            for row in batch.to_pylist():
                pair = [_matching(row["mention_a"], row["published_a"]),
                        _matching(row["mention_b"], row["published_b"])]
                rows += [{"mention_a": x.mention_a, "mention_b": x.mention_b, "link": pickle.dumps(x)}
                         for x in match_links(pair, [(0, 1)], threshold)]
            yield pa.RecordBatch.from_pylist(rows, _arrow(LINKS))
    return score


def _builder(settings: Settings):
    def build(table: pa.Table) -> pa.Table:
        from parallax.resolve.incidents import build_incidents
        told, matching, links = {}, {}, []
        for row in table.to_pylist():
            if row["link"] is not None:
                links.append(pickle.loads(row["link"]))
            else:
                mention = pickle.loads(row["mention"])
                told[mention.id] = mention
                matching[mention.id] = _matching(row["mention"], row["published"])
        found = build_incidents(told, sorted(links, key=lambda x: (x.mention_a, x.mention_b)), settings, matching)
        return pa.Table.from_batches([columns.incident_batch(found)], columns.INCIDENT_SCHEMA)
    return build


def _arrow(ddl: str) -> pa.Schema:
    types = {"string": pa.string(), "binary": pa.binary()}
    return pa.schema([(name, types[kind]) for name, kind in (f.split() for f in ddl.split(", "))])
