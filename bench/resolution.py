"""Resolution at scale: a synthetic corpus with known incidents, resolved incrementally into SQLite.

    python bench/resolution.py --sizes 10000,100000,1000000

For each size N, in a fresh child process (so each peak RSS is its own) and a fresh database, the
generator streams N articles in publication order (no spaCy: the mentions are built directly, with
places, dates of mixed precision, actors, a casualty claim and a sentence naming the victims) and
they are stored and resolved in batches of --batch articles with the same library call the pipeline
makes (`resolve.incremental.add_mentions`). It prints, one JSON line per size: seconds, articles/s,
peak RSS, B-cubed F1 against the generator's incidents, and for the largest size the latency of
adding one more article to the full store (median and 95th percentile over --probes single adds).
`--latency-store 1000000` times those single adds on a store of a million articles, built in
minutes: all but the last 20,000 are bulk-loaded (articles, mentions and their blocking keys written
straight into SQLite), the last 20,000 resolved normally, then --probes articles added one by one.

--budget SECONDS stops a size once it has used that much CPU and reports how far it got (`resolved`),
so the command stays within a few minutes; the CPU time per article of the part that ran is still a
measurement, and the projection to N is marked as such. CPU time is reported beside wall time
because on a shared machine the wall clock also counts other people's work.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from heapq import heappop, heappush
from pathlib import Path

from parallax.evaluate.coreference import bcubed
from parallax.resolve.blocking import block_keys
from parallax.resolve.features import with_reference_date
from parallax.resolve.incremental import add_mentions
from parallax.schema import (Actor, ActorRole, Article, Claim, DatePrecision, EventDate, EventMention,
                             Figure, GeoPrecision, Measure, Place, Span, Speaker)
from parallax.settings import Settings
from parallax.store import codecs
from parallax.store.sqlite import open_store

START = date(2016, 1, 1)
REPORTS = (1, 1, 1, 1, 1, 2, 2, 2, 3, 4)  # reports per incident, roughly GVA's distribution
TYPES = (("Explosions/Remote violence", "Air/drone strike"), ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Battles", "Armed clash"), ("Violence against civilians", "Attack"))
ACTORS = ("Military Forces of Syria", "Islamic State", "Hayat Tahrir al-Sham", "Syrian Democratic Forces")
OUTLETS = tuple(f"Outlet {n}" for n in range(40))
SYLLABLES = "ka lo mi ra su te ba no di fa ru zi ha mo le".split()


def name(rng: random.Random, parts: int = 3) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


class Towns:
    """Synthetic towns on a grid over a region: id -> (name, country, lat, lon)."""

    def __init__(self, rng: random.Random, count: int = 20000) -> None:
        self.rows = [(f"{name(rng)} {i}", f"X{i % 20:02d}", 10 + rng.random() * 30, 20 + rng.random() * 40)
                     for i in range(count)]


def _incident(rng: random.Random, towns: Towns, number: int, day: date) -> dict:
    town = towns.rows[rng.randrange(len(towns.rows))]
    return {"id": f"g{number}", "town": town, "day": day, "type": rng.choice(TYPES),
            "actor": rng.choice(ACTORS), "toll": rng.randint(1, 40),
            "victims": [f"{name(rng, 2)} {name(rng)}" for _ in range(2)], "reports": rng.choice(REPORTS)}


def _report(rng: random.Random, incident: dict, index: int) -> tuple[str, Article, EventMention]:
    """One article about the incident: the same facts, worded a little differently each time."""
    aid, (town, country, lat, lon) = f"a{index:09d}", incident["town"]
    victims = " and ".join(incident["victims"])
    toll = incident["toll"] + (rng.choice((-1, 0, 1)) if rng.random() < 0.3 else 0)
    text = (f"{rng.choice(('A strike', 'An attack', 'Shelling'))} on {town} killed {toll} people including "
            f"{victims}, {rng.choice(('officials', 'residents', 'medics'))} said on {incident['day']:%A}.")
    published = datetime.combine(incident["day"] + timedelta(days=rng.randint(0, 2)), datetime.min.time())
    roll = rng.random()
    when = (EventDate(incident["day"], DatePrecision.DAY, incident["day"].isoformat()) if roll < 0.8 else
            EventDate(incident["day"], DatePrecision.WEEK, "last week") if roll < 0.9 else None)
    start = text.index(" killed")
    place = Place(town, country, latitude=lat + rng.uniform(-0.02, 0.02), longitude=lon + rng.uniform(-0.02, 0.02),
                  precision=GeoPrecision.EXACT, span=Span(aid, text.index(town), text.index(town) + len(town), town, text))
    figure = Span(aid, start + 8, start + 8 + len(str(toll)), str(toll), text)
    claim = Claim(f"c{index}", aid, Measure.KILLED, Figure(toll, toll, str(toll)), figure,
                  speaker=Speaker("officials", "officials", "government"))
    mention = EventMention(f"m{index:09d}", aid, Span(aid, start + 1, start + 7, "killed", text),
                           *incident["type"], (Actor(incident["actor"], incident["actor"], ActorRole.PERPETRATOR),),
                           place, when, (claim,), (Span(aid, start + 1, start + 7, "killed", text),),
                           outlet=rng.choice(OUTLETS))
    return incident["id"], Article(aid, text, outlet=mention.outlet, published=published), mention


def synthetic_corpus(size: int, seed: int = 7) -> Iterator[tuple[str, Article, EventMention]]:
    """(gold incident, article, its mention) for `size` articles in publication order, streamed:
    only the reports of the last few days are held in memory."""
    rng = random.Random(seed)
    towns, pending, made, number, day = Towns(rng), [], 0, 0, START
    per_day = max(1, size // (4 * 365 * 2))  # incidents a day: a four-year corpus
    while made < size:
        for _ in range(per_day):
            incident = _incident(rng, towns, number, day)
            number += 1
            for _ in range(incident["reports"]):
                heappush(pending, (incident["day"] + timedelta(days=rng.randint(0, 2)), rng.random(), incident))
        while pending and pending[0][0] <= day and made < size:
            yield _report(rng, heappop(pending)[2], made)
            made += 1
        day += timedelta(days=1)


def rss_mb() -> float:
    """Peak RSS from VmHWM (bench/memory.py): ru_maxrss would carry make bench's 600 MB across exec."""
    from memory import peak_rss_mb  # bench/ is the script's own folder
    return float(peak_rss_mb())


