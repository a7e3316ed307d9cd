"""The bounded adversarial corpus (tests/reliability/fuzz.py, `make fuzz` at full size) in small."""

from __future__ import annotations

from reliability.fuzz import KINDS, expected_units, run_fuzz, write_inputs


def test_small_adversarial_corpus_loses_nothing(tmp_path):
    report = run_fuzz(40, seed=11, workdir=tmp_path)
    assert report.tried == 40 and report.units >= 40
    assert report.lost == [], report.lines()
    assert report.accepted > 0 and sum(report.rejected.values()) > 0
    assert "extract_error" not in report.rejected, "an extractor raised on fuzzed text"
    assert report.lines()[-1].startswith("lost: 0")


def test_corpus_is_reproducible_and_covers_every_kind(tmp_path):
    first = write_inputs(tmp_path / "a", 60, seed=5)
    second = write_inputs(tmp_path / "b", 60, seed=5)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    assert {p.stem.split("_", 1)[1] for p in first} == set(KINDS)


def test_each_non_blank_json_line_is_a_unit_of_its_own(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_bytes(b'{"text": "a"}\n\n  \n{bad\n')
    assert expected_units(path) == {f"{path}:1", f"{path}:4"}
