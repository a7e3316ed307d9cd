"""SQL for incremental resolution: blocking keys, scored links, incident parts, the merge log.

Functions take an open connection inside the caller's transaction; SQLiteStore exposes them.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace

from parallax.schema import (Contradiction, ContradictionKind, Fatalities, GeoPrecision, Grade,
                             GroupFatalities, Incident, MatchEvidence, MatchLink, Omission, Place,
                             Reconciliation, ResolutionEvent, ResolutionKind, Span)
from parallax.store.codecs import now_iso, span_columns, span_from

CHUNK = 500  # ids per IN (...) query


def chunks(values: Iterable[str]) -> Iterable[list[str]]:
    values = list(values)
    for start in range(0, len(values), CHUNK):
        yield values[start:start + CHUNK]


def marks(values: list[str]) -> str:
    return ", ".join("?" for _ in values)


# -- blocking keys and scored links --------------------------------------------------------------

def add_keys(db: sqlite3.Connection, keys: Iterable[tuple[str, str]]) -> None:
    db.executemany("INSERT OR IGNORE INTO mention_keys (key, mention_id) VALUES (?, ?)",
                   ((key, mid) for mid, key in keys))


def mentions_under(db: sqlite3.Connection, keys: Iterable[str]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for part in chunks(set(keys)):
        for key, mid in db.execute(f"SELECT key, mention_id FROM mention_keys WHERE key IN ({marks(part)})", part):
            found[key].add(mid)
    return found


def pending_mention_ids(db: sqlite3.Connection) -> list[str]:
    rows = db.execute("SELECT m.id FROM mentions m JOIN articles a ON a.id = m.article_id "
                      "WHERE NOT EXISTS (SELECT 1 FROM mention_keys k WHERE k.mention_id = m.id) "
                      "ORDER BY a.seq, m.seq")
    return [r[0] for r in rows]


def evidence_json(evidence: tuple[MatchEvidence, ...]) -> str:
    return json.dumps([[e.name, e.weight, e.detail] for e in evidence], ensure_ascii=False)


def evidence_from(text: str) -> tuple[MatchEvidence, ...]:
    return tuple(MatchEvidence(name, weight, detail) for name, weight, detail in json.loads(text))


def link_row(link: MatchLink) -> tuple:
    return (link.mention_a, link.mention_b, link.article_a, link.article_b, link.score,
            evidence_json(link.evidence))


def link_from(row: sqlite3.Row) -> MatchLink:
    return MatchLink(row["mention_a"], row["mention_b"], row["score"], evidence_from(row["evidence_json"]),
                     row["article_a"], row["article_b"])


def add_links(db: sqlite3.Connection, links: Iterable[MatchLink]) -> None:
    db.executemany("INSERT OR REPLACE INTO match_links (mention_a, mention_b, article_a, article_b, score, "
                   "evidence_json) VALUES (?, ?, ?, ?, ?, ?)", (link_row(x) for x in links))


def links_of(db: sqlite3.Connection, mention_ids: Iterable[str]) -> list[MatchLink]:
    found: dict[tuple[str, str], MatchLink] = {}
    for part in chunks(set(mention_ids)):
        for column in ("mention_a", "mention_b"):
            for row in db.execute(f"SELECT * FROM match_links WHERE {column} IN ({marks(part)})", part):
                found[(row["mention_a"], row["mention_b"])] = link_from(row)
    return list(found.values())


def incidents_of(db: sqlite3.Connection, mention_ids: Iterable[str]) -> dict[str, set[str]]:
    """Incident id -> all its mention ids, for the incidents holding any of `mention_ids`."""
    ids: set[str] = set()
    for part in chunks(set(mention_ids)):
        ids |= {r[0] for r in db.execute(
            f"SELECT incident_id FROM incident_mentions WHERE mention_id IN ({marks(part)})", part)}
    members: dict[str, set[str]] = defaultdict(set)
    for part in chunks(ids):
        for iid, mid in db.execute("SELECT incident_id, mention_id FROM incident_mentions "
                                   f"WHERE incident_id IN ({marks(part)})", part):
            members[iid].add(mid)
    return dict(members)


def published_of(db: sqlite3.Connection, article_ids: Iterable[str]) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for part in chunks(set(article_ids)):
        out |= dict(db.execute(f"SELECT id, published FROM articles WHERE id IN ({marks(part)})", part).fetchall())
    return out


# -- incident parts: links, reconciliation, contradictions, omissions --------------------------------

def incident_columns(incident: Incident) -> dict[str, object]:
    rec = incident.reconciliation
    if rec is None:
        return {"grade": "", "type_confidence": None, "independent_sources": None, "reconciliation_json": ""}
    extra = {"source_groups": [list(g) for g in rec.source_groups],
             "place_alternatives": [_place_json(p) for p in rec.place_alternatives],
             "by_victim_group": [[g.victim_group, g.fatalities.low, g.fatalities.best, g.fatalities.high]
                                 for g in rec.by_victim_group],
             "follow_up_reports": list(rec.follow_up_reports)}
    return {"grade": rec.grade.value, "type_confidence": rec.type_confidence,
            "independent_sources": rec.independent_sources,
            "reconciliation_json": json.dumps(extra, ensure_ascii=False)}


def _place_json(place: Place) -> dict:
    span = place.span
    return {"name": place.name, "country": place.country, "admin1": place.admin1,
            "latitude": place.latitude, "longitude": place.longitude, "precision": int(place.precision),
            "span": [span.article_id, span.start, span.end, span.text, span.sentence, span.field] if span else None}


def _place_from(item: dict) -> Place:
    span = Span(*item["span"]) if item.get("span") else None
    return Place(item["name"], item["country"], admin1=item["admin1"], latitude=item["latitude"],
                 longitude=item["longitude"], precision=GeoPrecision(item["precision"]), span=span)


def insert_parts(db: sqlite3.Connection, incident: Incident) -> None:
    db.executemany("INSERT INTO incident_links VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   ((incident.id, seq) + link_row(link) for seq, link in enumerate(incident.links)))
    rec = incident.reconciliation
    if rec is None:
        return
    for seq, c in enumerate(rec.contradictions):
        row = {"incident_id": incident.id, "seq": seq, "kind": c.kind.value, "subject": c.subject,
               "value_a": c.value_a, "value_b": c.value_b, "speaker_a": c.speaker_a, "speaker_b": c.speaker_b}
        _insert(db, "contradictions", row | span_columns("a", c.span_a, True) | span_columns("b", c.span_b, True))
    for seq, o in enumerate(rec.omissions):
        row = {"incident_id": incident.id, "seq": seq, "article_id": o.article_id, "outlet": o.outlet,
               "kind": o.kind, "fact": o.fact, "reported_by": json.dumps(o.reported_by, ensure_ascii=False)}
        _insert(db, "omissions", row | span_columns("span", o.span, True))


def _insert(db: sqlite3.Connection, table: str, row: Mapping[str, object]) -> None:
    columns = ", ".join(f'"{c}"' for c in row)
    db.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks(list(row))})", tuple(row.values()))


def _by_incident(db: sqlite3.Connection, table: str) -> dict[str, list[sqlite3.Row]]:
    grouped: dict[str, list[sqlite3.Row]] = defaultdict(list)
    for row in db.execute(f"SELECT * FROM {table} ORDER BY incident_id, seq"):
        grouped[row["incident_id"]].append(row)
    return grouped


def load_parts(db: sqlite3.Connection) -> tuple[dict, dict, dict]:
    """Every incident's links, contradictions and omissions, keyed by incident id."""
    return _by_incident(db, "incident_links"), _by_incident(db, "contradictions"), _by_incident(db, "omissions")


