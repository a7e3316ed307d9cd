"""Find the newsroom dateline ("BEIRUT (Reuters) -") that opens a wire report's body."""

from __future__ import annotations

import re

_WORD = r"[^\W\d_]+(?:['’\-][^\W\d_]+)*\.?"
_PLACE = rf"{_WORD}(?:[ ]{_WORD}){{0,3}}"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DAY = rf"(?:{_MONTH}[ ]\d{{1,2}}(?:,?[ ]\d{{4}})?|\d{{1,2}}[ ]{_MONTH}(?:[ ]\d{{4}})?)"

DATELINE = re.compile(
    rf"""\A\s*
    (?P<places>{_PLACE}(?:[ ]?/[ ]?{_PLACE}){{0,3}})
    (?:,[ ](?!{_MONTH}\b)(?P<region>{_PLACE}))?
    (?:,?[ ](?P<date>{_DAY}))?
    (?:[ ]?\((?P<agency>[^\W\d_][\w.&'’ -]{{0,30}})\))?
    [ ]?(?P<dash>--|-(?=\s)|[–—:])\s*
    """,
    re.VERBOSE | re.IGNORECASE,
)
MAX_DATELINE_CHARS = 100


def _shouts(place: str) -> bool:
    """All capitals and three letters or more: the wire convention, not an acronym like "US"."""
    return place.isupper() and sum(ch.isalpha() for ch in place) >= 3


def _looks_like_agency(agency: str | None) -> bool:
    """"(Reuters)", "(AP)", "(dpa)": a short name, so "(in a statement)" is not taken for one."""
    if not agency:
        return False
    words = agency.split()
    return len(words) <= 3 and (agency[0].isupper() or len(words) == 1)


def _is_dateline(match: re.Match[str], places: list[str]) -> bool:
    """Ordinary sentences can start with "Word -": demand the marks only datelines carry."""
    if match.end() > MAX_DATELINE_CHARS:
        return False
    if match["dash"] == ":":
        return all(_shouts(place) for place in places)
    marked = _looks_like_agency(match["agency"]) or bool(match["date"]) or len(places) > 1
    return marked or any(_shouts(place) for place in places)


def _display(place: str) -> str:
    """Capitalise each word of an all-caps or all-lowercase name; keep a name already mixed-case."""
    if not (place.isupper() or place.islower()):
        return place
    words = re.split(r"([ \-])", place)
    return "".join(word[:1].upper() + word[1:].lower() for word in words)


def find_dateline(text: str) -> tuple[str, int]:
    """(newsroom place(s), offset just past the dateline's dash and spaces), or ("", 0) if none."""
    match = DATELINE.match(text)
    if match is None:
        return "", 0
    places = [p.strip() for p in match["places"].split("/")]
    if not _is_dateline(match, places):
        return "", 0
    name = "/".join(_display(place) for place in places)
    if match["region"]:
        name = f"{name}, {_display(match['region'])}"
    return name, match.end()


def shouted_newsrooms(text: str) -> list[tuple[int, int]]:
    """Character spans of the newsroom towns of a dateline opening `text` when every one is in
    capitals ("ROSWELL -", "BAGHDAD (AP) —", "TBILISI, Georgia --"): the mark of a dateline
    inside a text (a headline run into its story), where a mixed-case "Albany —" may open a sentence."""
    match = DATELINE.match(text)
    if match is None:
        return []
    parts = match["places"].split("/")
    if not _is_dateline(match, [p.strip() for p in parts]) or not all(_shouts(p.strip()) for p in parts):
        return []
    spans, start = [], match.start("places")
    for part in parts:
        lead = len(part) - len(part.lstrip())
        spans.append((start + lead, start + lead + len(part.strip())))
        start += len(part) + 1
    return spans
