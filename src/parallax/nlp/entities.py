"""Named entities by token offset, read from a Doc once and looked up by bisection.

`Doc.ents` rebuilds every entity Span on each access and `Span.ents` filters all of them, so
extractors that ask per sentence or per phrase were quadratic in the article's length (a 52 KB
paragraph took 28 s). The bounds are kept in `doc.user_data` as plain integers (serialisable, and
no reference cycle from the Doc to its own Spans); Spans are made only for the entities asked for.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span

_KEY = "parallax.entity_bounds"
Bounds = tuple[tuple[int, ...], tuple[tuple[int, int, int, int, int], ...]]


def _bounds(doc: Doc) -> Bounds:
    """(entity starts, (start, end, label, kb_id, id) per entity), in document order."""
    cached = doc.user_data.get(_KEY)
    if cached is None:
        rows = tuple((e.start, e.end, e.label, e.kb_id, e.id) for e in doc.ents)
        cached = (tuple(r[0] for r in rows), rows)
        doc.user_data[_KEY] = cached
    return cached


def _span(doc: Doc, row: tuple[int, int, int, int, int]) -> Span:
    start, end, label, kb_id, span_id = row
    return Span(doc, start, end, label=label, kb_id=kb_id, span_id=span_id)


def entities(doc: Doc, label: str = "") -> list[Span]:
    """What `doc.ents` gives (only those labelled `label` when given), from the bounds read once:
    each `Doc.ents` walks every token, and each Span made costs three Tokens."""
    strings = doc.vocab.strings
    return [_span(doc, row) for row in _bounds(doc)[1] if not label or strings[row[2]] == label]


def entity_labels(doc: Doc) -> list[tuple[int, int, str]]:
    """(start, end, label) of every entity, in document order, without making its Span."""
    strings = doc.vocab.strings
    return [(start, end, strings[label]) for start, end, label, _, _ in _bounds(doc)[1]]


def entities_within(doc: Doc, start: int, end: int) -> list[Span]:
    """The entities wholly inside tokens [start, end): what `doc[start:end].ents` gives."""
    starts, rows = _bounds(doc)
    found, at = [], bisect_left(starts, start)
    while at < len(rows) and rows[at][1] <= end:
        found.append(_span(doc, rows[at]))
        at += 1
    return found


def entities_starting_in(doc: Doc, start: int, end: int) -> list[Span]:
    """The entities whose first token is in [start, end), in document order."""
    starts, rows = _bounds(doc)
    return [_span(doc, row) for row in rows[bisect_left(starts, start):bisect_left(starts, end)]]
