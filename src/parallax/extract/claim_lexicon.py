"""Load the words behind claim extraction (numbers, measures, hedges, speakers) from parallax/data."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

from parallax.errors import DataFileError
from parallax.knowledge import read_table
from parallax.schema import Measure, Stance

BOUND_KINDS = frozenset({"min", "above", "near", "approx", "max", "under"})
# words that tell a sentence is about another incident than the one just told ("In a separate attack",
# "The attack comes a week after a shooting that left ..."): extract.mentions opens an incident of its
# own there, and extract.outcomes takes no death from it out of this incident's shot count
SEPARATE_CUES = ("separate incident", "separate attack", "in another attack", "in another incident",
                 "elsewhere", "a separate", "other shootings", "another shooting", "follows a shooting",
                 "follows another", "follows a deadly", "comes after a shooting", "came after a shooting",
                 "came after an attack", "comes after an attack", "came days after", "comes days after",
                 "came just days after", "came a day after", "came weeks after")


def says_separate(sentence: str) -> bool:
    lowered = sentence.lower()
    return any(cue in lowered for cue in SEPARATE_CUES)


# "9 wounded in Memphis shootings", "2 Dead, 3 Wounded In Memphis Shootings": a city's shootings, a roundup
_CITY_SHOOTINGS = re.compile(r"\b[Ii]n (?:(?:two|three|four|five|several|multiple|separate|\d+) )?"
                             r"(?:[A-Z][\w.'-]*\s){1,3}[Ss]hootings\b")  # "in two South Side shootings"


def names_city_shootings(text: str) -> bool:
    return bool(_CITY_SHOOTINGS.search(text))


@dataclass(frozen=True, slots=True)
class Reporting:
    """A reporting verb: the form parallax records ("said") and the stance it takes."""

    verb: str
    stance: Stance


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word that reports a measure; `extra` narrows when it counts (see claim_terms.tsv)."""

    measure: Measure
    extra: str = ""


@dataclass(frozen=True, slots=True)
class SpeakerEntry:
    normalized: str
    kind: str


@dataclass(frozen=True, slots=True)
class ClaimLexicon:
    """Every word list claim extraction reads, read-only once loaded."""

    cardinals: Mapping[str, float]
    multipliers: Mapping[str, float]
    bounds: Mapping[str, str]  # phrase -> min/above/near/approx/max/under
    vague: Mapping[str, tuple[int, int | None]]
    verbs: Mapping[str, Trigger]
    nouns: Mapping[str, Trigger]
    adjectives: Mapping[str, Trigger]
    fatal: Mapping[str, Measure]
    victims: Mapping[str, str]
    reporting: Mapping[str, Reporting]
    hedges: tuple[str, ...]  # longest first, so the fullest phrase is the one recorded
    cumulative: tuple[str, ...]
    cumulative_subjects: frozenset[str]
    trend: frozenset[str]
    absence: frozenset[str]
    silence: frozenset[str]
    statement: frozenset[str]
    speaker_nouns: Mapping[str, str]
    audience: frozenset[str]
    materiel: frozenset[str]
    life_verbs: frozenset[str]
    body_verbs: frozenset[str]
    irrealis: frozenset[str]
    nonfatal: frozenset[str]
    wound_verbs: frozenset[str]
    projectiles: frozenset[str]
    not_counts: frozenset[str]
    speakers: Mapping[str, SpeakerEntry]
    headline: Mapping[str, str]  # a casualty word of headlines -> killed, injured, hit, condition
    roundup_cues: frozenset[str]  # words that make a headline with "shootings" a roundup
    roundup_periods: frozenset[str]  # words that make a headline a roundup by themselves ("weekend")
    persons: frozenset[str]  # nouns that name one person in a headline list ("wife", "son")
    links: tuple[str, ...]  # how a body line linking another story opens ("related:")
    furniture: tuple[str, ...]  # a body line after which the page lists other stories
    ordinals: Mapping[str, int]  # "fourth" -> 4: "a fourth victim" (numbers.tsv)
    armed: frozenset[str] = frozenset()  # victim groups of the armed side, whose dead add to the others'
    falsity: frozenset[str] = frozenset()  # words that call a report false ("reports of deaths were fabricated")
    perpetrators: frozenset[str] = frozenset()  # who did it: their fleeing is a getaway, not displacement
    retractions: tuple[str, ...] = ()  # the outlet's own corrected text as a speaker ("earlier version")
    firearms: frozenset[str] = frozenset()  # what a shooter "turned on himself" ("the gun", "the rifle")
    calling: Mapping[str, str] = field(default_factory=dict)  # "call" -> "called for": speaks for what it calls for
    wound_sites: frozenset[str] = frozenset()  # "shot in the leg": where a person is hit
    not_victims: frozenset[str] = frozenset()  # what a wound's clause may be about that is nobody ("the cause")
    tuples: Mapping[str, int] = field(default_factory=dict)  # "quadruple" -> 4 ("a quadruple shooting")
    tuple_nouns: Mapping[str, Trigger] = field(default_factory=dict)  # what a tuple counts ("shooting": hit)
    other_causes: frozenset[str] = frozenset()  # "died of an overdose": a death of another event
    mishaps: frozenset[str] = frozenset()  # "a motorcycle accident", "a vehicle wreck": with a vehicle word, the same
    vehicles: frozenset[str] = frozenset()  # what makes a mishap a road accident, not a helicopter shot down

    @property
    def bound_words(self) -> frozenset[str]:
        """Each word of a bound phrase ("at", "least", "more", "than"): a headline's count may start with it."""
        return frozenset(w for phrase in self.bounds for w in phrase.split())

    @property
    def max_phrase_words(self) -> int:
        return max(len(p.split()) for p in (*self.bounds, *self.vague))


