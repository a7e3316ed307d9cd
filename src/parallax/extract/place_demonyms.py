"""The places a text's demonyms and country adjectives name ("Georgian troops", "Palestinians",
"the U.S. Army", "Ohioans"): toponyms a geoparser reads, though none of them locates an event."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc

from parallax.extract.compatibility import DEMONYM
from parallax.extract.gazetteer import Candidate, Gazetteer
from parallax.extract.place_names import demonym_stems, name_key
from parallax.nlp.arrays import token_table
from parallax.nlp.entities import entity_labels
from parallax.schema import Article, Place, Span

# What a people's name may stand for: "Londoner" has too many Londons to choose from.
DEMONYM_KINDS = frozenset({"country", "region", "admin1"})
SHORT_FORM_LETTERS = 3  # "US", "UK", "UAE" count only in capitals
PEOPLE_LABELS = frozenset({"NORP"})  # the only label whose stems are tried ("Ohioans", "South Ossetian")


def demonym_places(doc: Doc, article: Article, gazetteer: Gazetteer, covered: Sequence[Span]) -> list[Place]:
    """A Place (relation DEMONYM) for each demonym or country adjective after the dateline that
    no span of `covered` overlaps: a whole entity ("Sri Lankan", "South Ossetians"), else a single
    capitalised word, inside an entity or not ("the U.S. Army", "Georgian")."""
    table, found = token_table(doc), []
    spans = [(s.start, s.end) for s in covered]
    for start, end, entry in _demonyms(doc, article.dateline_end, gazetteer):
        begin, stop = table.starts[start], table.ends[end - 1]
        if any(begin < e and s < stop for s, e in spans):
            continue
        spans.append((begin, stop))
        span = Span(article.id, begin, stop, table.span_text(start, end))
        found.append(Place(name=entry.name, country=entry.country, country_name=gazetteer.country_name(entry.country),
                           admin1=entry.admin1, latitude=entry.latitude, longitude=entry.longitude,
                           precision=entry.precision, geonameid=entry.geonameid, relation=DEMONYM, span=span))
    return found


def _demonyms(doc: Doc, first_char: int, gazetteer: Gazetteer) -> Iterator[tuple[int, int, Candidate]]:
    """(start, end, entry) of the entities that are a demonym as a whole, then of single words."""
    table, people = token_table(doc), set()
    for start, end, label in entity_labels(doc):
        if label == "PERSON":  # "Monica French said", "Philip English": a surname
            people.update(range(start, end))
        elif table.starts[start] >= first_char and (entry := demonym_entry(table.span_text(start, end), gazetteer,
                                                                           label in PEOPLE_LABELS)):
            yield start, end, entry
    for i in range(len(doc)):
        word = table.word(i)
        if table.starts[i] >= first_char and i not in people and _is_word(word) \
                and (entry := demonym_entry(word, gazetteer)):
            yield i, i + 1, entry


def _is_word(text: str) -> bool:
    """A capitalised word of letters (and the dots of "U.S."), not a currency ("US$")."""
    return text[:1].isupper() and all(ch.isalpha() or ch in ".-" for ch in text)


def demonym_entry(text: str, gazetteer: Gazetteer, stems: bool = False) -> Candidate | None:
    """The country an adjective names ("Syrian", "U.S."; an all-capital one only as written:
    "US", not "Us"), or with `stems` the country, region or province a people's name comes from
    ("Ohioans", "South Ossetian") when the name is no place itself."""
    key = name_key(text)
    if len(key) <= SHORT_FORM_LETTERS and text != text.upper():  # "Us", "Uk"
        return None
    country = gazetteer.country(gazetteer.adjectives.get(key, ""))
    if country is not None or not stems or gazetteer.lookup(text):
        return country
    return next(iter(demonym_candidates(text, gazetteer)), None)


def demonym_candidates(name: str, gazetteer: Gazetteer) -> list[Candidate]:
    """The places a people's name may come from ("Ohioans", "South Ossetian", "Ontarians"): the
    entries of its first stem with a country, region or province."""
    for stem in demonym_stems(name_key(name)):
        found = [c for c in gazetteer.lookup(stem) if not (c.alias or c.variant) and c.kind in DEMONYM_KINDS]
        if found:
            return found
    return []
