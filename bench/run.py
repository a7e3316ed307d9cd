"""`make bench`: time each stage on the example articles in one run and print ratios to the parse.

Figures are ratios measured in the same process, because the machines are shared and noisy:
the question each answers is "how much does this stage add to the spaCy parse of the same text".
"""

from __future__ import annotations

import argparse
import time
import resource
from pathlib import Path

from parallax.extract.claims import extract_claims
from parallax.extract.places import extract_places
from parallax.ingest.readers import read_inputs
from parallax.nlp.pipeline import load_nlp
from parallax.pipeline import analyse_doc, load_knowledge
from parallax.resolve.incidents import resolve_incidents
from parallax.schema import Article
from parallax.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def _timed(label: str, results: dict[str, float], func, *args):
    started = time.perf_counter()
    value = func(*args)
    results[label] = time.perf_counter() - started
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--inputs", type=Path, default=ROOT / "examples")
    parser.add_argument("--repeat", type=int, default=5, help="copies of the corpus to process")
    args = parser.parse_args()
    settings = Settings()
    results: dict[str, float] = {}
    items = _timed("read", results, lambda: list(read_inputs([args.inputs], settings)))
    articles = [a for a in items if isinstance(a, Article)] * args.repeat
    nlp, knowledge = load_nlp(), load_knowledge(settings)
    docs = _timed("parse", results, lambda: list(nlp.pipe((a.text for a in articles), batch_size=32)))
    _timed("claims", results, lambda: [extract_claims(d, a, knowledge.claims) for d, a in zip(docs, articles)])
    _timed("places", results, lambda: [extract_places(d, a, knowledge.gazetteer) for d, a in zip(docs, articles)])
    mentions = _timed("extract_all", results,
                      lambda: [m for d, a in zip(docs, articles) for m in analyse_doc(d, a, knowledge)])
    _timed("resolve", results, resolve_incidents, mentions, settings)
    words = sum(len(d) for d in docs)
    print(f"articles: {len(articles)} ({args.repeat} copies), tokens: {words}")
    print(f"parse: {words / results['parse']:.0f} tokens/s")
    for label in ("read", "claims", "places", "extract_all", "resolve"):
        print(f"{label:12s} {results[label]:7.2f} s  = {results[label] / results['parse']:6.1%} of the parse")
    print(f"peak resident memory of the process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3:.0f} MB")


if __name__ == "__main__":
    main()
