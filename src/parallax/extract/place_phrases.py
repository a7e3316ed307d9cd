"""Find place phrases that name no place of their own: borders ("near the Jordanian border") and
parts of the article's country ("the east of the country", "the country's east")."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from parallax.extract.place_terms import PlaceTerms
from parallax.nlp.arrays import tokens_with_lower

MAX_BORDER_MODIFIERS = 5
MAX_BORDER_COUNTRIES = 3
COUNTRY_NOUNS = frozenset({"country", "nation"})

CountryOf = Callable[[str], str]  # a word ("Jordanian", "Jordan") -> ISO2 or ""


@dataclass(frozen=True, slots=True)
class BorderPhrase:
    """A border and the countries named with it: `before` the noun ("the Syrian-Turkish
    border", "the Jordanian border") and `after` it ("the borders with Iraq and Jordan")."""

    start: int
    end: int
    before: tuple[str, ...]
    after: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CountryPart:
    """"the east of the country": tokens [start, end) and the compass part of an unnamed country."""

    start: int
    end: int
    direction: str


def _modifier_countries(doc: Doc, noun: Token, country_of: CountryOf) -> tuple[int, list[str]]:
    """Countries named before the noun ("the Syrian-Turkish border") and where the phrase starts."""
    start, found = noun.i, []
    for i in range(noun.i - 1, max(noun.i - 1 - MAX_BORDER_MODIFIERS, -1), -1):
        token = doc[i]
        if token.text == "-" or (token.pos_ in {"ADJ", "PROPN", "NOUN"} and token.dep_ in {"amod", "compound"}):
            code = country_of(token.text) if token.text != "-" else ""
            found += [code] if code else []
            start = i
            continue
        if token.lower_ == "the":
            start = i
        break
    return start, found[::-1]


def _object_countries(doc: Doc, noun: Token, country_of: CountryOf) -> tuple[int, list[str]]:
    """Countries after "with"/"between" ("the border with Iraq and Jordan") and where it ends."""
    end, found = noun.i + 1, []
    if end < len(doc) and doc[end].lower_ in {"with", "between", "of"}:
        for i in range(end + 1, min(end + 1 + 2 * MAX_BORDER_COUNTRIES, len(doc))):
            token = doc[i]
            code = country_of(token.text) if token.pos_ == "PROPN" else ""
            if code:
                found.append(code)
                end = i + 1
            elif token.lower_ not in {"and", "the"}:  # not ",": "the border with Jordan, US officials said"
                break
    return end, found


def border_phrases(doc: Doc, first_char: int, terms: PlaceTerms, country_of: CountryOf) -> Iterator[BorderPhrase]:
    for token in (doc[i] for i in tokens_with_lower(doc, terms.border_nouns, first_char)):
        start, before = _modifier_countries(doc, token, country_of)
        end, after = _object_countries(doc, token, country_of)
        if before or after:
            yield BorderPhrase(start, end, tuple(dict.fromkeys(before)), tuple(dict.fromkeys(after)))


def _direction_of(token: Token, terms: PlaceTerms) -> str:
    return terms.directions.get(token.lower_, "") if token.pos_ in {"NOUN", "PROPN", "ADJ"} else ""


def country_parts(doc: Doc, first_char: int, terms: PlaceTerms) -> Iterator[CountryPart]:
    """"the east of the country" and "the country's east": the country is the article's own."""
    for i in tokens_with_lower(doc, COUNTRY_NOUNS, first_char):
        if i >= 4 and doc[i - 1].lower_ == "the" and doc[i - 2].lower_ == "of" and doc[i - 4].lower_ == "the":
            direction = _direction_of(doc[i - 3], terms)
            if direction:
                yield CountryPart(i - 4, i + 1, direction)
                continue
        if i >= 1 and doc[i - 1].lower_ == "the" and i + 2 < len(doc) and doc[i + 1].text in {"'s", "’s"}:
            direction = _direction_of(doc[i + 2], terms)
            if direction:
                yield CountryPart(i - 1, i + 3, direction)
