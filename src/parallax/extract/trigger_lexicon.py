"""Load the event taxonomy and the trigger lexicon (data/taxonomy.tsv, data/event_triggers.tsv)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from parallax.errors import DataFileError
from parallax.knowledge import read_table

TRIGGER_KINDS = frozenset({"noun", "verb"})
EVIDENCE_KINDS = frozenset({"mod", "cue", "agent", "context"})
MULTIPLIER_KINDS = frozenset({"governor", "reporting", "modal", "negation"})
ALL_KINDS = TRIGGER_KINDS | EVIDENCE_KINDS | MULTIPLIER_KINDS | {"collocate", "determiner"}


@dataclass(frozen=True, slots=True)
class EventClass:
    """One row of taxonomy.tsv: a CASE 2021 code and the ACLED names it stands for."""

    code: str
    event_type: str
    sub_event_type: str
    incident: bool  # False: the class informs typing but opens no incident (non-ACLED classes)
    plover: str = ""
    plover_mode: str = ""


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    """A trigger phrase: its words, the evidence it gives each code, and how surely it is an event."""

    words: tuple[str, ...]
    kind: str  # noun: the last word is the head; verb: the first word is
    weights: Mapping[str, float]
    event: float


@dataclass(frozen=True, slots=True)
class Evidence:
    """A mod, cue or context phrase adding `weight` to `code`."""

    words: tuple[str, ...]
    code: str
    weight: float


@dataclass(frozen=True, slots=True, eq=False)
class TriggerLexicon:
    """Everything event typing reads, indexed by the word a match is looked up from."""

    classes: Mapping[str, EventClass]
    triggers: Mapping[tuple[str, str], tuple[TriggerEntry, ...]]  # (head word, kind), longest first
    mods: Mapping[str, tuple[Evidence, ...]]  # by last word
    cues: Mapping[str, tuple[Evidence, ...]]
    agents: Mapping[str, tuple[Evidence, ...]]
    context: Mapping[str, tuple[Evidence, ...]]
    collocates: Mapping[str, Mapping[str, float]]  # trigger word -> dependent word -> multiplier
    governors: Mapping[str, float]
    reporting: frozenset[str]
    references: Mapping[str, float]  # determiner -> multiplier (1.0 for plain references)
    generic: Mapping[str, float]
    modals: Mapping[str, float]
    negations: Mapping[str, float]

    rank: Mapping[str, int]  # each code's line in taxonomy.tsv, for ties

    def event_class(self, code: str) -> EventClass:
        return self.classes[code]


def phrase_words(phrase: str) -> tuple[str, ...]:
    """Lower-case words of a phrase; hyphens split words as spaCy's tokenizer splits them."""
    return tuple(phrase.lower().replace("-", " ").split())


def _number(cell: str, row: dict[str, str], name: str) -> float:
    try:
        return float(cell)
    except ValueError as exc:
        raise DataFileError(f"{name}: {cell!r} is not a number in row {row}",
                            "write weights as decimals, e.g. 0.8") from exc


def _load_classes(override_dir: str) -> dict[str, EventClass]:
    classes = {}
    for row in read_table("taxonomy.tsv", override_dir):
        if row["code"] in classes:
            raise DataFileError(f"taxonomy.tsv: code {row['code']} appears twice", "keep codes unique")
        classes[row["code"]] = EventClass(row["code"], row["event_type"], row["sub_event_type"],
                                          row["incident"] == "yes", row.get("plover", ""),
                                          row.get("plover_mode", ""))
    return classes


def _check_row(row: dict[str, str], classes: Mapping[str, EventClass]) -> None:
    if row["kind"] not in ALL_KINDS:
        raise DataFileError(f"event_triggers.tsv: unknown kind {row['kind']!r} in row {row}",
                            f"use one of {', '.join(sorted(ALL_KINDS))}")
    needs_code = row["kind"] in TRIGGER_KINDS | EVIDENCE_KINDS
    if needs_code and row["code"] not in classes:
        raise DataFileError(f"event_triggers.tsv: code {row['code']!r} is not in taxonomy.tsv (row {row})",
                            "use a code from taxonomy.tsv")


