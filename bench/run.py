"""`make bench`: throughput of ingest->extract on realistic articles, as ratios measured in one run.

For each corpus (the shared GVA news articles, read by path, and synthetic wire articles from
bench/wire.py) it times, in this process and over the same texts:
  bare   spaCy's nlp.pipe over every article text (the naive cost: a full parse of everything),
         with the model as spacy.load gives it: spaCy as shipped, without parallax.nlp's
         speed-ups (parallax.nlp.rules, lemmas, matmul) or its parse cache (switched off for the run);
         and once more over the texts and their headlines, which parallax parses too;
  full   parallax's local engine with one worker: read a JSONL file, parse each text and its
         headline, extract, commit to SQLite;
and prints articles/s/core for `full`, the ratio full / bare (goal <= 1.0x; wall clock, and CPU
time, which other work on a shared machine disturbs less; then the ratio to the bare parse of texts
and headlines), and peak RSS. The
machines are shared and noisy, so the ratio is the figure to compare; absolute rates move with load.
It then runs the same ingest with one worker per core (wall-clock), and bench/resolution.py prints
the resolution figures (time, peak memory and add-one latency at each store size).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from itertools import islice
from pathlib import Path

import spacy
from spacy.language import Language

from parallax.engines.local import Tally, extract_into, process_tools, worker_count
from parallax.nlp.parse_cache import ENVIRONMENT_VARIABLE as CACHE_VARIABLE
from parallax.schema import Article
from parallax.settings import Settings
from parallax.store.sqlite import open_store

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
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


def stored_texts(db: Path) -> tuple[list[str], list[str]]:
    """The stored articles' texts, and their headlines (which parallax also parses, as Docs of their own)."""
    with open_store(db) as store:
        articles = list(store.articles())
    return [a.text for a in articles], [a.title for a in articles if a.title.strip()]


def full_run(corpus: Path, settings: Settings, db: Path) -> tuple[float, float, Tally]:
    """Seconds and CPU seconds for parallax to read, extract and commit the corpus into a fresh store."""
    db.unlink(missing_ok=True)
    started, cpu = time.perf_counter(), time.process_time()
    with open_store(db) as store:
        tally = extract_into(store, [corpus], settings)
    return time.perf_counter() - started, time.process_time() - cpu, tally


@lru_cache(maxsize=1)
def stock_nlp(model: str) -> Language:
    """The model as spaCy loads it: no parse cache, none of parallax.nlp's speed-ups."""
    return spacy.load(model)


def bare_run(texts: list[str], settings: Settings) -> tuple[float, float, int]:
    """Seconds and CPU seconds for spaCy alone to parse every text in full, and the tokens it made."""
    nlp = stock_nlp(settings.spacy_model)
    started, cpu = time.perf_counter(), time.process_time()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=settings.batch_size))
    return time.perf_counter() - started, time.process_time() - cpu, tokens


def measure(name: str, corpus: Path, settings: Settings, work: Path, rounds: int) -> dict:
    """Full and bare runs alternated `rounds` times; the fastest of each (the least disturbed)."""
    db = work / f"{name}.sqlite"
    full, bare, full_cpu, bare_cpu, titled, titled_cpu = [], [], [], [], [], []
    for _ in range(rounds):
        seconds, cpu, tally = full_run(corpus, settings, db)
        full.append(seconds)
        full_cpu.append(cpu)
        texts, titles = stored_texts(db)
        seconds, cpu, tokens = bare_run(texts, settings)
        bare.append(seconds)
        bare_cpu.append(cpu)
        seconds, cpu, _ = bare_run(texts + titles, settings)
        titled.append(seconds)
        titled_cpu.append(cpu)
    return {"corpus": name, "articles": len(texts), "tokens": tokens, "mentions": tally.mentions,
            "claims": tally.claims, "full_s": min(full), "bare_s": min(bare),
            "full_cpu": min(full_cpu), "bare_cpu": min(bare_cpu), "titled_s": min(titled),
            "titled_cpu": min(titled_cpu)}


def print_row(row: dict) -> None:
    per_core = row["articles"] / row["full_s"]
    print(f"{row['corpus']:5s} {row['articles']:5d} articles {row['tokens']:7d} tokens "
          f"{row['mentions']:5d} mentions {row['claims']:5d} claims | "
          f"parallax {per_core:5.1f} articles/s/core | bare nlp.pipe {row['tokens'] / row['bare_s']:5.0f} tokens/s\n"
          f"      ratio parallax / bare parse of the bodies:               wall {row['full_s'] / row['bare_s']:4.2f}x, "
          f"CPU time {row['full_cpu'] / row['bare_cpu']:4.2f}x\n"
          f"      ratio parallax / bare parse of the bodies and headlines: wall {row['full_s'] / row['titled_s']:4.2f}x, "
          f"CPU time {row['full_cpu'] / row['titled_cpu']:4.2f}x", flush=True)


