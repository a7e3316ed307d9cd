"""Place names inside the names of organisations, buildings, events and works that `extract_places`
leaves out ("Education Minnesota", "Northeast Georgia Medical Center", "the Tour de France", "the
DeKalb City Council" beside "in DeKalb"): toponyms a geoparser reads, none of them an event's place."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc

from parallax.extract.compatibility import IN_A_NAME, UNLOCATED
from parallax.extract.gazetteer import Gazetteer
from parallax.extract.place_mentions import is_capitalised
from parallax.extract.place_names import name_key
from parallax.nlp.arrays import token_table
from parallax.nlp.entities import entity_labels
from parallax.schema import Article, GeoPrecision, Place, Span

NAME_LABELS = frozenset({"ORG", "FAC", "LOC", "GPE", "NORP", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"})
UNIT_KINDS = frozenset({"country", "admin1", "region"})


def named_in_names(doc: Doc, article: Article, gazetteer: Gazetteer, places: Sequence[Place],
                   geocode) -> list[Place]:
    """A Place (relation IN_A_NAME) for each name inside an entity that no place of `places`
    overlaps: one the article places elsewhere, at that place (one sense per article), or a
    province, country or region, chosen with the article's places as context (`geocode`:
    name, places -> Place, as `places.geocode_name`)."""
    table, found = token_table(doc), []
    spans = [(p.span.start, p.span.end) for p in places if p.span]
    elsewhere = {name_key(p.span.text): p for p in places  # not a name only put at the article's province
                 if p.span and p.latitude is not None and p.relation != UNLOCATED}
    for start, end in _inner_names(doc, article.dateline_end, spans):
        text = table.span_text(start, end)
        place = elsewhere.get(name_key(text)) or _unit(text, places, gazetteer, geocode)
        if place is None:
            continue
        begin, stop = table.starts[start], table.ends[end - 1]
        spans.append((begin, stop))
        found.append(Place(name=place.name, country=place.country, country_name=place.country_name,
                           admin1=place.admin1, admin2=place.admin2, latitude=place.latitude,
                           longitude=place.longitude, precision=place.precision, geonameid=place.geonameid,
                           relation=IN_A_NAME, span=Span(article.id, begin, stop, text)))
    return found


def _unit(text: str, places: Sequence[Place], gazetteer: Gazetteer, geocode) -> Place | None:
    """A country or region, or a province of a country the article's places lie in (of any
    country when they lie in none); never a compass word ("Western Kentucky University" in a
    Kentucky story is Kentucky, not also Ghana's Western Region)."""
    countries = {p.country for p in places if p.country}
    if name_key(text) in gazetteer.terms.directions or not any(
            c.kind in UNIT_KINDS and not (c.alias or c.variant) and (c.kind != "admin1" or c.country in countries
                                                                      or not countries)
            for c in gazetteer.lookup(text)):
        return None
    place = geocode(text, places, gazetteer)
    return place if place is not None and place.precision >= GeoPrecision.REGION else None


def _inner_names(doc: Doc, first_char: int, spans: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Token ranges of capitalised words inside the text's entities, longest first within each
    entity, none overlapping a span in `spans` (character offsets, which the caller extends)."""
    table = token_table(doc)
    for start, end, label in entity_labels(doc):
        if label not in NAME_LABELS or table.starts[start] < first_char:
            continue
        for size in range(end - start, 0, -1):
            for left in range(start, end - size + 1):
                words = range(left, left + size)
                begin, stop = table.starts[left], table.ends[left + size - 1]
                if all(is_capitalised(doc[i]) for i in words) \
                        and not any(begin < e and s < stop for s, e in spans):
                    yield left, left + size
