"""The actor dictionary and the matching of a phrase's words against it (no spaCy: resolution reads
it to tell an armed group's name from a person's without loading the parser)."""

from __future__ import annotations

import re
from collections.abc import Callable
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

from parallax.knowledge import read_table
from parallax.schema import Actor

@dataclass(frozen=True, slots=True)
class ActorPattern:
    words: tuple[str, ...]
    normalized: str
    category: str
    country: str
    needs_adjective: bool
    # the words a phrase must hold for the pattern to match (all but the {adj} slot); empty: no test
    fixed_words: frozenset[str] = frozenset()
    # the pattern's words tokenised as normalize_actor reads a phrase ("assad's" -> "assad");
    # `words` keeps them as written, which the framing labels match
    match_words: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ActorDictionary:
    patterns: tuple[ActorPattern, ...]
    heads: Mapping[str, str] = field(default_factory=dict)  # noun naming people or a group -> category
    weapons: frozenset[str] = frozenset()  # nouns naming a means of attack, never an actor
    things: frozenset[str] = frozenset()  # buildings, sites, vehicles: what an attack hits, not whom
    places: frozenset[str] = frozenset()  # "district", "road": where an attack happens, not whom
    single_words: frozenset[str] = frozenset()  # one-word patterns ("troops", "isis")
    carriers: Mapping[str, tuple[str, str]] = field(default_factory=dict)  # "warplanes" -> (name, category)


@lru_cache(maxsize=4)
def load_actor_dictionary(override_dir: str = "") -> ActorDictionary:
    """The actor patterns from data/actors.tsv, longest first so the most specific wins; at equal
    length a named actor before a generic one ("ADF rebels" is the ADF, not rebels in general)."""
    patterns = []
    for row in read_table("actors.tsv", override_dir):
        words, keys = tuple(row["pattern"].lower().split()), _pattern_words(row["pattern"])
        patterns.append(ActorPattern(words, row["normalized"], row["category"], row["country"],
                                     "{adj}" in words, frozenset(keys) - {"{adj}"}, keys))
    patterns.sort(key=lambda p: (-len(p.match_words), "{country}" in (p.country + p.normalized)))
    heads = {row["head"].lower(): row["category"] for row in read_table("actor_heads.tsv", override_dir)}
    weapons = frozenset(row["word"].lower() for row in read_table("actor_weapons.tsv", override_dir))
    things = frozenset(row["word"].lower() for row in read_table("physical_targets.tsv", override_dir))
    carriers = {row["word"].lower(): (row["normalized"], row["category"])
                for row in read_table("actor_carriers.tsv", override_dir)}
    places = frozenset(row["term"].lower() for row in read_table("place_terms.tsv", override_dir)
                       if row["kind"] in ("place_noun", "route"))  # "a district of Kherson", "the road to Gwoza"
    singles = frozenset(p.match_words[0] for p in patterns if len(p.match_words) == 1 and not p.needs_adjective)
    return ActorDictionary(tuple(patterns), MappingProxyType(heads), weapons, things, places, singles, MappingProxyType(carriers))


CountryNamer = Callable[[str], "tuple[str, str] | None"]  # adjective/name -> (ISO2, country name)

# ACLED's inter codes for its actor types (the inter1/inter2 columns of its exports).
ACLED_INTER_CODES = MappingProxyType({"State Forces": 1, "Rebel Groups": 2, "Political Militias": 3,
                                      "Identity Militias": 4, "Rioters": 5, "Protesters": 6, "Civilians": 7,
                                      "External/Other Forces": 8})


def inter_code(actor: Actor) -> int:
    """ACLED's inter code for an actor's category; 0 for an actor parallax could not classify."""
    return ACLED_INTER_CODES.get(actor.category, 0)


def normalize_actor(phrase: str, dictionary: ActorDictionary, name_country: CountryNamer,
                    default_country: tuple[str, str] | None = None,
                    countryless: bool = False) -> tuple[str, str, str] | None:
    """(normalised name, category, ISO2) for a noun phrase, or None when nothing in it is an actor.
    A country-bound name ("Police Forces of {country}") with no country known is skipped, or with
    `countryless` kept without one (the doer or receiver itself: never dropped)."""
    words = _words(phrase)
    present = set(words)
    for pattern in dictionary.patterns:
        if not pattern.fixed_words <= present:  # cheap test first: most patterns share no word
            continue
        match = _match(pattern, words, name_country)
        if match is None:
            continue
        country = match or (default_country if "{country}" in pattern.normalized else None)
        if "{country}" in pattern.normalized:
            if country is None:
                if countryless:  # "Police opened fire" in a story that names no country
                    return _countryless(pattern.normalized), pattern.category, ""
                continue
            return pattern.normalized.replace("{country}", country[1]), pattern.category, country[0]
        if pattern.country == "{country}":  # a generic name: the country the events are in
            return pattern.normalized, pattern.category, default_country[0] if default_country else ""
        return pattern.normalized, pattern.category, pattern.country
    return None


def _countryless(normalized: str) -> str:
    """A country-bound name with its country unknown: "Police Forces of {country}" -> "Police Forces"."""
    return re.sub(r"\s*\b(of|in)\s+\{country\}|\{country\}\s*", "", normalized).strip()


def _pattern_words(pattern: str) -> tuple[str, ...]:
    """A pattern's words as _words reads a phrase ("assad's forces" -> assad, forces), {adj} kept."""
    return tuple(w if w == "{adj}" else " ".join(_words(w)) for w in pattern.lower().split() if w == "{adj}" or _words(w))


def _words(phrase: str) -> list[str]:
    text = phrase.lower().replace("’", "'").replace("u.s.", "us")
    return [w.removesuffix("'s") for w in re.findall(r"[a-z0-9][a-z0-9'\-]*", text)]


def _match(pattern: ActorPattern, words: list[str],
           name_country: CountryNamer) -> tuple[str, str] | None | bool:
    """Country for an {adj} pattern, True-ish empty tuple for a plain match, None for no match."""
    size = len(pattern.match_words)
    for i in range(len(words) - size + 1):
        window = words[i:i + size]
        if not pattern.needs_adjective:
            if window == list(pattern.match_words):
                return ()
            continue
        slot = pattern.match_words.index("{adj}")
        rest_ok = all(w == p for w, p in zip(window, pattern.match_words) if p != "{adj}")
        country = name_country(window[slot]) if rest_ok else None
        if country:
            return country
    return None
