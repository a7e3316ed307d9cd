"""Read saved web pages: trafilatura finds the article text, headline, date and site name."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import trafilatura
from trafilatura.settings import set_date_params

from parallax.ingest.decoding import read_text
from parallax.ingest.published import parse_published
from parallax.ingest.rejects import RejectCode, reject
from parallax.schema import Article, Rejected


def drop_leading_title(text: str, title: str) -> str:
    """trafilatura often repeats the page's <h1> as the first line; the title is kept apart."""
    first, _, rest = text.partition("\n")
    if title and first.strip() == title.strip() and rest.strip():
        return rest.strip()
    return text.strip()


# htmldate's default output is the day alone: a page stamped 21:40 at UTC-4 is filed on the next
# UTC day, which is the day "Thursday" is resolved against. A page with no time gives 00:00 here,
# the same moment its bare date gives.
DATE_WITH_TIME = "%Y-%m-%dT%H:%M:%S%z"


def article_from_html(html: str, source: str) -> Article | Rejected:
    """A draft article (no id or language yet) from one page's HTML."""
    page = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                       include_tables=False,
                                       date_extraction_params={**set_date_params(True),
                                                               "outputformat": DATE_WITH_TIME})
    if page is None or not (page.text or "").strip():
        return reject(source, RejectCode.EMPTY, "no article text found in the HTML page")
    title = (page.title or "").strip()
    return Article(
        id="",
        text=drop_leading_title(page.text, title),
        title=title,
        outlet=(page.sitename or page.hostname or "").strip(),
        url=(page.url or "").strip(),
        published=parse_published(page.date or "", source),
        source=source,
        language="",
    )


def read_html(path: Path) -> Iterator[Article | Rejected]:
    yield article_from_html(read_text(path), str(path))
