"""Score document -> incident clustering on the cross-document coreference corpora GVC and ECB+.

Both come as CoNLL token files whose document key is topic/subtopic/document; the subtopic is the
incident (GVC: a Gun Violence Archive incident; ECB+: one of the two seminal events of a topic).
Texts are rebuilt from the tokens (GVC's sentence 0 is the publication date), every mention is
resolved, and the clusters are scored against the subtopics (val splits only).
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import datetime
from pathlib import Path

from parallax.errors import EvalDataError
from parallax.evaluate.resolution_gva import extract_mentions, score_clusters
from parallax.ingest.ids import content_id
from parallax.schema import Article
from parallax.settings import Settings

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NO_SPACE_BEFORE = re.compile(r" ([.,;:!?%)\]’”'](?:\s|$)|n't|'s)")


def read_conll(path: Path) -> dict[str, dict[int, list[str]]]:
    """Document key -> sentence number -> tokens."""
    if not path.is_file():
        raise EvalDataError(f"{path} not found", "point --data at the shared data folder")
    docs: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            cells = line.rstrip("\n").split("\t")
            if len(cells) >= 4 and not line.startswith("#"):
                docs[cells[0]][int(cells[1])].append(cells[3])
    return docs


def document_article(key: str, sentences: dict[int, list[str]]) -> tuple[str, Article]:
    """(gold incident = subtopic, the article rebuilt from its tokens)."""
    _, subtopic, _ = key.split("/", 2)
    first = " ".join(sentences.get(0, []))
    published = datetime.fromisoformat(first) if _DATE.match(first) else None
    body = [s for n, s in sorted(sentences.items()) if not (n == 0 and published)]
    text = "\n\n".join(_NO_SPACE_BEFORE.sub(r"\1", " ".join(tokens)) for tokens in body)
    return subtopic, Article(id=content_id(key + text), text=text, published=published, source=key)


def score_corpus(folder: Path, limit: int | None, settings: Settings) -> dict:
    docs = read_conll(folder / "val" / "dataset.conll")
    keys = sorted(docs)[: limit] if limit else sorted(docs)
    pairs = [document_article(k, docs[k]) for k in keys]
    gold = {a.id: incident for incident, a in pairs}
    articles = [a for _, a in pairs]
    return score_clusters(gold, extract_mentions(articles, settings), settings, {a.id: a.published for a in articles})


def score_gvc(folder: Path, limit: int | None = None) -> dict:
    """GVC val, and ECB+ val when its folder (cdcr_ecbplus) sits beside GVC's."""
    settings = Settings()
    out = {f"gvc_{k}": v for k, v in score_corpus(folder, limit, settings).items()}
    ecb = folder.parent / "cdcr_ecbplus"
    if ecb.is_dir():
        out |= {f"ecbplus_{k}": v for k, v in score_corpus(ecb, limit, settings).items()}
    return out
