"""The edge where zone alerts leave parallax: the store's alert log, alerts.jsonl and a webhook."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from parallax.errors import AlertDeliveryError
from parallax.report.jsonable import to_jsonable
from parallax.schema import Alert, Incident
from parallax.settings import Settings
from parallax.store.base import Store
from parallax.zones.alerts import last_fingerprints, new_alerts
from parallax.zones.files import load_zones
from parallax.zones.rules import load_zone_rules

ALERTS_FILE = "alerts.jsonl"


def raise_zone_alerts(store: Store, incidents: Sequence[Incident], settings: Settings) -> list[Alert]:
    """After resolution: alert on incidents created or updated inside a zone in force.

    Does nothing without `settings.zones_file`. Each alert is POSTed to `settings.alert_webhook`
    when set (its outcome kept on the alert, a failure never stops the run), appended to the
    store's alert log and to alerts.jsonl beside the database.
    """
    if not settings.zones_file:
        return []
    rules = load_zone_rules(settings.data_dir)
    zones = load_zones(Path(settings.zones_file), rules)
    alerts = new_alerts(incidents, zones, rules, last_fingerprints(store.alerts()),
                        datetime.now().astimezone().replace(microsecond=0))
    if settings.alert_webhook:
        alerts = [_delivered(a, settings) for a in alerts]
    store.add_alerts(alerts)
    append_jsonl(Path(store.path).parent / ALERTS_FILE, alerts)
    return alerts


def alert_json(alert: Alert) -> dict[str, object]:
    return to_jsonable(alert)  # type: ignore[return-value]


def append_jsonl(path: Path, alerts: Sequence[Alert]) -> None:
    if not alerts:
        return
    with path.open("a", encoding="utf-8") as out:
        for alert in alerts:
            out.write(json.dumps(alert_json(alert), ensure_ascii=False) + "\n")


def post_alert(alert: Alert, url: str, timeout: float) -> int:
    """POST one alert as JSON; the HTTP status, or AlertDeliveryError naming the URL."""
    if not url.lower().startswith(("http://", "https://")):
        raise AlertDeliveryError(f"alert webhook {url!r} is not an http(s) URL", "set alert_webhook to http(s)://...")
    body = json.dumps(alert_json(alert), ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(url, data=body, method="POST",
                                     headers={"Content-Type": "application/json", "User-Agent": "parallax"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        raise AlertDeliveryError(f"alert webhook {url} answered {exc.code}", "check the receiving service") from exc
    except (urllib.error.URLError, OSError) as exc:
        raise AlertDeliveryError(f"alert webhook {url} unreachable: {exc}", "check the URL and the network") from exc


def _delivered(alert: Alert, settings: Settings) -> Alert:
    try:
        status = post_alert(alert, settings.alert_webhook, settings.alert_timeout)
    except AlertDeliveryError as exc:
        return replace(alert, delivery=f"failed: {exc.args[0]}")
    return replace(alert, delivery=f"sent {status}")
