"""The Store interface: what the pipeline, exports and web app may ask of a database."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Protocol, runtime_checkable

from parallax.schema import (Alert, Article, EventMention, FollowUp, Incident, MatchLink, Rejected,
                             ResolutionEvent, RunSummary, SearchHit)


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

    # incremental resolution (parallax.resolve.incremental)

    def add_match_keys(self, keys: Iterable[tuple[str, str]]) -> None:
        """Index (mention id, blocking key) pairs; a pair already there changes nothing."""
        ...

    def mentions_under_keys(self, keys: Iterable[str]) -> dict[str, set[str]]:
        """Blocking key -> ids of the mentions indexed under it (keys with none are left out)."""
        ...

    def pending_mentions(self) -> list[EventMention]:
        """Mentions not yet resolved (never indexed), in article order then reading order."""
        ...

    def mentions_by_id(self, ids: Iterable[str]) -> dict[str, EventMention]: ...

    def published_dates(self, article_ids: Iterable[str]) -> dict[str, datetime | None]: ...

    def add_match_links(self, links: Iterable[MatchLink]) -> None:
        """Store scored pairs above the threshold (a pair scored again is replaced)."""
        ...

    def match_links_of(self, mention_ids: Iterable[str]) -> list[MatchLink]:
        """Every stored link with either end among `mention_ids`."""
        ...

    def incidents_of_mentions(self, mention_ids: Iterable[str]) -> dict[str, set[str]]:
        """Incident id -> all its mention ids, for incidents holding any of `mention_ids`."""
        ...

    def replace_incidents(self, removed: Iterable[str], incidents: Iterable[Incident],
                          events: Iterable[ResolutionEvent] = ()) -> None:
        """In one transaction: drop `removed`, write `incidents` (replacing same ids), log `events`."""
        ...

    def drop_empty_incidents(self) -> list[str]:
        """Remove incidents left without mentions (their article was extracted again); their ids."""
        ...

    def stale_incidents(self) -> dict[str, set[str]]:
        """Incidents one of whose articles was extracted again -> the mention ids they still hold."""
        ...

    # -- follow-up stories (parallax.resolve.stored_follow_ups) --------------------------------

    def follow_up_traits(self, incident_ids: Iterable[str]) -> dict[str, str]:
        """Incident id -> its follow-up traits as stored (JSON), for those that have them."""
        ...

    def write_follow_up_traits(self, removed: Iterable[str], rows: Mapping[str, tuple[str, Iterable[str]]]) -> None:
        """Forget `removed`; store each row's traits (JSON) and index keys, replacing what it had."""
        ...

    def incidents_under_follow_up_keys(self, keys: Iterable[str]) -> dict[str, set[str]]:
        """Key -> the incidents indexed under it."""
        ...

    def replace_follow_ups(self, incident_ids: Iterable[str], removed: Iterable[str],
                           links: Iterable[FollowUp]) -> None:
        """The stored links of `incident_ids` (as follow-ups) become `links`; links to `removed` go."""
        ...

    def follow_ups(self) -> list[FollowUp]:
        """Every stored follow-up link, by follow-up incident id."""
        ...

    def follow_up_pending(self) -> list[str]:
        """Incidents stored before follow-ups were, not linked yet."""
        ...

    def mention_ids_of_incidents(self, incident_ids: Iterable[str]) -> dict[str, list[str]]:
        """Incident id -> its mention ids, in its order."""
        ...

    def mention_ids_of_articles(self, article_ids: Iterable[str]) -> list[str]:
        """The ids of every mention of those articles."""
        ...

    def resolution_events(self) -> list[ResolutionEvent]:
        """The log of new incidents, joins, merges and splits, oldest first."""
        ...

    def incident_counts(self) -> tuple[int, int]:
        """(incidents, incidents told by two or more articles)."""
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

    def search_articles(self, text: str, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        """Articles matching every word of `text` (full-text, FTS5), best first; [] for no words."""
        ...

    def add_alerts(self, alerts: Iterable[Alert]) -> None:
        """Append zone alerts to the log (docs/zones.md); an alert id already stored is kept once."""
        ...

    def alerts(self) -> list[Alert]:
        """Every zone alert, oldest first."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None: ...
