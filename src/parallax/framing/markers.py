"""Find framing words: loaded terms, distancing, hedges, certainty, and scare quotes."""

from __future__ import annotations

import re
from collections.abc import Sequence

from parallax.framing.lexicon import FramingLexicon, index_key
from parallax.framing.segments import Passage, inside, passages, word_count
from parallax.schema import Article, FramingMarker, Quote, Span

_WORD = re.compile(r"\w[\w'’-]*")
SCARE_QUOTE_WORDS = 3  # a quoted passage this short is a quoted term, not a quoted statement


def find_markers(article: Article, quoted: list[Passage], quotes: Sequence[Quote],
                 lexicon: FramingLexicon) -> list[FramingMarker]:
    """Every marker in reading order, the headline's first (their spans index `Article.title`,
    field "title": the outlet's own headline frames the story as much as its body: "Kassala market
    massacre"); at one place the longest lexicon entry wins."""
    found = _lexicon_markers(article.id, article.text, "text", quoted, lexicon)
    found.extend(scare_quotes(quotes))
    found.sort(key=lambda marker: marker.span.start)
    title = _lexicon_markers(article.id, article.title, "title", passages(article.title), lexicon)
    return title + found


def _lexicon_markers(article_id: str, text: str, field: str, quoted: list[Passage],
                     lexicon: FramingLexicon) -> list[FramingMarker]:
    found, after = [], 0
    for word in _WORD.finditer(text):
        if word.start() < after:
            continue  # inside the last marker: "violation" of "gross violation"
        for term in lexicon.marker_index.get(index_key(word.group()), ()):
            m = term.pattern.match(text, word.start())
            if m:
                span = Span(article_id, m.start(), m.end(), m.group(), text if field == "title" else "", field)
                found.append(FramingMarker(term.kind, term.term, term.category, span,
                                           inside(m.start(), m.end(), quoted)))
                after = m.end()
                break
    return found


def scare_quotes(quotes: Sequence[Quote]) -> list[FramingMarker]:
    """Quoted words ("a “threat”"): category says whether the text gives them to a speaker."""
    return [FramingMarker("scare_quote", q.span.text.strip(" ,.;:"),
                          "unattributed" if q.source_kind == "unattributed" else "attributed", q.span)
            for q in quotes if q.direct and word_count(q.span.text) <= SCARE_QUOTE_WORDS]
