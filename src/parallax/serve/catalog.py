"""What the web app reads from the database: one consistent snapshot, reloaded when the file changes.

Every page and API call reads the same snapshot (incidents, articles, zones), so a request never
mixes two states of a database that an ingest is writing to; the incidents come from one read
transaction, so no reader sees half an incident set.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from parallax.resolve.follow_ups import follow_up_links
from parallax.schema import Article, FollowUp, Incident, SearchHit
from parallax.serve import extras
from parallax.store.sqlite import SQLiteStore


@dataclass(frozen=True, slots=True)
class Snapshot:
    incidents: tuple[Incident, ...]
    articles: Mapping[str, Article]
    zones: extras.ZoneView = field(default_factory=extras.ZoneView)
    by_id: Mapping[str, Incident] = field(default_factory=dict)
    by_article: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # article -> incident ids
    follow_ups: Mapping[str, tuple[FollowUp, ...]] = field(default_factory=dict)  # incident -> its links either way

    @classmethod
    def of(cls, incidents: Sequence[Incident], articles: Mapping[str, Article],
           zones: extras.ZoneView, follow_ups: Sequence[FollowUp] | None = None) -> Snapshot:
        """A snapshot with its lookups built once, so a page never scans every incident;
        `follow_ups` as the store keeps them, else worked out from the incidents."""
        by_article: dict[str, list[str]] = defaultdict(list)
        for incident in incidents:
            for article_id in incident.article_ids:
                by_article[article_id].append(incident.id)
        linked: dict[str, list[FollowUp]] = defaultdict(list)
        if follow_ups is None:  # what export writes to follow_ups.csv
            follow_ups = follow_up_links(incidents, published={a.id: a.published for a in articles.values()})
        for link in follow_ups:
            linked[link.incident_id].append(link)
            linked[link.event_incident_id].append(link)
        return cls(tuple(incidents), articles, zones, {i.id: i for i in incidents},
                   {a: tuple(ids) for a, ids in by_article.items()}, {i: tuple(x) for i, x in linked.items()})

    def incident(self, incident_id: str) -> Incident | None:
        return self.by_id.get(incident_id)

    def incidents_of_article(self, article_id: str) -> list[Incident]:
        return [self.by_id[i] for i in self.by_article.get(article_id, ())]


def _file_state(path: Path) -> tuple[tuple[int, int], ...]:
    """Size and modification time of the database and its WAL: any commit changes one of them."""
    state = []
    for part in (path, path.with_name(path.name + "-wal")):
        try:
            stat = part.stat()
            state.append((stat.st_mtime_ns, stat.st_size))
        except OSError:
            state.append((0, 0))
    return tuple(state)


class Catalog:
    """The database behind the app, read through a snapshot cached until the file changes."""

    def __init__(self, db_path: Path, zones_path: Path | None = None, data_dir: str = "") -> None:
        self.db_path = Path(db_path)
        self.zones_path = zones_path
        self.data_dir = data_dir  # knowledge-file overrides, for zone rules and the framing lexicon
        self._lock = threading.Lock()
        self._state: tuple[tuple[int, int], ...] | None = None
        self._snapshot: Snapshot | None = None

    def snapshot(self) -> Snapshot:
        with self._lock:
            state = _file_state(self.db_path)
            if self._snapshot is None or state != self._state:
                self._snapshot = self._load()
                self._state = state
            return self._snapshot

    def _load(self) -> Snapshot:
        with SQLiteStore(self.db_path) as store:
            incidents = tuple(store.incidents())
            articles = {a.id: a for a in store.articles()}
            links = None if store.follow_up_pending() else store.follow_ups()  # pending: a store not resolved since
        return Snapshot.of(incidents, articles, extras.zone_view(incidents, self.zones_path, self.data_dir), links)

    def search(self, text: str, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        with SQLiteStore(self.db_path) as store:
            return store.search_articles(text, limit, offset)
