"""Sentence starts the parser cannot see, set before it runs: a paragraph break and the end of a wire
dateline each open a sentence. spaCy's parser keeps boundaries set before it, so a headline line
("Shots fired, one dead") is not read as the subject of the next paragraph, and in "OUAGADOUGOU, Nov. 17
(Wire) - The army killed at least 15 ..." the verb "killed" stays the root, not a participle of the agency.

A blank line is a paragraph break wherever it stands. A single line break is one only when the line
before ends a sentence or is short and the next opens with a capital: plain text wrapped at a fixed
width keeps its sentences whole, and a page's text from trafilatura (one paragraph per line) is split."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from parallax.ingest.dateline import find_dateline

BLANK_LINE = re.compile(r"\n[ \t\r]*\n\s*")
LINE_BREAK = re.compile(r"(?P<line>[^\n]*)\n[ \t\r]*(?=\S)")
SENTENCE_END = re.compile(r"""[.!?…:;"”’')\]]\s*$""")
OPENS = re.compile(r"[A-Z0-9\"“‘'(]")
SHORT_LINE = 60  # characters: a headline or a label, not a line of wrapped prose


def paragraph_starts(text: str) -> list[int]:
    """Offsets where a paragraph opens: the text's start, after each blank line, and after each
    single line break that ends a sentence or a short line."""
    starts = {len(text) - len(text.lstrip())}
    starts.update(match.end() for match in BLANK_LINE.finditer(text))
    for match in LINE_BREAK.finditer(text):
        line, after = match["line"].rstrip(), match.end()
        if SENTENCE_END.search(line) or (len(line.strip()) < SHORT_LINE and OPENS.match(text, after)):
            starts.add(after)
    return sorted(start for start in starts if start < len(text))


def sentence_starts(text: str) -> set[int]:
    """Character offsets that open a sentence: paragraph starts and the first word after a dateline
    ("BAGHDAD (Reuters) -") that opens a paragraph."""
    starts = set(paragraph_starts(text))
    for start in list(starts):
        _, past = find_dateline(text[start:start + 200])
        if past:
            starts.add(start + past)
    return starts


@Language.component("parallax_sentence_starts")
def mark_sentence_starts(doc: Doc) -> Doc:
    """Marks the first token at each of `sentence_starts(doc.text)` as a sentence start."""
    starts = sentence_starts(doc.text)
    for token in doc[1:]:
        if token.idx in starts and not token.is_space:
            token.is_sent_start = True
    return doc
