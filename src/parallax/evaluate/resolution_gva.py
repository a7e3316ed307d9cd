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
from parallax.schema import Article, EventMention
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


def extract_mains(articles: Iterable[Article], settings: Settings) -> list[EventMention]:
    from parallax.nlp.pipeline import load_nlp
    from parallax.pipeline import analyse_articles, load_knowledge

    mains = []
    for _, mentions in analyse_articles(list(articles), load_nlp(settings.spacy_model),
                                        load_knowledge(settings), settings):
        if (main := main_mention(mentions)) is not None:
            mains.append(main)
    return mains


def score_clusters(gold: dict[str, str], mains: Sequence[EventMention], settings: Settings,
                   published: dict[str, datetime | None]) -> dict:
    """Resolve the main mentions and score article -> incident clusters against the gold links."""
    from parallax.resolve.incidents import cluster_articles

    predicted = cluster_articles(mains, settings, published)
    predicted.update({aid: f"alone:{aid}" for aid in gold if aid not in predicted})
    scores = clustering_scores(gold, {a: predicted[a] for a in gold})
    return {"incidents": len(set(gold.values())), "articles": len(gold),
            "articles_without_mention": len(set(gold) - {m.article_id for m in mains}), **scores}


def score_split(folder: Path, limit: int | None, split: str, settings: Settings) -> dict:
    pairs = gva_sample(folder, limit, split)
    gold = {article.id: incident for incident, article in pairs}
    articles = list({a.id: a for _, a in pairs}.values())
    published = {a.id: a.published for a in articles}
    return score_clusters(gold, extract_mains(articles, settings), settings, published)


def score_resolution(folder: Path, limit: int | None = None) -> dict:
    """Dev and held-out scores side by side (dev_* and heldout_* keys)."""
    settings = Settings()
    out: dict = {}
    for split in SPLITS:
        out.update({f"{split}_{k}": v for k, v in score_split(folder, limit, split, settings).items()})
    return out


def score_gva_folder(folder: Path, limit: int | None = None) -> dict:
    """Any folder in this format, all incidents with 2+ articles plus distractors, no split."""
    settings = Settings()
    by_incident = _rows_by_incident(folder)
    keys = list(by_incident)[: limit] if limit else list(by_incident)
    pairs = [(k, _article(row)) for k in keys for row in by_incident[k]]
    gold = {article.id: incident for incident, article in pairs}
    articles = list({a.id: a for _, a in pairs}.values())
    published = {a.id: a.published for a in articles}
    return score_clusters(gold, extract_mains(articles, settings), settings, published)
