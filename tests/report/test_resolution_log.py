"""The resolution log and the follow-up links, as exported beside the incidents."""

import csv
import json
from datetime import date

from parallax.report.resolution_log import export_follow_ups, export_resolution_log
from parallax.resolve.incidents import resolve_incidents
from parallax.schema import ResolutionEvent, ResolutionKind
from parallax.settings import Settings

from builders import day, mention, place


def test_every_logged_event_is_one_json_line_in_the_store_order(tmp_path):
    events = [ResolutionEvent(ResolutionKind.NEW, "i1", (), ("m1", "m2"), "a1 ~ b2 (0.80: place, date)", "2026-01-02T03:04:05+00:00"),
              ResolutionEvent(ResolutionKind.SPLIT, "i1", ("i1",), (), "now i1, i3")]
    path = export_resolution_log(events, tmp_path)
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    assert [r["kind"] for r in rows] == ["new", "split"]
    assert rows[0] == {"recorded": "2026-01-02T03:04:05+00:00", "kind": "new", "incident_id": "i1", "previous": [],
                       "mention_ids": ["m1", "m2"], "detail": "a1 ~ b2 (0.80: place, date)"}


def test_follow_ups_csv_names_the_follow_up_the_incident_and_the_evidence(tmp_path):
    town = place("Toledo", "US", 41.66, -83.56, admin1="Ohio")
    # the arrest story names the tavern, not the victim: linked (a story naming him joins the incident)
    shooting = mention("a1", town, day(date(2015, 2, 23)), "Marcus Reyes was shot on Monday outside the Silver Dollar Tavern.")
    arrest = mention("b2", town, day(date(2015, 3, 20)), "Police arrested a man in the shooting outside the Silver Dollar Tavern.")
    incidents = resolve_incidents([shooting, arrest], Settings())
    of = {m.article_id: i.id for i in incidents for m in i.mentions}
    rows = list(csv.DictReader(export_follow_ups(incidents, tmp_path).open(encoding="utf-8")))
    assert [(r["incident_id"], r["event_incident_id"]) for r in rows] == [(of["b2"], of["a1"])]
    assert "silver dollar tavern" in rows[0]["evidence"] and "25 days after" in rows[0]["evidence"]


def test_export_writes_the_stored_log_and_the_follow_ups(tmp_path):
    from datetime import datetime

    from parallax.cli import main
    from parallax.resolve.incremental import resolve_pending
    from parallax.schema import Article
    from parallax.store.sqlite import open_store

    town = place("Toledo", "US", 41.66, -83.56, admin1="Ohio")
    told = [("a1", "Marcus Reyes was shot on Monday outside the Silver Dollar Tavern.", date(2015, 2, 23)),
            ("b2", "Marcus Reyes was wounded on Monday in Toledo, police said.", date(2015, 2, 23)),
            ("c3", "Police arrested a man in the killing outside the Silver Dollar Tavern.", date(2015, 3, 20))]
    with open_store(tmp_path / "db.sqlite") as store:
        for aid, text, when in told:
            store.add_extracted([(Article(aid, text, published=datetime(2015, 3, 21)), [mention(aid, town, day(when), text)])])
        resolve_pending(store, Settings())
        events = store.resolution_events()
    assert main(["export", "--db", str(tmp_path / "db.sqlite"), "--out", str(tmp_path / "out")]) == 0
    rows = [json.loads(line) for line in (tmp_path / "out" / "resolution_log.jsonl").read_text("utf-8").splitlines()]
    assert [(r["kind"], r["incident_id"]) for r in rows] == [(e.kind.value, e.incident_id) for e in events]
    assert all(r["recorded"] for r in rows) and any("a1 ~ b2" in r["detail"] for r in rows)
    follow = list(csv.DictReader((tmp_path / "out" / "follow_ups.csv").open(encoding="utf-8")))
    assert len(follow) == 1 and "silver dollar tavern" in follow[0]["evidence"]
