"""How the incidents came to be: the resolution log (every new incident, join, merge and split, with
its evidence) as resolution_log.jsonl, and the follow-up stories linked to their incidents as
follow_ups.csv."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path

from parallax.report.files import replaced
from parallax.resolve.follow_ups import follow_up_links
from parallax.schema import Incident, ResolutionEvent

FOLLOW_UP_COLUMNS = ("incident_id", "event_incident_id", "evidence")


def log_row(event: ResolutionEvent) -> dict[str, object]:
    """One JSON object per event: what happened, to which incident, replacing which, because of
    which new reports, and the links (articles, score, evidence) that decided it."""
    return {"recorded": event.recorded, "kind": event.kind.value, "incident_id": event.incident_id,
            "previous": list(event.previous), "mention_ids": list(event.mention_ids), "detail": event.detail}


def export_resolution_log(events: Iterable[ResolutionEvent], out_dir: Path) -> Path:
    """resolution_log.jsonl, oldest event first (the store's order)."""
    path = Path(out_dir) / "resolution_log.jsonl"
    with replaced(path) as part, part.open("w", encoding="utf-8") as handle:
        for event in events:
            handle.write(json.dumps(log_row(event), ensure_ascii=False) + "\n")
    return path


def export_follow_ups(incidents: Sequence[Incident], out_dir: Path,
                      published: Mapping[str, datetime | None] | None = None) -> Path:
    """follow_ups.csv: each follow-up incident, the incident it refers to, and why; `published`
    (article id -> publication date) dates the reports whose text gives no date, as resolution does."""
    path = Path(out_dir) / "follow_ups.csv"
    with replaced(path) as part, part.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(FOLLOW_UP_COLUMNS)
        for link in follow_up_links(incidents, published=published):
            writer.writerow((link.incident_id, link.event_incident_id,
                             "; ".join(f"{e.name} ({e.detail})" for e in link.evidence)))
    return path
