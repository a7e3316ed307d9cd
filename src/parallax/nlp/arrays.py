"""Token attributes read from a Doc's arrays: extractors find the few tokens they need without
making a Token object for every word of the article (most of their time went to that)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection

from spacy.attrs import IDX, LEMMA, LOWER
from spacy.tokens import Doc


def tokens_with_lower(doc: Doc, words: Collection[str], first_char: int = 0) -> list[int]:
    """The indices, in order, of the tokens whose `lower_` is in `words`, from `first_char` on."""
    rows = doc.to_array([IDX, LOWER]).tolist()
    strings = doc.vocab.strings
    wanted = {lower for lower in {row[1] for row in rows} if strings[lower] in words}
    return [i for i, (idx, lower) in enumerate(rows) if lower in wanted and idx >= first_char]


def tokens_with_word(doc: Doc, words: Collection[str]) -> list[int]:
    """The indices, in order, of the tokens whose lower-cased lemma or `lower_` is in `words`."""
    rows = doc.to_array([LEMMA, LOWER]).tolist()
    strings = doc.vocab.strings
    wanted = {value for value in {v for row in rows for v in row} if strings[value].lower() in words}
    return [i for i, (lemma, lower) in enumerate(rows) if lemma in wanted or lower in wanted]


def any_between(indices: list[int], start: int, end: int) -> bool:
    """Whether a sorted list of token indices holds one in [start, end)."""
    at = bisect_left(indices, start)
    return at < len(indices) and indices[at] < end
