"""Load the date words of data/date_words.tsv into the patterns the date rules match against."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from collections.abc import Iterable, Mapping

from parallax.errors import DataFileError
from parallax.knowledge import read_table

KINDS = ("weekday", "month", "number", "unit", "day_word", "anchored_day", "period",
         "reporting_verb", "future_aux", "part_of_day", "event_noun")


@dataclass(frozen=True, slots=True)
class Count:
    """A number read from text; `vague` for "a few", "several" (the date gets a coarser precision)."""

    value: int
    vague: bool = False


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit of time as a length in days or in months (months and years are calendar steps)."""

    days: int = 0
    months: int = 0


@dataclass(frozen=True, slots=True, eq=False)
class DateLexicon:
    """Every date word by kind, plus the regular-expression fragments built from them.

    Compared and hashed by identity, so the compiled patterns can be cached per lexicon."""

    weekdays: Mapping[str, int]
    months: Mapping[str, int]
    numbers: Mapping[str, Count]
    units: Mapping[str, Unit]
    day_words: Mapping[str, int]
    anchored_days: Mapping[str, int]
    periods: frozenset[str]
    reporting_verbs: frozenset[str]
    future_auxiliaries: frozenset[str]
    parts_of_day: frozenset[str]
    event_nouns: frozenset[str] = frozenset()  # "attack": "the Dec. 15 attack" is read back

    @property
    def weekday_re(self) -> str:
        return alternation(self.weekdays)

    @property
    def month_re(self) -> str:
        # "Sept." and "Sept" alike; the dot is optional only after an abbreviation
        return rf"(?:{alternation(self.months)})\.?"

    @property
    def number_re(self) -> str:
        word = alternation(self.numbers)
        return rf"(?:\d+|(?:{word})(?:\s+(?:{word}))?)"

    @property
    def unit_re(self) -> str:
        return rf"(?:{alternation(self.units)})s?"


def alternation(words: Iterable[str]) -> str:
    """A regular-expression alternative of the words, longest first ("a couple of" before "a")."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _count(cell: str) -> Count:
    return Count(int(cell.lstrip("~")), vague=cell.startswith("~"))


def _unit(cell: str) -> Unit:
    amount, kind = int(cell[:-1]), cell[-1]
    return Unit(days=amount) if kind == "d" else Unit(months=amount)


def _check_kinds(rows: list[dict[str, str]]) -> None:
    unknown = sorted({row["kind"] for row in rows} - set(KINDS))
    if unknown:
        raise DataFileError(f"date_words.tsv: unknown kind(s) {', '.join(unknown)}",
                            f"use one of: {', '.join(KINDS)}")


def _by_kind(rows: list[dict[str, str]], kind: str) -> dict[str, str]:
    return {row["phrase"].strip().lower(): row["value"].strip() for row in rows if row["kind"] == kind}


@lru_cache(maxsize=4)
def load_date_lexicon(override_dir: str = "") -> DateLexicon:
    """The date words, read once per process (a user's date_words.tsv in `override_dir` wins)."""
    rows = read_table("date_words.tsv", override_dir)
    _check_kinds(rows)
    try:
        return DateLexicon(
            weekdays=MappingProxyType({k: int(v) for k, v in _by_kind(rows, "weekday").items()}),
            months=MappingProxyType({k: int(v) for k, v in _by_kind(rows, "month").items()}),
            numbers=MappingProxyType({k: _count(v) for k, v in _by_kind(rows, "number").items()}),
            units=MappingProxyType({k: _unit(v) for k, v in _by_kind(rows, "unit").items()}),
            day_words=MappingProxyType({k: int(v) for k, v in _by_kind(rows, "day_word").items()}),
            anchored_days=MappingProxyType(
                {k: int(v) for k, v in _by_kind(rows, "anchored_day").items()}),
            periods=frozenset(_by_kind(rows, "period")),
            reporting_verbs=frozenset(_by_kind(rows, "reporting_verb")),
            future_auxiliaries=frozenset(_by_kind(rows, "future_aux")),
            parts_of_day=frozenset(_by_kind(rows, "part_of_day")),
            event_nouns=frozenset(_by_kind(rows, "event_noun")),
        )
    except ValueError as exc:
        raise DataFileError(f"date_words.tsv: a value cannot be read ({exc})",
                            "see the comment at the top of the shipped file for each kind's values") from exc


def parse_count(text: str, lexicon: DateLexicon) -> Count | None:
    """"two" -> 2, "twenty four" -> 24, "a few" -> ~3, "48" -> 48; None when it is not a count."""
    text = " ".join(text.lower().split())
    if text.isdigit():
        return Count(int(text))
    if text in lexicon.numbers:
        return lexicon.numbers[text]
    words = text.split()
    if len(words) != 2 or not all(w in lexicon.numbers for w in words):
        return None
    tens, ones = lexicon.numbers[words[0]].value, lexicon.numbers[words[1]].value
    # only "twenty four"-style pairs add up; "a two" is not a number
    return Count(tens + ones) if tens >= 20 and tens % 10 == 0 and ones < 10 else None


def unit_of(word: str, lexicon: DateLexicon) -> Unit | None:
    """The unit named by "day" or "days"; None for any other word."""
    word = word.lower()
    if word in lexicon.units:
        return lexicon.units[word]
    return lexicon.units.get(word[:-1]) if word.endswith("s") else None
