"""Articles as Parquet columns and the union-find of the Spark resolution: no Spark needed."""

from __future__ import annotations

from datetime import datetime, timezone

from parallax.engines.columns import read_parquet_articles, spark_ddl, write_articles, EXTRACTED_SCHEMA
from parallax.engines.spark_resolve import components
from parallax.schema import Article, Rejected


def test_articles_round_trip_through_parquet_in_row_groups(tmp_path):
    articles = [Article(f"id{n}", f"KABUL - A blast killed {n} people.", "t", "Wire", "https://x/a",
                        datetime(2024, 5, 1, 12, tzinfo=timezone.utc) if n % 2 else None, "en",
                        f"in.jsonl:{n}", "KABUL", 5) for n in range(7)]
    assert write_articles(iter(articles), tmp_path / "a.parquet", rows_per_group=3) == 7
    assert list(read_parquet_articles(tmp_path / "a.parquet")) == articles


def test_an_empty_corpus_still_writes_a_readable_file(tmp_path):
    assert write_articles(iter([]), tmp_path / "a.parquet") == 0
    assert list(read_parquet_articles(tmp_path / "a.parquet")) == []


def test_components_join_chains_and_name_them_by_their_smallest_id():
    found = components([("m3", "m7"), ("m7", "m1"), ("m4", "m5"), ("m5", "m4")])
    assert found == {"m1": "m1", "m3": "m1", "m7": "m1", "m4": "m4", "m5": "m4"}


def test_spark_schema_text_names_every_column():
    assert spark_ddl(EXTRACTED_SCHEMA).endswith("mention_count bigint, mentions binary, "
                                                "reject_code string, reject_reason string")


def test_an_extraction_error_travels_as_a_reject_row_next_to_mentions():
    from parallax.engines.columns import extracted_batch, extracted_of, mentions_of
    article = Article("id1", "KABUL - A blast killed two people.", source="in.jsonl:1")
    failed = Rejected("in.jsonl:2", "extract_error", "extraction raised OverflowError: too big")
    rows = extracted_batch([(article, []), failed]).to_pylist()
    assert [extracted_of(r) for r in rows] == [(article, []), failed]
    assert [mentions_of(r) for r in rows] == [[], []]


def test_a_foreign_parquet_with_only_text_gets_content_ids(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq
    from parallax.ingest.ids import content_id
    text = "MOGADISHU - A mortar shell killed two people near the port on Friday."
    pq.write_table(pa.table({"text": [text]}), tmp_path / "theirs.parquet")
    [article] = read_parquet_articles(tmp_path / "theirs.parquet")
    assert (article.id, article.text, article.published) == (content_id(text), text, None)
    assert article.source == f"{tmp_path / 'theirs.parquet'}:1"  # a reject names the row


def test_an_unreadable_publication_date_in_a_parquet_row_is_left_out_not_fatal(tmp_path):
    """Regression: a row whose `published` was not ISO 8601 stopped a whole Spark run."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    text = "MOGADISHU - A car bomb killed four people near the port on Monday, police said."
    pq.write_table(pa.table({"text": [text] * 3, "published": ["not a date", "18 May 2017", None]}),
                   tmp_path / "foreign.parquet")
    dates = [a.published for a in read_parquet_articles(tmp_path / "foreign.parquet")]
    assert dates == [None, datetime(2017, 5, 18), None]
