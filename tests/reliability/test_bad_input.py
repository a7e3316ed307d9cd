"""Bad input never stops a run: each bad file or line becomes a Rejected naming it, with a code."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from parallax.cli import exit_status, main
from parallax.errors import (BinaryInput, DataFileError, EvalDataError, InputError, ModelError,
                             ParallaxError, SettingsError, StoreError, TooLarge)
from parallax.ingest.decoding import check_readable, looks_binary
from parallax.ingest.readers import read_inputs
from parallax.ingest.rejects import RejectCode, count_by_code
from parallax.schema import Article, Rejected
from parallax.settings import Settings

GOOD = ("MAIDUGURI, Nigeria - Gunmen killed five people in a village near Maiduguri on Sunday, "
        "police said. Two more villagers were treated for gunshot wounds.")


def _read(paths, **settings) -> tuple[dict[str, Article], dict[str, Rejected]]:
    items = list(read_inputs([Path(p) for p in paths], Settings(**settings)))
    return ({i.source: i for i in items if isinstance(i, Article)},
            {i.source: i for i in items if isinstance(i, Rejected)})


def test_binary_file_is_rejected_and_the_folder_goes_on(tmp_path):
    (tmp_path / "photo.txt").write_bytes(os.urandom(4000))
    (tmp_path / "story.txt").write_text(GOOD)
    articles, rejected = _read([tmp_path])
    assert list(articles) == [str(tmp_path / "story.txt")]
    assert rejected[str(tmp_path / "photo.txt")].code == RejectCode.BINARY


@pytest.mark.parametrize("name", ["empty.txt", "empty.html", "empty.jsonl", "empty.xml"])
def test_empty_file_of_every_format_is_rejected_as_empty(tmp_path, name):
    (tmp_path / name).write_bytes(b"")
    articles, rejected = _read([tmp_path])
    assert not articles and rejected[str(tmp_path / name)].code == RejectCode.EMPTY


def test_jsonl_of_blank_lines_is_rejected_not_silently_dropped(tmp_path):
    (tmp_path / "blank.jsonl").write_text("\n  \n\n")
    assert _read([tmp_path])[1][str(tmp_path / "blank.jsonl")].code == RejectCode.EMPTY


def test_fifty_megabyte_html_page_is_refused_unread(tmp_path):
    page = tmp_path / "huge.html"
    with page.open("w") as handle:  # written in pieces: the test itself stays small in memory
        handle.write("<html><body>")
        for _ in range(50):
            handle.write("<p>" + "padding " * 131_072 + "</p>")
        handle.write("</body></html>")
    assert page.stat().st_size > 50_000_000
    (tmp_path / "story.txt").write_text(GOOD)
    articles, rejected = _read([tmp_path])
    assert rejected[str(page)].code == RejectCode.TOO_LARGE
    assert "max_input_bytes" in rejected[str(page)].reason and len(articles) == 1


def test_size_cap_is_a_setting(tmp_path):
    (tmp_path / "story.txt").write_text(GOOD)
    _, rejected = _read([tmp_path], max_input_bytes=50)
    assert rejected[str(tmp_path / "story.txt")].code == RejectCode.TOO_LARGE


def test_article_text_over_max_text_chars_is_rejected_before_parsing(tmp_path):
    """Regression: a 1 MB text file passed the byte cap and spaCy's max_length (E088) stopped the run."""
    (tmp_path / "report.txt").write_text("\n\n".join([GOOD] * 7000))
    (tmp_path / "story.txt").write_text(GOOD)
    articles, rejected = _read([tmp_path])
    assert rejected[str(tmp_path / "report.txt")].code == RejectCode.TOO_LARGE
    assert "max_text_chars" in rejected[str(tmp_path / "report.txt")].reason and len(articles) == 1
    assert Settings().max_text_chars < 1_000_000  # spaCy's default nlp.max_length


