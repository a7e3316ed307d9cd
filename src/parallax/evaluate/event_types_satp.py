"""Check event typing on text no parallax author wrote or tuned on: SATP incident summaries.

ConfliBERT's `satp_relevant` packaging of the South Asia Terrorism Portal gives each summary four
0/1 labels, read (by inspection, docs/event_types.md) as armed assault, bombing, kidnapping and
other. They are coarser than ACLED's codes, so a predicted code counts as right when one of the
labels it can stand for is set: the CASE halves reward the rules (fitted to the tune half) and our
own held-apart snippets reward our own vocabulary; this is a third signal for choosing settings.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from spacy.language import Language

from parallax.errors import EvalDataError
from parallax.evaluate.event_types import RULES
from parallax.extract.event_classifier import HASHING, classify_docs, load_model
from parallax.extract.trigger_lexicon import load_trigger_lexicon

DEV_FILE = "dev.tsv"
LABELS = ("assault", "bombing", "kidnapping", "other")  # the file's four label columns, in order
# The labels an ACLED code can stand for; every other code reads as "other". A battle is an armed
# assault when one side is hit in it, an encounter ("other") when the summary tells a gunfight.
CODE_LABELS = {"ATTACK": {"assault"}, "ARMED_CLASH": {"assault", "other"}, "ABDUCT_DISSAP": {"kidnapping"},
               **{code: {"bombing"} for code in ("REM_EXPLOS", "SUIC_BOMB", "GRENADE", "ART_MISS_ATTACK",
                                                 "AIR_STRIKE")}}


def read_summaries(path: Path, limit: int | None = None) -> list[tuple[str, frozenset[str]]]:
    """(text, labels set) per row of a SATP TSV: no header, text then four 0/1 columns."""
    if path.is_dir():
        path = path / DEV_FILE
    if not path.is_file():
        raise EvalDataError(f"{path} not found", "pass --data the shared data folder or a SATP TSV file")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE) if len(r) >= 5]
    if not rows or any(v.strip() not in {"0", "1"} for r in rows for v in r[1:5]):
        raise EvalDataError(f"{path}: not text + four 0/1 label columns", "use ConfliBERT's satp_relevant TSV")
    summaries = [(r[0], frozenset(label for label, v in zip(LABELS, r[1:5]) if v.strip() == "1")) for r in rows]
    return summaries[:limit]


def coarse_hit(code: str, labels: frozenset[str]) -> bool:
    """Whether the predicted `code` stands for one of the summary's labels."""
    return bool(CODE_LABELS.get(code, {"other"}) & labels)


def hit_rate(codes: Sequence[str], summaries: Sequence[tuple[str, frozenset[str]]]) -> float:
    return round(sum(coarse_hit(c, labels) for c, (_, labels) in zip(codes, summaries)) / max(1, len(summaries)), 3)


def score_event_types_satp(data_dir: Path, limit: int | None = None, nlp: Language | None = None) -> dict:
    """Share of summaries whose predicted code stands for one of their labels, for the shipped
    hashing model plus rules and for the rules alone; and how many summaries carry each label."""
    if nlp is None:
        from parallax.nlp.pipeline import load_nlp  # loaded here so reading the module stays cheap
        nlp = load_nlp()
    summaries = read_summaries(data_dir, limit)
    docs = list(nlp.pipe((text for text, _ in summaries), batch_size=64))
    lex = load_trigger_lexicon()
    scores: dict = {"n": len(summaries)}
    for method, model in ((HASHING, load_model(HASHING)), (RULES, None)):
        codes = [code for code, _ in classify_docs(docs, model, lex, allow_none=False)]
        scores[f"{method}_coarse_accuracy"] = hit_rate(codes, summaries)
    scores.update({f"with_{label}": sum(label in labels for _, labels in summaries) for label in LABELS})
    return scores
