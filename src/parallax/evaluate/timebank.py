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
from parallax.extract.date_lexicon import load_date_lexicon
from parallax.extract.date_values import document_timex_values
from parallax.extract.dates import is_future, is_untensed, resolve_expression
from parallax.nlp.pipeline import load_nlp
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
    """One gold TIMEX3 of type DATE: its text, its normalised value, the document's date and
    where the expression is in the document's text."""

    text: str
    value: str
    published: date
    start: int = 0
    end: int = 0


def score_timebank(data_dir: Path, limit: int | None = None) -> dict:
    """Accuracy of resolve_expression per gold granularity (day, week, month), how often it
    declines (value None) on years and on values it does not model (PAST_REF, quarters, seasons),
    and the same counts for dateparser alone (RELATIVE_BASE, PREFER_DATES_FROM='past') as a peer."""
    files = tml_files(data_dir)[:limit]
    ours: dict[str, dict[str, int]] = {}
    peer: dict[str, dict[str, int]] = {}
    values: dict[str, list[int]] = {}
    documents = readable_documents(files)
    for timexes, futures in timexes_with_tense(documents):
        for timex, future in zip(timexes, futures):
            found = resolve_expression(timex.text, timex.published, future=future[0], nearest=future[1])
            theirs = dateparser_answer(timex.text, timex.published)
            for group in groups_of(timex):
                add(ours.setdefault(group, {}), judge(group, timex.value, found.value, found.precision))
                add(peer.setdefault(group, {}), judge(group, timex.value, theirs, None))
        published = timexes[0].published if timexes else None
        given = document_timex_values([(t.text, *f) for t, f in zip(timexes, futures)], published) if timexes else []
        for timex, value in zip(timexes, given):
            values.setdefault(granularity(timex.value), []).append(int(value == timex.value))
    return {"documents": len(documents), "skipped_documents": len(files) - len(documents),
            **value_accuracy(values), **flatten(summarize(ours), ""), **flatten(summarize(peer), "dateparser_")}


def value_accuracy(values: dict[str, list[int]]) -> dict[str, float]:
    """The share of all DATE expressions whose TIMEX3 value we give exactly (the issue's goal),
    overall and per gold granularity."""
    every = [right for group in values.values() for right in group]
    scores = {"value_accuracy": _ratio(sum(every), len(every)), "value_n": len(every)}
    scores |= {f"value_accuracy_{group}": _ratio(sum(v), len(v)) for group, v in sorted(values.items())}
    return scores


def readable_documents(files: list[Path]) -> list[tuple[str, list[Timex]]]:
    """(text, DATE timexes) of each file that has a day-level creation time; others skipped."""
    documents = []
    for path in files:
        try:
            documents.append(read_document(path))
        except EvalDataError:
            continue
    return documents


def timexes_with_tense(documents: list[tuple[str, list[Timex]]]) -> Iterator[tuple[list[Timex], list[tuple[bool, bool]]]]:
    """Per document, its timexes and, for each, whether the verb it hangs from is in the future
    tense and whether no past tense ties it back, from the same parse and rules the pipeline
    uses (dates.is_future, dates.is_untensed)."""
    lexicon = load_date_lexicon()
    texts = (text for text, _ in documents)
    for doc, (_, timexes) in zip(load_nlp().pipe(texts, batch_size=16), documents):
        spans = [doc.char_span(t.start, t.end, alignment_mode="expand") for t in timexes]
        yield timexes, [(is_future(span, lexicon), is_untensed(span, lexicon)) if span is not None and len(span)
                        else (False, False) for span in spans]


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
    """The .tml files of `data_dir` or of its TimeBank/ folder, or `data_dir` itself when it is one."""
    if data_dir.is_file():
        return [data_dir]
    folder = data_dir / "TimeBank" if (data_dir / "TimeBank").is_dir() else data_dir
    files = sorted(folder.glob("*.tml"))
    if not files:
        raise EvalDataError(f"no TimeML (.tml) files in {folder}",
                            "pass the tempeval3_tbaq_timex folder or its TimeBank/ subfolder")
    return files


def read_timexes(path: Path) -> Iterator[Timex]:
    """The DATE TIMEX3s of one document, each with the document creation time."""
    yield from read_document(path)[1]


def read_document(path: Path) -> tuple[str, list[Timex]]:
    """The text of a document's TEXT element and its DATE TIMEX3s with their offsets in it."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise EvalDataError(f"{path}: not well-formed XML ({exc})", "skip or repair the file") from exc
    creation = next((t for t in root.iter("TIMEX3")
                     if t.get("functionInDocument") == "CREATION_TIME"), None)
    published = _iso_day(creation.get("value", "")) if creation is not None else None
    if creation is None or published is None:
        raise EvalDataError(f"{path}: no day-level creation time", "skip the file")
    body = root.find("TEXT")
    pieces: list[str] = []
    found: list[Timex] = []
    _walk(body if body is not None else root, pieces, found, published, creation)
    return "".join(pieces), found


def _walk(element: ET.Element, pieces: list[str], found: list[Timex], published: date,
          creation: ET.Element) -> None:
    start = sum(map(len, pieces))
    pieces.append(element.text or "")
    for child in element:
        _walk(child, pieces, found, published, creation)
        pieces.append(child.tail or "")
    if element.tag == "TIMEX3" and element is not creation and element.get("type") == "DATE":
        text = "".join(pieces)[start:]
        found.append(Timex(" ".join(text.split()), element.get("value", ""), published, start, start + len(text)))


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
