"""Whether a sentence is told as a headline: a short line with no closing punctuation (the shape
`headlines` reads its counts from and `casualties` reads tense by)."""

from __future__ import annotations

from spacy.tokens import Span as DocSpan

from parallax.nlp.arrays import token_table

_MAX_TOKENS = 30
_FINAL = frozenset({".", "!", "?", "\"", "”", "’", "'", ")"})
_QUOTES = frozenset({"\"", "”", "’", "'"})


def is_headline(sent: DocSpan) -> bool:
    """A short line with no closing punctuation: a title, or a title repeated at the top of a body."""
    table = token_table(sent.doc)  # every sentence is asked: no Token object per word
    words = [i for i in range(sent.start, sent.end) if not table.space[i]]
    if not words or len(words) > _MAX_TOKENS or "\n\n" in table.span_text(sent.start, sent.end).strip():
        return False
    if table.word(words[-1]) == ")":  # "Two Campers Hurt in Shooting Accident (Lenox County)"
        opening = [k for k, i in enumerate(words) if table.word(i) == "("]
        words = words[:opening[-1]] if opening else words
        if not words:
            return False
    if table.word(words[-1]) in _QUOTES and len(words) > 1:  # "Two hurt in Waco: 'We heard it all'"
        return table.word(words[-2]) not in _FINAL
    return table.word(words[-1]) not in _FINAL


__all__ = ["is_headline"]
