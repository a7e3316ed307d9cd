"""Alerts: created, updated or quiet; the store log, alerts.jsonl and a loopback webhook."""

from __future__ import annotations

import json
import threading
from dataclasses import replace
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from zone_builders import SYRIA_ZONES, incident, square_zone
from parallax.schema import Fatalities, Span, ZoneRelation
from parallax.settings import Settings
from parallax.store.sqlite import open_store
from parallax.zones.alerts import fingerprint, last_fingerprints, new_alerts
from parallax.zones.notify import ALERTS_FILE, raise_zone_alerts

NOW = datetime(2017, 5, 19, 12, 0, tzinfo=timezone.utc)


def test_new_incident_in_zone_is_created_then_quiet_then_updated(rules):
    zone, strike = square_zone(), incident(35.5, 36.5, ident="s1")
    (first,) = new_alerts([strike], [zone], rules, {}, NOW)
    assert (first.change, first.status, first.zone_id, first.incident_id) == ("created", ZoneRelation.INSIDE, "square", "s1")
    assert first.fatalities_best == 3 and first.actor1 == "Military Forces of Russia"
    seen = last_fingerprints([first])
    assert new_alerts([strike], [zone], rules, seen, NOW) == []
    revised = replace(strike, fatalities=Fatalities(3, 8, 12))
    (second,) = new_alerts([revised], [zone], rules, seen, NOW)
    assert second.change == "updated" and second.fingerprint != first.fingerprint


def test_incidents_outside_or_background_raise_nothing(rules):
    outside = incident(30.0, 36.5, ident="far")
    old = incident(35.5, 36.5, ident="old", background=True)
    assert new_alerts([outside, old], [square_zone()], rules, {}, NOW) == []


def test_an_incident_only_funeral_stories_tell_raises_no_alert(rules):
    """Regression (round 4b, B6): 'Hundreds of mourners buried 11 people killed in Thursday's gunmen attack'
    stayed an incident of its own and raised a second alert for the Kassala attack it mourns."""
    strike = incident(35.5, 36.5, ident="attack")
    sentence = "Hundreds of mourners on Saturday buried 11 people killed in Thursday's gunmen attack on the market."
    at = sentence.index("attack")
    mourned = replace(strike.mentions[0], trigger=Span("f1", at, at + 6, "attack", sentence))
    funeral = replace(incident(35.5, 36.5, ident="funeral"), mentions=(mourned,))
    assert [a.incident_id for a in new_alerts([strike, funeral], [square_zone()], rules, {}, NOW)] == ["attack"]


def test_a_new_source_changes_the_fingerprint():
    one, two = incident(35.5, 36.5, mentions=1), incident(35.5, 36.5, mentions=2)
    assert fingerprint(one) != fingerprint(two)


def _settings(**values) -> Settings:
    return replace(Settings(), zones_file=str(SYRIA_ZONES), **values)


def test_raise_zone_alerts_writes_store_and_jsonl(tmp_path):
    strike = incident(33.5, 38.63, ident="tanf", when=None)
    with open_store(tmp_path / "p.sqlite") as store:
        (alert,) = raise_zone_alerts(store, [strike], _settings())
        assert store.alerts() == [alert]
        assert raise_zone_alerts(store, [strike], _settings()) == []  # nothing changed: no second alert
    lines = (tmp_path / ALERTS_FILE).read_text("utf-8").splitlines()
    assert len(lines) == 1
    written = json.loads(lines[0])
    assert written["zone_id"] == "al-tanf" and written["change"] == "created" and written["status"] == "inside"


def test_no_zones_file_no_alerts(tmp_path):
    with open_store(tmp_path / "p.sqlite") as store:
        assert raise_zone_alerts(store, [incident(33.5, 38.63)], Settings()) == []
    assert not (tmp_path / ALERTS_FILE).exists()


class _Receiver(BaseHTTPRequestHandler):
    bodies: list[dict] = []
    status = 204

    def do_POST(self):  # noqa: N802 (http.server's name)
        length = int(self.headers["Content-Length"])
        type(self).bodies.append(json.loads(self.rfile.read(length)))
        self.send_response(type(self).status)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def receiver():
    handler = type("Receiver", (_Receiver,), {"bodies": [], "status": 204})
    server = HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, handler
    server.shutdown()
    server.server_close()


def test_webhook_receives_each_alert(tmp_path, receiver):
    server, handler = receiver
    url = f"http://127.0.0.1:{server.server_port}/hook"
    with open_store(tmp_path / "p.sqlite") as store:
        (alert,) = raise_zone_alerts(store, [incident(33.5, 38.63, ident="tanf")], _settings(alert_webhook=url))
    assert alert.delivery == "sent 204"
    assert [b["incident_id"] for b in handler.bodies] == ["tanf"]
    assert handler.bodies[0]["zone_name"] == "al-Tanf deconfliction zone"


def test_webhook_failure_is_recorded_and_the_alert_kept(tmp_path, receiver):
    server, handler = receiver
    handler.status = 500
    url = f"http://127.0.0.1:{server.server_port}/hook"
    with open_store(tmp_path / "p.sqlite") as store:
        (alert,) = raise_zone_alerts(store, [incident(33.5, 38.63)], _settings(alert_webhook=url))
        assert store.alerts()[0].delivery.startswith("failed: alert webhook") and "500" in alert.delivery


def test_unreachable_webhook_is_recorded(tmp_path):
    with open_store(tmp_path / "p.sqlite") as store:
        # port 9 on loopback: nothing listens (connection refused), no network involved
        (alert,) = raise_zone_alerts(store, [incident(33.5, 38.63)],
                                     _settings(alert_webhook="http://127.0.0.1:9/hook", alert_timeout=2.0))
    assert alert.delivery.startswith("failed:") and "unreachable" in alert.delivery


def test_non_http_webhook_is_refused_per_alert(tmp_path):
    with open_store(tmp_path / "p.sqlite") as store:
        (alert,) = raise_zone_alerts(store, [incident(33.5, 38.63)], _settings(alert_webhook="file:///etc/passwd"))
    assert "not an http(s) URL" in alert.delivery
