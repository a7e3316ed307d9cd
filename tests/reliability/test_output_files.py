"""Exports and the report are written whole or not at all."""

from __future__ import annotations

import pytest

from parallax.report.files import replaced


def test_a_failed_write_leaves_the_previous_file_and_no_debris(tmp_path):
    target = tmp_path / "incidents.csv"
    target.write_text("old, complete\n")
    with pytest.raises(RuntimeError), replaced(target) as part:
        part.write_text("new, half")
        raise RuntimeError("killed midway")
    assert target.read_text() == "old, complete\n"
    assert [p.name for p in tmp_path.iterdir()] == ["incidents.csv"]


def test_a_finished_write_replaces_the_file(tmp_path):
    target = tmp_path / "report.html"
    with replaced(target) as part:
        part.write_text("<html></html>")
        assert not target.exists()  # readers still see the old state until the rename
    assert target.read_text() == "<html></html>" and len(list(tmp_path.iterdir())) == 1
