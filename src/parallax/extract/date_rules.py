"""The rules that turn one date expression into a calendar date and an ACLED time precision."""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser

from parallax.extract.date_lexicon import DateLexicon, Unit, alternation, parse_count, unit_of
from parallax.schema import DatePrecision, EventDate

# What an expression denotes; only a "point" can be an event's date.
POINT, PERIOD, DURATION, YEAR, NONE = "point", "period", "duration", "year", "none"


@dataclass(frozen=True, slots=True)
class Context:
    """What an expression is resolved against."""

    published: date | None
    anchor: date | None
    future: bool
    lexicon: DateLexicon
    nearest: bool = False  # no past tense ties the date back: a yearless date is the nearer one


@dataclass(frozen=True, slots=True)
class Reading:
    """A resolved expression and what kind of time it names (POINT, PERIOD, DURATION, ...)."""

    kind: str
    date: EventDate


@dataclass(frozen=True, slots=True)
class Patterns:
    """The compiled expressions of one lexicon, in the order the rules try them."""

    period: re.Pattern[str]
    day_word: re.Pattern[str]
    relative: re.Pattern[str]
    anchored: re.Pattern[str]
    month_day: re.Pattern[str]
    day_month: re.Pattern[str]
    iso: re.Pattern[str]
    numeric: re.Pattern[str]
    month_year: re.Pattern[str]
    weekday: re.Pattern[str]
    week: re.Pattern[str]
    month_phrase: re.Pattern[str]
    named_month: re.Pattern[str]
    year: re.Pattern[str]
    duration: re.Pattern[str]


@lru_cache(maxsize=8)
def patterns_for(lex: DateLexicon) -> Patterns:
    """Compile the rule patterns once per lexicon."""
    num, unit, month, wd = lex.number_re, lex.unit_re, lex.month_re, lex.weekday_re
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    year = r"(?:,?\s+(?P<year>\d{4}))?"
    rel = r"(?:(?P<rel>this past|this coming|this|last|next|previous|coming|past|following|the)\s+)"
    mod = r"(?:(?P<mod>earlier|later|early|late|mid)\s+(?:in\s+)?)?"
    return Patterns(
        period=re.compile(rf"^(?:{alternation(lex.periods)})\b"),
        day_word=re.compile(rf"\b(?P<word>{alternation(lex.day_words)})\b"),
        relative=re.compile(rf"\b(?:(?P<num>{num})\s+)?(?P<unit>{unit})\s+(?:or so\s+)?"
                            r"(?P<dir>ago|earlier|later|before|after|from now|hence)\b"),
        anchored=re.compile(rf"\b(?P<word>{alternation(lex.anchored_days)})\b"),
        month_day=re.compile(rf"\b(?P<month>{month})\s+{day}{year}\b"),
        day_month=re.compile(rf"\b(?:the\s+)?{day}\s+(?:of\s+)?(?P<month>{month}){year}\b"),
        iso=re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b"),
        numeric=re.compile(r"\b\d{1,4}[/.]\d{1,2}[/.]\d{2,4}\b"),
        month_year=re.compile(rf"\b(?P<month>{month})\s+(?:of\s+)?(?P<year>\d{{4}})\b"),
        weekday=re.compile(rf"\b{rel}?(?P<weekday>{wd})\b"),
        week=re.compile(rf"\b{mod}{rel}(?P<what>week|weekend)\b"),
        month_phrase=re.compile(rf"\b{mod}{rel}month\b"),
        named_month=re.compile(rf"\b{mod}{rel}?(?P<month>{month})(?:\s+(?P<yrel>last|this|next)\s+year)?\b"),
        year=re.compile(r"(?:\b(?:this|last|next|previous|coming|the|that)\s+year"
                        r"|\b(?:1[5-9]|20)\d{2}s?|'\d0s)\b"),
        duration=re.compile(rf"\b(?:{num}\s+)?{unit}\b"),
    )


