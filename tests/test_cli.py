"""The command line: bad --db files, format checks, empty folders and help texts (new-user test)."""

from __future__ import annotations

import argparse
import sqlite3

import pytest

from parallax.cli import build_parser, main

READ_COMMANDS = (["export", "--out", "{out}"], ["report", "--out", "{out}/report.html"],
                 ["zones", "--zones", "{out}/z.geojson"], ["serve"])


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("content", [b"", b"just some notes\n", b"\x89PNG\r\n\x1a\n\x00\x00"],
                         ids=["empty", "text", "binary"])
def test_db_that_is_not_a_database_is_refused_and_left_alone(tmp_path, capsys, command, content):
    """Regression: `export --db empty.txt` exited 0 and turned the text file into a SQLite db."""
    db = tmp_path / "empty.txt"
    db.write_bytes(content)
    args = [part.format(out=tmp_path / "o8") for part in command]
    assert main([*args, "--db", str(db)]) == 3
    assert db.read_bytes() == content
    assert "empty.txt" in capsys.readouterr().err
    assert not (tmp_path / "o8").exists()


def test_sqlite_file_of_another_program_is_refused_and_left_alone(tmp_path, capsys):
    db = tmp_path / "other.sqlite"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
    before = db.read_bytes()
    article = tmp_path / "a.txt"
    article.write_text("KABUL - A roadside bomb killed two soldiers on Monday, officials said.", "utf-8")
    assert main(["export", "--db", str(db), "--out", str(tmp_path / "o")]) == 3
    assert main(["ingest", str(article), "--db", str(db)]) == 3
    assert db.read_bytes() == before
    assert "not a parallax database" in capsys.readouterr().err


def test_ingest_refuses_an_existing_non_database_file(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("KABUL - A roadside bomb killed two soldiers on Monday, officials said.", "utf-8")
    db = tmp_path / "notes.txt"
    db.write_text("keep me\n", "utf-8")
    assert main(["ingest", str(article), "--db", str(db)]) == 3
    assert db.read_text("utf-8") == "keep me\n"
    assert "notes.txt" in capsys.readouterr().err


@pytest.mark.parametrize("command", [["export", "--db", "{db}"], ["run", "{article}"]], ids=lambda c: c[0])
def test_unknown_export_format_fails_before_any_folder_or_db_is_made(tmp_path, capsys, command):
    """Regression: `export --formats xlsx` created the output folder before failing."""
    article = tmp_path / "a.txt"
    article.write_text("KABUL - A roadside bomb killed two soldiers on Monday, officials said.", "utf-8")
    args = [part.format(db=tmp_path / "none.sqlite", article=article) for part in command]
    assert main([*args, "--out", str(tmp_path / "o"), "--formats", "csv,xlsx"]) == 3
    assert "xlsx" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_folder_walk_lists_files_of_other_formats_as_ignored_not_skipped(tmp_path, capsys):
    """Regression: `parallax run examples/` counted README.md and a .geojson as "skipped [format]"."""
    inputs = tmp_path / "inputs"
    (inputs / "zones").mkdir(parents=True)
    (inputs / "README.md").write_text("# notes", "utf-8")
    (inputs / "zones" / "area.geojson").write_text("{}", "utf-8")
    (inputs / "empty.txt").write_bytes(b"")
    assert main(["ingest", str(inputs), "--db", str(tmp_path / "db.sqlite"), "--workers", "1"]) == 0
    err = capsys.readouterr().err
    assert "ignored (not an input format): 2" in err
    assert "README.md" in err and "area.geojson" in err
    assert "skipped 1 x empty" in err and "x format" not in err and "x ignored" not in err


def test_run_over_a_folder_without_inputs_says_so_and_exits_0(tmp_path, capsys):
    """Regression: a run over an empty folder printed all zeros with no note."""
    empty = tmp_path / "nothing"
    empty.mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "README.md").write_text("# notes", "utf-8")
    for folder in (empty, tmp_path / "docs"):
        assert main(["ingest", str(folder), "--db", str(tmp_path / "db.sqlite"), "--workers", "1"]) == 0
        assert f"no inputs found in {folder}" in capsys.readouterr().err
    article = tmp_path / "docs" / "a.txt"
    article.write_text("KABUL - A roadside bomb killed two soldiers on Monday, officials said.", "utf-8")
    assert main(["ingest", str(tmp_path / "docs"), "--db", str(tmp_path / "db.sqlite"), "--workers", "1"]) == 0
    assert "no inputs found" not in capsys.readouterr().err


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    [sub] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(sub.choices)


def test_every_argument_has_help_and_shows_its_default(capsys):
    """Regression: positional arguments, --db, --out and --formats had no help text nor default shown."""
    parser = build_parser()
    for name, command in {"parallax": parser, **_subparsers(parser)}.items():
        assert issubclass(command.formatter_class, argparse.ArgumentDefaultsHelpFormatter), name
        for action in command._actions:
            assert action.help, f"{name} {action.dest} has no help"
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "(default: out/parallax.sqlite)" in help_text and "(default: csv,json,geojson,parquet)" in help_text


def test_ingest_summary_is_titled_ingest(tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["ingest", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "db.sqlite"), "--workers", "1"]) == 0
    err = capsys.readouterr().err
    assert "parallax ingest" in err and "parallax run" not in err


def test_a_bad_published_date_is_refused_without_a_kept_message(tmp_path, capsys, caplog):
    """A new user's `--published 2026-13-45` logged "kept the article without a date", then exited 4."""
    (tmp_path / "a.txt").write_text("Gunmen killed two farmers near the village on Sunday, police said.", "utf-8")
    assert main(["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "db.sqlite"),
                 "--published", "2026-13-45"]) != 0
    assert "not a date" in capsys.readouterr().err and "kept the article" not in caplog.text
