"""Score casualty claims against the Gun Violence Archive's killed and injured counts per incident."""

from __future__ import annotations

import gzip
import json
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

from spacy.language import Language
from spacy.tokens import Doc

from parallax.errors import EvalDataError
from parallax.extract.claims import extract_claims
from parallax.nlp.parse_cache import cache_directory
from parallax.nlp.pipeline import load_nlp
from parallax.pipeline import Knowledge, analyse_doc, load_knowledge
from parallax.reconcile.figures import reconcile_fatalities
from parallax.reconcile.tolls import incident_toll
from parallax.schema import Article, Claim
from parallax.settings import Settings


def _rows(path: Path) -> Iterator[dict]:
    if not path.is_file():
        raise EvalDataError(f"{path} not found", "point --data at the shared data folder")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def read_gold(folder: Path) -> dict[str, tuple[int, int]]:
    """GVA incident id -> (killed, injured)."""
    return {str(r["incident_uri"]): (int(r["num_killed"]), int(r["num_injured"]))
            for r in _rows(folder / "gva_incidents.jsonl.gz")}


def read_articles(folder: Path, incidents: set[str]) -> list[tuple[str, Article]]:
    """(incident id, article) for every article of the chosen incidents, in file order. A headline is
    read as an article of its own (id "<article id>#title"): many bodies are cookie banners, and a
    claim's span must index the text it was read from."""
    pairs = []
    for row in _rows(folder / "gva_articles.jsonl.gz"):
        incident = str(row["incident_id"])
        if incident not in incidents:
            continue
        outlet = urlparse(row.get("uri", "")).netloc.removeprefix("www.")
        pairs.append((incident, Article(id=row["id"], text=row["content"], title=row.get("title", ""),
                                        outlet=outlet, url=row.get("uri", ""), source="gva")))
        if row.get("title", "").strip():
            pairs.append((incident, Article(id=f"{row['id']}#title", text=row["title"], outlet=outlet,
                                            source="gva")))
    return pairs


def chosen_incidents(folder: Path, gold: dict[str, tuple[int, int]], limit: int | None) -> set[str]:
    """Incidents with gold counts and at least one article; when limited, `limit` of them evenly spread
    over the ids (ids follow the date, and the first ones by id are all from one season of 2013)."""
    with_articles = sorted({str(r["incident_id"]) for r in _rows(folder / "gva_articles.jsonl.gz")} & set(gold),
                           key=int)
    if not limit or limit >= len(with_articles):
        return set(with_articles)
    step = len(with_articles) / limit
    return {with_articles[int(k * step)] for k in range(limit)}


def incident_counts(articles: list[list[Claim]]) -> tuple[int, int]:
    """(killed, injured) for one incident as the product counts it (`reconcile.tolls.incident_toll`,
    which `reconcile_incident` stores as `Incident.reported`); a measure no article reports is 0, GVA's
    convention."""
    toll = incident_toll(articles)
    return toll.killed or 0, toll.injured or 0


def fatalities_best(articles: list[tuple[Article, list[Claim]]]) -> int:
    """The killed the incident record's ACLED-style `fatalities.best` gives for the same claims (one figure
    per source, the median of the sources'), for comparison; 0 when no source gives one."""
    best = reconcile_fatalities((c, a.outlet) for a, claims in articles for c in claims).best
    return best or 0


def compare(gold: dict[str, tuple[int, int]], predicted: dict[str, tuple[int, int]]) -> dict:
    """Exact-match rates and mean absolute errors over the incidents in `predicted`."""
    n = len(predicted) or 1
    pairs = [(gold[i], p) for i, p in predicted.items()]
    return {
        "incidents": len(predicted),
        "both_exact": round(sum(g == p for g, p in pairs) / n, 4),
        "killed_exact": round(sum(g[0] == p[0] for g, p in pairs) / n, 4),
        "injured_exact": round(sum(g[1] == p[1] for g, p in pairs) / n, 4),
        "killed_mae": round(sum(abs(g[0] - p[0]) for g, p in pairs) / n, 3),
        "injured_mae": round(sum(abs(g[1] - p[1]) for g, p in pairs) / n, 3),
    }


def main_claims(doc: Doc, article: Article, knowledge: Knowledge) -> list[Claim]:
    """The claims of the incident an article reports (its first event mention) and those no mention
    took: a roundup's other shootings, or last year's case recalled, are not this incident's toll.
    A headline keeps all its claims (it has one incident and often no event word)."""
    return _article_claims(doc, article, knowledge)[0]


