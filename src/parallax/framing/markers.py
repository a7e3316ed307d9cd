"""Find framing words: loaded terms, distancing, hedges, certainty, and scare quotes."""

from __future__ import annotations

from collections.abc import Sequence

from parallax.framing.lexicon import FramingLexicon
from parallax.framing.segments import Passage, inside, word_count
from parallax.schema import Article, FramingMarker, Quote, Span

MARKER_KINDS = ("loaded", "distancing", "hedge", "certainty")
SCARE_QUOTE_WORDS = 3  # a quoted passage this short is a quoted term, not a quoted statement


def find_markers(article: Article, quoted: list[Passage], quotes: Sequence[Quote],
                 lexicon: FramingLexicon) -> list[FramingMarker]:
    """Every marker in reading order; a longer lexicon entry wins over one inside it."""
    found: list[FramingMarker] = []
    taken: list[tuple[int, int]] = []
    for term in lexicon.of_kind(*MARKER_KINDS):  # longest first
        for m in term.pattern.finditer(article.text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            span = Span(article.id, m.start(), m.end(), m.group(), "")
            found.append(FramingMarker(term.kind, term.term, term.category, span,
                                       inside(m.start(), m.end(), quoted)))
    found.extend(scare_quotes(quotes))
    return sorted(found, key=lambda marker: marker.span.start)


def scare_quotes(quotes: Sequence[Quote]) -> list[FramingMarker]:
    """Quoted words ("a “threat”"): category says whether the text gives them to a speaker."""
    return [FramingMarker("scare_quote", q.span.text.strip(" ,.;:"),
                          "unattributed" if q.source_kind == "unattributed" else "attributed", q.span)
            for q in quotes if word_count(q.span.text) <= SCARE_QUOTE_WORDS]
