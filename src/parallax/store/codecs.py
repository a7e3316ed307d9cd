"""Conversions between schema records and SQLite rows, so that what is saved loads back equal.

Rows are plain column -> value mappings private to the store; nothing outside store/ sees them.
Spans live in five columns <prefix>_start/_end/_text/_sentence/_field (a NULL start means no span;
the field says which of the article's texts the offsets index, "text" or "title");
their article is the mention's, except on incidents, whose date and place come from any source
and so also keep <prefix>_article_id.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from datetime import date, datetime

from parallax.errors import StoreError
from parallax.reconcile.tolls import RULE as TOLL_RULE
from parallax.schema import (Actor, ActorRole, Alert, Article, Claim, ClaimPart, DatePrecision, EventDate,
                             EventMention, Fatalities, Figure, GeoPrecision, Incident, Measure, Place,
                             Rejected, ReportedToll, RunSummary, Span, Speaker, Stance, ZoneRelation)

Row = dict[str, object]

# Humans read the joined column; the JSON twin keeps items that contain the separator exact.
HUMAN_SEPARATOR = "; "


def now_iso() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


# -- spans, dates, places ------------------------------------------------------------------------

def span_columns(prefix: str, span: Span | None, with_article: bool = False) -> Row:
    values = (None,) * 6 if span is None else (span.article_id, span.start, span.end, span.text,
                                               span.sentence, span.field)
    row = dict(zip((f"{prefix}_{k}" for k in ("article_id", "start", "end", "text", "sentence", "field")), values))
    if not with_article:
        del row[f"{prefix}_article_id"]
    return row


def span_from(row: sqlite3.Row, prefix: str, article_id: str | None = None) -> Span | None:
    if row[f"{prefix}_start"] is None:
        return None
    owner = article_id if article_id is not None else row[f"{prefix}_article_id"]
    return Span(owner, row[f"{prefix}_start"], row[f"{prefix}_end"], row[f"{prefix}_text"],
                row[f"{prefix}_sentence"], row[f"{prefix}_field"] or "text")


def date_columns(when: EventDate | None, value_column: str, with_article: bool = False) -> Row:
    row: Row = {value_column: None, "date_precision": None, "date_expression": None, "weekday": None}
    if when is not None:
        row.update({value_column: when.value.isoformat() if when.value else None,
                    "date_precision": int(when.precision), "date_expression": when.expression,
                    "weekday": when.weekday})
    return row | span_columns("date", when.span if when else None, with_article)


def date_from(row: sqlite3.Row, value_column: str, article_id: str | None = None) -> EventDate | None:
    if row["date_precision"] is None:
        return None
    value = row[value_column]
    return EventDate(date.fromisoformat(value) if value else None, DatePrecision(row["date_precision"]),
                     row["date_expression"], row["weekday"], span_from(row, "date", article_id))


PLACE_FIELDS = ("country", "country_name", "admin1", "admin2", "latitude", "longitude")


def place_columns(place: Place | None, name_column: str, with_article: bool = False) -> Row:
    row: Row = {name_column: None, "geo_precision": None, "geonameid": None, "place_relation": None}
    row |= {k: None for k in PLACE_FIELDS}
    if place is not None:
        row |= {k: getattr(place, k) for k in PLACE_FIELDS}
        row |= {name_column: place.name, "geo_precision": int(place.precision),
                "geonameid": place.geonameid, "place_relation": place.relation}
    return row | span_columns("place", place.span if place else None, with_article)


def place_from(row: sqlite3.Row, name_column: str, article_id: str | None = None) -> Place | None:
    if row[name_column] is None:
        return None
    return Place(row[name_column], *(row[k] for k in PLACE_FIELDS),
                 precision=GeoPrecision(row["geo_precision"]), geonameid=row["geonameid"],
                 relation=row["place_relation"], span=span_from(row, "place", article_id))


# -- articles ------------------------------------------------------------------------------------

def article_row(article: Article, seq: int) -> Row:
    published = article.published.isoformat() if article.published else None
    return {"id": article.id, "seq": seq, "title": article.title, "outlet": article.outlet,
            "url": article.url, "published": published, "language": article.language,
            "source": article.source, "dateline": article.dateline,
            "dateline_end": article.dateline_end, "text": article.text, "added": now_iso()}


def article_from(row: sqlite3.Row) -> Article:
    published = datetime.fromisoformat(row["published"]) if row["published"] else None
    return Article(row["id"], row["text"], row["title"], row["outlet"], row["url"], published,
                   row["language"], row["source"], row["dateline"], row["dateline_end"])


# -- mentions and what hangs off them ------------------------------------------------------------

def foreign_spans(mention: EventMention) -> list[Span]:
    """Spans of a mention that point into another article: the store keeps one article per mention."""
    spans = [mention.trigger, *mention.sentences, *(c.span for c in mention.claims),
             *(a.span for a in mention.actors), mention.place.span if mention.place else None,
             mention.date.span if mention.date else None]
    return [s for s in spans if s is not None and s.article_id != mention.article_id]


def mention_row(mention: EventMention, seq: int) -> Row:
    sentences = [[s.start, s.end, s.text, s.sentence] + ([s.field] if s.field != "text" else [])
                 for s in mention.sentences]
    return ({"id": mention.id, "article_id": mention.article_id, "seq": seq,
             "event_type": mention.event_type, "sub_event_type": mention.sub_event_type}
            | span_columns("trigger", mention.trigger) | date_columns(mention.date, "date_value")
            | place_columns(mention.place, "place_name")
            | {"sentences_json": json.dumps(sentences, ensure_ascii=False),
               "background": int(mention.background), "outlet": mention.outlet})


def mention_from(row: sqlite3.Row, actors: Sequence[Actor], claims: Sequence[Claim]) -> EventMention:
    article_id = row["article_id"]
    sentences = tuple(Span(article_id, *item) for item in json.loads(row["sentences_json"]))
    return EventMention(row["id"], article_id, span_from(row, "trigger", article_id),
                        row["event_type"], row["sub_event_type"], tuple(actors),
                        place_from(row, "place_name", article_id), date_from(row, "date_value", article_id),
                        tuple(claims), sentences, bool(row["background"]), row["outlet"])


def actor_row(actor: Actor, mention_id: str, seq: int) -> Row:
    return {"mention_id": mention_id, "seq": seq, "name": actor.name, "normalized": actor.normalized,
            "role": actor.role.value, "category": actor.category,
            "country": actor.country} | span_columns("span", actor.span)


def actor_from(row: sqlite3.Row, article_id: str) -> Actor:
    return Actor(row["name"], row["normalized"], ActorRole(row["role"]), row["category"],
                 row["country"], span_from(row, "span", article_id))


def claim_row(claim: Claim, mention_id: str, seq: int) -> Row:
    speaker = claim.speaker
    return {"id": claim.id, "mention_id": mention_id, "article_id": claim.article_id, "seq": seq,
            "measure": claim.measure.value, "value_low": claim.figure.low,
            "value_high": claim.figure.high, "value_text": claim.figure.text,
            "victim_group": claim.victim_group, "object_text": claim.object_text,
            "speaker": speaker.name if speaker else None,
            "speaker_normalized": speaker.normalized if speaker else None,
            "speaker_kind": speaker.kind if speaker else None,
            "speaker_role": speaker.role if speaker else None,
            "relay": HUMAN_SEPARATOR.join(claim.relay),
            "relay_json": json.dumps(claim.relay, ensure_ascii=False),
            "verb": claim.verb, "stance": claim.stance.value, "hedged": int(claim.hedged),
            "hedge": claim.hedge, "negated": int(claim.negated), "scope": claim.scope,
            "start": claim.span.start, "end": claim.span.end, "span_text": claim.span.text,
            "sentence": claim.span.sentence, "span_field": claim.span.field, "claim_time": claim.claim_time}


def claim_from(row: sqlite3.Row, parts: Sequence[ClaimPart], span_article_id: str) -> Claim:
    speaker = None if row["speaker"] is None else Speaker(
        row["speaker"], row["speaker_normalized"], row["speaker_kind"], row["speaker_role"])
    span = Span(span_article_id, row["start"], row["end"], row["span_text"], row["sentence"],
                row["span_field"] or "text")
    return Claim(row["id"], row["article_id"], Measure(row["measure"]),
                 Figure(row["value_low"], row["value_high"], row["value_text"]), span,
                 row["victim_group"], row["object_text"], tuple(parts), speaker,
                 tuple(json.loads(row["relay_json"])), row["verb"], Stance(row["stance"]),
                 bool(row["hedged"]), row["hedge"], bool(row["negated"]), row["scope"],
                 row["claim_time"])


def part_rows(claim: Claim, mention_id: str) -> Iterator[Row]:
    for seq, part in enumerate(claim.parts):
        yield {"mention_id": mention_id, "claim_id": claim.id, "seq": seq,
               "victim_group": part.victim_group, "value_low": part.figure.low,
               "value_high": part.figure.high, "value_text": part.figure.text}


def part_from(row: sqlite3.Row) -> ClaimPart:
    return ClaimPart(row["victim_group"], Figure(row["value_low"], row["value_high"], row["value_text"]))


# -- incidents, rejects, runs --------------------------------------------------------------------

def incident_row(incident: Incident, seq: int) -> Row:
    deaths = incident.fatalities
    return ({"id": incident.id, "seq": seq, "event_type": incident.event_type,
             "sub_event_type": incident.sub_event_type, "actor1": incident.actor1,
             "actor2": incident.actor2}
            | date_columns(incident.date, "event_date", with_article=True)
            | place_columns(incident.place, "location", with_article=True)
            | {"fatalities_low": deaths.low, "fatalities_best": deaths.best,
               "fatalities_high": deaths.high, "rule": deaths.rule,
               "contested": int(incident.contested), "notes": HUMAN_SEPARATOR.join(incident.notes),
               "notes_json": json.dumps(incident.notes, ensure_ascii=False),
               "background": int(incident.background)}
            | _toll_columns(incident.reported))


def _toll_columns(toll: ReportedToll | None) -> Row:
    return {"reported_killed": toll.killed if toll else None, "reported_injured": toll.injured if toll else None}


def _toll_from(row: sqlite3.Row) -> ReportedToll | None:
    killed, injured = row["reported_killed"], row["reported_injured"]
    return None if killed is None and injured is None else ReportedToll(killed, injured, TOLL_RULE)


def incident_from(row: sqlite3.Row, mentions: Sequence[EventMention]) -> Incident:
    deaths = Fatalities(row["fatalities_low"], row["fatalities_best"], row["fatalities_high"], row["rule"])
    return Incident(row["id"], tuple(mentions), row["event_type"], row["sub_event_type"],
                    date_from(row, "event_date"), place_from(row, "location"), row["actor1"],
                    row["actor2"], deaths, bool(row["contested"]), tuple(json.loads(row["notes_json"])),
                    bool(row["background"]), reported=_toll_from(row))


def rejected_row(item: Rejected) -> Row:
    return {"source": item.source, "code": item.code, "reason": item.reason, "recorded": now_iso()}


def rejected_from(row: sqlite3.Row) -> Rejected:
    return Rejected(row["source"], row["code"], row["reason"])


COUNTS = ("read", "new_articles", "duplicates", "mentions", "claims", "incidents", "multi_source_incidents",
          "alerts")


def run_row(summary: RunSummary, started: datetime, finished: datetime) -> Row:
    rejected = [[r.source, r.code, r.reason] for r in summary.rejected]
    return ({"started": started.isoformat(), "finished": finished.isoformat(),
             "rejected": len(summary.rejected), "rejected_json": json.dumps(rejected, ensure_ascii=False)}
            | {k: getattr(summary, k) for k in COUNTS})


def run_from(row: sqlite3.Row) -> RunSummary:
    rejected = tuple(Rejected(*item) for item in json.loads(row["rejected_json"]))
    return RunSummary(rejected=rejected, **{k: row[k] for k in COUNTS})


def require_same_article(mention: EventMention, article_id: str) -> None:
    if mention.article_id != article_id:
        raise StoreError(f"mention {mention.id} belongs to article {mention.article_id}, not {article_id}",
                         "pass each article's own mentions to replace_mentions")
    foreign = foreign_spans(mention)
    if foreign:
        raise StoreError(f"mention {mention.id} holds a span of article {foreign[0].article_id}",
                         "spans of a mention must point into the mention's own article")


# -- zone alerts ---------------------------------------------------------------------------------

def alert_row(alert: Alert, seq: int) -> Row:
    return {"id": alert.id, "seq": seq, "zone_id": alert.zone_id, "zone_name": alert.zone_name,
            "incident_id": alert.incident_id, "change": alert.change, "status": alert.status.value,
            "fingerprint": alert.fingerprint, "raised": alert.raised.isoformat(timespec="seconds"),
            "event_type": alert.event_type, "event_date": alert.event_date, "place": alert.place,
            "actor1": alert.actor1, "actor2": alert.actor2, "fatalities_best": alert.fatalities_best,
            "n_sources": alert.n_sources, "delivery": alert.delivery}


def alert_from(row: sqlite3.Row) -> Alert:
    return Alert(row["id"], row["zone_id"], row["zone_name"], row["incident_id"], row["change"],
                 ZoneRelation(row["status"]), row["fingerprint"], datetime.fromisoformat(row["raised"]),
                 row["event_type"], row["event_date"], row["place"], row["actor1"], row["actor2"],
                 row["fatalities_best"], row["n_sources"], row["delivery"])
