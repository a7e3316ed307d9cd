"""The forms a lexicon word may match a token in (lemma, lower-case text, naive singulars), worked
out once per distinct word, and for a whole Doc from its arrays: the trigger and context scans
ask it of every token, and a Token object per word was most of their time."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from spacy.attrs import LEMMA, LOWER, POS
from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc, Token

_KEYS = "parallax.trigger_keys"  # doc.user_data: one tuple of keys per token
_MAY = "parallax.may_trigger"  # doc.user_data: (the lexicon's triggers, one flag per token)
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
    (the tagger leaves plural proper nouns such as a headline's "Airstrikes" unlemmatised); read
    from the Doc's keys (`doc_keys`), which the trigger scan has already made."""
    return doc_keys(token.doc)[token.i]


def may_trigger(doc: Doc, triggers: Mapping[tuple[str, str], object]) -> tuple[bool, ...]:
    """For each token of the Doc, whether one of its keys is a trigger word of either kind (a
    `TriggerLexicon.triggers` key): worked out once per distinct set of keys, kept per lexicon."""
    held = doc.user_data.get(_MAY)
    if held is None or held[0] is not triggers:
        known: dict[tuple[str, ...], bool] = {}
        flags = []
        for keys in doc_keys(doc):
            flag = known.get(keys)
            if flag is None:
                flag = known[keys] = any((key, kind) in triggers for key in keys for kind in ("noun", "verb"))
            flags.append(flag)
        held = doc.user_data[_MAY] = (triggers, tuple(flags))
    return held[1]


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