def with_parts(incident: Incident, row: sqlite3.Row, parts: tuple[dict, dict, dict]) -> Incident:
    links, contradictions, omissions = (p.get(incident.id, []) for p in parts)
    rec = None
    if row["grade"]:
        extra = json.loads(row["reconciliation_json"] or "{}")
        rec = Reconciliation(
            Grade(row["grade"]), row["type_confidence"], row["independent_sources"],
            tuple(tuple(g) for g in extra.get("source_groups", [])),
            tuple(_place_from(p) for p in extra.get("place_alternatives", [])),
            tuple(GroupFatalities(g, Fatalities(lo, best, hi)) for g, lo, best, hi in extra.get("by_victim_group", [])),
            tuple(_contradiction_from(r) for r in contradictions), tuple(_omission_from(r) for r in omissions),
            tuple(extra.get("follow_up_reports", [])))
    return replace(incident, links=tuple(link_from(r) for r in links), reconciliation=rec)


def _contradiction_from(row: sqlite3.Row) -> Contradiction:
    return Contradiction(ContradictionKind(row["kind"]), row["subject"], row["value_a"], row["value_b"],
                         row["speaker_a"], row["speaker_b"], span_from(row, "a"), span_from(row, "b"))


def _omission_from(row: sqlite3.Row) -> Omission:
    return Omission(row["article_id"], row["outlet"], row["kind"], row["fact"],
                    tuple(json.loads(row["reported_by"])), span_from(row, "span"))


# -- the merge and split log ---------------------------------------------------------------------

def log_events(db: sqlite3.Connection, events: Iterable[ResolutionEvent]) -> None:
    db.executemany("INSERT INTO resolution_log (recorded, kind, incident_id, previous_json, mention_ids_json, "
                   "detail) VALUES (?, ?, ?, ?, ?, ?)",
                   ((now_iso(), e.kind.value, e.incident_id, json.dumps(e.previous), json.dumps(e.mention_ids),
                     e.detail) for e in events))


def events(db: sqlite3.Connection) -> list[ResolutionEvent]:
    return [ResolutionEvent(ResolutionKind(r["kind"]), r["incident_id"], tuple(json.loads(r["previous_json"])),
                            tuple(json.loads(r["mention_ids_json"])), r["detail"], r["recorded"])
            for r in db.execute("SELECT * FROM resolution_log ORDER BY id")]