def _add_trigger(found: dict, row: dict[str, str]) -> None:
    words = phrase_words(row["phrase"])
    key = (words, row["kind"])
    weights, event = found.get(key, ({}, 0.0))
    code_weight = _number(row["weight"], row, "event_triggers.tsv")
    weights[row["code"]] = max(weights.get(row["code"], 0.0), code_weight)
    if row["event"]:
        event = max(event, _number(row["event"], row, "event_triggers.tsv"))
    found[key] = (weights, event)


def _index_triggers(found: dict) -> dict[tuple[str, str], tuple[TriggerEntry, ...]]:
    index: dict[tuple[str, str], list[TriggerEntry]] = {}
    for (words, kind), (weights, event) in found.items():
        head = words[-1] if kind == "noun" else words[0]
        entry = TriggerEntry(words, kind, MappingProxyType(weights), event or max(weights.values()))
        index.setdefault((head, kind), []).append(entry)
    return {k: tuple(sorted(v, key=lambda e: -len(e.words))) for k, v in index.items()}


def _index_evidence(rows: list[dict[str, str]]) -> dict[str, tuple[Evidence, ...]]:
    index: dict[str, list[Evidence]] = {}
    for row in rows:
        words = phrase_words(row["phrase"])
        evidence = Evidence(words, row["code"], _number(row["weight"], row, "event_triggers.tsv"))
        index.setdefault(words[-1], []).append(evidence)
    return {k: tuple(v) for k, v in index.items()}


def _collocates(rows: list[dict[str, str]]) -> dict[str, Mapping[str, float]]:
    pairs: dict[str, dict[str, float]] = {}
    for row in rows:
        words = row["phrase"].lower().split()
        if len(words) != 2:
            raise DataFileError(f"event_triggers.tsv: collocate {row['phrase']!r} needs two words",
                                "write 'TRIGGER DEPENDENT', e.g. 'strike deal'")
        pairs.setdefault(words[0], {})[words[1]] = _number(row["weight"], row, "event_triggers.tsv")
    return {k: MappingProxyType(v) for k, v in pairs.items()}


def _multipliers(rows: list[dict[str, str]]) -> Mapping[str, float]:
    return MappingProxyType({r["phrase"].lower(): _number(r["weight"], r, "event_triggers.tsv")
                             for r in rows})


@lru_cache(maxsize=4)
def load_trigger_lexicon(override_dir: str = "") -> TriggerLexicon:
    """The lexicon and taxonomy, read once per override folder."""
    classes = _load_classes(override_dir)
    rows = read_table("event_triggers.tsv", override_dir)
    by_kind: dict[str, list[dict[str, str]]] = {kind: [] for kind in ALL_KINDS}
    for row in rows:
        _check_row(row, classes)
        by_kind[row["kind"]].append(row)
    found: dict = {}
    for row in by_kind["noun"] + by_kind["verb"]:
        _add_trigger(found, row)
    determiners = by_kind["determiner"]
    return TriggerLexicon(
        classes=MappingProxyType(classes),
        rank=MappingProxyType({code: line for line, code in enumerate(classes)}),
        triggers=MappingProxyType(_index_triggers(found)),
        mods=MappingProxyType(_index_evidence(by_kind["mod"])),
        cues=MappingProxyType(_index_evidence(by_kind["cue"])),
        agents=MappingProxyType(_index_evidence(by_kind["agent"])),
        context=MappingProxyType(_index_evidence(by_kind["context"])),
        collocates=MappingProxyType(_collocates(by_kind["collocate"])),
        governors=_multipliers(by_kind["governor"]),
        reporting=frozenset(r["phrase"].lower() for r in by_kind["reporting"]),
        references=_multipliers([r for r in determiners if r["code"] == "reference"]),
        generic=_multipliers([r for r in determiners if r["code"] == "generic"]),
        modals=_multipliers(by_kind["modal"]),
        negations=_multipliers(by_kind["negation"]),
    )