def cpu_seconds() -> float:
    """This process's CPU time: on a shared machine the wall clock also counts other people's work."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def resolve_size(size: int, batch: int, budget: float, probes: int, db: Path) -> dict:
    """Store and resolve a corpus of `size` articles; the figures as a dict."""
    settings, gold, chunk, resolved = Settings(), {}, [], 0
    corpus = synthetic_corpus(size + probes)
    started, cpu_started = time.perf_counter(), cpu_seconds()
    with open_store(db) as store:
        for incident, article, mention in corpus:
            gold[article.id] = incident
            chunk.append((article, [mention]))
            if len(chunk) == batch or resolved + len(chunk) == size:
                resolved += _resolve_chunk(store, chunk, settings)
                chunk = []
                if resolved == size or cpu_seconds() - cpu_started > budget:
                    break
        seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu_started
        peak = rss_mb()
        predicted = {m.article_id: i.id for i in store.incidents() for m in i.mentions} if size <= 100_000 else {}
        latency = _latency(store, [next(corpus) for _ in range(probes)], settings) if probes else {}
    out = {"articles": size, "resolved": resolved, "seconds": round(seconds, 1), "cpu_seconds": round(cpu, 1),
           "articles_per_cpu_s": round(resolved / cpu, 1), "peak_rss_mb": peak}
    if resolved < size:
        out["projected_cpu_seconds_for_all"] = round(cpu * size / resolved)
    if predicted:
        out["bcubed_f1"] = round(bcubed({a: gold[a] for a in predicted}, predicted)[2], 3)
    return out | latency


def _resolve_chunk(store, chunk, settings: Settings) -> int:
    store.add_extracted(chunk)
    add_mentions(store, [m for _, mentions in chunk for m in mentions], settings)
    return len(chunk)


def _latency(store, late: list, settings: Settings) -> dict:
    """Milliseconds to store and resolve one more article (the next ones in publication order)."""
    times, cpu = [], []
    for _, article, mention in late:
        began, cpu_began = time.perf_counter(), cpu_seconds()
        _resolve_chunk(store, [(article, [mention])], settings)
        times.append((time.perf_counter() - began) * 1000)
        cpu.append((cpu_seconds() - cpu_began) * 1000)
    times.sort()
    return {"add_one_ms_median": round(statistics.median(times), 1),
            "add_one_ms_p95": round(times[int(0.95 * (len(times) - 1))], 1),
            "add_one_cpu_ms_median": round(statistics.median(cpu), 1)}


def bulk_load(db: Path, items: list, seq: int) -> None:
    """Articles, mentions and blocking keys written straight into SQLite (no claims, no incidents):
    the old part of a large store, which the probes' blocks never reach, loaded in minutes."""
    rows_a, rows_m, rows_k = [], [], []
    for _, article, mention in items:
        seq += 1
        rows_a.append(codecs.article_row(article, seq) | {"extracted": codecs.now_iso()})
        rows_m.append(codecs.mention_row(mention, 0))
        index, _ = block_keys(with_reference_date(mention, article.published))
        rows_k += [(key, mention.id) for key in index]
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("BEGIN")
    for table, rows in (("articles", rows_a), ("mentions", rows_m)):
        columns = list(rows[0])
        conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
                         [tuple(r[c] for c in columns) for r in rows])
    conn.executemany("INSERT OR IGNORE INTO mention_keys (key, mention_id) VALUES (?, ?)", rows_k)
    conn.execute("COMMIT")
    conn.close()


