"""The whole path from input files to stored, reconciled incidents: the library behind the CLI."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc

from parallax.extract.actors import ActorDictionary, load_actor_dictionary
from parallax.extract.claims import ClaimLexicon, extract_claims, extract_title_claims, load_claim_lexicon
from parallax.extract.event_classifier import HASHING, LinearModel, retype_single_incident, shipped_model
from parallax.extract.frames import FrameContext
from parallax.extract.gazetteer import Gazetteer, load_gazetteer
from parallax.extract.mentions import extract_mentions, on_title, with_title_claims
from parallax.extract.places import extract_places
from parallax.extract.trigger_lexicon import TriggerLexicon, load_trigger_lexicon
from parallax.ingest.rejects import extraction_failed, no_event
from parallax.nlp.arrays import token_table
from parallax.nlp.focus import Cues, focus_text, load_cues, may_hold_claims, restore_sentences
from parallax.nlp.pipeline import load_nlp, parse_with_titles
from parallax.resolve.incremental import resolve_pending
from parallax.schema import Article, EventMention, Incident, Rejected, ResolutionEvent, RunSummary
from parallax.settings import Settings
from parallax.store.base import Store
from parallax.store.sqlite import open_store
from parallax.zones.notify import raise_zone_alerts

Progress = Callable[[int], None]

if TYPE_CHECKING:
    from parallax.engines.local import Tally


@dataclass(frozen=True, slots=True)
class Knowledge:
    """Everything the extractors read from data files, loaded once per process."""

    gazetteer: Gazetteer
    claims: ClaimLexicon
    actors: ActorDictionary
    cues: Cues  # the words that make a paragraph worth parsing (parallax.nlp.focus)
    event_model: LinearModel | None = None  # retypes an article's single incident (extract.event_classifier)
    triggers: TriggerLexicon | None = None


def load_knowledge(settings: Settings) -> Knowledge:
    claims = load_claim_lexicon(settings.data_dir)
    triggers = load_trigger_lexicon(settings.data_dir)
    return Knowledge(load_gazetteer(settings.data_dir, settings.places_file), claims, load_actor_dictionary(settings.data_dir),
                     load_cues(claims, triggers, settings.data_dir), shipped_model(HASHING), triggers)


def analyse_doc(doc: Doc, article: Article, knowledge: Knowledge) -> list[EventMention]:
    """Event mentions of one parsed article, each carrying its claims, places, date and actors."""
    places = extract_places(doc, article, knowledge.gazetteer)
    claims = extract_claims(doc, article, knowledge.claims)
    context = FrameContext(knowledge.actors, _country_namer(knowledge.gazetteer),
                           _main_country(places, knowledge.gazetteer), knowledge.triggers)
    mentions = retype_single_incident(doc, extract_mentions(doc, article, places, claims, context),
                                      knowledge.event_model, knowledge.triggers)
    # after a focused parse (parallax.nlp.focus) sentence texts must not run into blanked paragraphs
    same = token_table(doc).text == article.text  # Doc.text makes a Token per word
    return mentions if same else [restore_sentences(m) for m in mentions]


def analyse_article(doc: Doc, article: Article, knowledge: Knowledge, title: Doc | None = None) -> list[EventMention]:
    """`analyse_doc`, and the claims of the article's parsed headline (`title`: spans in Article.title)
    on its main mention; when the body tells no incident (a cookie banner, a video list) but the
    headline gives casualties, the headline's own mentions, read as a text of its own."""
    mentions = analyse_doc(doc, article, knowledge)
    if title is None:
        return mentions
    claims = extract_title_claims(title, article, knowledge.claims, mentions[0].claims if mentions else ())
    headline = replace(article, text=article.title, title="", dateline="", dateline_end=0)
    if mentions or not claims:
        places = extract_places(title, headline, knowledge.gazetteer) if len(mentions) > 1 and claims else []
        return with_title_claims(mentions, claims, article.title, places)
    return [on_title(m) for m in analyse_doc(title, headline, knowledge)]


def _country_namer(gazetteer: Gazetteer) -> Callable[[str], tuple[str, str] | None]:
    def name_country(word: str) -> tuple[str, str] | None:
        code = gazetteer.country_of_adjective(word)
        return (code, gazetteer.country_name(code)) if code else None
    return name_country


