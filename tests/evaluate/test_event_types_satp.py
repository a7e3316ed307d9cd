"""The SATP coarse check of event typing on a file of our own in its format (text, four 0/1 labels)."""

from __future__ import annotations

from pathlib import Path

import pytest

from parallax.errors import EvalDataError
from parallax.evaluate.event_types_satp import coarse_hit, hit_rate, read_summaries, score_event_types_satp

# Invented incident summaries, SATP style: text, then assault, bombing, kidnapping, other.
ROWS = [
    ("Militants shot dead two villagers at Korapani in the district late on Monday, police said.", "1\t0\t0\t0"),
    ("A homemade bomb hidden on the road went off under a police jeep near Durgam, "
     "injuring three constables.", "0\t1\t0\t0"),
    ("Armed cadres abducted a contractor from his work site at Belpur and demanded a ransom.", "0\t0\t1\t0"),
    ("Security forces and insurgents exchanged fire for an hour in the forest near Tamsi; no one was hurt.",
     "0\t0\t0\t1"),
]


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    (tmp_path / "dev.tsv").write_text("\n".join(f"{text}\t{labels}" for text, labels in ROWS) + "\n", "utf-8")
    return tmp_path


def test_reads_the_four_label_columns(folder):
    summaries = read_summaries(folder)
    assert [labels for _, labels in summaries] == [{"assault"}, {"bombing"}, {"kidnapping"}, {"other"}]
    assert len(read_summaries(folder / "dev.tsv", limit=2)) == 2


def test_a_code_counts_when_it_stands_for_a_set_label():
    assert coarse_hit("SUIC_BOMB", frozenset({"bombing"})) and coarse_hit("GRENADE", frozenset({"assault", "bombing"}))
    assert coarse_hit("ARMED_CLASH", frozenset({"other"})) and coarse_hit("ARMED_CLASH", frozenset({"assault"}))
    assert not coarse_hit("ATTACK", frozenset({"kidnapping"}))
    assert coarse_hit("ARREST", frozenset({"other"})) and not coarse_hit("ARREST", frozenset({"bombing"}))
    assert hit_rate(["ATTACK", "ATTACK"], [("", frozenset({"assault"})), ("", frozenset({"bombing"}))]) == 0.5


def test_scores_the_model_and_the_rules(folder, nlp):
    scores = score_event_types_satp(folder, nlp=nlp)
    assert scores["n"] == 4 and scores["with_bombing"] == 1
    assert scores["hashing_coarse_accuracy"] >= 0.75  # floor: what the shipped model reached (4 of 4)
    assert 0 <= scores["rules_coarse_accuracy"] <= 1


def test_a_file_that_is_not_satp_is_an_error(tmp_path):
    with pytest.raises(EvalDataError, match="four 0/1"):
        (tmp_path / "dev.tsv").write_text("id\tEventSnippet\tSubType\tx\ty\n1\tA bomb went off.\tREM_EXPLOS\ta\tb\n")
        read_summaries(tmp_path)
    with pytest.raises(EvalDataError, match="not found"):
        read_summaries(tmp_path / "nowhere")