def _number(cell: str, name: str) -> float:
    try:
        return float(cell)
    except ValueError as exc:
        raise DataFileError(f"{name}: {cell!r} is not a number", "write plain digits, e.g. 12 or 0.5") from exc


def _optional_int(cell: str, name: str) -> int | None:
    return int(_number(cell, name)) if cell.strip() else None


def _numbers(override_dir: str) -> tuple[dict[str, float], dict[str, float], dict[str, int]]:
    cardinals: dict[str, float] = {}
    multipliers: dict[str, float] = {}
    ordinals: dict[str, int] = {}
    for row in read_table("numbers.tsv", override_dir):
        if row["kind"] == "ordinal":
            ordinals[row["term"].lower()] = int(_number(row["value"], "numbers.tsv"))
            continue
        target = multipliers if row["kind"] == "multiplier" else cardinals
        target[row["term"].lower()] = _number(row["value"], "numbers.tsv")
    return cardinals, multipliers, ordinals


def _figure_terms(override_dir: str) -> tuple[dict[str, str], dict[str, tuple[int, int | None]]]:
    bounds: dict[str, str] = {}
    vague: dict[str, tuple[int, int | None]] = {}
    for row in read_table("figure_terms.tsv", override_dir):
        phrase, kind = row["phrase"].lower(), row["kind"]
        if kind == "vague":
            vague[phrase] = (_optional_int(row["low"], "figure_terms.tsv") or 0,
                             _optional_int(row["high"], "figure_terms.tsv"))
        elif kind in BOUND_KINDS:
            bounds[phrase] = kind
        else:
            raise DataFileError(f"figure_terms.tsv: unknown kind {kind!r} for {phrase!r}",
                                f"use vague or one of {', '.join(sorted(BOUND_KINDS))}")
    return bounds, vague


def _measure(value: str, term: str) -> Measure:
    try:
        return Measure(value)
    except ValueError as exc:
        raise DataFileError(f"claim_terms.tsv: {term!r} names unknown measure {value!r}",
                            f"use one of {', '.join(m.value for m in Measure)}") from exc


def _grouped_terms(override_dir: str) -> dict[str, list[dict[str, str]]]:
    groups: dict[str, list[dict[str, str]]] = {}
    for row in read_table("claim_terms.tsv", override_dir):
        groups.setdefault(row["category"], []).append(row)
    return groups


def _triggers(rows: list[dict[str, str]]) -> MappingProxyType:
    return MappingProxyType({r["term"].lower(): Trigger(_measure(r["value"], r["term"]), r["extra"])
                             for r in rows})


