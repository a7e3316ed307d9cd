"""The sentence cues reconciliation reads (warnings, kinds of victims), from data/reconcile_cues.tsv."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from parallax.errors import DataFileError
from parallax.knowledge import read_table
from parallax.schema import EventMention, Span


_BOUNDARY = re.compile(r"(?<=[.!?])[”\"’]?\s+(?=[A-Z“\"])|\n\s*\n")


@dataclass(frozen=True, slots=True)
class Cue:
    kind: str
    value: str
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class CueHit:
    """A cue found in one report: what it says and where (the matched words)."""

    kind: str
    value: str
    span: Span


@lru_cache(maxsize=4)
def load_cues(override_dir: str = "") -> tuple[Cue, ...]:
    cues = []
    for row in read_table("reconcile_cues.tsv", override_dir):
        try:
            cues.append(Cue(row["kind"], row["value"], re.compile(row["pattern"], re.IGNORECASE)))
        except (KeyError, re.error) as exc:
            raise DataFileError(f"reconcile_cues.tsv: bad row {row}: {exc}",
                                "give kind, value and a valid regular expression") from exc
    return tuple(cues)


def sentences_of(mentions: list[EventMention]) -> list[Span]:
    """Each sentence once, with offsets of the sentence itself inside the article (estimated from
    the span it was stored with)."""
    seen: dict[str, Span] = {}
    for mention in mentions:
        for span in mention.sentences:
            sentence = span.sentence or span.text
            if sentence and sentence not in seen:
                start = span.start - max(sentence.find(span.text), 0)
                seen[sentence] = Span(span.article_id, start, start + len(sentence), sentence, sentence)
    return list(seen.values())


def find_cues(mentions: list[EventMention], kind: str, cues: tuple[Cue, ...] | None = None) -> list[CueHit]:
    """Cues of one kind in the reports' sentences, in reading order, the first match per sentence."""
    hits = []
    for sentence in sentences_of(mentions):
        for cue in (c for c in (cues or load_cues()) if c.kind == kind):
            if found := cue.pattern.search(sentence.text):
                start = sentence.start + found.start()
                hits.append(CueHit(kind, cue.value, Span(sentence.article_id, start,
                                                         sentence.start + found.end(), found.group(0),
                                                         _sentence_around(sentence.text, found.start()))))
                break
    return hits


def _sentence_around(text: str, at: int) -> str:
    """The one sentence of `text` holding offset `at` (stored sentences can run to a paragraph)."""
    begin = 0
    for boundary in _BOUNDARY.finditer(text):
        if boundary.start() >= at:
            return text[begin:boundary.start()].strip()
        begin = boundary.end()
    return text[begin:].strip()


@lru_cache(maxsize=4096)
def victim_kind(text: str, cues: tuple[Cue, ...] | None = None) -> str:
    """ "civilians" or "combatants" for a victim group's words; "" when neither is told."""
    if not text:
        return ""
    kinds = {c.value for c in (cues or load_cues()) if c.kind == "victims" and c.pattern.search(text)}
    return kinds.pop() if len(kinds) == 1 else ""


_NAME = r"[A-Z][\w’'\-]*(?:\s+(?:of\s+)?[A-Z][\w’'\-]*)*"
_SPEAKER_PATTERNS = (
    re.compile(r"\b(?i:according to) (?:the |a )?((?:[\w\-]+\s+){0,3}?" + _NAME + r"(?:\s+[a-z]+){0,2}?)(?:’s|'s|,|\.|$| statement| sources? said)"),
    re.compile(r"^\W*((?:the\s+)?[\w\-’']+(?:\s+[\w\-’']+){0,3}?)\s+(?:said|says|told|stated|claimed|insisted)\b",
               re.IGNORECASE),
    re.compile(r"(" + _NAME + r")\s+(?:said|says|told|stated|claimed|added)\b"),
    # a closing attribution: "..., killing 14 civilians, the Sudanese army said in a statement."
    re.compile(r",\s+((?:the\s+|a\s+)?[\w\-’']+(?:\s+[\w\-’']+){0,3}?)\s+(?:said|says|told|stated|claimed)\b"
               r"[^,]*$", re.IGNORECASE),
    re.compile(r"(" + _NAME + r"\s+" + _NAME + r")"),
)


def speaker_of(sentence: str, mentions: list[EventMention]) -> str:
    """Who a sentence quotes: a claim's speaker in it, else 'according to X' or 'X said', else ""."""
    for mention in mentions:
        for claim in mention.claims:
            if claim.speaker and claim.span.sentence == sentence:
                return claim.speaker.name
    for pattern in _SPEAKER_PATTERNS:
        if found := pattern.search(sentence):
            return found.group(1).strip()
    return ""
