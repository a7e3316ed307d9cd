"""Resolve toponyms whose spans are already known (a gold set, a user's own annotation) together:
each one's entries are chosen with the other names of the same text as context."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from parallax.extract.gazetteer import Candidate, Gazetteer
from parallax.extract.place_demonyms import demonym_candidates
from parallax.extract.place_names import acronym_kinds, is_acronym, name_key
from parallax.extract.place_ranking import (
    build_context, choose_coherent, lies_within, list_neighbours, name_cells, region_support, unit_among_units,
    vouched,
)

FIRST_PASS_WEIGHT = 0.5
# "Paris, Texas", "Mosul, Iraq", "Dublin, Ohio": a name, a comma and the unit it lies in.
_REGION_GAP = re.compile(r"^\s*,\s*$")
# The rest of a list of names closed by a plural unit word: ", Otoe and Washington counties".
_NAME = r"[A-Z][\w'.-]*(?:\s[A-Z][\w'.-]*)*"
_UNIT_LIST = re.compile(rf"^(?P<items>(?:(?:,|,? and|,? or|,? &)\s+{_NAME})*)\s+(?P<unit>[a-z]+)\b")
_LIST_BEFORE = re.compile(rf"{_NAME}(?:,|,? and|,? or|,? &)\s*$")
UNIT_LIST_REACH = 120


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place name at [start, end) of a text."""

    text: str
    start: int
    end: int


def resolve_toponyms(text: str, toponyms: Sequence[Toponym], gazetteer: Gazetteer) -> list[Candidate | None]:
    """One gazetteer entry (or None) per toponym, in order. The names that leave no doubt set the
    text's countries and provinces, the first choices then vouch for each other (never a name for
    itself, however often it is repeated), and a name
    followed by ", <province or country>" keeps only the entries inside it."""
    options = [_candidates(t.text, gazetteer, listed_unit(text, t, gazetteer)) for t in toponyms]
    options = _narrow_pairs(text, toponyms, options)
    context = build_context(options, [])
    keys = [name_key(t.text) for t in toponyms]
    by_name = dict(zip(keys, options))
    context.regions, context.cells = region_support(by_name.values()), name_cells(by_name)
    firsts = {key: choose_coherent(candidates, context, key) for key, candidates in by_name.items()}
    contexts = {key: vouched(context, firsts, key, FIRST_PASS_WEIGHT) for key in by_name}
    chosen = [choose_coherent(candidates, contexts[key], key) for key, candidates in zip(keys, options)]
    return _units_among_units(text, toponyms, options, chosen)


def _units_among_units(text: str, toponyms: Sequence[Toponym], options: Sequence[Sequence[Candidate]],
                       chosen: list[Candidate | None]) -> list[Candidate | None]:
    """Names listed beside provinces are provinces ("Florida, Kentucky and New York")."""
    order = sorted(range(len(toponyms)), key=lambda i: toponyms[i].start)
    neighbours = list_neighbours(text, [(toponyms[i].start, toponyms[i].end) for i in order])
    result = list(chosen)
    for i, listed in zip(order, neighbours):
        result[i] = unit_among_units(chosen[i], options[i], [chosen[order[j]] for j in listed])
    return result


def listed_unit(text: str, toponym: Toponym, gazetteer: Gazetteer) -> str:
    """The unit word of a list of units the toponym is part of ("Lenox, Barton and Wayne
    counties": "county" for each name), or ""; a lone name before the plural ("Georgia
    counties") is the unit they lie in, and is left alone."""
    after = _UNIT_LIST.match(text[toponym.end:toponym.end + UNIT_LIST_REACH])
    before = text[max(0, toponym.start - UNIT_LIST_REACH):toponym.start]
    if not after or not (after.group("items") or _LIST_BEFORE.search(before)):
        return ""
    plural = after.group("unit").lower()
    singular = plural[:-3] + "y" if plural.endswith("ies") else plural[:-1]
    listed = re.findall(_NAME, after.group("items")) + re.findall(_NAME, (_LIST_BEFORE.search(before) or [""])[0])
    for word in (singular, plural[:-2]):  # "counties", "districts"; "parishes"
        if word in gazetteer.terms.admin_words and all(_has_unit(n, word, gazetteer) for n in listed):
            return word
    return ""


def _has_unit(name: str, word: str, gazetteer: Gazetteer) -> bool:
    """Whether a listed name has a unit of that word: in "the Ashby, Maple City and Cole
    City departments" (fire departments) Maple City has none, so none is a unit."""
    words = name.split()  # "Small Hitchcock" at a sentence's start: a suffix of the run will do
    return any(c.kind in {"admin1", "admin2"} for i in range(len(words))
               for c in gazetteer.lookup(f"{' '.join(words[i:])} {word}"))


def _candidates(name: str, gazetteer: Gazetteer, unit: str = "") -> list[Candidate]:
    code = gazetteer.adjectives.get(name_key(name), "")  # "Sudanese" names Sudan
    country = gazetteer.country(code)
    if country:
        return [country]
    found = (gazetteer.lookup(f"{name} {unit}") if unit else []) or gazetteer.lookup(name)
    if is_acronym(name):
        return [c for c in found if c.kind in acronym_kinds(name)]
    return found or demonym_candidates(name, gazetteer)


def _narrow_pairs(text: str, toponyms: Sequence[Toponym],
                  options: list[list[Candidate]]) -> list[list[Candidate]]:
    narrowed = list(options)
    for i in range(len(toponyms) - 1):
        first, second = toponyms[i], toponyms[i + 1]
        if not _REGION_GAP.match(text[first.end:second.start]):
            continue
        regions = [c for c in options[i + 1] if c.kind in {"admin1", "country"}]
        inside = [c for c in options[i] if any(lies_within(c, r) for r in regions)]
        if regions and inside:
            narrowed[i] = inside
            narrowed[i + 1] = [r for r in regions if any(lies_within(c, r) for c in inside)]
    return narrowed

