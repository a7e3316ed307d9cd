"""What the HTML report shows, computed from records: order, source columns, highlighted quotes.

Everything here returns plain text; escaping is the template's job (Jinja autoescape), so no
function may return markup.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from parallax.ingest.rejects import RejectCode
from parallax.report.rows import n_sources, outlet_of
from parallax.schema import (Article, Claim, DatePrecision, EventDate, EventMention, GeoPrecision,
                             Incident, Place, RunSummary, Span)

Articles = Mapping[str, Article]
Source = tuple[str, Article | None, list[EventMention]]

DATE_PRECISION = {DatePrecision.DAY: "day", DatePrecision.WEEK: "within a week",
                  DatePrecision.MONTH: "month or vaguer", DatePrecision.UNKNOWN: "unknown"}
GEO_PRECISION = {GeoPrecision.EXACT: "the named place", GeoPrecision.NEAR: "near / district",
                 GeoPrecision.REGION: "province", GeoPrecision.COUNTRY: "country only",
                 GeoPrecision.UNKNOWN: "not located"}


def report_order(incidents: Sequence[Incident], articles: Articles) -> tuple[list[Incident], list[Incident]]:
    """Main incidents then background ones, each by number of sources (most first), then date."""
    def key(incident: Incident) -> tuple[int, date, str]:
        when = incident.date.value if incident.date and incident.date.value else date.max
        return -n_sources(incident, articles), when, incident.id
    ordered = sorted(incidents, key=key)
    return [i for i in ordered if not i.background], [i for i in ordered if i.background]


def sources_of(incident: Incident, articles: Articles) -> list[Source]:
    """One column per article: its id, the article when stored, and its mentions of the incident."""
    return [(article_id, articles.get(article_id),
             [m for m in incident.mentions if m.article_id == article_id])
            for article_id in incident.article_ids]


def outlet_name(article_id: str, articles: Articles, mentions: Sequence[EventMention]) -> str:
    fallback = next((m.outlet for m in mentions if m.outlet), "")
    return outlet_of(article_id, articles, fallback) or "unknown outlet"


def claims_of(mentions: Sequence[EventMention]) -> list[Claim]:
    """A source's claims once each, in reading order."""
    unique = {c.id: c for m in mentions for c in m.claims}
    return sorted(unique.values(), key=lambda c: c.span.start)


def highlight(span: Span, article: Article | None) -> tuple[str, str, str]:
    """The span's sentence cut as (before, the span's text, after); ("sentence", "", "") when the
    text cannot be found in it."""
    sentence = span.sentence or span.text
    at = _offset_in_sentence(span, sentence, article)
    if at is None:
        return sentence, "", ""
    end = at + len(span.text)
    return sentence[:at], sentence[at:end], sentence[end:]


def _offset_in_sentence(span: Span, sentence: str, article: Article | None) -> int | None:
    # The article's offsets pick the right occurrence when the figure appears twice in the sentence.
    if article is not None and sentence:
        text = article.title if span.field == "title" else article.text
        begin = text.find(sentence, max(0, span.end - len(sentence)))
        at = span.start - begin
        if begin >= 0 and 0 <= at and sentence[at:at + len(span.text)] == span.text:
            return at
    at = sentence.find(span.text) if span.text else -1
    return at if at >= 0 else None


def date_label(when: EventDate | None) -> str:
    if when is None:
        return "date unknown"
    if when.value is None:
        return f"date unknown, a {when.weekday}" if when.weekday else "date unknown"
    return f"{when.value.isoformat()} ({when.weekday})" if when.weekday else when.value.isoformat()


def date_told(when: EventDate) -> str:
    words = f"“{when.expression}”" if when.expression else when.weekday or "no date words"
    return f"{words} → {date_label(when)}, precision: {DATE_PRECISION[when.precision]}"


def place_label(place: Place | None) -> str:
    if place is None:
        return "unknown place"
    parts = [place.name, place.admin2, place.admin1, place.country_name or place.country]
    return ", ".join(dict.fromkeys(p for p in parts if p))


def place_told(place: Place) -> str:
    words = place.span.text if place.span else place.name
    relation = f"{place.relation} " if place.relation else ""
    return f"“{relation}{words}” → {place_label(place)}, precision: {GEO_PRECISION[place.precision]}"


def coordinates(place: Place | None) -> str:
    if place is None or place.latitude is None or place.longitude is None:
        return ""
    return f"{place.latitude:.4f}, {place.longitude:.4f}"


def safe_url(url: str) -> str:
    """The url when it is plain http(s): escaping alone would let a "javascript:" link through."""
    return url if url.lower().startswith(("http://", "https://")) else ""


def published_label(article: Article | None) -> str:
    if article is None or article.published is None:
        return "publication date unknown"
    stamp = article.published
    # A date-only publication time is stored as midnight: showing "00:00" would invent a time.
    return stamp.strftime("%d %b %Y" if (stamp.hour, stamp.minute) == (0, 0) else "%d %b %Y, %H:%M")


def figure_range(low: int | None, high: int | None) -> str:
    if low is None and high is None:
        return "–"
    if high is None:
        return f"{low}+"
    return str(low) if low == high else f"{low}–{high}"


def store_counts(incidents: Sequence[Incident], articles: Articles) -> list[tuple[str, int]]:
    """Totals of what the report covers, whatever run wrote them."""
    mentions = {m.id for i in incidents for m in i.mentions}
    claims = {c.id for i in incidents for c in i.claims}
    multi = sum(n_sources(i, articles) > 1 for i in incidents)
    return [("articles", len(articles)), ("event mentions", len(mentions)), ("claims", len(claims)),
            ("incidents", len(incidents)), ("with 2+ sources", multi)]


def run_counts(summary: RunSummary | None) -> list[tuple[str, int]]:
    if summary is None:
        return []
    # "ignored": a file of no input format met in a folder walk (README.md), neither read nor skipped
    ignored = sum(item.code == RejectCode.IGNORED for item in summary.rejected)
    return [("inputs read", summary.read - ignored), ("new articles", summary.new_articles),
            ("already stored", summary.duplicates), ("skipped", len(summary.rejected) - ignored),
            ("ignored (not an input format)", ignored)]