def normalize(text: str) -> str:
    """Lower case, straight apostrophes, no possessive "'s", "mid-May" -> "mid may", one space."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"(?<=[a-z])-(?=[a-z0-9])|(?<=[0-9])-(?=[a-z])", " ", text)
    return " ".join(text.split()).strip(" ,;:")


# ---- calendar arithmetic -------------------------------------------------------------------

def add_months(day: date, months: int) -> date:
    """The same day of the month `months` later (clipped to the month's last day)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


def middle(first: date, last: date) -> date:
    """The representative day of a range: its middle, rounded towards the start."""
    return first + timedelta(days=max((last - first).days, 0) // 2)


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def infer_year(month: int, day: int, published: date, future: bool, nearest: bool = False) -> date | None:
    """A day-and-month without a year: in the publication year, unless that lands on the wrong
    side of the publication date (a later month in a past-tense story is last year's); with
    `nearest`, whichever of last year's, this year's and next year's is closest."""
    if nearest and not future:
        found = [d for d in (safe_date(published.year + k, month, day) for k in (-1, 0, 1)) if d]
        return min(found, key=lambda d: abs((d - published).days), default=None)
    if future:
        candidate = safe_date(published.year, month, day)
        if candidate and candidate < published:
            return safe_date(published.year + 1, month, day)
        return candidate
    year = published.year - 1 if month > published.month else published.year
    return safe_date(year, month, day)


def month_value(year: int, month: int, ctx: Context) -> date:
    """A month-precision date is the 15th, but never after a past-tense story's publication."""
    value = date(year, month, 15)
    if ctx.published and not ctx.future and value > ctx.published:
        return max(ctx.published, date(year, month, 1))
    return value


# ---- EventDate builders --------------------------------------------------------------------

def point(value: date | None, precision: DatePrecision, weekday: str = "") -> Reading:
    if value is None:
        return Reading(POINT, EventDate(None, DatePrecision.UNKNOWN, weekday=weekday))
    return Reading(POINT, EventDate(value, precision, weekday=weekday))


def unknown(kind: str) -> Reading:
    return Reading(kind, EventDate(None, DatePrecision.UNKNOWN))


# ---- the rules -----------------------------------------------------------------------------

Rule = Callable[[str, Context, Patterns], "Reading | None"]


def period_rule(text: str, ctx: Context, pats: Patterns) -> Reading | None:
    """"since 2011", "until Friday": a span of time, not the date of an event."""
    return unknown(PERIOD) if pats.period.search(text) else None


def day_word_rule(text: str, ctx: Context, pats: Patterns) -> Reading | None:
    """"yesterday", "last night", "today": days from the publication date."""
    found = pats.day_word.search(text)
    if not found:
        return None
    if ctx.published is None:
        return point(None, DatePrecision.DAY)
    offset = ctx.lexicon.day_words[found["word"]]
    return point(ctx.published + timedelta(days=offset), DatePrecision.DAY)


def _offset_precision(unit: Unit, vague: bool) -> DatePrecision:
    """"ten days ago" is a day, "two weeks ago" a week, "a few days ago" a week (the unit's
    precision, one step coarser when the count is vague)."""
    if unit.months:
        return DatePrecision.MONTH
    if unit.days == 0:
        return DatePrecision.DAY  # "hours later" stays within the day, near enough
    if unit.days >= 7:
        return DatePrecision.MONTH if vague else DatePrecision.WEEK
    return DatePrecision.WEEK if vague else DatePrecision.DAY


def relative_rule(text: str, ctx: Context, pats: Patterns) -> Reading | None:
    """"two days ago" counts from the publication date; "two days earlier" from the anchor."""
    found = pats.relative.search(text)
    if not found:
        return None
    unit = unit_of(found["unit"], ctx.lexicon)
    count = parse_count(found["num"], ctx.lexicon) if found["num"] else None
    if unit is None or (found["num"] and count is None):
        return None
    if unit.months >= 12:
        return unknown(YEAR)
    plural = found["unit"].endswith("s")
    steps, vague = (count.value, count.vague) if count else ((3, True) if plural else (1, False))
    ref = ctx.published if found["dir"] in ("ago", "from now", "hence") else ctx.anchor
    if ref is None:
        return point(None, DatePrecision.DAY)
    sign = -1 if found["dir"] in ("ago", "earlier", "before") else 1
    if unit.months:
        return point(add_months(ref, sign * steps * unit.months), DatePrecision.MONTH)
    days = steps * unit.days if unit.days else steps // 24  # hours: the same day, or whole days
    return point(ref + timedelta(days=sign * days), _offset_precision(unit, vague))


def anchored_rule(text: str, ctx: Context, pats: Patterns) -> Reading | None:
    """"the next day", "the day before": days from the previously resolved event date."""
    found = pats.anchored.search(text)
    if not found:
        return None
    if ctx.anchor is None:
        return point(None, DatePrecision.DAY)
    return point(ctx.anchor + timedelta(days=ctx.lexicon.anchored_days[found["word"]]),
                 DatePrecision.DAY)


def _month_number(word: str, lex: DateLexicon) -> int:
    return lex.months[word.rstrip(".")]


def _day_month(found: re.Match[str], ctx: Context, month: int) -> Reading:
    day = int(found["day"])
    if found["year"]:
        return point(safe_date(int(found["year"]), month, day), DatePrecision.DAY)
    if ctx.published is None:
        return point(None, DatePrecision.DAY)  # no year and nothing to take it from
    return point(infer_year(month, day, ctx.published, ctx.future, ctx.nearest), DatePrecision.DAY)


def calendar_date_rule(text: str, ctx: Context, pats: Patterns) -> Reading | None:
    """"April 6", "6 April 2017", "the 4th of May", "2017-05-04"."""
    iso = pats.iso.search(text)
    if iso:
        return point(safe_date(int(iso["year"]), int(iso["month"]), int(iso["day"])), DatePrecision.DAY)
    for pattern in (pats.month_day, pats.day_month):
        found = pattern.search(text)
        if found:
            return _day_month(found, ctx, _month_number(found["month"], ctx.lexicon))
    return None


def numeric_date_rule(text: str, ctx: Context, pats: Patterns) -> Reading | None:
    """"18/05/2017": dateparser reads the digits (strictly: day, month and year must be there)."""
    found = pats.numeric.search(text)
    if not found:
        return None
    settings = {"STRICT_PARSING": True, "PREFER_DATES_FROM": "past"}
    if ctx.published:
        settings["RELATIVE_BASE"] = datetime.combine(ctx.published, datetime.min.time())
    parsed = dateparser.parse(found.group(0), languages=["en"], settings=settings)
    return point(parsed.date(), DatePrecision.DAY) if parsed else None


def month_year_rule(text: str, ctx: Context, pats: Patterns) -> Reading | None:
    """"March 2011", "May of 2017": month precision."""
    found = pats.month_year.search(text)
    if not found:
        return None
    month = _month_number(found["month"], ctx.lexicon)
    return point(month_value(int(found["year"]), month, ctx), DatePrecision.MONTH)


BACKWARD = frozenset({"last", "previous", "past", "this past"})
FORWARD = frozenset({"next", "coming", "this coming", "following"})


def weekday_date(published: date, target: int, rel: str | None, future: bool) -> date:
    """A bare weekday is the most recent one on or before publication (the same day if it is that
    day); "last" goes strictly back, "next" strictly forward, and a future-tense verb forward."""
    back = (published.weekday() - target) % 7
    ahead = (target - published.weekday()) % 7
    if rel in BACKWARD:
        return published - timedelta(days=back or 7)
    if rel in FORWARD:
        return published + timedelta(days=ahead or 7)
    return published + timedelta(days=ahead) if future else published - timedelta(days=back)


def weekday_rule(text: str, ctx: Context, pats: Patterns) -> Reading | None:
    """"Thursday", "last Thursday", "late Monday", "on Tuesday night"."""
    found = pats.weekday.search(text)
    if not found:
        return None
    name = found["weekday"].capitalize()
    if ctx.published is None:
        return point(None, DatePrecision.DAY, weekday=name)
    target = ctx.lexicon.weekdays[found["weekday"]]
    return point(weekday_date(ctx.published, target, found["rel"], ctx.future), DatePrecision.DAY, name)


def week_range(published: date, rel: str | None, mod: str | None, future: bool) -> tuple[date, date]:
    """The days an ISO-week phrase can cover, cut at publication for what has already happened."""
    monday = published - timedelta(days=published.weekday())
    shift = -7 if rel in BACKWARD - {"this past"} else 7 if rel in FORWARD else 0
    first, last = monday + timedelta(days=shift), monday + timedelta(days=shift + 6)
    if mod == "early":
        last = first + timedelta(days=2)
    elif mod == "late":
        first = first + timedelta(days=4)
    if shift == 0 and mod == "earlier":
        last = max(first, published - timedelta(days=1))
    elif shift == 0 and mod == "later":
        first = min(last, published + timedelta(days=1))
    elif shift == 0 and not future:
        last = min(last, published)
    return first, last


def weekend_saturday(published: date, rel: str | None, future: bool) -> date:
    """The Saturday of the weekend meant: the latest one begun by publication, unless pointed
    forward ("next weekend", a future-tense verb) or back a week ("last weekend" said on a weekend)."""
    latest = published - timedelta(days=(published.weekday() - 5) % 7)
    upcoming = published + timedelta(days=(5 - published.weekday()) % 7)
    if rel in FORWARD or (future and rel not in BACKWARD):
        return upcoming if published.weekday() < 5 else latest + timedelta(days=7)
    if rel in ("last", "previous") and published.weekday() >= 5:
        return latest - timedelta(days=7)
    return latest


def week_rule(text: str, ctx: Context, pats: Patterns) -> Reading | None:
    """"this week", "earlier this week", "late last week", "over the weekend": week precision."""
    found = pats.week.search(text)
    if not found or (found["what"] == "week" and found["rel"] in ("the", "past")):
        return None  # "the past week" is a duration
    if ctx.published is None:
        return point(None, DatePrecision.WEEK)
    if found["what"] == "weekend":
        return point(weekend_saturday(ctx.published, found["rel"], ctx.future), DatePrecision.WEEK)
    first, last = week_range(ctx.published, found["rel"], found["mod"], ctx.future)
    return point(middle(first, last), DatePrecision.WEEK)


def month_phrase_rule(text: str, ctx: Context, pats: Patterns) -> Reading | None:
    """"this month", "earlier this month", "last month": month precision."""
    found = pats.month_phrase.search(text)
    if not found or found["rel"] in ("the", "past"):
        return None
    if ctx.published is None:
        return point(None, DatePrecision.MONTH)
    shift = -1 if found["rel"] in BACKWARD - {"this past"} else 1 if found["rel"] in FORWARD else 0
    first = add_months(ctx.published.replace(day=1), shift)
    value = month_value(first.year, first.month, ctx)
    if shift == 0 and found["mod"] == "earlier":
        value = max(first, min(value, ctx.published - timedelta(days=1)))
    return point(value, DatePrecision.MONTH)


def named_month_year(month: int, published: date, rel: str | None, yrel: str | None,
                     future: bool, nearest: bool = False) -> int:
    """The year of "May", "last May", "May last year" in a story published on `published`."""
    if yrel:
        return published.year + {"last": -1, "this": 0, "next": 1}[yrel]
    if rel in BACKWARD:
        return published.year if month < published.month else published.year - 1
    if rel in FORWARD:
        return published.year if month > published.month else published.year + 1
    if rel == "this":
        return published.year
    if nearest and not future:  # "payable in January" in October: the coming one
        return min((published.year + k for k in (-1, 0, 1)),
                   key=lambda y: abs((y - published.year) * 12 + month - published.month))
    if future:
        return published.year + 1 if month < published.month else published.year
    return published.year - 1 if month > published.month else published.year


def named_month_rule(text: str, ctx: Context, pats: Patterns) -> Reading | None:
    """"in May", "last May", "mid-May", "May last year": month precision."""
    found = pats.named_month.search(text)
    if not found:
        return None
    if ctx.published is None:
        return point(None, DatePrecision.MONTH)
    month = _month_number(found["month"], ctx.lexicon)
    year = named_month_year(month, ctx.published, found["rel"], found["yrel"], ctx.future, ctx.nearest)
    return point(month_value(year, month, ctx), DatePrecision.MONTH)


def year_rule(text: str, ctx: Context, pats: Patterns) -> Reading | None:
    """"in 2011", "last year", "the 1990s": too coarse to date an event."""
    return unknown(YEAR) if pats.year.search(text) else None


def duration_rule(text: str, ctx: Context, pats: Patterns) -> Reading | None:
    """"for over a year", "in less than six weeks", "the past week": a length, not a date."""
    return unknown(DURATION) if pats.duration.search(text) else None


RULES: tuple[Rule, ...] = (
    period_rule, day_word_rule, relative_rule, anchored_rule, calendar_date_rule,
    numeric_date_rule, month_year_rule, weekday_rule, week_rule, month_phrase_rule,
    named_month_rule, year_rule, duration_rule,
)


def read_expression(text: str, ctx: Context) -> Reading:
    """The first rule that recognises `text` decides; nothing recognised is NONE (e.g. "16:30")."""
    normalized, pats = normalize(text), patterns_for(ctx.lexicon)
    for rule in RULES:
        try:
            reading = rule(normalized, ctx, pats)
        # Counting past the calendar's edge ("99999999999 days ago", "yesterday" as of 1 January
        # of year 1): the expression is a date, but not one that can be known.
        except (OverflowError, ValueError):
            return point(None, DatePrecision.DAY)
        if reading is not None:
            return reading
    return unknown(NONE)
