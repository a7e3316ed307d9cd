"""Extraction on one machine: a pool of worker processes, each loading spaCy once, fed in batches.

The stream is bounded: at most two batches per worker are in flight, so reading a corpus of any
size holds only those batches in memory, and results come back in input order.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, islice
from pathlib import Path

from parallax.ingest.readers import read_inputs
from parallax.ingest.rejects import storing_failed
from parallax.schema import Article, EventMention, Rejected, RunSummary
from parallax.settings import Settings
from parallax.store.base import Store
from parallax.store.sqlite import UNSTORABLE, is_bad_record, open_store

Extracted = tuple[Article, list[EventMention]] | Rejected  # Rejected: extraction raised
Progress = Callable[[int], None]
IN_FLIGHT_PER_WORKER = 2


def worker_count(settings: Settings) -> int:
    """The number of extraction processes: settings.workers, or one per core when it is 0."""
    return settings.workers if settings.workers > 0 else (os.cpu_count() or 1)


def batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def extract_articles(articles: Iterable[Article], settings: Settings) -> Iterator[Extracted]:
    """(article, its event mentions) for every article, in input order, streamed.

    With workers = 0 (one per core) a run too small to fill the pool once stays in this process:
    starting a worker (loading spaCy) costs more than it would save.
    """
    workers = worker_count(settings)
    iterator = iter(articles)
    head: list[Article] = []
    if settings.workers <= 0 and workers > 1:
        head = list(islice(iterator, settings.batch_size * workers * IN_FLIGHT_PER_WORKER))
        if len(head) < settings.batch_size * workers * IN_FLIGHT_PER_WORKER:
            workers = 1
    if workers == 1:
        yield from _extract_here(chain(head, iterator), settings)
    else:
        yield from _extract_in_pool(chain(head, iterator), settings, workers)


def _extract_here(articles: Iterable[Article], settings: Settings) -> Iterator[Extracted]:
    from parallax.pipeline import analyse_or_reject
    nlp, knowledge = process_tools(settings)
    yield from analyse_or_reject(articles, nlp, knowledge, settings)


@lru_cache(maxsize=1)
def process_tools(settings: Settings):
    """The spaCy pipeline and knowledge files of this process, loaded once (spaCy only when used)."""
    from parallax.nlp.pipeline import load_nlp
    from parallax.pipeline import load_knowledge
    tools = load_nlp(settings.spacy_model), load_knowledge(settings)
    freeze_heap()
    return tools


def freeze_heap() -> None:
    """Put everything loaded so far out of the cyclic collector's reach: spaCy's vocabulary, the
    gazetteer and the lexicons live as long as the process, and each full collection walked all
    of them again (~150k objects; 2.5% of an ingest's CPU time, 0.6% after)."""
    gc.collect()
    gc.freeze()


# -- the pool: module-level functions because worker processes import them by name --------------

def _extract_batch(batch: list[Article], settings: Settings) -> list[Extracted]:
    from parallax.pipeline import analyse_or_reject
    nlp, knowledge = process_tools(settings)
    return list(analyse_or_reject(batch, nlp, knowledge, settings))


def _extract_in_pool(articles: Iterable[Article], settings: Settings, workers: int) -> Iterator[Extracted]:
    # spawn, not fork: the parent may run threads (the progress bar) that fork would copy mid-lock.
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=process_tools, initargs=(settings,)) as pool:
        pending: deque = deque()
        for batch in batches(articles, settings.batch_size):
            pending.append(pool.apply_async(_extract_batch, (batch, settings)))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


# -- the whole local run: read, skip what is stored, extract, commit in batches -----------------

@dataclass(slots=True)
class Tally:
    """Counts of one run, filled in as the stream goes by (the parts of a RunSummary)."""

    read: int = 0
    extracted: int = 0
    already_stored: int = 0
    mentions: int = 0
    claims: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)  # extracted in this run


def ingest_local(paths: Sequence[Path], db_path: Path, settings: Settings,
                 progress: Progress | None = None) -> RunSummary:
    """Extract every input article not yet in the store (and any a killed run left unextracted)."""
    from parallax.pipeline import settle_incidents
    with open_store(db_path) as store:
        return settle_incidents(store, settings, extract_into(store, paths, settings, progress))


def extract_into(store: Store, paths: Sequence[Path], settings: Settings,
                 progress: Progress | None = None) -> Tally:
    """Read, extract and commit batch by batch; what was done, counted."""
    tally = Tally()
    todo = articles_to_extract(store, read_inputs(paths, settings), tally, settings.commit_every)
    for chunk in batches(extract_articles(todo, settings), settings.commit_every):
        commit_batch(store, chunk, tally)
        if progress:
            progress(len(chunk))
    return tally


def articles_to_extract(store: Store, items: Iterable[Article | Rejected], tally: Tally,
                chunk_size: int) -> Iterator[Article]:
    """Articles a killed run stored unextracted, then input articles not extracted before."""
    leftover: set[str] = set()
    for article in store.unextracted_articles():
        leftover.add(article.id)
        yield article
    for chunk in batches(items, chunk_size):
        tally.read += len(chunk)
        articles = [a for a in chunk if isinstance(a, Article) and a.id not in leftover]
        rejected = [r for r in chunk if isinstance(r, Rejected)]
        if rejected:
            store.add_rejected(rejected)
            tally.rejected += rejected
        done = store.extracted_ids(a.id for a in articles)
        tally.already_stored += len(done)
        yield from (a for a in articles if a.id not in done)


def commit_batch(store: Store, chunk: list[Extracted], tally: Tally) -> None:
    failed = [item for item in chunk if isinstance(item, Rejected)]
    if failed:  # extraction raised on these: recorded, left unstored so a later run retries them
        store.add_rejected(failed)
        tally.rejected += failed
        chunk = [item for item in chunk if not isinstance(item, Rejected)]
    chunk = _stored(store, chunk, tally)
    tally.article_ids += [article.id for article, _ in chunk]
    tally.extracted += len(chunk)
    tally.mentions += sum(len(mentions) for _, mentions in chunk)
    tally.claims += sum(len(m.claims) for _, mentions in chunk for m in mentions)


def _stored(store: Store, chunk: list[Extracted], tally: Tally) -> list[Extracted]:
    """The batch, stored in one transaction. When a record in it cannot be stored (an extractor
    bug: two mentions with one id, a value SQLite cannot hold), its articles are stored one by
    one, and each that fails becomes a `store_error` record, left unstored for a later run."""
    try:
        store.add_extracted(chunk)
        return chunk
    except UNSTORABLE as exc:
        if not is_bad_record(exc):
            raise
    kept = []
    for item in chunk:
        try:
            store.add_extracted([item])
            kept.append(item)
        except UNSTORABLE as exc:
            if not is_bad_record(exc):
                raise
            record = storing_failed(item[0].source, exc)
            store.add_rejected(record)
            tally.rejected.append(record)
    return kept

