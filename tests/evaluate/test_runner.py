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
