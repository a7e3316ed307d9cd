"""Load the framing lexicon (terms, parties, actor-label words) from parallax/data/framing."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from parallax.errors import DataFileError
from parallax.extract.actors import ActorDictionary, load_actor_dictionary
from parallax.knowledge import read_table

TERM_KINDS = frozenset({"loaded", "distancing", "hedge", "certainty", "reporting",
                        "history", "earlier", "motive", "organisation"})
LABEL_KINDS = frozenset({"head", "weak_head", "modifier", "link", "referent", "before"})
SOURCE_KINDS = frozenset({"", "named", "official", "anonymous"})
MARKER_KINDS = ("loaded", "distancing", "hedge", "certainty")  # the terms find_markers reports


@dataclass(frozen=True, slots=True)
class Term:
    """One lexicon entry; `pattern` matches it on word boundaries, case-insensitively."""

    term: str
    kind: str
    category: str
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class PartyCue:
    cue: str
    party: str
    source_kind: str
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class FramingLexicon:
    """Every word list framing reads, read-only once loaded."""

    terms: tuple[Term, ...]  # longest first, so "gross violation" wins over a shorter overlap
    markers: tuple[Term, ...]  # the MARKER_KINDS terms, longest first
    marker_index: Mapping[str, tuple[Term, ...]]  # first 4 letters of a term's first word -> terms
    parties: tuple[PartyCue, ...]  # longest first
    cue_words: frozenset[str]  # party cues that are not a person's name ("pentagon", "white helmets")
    reporting: Mapping[str, tuple[Term, ...]]  # verbs that introduce a quote, indexed like markers
    organisation: frozenset[str]  # words that make a capitalised run an institution ("Observatory")
    heads: frozenset[str]
    weak_heads: frozenset[str]  # heads that need a modifier or link to count
    modifiers: frozenset[str]
    links: tuple[str, ...]  # longest first
    referents: tuple[tuple[str, str], ...]  # (cue, normalised actor), longest first
    before: tuple[tuple[str, str], ...]  # (word before a label, normalised actor)
    actors: ActorDictionary
    countries: Mapping[str, str]  # lower-case adjective or name ("malian", "mali") -> country name

    def of_kind(self, *kinds: str) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if t.kind in kinds)


def term_pattern(term: str) -> re.Pattern[str]:
    """A word-boundary pattern; "terroris*" matches any word that starts with "terroris"."""
    stem = term.removesuffix("*")
    words = [re.escape(w) for w in stem.split()]
    body = r"\s+".join(words).replace("’", "['’]").replace("'", "['’]")
    tail = r"[\w'’-]*" if term.endswith("*") else ""
    return re.compile(rf"(?<![\w-]){body}{tail}(?![\w-])", re.IGNORECASE)


def index_key(word: str) -> str:
    return word[:4].lower()


def _index(terms: tuple[Term, ...]) -> Mapping[str, tuple[Term, ...]]:
    """Terms by the start of their first word: a text is scanned word by word, not term by term."""
    index: dict[str, list[Term]] = {}
    for term in terms:
        index.setdefault(index_key(term.term.split()[0].rstrip("*")), []).append(term)
    return MappingProxyType({key: tuple(found) for key, found in index.items()})


def _checked(value: str, allowed: frozenset[str], name: str, row: dict[str, str]) -> str:
    if value not in allowed:
        raise DataFileError(f"{name}: {row} has unknown kind {value!r}",
                            f"use one of {', '.join(sorted(k for k in allowed if k))}")
    return value


def _terms(override_dir: str) -> tuple[Term, ...]:
    name = "framing/terms.tsv"
    rows = read_table(name, override_dir)
    terms = [Term(r["term"].lower(), _checked(r["kind"], TERM_KINDS, name, r), r["category"],
                  term_pattern(r["term"].lower())) for r in rows if r["term"].strip()]
    return tuple(sorted(terms, key=lambda t: -len(t.term)))


def _parties(override_dir: str) -> tuple[PartyCue, ...]:
    name = "framing/parties.tsv"
    cues = []
    for row in read_table(name, override_dir):
        if not row["party"].strip():
            raise DataFileError(f"{name}: cue {row['cue']!r} has no party", "fill the party column")
        cues.append(PartyCue(row["cue"].lower(), row["party"],
                             _checked(row["source_kind"], SOURCE_KINDS, name, row),
                             term_pattern(row["cue"].lower())))
    return tuple(sorted(cues, key=lambda c: -len(c.cue)))


def _label_words(override_dir: str) -> dict[str, list[tuple[str, str]]]:
    name = "framing/labels.tsv"
    groups: dict[str, list[tuple[str, str]]] = {kind: [] for kind in LABEL_KINDS}
    for row in read_table(name, override_dir):
        kind = _checked(row["kind"], LABEL_KINDS, name, row)
        if kind in ("referent", "before") and not row["referent"].strip():
            raise DataFileError(f"{name}: {kind} cue {row['term']!r} names no referent",
                                "fill the referent column with a normalised actor name")
        groups[kind].append((row["term"].lower(), row["referent"]))
    return groups


def _countries(override_dir: str) -> Mapping[str, str]:
    """Country adjectives and names from the gazetteer's demonyms.tsv, for "{adj} army" patterns."""
    found: dict[str, str] = {}
    for row in read_table("gazetteer/demonyms.tsv", override_dir):
        for word in (row["name"], *row["adjectives"].split("|"), *row["aliases"].split("|")):
            if word.strip():
                found.setdefault(word.strip().lower(), row["name"])
    return MappingProxyType(found)


def _longest_first(pairs: list[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


@lru_cache(maxsize=4)
def load_framing_lexicon(override_dir: str = "") -> FramingLexicon:
    """The framing lexicon from the shipped files; a file of the same relative name in
    `override_dir` (e.g. DIR/framing/terms.tsv) replaces the shipped one."""
    words, parties, terms = _label_words(override_dir), _parties(override_dir), _terms(override_dir)
    markers = tuple(t for t in terms if t.kind in MARKER_KINDS)
    return FramingLexicon(
        terms=terms, markers=markers, marker_index=_index(markers), parties=parties,
        reporting=_index(tuple(t for t in terms if t.kind == "reporting")),
        organisation=frozenset(t.term for t in terms if t.kind == "organisation"),
        cue_words=frozenset(c.cue for c in parties if c.source_kind != "named"),
        heads=frozenset(t for t, _ in words["head"] + words["weak_head"]),
        weak_heads=frozenset(t for t, _ in words["weak_head"]), modifiers=frozenset(t for t, _ in words["modifier"]),
        links=tuple(sorted((t for t, _ in words["link"]), key=len, reverse=True)),
        referents=_longest_first(words["referent"]), before=_longest_first(words["before"]),
        actors=load_actor_dictionary(override_dir), countries=_countries(override_dir))
