"""Score incident resolution on Gun Violence Archive incidents reported by several articles.

The sample: incidents with 2+ usable articles, split by a hash of the incident id into a dev half
(thresholds were chosen on it) and a held-out half, plus as many single-article incidents of the
same half as distractors (each its own gold cluster).
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path

from parallax.errors import EvalDataError
from parallax.evaluate.coreference import clustering_scores
from parallax.ingest.ids import content_id
from parallax.schema import Article, EventMention, Incident
from parallax.settings import Settings

DEFAULT_INCIDENTS = 150
MIN_CHARS = 400
SPLITS = ("dev", "heldout")


def split_of(incident_id: str) -> str:
    return SPLITS[int(hashlib.sha1(incident_id.encode()).hexdigest(), 16) % 2]


def _rows_by_incident(folder: Path) -> dict[str, list[dict]]:
    path = folder / "gva_articles.jsonl.gz"
    if not path.is_file():
        raise EvalDataError(f"{path} not found", "point --data at a folder holding gva_articles.jsonl.gz")
    by_incident: dict[str, list[dict]] = defaultdict(list)
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if len(row.get("content", "")) >= MIN_CHARS:
                by_incident[str(row["incident_id"])].append(row)
    return by_incident


def gva_sample(folder: Path, limit: int | None, split: str) -> list[tuple[str, Article]]:
    """(gold incident id, article): `limit` multi-article incidents of the split, then distractors."""
    by_incident = _rows_by_incident(folder)
    mine = [k for k in by_incident if split_of(k) == split]
    size = limit or DEFAULT_INCIDENTS
    multi = [k for k in mine if len(by_incident[k]) >= 2][:size]
    single = [k for k in mine if len(by_incident[k]) == 1][:size]
    return [(k, _article(row)) for k in multi + single for row in by_incident[k]]


def _article(row: dict) -> Article:
    text = row["content"]
    published = datetime.fromisoformat(row["dct"]) if row.get("dct") else None
    return Article(id=content_id(text), text=text, title=row.get("title", ""), url=row.get("uri", ""),
                   outlet=row.get("uri", "").split("/")[7] if row.get("uri", "").count("/") > 7 else "",
                   published=published, source="gva")


def main_mention(mentions: Sequence[EventMention]) -> EventMention | None:
    """The incident an article reports: its first mention that is not background."""
    return next((m for m in mentions if not m.background), mentions[0] if mentions else None)


def extract_mentions(articles: Iterable[Article], settings: Settings) -> dict[str, list[EventMention]]:
    """Every event mention of each article, as the pipeline extracts them."""
    from parallax.nlp.pipeline import load_nlp
    from parallax.pipeline import analyse_articles, load_knowledge

    return {article.id: mentions for article, mentions in analyse_articles(
        list(articles), load_nlp(settings.spacy_model), load_knowledge(settings), settings) if mentions}


def article_incidents(by_article: dict[str, list[EventMention]], incidents: Sequence[Incident]) -> dict[str, str]:
    """Article -> the incident it reports: its main mention's, unless that one stands alone and
    another of its mentions (a follow-up story's reference to the event) joined other reports."""
    of = {m.id: i for i in incidents for m in i.mentions}
    chosen = {}
    for article_id, mentions in by_article.items():
        if not mentions:
            continue
        incident = of[main_mention(mentions).id]
        if len(incident.article_ids) == 1:
            joined = [of[m.id] for m in mentions if len(of[m.id].article_ids) > 1]
            incident = max(joined, key=lambda i: (len(i.article_ids), i.id), default=incident)
        chosen[article_id] = incident.id
    return chosen


def score_clusters(gold: dict[str, str], by_article: dict[str, list[EventMention]], settings: Settings,
                   published: dict[str, datetime | None], counts: dict[str, tuple[int, int]] | None = None) -> dict:
    """Resolve every mention of the articles as the pipeline does and score article -> incident
    clusters against the gold links; with `counts` (gold incident -> killed, injured), also the
    tolls of the merged incidents."""
    from parallax.resolve.incidents import resolve_incidents

    incidents = resolve_incidents([m for ms in by_article.values() for m in ms], settings, published)
    predicted = article_incidents(by_article, incidents)
    predicted.update({aid: f"alone:{aid}" for aid in gold if aid not in predicted})
    scores = clustering_scores(gold, {a: predicted[a] for a in gold})
    linked = linked_scores(gold, predicted, incidents, by_article, published)
    tolls = merged_tolls(incidents, gold, counts) if counts else {}
    return {"incidents": len(set(gold.values())), "articles": len(gold),
            "articles_without_mention": len(set(gold) - {a for a, ms in by_article.items() if ms}),
            **scores, **linked, **tolls}


def linked_scores(gold: dict[str, str], predicted: dict[str, str], incidents: Sequence[Incident],
                  by_article: dict[str, list[EventMention]], published: dict[str, datetime | None]) -> dict:
    """The same scores with each follow-up story counted in the incident it is linked to (GVA's
    gold counts an arrest or a hearing weeks later as a report of the shooting): `linked_*` keys,
    beside the strict scores above, where a follow-up is an incident of its own."""
    from parallax.resolve.features import with_reference_date
    from parallax.resolve.follow_ups import follow_up_links

    matching = {m.id: with_reference_date(m, published.get(m.article_id)) for ms in by_article.values() for m in ms}
    parent = {x.incident_id: x.event_incident_id for x in follow_up_links(incidents, matching)}

    def event_of(incident_id: str) -> str:
        while incident_id in parent:  # links point to strictly earlier incidents: no cycle
            incident_id = parent[incident_id]
        return incident_id

    scores = clustering_scores(gold, {a: event_of(predicted[a]) for a in gold})
    return {"follow_up_links": len(parent), **{f"linked_{k}": v for k, v in scores.items()}}


def merged_tolls(incidents: Sequence[Incident], gold: dict[str, str], counts: dict[str, tuple[int, int]]) -> dict:
    """Over predicted incidents of 2+ articles: how often the reconciled killed (best) and injured
    (largest source figure) equal the gold counts of the incident most of their articles belong to."""
    from collections import Counter

    from parallax.reconcile.figures import per_source
    from parallax.schema import Measure

    merged = [i for i in incidents if len(i.article_ids) > 1]
    killed = injured = 0
    for incident in merged:
        truth = counts.get(Counter(gold[a] for a in incident.article_ids if a in gold).most_common(1)[0][0])
        told = per_source(((c, m.outlet) for m in incident.mentions for c in m.claims), Measure.INJURED)
        hurt = max((c.figure.low for c in told.values()), default=0)
        killed += truth is not None and (incident.fatalities.best or 0) == truth[0]
        injured += truth is not None and hurt == truth[1]
    n = len(merged) or 1
    return {"merged_incidents": len(merged), "merged_killed_exact": round(killed / n, 3),
            "merged_injured_exact": round(injured / n, 3)}


def gold_counts(folder: Path) -> dict[str, tuple[int, int]]:
    """GVA incident id -> (killed, injured), from gva_incidents.jsonl.gz when the folder has it."""
    path = folder / "gva_incidents.jsonl.gz"
    if not path.is_file():
        return {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        rows = (json.loads(line) for line in handle)
        return {str(r["incident_uri"]): (int(r.get("num_killed") or 0), int(r.get("num_injured") or 0)) for r in rows}


def score_split(folder: Path, limit: int | None, split: str, settings: Settings) -> dict:
    pairs = gva_sample(folder, limit, split)
    gold = {article.id: incident for incident, article in pairs}
    articles = list({a.id: a for _, a in pairs}.values())
    published = {a.id: a.published for a in articles}
    return score_clusters(gold, extract_mentions(articles, settings), settings, published, gold_counts(folder))


def score_resolution(folder: Path, limit: int | None = None) -> dict:
    """Dev and held-out scores side by side (dev_* and heldout_* keys)."""
    settings = Settings()
    out: dict = {}
    for split in SPLITS:
        out.update({f"{split}_{k}": v for k, v in score_split(folder, limit, split, settings).items()})
    return out


def score_gva_folder(folder: Path, limit: int | None = None) -> dict:
    """Any folder in this format (or the shared data folder holding one): every incident, those
    with one article acting as distractors, no split; `limit` keeps the first N incidents."""
    settings = Settings()
    shared = folder / "semeval2018t5_gva_incidents_articles"
    if not (folder / "gva_articles.jsonl.gz").is_file() and shared.is_dir():
        folder = shared
    by_incident = _rows_by_incident(folder)
    keys = list(by_incident)[: limit] if limit else list(by_incident)
    pairs = [(k, _article(row)) for k in keys for row in by_incident[k]]
    gold = {article.id: incident for incident, article in pairs}
    articles = list({a.id: a for _, a in pairs}.values())
    published = {a.id: a.published for a in articles}
    return score_clusters(gold, extract_mentions(articles, settings), settings, published, gold_counts(folder))
