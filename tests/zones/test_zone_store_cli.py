"""The alert log in the store, the `parallax zones` command, and alerts raised by an ingest."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import datetime, timezone

from zone_builders import SYRIA_ZONES, incident
from parallax.cli import main
from parallax.schema import Alert, Article, ZoneRelation
from parallax.settings import Settings
from parallax.store.migrations import MIGRATIONS
from parallax.store.sqlite import open_store

RAISED = datetime(2017, 5, 19, 12, 0, tzinfo=timezone.utc)


def _alert(ident: str, change: str = "created") -> Alert:
    return Alert(ident, "al-tanf", "al-Tanf deconfliction zone", "inc", change, ZoneRelation.POSSIBLY_INSIDE,
                 "f" + ident, RAISED, fatalities_best=None, delivery="sent 200")


def test_alerts_round_trip_in_order_and_once(tmp_path):
    with open_store(tmp_path / "p.sqlite") as store:
        store.add_alerts([_alert("b"), _alert("a", "updated")])
        store.add_alerts([_alert("b")])  # same id again: kept once
        assert store.alerts() == [_alert("b"), _alert("a", "updated")]


def test_alerts_table_comes_from_a_migration(tmp_path):
    with open_store(tmp_path / "p.sqlite") as store:
        version = store._conn.execute("PRAGMA user_version").fetchone()[0]
        columns = {r[1] for r in store._conn.execute("PRAGMA table_info(alerts)")}
    assert version == len(MIGRATIONS)
    assert {"zone_id", "incident_id", "change", "status", "fingerprint", "delivery"} <= columns


def _database(tmp_path):
    strike = incident(33.5, 38.63, ident="tanf", when=None, actor1="International Coalition against the Islamic State",
                      actor2="Pro-Government Forces")
    path = tmp_path / "p.sqlite"
    with open_store(path) as store:
        article_ids = sorted({m.article_id for m in strike.mentions})
        store.add_articles([Article(a, "An air strike hit the town.") for a in article_ids])
        for article_id in article_ids:
            store.replace_mentions(article_id, [m for m in strike.mentions if m.article_id == article_id])
        store.save_incidents([strike])
    return path


def test_zones_command_prints_status_and_violations(tmp_path, capsys):
    code = main(["zones", "--db", str(_database(tmp_path)), "--zones", str(SYRIA_ZONES)])
    out = capsys.readouterr().out
    assert code == 0
    assert "al-Tanf deconfliction zone" in out and "Eastern Ghouta" in out
    assert "violations" in out and "International Coalition" in out and "inside" in out


def test_zones_command_names_a_bad_zones_file(tmp_path, capsys):
    bad = tmp_path / "bad.geojson"
    bad.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "X"}, '
                   '"geometry": {"type": "Point", "coordinates": [38, 33]}}]}', "utf-8")
    code = main(["zones", "--db", str(_database(tmp_path)), "--zones", str(bad)])
    err = capsys.readouterr().err
    assert code != 0 and "P701" in err and "bad.geojson" in err and "feature 1 ('X')" in err


def test_zones_command_missing_zones_file(tmp_path, capsys):
    code = main(["zones", "--db", str(_database(tmp_path)), "--zones", str(tmp_path / "none.geojson")])
    assert code != 0 and "none.geojson" in capsys.readouterr().err


def test_ingest_of_the_seeds_alerts_on_the_al_tanf_strike(tmp_path, nlp, capsys):
    from builders import EXAMPLES
    from parallax.pipeline import ingest_paths
    seeds = sorted(EXAMPLES.glob("00[03]_*.txt"))
    code = main(["ingest", *map(str, seeds), "--db", str(tmp_path / "p.sqlite"), "--zones", str(SYRIA_ZONES)])
    assert code == 0
    alerts = [json.loads(line) for line in (tmp_path / "alerts.jsonl").read_text("utf-8").splitlines()]
    tanf = [a for a in alerts if a["zone_id"] == "al-tanf"]
    assert len(tanf) == 1 and tanf[0]["change"] == "created" and tanf[0]["n_sources"] == 2
    # regression: the end-of-run summary did not count the alerts a run raised
    assert re.search(rf"zone alerts raised +│ {len(alerts)} ", capsys.readouterr().err)
    with open_store(tmp_path / "p.sqlite") as store:
        assert store.last_run().alerts == len(alerts)
    settings = replace(Settings(), zones_file=str(SYRIA_ZONES), workers=1)
    again = ingest_paths(seeds, tmp_path / "p.sqlite", settings)  # nothing new: no new alert
    assert len((tmp_path / "alerts.jsonl").read_text("utf-8").splitlines()) == len(alerts)
    assert again.alerts == 0


def test_the_run_summary_shows_alerts_only_when_zones_were_given(capsys):
    from parallax.cli import _print_summary
    from parallax.schema import RunSummary
    _print_summary(RunSummary(read=2, new_articles=2))
    assert "zone alerts" not in capsys.readouterr().err
    _print_summary(RunSummary(read=2, new_articles=2, alerts=0), zones=True)
    assert re.search(r"zone alerts raised +│ 0 ", capsys.readouterr().err)


def test_ingest_with_a_bad_zones_file_fails_before_reading_anything(tmp_path, capsys):
    # regression: the zones file used to be read only after extraction, when alerts were raised
    bad = tmp_path / "bad.geojson"
    bad.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": '
                   '{"name": "X", "kind": "ceasefire"}, "geometry": {"type": "Polygon", "coordinates": [[[1, 1]]]}}]}',
                   "utf-8")
    article = tmp_path / "a.txt"
    article.write_text("KABUL - A roadside bomb killed two officers in Helmand on Monday, police said. " * 3, "utf-8")
    code = main(["ingest", str(article), "--db", str(tmp_path / "p.sqlite"), "--zones", str(bad)])
    assert code != 0 and "feature 1 ('X')" in capsys.readouterr().err
    assert not (tmp_path / "p.sqlite").exists()
