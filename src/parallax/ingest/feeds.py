"""Read RSS and Atom feeds with feedparser: each entry becomes an article."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from time import struct_time

import feedparser

from parallax.ingest.published import PLAUSIBLE_YEARS, parse_published
from parallax.ingest.rejects import RejectCode, reject
from parallax.schema import Article, Rejected

BLOCK_TAGS = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
                        "blockquote", "tr", "table", "section", "article", "figure"})
HIDDEN_TAGS = frozenset({"script", "style"})


class _TextCollector(HTMLParser):
    """Collects an HTML fragment's text, breaking paragraphs where block elements were."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN_TAGS:
            self.hidden += 1
        if tag in BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN_TAGS and self.hidden:
            self.hidden -= 1
        if tag in BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def strip_html(fragment: str) -> str:
    """Plain text of an HTML fragment: entities decoded, one blank line between paragraphs."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    paragraphs = re.split(r"\n\s*\n", "".join(collector.parts))
    tidy = (" ".join(paragraph.split()) for paragraph in paragraphs)
    return "\n\n".join(paragraph for paragraph in tidy if paragraph)


def entry_body(entry: feedparser.FeedParserDict) -> str:
    """The fullest text an entry carries: its longest content block, else its summary."""
    contents = [block.get("value", "") for block in entry.get("content", [])]
    longest = max(contents, key=len, default="")
    return strip_html(longest or entry.get("summary", ""))


def entry_published(entry: feedparser.FeedParserDict, source: str) -> datetime | None:
    """feedparser's own UTC reading of the date, else our parser on the raw string."""
    parsed: struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    # feedparser lets years 0 and 10000 through, and placeholders such as 0001-01-01 mean no date.
    if parsed and parsed.tm_year in PLAUSIBLE_YEARS:
        return datetime(*parsed[:6])
    return parse_published(entry.get("published") or entry.get("updated") or "", source)


def entry_to_article(entry: feedparser.FeedParserDict, outlet: str,
                     source: str) -> Article | Rejected:
    """A draft article (no id or language yet) from one feed entry."""
    text = entry_body(entry)
    if not text:
        return reject(source, RejectCode.EMPTY, "feed entry has no summary or content")
    return Article(id="", text=text, title=strip_html(entry.get("title", "")), outlet=outlet,
                   url=entry.get("link", ""), published=entry_published(entry, source),
                   source=source, language="")


def read_feed(path: Path) -> Iterator[Article | Rejected]:
    """Drafts, one per entry, with `source` set to "path#n" (n counts entries from 1)."""
    feed = feedparser.parse(path.read_bytes())
    if not feed.version and not feed.entries:
        reason = "not an RSS or Atom feed"
        if feed.bozo:
            reason += f" ({feed.bozo_exception})"
        yield reject(str(path), RejectCode.FORMAT, reason)
        return
    if not feed.entries:
        yield reject(str(path), RejectCode.EMPTY, "feed has no entries")
    outlet = strip_html(feed.feed.get("title", ""))
    for number, entry in enumerate(feed.entries, start=1):
        yield entry_to_article(entry, outlet, f"{path}#{number}")
