"""The stable codes that say why an input item became a Rejected record instead of an Article."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from enum import StrEnum

from parallax.ingest.decoding import without_surrogates
from parallax.schema import Rejected


class RejectCode(StrEnum):
    FORMAT = "format"  # a file of an input format that holds none (an XML file that is no feed)
    IGNORED = "ignored"  # a file met in a folder walk whose extension is no input format (README.md)
    UNREADABLE = "unreadable"  # the file could not be opened or parsed at all
    MALFORMED = "malformed"  # one item inside a readable file is broken (a bad JSON line)
    EMPTY = "empty"  # no text, or less than settings.min_text_chars
    LANGUAGE = "language"  # detected language is not in settings.languages
    DUPLICATE = "duplicate"  # same normalised text as an article already read in this run
    SIDECAR = "sidecar"  # a .meta.json file that is broken or belongs to no article
    BINARY = "binary"  # the file's bytes are not text (an image, an archive, random bytes)
    TOO_LARGE = "too_large"  # a file or JSON line over settings.max_input_bytes, left unread
    NO_EVENT = "no_event"  # the article is stored, but no event mention was found in it
    EXTRACT_ERROR = "extract_error"  # extraction raised on this article (a bug): not stored, retried
    STORE_ERROR = "store_error"  # its extraction output could not be stored (a bug): not stored, retried


def reject(source: str, code: RejectCode, reason: str) -> Rejected:
    """A Rejected record; `code` is stored as its plain string value. A file name that is not
    valid UTF-8 (held by Python as surrogates) is made storable."""
    return Rejected(source=without_surrogates(source), code=str(code), reason=without_surrogates(reason))


def count_by_code(rejected: Iterable[Rejected]) -> dict[str, int]:
    """How many items were skipped for each reason code, most frequent first."""
    return dict(Counter(item.code for item in rejected).most_common())


def no_event(source: str) -> Rejected:
    """The record for a stored article in which extraction found no event mention."""
    return reject(source, RejectCode.NO_EVENT,
                  "no event mention found (the article is stored; no incident comes from it)")


def extraction_failed(source: str, exc: Exception) -> Rejected:
    """The record for an article whose extraction raised: the exception names the bug."""
    where = exc.__traceback__
    while where is not None and where.tb_next is not None:
        where = where.tb_next
    place = f" at {where.tb_frame.f_code.co_filename.rsplit('/', 1)[-1]}:{where.tb_lineno}" if where else ""
    return reject(source, RejectCode.EXTRACT_ERROR,
                  f"extraction raised {type(exc).__name__}{place}: {exc}; the article is not stored")


def storing_failed(source: str, exc: Exception) -> Rejected:
    """The record for an article whose extraction output the database refused."""
    return reject(source, RejectCode.STORE_ERROR,
                  f"its records could not be stored ({type(exc).__name__}: {exc}); the article is not stored")