def test_jsonl_cap_applies_per_line_and_the_next_lines_are_read(tmp_path):
    lines = [json.dumps({"text": GOOD + " padding" * 40}), json.dumps({"text": GOOD})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    articles, rejected = _read([tmp_path], max_input_bytes=300)
    assert rejected[f"{tmp_path / 'feed.jsonl'}:1"].code == RejectCode.TOO_LARGE
    assert list(articles) == [f"{tmp_path / 'feed.jsonl'}:2"]


def test_invalid_utf8_is_decoded_not_rejected(tmp_path):
    (tmp_path / "damaged.txt").write_bytes(("Café " + GOOD).encode() + b" \xff\xfe\xc3 end.")
    (tmp_path / "latin.txt").write_bytes(("Caf\xe9 " + GOOD).encode("cp1252"))
    articles, rejected = _read([tmp_path])
    assert not rejected
    assert "\ufffd" in articles[str(tmp_path / "damaged.txt")].text
    assert articles[str(tmp_path / "latin.txt")].text.startswith("Café")


def test_malformed_jsonl_lines_are_rejected_by_line_and_the_rest_is_read(tmp_path):
    lines = ["{not json", "[" * 100_000 + "]" * 100_000, '{"text": ' + "7" * 5000 + "}",
             '"just a string"', '{"text": 5}', json.dumps({"text": GOOD, "title": ["x"]}),
             json.dumps({"text": GOOD})]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n")
    articles, rejected = _read([path])
    assert sorted(rejected) == sorted(f"{path}:{n}" for n in range(1, 7))
    assert {r.code for r in rejected.values()} == {RejectCode.MALFORMED}
    assert list(articles) == [f"{path}:7"]


@pytest.mark.parametrize("sidecar", ["[" * 100_000 + "]" * 100_000, '{"outlet": ' + "9" * 5000 + "}"])
def test_unreadable_sidecar_is_reported_and_the_article_read_without_it(tmp_path, sidecar):
    """Regression: a sidecar nested past the recursion limit raised out of the reader."""
    (tmp_path / "story.txt").write_text(GOOD)
    (tmp_path / "story.meta.json").write_text(sidecar)
    articles, rejected = _read([tmp_path])
    assert list(articles) == [str(tmp_path / "story.txt")]
    assert rejected[str(tmp_path / "story.meta.json")].code == RejectCode.SIDECAR


@pytest.mark.parametrize("stamp", ["9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00",
                                   "0001-01-01T00:00:00", "9999-12-31"])
def test_dates_past_the_calendar_edge_keep_the_article_undated(tmp_path, stamp):
    """Regression: converting these to UTC overflowed (in a feed it dropped every entry), and
    "yesterday" as of a placeholder 0001-01-01 overflowed in the date rules."""
    (tmp_path / "wire.jsonl").write_text(json.dumps({"text": GOOD + " JSON.", "published": stamp}) + "\n")
    (tmp_path / "wire.atom").write_text(f"""<feed xmlns="http://www.w3.org/2005/Atom"><title>W</title>
      <entry><updated>{stamp}</updated><summary>{GOOD}</summary></entry>
      <entry><summary>{GOOD} A second report.</summary></entry></feed>""")
    articles, rejected = _read([tmp_path])
    assert not rejected and len(articles) == 3
    assert all(a.published is None for a in articles.values())


def test_feed_with_broken_entries_keeps_the_good_ones(tmp_path):
    feed = tmp_path / "wire.xml"
    feed.write_text(f"""<rss version="2.0"><channel><title>Wire</title>
      <item><title>no body</title></item>
      <item><title>good</title><description>{GOOD}</description></item>
      <item><description><![CDATA[<p>cut off mid""")
    articles, rejected = _read([feed])
    assert list(articles) == [f"{feed}#2"]
    assert {rejected[f"{feed}#1"].code, rejected[f"{feed}#3"].code} == {RejectCode.EMPTY}


def test_binary_sniff_accepts_text_in_any_common_encoding():
    assert not looks_binary(GOOD.encode("utf-8"))
    assert not looks_binary(("Café " + GOOD).encode("cp1252"))
    assert not looks_binary(GOOD.encode("utf-16"))  # with its BOM
    assert not looks_binary(b"")
    assert looks_binary(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert looks_binary(bytes(range(32)) * 10)


def test_check_readable_raises_coded_errors(tmp_path):
    big, blob = tmp_path / "big.txt", tmp_path / "blob.txt"
    big.write_text("x" * 100)
    blob.write_bytes(b"\x00" * 100)
    with pytest.raises(TooLarge) as too_large:
        check_readable(big, 10)
    with pytest.raises(BinaryInput) as binary:
        check_readable(blob, 1000)
    assert (too_large.value.code, binary.value.code) == ("P103", "P104")


def test_skipped_items_are_counted_by_code():
    items = [Rejected("a", "binary", ""), Rejected("b", "empty", ""), Rejected("c", "binary", "")]
    assert count_by_code(items) == {"binary": 2, "empty": 1}


@pytest.mark.parametrize("error, status", [
    (ParallaxError("x"), 2), (InputError("x"), 3), (TooLarge("x"), 3), (SettingsError("x"), 4),
    (DataFileError("x"), 5), (ModelError("x"), 6), (StoreError("x"), 7), (EvalDataError("x"), 8)])
def test_exit_status_follows_the_error_family(error, status):
    assert exit_status(error) == status


def test_documented_exit_codes_match_the_cli():
    doc = (Path(__file__).resolve().parents[2] / "docs" / "reliability.md").read_text()
    for status, error in ((3, InputError), (4, SettingsError), (5, DataFileError), (6, ModelError),
                          (7, StoreError), (8, EvalDataError)):
        assert f"| {status} | {error.code[:2]}xx" in doc, error.__name__


def test_missing_input_exits_3_naming_it(tmp_path, capsys):
    assert main(["ingest", str(tmp_path / "nowhere.txt"), "--db", str(tmp_path / "db.sqlite")]) == 3
    assert "nowhere.txt" in capsys.readouterr().err


def test_markup_in_a_file_name_does_not_break_the_summary(tmp_path):
    """Regression: rich read "[/x]" in a rejected file's name as a closing tag and raised."""
    from parallax.cli import _print_summary
    from parallax.schema import RunSummary
    _print_summary(RunSummary(read=1, rejected=(Rejected("a[/x]b.txt", "binary", "[bold] no"),)))


def test_a_reader_that_raises_anything_rejects_its_file_only(tmp_path, monkeypatch):
    """A parser library's bug on hostile bytes (here a RecursionError) names the file, the run goes on."""
    import parallax.ingest.html as html
    def broken(page, source):
        raise RecursionError("maximum recursion depth exceeded")
    monkeypatch.setattr(html, "article_from_html", broken)
    (tmp_path / "page.html").write_text("<p>" + GOOD + "</p>")
    (tmp_path / "story.txt").write_text(GOOD)
    articles, rejected = _read([tmp_path])
    assert list(articles) == [str(tmp_path / "story.txt")]
    assert rejected[str(tmp_path / "page.html")].code == RejectCode.UNREADABLE
    assert "RecursionError" in rejected[str(tmp_path / "page.html")].reason


def test_lone_surrogates_and_undecodable_file_names_are_made_storable(tmp_path):
    """Regression: a JSON "\\ud800" escape crashed the content hash (UTF-8 cannot encode it),
    and a file name that is not UTF-8 could not be written to the rejected table."""
    from parallax.store.sqlite import SQLiteStore
    (tmp_path / "wire.jsonl").write_text('{"text": "%s \\ud800 end", "title": "x\\udfff"}\n' % GOOD)
    os.close(os.open(bytes(tmp_path) + b"/scan\xff\xfe.txt", os.O_CREAT | os.O_WRONLY))
    articles, rejected = _read([tmp_path])
    [article] = articles.values()
    assert "\ufffd end" in article.text and article.title == "x\ufffd"
    [bad_name] = rejected.values()
    assert bad_name.code == RejectCode.EMPTY and "\ufffd" in bad_name.source
    with SQLiteStore(tmp_path / "db.sqlite") as store:
        store.add_articles([article])
        store.add_rejected(bad_name)
        assert store.get_article(article.id) == article and store.rejected() == [bad_name]


def test_cli_run_over_bad_inputs_exits_0_and_counts_skips_by_code(tmp_path, capsys):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" * 50)
    (inputs / "empty.html").write_bytes(b"")
    (inputs / "lines.jsonl").write_text('{"text": 1}\n{oops\n')
    assert main(["ingest", str(inputs), "--db", str(tmp_path / "db.sqlite"), "--workers", "1"]) == 0
    err = capsys.readouterr().err
    for line in ("skipped 2 x malformed", "skipped 1 x binary", "skipped 1 x empty"):
        assert line in err
    assert "[malformed] not valid JSON" in err  # each item is listed too, with its file and line


def test_jsonl_text_problems_are_told_apart(tmp_path):
    """A user fixing a feed needs to know whether "text" is absent, null, of the wrong type or blank."""
    lines = ['{"title": "x"}', '{"text": null}', '{"text": ["a"]}', '{"text": "   "}']
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n")
    _, rejected = _read([path])
    reasons = [rejected[f"{path}:{n}"].reason for n in range(1, 5)]
    assert reasons == ['no "text" key', '"text" is null', '"text" must be a string, got list',
                       '"text" is empty']
