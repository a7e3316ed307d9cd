"""Blank the paragraphs no extractor can use before parsing, so the parse costs what extraction needs.

A paragraph is kept when it holds an event trigger (a form of a word of event_triggers.tsv, noun
triggers in their noun forms only; all the words of a multi-word trigger) or any form of a casualty
word of claim_terms.tsv; the first three are always kept (dateline, lede, and the town news copy
names early, which places fall back on). Every other
paragraph becomes spaces of the same length, so character offsets, and therefore every Span, are
those of the article's own text, and spaCy parses a run of spaces as one whitespace token.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, is_dataclass, replace
from enum import Enum
from typing import TypeVar

from parallax.extract.claim_lexicon import ClaimLexicon
from parallax.extract.trigger_lexicon import TriggerLexicon
from parallax.knowledge import read_table
from parallax.schema import Span

WORD = re.compile(r"[a-z]+")
PARAGRAPH = re.compile(r"[^\n]+")
LEAD_PARAGRAPHS = 3  # 1 lost 0.011 GVA B-cubed F1 (towns named only early); 3 loses 0.003
VOWELS = frozenset("aeiou")
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Cues:
    """The word forms that make a paragraph worth parsing."""

    words: frozenset[str]  # every form of a one-word trigger or casualty word
    phrases: tuple[tuple[frozenset[str], frozenset[str]], ...]  # (other words, forms of the head)
    claim_words: frozenset[str]  # every form of a casualty word, and the headline reader's words


def regular_forms(lemma: str) -> set[str]:
    """The forms English spelling rules make from a lemma, whatever its part of speech (claim
    words are matched by lemma or text under any tag; over-generating only costs parse time)."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing", lemma + "er"}
    if lemma.endswith("e"):
        forms |= {lemma[:-1] + "ing", lemma[:-1] + "ed"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] not in VOWELS | set("wxy") and lemma[-2] in VOWELS \
            and lemma[-3] not in VOWELS:
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # stop -> stopped
    return forms


def noun_forms(lemma: str) -> set[str]:
    """The forms a noun trigger is matched in (event_type.token_keys: lemma, text, naive
    singular; the lemmatizer's noun rules): no -ing or -ed, so the peace-deal trigger "accord"
    does not keep every paragraph saying "according to police"."""
    forms = {lemma, lemma + "s", lemma + "es"}
    if lemma.endswith("y"):
        forms.add(lemma[:-1] + "ies")
    if lemma.endswith("f"):
        forms.add(lemma[:-1] + "ves")
    if lemma.endswith("man"):
        forms.add(lemma[:-3] + "men")
    return forms


def load_cues(claims: ClaimLexicon, triggers: TriggerLexicon, override_dir: str = "") -> Cues:
    irregular = {r["lemma"]: r["forms"].split() for r in read_table("irregular_forms.tsv", override_dir)}

    def forms(lemma: str, kind: str = "") -> set[str]:
        made = noun_forms(lemma) if kind == "noun" else regular_forms(lemma)
        return made | set(irregular.get(lemma, ()))

    singles = {w for w in (*claims.verbs, *claims.nouns, *claims.adjectives, *claims.fatal) if " " not in w}
    words = {f for lemma in singles for f in forms(lemma)}
    claim_words = words | forms("death") | set(claims.headline)  # claims._claim_words, headlines' words
    phrases = []
    for entries in triggers.triggers.values():
        for entry in entries:
            if len(entry.words) == 1:
                words |= forms(entry.words[0], entry.kind)
            else:
                head = entry.words[-1] if entry.kind == "noun" else entry.words[0]
                others = frozenset(w for w in entry.words if w != head)
                phrases.append((others, frozenset(forms(head, entry.kind))))
    return Cues(frozenset(words), tuple(dict.fromkeys(phrases)), frozenset(claim_words))


def is_relevant(paragraph: str, cues: Cues) -> bool:
    words = set(WORD.findall(paragraph.lower()))
    if not words.isdisjoint(cues.words):
        return True
    return any(others <= words and not heads.isdisjoint(words) for others, heads in cues.phrases)


def may_hold_claims(title: str, cues: Cues) -> bool:
    """Whether a headline holds a casualty word in some form (or a word the headline reader counts
    by): one that holds none gives no claim, and a headline is read for nothing else
    (pipeline.analyse_article), so it need not be parsed."""
    return not cues.claim_words.isdisjoint(WORD.findall(title.lower()))


def focus_text(text: str, cues: Cues) -> str:
    """`text` with every paragraph that can hold no mention or claim turned into spaces."""
    pieces, last, seen = [], 0, 0
    for match in PARAGRAPH.finditer(text):
        if not match.group().strip():
            continue
        seen += 1
        if seen > LEAD_PARAGRAPHS and not is_relevant(match.group(), cues):
            pieces += [text[last:match.start()], " " * (match.end() - match.start())]
            last = match.end()
    return "".join(pieces) + text[last:] if pieces else text


BLANK_TAIL = re.compile(r"(?<=\n) {2,}\s*$")  # a blank, and any further blanks and newlines
LEAVES = (str, int, float, type(None), Enum)  # values that hold no Span: most of a record's fields


def restore_sentences(record: T) -> T:
    """`record` with every Span's sentence cut before a blanked paragraph: spaCy attaches the run
    of spaces (and the newlines after it) to the sentence before it, which the full text would
    have ended at the newline."""
    if isinstance(record, LEAVES):
        return record
    if isinstance(record, Span):
        trimmed = BLANK_TAIL.sub("", record.sentence)
        return record if trimmed == record.sentence else replace(record, sentence=trimmed)
    if isinstance(record, tuple):
        restored = tuple(restore_sentences(item) for item in record)
        return record if all(a is b for a, b in zip(restored, record)) else restored
    if is_dataclass(record) and not isinstance(record, type):
        changes = {f.name: new for f in fields(record)
                   if (new := restore_sentences(old := getattr(record, f.name))) is not old}
        return replace(record, **changes) if changes else record
    return record