def _reporting(rows: list[dict[str, str]]) -> MappingProxyType:
    return MappingProxyType({r["term"].lower(): Reporting(r["value"], Stance(r["extra"] or "asserted"))
                             for r in rows})


def _speakers(override_dir: str) -> MappingProxyType:
    return MappingProxyType({r["alias"].lower(): SpeakerEntry(r["normalized"], r["kind"])
                             for r in read_table("speakers.tsv", override_dir)})


def _terms(groups: dict[str, list[dict[str, str]]], category: str) -> list[str]:
    return [r["term"].lower() for r in groups.get(category, [])]


@lru_cache(maxsize=4)
def load_claim_lexicon(override_dir: str = "") -> ClaimLexicon:
    """The claim lexicon from the shipped data files, each replaceable by one in `override_dir`."""
    cardinals, multipliers, ordinals = _numbers(override_dir)
    bounds, vague = _figure_terms(override_dir)
    groups = _grouped_terms(override_dir)
    return ClaimLexicon(
        cardinals=MappingProxyType(cardinals), multipliers=MappingProxyType(multipliers),
        bounds=MappingProxyType(bounds), vague=MappingProxyType(vague),
        verbs=_triggers(groups.get("verb", [])), nouns=_triggers(groups.get("noun", [])),
        adjectives=_triggers(groups.get("adj", [])),
        fatal=MappingProxyType({r["term"].lower(): _measure(r["value"], r["term"])
                                for r in groups.get("fatal", [])}),
        victims=MappingProxyType({r["term"].lower(): r["value"] for r in groups.get("victim", [])}),
        reporting=_reporting(groups.get("reporting", [])),
        hedges=tuple(sorted(_terms(groups, "hedge"), key=len, reverse=True)),
        cumulative=tuple(_terms(groups, "cumulative")),
        cumulative_subjects=frozenset(_terms(groups, "cumulative_subject")),
        trend=frozenset(_terms(groups, "trend")), absence=frozenset(_terms(groups, "absence")),
        silence=frozenset(_terms(groups, "silence")),
        statement=frozenset(_terms(groups, "statement")),
        speaker_nouns=MappingProxyType({r["term"].lower(): r["value"]
                                        for r in groups.get("speaker_noun", [])}),
        audience=frozenset(_terms(groups, "audience")), materiel=frozenset(_terms(groups, "materiel")),
        life_verbs=frozenset(_terms(groups, "life_verb")), body_verbs=frozenset(_terms(groups, "body_verb")),
        irrealis=frozenset(_terms(groups, "irrealis")), nonfatal=frozenset(_terms(groups, "nonfatal")),
        wound_verbs=frozenset(_terms(groups, "wound_verb")), projectiles=frozenset(_terms(groups, "projectile")),
        not_counts=frozenset(_terms(groups, "not_count")),
        speakers=_speakers(override_dir),
        headline=MappingProxyType({r["term"].lower(): r["value"] for r in groups.get("headline", [])}),
        roundup_cues=frozenset(_terms(groups, "roundup") + _terms(groups, "roundup_period")),
        roundup_periods=frozenset(_terms(groups, "roundup_period")),
        persons=frozenset(_terms(groups, "person")),
        links=tuple(_terms(groups, "link")), furniture=tuple(_terms(groups, "furniture")),
        ordinals=MappingProxyType(ordinals), armed=frozenset(_terms(groups, "armed")),
        falsity=frozenset(_terms(groups, "falsity")),
        perpetrators=frozenset(_terms(groups, "armed") + _terms(groups, "perpetrator")),
        retractions=tuple(_terms(groups, "retraction")), firearms=frozenset(_terms(groups, "firearm")),
        calling=MappingProxyType({r["term"].lower(): r["value"] for r in groups.get("calling", [])}),
        wound_sites=frozenset(_terms(groups, "wound_site")),
        not_victims=frozenset(_terms(groups, "not_victim")),
        tuples=MappingProxyType({r["term"].lower(): int(_number(r["value"], "claim_terms.tsv"))
                                 for r in groups.get("tuple", [])}),
        tuple_nouns=_triggers(groups.get("tuple_noun", [])),
        other_causes=frozenset(_terms(groups, "other_cause")), mishaps=frozenset(_terms(groups, "mishap")),
        vehicles=frozenset(_terms(groups, "vehicle")),
    )
