"""Cut an article's text into sentences and quoted passages by punctuation alone (no parse needed)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from parallax.schema import Article, Span

# A sentence ends at . ! ? (optionally followed by closing quotes or brackets), then space and a
# capital, digit or opening quote; or at a blank line.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+(?=[A-Z0-9“\"‘(])|\n\s*\n")
_ABBREVIATION = re.compile(r"(?<![\w.])(?:Lt|Col|Gen|Maj|Capt|Sgt|Cpl|Adm|Brig|Dr|Mr|Mrs|Ms|Prof|Rev|St|Sen|Rep|"
                           r"Gov|No|Jr|Sr|[A-Z]|[A-Z]\.[A-Z])\.$")
_WORD = re.compile(r"\w[\w'’-]*")
# Curly double quotes (never across another opening quote); straight double quotes in pairs; curly single quotes opened after a space
# (so the apostrophe in "Army’s" is never an opening quote).
# A curly opening quote may be closed by a straight one ("“He was a good boy,\" Watts said").
_QUOTES = (re.compile(r"“([^”“]{1,2000})[”\"]"), re.compile(r"\"([^\"\n]{1,2000})\""),
           re.compile(r"(?:(?<=\s)|(?<=^))‘([^’]{1,200})’(?![\w])", re.MULTILINE))


@dataclass(frozen=True, slots=True)
class Passage:
    """A quoted passage: `start`/`end` index the article text inside the quotation marks."""

    start: int
    end: int
    text: str


def sentences(article: Article) -> list[Span]:
    """The article's sentences as Spans (offsets into `article.text`), dateline included; a full
    stop after a title or initial ("Lt. Col. Avi Shalev", "U.S. officials") ends no sentence."""
    text, spans, start = article.text, [], 0
    for match in _SENTENCE_END.finditer(text):
        if _ABBREVIATION.search(text, max(0, match.start() - 8), match.start()) and "\n" not in match.group():
            continue
        spans.extend(_span(article, start, match.start()))
        start = match.end()
    spans.extend(_span(article, start, len(text)))
    return spans


def _span(article: Article, start: int, end: int) -> list[Span]:
    piece = article.text[start:end]
    lead = len(piece) - len(piece.lstrip())
    body = piece.strip()
    if not body:
        return []
    begin = start + lead
    return [Span(article.id, begin, begin + len(body), body, body)]


def in_sentence(span: Span, split: list[Span], text: str) -> Span:
    """The span with the text of the sentence(s) it lies in, as claims' spans carry theirs."""
    first = bisect_right([s.start for s in split], span.start) - 1
    last = bisect_right([s.start for s in split], max(span.start, span.end - 1)) - 1
    if first < 0 or span.start >= split[first].end:
        return span
    return replace(span, sentence=text[split[first].start:max(split[last].end, span.end)])


def passages(text: str) -> list[Passage]:
    """Quoted passages in reading order; a passage inside another one is not listed twice."""
    found = sorted((m.start(1), m.end(1)) for pattern in _QUOTES for m in pattern.finditer(text))
    kept: list[Passage] = []
    for start, end in found:
        if kept and start < kept[-1].end:
            continue
        kept.append(Passage(start, end, text[start:end]))
    return kept


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def inside(start: int, end: int, spans: list[Passage] | list[Span]) -> bool:
    """Whether [start, end) lies within one of the spans."""
    return any(s.start <= start and end <= s.end for s in spans)


def overlaps(start: int, end: int, spans: list[Span] | tuple[Span, ...]) -> bool:
    return any(s.start < end and start < s.end for s in spans)