def _main_country(places, gazetteer: Gazetteer) -> tuple[str, str] | None:
    """The country most places in the article are in: the default for "the army", "police"."""
    codes = [p.country for p in places if p.country]
    if not codes:
        return None
    code = max(set(codes), key=codes.count)
    return code, gazetteer.country_name(code)


def analyse_articles(articles: Iterable[Article], nlp: Language, knowledge: Knowledge,
                     settings: Settings) -> Iterator[tuple[Article, list[EventMention]]]:
    for article, doc, title in parsed(articles, nlp, knowledge, settings):
        yield article, analyse_article(doc, article, knowledge, title)


def parsed(articles: Iterable[Article], nlp: Language, knowledge: Knowledge,
           settings: Settings) -> Iterator[tuple[Article, Doc, Doc | None]]:
    """(article, its parsed text, its parsed headline or None), focused on what the extractors read
    when settings.focus_parse is on (parallax.nlp.focus: paragraphs and headlines that cannot be used
    are not parsed)."""
    if not settings.focus_parse:
        return parse_with_titles(articles, nlp, settings.batch_size)
    return parse_with_titles(articles, nlp, settings.batch_size, partial(focus_text, cues=knowledge.cues),
                             partial(may_hold_claims, cues=knowledge.cues))


def analyse_or_reject(articles: Iterable[Article], nlp: Language, knowledge: Knowledge,
                      settings: Settings) -> Iterator[tuple[Article, list[EventMention]] | Rejected]:
    """As analyse_articles, but an article whose analysis raises becomes an `extract_error`
    record naming it and the exception, and the others go on. It stays unstored, so a rerun
    (after the bug is fixed) extracts it."""
    for article, doc, title in parsed(articles, nlp, knowledge, settings):
        try:
            yield article, analyse_article(doc, article, knowledge, title)
        # The one place any exception is caught: a bug met on one odd text must not stop a
        # corpus run, and the record says which article and what went wrong.
        except Exception as exc:  # noqa: BLE001
            yield extraction_failed(article.source, exc)


def ingest_paths(paths: Sequence[Path], db_path: Path, settings: Settings,
                 progress: Progress | None = None) -> RunSummary:
    """Read inputs into the database, extract the articles it lacks and settle the incidents,
    with the engine `settings.engine` names (see parallax.engines)."""
    from parallax.engines import engine_named
    return engine_named(settings.engine)(paths, db_path, settings, progress)


def settle_incidents(store: Store, settings: Settings, tally: Tally) -> RunSummary:
    """After extraction (any engine): resolve incidents, store them and record the run."""
    tally.rejected += record_eventless(store, tally.article_ids)
    update = resolve_pending(store, settings)  # only the new mentions and the incidents they touch
    alerts = raise_zone_alerts(store, update.incidents, settings)
    incidents, multi_source = store.incident_counts()
    summary = RunSummary(read=tally.read, new_articles=tally.extracted,
                         duplicates=tally.already_stored, rejected=tuple(tally.rejected),
                         mentions=tally.mentions, claims=tally.claims, incidents=incidents,
                         multi_source_incidents=multi_source, alerts=len(alerts))
    store.record_run(summary)
    return summary


def record_eventless(store: Store, this_run: Iterable[str]) -> list[Rejected]:
    """A no_event record for every article without mentions (those of a killed run too, so a
    rerun converges); returns this run's."""
    eventless = store.eventless_articles()
    store.add_rejected(no_event(source) for _, source in eventless)
    ids = set(this_run)
    return [no_event(source) for article_id, source in eventless if article_id in ids]


@dataclass(frozen=True, slots=True)
class StoredRun:
    """What a database holds, for exports and reports."""

    incidents: list[Incident]
    articles: dict[str, Article]
    last_run: RunSummary | None
    resolution_log: tuple[ResolutionEvent, ...] = ()  # every join, merge and split, oldest first
    rejected: tuple[Rejected, ...] = ()  # every input any run skipped, and why


def stored_incidents(db_path: Path) -> StoredRun:
    with open_store(db_path) as store:
        return StoredRun(store.incidents(), {a.id: a for a in store.articles()}, store.last_run(),
                         tuple(store.resolution_events()), tuple(store.rejected()))
