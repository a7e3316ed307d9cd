"""Score the date resolver on TimeBank's TIMEX3 dates, read against each document's creation time."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import dateparser

from parallax.errors import EvalDataError
from parallax.extract.dates import resolve_expression
from parallax.schema import DatePrecision

# Gold value shapes, by the granularity they are scored at.
GRANULARITY = (
    ("day", re.compile(r"^\d{4}-\d{2}-\d{2}$")),
    ("week", re.compile(r"^\d{4}-W\d{2}(?:-WE)?$")),
    ("month", re.compile(r"^\d{4}-\d{2}$")),
    ("year", re.compile(r"^\d{4}$")),
)
# What the scores table shows per group. "declined" counts value None: right for a year or a
# PAST_REF; "over_precise" counts a day, week or month given where the gold has none.
REPORTED = {
    "day": ("n", "accuracy", "precision"),
    "day_past": ("n", "accuracy", "precision"),
    "day_ahead": ("n", "accuracy"),
    "week": ("n", "accuracy"),
    "month": ("n", "accuracy", "precision"),
    "year": ("n", "declined", "over_precise"),
    "other": ("n", "declined", "over_precise"),
    "unresolved": ("n", "answered"),
}
UNDATED = frozenset({"year", "other"})  # no day, week or month to find: value None is right
COUNTS = ("n", "answered", "correct", "over_precise", "declined")


@dataclass(frozen=True, slots=True)
class Timex:
    """One gold TIMEX3 of type DATE: its text, its normalised value and the document's date."""

    text: str
    value: str
    published: date


def score_timebank(data_dir: Path, limit: int | None = None) -> dict:
    """Accuracy of resolve_expression per gold granularity (day, week, month), how often it
    declines (value None) on years and on values it does not model (PAST_REF, quarters, seasons),
    and the same counts for dateparser alone (RELATIVE_BASE, PREFER_DATES_FROM='past') as a peer."""
    files = tml_files(data_dir)[:limit]
    ours: dict[str, dict[str, int]] = {}
    peer: dict[str, dict[str, int]] = {}
    skipped = 0
    for path in files:
        try:
            timexes = list(read_timexes(path))
        except EvalDataError:
            skipped += 1
            continue
        for timex in timexes:
            found = resolve_expression(timex.text, timex.published)
            theirs = dateparser_answer(timex.text, timex.published)
            for group in groups_of(timex):
                add(ours.setdefault(group, {}), judge(group, timex.value, found.value, found.precision))
                add(peer.setdefault(group, {}), judge(group, timex.value, theirs, None))
    return {"documents": len(files) - skipped, "skipped_documents": skipped,
            **flatten(summarize(ours), ""), **flatten(summarize(peer), "dateparser_")}


def flatten(summary: dict[str, dict[str, float]], prefix: str) -> dict[str, float]:
    """The REPORTED measures as one flat row ({"day_accuracy": 0.8, ...}) for the scores table;
    a peer's row leaves out the counts of expressions, which are the same as ours."""
    return {f"{prefix}{group}_{key}": summary[group][key] for group, keys in REPORTED.items()
            for key in keys if not (prefix and key == "n")}


def dateparser_answer(text: str, published: date) -> date | None:
    """What dateparser alone makes of the expression, as of the publication date."""
    base = datetime.combine(published, datetime.min.time())
    parsed = dateparser.parse(text, languages=["en"],
                              settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
    return parsed.date() if parsed else None


def tml_files(data_dir: Path) -> list[Path]:
    """The .tml files of `data_dir` or of its TimeBank/ folder."""
    folder = data_dir / "TimeBank" if (data_dir / "TimeBank").is_dir() else data_dir
    files = sorted(folder.glob("*.tml"))
    if not files:
        raise EvalDataError(f"no TimeML (.tml) files in {folder}",
                            "pass the tempeval3_tbaq_timex folder or its TimeBank/ subfolder")
    return files


def read_timexes(path: Path) -> Iterator[Timex]:
    """The DATE TIMEX3s of one document, each with the document creation time."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise EvalDataError(f"{path}: not well-formed XML ({exc})", "skip or repair the file") from exc
    creation = next((t for t in root.iter("TIMEX3")
                     if t.get("functionInDocument") == "CREATION_TIME"), None)
    published = _iso_day(creation.get("value", "")) if creation is not None else None
    if creation is None or published is None:
        raise EvalDataError(f"{path}: no day-level creation time", "skip the file")
    for element in root.iter("TIMEX3"):
        if element is creation or element.get("type") != "DATE":
            continue
        text = " ".join("".join(element.itertext()).split())
        yield Timex(text, element.get("value", ""), published)


def granularity(value: str) -> str:
    """"day", "week", "month", "year"; "unresolved" where the annotators left digits open
    ("1989-WXX": some week, not scored); else "other" (PAST_REF, 1998-Q3, 1998-SU ...)."""
    if re.match(r"^\d{4}-[\dW]*X", value):
        return "unresolved"
    return next((name for name, shape in GRANULARITY if shape.match(value)), "other")


def groups_of(timex: Timex) -> tuple[str, ...]:
    """The timex's granularity; a day also counts as "day_past" (on or before the document date,
    as an event date is) or "day_ahead" (a scheduled date)."""
    group = granularity(timex.value)
    if group != "day":
        return (group,)
    return (group, "day_past" if timex.value <= timex.published.isoformat() else "day_ahead")


def judge(group: str, gold: str, value: date | None,
          precision: DatePrecision | None) -> dict[str, int]:
    """Counts for one expression: n, answered (a value was given), correct, over_precise,
    declined. `precision` None (a peer without precision codes) is not checked."""
    answered = value is not None
    correct = _matches(group, gold, value, precision)
    return {"n": 1, "answered": int(answered), "correct": int(correct),
            "over_precise": int(answered and group in UNDATED), "declined": int(not answered)}


def _matches(group: str, gold: str, value: date | None, precision: DatePrecision | None) -> bool:
    if value is None:
        return group in UNDATED  # declining is right where no day, week or month exists
    if group.startswith("day"):
        return precision in (None, DatePrecision.DAY) and value.isoformat() == gold
    if group == "week":
        year, week, _ = value.isocalendar()
        return precision in (None, DatePrecision.WEEK) and f"{year}-W{week:02d}" == gold[:8]
    if group == "month":
        return precision in (None, DatePrecision.MONTH) and value.isoformat()[:7] == gold
    return False


def add(total: dict[str, int], counts: dict[str, int]) -> None:
    for key, count in counts.items():
        total[key] = total.get(key, 0) + count


def summarize(tallies: dict[str, dict[str, int]]) -> dict[str, dict[str, float]]:
    """Per group: the counts plus accuracy (correct / n) and precision (correct / answered)."""
    result = {}
    for group in REPORTED:
        counts = {key: tallies.get(group, {}).get(key, 0) for key in COUNTS}
        result[group] = {**counts, "accuracy": _ratio(counts["correct"], counts["n"]),
                         "precision": _ratio(counts["correct"], counts["answered"])}
    return result


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


def _iso_day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
