"""The event-type scorer on a CASE-format file of our own: metrics, halves, confusions, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from parallax.errors import EvalDataError
from parallax.evaluate.event_types import (confusion_matrix, confusions, f1_scores, read_snippets, score_event_types,
                                           score_event_types_rules, summarize)

# Invented snippets in the shared task's format (id, snippet, CASE code).
ROWS = [
    ("1", "Warplanes bombed a fuel depot outside the city on Monday, witnesses said.", "AIR_STRIKE"),
    ("2", "Police arrested nine men suspected of smuggling weapons across the border.", "ARREST"),
    ("3", "Hundreds of nurses marched to the health ministry to demand unpaid salaries.", "PEACE_PROTEST"),
    ("4", "Rebels and soldiers exchanged fire near the dam for most of the night.", "ARMED_CLASH"),
    ("5", "The committee will meet again next year to review the budget.", "DIPLO"),
]


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    lines = ["id\tEventSnippet\tSubType"] + ["\t".join(row) for row in ROWS]
    (tmp_path / "dev.tsv").write_text("\n".join(lines) + "\n", "utf-8")
    return tmp_path


def test_scores_a_small_gold_file(folder, nlp):
    scores = score_event_types(folder, nlp=nlp)
    assert scores["n"] == 5 and scores["tune_n"] + scores["held_out_n"] == 5
    assert scores["accuracy"] >= 0.8  # floor: the four ACLED snippets are typed right
    assert scores["type_n"] == 5 and 0 < scores["typing_ms_per_1000_sentences"]
    assert scores["typing_cost_vs_parse"] < 1.0


def test_limit_reads_the_first_snippets(folder):
    assert [s.id for s in read_snippets(folder, limit=2)] == ["1", "2"]


def test_macro_f1_ignores_labels_never_in_the_gold():
    per_label = f1_scores(["A", "A", "B"], ["A", "C", "B"])
    assert per_label == {"A": pytest.approx(2 / 3), "B": 1.0}


def test_confusions_name_the_commonest_mistakes():
    assert confusions(["A", "A", "B", "B"], ["C", "C", "B", "A"]) == "A>C 2, B>A 1"


def test_missing_or_foreign_file_is_refused(tmp_path):
    with pytest.raises(EvalDataError, match="not found"):
        read_snippets(tmp_path)
    (tmp_path / "dev.tsv").write_text("a\tb\tc\n1\tx\tY\n", "utf-8")
    with pytest.raises(EvalDataError, match="header"):
        read_snippets(tmp_path)


def test_weighted_f1_weighs_each_label_by_its_gold_count():
    scores = summarize(["A", "A", "A", "B"], ["A", "A", "A", "A"])
    # F1(A) = 6/7, F1(B) = 0: weighted (3 * 6/7) / 4, macro (6/7) / 2
    assert scores["weighted_f1"] == round(3 * 6 / 7 / 4, 3) and scores["macro_f1"] == round(6 / 7 / 2, 3)


def test_confusion_matrix_counts_gold_rows_against_predicted_columns():
    table = confusion_matrix(["A", "A", "B"], ["A", "B", "B"]).splitlines()
    assert table[0] == "| gold \\ predicted | A | B |"
    assert table[2:] == ["| A | **1** | 1 |", "| B |  | **1** |"]


def test_rules_alone_are_scored_as_the_fallback(folder, nlp):
    assert score_event_types_rules(folder)["method"] == "rules"
