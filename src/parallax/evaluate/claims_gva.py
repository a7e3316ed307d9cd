"""Score casualty claims against the Gun Violence Archive's killed and injured counts per incident."""

from __future__ import annotations

import gzip
import json
import time
from collections import defaultdict
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from urllib.parse import urlparse

from spacy.language import Language
from spacy.tokens import Doc

from parallax.errors import EvalDataError
from parallax.extract.claims import extract_claims, extract_title_claims
from parallax.nlp.parse_cache import cache_directory
from parallax.nlp.pipeline import load_nlp, parse_with_titles
from parallax.pipeline import Knowledge, analyse_article, load_knowledge
from parallax.reconcile.figures import reconcile_fatalities
from parallax.reconcile.tolls import reported_toll
from parallax.resolve.incidents import Published, resolve_incidents
from parallax.schema import Article, Claim, EventMention, Span
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
    """(incident id, article) for every article of the chosen incidents, in file order, with its
    headline as `title` and its `dct` as `published`, as the JSONL reader gives them (a dated article
    tells "In May 2009, ..." apart as an earlier incident's: `qualifiers.of_an_earlier_year`)."""
    pairs = []
    for row in _rows(folder / "gva_articles.jsonl.gz"):
        incident = str(row["incident_id"])
        if incident not in incidents:
            continue
        outlet = urlparse(row.get("uri", "")).netloc.removeprefix("www.")
        published = datetime.fromisoformat(row["dct"]) if row.get("dct") else None
        pairs.append((incident, Article(id=row["id"], text=row["content"], title=row.get("title", ""),
                                        outlet=outlet, url=row.get("uri", ""), published=published, source="gva")))
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


def incident_counts(mentions: list[EventMention]) -> tuple[int, int]:
    """(killed, injured) for one incident as the product counts it from its articles' main mentions
    (`reconcile.tolls.reported_toll`, which `reconcile_incident` stores as `Incident.reported`); a
    measure no report gives is 0, GVA's convention."""
    toll = reported_toll(mentions)
    return (toll.killed or 0, toll.injured or 0) if toll else (0, 0)


def fatalities_best(mentions: list[EventMention]) -> int:
    """The killed the incident record's ACLED-style `fatalities.best` gives for the same claims (one figure
    per source, the median of the sources'), for comparison; 0 when no source gives one."""
    best = reconcile_fatalities((c, m.outlet) for m in mentions for c in m.claims).best
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


def main_mention(doc: Doc, article: Article, knowledge: Knowledge, title: Doc | None) -> EventMention | None:
    """What `parallax run` makes of one article for the incident it reports: its main event mention,
    with the headline's claims (`pipeline.analyse_article`); None when it finds no event."""
    mentions = analyse_article(doc, article, knowledge, title)
    return mentions[0] if mentions else None


def gather(pairs: list[tuple[str, Article]], nlp: Language, batch_size: int = 32,
           eventless: dict[str, list[EventMention]] | None = None, main_only: bool = False,
           ) -> tuple[dict[str, list[EventMention]], dict[str, float]]:
    """Each incident's mentions as the product's incident record holds them (`reported_mentions`: every
    article's main mention and its own mentions resolved with it), or with
    `main_only` each article's main mention (`main_mention`); and the seconds spent parsing (bodies and
    headlines) vs extracting claims (timed on their own; the rest of the analysis, untimed).
    `eventless`, when given, gets for each article the product finds no event in a stand-in mention
    holding every claim of its body and headline (`_stand_in`), to score the extractor apart from
    what the product takes for an event."""
    found: dict[str, list[list[EventMention]]] = defaultdict(list)
    timing = {"parse": 0.0, "claims": 0.0}
    knowledge = load_knowledge(Settings())
    incident_of = {id(a): i for i, a in pairs}
    published = {a.id: a.published for _, a in pairs}
    started = time.perf_counter()
    for article, doc, title in parse_with_titles((a for _, a in pairs), nlp, batch_size):
        parsed = time.perf_counter()
        claims = extract_claims(doc, article, knowledge.claims)
        if title is not None:
            claims += extract_title_claims(title, article, knowledge.claims)
        done = time.perf_counter()
        mentions = analyse_article(doc, article, knowledge, title)
        if mentions:
            found[incident_of[id(article)]].append(mentions[:1] if main_only else mentions)
        elif eventless is not None and claims:
            eventless.setdefault(incident_of[id(article)], []).append(_stand_in(article, claims))
        timing["parse"] += parsed - started
        timing["claims"] += done - parsed
        started = time.perf_counter()
    return {i: reported_mentions(told, published) for i, told in found.items()}, timing


