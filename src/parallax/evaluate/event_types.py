"""Score event typing on CASE 2021 Task 2's ACLED-typed snippets: accuracy, macro-F1, confusions."""

from __future__ import annotations

import csv
import hashlib
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from parallax.errors import EvalDataError
from parallax.evaluate.paths import dataset_file
from parallax.extract.event_classifier import EMBEDDINGS, HASHING, NO_EVENT, available_kind, classify_docs, load_model
from parallax.extract.trigger_lexicon import TriggerLexicon, load_trigger_lexicon

DEV_FILE = "dev.tsv"
NO_LABEL = NO_EVENT  # what a snippet the rules find no trigger in is scored as: always wrong
NON_ACLED = "Non-ACLED"  # event_type of the CASE classes outside ACLED (taxonomy.tsv)
RULES = "rules"
CONFUSIONS_SHOWN = 8


@dataclass(frozen=True, slots=True)
class Snippet:
    """One gold snippet: its id, text and CASE code."""

    id: str
    text: str
    code: str

    @property
    def half(self) -> str:
        """"tune" or "held_out", fixed by a hash of the id: the words were checked on "tune" only."""
        return "tune" if int(hashlib.md5(self.id.encode()).hexdigest(), 16) % 2 == 0 else "held_out"


def read_snippets(folder: Path, limit: int | None = None) -> list[Snippet]:
    """The gold snippets of dev.tsv (tab-separated, header id/EventSnippet/SubType, no quoting)."""
    path = dataset_file(folder, DEV_FILE)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows or rows[0][:3] != ["id", "EventSnippet", "SubType"]:
        raise EvalDataError(f"{path}: header is not id/EventSnippet/SubType", "use the CASE 2021 Task 2 file")
    snippets = [Snippet(r[0], r[1], r[2].strip()) for r in rows[1:] if len(r) >= 3]
    return snippets[:limit]


def f1_scores(gold: list[str], predicted: list[str]) -> dict[str, float]:
    """F1 per gold label (labels never in the gold are ignored, as in the shared task's macro-F1)."""
    scores = {}
    for label in sorted(set(gold)):
        tp = sum(1 for g, p in zip(gold, predicted) if g == p == label)
        fp = sum(1 for g, p in zip(gold, predicted) if p == label != g)
        fn = sum(1 for g, p in zip(gold, predicted) if g == label != p)
        scores[label] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return scores


def summarize(gold: list[str], predicted: list[str], prefix: str = "") -> dict[str, float | int]:
    """n, accuracy and macro-F1 of one labelling, keys prefixed."""
    if not gold:
        return {f"{prefix}n": 0}
    per_label = f1_scores(gold, predicted)
    support = Counter(gold)
    accuracy = sum(1 for g, p in zip(gold, predicted) if g == p) / len(gold)
    weighted = sum(per_label[label] * support[label] for label in per_label) / len(gold)
    return {f"{prefix}n": len(gold), f"{prefix}accuracy": round(accuracy, 3),
            f"{prefix}weighted_f1": round(weighted, 3),
            f"{prefix}macro_f1": round(sum(per_label.values()) / len(per_label), 3)}


