"""Sentences an article adds around an incident: history, earlier incidents, motives, other events."""

from __future__ import annotations

from collections.abc import Sequence

from parallax.framing.lexicon import FramingLexicon
from parallax.framing.segments import overlaps
from parallax.schema import ContextSentence, EventMention, Span

CONTEXT_KINDS = ("earlier", "motive", "history")  # checked in this order: the first cue found names it


def context_sentences(sentences: Sequence[Span], incident_sentences: Sequence[Span],
                      background: Sequence[EventMention], lexicon: FramingLexicon) -> list[ContextSentence]:
    """Every sentence not about the incident, with what kind of context it adds."""
    about = {(s.start, s.end) for s in incident_sentences}
    return [_classify(s, background, lexicon) for s in sentences if (s.start, s.end) not in about]


def _classify(sentence: Span, background: Sequence[EventMention], lexicon: FramingLexicon) -> ContextSentence:
    for mention in background:
        if overlaps(mention.trigger.start, mention.trigger.end, (sentence,)):
            return ContextSentence("background", mention.trigger.text, sentence)
    for kind in CONTEXT_KINDS:
        for term in lexicon.of_kind(kind):
            match = term.pattern.search(sentence.text)
            if match:
                return ContextSentence(kind, match.group(), sentence)
    return ContextSentence("other", "", sentence)


def context_share(sentences: Sequence[Span], context: Sequence[ContextSentence]) -> float:
    total = sum(len(s.text) for s in sentences)
    return round(sum(len(c.span.text) for c in context) / total, 3) if total else 0.0