def _article_claims(doc: Doc, article: Article, knowledge: Knowledge) -> tuple[list[Claim], list[Claim]]:
    """(`main_claims`, the claims a `parallax run` puts on the article's main incident): a run reads
    no headline as an article (only the body is parsed) and keeps no claim of an article in which it
    found no event."""
    mentions = analyse_doc(doc, article, knowledge)
    claims = extract_claims(doc, article, knowledge.claims)
    as_run = [] if not mentions or article.id.endswith("#title") else list(mentions[0].claims)
    if not mentions or article.id.endswith("#title"):
        return claims, as_run
    elsewhere = {c.id for m in mentions[1:] for c in m.claims} - {c.id for c in mentions[0].claims}
    return [c for c in claims if c.id not in elsewhere], as_run


def gather(pairs: list[tuple[str, Article]], nlp: Language, batch_size: int = 32, n_process: int = 1,
           as_run: dict[str, list[tuple[Article, list[Claim]]]] | None = None,
           ) -> tuple[dict[str, list[tuple[Article, list[Claim]]]], dict[str, float]]:
    """Each incident's articles with the claims of the incident they report (`main_claims`), and the
    seconds spent parsing vs extracting claims (timed on their own; assigning them to mentions reads
    places and events too, untimed)."""
    claims: dict[str, list[tuple[Article, list[Claim]]]] = defaultdict(list)
    timing = {"parse": 0.0, "claims": 0.0}
    knowledge = load_knowledge(Settings())
    stream = ((a.text, (i, a)) for i, a in pairs)
    started = time.perf_counter()
    for doc, (incident, article) in nlp.pipe(stream, as_tuples=True, batch_size=batch_size, n_process=n_process):
        parsed = time.perf_counter()
        extract_claims(doc, article, knowledge.claims)
        done = time.perf_counter()
        scored, run_claims = _article_claims(doc, article, knowledge)
        claims[incident].append((article, scored))
        if as_run is not None:
            as_run.setdefault(incident, []).append((article, run_claims))
        timing["parse"] += parsed - started
        timing["claims"] += done - parsed
        started = time.perf_counter()
    return claims, timing


def predict(pairs: list[tuple[str, Article]], nlp: Language, batch_size: int = 32,
            n_process: int = 1) -> tuple[dict[str, tuple[int, int]], dict[str, float]]:
    """Per-incident (killed, injured) from parsed articles (`incident_counts`), and the timing of `gather`."""
    gathered, timing = gather(pairs, nlp, batch_size, n_process)
    return _counts(pairs, gathered), timing


def _counts(pairs: list[tuple[str, Article]],
            gathered: dict[str, list[tuple[Article, list[Claim]]]]) -> dict[str, tuple[int, int]]:
    return {i: incident_counts([c for _, c in arts]) for i, arts in gathered.items()} | {
        i: (0, 0) for i, _ in pairs if i not in gathered}


def score_gva(data_dir: Path, limit: int | None = None) -> dict:
    """Killed/injured exact-match and MAE per GVA incident, from the claims of its articles (all
    incidents with gold counts and articles, or `limit` of them spread over the ids), counted by the
    product's reported toll; `fatalities_best_*` score the killed the ACLED-style fatalities.best gives."""
    gold = read_gold(data_dir)
    incidents = chosen_incidents(data_dir, gold, limit)
    pairs = read_articles(data_dir, incidents)
    as_run: dict[str, list[tuple[Article, list[Claim]]]] = {}
    gathered, timing = gather(pairs, load_nlp(), as_run=as_run)
    predicted = _counts(pairs, gathered)
    scores = compare(gold, predicted)
    # what `parallax run` gives for the same articles: bodies only, the main mention's claims
    scores |= {f"as_run_{k}": v for k, v in compare(gold, _counts(pairs, as_run)).items() if k != "incidents"}
    best = {i: (fatalities_best(gathered.get(i, [])), p[1]) for i, p in predicted.items()}
    scores |= {f"fatalities_best_{k}": v for k, v in compare(gold, best).items() if k.startswith("killed")}
    scores["articles"] = len(pairs)
    if timing["parse"] and cache_directory() is None:  # a cached parse is no parse time to divide by
        scores["claims_over_parse"] = round(timing["claims"] / timing["parse"], 3)
    return scores