def confusion_matrix(gold: list[str], predicted: list[str]) -> str:
    """A Markdown table: one row per gold label, one column per label predicted, counts in cells
    (blank for 0), the diagonal in bold."""
    labels = sorted(set(gold) | set(predicted))
    counts = Counter(zip(gold, predicted))
    lines = ["| gold \\ predicted | " + " | ".join(labels) + " |", "|---" * (len(labels) + 1) + "|"]
    for g in labels:
        cells = [str(counts[(g, p)]) if counts[(g, p)] else "" for p in labels]
        cells = [f"**{c}**" if p == g and c else c for p, c in zip(labels, cells)]
        lines.append(f"| {g} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def confusions(gold: list[str], predicted: list[str], shown: int = CONFUSIONS_SHOWN) -> str:
    """The commonest mistakes as "GOLD>PREDICTED n", most frequent first."""
    counts = Counter((g, p) for g, p in zip(gold, predicted) if g != p)
    return ", ".join(f"{g}>{p} {n}" for (g, p), n in counts.most_common(shown))


def to_event_type(code: str, lex: TriggerLexicon) -> str:
    return lex.classes[code].event_type if code in lex.classes else NO_LABEL


def predict(snippets: list[Snippet], nlp: Language, lex: TriggerLexicon,
            method: str = HASHING) -> tuple[list[str], dict[str, float]]:
    """Predicted codes by `method` (RULES, HASHING or EMBEDDINGS), and the seconds spent parsing
    versus typing (the parse timed without the parse cache, which would time reading files)."""
    nlp = getattr(nlp, "wrapped", nlp)
    started = time.perf_counter()
    docs = list(nlp.pipe((s.text for s in snippets), batch_size=64))
    parsed = time.perf_counter()
    model = None if method == RULES else load_model(method)
    codes = [code for code, _ in classify_docs(docs, model, lex, allow_none=False)]
    typed = time.perf_counter()
    sentences = sum(1 for doc in docs for _ in doc.sents)
    return codes, {"parse_seconds": parsed - started, "typing_seconds": typed - parsed,
                   "sentences": sentences}


def _speed(timing: dict[str, float]) -> dict[str, float]:
    """Milliseconds per 1,000 sentences for the parse and for typing, and their ratio."""
    per_thousand = 1000 / max(1, timing["sentences"])
    parse, typing = timing["parse_seconds"], timing["typing_seconds"]
    return {"sentences": int(timing["sentences"]),
            "parse_ms_per_1000_sentences": round(parse * per_thousand * 1000),
            "typing_ms_per_1000_sentences": round(typing * per_thousand * 1000),
            "typing_cost_vs_parse": round(typing / max(1e-9, parse), 3)}


def labelled(data_dir: Path, limit: int | None = None, nlp: Language | None = None,
             method: str = HASHING) -> tuple[list[Snippet], list[str], dict[str, float]]:
    """The gold snippets, the codes `method` predicts for them, and the timing."""
    if nlp is None:
        from parallax.nlp.pipeline import load_nlp  # loaded here so reading the module stays cheap
        nlp = load_nlp()
    snippets = read_snippets(data_dir, limit)
    predicted, timing = predict(snippets, nlp, load_trigger_lexicon(), method)
    return snippets, predicted, timing


def score_event_types(data_dir: Path, limit: int | None = None, nlp: Language | None = None,
                      method: str = HASHING) -> dict:
    """Accuracy, weighted and macro F1 over the 30 codes, overall and on the half of the snippets
    never used to set the rule lexicon's weights ("held_out"; the trained model saw none of them);
    at the event-type level, over ACLED's 6 plus "Non-ACLED" ("type_") and over the snippets whose
    gold is one of ACLED's 6 ("acled_type_"); the commonest confusions; a majority-class baseline;
    the cost of typing next to the spaCy parse. The default method is the shipped hashing model
    plus rules (what the pipeline uses); `method` RULES scores the rules alone."""
    lex = load_trigger_lexicon()
    snippets, predicted, timing = labelled(data_dir, limit, nlp, method)
    gold = [s.code for s in snippets]
    scores: dict = {"method": method, **summarize(gold, predicted)}
    for half in ("tune", "held_out"):
        pairs = [(g, p) for s, g, p in zip(snippets, gold, predicted) if s.half == half]
        scores.update(summarize([g for g, _ in pairs], [p for _, p in pairs], f"{half}_"))
    types_gold = [to_event_type(c, lex) for c in gold]
    types_predicted = [to_event_type(c, lex) for c in predicted]
    scores.update(summarize(types_gold, types_predicted, "type_"))
    acled = [(g, p) for g, p in zip(types_gold, types_predicted) if g != NON_ACLED]
    scores.update(summarize([g for g, _ in acled], [p for _, p in acled], "acled_type_"))
    majority = Counter(gold).most_common(1)[0][0] if gold else ""
    scores["majority_baseline_accuracy"] = round(gold.count(majority) / max(1, len(gold)), 3)
    scores["confusions"] = confusions(gold, predicted)
    scores["type_confusions"] = confusions(types_gold, types_predicted, 5)
    scores.update(_speed(timing))
    return scores


def score_event_types_rules(data_dir: Path, limit: int | None = None) -> dict:
    """The rules alone (the fallback when no model artifact is shipped)."""
    return score_event_types(data_dir, limit, method=RULES)


def score_event_types_minilm(data_dir: Path, limit: int | None = None) -> dict:
    """The sentence-embedding model plus rules (the optional `embeddings` extra); skipped without it."""
    if available_kind(EMBEDDINGS) != EMBEDDINGS:
        return {"method": EMBEDDINGS, "skipped": "the embeddings extra is not installed"}
    return score_event_types(data_dir, limit, method=EMBEDDINGS)
