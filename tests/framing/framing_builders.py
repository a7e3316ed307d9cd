"""Hand-built articles and incidents for framing tests: offsets are found in the text itself."""

from __future__ import annotations

from parallax.schema import Actor, ActorRole, Article, EventMention, Incident, Span


def article(article_id: str, text: str, outlet: str = "") -> Article:
    return Article(article_id, text, outlet=outlet)


def span_of(doc: Article, words: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(words, start + 1)
    return Span(doc.id, start, start + len(words), words, "")


def told(doc: Article, trigger: str, actors: tuple[tuple[str, str], ...] = (),
         sentences: tuple[str, ...] = (), background: bool = False) -> EventMention:
    """A mention of an incident in `doc`: the trigger word, actors as (phrase, normalised name)."""
    found = tuple(Actor(phrase, name, ActorRole.PERPETRATOR if i == 0 else ActorRole.TARGET,
                        span=span_of(doc, phrase)) for i, (phrase, name) in enumerate(actors))
    told_in = tuple(span_of(doc, s) for s in sentences) or (span_of(doc, trigger),)
    return EventMention(f"m-{doc.id}-{trigger}", doc.id, span_of(doc, trigger), "Explosions/Remote violence",
                        "Air/drone strike", found, sentences=told_in, background=background)


def incident(incident_id: str, *mentions: EventMention) -> Incident:
    return Incident(incident_id, tuple(mentions), "Explosions/Remote violence", "Air/drone strike", None, None)