def print_summary(rows: list[dict]) -> None:
    """Both ratios of every corpus in one table (goal <= 1.0x; CPU time is the steadier figure)."""
    print("ratio parallax / bare nlp.pipe (goal <= 1.0x)\n"
          "  corpus | bodies: wall    CPU | bodies and headlines: wall    CPU")
    for row in rows:
        print(f"  {row['corpus']:6s} |       {row['full_s'] / row['bare_s']:5.2f}x {row['full_cpu'] / row['bare_cpu']:5.2f}x |"
              f"                     {row['full_s'] / row['titled_s']:5.2f}x {row['full_cpu'] / row['titled_cpu']:5.2f}x",
              flush=True)


def print_pool(name: str, corpus: Path, settings: Settings, work: Path, bare_s: float) -> None:
    workers = worker_count(replace(settings, workers=0))
    seconds, _, tally = full_run(corpus, replace(settings, workers=workers), work / f"{name}-pool.sqlite")
    print(f"{name:5s} {workers} workers: {tally.extracted / seconds:5.1f} articles/s "
          f"({tally.extracted / seconds / workers:5.1f} /core), wall-clock ratio to one-core bare "
          f"nlp.pipe {seconds / bare_s:4.2f}x", flush=True)


def peak_rss_mb() -> float:
    """Peak resident memory of this process, in MB. Not the pool workers': Linux carries ru_maxrss
    across exec, so a child's figure starts at this process's size when it was started;
    bench/memory.py measures one ingest in a fresh process instead."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_resolution_bench(sizes: str, budget: float) -> None:
    if not (BENCH / "resolution.py").is_file():
        print("resolution: bench/resolution.py is not there yet")
        return
    from resolution import main as resolution_main  # bench/resolution.py, the resolution engineer's
    print(f"resolution (bench/resolution.py --sizes {sizes} --budget {budget:g}):", flush=True)
    resolution_main(["--sizes", sizes, "--budget", str(budget)])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gva", type=Path, help="the GVA folder or its gva_articles.jsonl.gz")
    parser.add_argument("--gva-articles", type=int, default=200)
    parser.add_argument("--wire-articles", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=2, help="alternated full/bare runs; the fastest counts")
    parser.add_argument("--no-pool", action="store_true", help="skip the run with one worker per core")
    parser.add_argument("--memory-sizes", default="150,600", help="wire corpus sizes for bench/memory.py")
    parser.add_argument("--resolution-sizes", default="10000,100000")
    parser.add_argument("--resolution-budget", type=float, default=60.0)
    parser.add_argument("--no-resolution", action="store_true")
    args = parser.parse_args(argv)
    if os.environ.pop(CACHE_VARIABLE, None):  # parsed Docs from disk would time nothing
        print(f"{CACHE_VARIABLE} ignored: the benchmark parses every text")
    settings = replace(Settings(), workers=1)
    process_tools(settings)  # load spaCy and the knowledge files before any clock starts
    stock_nlp(settings.spacy_model)
    print(describe_machine(), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpora = [("wire", write_jsonl(wire_records(args.wire_articles), work / "wire.jsonl"))]
        if args.gva:
            corpora.append(("gva", write_jsonl(gva_articles(args.gva, args.gva_articles), work / "gva.jsonl")))
        rows = []
        for name, corpus in corpora:
            rows.append(measure(name, corpus, settings, work, args.rounds))
            print_row(rows[-1])
            if not args.no_pool:
                print_pool(name, corpus, settings, work, rows[-1]["bare_s"])
        print_summary(rows)
    print(f"peak resident memory: {peak_rss_mb():.0f} MB (this process: two spaCy pipelines, the "
          "bare-parse Docs, the knowledge files)")
    if args.memory_sizes:
        from memory import measure_sizes  # bench/memory.py: one fresh process per size
        measure_sizes([int(x) for x in args.memory_sizes.split(",") if x])
    if not args.no_resolution:
        run_resolution_bench(args.resolution_sizes, args.resolution_budget)


def describe_machine() -> str:
    import platform
    return (f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
            f"load average {os.getloadavg()[0]:.1f}, Python {platform.python_version()}")


if __name__ == "__main__":
    main()
