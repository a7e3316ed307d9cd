"""JSON Lines: one article per line; a broken line is rejected by file:line and the rest go on."""

import json
from datetime import datetime

from parallax.ingest.jsonl import parse_jsonl_line
from parallax.ingest.readers import read_inputs
from parallax.schema import Article, Rejected
from parallax.settings import Settings

TEXT_A = ("Two soldiers died after their armoured vehicle hit a roadside mine close to the village of "
          "Tessit on Sunday, military officials said.")
TEXT_B = ("Police dispersed a crowd of several hundred protesters with tear gas outside the "
          "provincial governor's office on Wednesday, witnesses said.")


def test_good_and_bad_lines(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a1", "url": "https://x.example/1", "outlet": "Sahel Post",
                    "published": "2023-08-06T14:00:00+02:00", "title": "Landmine kills two",
                    "text": TEXT_A, "language": "en"}),
        "{not json",
        "",
        json.dumps({"title": "no text here"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": TEXT_B, "outlet": 7}),
        json.dumps({"text": TEXT_B}),
    ]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    items = list(read_inputs([path], Settings(outlet="Default Wire")))
    assert [type(item).__name__ for item in items] == ["Article", "Rejected", "Rejected",
                                                       "Rejected", "Rejected", "Article"]
    first, bad_json, no_text, not_object, bad_outlet, last = items
    assert first.outlet == "Sahel Post" and first.url == "https://x.example/1"
    assert first.published == datetime(2023, 8, 6, 12, 0)  # converted to UTC
    assert first.source == f"{path}:1"
    assert bad_json.source == f"{path}:2" and bad_json.code == "malformed"
    assert "not valid JSON" in bad_json.reason
    assert no_text.source == f"{path}:4" and "text" in no_text.reason
    assert "object" in not_object.reason
    assert "outlet" in bad_outlet.reason
    assert last.source == f"{path}:7" and last.outlet == "Default Wire"


def test_unparseable_date_keeps_article_without_date():
    article = parse_jsonl_line(json.dumps({"text": TEXT_A, "published": "sometime soon"}), "f:1")
    assert isinstance(article, Article) and article.published is None


def test_declared_foreign_language_is_rejected(tmp_path):
    path = tmp_path / "declared.jsonl"
    path.write_text(json.dumps({"text": TEXT_A, "language": "de"}) + "\n", "utf-8")
    [item] = read_inputs([path], Settings())
    assert isinstance(item, Rejected) and item.code == "language" and "'de'" in item.reason


def test_numeric_published_is_a_unix_timestamp():
    """A new user's export gave "published": 1788000000; the whole line was rejected."""
    seconds = parse_jsonl_line(json.dumps({"text": TEXT_A, "published": 1788000000}), "f:1")
    millis = parse_jsonl_line(json.dumps({"text": TEXT_A, "published": 1788000000000}), "f:2")
    assert seconds.published == millis.published == datetime(2026, 8, 29, 10, 40)


def test_boolean_or_object_published_is_still_refused():
    for value in (True, {"when": "today"}):
        rejected = parse_jsonl_line(json.dumps({"text": TEXT_A, "published": value}), "f:1")
        assert isinstance(rejected, Rejected) and "published" in rejected.reason
