"""The model's attribute rules found by lookup instead of by trying every rule at every token.

en_core_web_sm's attribute_ruler holds 179 rules (a tag map, "TAG is X"; word rules, "TAG is X
and the word is Y"; a few on dependency labels, regexes and word pairs), and spaCy's Matcher tries
them at every token, calling a Python predicate per token for each IN, NOT_IN and REGEX: 11-13% of
the parse. Here each rule is filed under one value its first token must have (its tag, word or
dependency label), a token's values pick the few rules it can match, and those are checked in
full on the Doc's arrays. Rules using anything else stay in a Matcher of their own. The matches,
sorted as the ruler sorts them, are the Matcher's, and the ruler's own `set_annotations` applies
them, so every attribute is what spaCy would set (tests/nlp/test_rules.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.attrs import DEP, IDS, IS_SPACE, LOWER, ORTH, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc

COLUMNS = (TAG, LOWER, DEP, IS_SPACE, ORTH)  # what a rule may test and still be looked up
COLUMN = {attr: i for i, attr in enumerate(COLUMNS)}
Match = tuple[int, int, int, int]  # (rule ordinal, matcher key, start, end), as AttributeRuler.match
Row = tuple[int, ...]  # a token's COLUMNS values
SEEN_LIMIT = 50_000


@dataclass(frozen=True, slots=True)
class Test:
    """One condition on one column: equal to a value, in or not in a set, or searched by a regex."""

    column: int
    kind: str  # "eq", "IN", "NOT_IN", "REGEX"
    values: frozenset[int] = frozenset()
    regex: re.Pattern | None = None
    seen: dict[int, bool] = field(default_factory=dict, compare=False)  # REGEX results by string hash

    def holds(self, row: Row, strings) -> bool:
        value = row[self.column]
        if self.kind == "IN" or self.kind == "eq":
            return value in self.values
        if self.kind == "NOT_IN":
            return value not in self.values
        found = self.seen.get(value)
        if found is None:
            if len(self.seen) >= SEEN_LIMIT:  # memory stays flat over a long run
                self.seen.clear()
            found = self.seen[value] = bool(self.regex.search(strings[value]))
        return found


@dataclass(frozen=True, slots=True)
class Rule:
    ordinal: int  # the ruler's index for the rule's attributes
    key: int  # its Matcher key
    tokens: tuple[tuple[Test, ...], ...]  # one tuple of tests per token of the pattern


def _value_id(value: object) -> int | None:
    if isinstance(value, bool):
        return int(value)
    return get_string_id(value) if isinstance(value, (str, int)) else None


def _tests(spec: dict) -> tuple[Test, ...] | None:
    """The tests of one token of a pattern, or None if it uses what only the Matcher knows."""
    tests = []
    for name, wanted in spec.items():
        attr = IDS.get(str(name).upper())
        if attr not in COLUMN:
            return None
        column = COLUMN[attr]
        if not isinstance(wanted, dict):
            value = _value_id(wanted)
            if value is None:
                return None
            tests.append(Test(column, "eq", frozenset((value,))))
            continue
        for predicate, argument in wanted.items():
            if predicate in ("IN", "NOT_IN") and isinstance(argument, list):
                values = [_value_id(v) for v in argument]
                if None in values or any(isinstance(v, bool) for v in argument):
                    return None
                tests.append(Test(column, predicate, frozenset(values)))
            elif predicate == "REGEX" and isinstance(argument, str):
                tests.append(Test(column, "REGEX", regex=re.compile(argument)))
            else:
                return None
    return tuple(tests)


def compile_rule(ordinal: int, key: int, pattern: list[dict]) -> Rule | None:
    """The pattern as array tests, or None if it has operators or attributes left to the Matcher."""
    if not pattern or any(not isinstance(spec, dict) or not spec or "OP" in spec for spec in pattern):
        return None
    tokens = [_tests(spec) for spec in pattern]
    return None if None in tokens else Rule(ordinal, key, tuple(tokens))


@dataclass(frozen=True, slots=True)
class RuleIndex:
    """Each compiled rule filed under the values its first token must take in one column."""

    # per column: value -> (rule, proven): a proven rule's only test is its anchor, so a hit matches
    anchored: tuple[dict[int, tuple[tuple[Rule, bool], ...]], ...]
    unanchored: tuple[Rule, ...]  # first token tested only by NOT_IN or REGEX
    rest: Matcher  # the rules that could not be compiled, under their ruler keys


def _anchor(rule: Rule) -> Test | None:
    """The first token's most selective equality or IN test (a word before a tag or label)."""
    usable = [t for t in rule.tokens[0] if t.kind in ("eq", "IN")]
    order = (COLUMN[LOWER], COLUMN[ORTH], COLUMN[DEP], COLUMN[TAG], COLUMN[IS_SPACE])
    return min(usable, key=lambda t: order.index(t.column), default=None)


