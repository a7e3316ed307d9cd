"""`make bench`: throughput of ingest->extract on realistic articles, as ratios measured in one run.

For each corpus (the shared GVA news articles, read by path, and synthetic wire articles from
bench/wire.py) it times, in this process and over the same texts:
  bare   spaCy's nlp.pipe over every article text (the naive cost: a full parse of everything);
  full   parallax's local engine with one worker: read a JSONL file, extract, commit to SQLite;
and prints articles/s/core for `full`, the ratio full / bare (goal <= 1.0x), and peak RSS. The
machines are shared and noisy, so the ratio is the figure to compare; absolute rates move with load.
Then, if present, bench/resolution.py prints the resolution figures.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import islice
from pathlib import Path

from parallax.engines.local import extract_into, process_tools
from parallax.nlp.pipeline import load_nlp
from parallax.schema import Article
from parallax.settings import Settings
from parallax.store.sqlite import open_store

sys.path.insert(0, str(Path(__file__).resolve().parent))
from wire import wire_articles  # noqa: E402  (bench/ is a folder of scripts, not a package)

GVA_FILE = "gva_articles.jsonl.gz"
MIN_CHARS = 200  # GVA holds ~300 near-empty pages (paywalls, cookie notices)


def gva_articles(path: Path, limit: int) -> Iterator[dict]:
    """The first `limit` usable GVA articles as JSONL records, streamed from the gzip file."""
    path = path / GVA_FILE if path.is_dir() else path
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        rows = (json.loads(line) for line in handle)
        usable = (r for r in rows if len(r.get("content") or "") >= MIN_CHARS)
        for row in islice(usable, limit):
            yield {"text": row["content"], "title": row.get("title") or "", "url": row.get("uri") or "",
                   "published": row.get("dct") or "", "language": "en"}


def wire_records(count: int) -> Iterator[dict]:
    for article in wire_articles(count):
        yield {"text": article.text, "title": article.title, "outlet": article.outlet,
               "published": article.published.isoformat(), "language": "en"}


def write_jsonl(records: Iterable[dict], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record) + "\n")
    return path


def stored_texts(db: Path) -> list[str]:
    with open_store(db) as store:
        return [a.text for a in store.articles()]


def measure(name: str, corpus: Path, settings: Settings, work: Path) -> dict:
    """Full pipeline first (it also yields the exact texts), then bare nlp.pipe over them."""
    db = work / f"{name}.sqlite"
    started = time.perf_counter()
    with open_store(db) as store:
        tally = extract_into(store, [corpus], settings)
    full = time.perf_counter() - started
    texts = stored_texts(db)
    nlp = load_nlp(settings.spacy_model)
    started = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=settings.batch_size))
    bare = time.perf_counter() - started
    return {"corpus": name, "articles": len(texts), "tokens": tokens, "mentions": tally.mentions,
            "claims": tally.claims, "full_s": full, "bare_s": bare}


def print_row(row: dict) -> None:
    per_core = row["articles"] / row["full_s"]
    print(f"{row['corpus']:6s} {row['articles']:6d} articles {row['tokens']:8d} tokens  "
          f"{row['mentions']:5d} mentions {row['claims']:5d} claims  "
          f"full {row['full_s']:6.1f} s = {per_core:5.1f} articles/s/core  "
          f"bare nlp.pipe {row['bare_s']:6.1f} s ({row['tokens'] / row['bare_s']:5.0f} tokens/s)  "
          f"ratio {row['full_s'] / row['bare_s']:4.2f}x")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_resolution_bench(sizes: str) -> None:
    script = Path(__file__).resolve().parent / "resolution.py"
    if not script.is_file():
        print("resolution: bench/resolution.py is not there yet")
        return
    import runpy
    sys.argv = [str(script)] + (["--sizes", sizes] if sizes else [])
    runpy.run_path(str(script), run_name="__main__")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gva", type=Path, help="the GVA folder or its gva_articles.jsonl.gz")
    parser.add_argument("--gva-articles", type=int, default=200)
    parser.add_argument("--wire-articles", type=int, default=300)
    parser.add_argument("--resolution-sizes", default="", help="passed to bench/resolution.py --sizes")
    parser.add_argument("--no-resolution", action="store_true")
    args = parser.parse_args(argv)
    settings = replace(Settings(), workers=1)
    process_tools(settings)  # load spaCy and the knowledge files before any clock starts
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpora = [("wire", write_jsonl(wire_records(args.wire_articles), work / "wire.jsonl"))]
        if args.gva:
            corpora.append(("gva", write_jsonl(gva_articles(args.gva, args.gva_articles), work / "gva.jsonl")))
        for name, corpus in corpora:
            print_row(measure(name, corpus, settings, work))
    print(f"peak resident memory of the process: {peak_rss_mb():.0f} MB")
    if not args.no_resolution:
        run_resolution_bench(args.resolution_sizes)


if __name__ == "__main__":
    main()
