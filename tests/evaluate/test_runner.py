"""`parallax eval` prints one JSON line of scores per evaluation on stdout (issue 4's interface), so
that a script can parse it; progress messages go to stderr."""

import argparse
import json
from pathlib import Path

from parallax.evaluate import runner


def _run(monkeypatch, capsys, name: str) -> list[str]:
    monkeypatch.setattr(runner, "run_evaluation",
                        lambda evaluation, data, limit: {"f1": 0.5, "per_class": {"A": 1}, "n": 3})
    args = argparse.Namespace(name=name, data=Path("."), limit=None, scores=None)
    assert runner.cmd_eval(args) == 0
    return capsys.readouterr().out.splitlines()


def test_one_evaluation_prints_one_json_line(monkeypatch, capsys):
    lines = _run(monkeypatch, capsys, "claims_gold")
    assert len(lines) == 1
    assert json.loads(lines[0]) == {"f1": 0.5, "per_class": {"A": 1}, "n": 3}


def test_all_prints_one_named_json_line_per_evaluation(monkeypatch, capsys):
    lines = _run(monkeypatch, capsys, "all")
    assert [json.loads(line)["evaluation"] for line in lines] == sorted(runner.EVALUATIONS)


def test_all_on_a_partial_folder_scores_what_is_there(monkeypatch, capsys, tmp_path):
    """A new user's `eval all --data` on a folder holding one dataset stopped at the first missing one."""
    def fake(evaluation, data, limit):
        if evaluation != "event_types":
            raise runner.EvalDataError(f"dataset folder for {evaluation} not found")
        return {"f1": 0.5}
    monkeypatch.setattr(runner, "run_evaluation", fake)
    scores = tmp_path / "scores.md"
    args = argparse.Namespace(name="all", data=tmp_path, limit=None, scores=scores)
    assert runner.cmd_eval(args) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == len(runner.EVALUATIONS)
    assert [line["evaluation"] for line in lines if "skipped" not in line] == ["event_types"]
    assert "## event_types" in scores.read_text() and "## claims\n" not in scores.read_text()


def test_all_with_no_dataset_at_all_is_an_error(tmp_path):
    args = argparse.Namespace(name="all", data=tmp_path / "nowhere", limit=None, scores=None)
    try:
        runner.cmd_eval(args)
    except runner.EvalDataError as exc:
        assert "no dataset found" in str(exc)
    else:
        raise AssertionError("expected EvalDataError")


def test_help_lists_each_datasets_folder():
    layout = runner.dataset_layout()
    for name, (_, _, folder) in runner.EVALUATIONS.items():
        assert name in layout and (folder == "." or folder in layout)
