"""`parallax serve`: a thin command over parallax.serve.app.run_server."""

from __future__ import annotations

from parallax import cli
from parallax.errors import InputError
from parallax.serve import app as serve_app


def test_missing_database_fails_fast(tmp_path):
    status = cli.main(["serve", "--db", str(tmp_path / "none.sqlite")])
    assert status == cli.exit_status(InputError("no database")) != 0
    assert not (tmp_path / "none.sqlite").exists()  # not created by a typo


def test_options_reach_run_server(served_db, monkeypatch):
    called = {}
    monkeypatch.setattr(serve_app, "run_server", lambda *args: called.setdefault("args", args))
    assert cli.main(["serve", "--db", str(served_db), "--host", "127.0.0.1", "--port", "8123",
                     "--token", "t0k", "--zones", "examples/zones/syria_2017.geojson"]) == 0
    db, settings, host, port, token, zones = called["args"]
    assert (db, host, port, token, str(zones)) == (served_db, "127.0.0.1", 8123, "t0k", "examples/zones/syria_2017.geojson")


def test_token_precedence(monkeypatch):
    from parallax.settings import Settings
    monkeypatch.setenv("PARALLAX_TOKEN", "env")
    assert serve_app.resolve_token("flag", Settings(serve_token="file")) == "flag"
    assert serve_app.resolve_token(None, Settings(serve_token="file")) == "env"
    monkeypatch.delenv("PARALLAX_TOKEN")
    assert serve_app.resolve_token(None, Settings(serve_token="file")) == "file"
    assert serve_app.resolve_token(None, Settings()) == ""
