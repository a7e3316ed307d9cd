"""What the web pages show, computed from records: highlighted article text, the timeline layout.

Like report/views.py, everything returns plain text and numbers; escaping is the template's job.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from parallax.schema import Article, Claim, Incident

# A piece of article text: its text, "figure" / "sentence" / "" and the claim it starts (an anchor).
Segment = tuple[str, str, str]


def _sentence_bounds(claim: Claim, article: Article) -> tuple[int, int]:
    """Where the claim's sentence sits in the article text (the figure alone if it cannot be found)."""
    sentence = claim.span.sentence
    if sentence:
        begin = article.text.find(sentence, max(0, claim.span.end - len(sentence)))
        if 0 <= begin <= claim.span.start and claim.span.end <= begin + len(sentence):
            return begin, begin + len(sentence)
    return claim.span.start, claim.span.end


def _valid(claim: Claim, article: Article) -> bool:
    span = claim.span  # a headline's claim (field "title") is not in the body
    return (span.field == "text" and 0 <= span.start < span.end <= len(article.text)
            and article.text[span.start:span.end] == span.text)


def article_segments(article: Article, claims: Sequence[Claim]) -> list[Segment]:
    """The article text cut at every claim's sentence and figure, each piece marked with the
    strongest highlight covering it; spans that do not point into this text are ignored."""
    usable = [c for c in claims if c.article_id == article.id and _valid(c, article)]
    sentences = {c.id: _sentence_bounds(c, article) for c in usable}
    cuts = {0, len(article.text)}
    for claim in usable:
        cuts.update(sentences[claim.id])
        cuts.update((claim.span.start, claim.span.end))
    anchors = {}
    for claim in sorted(usable, key=lambda c: sentences[c.id][0]):
        anchors.setdefault(sentences[claim.id][0], claim.id)
    points = sorted(cuts)
    segments = []
    for start, end in zip(points, points[1:]):
        kind = ("figure" if any(c.span.start <= start and end <= c.span.end for c in usable) else
                "sentence" if any(s <= start and end <= e for s, e in sentences.values()) else "")
        segments.append((article.text[start:end], kind, anchors.get(start, "")))
    return segments


@dataclass(frozen=True, slots=True)
class TimelineBar:
    day: date
    count: int
    contested: int
    x: float
    height: float
    incident_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Timeline:
    bars: tuple[TimelineBar, ...]
    first: date | None
    last: date | None
    width: float
    peak: int
    undated: int
    ticks: tuple[tuple[float, str], ...]


BAR_SPACE = 900.0
BAR_HEIGHT = 120.0


def timeline(incidents: Sequence[Incident]) -> Timeline:
    """Incidents per day from the first dated one to the last, laid out for an SVG bar chart."""
    dated = [i for i in incidents if i.date and i.date.value]
    if not dated:
        return Timeline((), None, None, BAR_SPACE, 0, len(incidents), ())
    days = Counter(i.date.value for i in dated)
    contested = Counter(i.date.value for i in dated if i.contested)
    first, last = min(days), max(days)
    span = (last - first).days + 1
    step = BAR_SPACE / span
    peak = max(days.values())
    bars = tuple(TimelineBar(day, days[day], contested[day], (day - first).days * step,
                             BAR_HEIGHT * days[day] / peak,
                             tuple(i.id for i in dated if i.date.value == day)) for day in sorted(days))
    return Timeline(bars, first, last, BAR_SPACE, peak, len(incidents) - len(dated), _ticks(first, span, step))


def _ticks(first: date, span: int, step: float, wanted: int = 6) -> tuple[tuple[float, str], ...]:
    every = max(1, span // wanted)
    return tuple((n * step, (first + timedelta(days=n)).isoformat()) for n in range(0, span, every))
