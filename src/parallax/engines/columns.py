"""Articles and extraction results as Arrow columns: what the Spark engine reads and writes as Parquet.

Articles are plain columns (anyone's Parquet of articles can be fed in); a row's extraction output
travels as one pickled list of EventMention records, since the records nest (claims, actors,
spans) and only parallax reads them back. An article whose extraction raised travels as a reject
row instead: its source, reject_code and reject_reason, and no mentions.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from parallax.ingest.ids import content_id
from parallax.ingest.published import parse_published
from parallax.schema import Article, EventMention, Incident, Rejected

ARTICLE_SCHEMA = pa.schema([
    ("id", pa.string()), ("text", pa.string()), ("title", pa.string()), ("outlet", pa.string()),
    ("url", pa.string()), ("published", pa.string()), ("language", pa.string()),
    ("source", pa.string()), ("dateline", pa.string()), ("dateline_end", pa.int64()),
])
EXTRACTED_SCHEMA = pa.schema(list(ARTICLE_SCHEMA) + [("mention_count", pa.int64()), ("mentions", pa.binary()),
                                                      ("reject_code", pa.string()), ("reject_reason", pa.string())])
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
    """An article from a row; a Parquet of someone else's articles may lack every column but text.
    A publication date that cannot be read is logged and left out, as the other readers do."""
    published = row.get("published") or ""
    text = str(row["text"])
    source = str(row.get("source") or "")
    return Article(str(row.get("id") or content_id(text)), text, str(row.get("title") or ""),
                   str(row.get("outlet") or ""), str(row.get("url") or ""),
                   _published(str(published), source) if published else None,
                   str(row.get("language") or ""), source,
                   str(row.get("dateline") or ""), int(row.get("dateline_end") or 0))


def _published(value: str, source: str) -> datetime | None:
    """Our own rows round-trip exactly (ISO 8601); anyone else's dates are read as the readers do."""
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return parse_published(value, source or "a Parquet row")


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


def extracted_batch(results: Iterable[tuple[Article, list[EventMention]] | Rejected]) -> pa.RecordBatch:
    """Each article's columns, with its mentions (pickled: only parallax reads them back), or
    the reject row of an article whose extraction raised."""
    rows = [_reject_row(r) if isinstance(r, Rejected) else _extracted_row(*r) for r in results]
    return pa.RecordBatch.from_pylist(rows, EXTRACTED_SCHEMA)


def _extracted_row(article: Article, mentions: list[EventMention]) -> dict[str, object]:
    return article_record(article) | {"mention_count": len(mentions), "mentions": pickle.dumps(mentions)}


def _reject_row(rejected: Rejected) -> dict[str, object]:
    return {"source": rejected.source, "reject_code": str(rejected.code), "reject_reason": rejected.reason,
            "mention_count": 0}


def extracted_of(row: dict[str, object]) -> tuple[Article, list[EventMention]] | Rejected:
    if row.get("reject_code"):
        return Rejected(str(row["source"]), str(row["reject_code"]), str(row["reject_reason"]))
    return article_from(row), pickle.loads(row["mentions"])  # written by extracted_batch, this job


def mentions_of(row: dict[str, object]) -> list[EventMention]:
    """The mentions of an extracted row; none for a reject row."""
    return [] if row.get("reject_code") else pickle.loads(row["mentions"])


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
    """Articles from a Parquet file with (at least) a text column, a row group at a time; a row
    without a source is named "path:N" (N from 1), as a JSONL line is."""
    handle = pq.ParquetFile(path)
    number = 0
    for group in range(handle.num_row_groups):
        for article in articles_of(handle.read_row_group(group)):
            number += 1
            yield article if article.source else replace(article, source=f"{path}:{number}")


SPARK_TYPES = {pa.string(): "string", pa.int64(): "bigint", pa.binary(): "binary",
               pa.list_(pa.string()): "array<string>"}


def spark_ddl(schema: pa.Schema) -> str:
    """The schema as Spark's DDL ("id string, n bigint"), which mapInArrow takes as its return type."""
    return ", ".join(f"{f.name} {SPARK_TYPES[f.type]}" for f in schema)
