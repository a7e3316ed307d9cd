"""`parallax classify`: snippet files in TSV and JSONL, one typed line per snippet, bad files named."""

from __future__ import annotations

import json

import pytest

from parallax.classify import classify_snippets, read_snippet_file
from parallax.cli import main
from parallax.errors import BinaryInput, InputError

SNIPPETS = [("s1", "Warplanes bombed a fuel depot near the border at dawn, killing three guards."),
            ("s2", "Police fired tear gas to break up a march by hundreds of students in the capital.")]


def test_tsv_and_jsonl_read_the_same(tmp_path):
    tsv = tmp_path / "in.tsv"
    tsv.write_text("id\ttext\n" + "".join(f"{i}\t{t}\n" for i, t in SNIPPETS), "utf-8")
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in SNIPPETS), "utf-8")
    assert read_snippet_file(tsv).items == read_snippet_file(jsonl).items == SNIPPETS


def test_case_files_are_read_by_their_snippet_column(tmp_path):
    path = tmp_path / "dev.tsv"
    path.write_text("id\tEventSnippet\tSubType\n7\tRebels shelled the town.\tART_MISS_ATTACK\n", "utf-8")
    assert read_snippet_file(path).items == [("7", "Rebels shelled the town.")]


def test_bad_files_are_named(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        read_snippet_file(tmp_path / "none.tsv")
    (tmp_path / "x.tsv").write_text("name\tbody\n1\tx\n", "utf-8")
    with pytest.raises(InputError, match="x.tsv"):
        read_snippet_file(tmp_path / "x.tsv")
    (tmp_path / "x.jsonl").write_text('{"id": 2}\nnot json\n', "utf-8")
    with pytest.raises(InputError, match="x.jsonl holds no readable snippet .*x.jsonl:1"):
        read_snippet_file(tmp_path / "x.jsonl")


def test_a_bad_line_is_named_and_the_other_snippets_are_still_typed(tmp_path, capsys):
    """Regression (fresh-clone user): one bad JSONL line stopped the whole file, and an empty
    text was still given a label."""
    path = tmp_path / "mixed.jsonl"
    path.write_text(json.dumps({"id": "s1", "text": SNIPPETS[0][1]}) + "\n{broken\n"
                    + json.dumps({"id": "blank", "text": " "}) + "\n"
                    + json.dumps({"id": "s2", "text": SNIPPETS[1][1]}) + "\n", "utf-8")
    read = read_snippet_file(path)
    assert read.items == SNIPPETS
    assert [p.split(": ")[0] for p in read.skipped] == [f"{path}:2", str(path)]
    assert "'blank' has an empty text" in read.skipped[1]
    assert main(["classify", str(path), "--codes"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == ["s1\tAIR_STRIKE", "s2\tPROTEST_WITH_INTER"]
    assert f"skipped {path}:2: not a JSON object" in err and "skipped 2 lines" in err
    tsv = tmp_path / "short.tsv"
    tsv.write_text("id\ttext\nonly-an-id\ns1\t" + SNIPPETS[0][1] + "\n", "utf-8")
    read = read_snippet_file(tsv)
    assert read.items == [SNIPPETS[0]] and read.skipped[0].startswith(f"{tsv}:2: 1 tab-separated cells")


def test_each_snippet_gets_a_sub_event_type():
    typed = list(classify_snippets(SNIPPETS))
    assert [(t.id, t.code) for t in typed] == [("s1", "AIR_STRIKE"), ("s2", "PROTEST_WITH_INTER")]
    assert typed[0].sub_event_type == "Air/drone strike" and 0 < typed[0].probability <= 1


def test_command_prints_id_tab_type(tmp_path, capsys):
    path = tmp_path / "in.tsv"
    path.write_text("id\ttext\n" + "".join(f"{i}\t{t}\n" for i, t in SNIPPETS), "utf-8")
    assert main(["classify", str(path), "--codes"]) == 0
    assert capsys.readouterr().out.splitlines() == ["s1\tAIR_STRIKE", "s2\tPROTEST_WITH_INTER"]
    assert main(["classify", str(tmp_path / "missing.tsv")]) == 3


def test_binary_snippet_file_is_named_not_a_unicode_crash(tmp_path):
    """Regression: `parallax classify bin.dat` and a binary .jsonl raised UnicodeDecodeError."""
    for name in ("bin.dat", "bin.jsonl"):
        (tmp_path / name).write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe\x00" * 50)
        with pytest.raises(BinaryInput, match=name):
            read_snippet_file(tmp_path / name)
        assert main(["classify", str(tmp_path / name)]) == 3


def test_snippet_file_that_is_not_utf8_names_its_line(tmp_path):
    """Regression: a Latin-1 byte in a text snippet file raised UnicodeDecodeError."""
    (tmp_path / "latin.jsonl").write_bytes(b'{"id": 1, "text": "a"}\n{"id": 2, "text": "caf\xe9"}\n')
    assert read_snippet_file(tmp_path / "latin.jsonl").skipped[0].startswith(f"{tmp_path / 'latin.jsonl'}:2: not UTF-8")
    (tmp_path / "latin.tsv").write_bytes(b"id\ttext\n1\tok\n2\tcaf\xe9\n")
    read = read_snippet_file(tmp_path / "latin.tsv")
    assert read.items == [("1", "ok")] and read.skipped[0].startswith(f"{tmp_path / 'latin.tsv'}:3: not UTF-8")
    (tmp_path / "all_latin.jsonl").write_bytes(b'{"id": 2, "text": "caf\xe9"}\n')
    with pytest.raises(InputError, match="all_latin.jsonl:1: not UTF-8"):
        read_snippet_file(tmp_path / "all_latin.jsonl")
