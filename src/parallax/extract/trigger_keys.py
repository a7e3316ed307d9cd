"""The forms a lexicon word may match a token in (lemma, lower-case text, naive singulars), worked
out once per distinct word, and for a whole Doc from its arrays: the trigger and context scans
ask it of every token, and a Token object per word was most of their time."""

from __future__ import annotations

from functools import lru_cache

from spacy.attrs import LEMMA, LOWER, POS
from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc, Token

_KEYS = "parallax.trigger_keys"  # doc.user_data: one tuple of keys per token
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_NOUN_IDS = frozenset({NOUN, PROPN})


@lru_cache(maxsize=50_000)
def word_keys(lemma: str, lower: str, noun: bool) -> tuple[str, ...]:
    """The keys of a word whose lemma is `lemma` (already lower-cased) and text `lower`."""
    keys = [lemma] if lemma == lower else [lemma, lower]
    if noun and len(lower) > 3 and lower.endswith("s"):
        keys.append(lower[:-1])
        if lower.endswith("es"):
            keys.append(lower[:-2])
    if "-" in lower and len(lower) > 2:
        keys.append(lower.split("-")[0])
    return tuple(keys)


def token_keys(token: Token) -> tuple[str, ...]:
    """The forms a lexicon word may match: lemma, lower-case text, and naive singulars of nouns
    (the tagger leaves plural proper nouns such as a headline's "Airstrikes" unlemmatised)."""
    return word_keys(token.lemma_.lower(), token.lower_, token.pos_ in _NOUN_POS)


def doc_keys(doc: Doc) -> tuple[tuple[str, ...], ...]:
    """token_keys of every token of the Doc, read from its arrays once and kept in user_data."""
    cached = doc.user_data.get(_KEYS)
    if cached is None:
        strings = doc.vocab.strings
        rows = doc.to_array([LEMMA, LOWER, POS]).tolist()
        cached = tuple(word_keys(strings[lemma].lower(), strings[lower], pos in _NOUN_IDS)
                       for lemma, lower, pos in rows)
        doc.user_data[_KEYS] = cached
    return cached
