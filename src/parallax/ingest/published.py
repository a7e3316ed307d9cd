"""Read publication dates in the forms feeds, pages and users write them, as naive UTC datetimes."""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

import dateparser

LOG = logging.getLogger(__name__)
PLAUSIBLE_YEARS = range(1000, 3000)

# Relative parsers are left out: "yesterday" in metadata would silently become the day we ran.
DATEPARSER_SETTINGS = {
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "TO_TIMEZONE": "UTC",
}


def to_naive_utc(moment: datetime) -> datetime:
    """Aware datetimes are converted to UTC; naive ones are taken to be UTC already."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(timezone.utc).replace(tzinfo=None)


def _strict_parse(value: str) -> datetime | None:
    """ISO 8601 or RFC 822 (the forms nearly all metadata uses), without dateparser's cost."""
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None


def parse_published(value: str, source: str = "", warn: bool = True) -> datetime | None:
    """The date in `value`, or None (logged unless not `warn`) when it cannot be read: the article
    is kept anyway."""
    value = value.strip()
    if not value:
        return None
    moment = _utc_or_none(_strict_parse(value) or dateparser.parse(value, settings=DATEPARSER_SETTINGS))
    if moment is None and warn:
        LOG.warning("%s: publication date %r not understood; kept the article without a date",
                    source or "input", value)
    return moment


def published_text(value: object) -> str:
    """A metadata value as the text `parse_published` reads: a JSON number is a Unix timestamp
    (seconds or milliseconds, which dateparser's timestamp parser tells apart)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return repr(value)
    return value if isinstance(value, str) else ""


def _utc_or_none(moment: datetime | None) -> datetime | None:
    # 9999-12-31T23:59-14:00 is a valid ISO date whose UTC time falls past the year 9999; and
    # 0001-01-01 or 9999-12-31 is a system's placeholder for "no date", not when news appeared.
    try:
        moment = None if moment is None else to_naive_utc(moment)
    except OverflowError:
        return None
    return moment if moment is not None and moment.year in PLAUSIBLE_YEARS else None
