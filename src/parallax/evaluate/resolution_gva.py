"""Score incident resolution on Gun Violence Archive incidents reported by several articles."""

from __future__ import annotations

import gzip
import json
from collections import defaultdict
from collections.abc import Iterator
from datetime import datetime
from itertools import combinations
from pathlib import Path

from parallax.errors import EvalDataError
from parallax.ingest.ids import content_id
from parallax.schema import Article

DEFAULT_INCIDENTS = 150
MIN_CHARS = 400


def gva_articles(folder: Path, limit: int | None) -> Iterator[tuple[str, Article]]:
    """(gold incident id, article) for incidents with 2+ usable articles, in file order."""
    path = folder / "gva_articles.jsonl.gz"
    if not path.is_file():
        raise EvalDataError(f"{path} not found", "point --data at the shared data folder")
    by_incident: dict[str, list[dict]] = defaultdict(list)
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if len(row.get("content", "")) >= MIN_CHARS:
                by_incident[str(row["incident_id"])].append(row)
    chosen = [k for k, rows in by_incident.items() if len(rows) >= 2][: limit or DEFAULT_INCIDENTS]
    for incident in chosen:
        for row in by_incident[incident]:
            yield incident, _article(row)


def _article(row: dict) -> Article:
    text = row["content"]
    published = datetime.fromisoformat(row["dct"]) if row.get("dct") else None
    return Article(id=content_id(text), text=text, title=row.get("title", ""), url=row.get("uri", ""),
                   outlet=row.get("uri", "").split("/")[7] if row.get("uri", "").count("/") > 7 else "",
                   published=published, source="gva")


def bcubed(gold: dict[str, str], predicted: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering of items (item -> cluster label)."""
    def clusters(labels: dict[str, str]) -> dict[str, set[str]]:
        out: dict[str, set[str]] = defaultdict(set)
        for item, label in labels.items():
            out[label].add(item)
        return out
    gold_c, pred_c = clusters(gold), clusters(predicted)
    precision = sum(len(pred_c[predicted[i]] & gold_c[gold[i]]) / len(pred_c[predicted[i]]) for i in gold)
    recall = sum(len(pred_c[predicted[i]] & gold_c[gold[i]]) / len(gold_c[gold[i]]) for i in gold)
    p, r = precision / len(gold), recall / len(gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pairwise(gold: dict[str, str], predicted: dict[str, str]) -> tuple[float, float]:
    items = sorted(gold)
    same_gold = {(a, b) for a, b in combinations(items, 2) if gold[a] == gold[b]}
    same_pred = {(a, b) for a, b in combinations(items, 2) if predicted[a] == predicted[b]}
    hits = len(same_gold & same_pred)
    return (hits / len(same_pred) if same_pred else 0.0, hits / len(same_gold) if same_gold else 0.0)


def score_resolution(folder: Path, limit: int | None = None) -> dict:
    """Cluster the articles' main mentions and compare with GVA's article -> incident links."""
    from parallax.nlp.pipeline import load_nlp
    from parallax.pipeline import analyse_articles, load_knowledge
    from parallax.resolve.incidents import resolve_incidents
    from parallax.settings import Settings

    settings = Settings()
    pairs = list(gva_articles(folder, limit))
    gold = {article.id: incident for incident, article in pairs}
    articles = list({a.id: a for _, a in pairs}.values())
    mains = []
    for article, mentions in analyse_articles(articles, load_nlp(), load_knowledge(settings), settings):
        if mentions:
            mains.append(next((m for m in mentions if not m.background), mentions[0]))
    incidents = resolve_incidents(mains, settings)
    predicted = {m.article_id: inc.id for inc in incidents for m in inc.mentions}
    predicted.update({aid: f"alone:{aid}" for aid in gold if aid not in predicted})
    p, r, f = bcubed(gold, predicted)
    pp, pr = pairwise(gold, predicted)
    return {"incidents": len(set(gold.values())), "articles": len(gold),
            "articles_without_mention": sum(1 for a in gold if a not in {m.article_id for m in mains}),
            "bcubed_precision": round(p, 3), "bcubed_recall": round(r, 3), "bcubed_f1": round(f, 3),
            "pairwise_precision": round(pp, 3), "pairwise_recall": round(pr, 3)}
