"""Articles and extraction results as Arrow columns: what the Spark engine reads and writes as Parquet.

Articles are plain columns (anyone's Parquet of articles can be fed in); a row's extraction output
travels as one pickled list of EventMention records, since the records nest (claims, actors,
spans) and only parallax reads them back.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from parallax.ingest.ids import content_id
from parallax.schema import Article, EventMention, Incident

ARTICLE_SCHEMA = pa.schema([
    ("id", pa.string()), ("text", pa.string()), ("title", pa.string()), ("outlet", pa.string()),
    ("url", pa.string()), ("published", pa.string()), ("language", pa.string()),
    ("source", pa.string()), ("dateline", pa.string()), ("dateline_end", pa.int64()),
])
EXTRACTED_SCHEMA = pa.schema(list(ARTICLE_SCHEMA) + [("mention_count", pa.int64()), ("mentions", pa.binary())])
INCIDENT_SCHEMA = pa.schema([
    ("incident_id", pa.string()), ("event_type", pa.string()), ("sub_event_type", pa.string()),
    ("country", pa.string()), ("event_date", pa.string()), ("fatalities_best", pa.int64()),
    ("article_ids", pa.list_(pa.string())), ("record", pa.binary()),
])


def article_record(article: Article) -> dict[str, object]:
    published = article.published.isoformat() if article.published else ""
    return {"id": article.id, "text": article.text, "title": article.title, "outlet": article.outlet,
            "url": article.url, "published": published, "language": article.language,
            "source": article.source, "dateline": article.dateline, "dateline_end": article.dateline_end}


def article_from(row: dict[str, object]) -> Article:
    """An article from a row; a Parquet of someone else's articles may lack every column but text."""
    published = row.get("published") or ""
    text = str(row["text"])
    return Article(str(row.get("id") or content_id(text)), text, str(row.get("title") or ""),
                   str(row.get("outlet") or ""), str(row.get("url") or ""),
                   datetime.fromisoformat(str(published)) if published else None,
                   str(row.get("language") or ""), str(row.get("source") or ""),
                   str(row.get("dateline") or ""), int(row.get("dateline_end") or 0))


def write_articles(articles: Iterable[Article], path: Path, rows_per_group: int = 1000) -> int:
    """Stream articles into one Parquet file, a row group at a time; the number written."""
    written = 0
    with pq.ParquetWriter(path, ARTICLE_SCHEMA) as writer:
        pending: list[dict[str, object]] = []
        for article in articles:
            pending.append(article_record(article))
            if len(pending) >= rows_per_group:
                writer.write_table(pa.Table.from_pylist(pending, ARTICLE_SCHEMA))
                written, pending = written + len(pending), []
        if pending or not written:
            writer.write_table(pa.Table.from_pylist(pending, ARTICLE_SCHEMA))
            written += len(pending)
    return written


def articles_of(batch: pa.RecordBatch) -> list[Article]:
    return [article_from(row) for row in batch.to_pylist()]


def extracted_batch(results: Iterable[tuple[Article, list[EventMention]]]) -> pa.RecordBatch:
    """Each article's columns, with its mentions (pickled: only parallax reads them back)."""
    rows = [article_record(a) | {"mention_count": len(m), "mentions": pickle.dumps(m)} for a, m in results]
    return pa.RecordBatch.from_pylist(rows, EXTRACTED_SCHEMA)


def extracted_of(row: dict[str, object]) -> tuple[Article, list[EventMention]]:
    return article_from(row), pickle.loads(row["mentions"])  # written by extracted_batch, this job


def incident_of(record: bytes) -> Incident:
    return pickle.loads(record)


def incident_batch(incidents: Iterable[Incident]) -> pa.RecordBatch:
    rows = [{"incident_id": i.id, "event_type": i.event_type, "sub_event_type": i.sub_event_type,
             "country": i.place.country if i.place else "",
             "event_date": i.date.value.isoformat() if i.date and i.date.value else "",
             "fatalities_best": i.fatalities.best if i.fatalities else None,
             "article_ids": list(i.article_ids), "record": pickle.dumps(i)} for i in incidents]
    return pa.RecordBatch.from_pylist(rows, INCIDENT_SCHEMA)


def read_parquet_articles(path: Path) -> Iterator[Article]:
    """Articles from a Parquet file with (at least) id and text columns, a row group at a time."""
    handle = pq.ParquetFile(path)
    for group in range(handle.num_row_groups):
        yield from articles_of(handle.read_row_group(group))


SPARK_TYPES = {pa.string(): "string", pa.int64(): "bigint", pa.binary(): "binary",
               pa.list_(pa.string()): "array<string>"}


def spark_ddl(schema: pa.Schema) -> str:
    """The schema as Spark's DDL ("id string, n bigint"), which mapInArrow takes as its return type."""
    return ", ".join(f"{f.name} {SPARK_TYPES[f.type]}" for f in schema)
