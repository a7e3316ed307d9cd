"""Read a figure phrase ("at least 52", "several dozen", "between 30 and 40") as an interval."""

from __future__ import annotations

import math
import re

from parallax.extract.claim_lexicon import ClaimLexicon
from parallax.schema import Figure

_WORD = re.compile(r"\d[\d,]*(?:\.\d+)?|[a-zà-ÿ]+|\+|[-–—]")
_LEADING = (("a", "total", "of"), ("a", "further"), ("an", "additional"), ("another",),
            ("additional",), ("further",), ("the",), ("only",), ("just",), ("all",), ("at", "the", "time"))
_TRAILING = (("more",), ("others",), ("other",), ("people",))
_RANGE_WORDS = frozenset({"to", "-", "–", "—", "or", "and"})

Interval = tuple[int | None, int | None]
MAX_COUNT = 10**12  # more than anyone could count; far below SQLite's 2**63


def _words(text: str) -> list[str]:
    joined = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text.lower().replace("’", "'"))
    return [w.replace(",", "") for w in _WORD.findall(joined)]


def _number_value(words: list[str], lexicon: ClaimLexicon) -> float | None:
    """A cardinal from digits and number words: "twenty one", "1.5 million", "half a dozen"."""
    total = current = 0.0
    fraction, seen = 1.0, False
    for word in words:
        if word == "and" and seen:
            continue
        if word[0].isdigit():
            if seen:
                return None  # "11 24 2013" is a date, not a number
            current += float(word)
        elif word == "half":
            fraction = 0.5
        elif word in ("a", "an"):
            current = current or (0.0 if fraction != 1.0 else 1.0)
        elif word in lexicon.cardinals:
            current += lexicon.cardinals[word]
        elif word in lexicon.multipliers:
            scaled = (current or 1.0) * lexicon.multipliers[word] * fraction
            fraction = 1.0
            if lexicon.multipliers[word] >= 1000:
                total, current = total + scaled, 0.0
            else:
                current = scaled
        else:
            return None
        seen = True
    return total + current if seen and fraction == 1.0 else None


def _quantity(words: list[str], lexicon: ClaimLexicon) -> Interval | None:
    phrase = " ".join(words)
    if phrase in lexicon.vague:
        return lexicon.vague[phrase]
    value = _number_value(words, lexicon)
    # A 400-digit "number" overflows to infinity, and a 60-digit one does not fit the database's
    # integers: neither is a count of anything an article reports.
    if value is None or not math.isfinite(value) or value > MAX_COUNT:
        return None
    number = round(value)
    return number, number


def _bounded(kind: str, interval: Interval) -> Interval:
    """Reshape an exact number by its bound word; the reasons are in docs/numbers.md."""
    low, high = interval
    if low is None or low != high:  # vague quantities keep their own interval
        return low, (None if kind in ("min", "above") else high)
    n = low
    shapes: dict[str, Interval] = {
        "min": (n, None),
        "above": (n + 1, None),
        "near": (max(1, n - max(1, round(n * 0.1))), max(1, n - 1)),
        "approx": (n - round(n / 10), n + round(n / 10)),
        "max": (min(1, n), n),
        "under": (min(1, n - 1), max(0, n - 1)),
    }
    return shapes[kind]


def _strip_edges(words: list[str]) -> list[str]:
    """Drop words that frame a figure without changing it: "a total of 5", "five more"."""
    for lead in _LEADING:
        if tuple(words[:len(lead)]) == lead and len(words) > len(lead):
            words = words[len(lead):]
    for trail in _TRAILING:
        if tuple(words[-len(trail):]) == trail and len(words) > len(trail):
            words = words[:-len(trail)]
    return words


def _split_range(words: list[str], lexicon: ClaimLexicon) -> Interval | None:
    """ "between 30 and 40", "30 to 40", "30-40", "five or six": low of the first, high of the last."""
    if words and words[0] in ("between", "from"):
        words = words[1:]
    for i, word in enumerate(words):
        if word not in _RANGE_WORDS or i == 0 or i == len(words) - 1:
            continue
        first, second = _interval(words[:i], lexicon), _interval(words[i + 1:], lexicon)
        if first and second and first[0] is not None and second[0] is not None and first[0] < second[0]:
            return first[0], second[1]
    return None


def _with_bounds(words: list[str], lexicon: ClaimLexicon) -> Interval | None:
    if words and words[-1] == "+":
        inner = _quantity(words[:-1], lexicon)
        return _bounded("min", inner) if inner else None
    for size in range(min(4, len(words) - 1), 0, -1):
        head, tail = " ".join(words[:size]), " ".join(words[-size:])
        if head in lexicon.bounds:
            inner = _interval(words[size:], lexicon)
            return _bounded(lexicon.bounds[head], inner) if inner else None
        if tail in lexicon.bounds:
            inner = _interval(words[:-size], lexicon)
            return _bounded(lexicon.bounds[tail], inner) if inner else None
    return None


def _interval(words: list[str], lexicon: ClaimLexicon) -> Interval | None:
    if not words:
        return None
    return (_quantity(words, lexicon) or _with_bounds(words, lexicon)
            or _split_range(words, lexicon))


def parse_figure(text: str, lexicon: ClaimLexicon) -> Figure | None:
    """The interval a figure phrase states, or None when the text is not a figure.

    "eight" -> [8, 8]; "at least 52" -> [52, None]; "more than 320,000" -> [320001, None];
    "between 30 and 40" -> [30, 40]; "several dozen" -> [24, None]; "a number of" -> [2, None].
    The full table is docs/numbers.md.
    """
    words = _words(text)
    interval = _interval(words, lexicon) or _interval(_strip_edges(words), lexicon)
    if interval is None:
        return None
    return Figure(interval[0], interval[1], " ".join(text.split()))


def is_figure_word(word: str, lexicon: ClaimLexicon) -> bool:
    """Whether one lower-case word can be (part of) a figure: "52", "dozen", "dozens", "several"."""
    return (word[:1].isdigit() or word in lexicon.cardinals or word in lexicon.multipliers
            or word in lexicon.vague or word in lexicon.bounds)
