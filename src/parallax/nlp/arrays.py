"""Token attributes read from a Doc's arrays: extractors find the few tokens they need without
making a Token object for every word of the article (most of their time went to that)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from spacy.attrs import ENT_TYPE, IDX, IS_PUNCT, IS_SPACE, LEMMA, LENGTH, LOWER, ORTH, SENT_START, SPACY
from spacy.tokens import Doc, Span, Token

_TABLE_KEY = "parallax.token_table"


@dataclass(frozen=True, slots=True)
class TokenTable:
    """Offsets and flags of every token of a Doc, read once per Doc: `Span.text` and
    `Doc.text` rebuild their strings from a Token per word on each call."""

    text: str
    starts: tuple[int, ...]  # each token's first character
    ends: tuple[int, ...]  # each token's last character + 1, its trailing space excluded
    sent_starts: tuple[bool, ...]
    punct: tuple[bool, ...]
    entity: tuple[bool, ...]  # inside a named entity (`Token.ent_type_` set)
    space: tuple[bool, ...]  # a whitespace token (`Token.is_space`)

    def span_text(self, start: int, end: int) -> str:
        """What `doc[start:end].text` gives, for 0 <= start <= end <= len(doc)."""
        return self.text[self.starts[start]:self.ends[end - 1]] if start < end else ""

    def word(self, i: int) -> str:
        """What `doc[i].text` gives."""
        return self.text[self.starts[i]:self.ends[i]]


def token_table(doc: Doc) -> TokenTable:
    """The Doc's table, kept in `doc.user_data` (picklable; a Doc is not written back to bytes
    after extraction); asked once per word by some extractors, so it is not rebuilt per call."""
    cached = doc.user_data.get(_TABLE_KEY)
    if cached is None:
        rows = doc.to_array([IDX, LENGTH, SENT_START, IS_PUNCT, ORTH, SPACY, ENT_TYPE, IS_SPACE]).tolist()
        strings = doc.vocab.strings  # Doc.text would make a Token per word
        text = "".join(strings[r[4]] + " " if r[5] else strings[r[4]] for r in rows)
        cached = TokenTable(text, tuple(r[0] for r in rows), tuple(r[0] + r[1] for r in rows),
                            tuple(r[2] == 1 for r in rows), tuple(bool(r[3]) for r in rows),
                            tuple(r[6] != 0 for r in rows), tuple(bool(r[7]) for r in rows))
        doc.user_data[_TABLE_KEY] = cached
    return cached



def sentence_text(sent: Span) -> str:
    """What `sent.text` gives, without a Token object per word."""
    return token_table(sent.doc).span_text(sent.start, sent.end)


def sentence_of(doc: Doc, i: int) -> tuple[int, int]:
    """The token range of the sentence `doc[i:j].sent` gives for a span starting at `i` (a parsed
    Doc: from the nearest sentence start at or before `i` to the next one after it)."""
    starts = token_table(doc).sent_starts
    start, end = i, i + 1
    while start > 0 and not starts[start]:
        start -= 1
    while end < len(starts) and not starts[end]:
        end += 1
    return start, end


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


def indices_between(indices: list[int], start: int, end: int) -> list[int]:
    """The indices of a sorted list that lie in [start, end)."""
    return indices[bisect_left(indices, start):bisect_left(indices, end)]


def tokens_at(span: Span, indices: Sequence[int] | None) -> Iterable[Token]:
    """The span's tokens at `indices` (doc indices inside it, in order), or all of them when None."""
    return span if indices is None else (span.doc[i] for i in indices)
