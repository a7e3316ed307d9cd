"""Read plain-text articles, moving a headline line (if there is one) into the title."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from parallax.ingest.dateline import find_dateline
from parallax.ingest.decoding import read_text
from parallax.schema import Article, Rejected

MAX_HEADLINE_CHARS = 160
MAX_HEADLINE_WORDS = 25
# A line ending like this is a sentence (or runs on into the next line), not a headline.
SENTENCE_ENDS = tuple(".!?;:,-–—")
CLOSING_QUOTES = "\"'”’»)"


def looks_like_headline(line: str) -> bool:
    """Short, has letters, no sentence-final punctuation; not a byline or a body's dateline."""
    line = line.strip()
    if not line or len(line) > MAX_HEADLINE_CHARS or len(line.split()) > MAX_HEADLINE_WORDS:
        return False
    if not any(ch.isalpha() for ch in line) or line.rstrip(CLOSING_QUOTES).endswith(SENTENCE_ENDS):
        return False
    if line.lower().startswith("by "):  # a byline: the author, not the story
        return False
    return find_dateline(line + "\n")[1] == 0


def _starts_paragraph(line: str) -> bool:
    """A hard-wrapped sentence goes on in lower case; a new paragraph starts with a capital,
    a digit or a quote."""
    first = line.lstrip()[:1]
    return bool(first) and not first.islower()


def split_headline(text: str) -> tuple[str, str]:
    """(headline, body) when the first line is a headline followed by a blank line or a new
    paragraph; otherwise ("", text). Only surrounding blank space is trimmed from the body."""
    text = text.strip()
    first, _, rest = text.partition("\n")
    if not rest.strip() or not looks_like_headline(first):
        return "", text
    blank_follows = rest.startswith("\n") or not rest.split("\n", 1)[0].strip()
    if not (blank_follows or _starts_paragraph(rest)):
        return "", text
    return first.strip(), rest.strip()


def read_txt(path: Path) -> Iterator[Article | Rejected]:
    """One draft article (no id or language yet) from a UTF-8 (or fallback-decoded) text file."""
    title, body = split_headline(read_text(path))
    yield Article(id="", text=body, title=title, source=str(path), language="")
