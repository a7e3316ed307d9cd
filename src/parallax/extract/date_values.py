"""TIMEX3 values of date expressions as of a publication date: the day, week or month the event
rules give ("1998-03-22", "1998-W12", "1998-03"), and for expressions too vague to date an event
the coarse values TimeML writes (a year, "1989-Q3", "1998-SU", "199" for the 1990s, PAST_REF)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from types import MappingProxyType

from parallax.errors import DataFileError
from parallax.extract.date_lexicon import alternation, load_date_lexicon
from parallax.extract.date_rules import normalize
from parallax.extract.dates import resolve_expression
from parallax.knowledge import read_table
from parallax.schema import DatePrecision, EventDate

_WEEK = re.compile(r"\bweek(?:end)?\b")
_COUNTED = re.compile(r"\b(?:ago|earlier|later|before|after)\b")  # "two weeks ago" is a day
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
_CENTURY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th) century\b")
_DECADE = re.compile(r"\b(1[5-9]\d|20\d)0 ?'?s\b|'(\d)0s\b")
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|ten|eleven|twelve|thirteen|fourteen|fifteen|" \
    r"sixteen|seventeen|eighteen|nineteen)(?: (?:one|two|three|four|five|six|seven|eight|nine))?"
_SPELLED_YEAR = re.compile(rf"\b(?:(?P<century>nineteen|eighteen) (?P<rest>{_TENS})"
                           rf"|(?P<thousand>two thousand)(?: (?:and )?(?P<rest2>{_TENS}|one|two|three|four|five|six|seven|eight|nine))?)\b")
_YEAR_EARLIER = re.compile(r"^(?:a|one) year (?:earlier|ago|before)$|\byear (?:earlier|ago)\b")
_PERIOD = re.compile(r"^\d{4}-(?:Q\d|H\d)$")
_YEAR_SHIFT = {"this": 0, "the current": 0, "the": 0, "the full": 0, "last": -1, "the previous": -1, "the prior": -1, "a": -1,
               "one": -1, "next": 1, "the coming": 1, "the next": 1}


@dataclass(frozen=True, slots=True, eq=False)
class TimexWords:
    refs: Mapping[str, str]
    seasons: Mapping[str, tuple[str, int]]  # "summer" -> ("SU", 6)
    ordinals: Mapping[str, int]
    decades: Mapping[str, int]
    latest: frozenset[str]


@lru_cache(maxsize=4)
def load_timex_words(override_dir: str = "") -> TimexWords:
    rows = read_table("timex_words.tsv", override_dir)
    by_kind: dict[str, dict[str, str]] = {}
    for row in rows:
        by_kind.setdefault(row["kind"], {})[row["phrase"].lower()] = row["value"]
    try:
        seasons = {k: (v.split(":")[0], int(v.split(":")[1])) for k, v in by_kind.get("season", {}).items()}
        return TimexWords(MappingProxyType(by_kind.get("ref", {})), MappingProxyType(seasons),
                          MappingProxyType({k: int(v) for k, v in by_kind.get("ordinal", {}).items()}),
                          MappingProxyType({k: int(v) for k, v in by_kind.get("decade", {}).items()}),
                          frozenset(by_kind.get("latest", {})))
    except (ValueError, IndexError) as exc:
        raise DataFileError(f"timex_words.tsv: bad value ({exc})",
                            "write seasons as CODE:MONTH (SU:6) and numbers as digits") from exc


def timex_value(text: str, published: date, *, future: bool = False, nearest: bool = False,
                reference: str = "") -> str | None:
    """The TIMEX3 value `text` names as of `published` (`future` when its verb is in the future
    tense; `reference` the value the text last spoke of, which "a year earlier" shifts); None
    where no rule knows the expression."""
    text = spelled_years(normalize(text))
    found = resolve_expression(text, published, future=future, nearest=nearest)
    if found.value is not None:
        return _point_value(found, text)
    shifted = _year_before(text, reference)
    if shifted:
        return shifted
    words = load_timex_words()
    for rule in COARSE_RULES:
        value = rule(text, published, future, words)
        if value is not None:
            return value
    return None


def document_timex_values(expressions: Sequence[tuple[str, bool, bool]], published: date) -> list[str | None]:
    """The values of one document's expressions (text, future, nearest) in order: each quarter
    or half named becomes the reference a later "a year earlier" is read against."""
    values, reference = [], ""
    for text, future, nearest in expressions:
        value = timex_value(text, published, future=future, nearest=nearest, reference=reference)
        values.append(value)
        if value and _PERIOD.match(value) and not _YEAR_EARLIER.search(normalize(text)):
            reference = value
    return values


def spelled_years(text: str) -> str:
    """"nineteen ninety-six" -> "1996", "the year two thousand" -> "the year 2000"."""
    numbers = load_date_lexicon().numbers

    def year(found: re.Match[str]) -> str:
        if found["thousand"]:
            return str(2000 + sum(numbers[w].value for w in (found["rest2"] or "").split() if w in numbers))
        tens = sum(numbers[w].value for w in found["rest"].split() if w in numbers)
        return str(numbers[found["century"]].value * 100 + tens)

    return _SPELLED_YEAR.sub(year, text)


def _year_before(text: str, reference: str) -> str | None:
    """"a year earlier", "a year ago", "the year-ago quarter" after a quarter or half was named:
    that period a year before."""
    if not reference or not _YEAR_EARLIER.search(text):
        return None
    return f"{int(reference[:4]) - 1}{reference[4:]}"


def _point_value(found: EventDate, text: str) -> str:
    """"1998-W12" for a week named as one ("last week", "the weekend"), "1998-03" for a month,
    else the day."""
    value = found.value
    if found.precision == DatePrecision.MONTH:
        return value.isoformat()[:7]
    if found.precision == DatePrecision.WEEK and _WEEK.search(text) and not _COUNTED.search(text):
        year, week, _ = value.isocalendar()
        return f"{year}-W{week:02d}" + ("-WE" if "weekend" in text else "")
    return value.isoformat()


# ---- coarse rules: (normalized text, published, future, words) -> value or None -------------

def ref_rule(text: str, published: date, future: bool, words: TimexWords) -> str | None:
    """"now", "the past", "the future": the whole expression is a reference to a time span."""
    return words.refs.get(text) or words.refs.get(re.sub(r"^(?:the|in|at|by|for)\s+", "", text))


def quarter_rule(text: str, published: date, future: bool, words: TimexWords) -> str | None:
    """"the third quarter" (of the latest year that has had it, unless the verb looks ahead),
    "the year-ago quarter", "the latest quarter" (the last one complete), "the first half"."""
    current = (published.month - 1) // 3 + 1
    year = _explicit_year(text)
    if text in words.latest or re.search(r"\byear (?:ago|earlier) (?:quarter|period)\b", text):
        last_year, last = (published.year, current - 1) if current > 1 else (published.year - 1, 4)
        shift = 1 if re.search(r"\byear (?:ago|earlier)\b", text) else 0
        return f"{last_year - shift}-Q{last}"
    ordinals = alternation(words.ordinals)
    found = re.search(rf"\b({ordinals}) (quarter|half)\b", text)
    if not found:
        return None
    number, part = words.ordinals[found.group(1)], found.group(2)
    if part == "half":
        return f"{year or published.year}-H{min(number, 2)}" if number <= 2 else None
    if year is None:
        year = published.year if number <= current or future else published.year - 1
    return f"{year}-Q{number}"


def season_rule(text: str, published: date, future: bool, words: TimexWords) -> str | None:
    """"this summer", "last spring", "the winter of 1994": TimeML season codes."""
    found = re.search(rf"\b(?:(this past|this|last|next|the|early|late)\s+)?(?:the\s+)?(?:early\s+|late\s+)?"
                      rf"({alternation(words.seasons)})\b", text)
    if not found:
        return None
    code, start = words.seasons[found.group(2)]
    year = _explicit_year(text) or published.year
    if found.group(1) in {"last", "this past"} and date(published.year, start, 1) >= _season_start(published):
        year -= 1  # the latest such season that began before the current one
    elif found.group(1) == "next" and start <= published.month:
        year += 1
    return f"{year}-{code}"


def year_rule(text: str, published: date, future: bool, words: TimexWords) -> str | None:
    """"1996", "fiscal 1989", "this year", "last year", "a year ago", "two years ago"."""
    if _DECADE.search(text) or _CENTURY.search(text):
        return None
    year = _explicit_year(text)
    if year is not None:
        return str(year)
    found = re.search(r"^(?:(?:early|late|later|earlier)\s+(?:in\s+)?)?(?P<rel>this|the current|the|the full|last|"
                      r"the previous|the prior|next|the coming|the next|a|one)\s+year(?:\s+(?:ago|earlier|before))?$", text)
    if found:
        return str(published.year + _YEAR_SHIFT[found["rel"]])
    counted = re.search(r"^(?P<num>\w+) years? (?:ago|earlier)$", text)
    number = load_date_lexicon().numbers.get(counted["num"]) if counted else None
    if counted and number is not None and not number.vague:
        return str(published.year - number.value)
    return None


def decade_rule(text: str, published: date, future: bool, words: TimexWords) -> str | None:
    """"the 1990s", "the mid-1980s", "the '80s", "the nineties" -> "199", "198"; centuries "19"."""
    century = _CENTURY.search(text)
    if century:
        return f"{int(century.group(1)) - 1:02d}"
    found = _DECADE.search(text)
    if found and found.group(1):
        return found.group(1)
    named = re.search(rf"\b({alternation(words.decades)})\b", text)
    digit = int(found.group(2)) if found else words.decades[named.group(1)] if named else None
    return _latest_decade(digit, published) if digit is not None else None


def _latest_decade(digit: int, published: date) -> str:
    """"the '80s", "the nineties": the latest such decade that has begun by `published`."""
    century = published.year // 100 - (digit > published.year % 100 // 10)
    return f"{century}{digit}"


def _explicit_year(text: str) -> int | None:
    found = _YEAR.search(text)
    return int(found.group(1)) if found else None


def _season_start(day: date) -> date:
    """The first day of the season `day` is in (winter begins in the December before)."""
    if day.month in (1, 2):
        return date(day.year - 1, 12, 1)
    return date(day.year, (day.month // 3) * 3, 1)


COARSE_RULES: tuple[Callable[[str, date, bool, TimexWords], str | None], ...] = (
    ref_rule, quarter_rule, season_rule, decade_rule, year_rule,
)
