"""Load the words that qualify place names (province, air base, near, northwest of) from place_terms.tsv."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from parallax.errors import DataFileError
from parallax.extract.place_names import name_key
from parallax.knowledge import read_table

KINDS = ("admin1", "admin2", "feature", "relation", "direction", "metonymy", "not_place", "context",
         "admin_prefix", "route", "border", "place_noun", "settlement", "abbreviation", "street", "resident", "town_office")
DIRECTION_SLOT = "DIR"


@dataclass(frozen=True, slots=True)
class PlaceTerms:
    """Every place word by kind. Admin, feature and route words are stored as name keys
    ("air base"), relations and directions as lower-case text, as they are matched in prose."""

    admin1: frozenset[str]
    admin2: frozenset[str]
    settlements: frozenset[str]  # "city", "town": "Marib city" is the town, not the province
    features: Mapping[str, tuple[str, ...]]  # "air base" -> landmark kinds it prefers
    relations: Mapping[str, str]  # "northwest of" -> "northwest of", "close to" -> "near"
    directions: Mapping[str, str]  # "southeastern" -> "southeast"
    metonymy_verbs: frozenset[str]
    not_places: frozenset[str]
    context_words: Mapping[str, str]  # "in" -> "strong", "of" -> "weak"
    place_nouns: frozenset[str]  # "city", "town": "the city of X" makes X a place
    admin_prefixes: tuple[str, ...]
    routes: Mapping[str, str]
    border_nouns: frozenset[str]
    abbreviations: Mapping[str, str] = field(default_factory=dict)  # "st" -> "saint", "mt" -> "mount"
    streets: frozenset[str] = frozenset()  # "street", "st", "streets": "Copeland St." is a street
    residents: frozenset[str] = frozenset()  # "residents", "native": "Gainesville residents" names a place
    home_nouns: frozenset[str] = frozenset()  # "man", "woman": "an Alexandria man" is from there
    town_offices: frozenset[str] = frozenset()  # "police", "council": "the Athens Police Department" is a town's
    # the unions below, made once: asked for every place mention and gazetteer lookup
    _unions: dict[str, frozenset[str]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def expand(self, key: str) -> str:
        """A name key with its abbreviated words written out: "st petersburg" -> "saint petersburg"."""
        return " ".join(self.abbreviations.get(word, word) for word in key.split())

    @property
    def admin_words(self) -> frozenset[str]:
        words = self._unions.get("admin")
        if words is None:
            words = self._unions["admin"] = self.admin1 | self.admin2
        return words

    @property
    def qualifier_words(self) -> frozenset[str]:
        """Words that may follow a name inside one mention: "Hama province", "Tanf garrison"."""
        words = self._unions.get("qualifier")
        if words is None:
            words = self._unions["qualifier"] = self.admin1 | self.admin2 | self.settlements | frozenset(self.features)
        return words


def expand_relations(rows: list[tuple[str, str]], directions: Mapping[str, str]) -> dict[str, str]:
    """"DIR of" becomes "north of", "northern of"... for every compass word; the recorded
    relation names the plain direction ("northwestern of" is never written, but harmless)."""
    relations = {}
    for term, value in rows:
        if DIRECTION_SLOT not in term:
            relations[term] = value
            continue
        for word, direction in directions.items():
            if direction != "centre":
                relations[term.replace(DIRECTION_SLOT, word)] = value.replace(DIRECTION_SLOT, direction)
    return relations


def build_place_terms(rows: list[dict[str, str]]) -> PlaceTerms:
    unknown = sorted({r["kind"] for r in rows} - set(KINDS))
    if unknown:
        raise DataFileError(f"place_terms.tsv: unknown kind(s) {', '.join(unknown)}",
                            f"use one of: {', '.join(KINDS)}")
    by_kind: dict[str, list[tuple[str, str]]] = {kind: [] for kind in KINDS}
    for row in rows:
        by_kind[row["kind"]].append((row["term"].strip(), row["value"].strip()))
    directions = {t.lower(): v for t, v in by_kind["direction"]}
    keys = lambda kind: frozenset(name_key(t) for t, _ in by_kind[kind])  # noqa: E731
    return PlaceTerms(
        admin1=keys("admin1"), admin2=keys("admin2"), settlements=keys("settlement"),
        features=MappingProxyType({name_key(t): tuple(v.split("|")) if v else () for t, v in by_kind["feature"]}),
        relations=MappingProxyType(
            {t.lower(): v for t, v in expand_relations(by_kind["relation"], directions).items()}),
        directions=MappingProxyType(directions),
        metonymy_verbs=frozenset(t.lower() for t, _ in by_kind["metonymy"]),
        not_places=keys("not_place"),
        context_words=MappingProxyType({t.lower(): v or "strong" for t, v in by_kind["context"]}),
        place_nouns=frozenset(t.lower() for t, _ in by_kind["place_noun"]),
        admin_prefixes=tuple(name_key(t) for t, _ in by_kind["admin_prefix"]),
        routes=MappingProxyType({name_key(t): v for t, v in by_kind["route"]}),
        border_nouns=frozenset(t.lower() for t, _ in by_kind["border"]),
        abbreviations=MappingProxyType({name_key(t): name_key(v) for t, v in by_kind["abbreviation"]}),
        streets=keys("street"),
        residents=frozenset(t.lower() for t, _ in by_kind["resident"]),
        home_nouns=frozenset(t.lower() for t, v in by_kind["resident"] if v == "home"),
        town_offices=frozenset(t.lower() for t, _ in by_kind["town_office"]),
    )


def load_place_terms(override_dir: str = "") -> PlaceTerms:
    return build_place_terms(read_table("place_terms.tsv", override_dir))
