"""How each article tells one incident: labels, markers, quotes, context (pure, no I/O)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from parallax.framing.context import context_sentences, context_share
from parallax.framing.labels import find_labels
from parallax.framing.lexicon import FramingLexicon
from parallax.framing.markers import find_markers
from parallax.framing.quotes import attribute_quotes, reported_speech
from parallax.framing.segments import Passage, in_sentence, overlaps, passages, sentences
from parallax.schema import (ActorLabel, Article, ArticleFraming, EventMention, FramingMarker, Incident,
                             IncidentFraming, PartyShare, Quote, Span, Tally)

UNATTRIBUTED = "unattributed"


@dataclass(frozen=True, slots=True)
class Reading:
    """What framing reads from one article once, whichever incident it is asked about."""

    article: Article
    sentences: list[Span]
    passages: list[Passage]
    labels: list[ActorLabel]
    quotes: list[Quote]
    markers: list[FramingMarker]
    mentions: tuple[EventMention, ...]  # every mention of any incident in this article


def read_article(article: Article, mentions: Sequence[EventMention], lexicon: FramingLexicon) -> Reading:
    """Labels, quotes and markers of one article; `mentions` are all its event mentions."""
    split, quoted = sentences(article), passages(article.text)
    actors = [a for m in mentions for a in m.actors]
    claims = [c for m in mentions for c in m.claims]
    quotes = sorted(attribute_quotes(article, quoted, split, (), claims, lexicon)
                    + reported_speech(article, quoted, split, claims, lexicon), key=lambda q: q.span.start)
    labels, markers = find_labels(article, actors, quoted, lexicon), find_markers(article, quoted, quotes, lexicon)
    return Reading(article, split, quoted, [replace(lb, span=in_sentence(lb.span, split, article.text)) for lb in labels],
                   [replace(q, span=in_sentence(q.span, split, article.text)) for q in quotes],
                   [replace(m, span=in_sentence(m.span, split, article.text)) if m.span.field == "text" else m
                    for m in markers], tuple(mentions))


def frame_article(reading: Reading, incident: Incident, outlet: str, lexicon: FramingLexicon) -> ArticleFraming:
    """The article's framing of `incident`: which of its sentences tell it, and what else it adds."""
    own = [m for m in incident.mentions if m.article_id == reading.article.id]
    told = [s for m in own for s in (m.trigger, *m.sentences, *(c.span for c in m.claims))
            if s.field == "text"]  # a sentence giving one of the incident's figures tells it too
    about = [s for s in reading.sentences if overlaps(s.start, s.end, told)]
    own_ids = {m.id for m in own}
    others = [m for m in reading.mentions if m.id not in own_ids]
    quotes = tuple(replace(q, on_incident=overlaps(q.span.start, q.span.end, about)) for q in reading.quotes)
    context = context_sentences(reading.sentences, about, others, lexicon)
    return ArticleFraming(
        article_id=reading.article.id, outlet=outlet, labels=tuple(reading.labels),
        markers=tuple(reading.markers), quotes=quotes, shares=party_shares(quotes),
        source_kinds=source_kinds(quotes), context=tuple(context),
        context_share=context_share(reading.sentences, context),
        background=tuple(dict.fromkeys(m.id for m in others)),
        incident_shares=party_shares([q for q in quotes if q.on_incident]))


def frame_incident(incident: Incident, articles: Mapping[str, Article], lexicon: FramingLexicon,
                   others: Sequence[Incident] = ()) -> IncidentFraming:
    """How each stored article tells `incident`; `others` are the other incidents (their mentions in
    the same articles become background context). Articles missing from `articles` are left out."""
    return _frame(incident, articles, lexicon, _mentions_by_article((incident, *others)), {})


def frame_incidents(incidents: Sequence[Incident], articles: Mapping[str, Article],
                    lexicon: FramingLexicon) -> list[IncidentFraming]:
    """Every incident's framing, reading each article once."""
    by_article, readings = _mentions_by_article(incidents), {}
    return [_frame(i, articles, lexicon, by_article, readings) for i in incidents]


def _mentions_by_article(incidents: Sequence[Incident]) -> dict[str, list[EventMention]]:
    index: dict[str, list[EventMention]] = {}
    for incident in incidents:
        for mention in incident.mentions:
            index.setdefault(mention.article_id, []).append(mention)
    return index


def _frame(incident: Incident, articles: Mapping[str, Article], lexicon: FramingLexicon,
           by_article: dict[str, list[EventMention]], readings: dict[str, Reading]) -> IncidentFraming:
    framed = []
    for article_id in incident.article_ids:
        article = articles.get(article_id)
        if article is None:
            continue
        if article_id not in readings:
            readings[article_id] = read_article(article, by_article.get(article_id, []), lexicon)
        fallback = next((m.outlet for m in incident.mentions if m.article_id == article_id and m.outlet), "")
        framed.append(frame_article(readings[article_id], incident, article.outlet or fallback, lexicon))
    return IncidentFraming(incident.id, tuple(framed))


def party_shares(quotes: Sequence[Quote]) -> tuple[PartyShare, ...]:
    """Quoted words per party, most quoted first (then most statements); quotes with no known
    party count as unattributed. Reported speech adds statements, not quoted words."""
    words: Counter[str] = Counter()
    passages: Counter[str] = Counter()
    statements: Counter[str] = Counter()
    for quote in quotes:
        party = quote.party or UNATTRIBUTED
        statements[party] += 1
        if quote.direct:
            words[party] += quote.words
            passages[party] += 1
    total = sum(words.values())
    ranked = sorted(statements, key=lambda p: (-words[p], -statements[p], p))
    return tuple(PartyShare(p, passages[p], words[p], round(words[p] / total, 3) if total else 0.0,
                            statements[p]) for p in ranked)


def source_kinds(quotes: Sequence[Quote]) -> tuple[Tally, ...]:
    """Distinct voices per kind (named, anonymous, official); unattributed counts passages."""
    voices = {(q.source_kind, q.speaker) for q in quotes if q.source_kind != UNATTRIBUTED}
    counts = Counter(kind for kind, _ in voices)
    counts[UNATTRIBUTED] = sum(q.source_kind == UNATTRIBUTED for q in quotes)
    return tuple(Tally("source", kind, counts[kind])
                 for kind in ("named", "anonymous", "official", UNATTRIBUTED) if counts[kind])
