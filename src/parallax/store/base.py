"""The Store interface: what the pipeline, exports and web app may ask of a database."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Protocol, runtime_checkable

from parallax.schema import Alert, Article, EventMention, Incident, Rejected, RunSummary, SearchHit


@runtime_checkable
class Store(Protocol):
    """Persistent records of every run. Loading returns records equal to those saved.

    Writes are atomic: a failed call leaves the database as it was and raises StoreError.
    """

    path: Path  # the database file (files written beside it, such as alerts.jsonl, go in its folder)

    def add_articles(self, articles: Iterable[Article]) -> list[str]:
        """Ids newly added, in input order; an article already stored changes nothing."""
        ...

    def has_article(self, article_id: str) -> bool: ...

    def get_article(self, article_id: str) -> Article | None:
        """The stored article, or None when no article has that id."""
        ...

    def articles(self) -> list[Article]:
        """Every article, in the order they were first added."""
        ...

    def replace_mentions(self, article_id: str, mentions: Iterable[EventMention]) -> None:
        """The extraction output of one (stored) article replaces whatever it had before."""
        ...

    def add_extracted(self, results: Iterable[tuple[Article, Sequence[EventMention]]]) -> list[str]:
        """Articles with their extraction output, all in one transaction; ids newly added."""
        ...

    def extracted_ids(self, article_ids: Iterable[str]) -> set[str]:
        """Those of `article_ids` already stored with their extraction output."""
        ...

    def unextracted_articles(self) -> Iterator[Article]:
        """Articles stored but never extracted (an interrupted run), oldest first, streamed."""
        ...

    def eventless_articles(self) -> list[tuple[str, str]]:
        """(id, source) of extracted articles in which no event mention was found, oldest first."""
        ...

    def mentions(self) -> list[EventMention]:
        """Every mention with its actors, place, date and claims; article order, then reading order."""
        ...

    def save_incidents(self, incidents: Iterable[Incident]) -> None:
        """Replace the whole incident set at once; incidents refer to stored mentions by id."""
        ...

    def incidents(self) -> list[Incident]:
        """The current incidents in the order saved, each with its full mentions."""
        ...

    def add_rejected(self, rejected: Rejected | Iterable[Rejected]) -> None: ...

    def rejected(self) -> list[Rejected]: ...

    def record_run(self, summary: RunSummary, started: datetime | None = None,
                   finished: datetime | None = None) -> None:
        """Log a run; `finished` defaults to now and `started` to `finished`."""
        ...

    def last_run(self) -> RunSummary | None:
        """The most recent run's summary, for report headers; None before the first run."""
        ...

    def add_alerts(self, alerts: Iterable[Alert]) -> None:
        """Append zone alerts to the log (docs/zones.md); an alert id already stored is kept once."""
        ...

    def alerts(self) -> list[Alert]:
        """Every zone alert, oldest first."""
        ...

    def search_articles(self, text: str, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        """Articles matching every word of `text` (full-text, FTS5), best first; [] for no words."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None: ...