def reported_mentions(told: list[list[EventMention]], published: Published) -> list[EventMention]:
    """Per article (its mentions in `told`, the main one first), the mentions of the incident it reports:
    its main mention and those of its own mentions `parallax run` resolves into the main mention's
    incident, with its publication date (`resolve_incidents`: a story of an arrest "over Saturday's
    deadly shooting" tells that shooting, `scoring.story_pairs`)."""
    found = []
    for mentions in told:
        if len(mentions) == 1:
            found.extend(mentions)
            continue
        main = mentions[0].id
        incidents = resolve_incidents(mentions, Settings(), published)
        found.extend(next(inc.mentions for inc in incidents if any(m.id == main for m in inc.mentions)))
    return found


def _stand_in(article: Article, claims: list[Claim]) -> EventMention:
    """A mention with no event of its own, only to carry an eventless article's claims to `incident_counts`."""
    return EventMention(f"{article.id}:eventless", article.id, Span(article.id, 0, 0, ""), "", "",
                        claims=tuple(claims), outlet=article.outlet)


def predict(pairs: list[tuple[str, Article]], nlp: Language,
            batch_size: int = 32) -> tuple[dict[str, tuple[int, int]], dict[str, float]]:
    """Per-incident (killed, injured) from parsed articles (`incident_counts`), and the timing of `gather`."""
    gathered, timing = gather(pairs, nlp, batch_size)
    return _counts(pairs, gathered), timing


def _counts(pairs: list[tuple[str, Article]], gathered: dict[str, list[EventMention]]) -> dict[str, tuple[int, int]]:
    return {i: incident_counts(gathered.get(i, [])) for i, _ in pairs}


def score_gva(data_dir: Path, limit: int | None = None) -> dict:
    """Killed/injured exact-match and MAE per GVA incident, from what the product makes of its articles
    (all incidents with gold counts and articles, or `limit` of them spread over the ids), counted by
    the product's reported toll; `fatalities_best_*` score the killed the ACLED-style fatalities.best gives."""
    gold = read_gold(data_dir)
    incidents = chosen_incidents(data_dir, gold, limit)
    pairs = read_articles(data_dir, incidents)
    eventless: dict[str, list[EventMention]] = {}
    gathered, timing = gather(pairs, load_nlp(), eventless=eventless)
    predicted = _counts(pairs, gathered)
    scores = compare(gold, predicted)
    # the claim extractor alone: articles the product makes no mention of (no casualty claim it
    # keeps: extract.casualty_reports gives a counted article a mention even outside ACLED) counted too
    every = {i: gathered.get(i, []) + eventless.get(i, []) for i, _ in pairs}
    scores |= {f"with_eventless_{k}": v for k, v in compare(gold, _counts(pairs, every)).items() if k != "incidents"}
    best = {i: (fatalities_best(gathered.get(i, [])), p[1]) for i, p in predicted.items()}
    scores |= {f"fatalities_best_{k}": v for k, v in compare(gold, best).items() if k.startswith("killed")}
    scores["articles"] = len(pairs)
    if timing["parse"] and cache_directory() is None:  # a cached parse is no parse time to divide by
        scores["claims_over_parse"] = round(timing["claims"] / timing["parse"], 3)
    return scores
