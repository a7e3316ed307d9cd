"""An article that tells casualties but no conflict incident (an accidental shooting, a hunting
accident, a death the event words leave untyped) still reports them: one mention, typed honestly."""

from __future__ import annotations

import hashlib

from spacy.tokens import Doc

from parallax.extract.compatibility import best_date, best_place
from parallax.extract.dates import find_dates
from parallax.extract.event_type import EventTrigger, snippet_triggers
from parallax.extract.trigger_lexicon import TriggerLexicon, load_trigger_lexicon
from parallax.nlp.arrays import sentence_text, token_table
from parallax.schema import Article, Claim, EventMention, Measure, Place, Span

NON_ACLED = "Non-ACLED"  # taxonomy.tsv's event type of the classes that open no conflict incident
_CASUALTIES = (Measure.KILLED, Measure.INJURED)


def told_casualties(claims: list[Claim]) -> list[Claim]:
    """The article's own dead and hurt: incident-level, not denied."""
    return [c for c in claims if c.measure in _CASUALTIES and c.scope == "incident" and not c.negated]


def casualty_report(doc: Doc, article: Article, places: list[Place], claims: list[Claim],
                    lexicon: TriggerLexicon | None = None) -> EventMention | None:
    """The mention of an article whose event words open no incident but whose claims count dead or
    hurt: typed by its best non-ACLED event word ("an accidental shooting": Man-made disaster), else
    Non-ACLED with no sub-event type (parallax read casualties, not which event caused them; it never
    asserts a conflict event the typer did not find). None when it counts nobody."""
    told = told_casualties(claims)
    if not told:
        return None
    lex = lexicon or load_trigger_lexicon()
    word = _non_acled_word(doc, lex)
    first = min(told, key=lambda c: c.span.start)
    sents = _sentences(doc, told)
    inside = [p for p in places if p.span and any(s.start_char <= p.span.start < s.end_char for s in sents)]
    dates = [d for d in find_dates(sents[0], article) if d.span is not None]
    evidence = _span(doc, word, article) if word else first.span
    return EventMention(
        id=hashlib.sha1(f"{article.id}:casualties".encode()).hexdigest()[:16], article_id=article.id,
        trigger=evidence, event_type=NON_ACLED, sub_event_type=word.sub_event_type if word else "",
        place=best_place(inside), date=best_date(dates), claims=tuple(sorted(claims, key=lambda c: c.span.start)),
        sentences=tuple(Span(article.id, s.start_char, s.end_char, sentence_text(s)) for s in sents),
        outlet=article.outlet)


def _non_acled_word(doc: Doc, lex: TriggerLexicon) -> EventTrigger | None:
    """The surest event word of a class outside ACLED (disasters, crime, talks) the text uses."""
    found = [t for t in snippet_triggers(doc, lex) if t.event_type == NON_ACLED and t.score > 0]
    return max(found, key=lambda t: t.score, default=None)


def _sentences(doc: Doc, claims: list[Claim]):
    starts = sorted({c.span.start for c in claims})
    return [s for s in doc.sents if any(s.start_char <= at < s.end_char for at in starts)] or [doc[:]]


def _span(doc: Doc, trigger: EventTrigger, article: Article) -> Span:
    chunk = doc[trigger.start_token:trigger.end_token]
    text = token_table(doc).span_text(chunk.start, chunk.end)
    return Span(article.id, chunk.start_char, chunk.end_char, text, sentence_text(chunk.sent))
