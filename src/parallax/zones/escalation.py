"""Read the escalation steps an article tells before a strike: a call on the deconfliction line, a
show of force, warning shots, the strike; each with its span, who says it and whether it is denied.

The cues are data (data/escalation_cues.tsv, data/escalation_denials.tsv); docs/zones.md has the rules.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span as TokenSpan, Token

from parallax.errors import DataFileError
from parallax.extract.attribution import Voices, index_voices
from parallax.extract.claim_lexicon import ClaimLexicon
from parallax.extract.speakers import make_speaker
from parallax.knowledge import read_table
from parallax.schema import Article, EscalationStep, Span, Speaker

_MAX_HOPS = 12
_NOUN_DEPS = frozenset({"dobj", "nsubjpass", "nsubj", "attr", "compound", "conj", "appos", "pobj",
                        "npadvmod", "oprd", "acl", "relcl", "xcomp", "ccomp", "prep", "advcl"})
_STATEMENT_NOUNS = frozenset({"statement", "version", "account", "report"})


@dataclass(frozen=True, slots=True)
class Cue:
    """One row of escalation_cues.tsv: slots of alternative words, '*' an optional any-word."""

    step: str
    rank: int
    slots: tuple[frozenset[str], ...]
    covers: tuple[str, ...]
    negatable: bool
    text: str


@dataclass(frozen=True, slots=True)
class EscalationLexicon:
    cues: tuple[Cue, ...]
    denials: frozenset[str]

    def covered_by(self, step: str) -> frozenset[str]:
        """The steps a denial of `step` denies: itself and what its cues cover."""
        return frozenset({step}).union(*(c.covers for c in self.cues if c.step == step))


def load_escalation_lexicon(data_dir: str = "") -> EscalationLexicon:
    cues = []
    for row in read_table("escalation_cues.tsv", data_dir):
        try:
            rank = int(row["rank"])
        except ValueError as exc:
            raise DataFileError(f"escalation_cues.tsv: rank {row['rank']!r} is not a number",
                                "give every cue an integer rank") from exc
        slots = tuple(frozenset(w for w in slot.lower().split("|") if w) for slot in row["cue"].split())
        cues.append(Cue(row["step"].strip(), rank, slots, tuple(s for s in row["covers"].split("|") if s),
                        row["negatable"].strip().lower() == "yes", row["cue"].strip()))
    denials = frozenset(r["lemma"].strip().lower() for r in read_table("escalation_denials.tsv", data_dir))
    return EscalationLexicon(tuple(cues), denials)


def _word_matches(tok: Token, words: frozenset[str]) -> bool:
    return tok.lower_ in words or tok.lemma_.lower() in words


_ANY = frozenset({"*"})


def _match_at(doc: Doc, at: int, slots: tuple[frozenset[str], ...]) -> int | None:
    """The end of the longest match of `slots` from token `at`, or None; a '*' slot takes one
    word or none."""
    if not slots:
        return at
    head, rest = slots[0], slots[1:]
    if head == _ANY:
        ends = [e for e in (_match_at(doc, at + 1, rest) if at < len(doc) else None,
                            _match_at(doc, at, rest)) if e is not None]
        return max(ends, default=None)
    if at >= len(doc) or not _word_matches(doc[at], head):
        return None
    return _match_at(doc, at + 1, rest)


def find_cues(doc: Doc, lexicon: EscalationLexicon) -> list[tuple[TokenSpan, Cue]]:
    """Non-overlapping cue matches, the longest at each place, in reading order."""
    found: list[tuple[TokenSpan, Cue]] = []
    taken = -1
    for start in range(len(doc)):
        if start <= taken:
            continue
        best = max(((end, cue) for cue in lexicon.cues if (end := _match_at(doc, start, cue.slots))),
                   key=lambda pair: pair[0] - start, default=None)
        if best is not None:
            found.append((doc[start:best[0]], best[1]))
            taken = best[0] - 1
    return found


def is_denied(span: TokenSpan, denials: frozenset[str]) -> bool:
    """Whether the words governing the cue deny it: "no warning", "never received any warning",
    "without warning", "unaware that ... any warning"; climbs through nouns and clauses only, so a
    denial elsewhere in the sentence does not count."""
    node = span.root
    if any(c.lower_ in denials and c.dep_ in ("det", "neg") for c in node.children):
        return True
    for _ in range(_MAX_HOPS):
        if node.dep_ not in _NOUN_DEPS or node.head == node:
            return False
        node = node.head
        if node.lemma_.lower() in denials or any(c.dep_ == "neg" or (c.dep_ in ("acomp", "advmod") and
                                                c.lemma_.lower() in denials) for c in node.children):
            return True
        if node.pos_ == "VERB" and node.dep_ not in ("ccomp", "xcomp", "conj", "relcl", "acl", "advcl"):
            return False
    return False


def _speaker(tok: Token, voices: Voices, lexicon: ClaimLexicon) -> Speaker | None:
    """Who tells the step: the reporting verb over it, "according to X", or the quote it is in."""
    node = tok
    for _ in range(_MAX_HOPS):
        voice = voices.by_verb.get(node.i)
        if node != tok and voice is not None and voice.speaker is not None:
            return voice.speaker
        owner = _according_to(node)
        if owner is not None:
            return make_speaker(owner, voices.book, lexicon)
        if node.head == node:
            break
        node, child = node.head, node
        if child.dep_ == "ccomp" and (subject := _named_subject(node)) is not None:
            return make_speaker(subject, voices.book, lexicon)
    return next((v.speaker for start, end, v in voices.quotes if v and start <= tok.idx < end), None)


def _named_subject(verb: Token) -> Token | None:
    """The subject of "US officials maintained (that) ...": any verb over a that-clause whose
    subject names someone; the claim lexicon's reporting verbs are tried first."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ == "PRON" and subject.lower_ in ("it", "there"):
        return None
    return subject if subject.ent_type_ or subject.pos_ in ("PROPN", "NOUN") else None


def _according_to(node: Token) -> Token | None:
    for prep in (c for c in node.children if c.dep_ == "prep" and c.lower_ == "according"):
        to = next((c for c in prep.children if c.dep_ == "prep"), prep)
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if obj is not None and obj.lemma_.lower() in _STATEMENT_NOUNS:
            return next((c for c in obj.children if c.dep_ == "poss"), obj)
        return obj
    return None


def extract_escalation(doc: Doc, article: Article, lexicon: EscalationLexicon,
                       claims: ClaimLexicon) -> list[EscalationStep]:
    """Every escalation step the article tells, in reading order, with speaker and denial."""
    voices = index_voices(doc, claims)
    steps = []
    for span, cue in find_cues(doc, lexicon):
        sentence = span.sent.text if doc.has_annotation("SENT_START") else ""
        where = Span(article.id, span.start_char, span.end_char, span.text, sentence)
        denied = cue.negatable and is_denied(span, lexicon.denials)
        steps.append(EscalationStep(article.id, cue.step, cue.rank, where, cue.text, denied,
                                    _speaker(span.root, voices, claims)))
    return steps