def index_rules(ruler: AttributeRuler) -> RuleIndex:
    anchored: list[dict[int, list[tuple[Rule, bool]]]] = [{} for _ in COLUMNS]
    unanchored, rest = [], Matcher(ruler.vocab, validate=False)
    for ordinal, entry in enumerate(ruler.patterns):
        key = ruler.vocab.strings.add(str(ordinal))
        for pattern in entry["patterns"]:
            rule = compile_rule(ordinal, key, pattern)
            anchor = _anchor(rule) if rule else None
            if rule is None:
                rest.add(str(ordinal), [pattern])
            elif anchor is None:
                unanchored.append(rule)
            else:
                proven = rule.tokens == ((anchor,),)
                for value in anchor.values:
                    anchored[anchor.column].setdefault(value, []).append((rule, proven))
    return RuleIndex(tuple({v: tuple(rules) for v, rules in by.items()} for by in anchored),
                     tuple(unanchored), rest)


def _matches_at(rule: Rule, rows: list[Row], i: int, strings) -> bool:
    if i + len(rule.tokens) > len(rows):
        return False
    return all(test.holds(rows[i + n], strings) for n, tests in enumerate(rule.tokens) for test in tests)


def _candidates(rule: Rule, rows: list[Row], strings) -> list[int]:
    """Where an unanchored rule's first test holds, each distinct value tested once."""
    first = rule.tokens[0][0]
    column = [row[first.column] for row in rows]
    holding = {value for value in set(column) if first.holds((value,) * len(COLUMNS), strings)}
    return [i for i, value in enumerate(column) if value in holding]


def match_rules(doc: Doc, index: RuleIndex) -> list[Match]:
    """What `AttributeRuler.match(doc)` returns for the ruler `index` was built from."""
    strings = doc.vocab.strings
    found = {(int(strings[key]), key, start, end)
             for key, start, end in (index.rest(doc, allow_missing=True, as_spans=False) if len(index.rest) else ())}
    rows = [tuple(row) for row in doc.to_array(list(COLUMNS)).tolist()]
    for column, by in enumerate(index.anchored):
        if not by:
            continue
        for i, row in enumerate(rows):
            for rule, proven in by.get(row[column], ()):
                if proven or _matches_at(rule, rows, i, strings):
                    found.add((rule.ordinal, rule.key, i, i + len(rule.tokens)))
    for rule in index.unanchored:
        for i in _candidates(rule, rows, strings):
            if _matches_at(rule, rows, i, strings):
                found.add((rule.ordinal, rule.key, i, i + len(rule.tokens)))
    return sorted(found)


class IndexedMatch:
    """A ruler's `match`, by lookup (AttributeRuler.__call__ calls `self.match(doc)`)."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.index = index_rules(ruler)

    def __call__(self, doc: Doc) -> list[Match]:
        return match_rules(doc, self.index)


def index_attribute_rulers(nlp: Language, names: Iterable[str] | None = None) -> None:
    """Give every attribute ruler of `nlp` (or those named) the indexed match, in place. Rules
    added to a ruler afterwards would not be seen: call it again after changing one."""
    for name, component in nlp.components:
        if isinstance(component, AttributeRuler) and (names is None or name in names):
            component.match = IndexedMatch(component)