def latency_on_large_store(size: int, recent: int, probes: int, db: Path) -> dict:
    """Add-one latency on a store of `size` articles: all but the last `recent` bulk-loaded, the
    last `recent` resolved normally (the incidents the probes can meet), then `probes` single adds."""
    settings, corpus, loaded = Settings(), synthetic_corpus(size + probes), 0
    with open_store(db) as store:
        pass  # creates and migrates the file
    started = cpu_seconds()
    while loaded < size - recent:
        chunk = [next(corpus) for _ in range(min(50_000, size - recent - loaded))]
        bulk_load(db, chunk, loaded)
        loaded += len(chunk)
    bulk_cpu = cpu_seconds() - started
    with open_store(db) as store:
        tail = [next(corpus) for _ in range(recent)]
        for start in range(0, recent, 5000):
            _resolve_chunk(store, [(a, [m]) for _, a, m in tail[start:start + 5000]], settings)
        latency = _latency(store, [next(corpus) for _ in range(probes)], settings)
    return {"store_articles": size, "bulk_loaded": size - recent, "bulk_cpu_seconds": round(bulk_cpu, 1),
            "resolved_normally": recent, "peak_rss_mb": rss_mb()} | latency


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--batch", type=int, default=5000, help="articles stored and resolved per call")
    parser.add_argument("--budget", type=float, default=120.0, help="CPU seconds per size before stopping early")
    parser.add_argument("--probes", type=int, default=20, help="single-article adds timed on the largest size")
    parser.add_argument("--latency-store", type=int, default=0,
                        help="also time single adds on a store of this many articles (bulk-loaded)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child process: one size
    args = parser.parse_args(argv)
    if args.latency_store:
        with tempfile.TemporaryDirectory() as tmp:
            print(json.dumps(latency_on_large_store(args.latency_store, 20_000, args.probes,
                                                    Path(tmp) / "large.sqlite")), flush=True)
        return
    if args.one:
        with tempfile.TemporaryDirectory() as tmp:
            print(json.dumps(resolve_size(args.one, args.batch, args.budget, args.probes, Path(tmp) / "bench.sqlite")))
        return
    sizes = [int(s) for s in args.sizes.split(",") if s]
    for size in sizes:
        probes = args.probes if size == max(sizes) else 0
        command = [sys.executable, __file__, "--one", str(size), "--batch", str(args.batch),
                   "--budget", str(args.budget), "--probes", str(probes)]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        print(result.stdout.strip() or json.dumps({"articles": size, "error": result.stderr.strip()[-400:]}),
              flush=True)


if __name__ == "__main__":
    main()
