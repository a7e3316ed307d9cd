"""Read JSON Lines files: one article object per line; a broken line is rejected, the rest go on."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from parallax.ingest.decoding import decode_bytes
from parallax.ingest.language import language_tag
from parallax.ingest.published import parse_published, published_text
from parallax.ingest.rejects import RejectCode, reject
from parallax.schema import Article, Rejected

LOG = logging.getLogger(__name__)
# "id" is accepted but not used: an article's id is always the hash of its text.
KEYS = ("id", "url", "outlet", "published", "title", "text", "language")
DEFAULT_MAX_LINE_BYTES = 20_000_000  # Settings.max_input_bytes; read_file passes the setting
SKIP_CHUNK = 1 << 20


def _problem(record: object) -> str:
    """Why `record` cannot be an article, or "" if it can."""
    if not isinstance(record, dict):
        return f"expected a JSON object, got {type(record).__name__}"
    text = record.get("text")
    if text is None:
        return "no \"text\" key" if "text" not in record else "\"text\" is null"
    if not isinstance(text, str):
        return f"\"text\" must be a string, got {type(text).__name__}"
    if not text.strip():
        return "\"text\" is empty"
    wrong = sorted(k for k in KEYS if record.get(k) is not None and not isinstance(record[k], str)
                   and not (k == "published" and published_text(record[k])))
    return f"key(s) {', '.join(wrong)} must be strings" if wrong else ""


def _field(record: dict[str, object], key: str) -> str:
    value = record.get(key)
    return value.strip() if isinstance(value, str) else ""


def parse_jsonl_line(line: str, source: str) -> Article | Rejected:
    """A draft article (no id yet) from one line, or a Rejected saying what is wrong with it."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return reject(source, RejectCode.MALFORMED,
                      f"not valid JSON: {exc.msg} (column {exc.colno})")
    # Valid JSON can still be unreadable: nesting deeper than the recursion limit, or an integer
    # with more digits than Python converts; one such line must not stop the file.
    except (ValueError, RecursionError) as exc:
        return reject(source, RejectCode.MALFORMED, f"JSON cannot be read: {type(exc).__name__}")
    problem = _problem(record)
    if problem:
        return reject(source, RejectCode.MALFORMED, problem)
    return Article(
        id="",
        text=record["text"].strip(),
        title=_field(record, "title"),
        outlet=_field(record, "outlet"),
        url=_field(record, "url"),
        published=parse_published(published_text(record.get("published")), source),
        source=source,
        language=language_tag(_field(record, "language")),
    )


def bounded_lines(handle: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """Each line of a binary file, or None for a line over `max_bytes`, which is skipped in
    chunks so that one huge line never sits in memory whole."""
    while line := handle.readline(max_bytes + 1):
        if len(line) <= max_bytes or line.endswith(b"\n"):
            yield line
            continue
        while (rest := handle.readline(SKIP_CHUNK)) and not rest.endswith(b"\n"):
            pass
        yield None


def read_jsonl(path: Path, max_line_bytes: int = DEFAULT_MAX_LINE_BYTES) -> Iterator[Article | Rejected]:
    """Drafts or rejections, one per non-blank line, with `source` set to "path:line".
    Streamed line by line, so a corpus of any size is never held in memory."""
    any_line = False
    with path.open("rb") as handle:
        for number, raw in enumerate(bounded_lines(handle, max_line_bytes), start=1):
            source = f"{path}:{number}"
            if raw is None:
                any_line = True
                yield reject(source, RejectCode.TOO_LARGE,
                             f"line is over the limit of {max_line_bytes:,} bytes")
                continue
            line, note = decode_bytes(raw)
            if note:
                LOG.warning("%s: %s", source, note)
            if line.strip():
                any_line = True
                yield parse_jsonl_line(line, source)
    if not any_line:
        yield reject(str(path), RejectCode.EMPTY, "JSON Lines file has no non-blank line")
