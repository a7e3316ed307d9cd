"""Type event snippets with a trained linear model over text features plus the rules' evidence.

The model (data/event_classifier_*.npz, written by scripts/train_event_classifier.py from the
examples in data/training/) is a softmax regression. Its features are either sentence embeddings
(all-MiniLM-L6-v2, the optional `embeddings` extra) or hashed lemma n-grams (no extra dependency),
and in both cases the share of evidence the trigger rules give each taxonomy code, so the rules
keep their say where they are sharp. Without an artifact, typing falls back to the rules alone.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Token

from parallax.errors import DataFileError, ModelUnavailableError
from parallax.extract.casualty_reports import NON_ACLED
from parallax.extract.event_type import EventTrigger, best_code, code_totals, find_triggers, snippet_triggers
from parallax.extract.incident_kind import follows_act, only_setting
from parallax.extract.trigger_lexicon import TriggerLexicon, load_trigger_lexicon
from parallax.schema import EventMention

NO_EVENT = "NONE"  # the model's class for text that reports no event
EMBEDDINGS = "minilm"
HASHING = "hashing"
ARTIFACTS = {EMBEDDINGS: "event_classifier_minilm.npz", HASHING: "event_classifier_hashing.npz"}
HASH_DIM = 4096
DEP_DIM = 2048  # hash buckets of the head-relation-dependent features
_SKIP_POS = frozenset({"PUNCT", "SPACE", "NUM", "DET", "SYM"})
_DEP_SKIP_POS = _SKIP_POS | {"PRON"}
_ARGUMENT_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "agent", "attr", "compound", "amod", "xcomp",
                            "advcl", "conj", "neg"})


@dataclass(frozen=True, eq=False)
class LinearModel:
    """A softmax regression: `weights` (features x labels), `bias`, and how features are built."""

    kind: str  # EMBEDDINGS or HASHING
    labels: tuple[str, ...]
    weights: np.ndarray
    bias: np.ndarray
    rule_codes: tuple[str, ...]  # the order of the rule features
    rule_scale: float  # rule features are multiplied by this before the dot product
    lede_scale: float = 0.0  # the rule features of the first sentence alone, times this (0: left out)
    dep_dim: int = 0  # hash buckets of dependency_pairs features after the n-grams (0: none)

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        logits = features @ self.weights + self.bias
        logits = np.exp(logits - logits.max(1, keepdims=True))
        return logits / logits.sum(1, keepdims=True)


def rule_features(triggers: Iterable[EventTrigger], codes: Sequence[str]) -> np.ndarray:
    """Each code's share of the rules' evidence, and the winner's raw evidence capped at 1."""
    totals = code_totals(triggers)
    total = sum(totals.values())
    shares = [totals.get(code, 0.0) / total if total else 0.0 for code in codes]
    return np.array([*shares, min(1.0, max(totals.values(), default=0.0))], dtype=np.float32)


def hashed_ngrams(doc: Doc, dim: int = HASH_DIM) -> np.ndarray:
    """Lemma unigrams and bigrams (punctuation, numbers and determiners left out), hashed, L2-normed."""
    lemmas = [t.lemma_.lower() for t in doc if t.pos_ not in _SKIP_POS and not t.is_stop or t.dep_ == "neg"]
    grams = lemmas + [f"{a} {b}" for a, b in zip(lemmas, lemmas[1:])]
    vector = np.zeros(dim, dtype=np.float32)
    for gram in grams:
        vector[zlib.crc32(gram.encode()) % dim] += 1.0
    norm = np.linalg.norm(vector)
    return vector / norm if norm else vector


def dependency_pair(token: Token) -> str | None:
    """"head>relation>dependent" for an argument or modifier, a prepositional object through its
    preposition ("fire>at>protester"); None for other words."""
    head = token.head
    if token.pos_ in _DEP_SKIP_POS or head.i == token.i:
        return None
    if token.dep_ == "pobj" and head.dep_ == "prep":
        return f"{head.head.lemma_.lower()}>{head.lower_}>{token.lemma_.lower()}"
    return f"{head.lemma_.lower()}>{token.dep_}>{token.lemma_.lower()}" if token.dep_ in _ARGUMENT_DEPS else None


def dependency_pairs(doc: Doc, dim: int = DEP_DIM) -> np.ndarray:
    """Who did what to whom, as hashed (head lemma, relation, dependent lemma) triples, L2-normed:
    "fire>dobj>gas", "block>dobj>road", "fire>on>crowd" tell the protest classes apart where the
    bag of words holds the same words."""
    vector = np.zeros(dim, dtype=np.float32)
    for pair in filter(None, (dependency_pair(t) for t in doc)):
        vector[zlib.crc32(pair.encode()) % dim] += 1.0
    norm = np.linalg.norm(vector)
    return vector / norm if norm else vector


def text_features(kind: str, docs: Sequence[Doc], dep_dim: int = 0) -> np.ndarray:
    """The text half of the features, one row per doc: sentence embeddings or hashed n-grams, then
    (with `dep_dim`) hashed dependency pairs."""
    if kind == EMBEDDINGS:
        from parallax.extract.sentence_encoder import load_encoder  # optional extra

        text = load_encoder().encode([d.text for d in docs])
    else:
        text = np.stack([hashed_ngrams(d) for d in docs]) if docs else np.zeros((0, HASH_DIM), np.float32)
    if not dep_dim:
        return text
    pairs = np.stack([dependency_pairs(d, dep_dim) for d in docs]) if docs else np.zeros((0, dep_dim), np.float32)
    return np.hstack([text, pairs])


def lede_rule_features(doc: Doc, codes: Sequence[str], lex: TriggerLexicon) -> np.ndarray:
    """The rule features of the snippet's first sentence alone: a lede tells the event, the
    sentences after it often tell background ("... after an attack last month")."""
    first = next(iter(doc.sents), None)
    return rule_features(find_triggers(first, lex) if first is not None else [], codes)


def features(model_kind: str, docs: Sequence[Doc], codes: Sequence[str], rule_scale: float,
             lex: TriggerLexicon, lede_scale: float = 0.0, dep_dim: int = 0) -> np.ndarray:
    """Text features next to scaled rule features (and, with `lede_scale`, the first sentence's),
    one row per snippet."""
    text = text_features(model_kind, docs, dep_dim)
    width = (len(codes) + 1) * (2 if lede_scale else 1)
    if not docs:
        return np.zeros((0, text.shape[1] + width), dtype=np.float32)
    parts = [text, np.stack([rule_features(snippet_triggers(d, lex), codes) for d in docs]) * rule_scale]
    if lede_scale:
        parts.append(np.stack([lede_rule_features(d, codes, lex) for d in docs]) * rule_scale * lede_scale)
    return np.hstack(parts).astype(np.float32)


def model_features(model: LinearModel, docs: Sequence[Doc], lex: TriggerLexicon) -> np.ndarray:
    """The features `model` was trained on, for `docs`."""
    return features(model.kind, docs, model.rule_codes, model.rule_scale, lex, model.lede_scale, model.dep_dim)


def save_model(model: LinearModel, path: Path) -> None:
    """Write the model as a small .npz (float16 weights; the training script calls this)."""
    np.savez_compressed(path, kind=model.kind, labels=np.array(model.labels),
                        weights=model.weights.astype(np.float16), bias=model.bias.astype(np.float32),
                        rule_codes=np.array(model.rule_codes), rule_scale=np.float32(model.rule_scale),
                        lede_scale=np.float32(model.lede_scale), dep_dim=np.int32(model.dep_dim))


def read_model(path: Path) -> LinearModel:
    try:
        with np.load(path) as data:
            return LinearModel(str(data["kind"]), tuple(str(x) for x in data["labels"]),
                               data["weights"].astype(np.float32), data["bias"],
                               tuple(str(x) for x in data["rule_codes"]), float(data["rule_scale"]),
                               float(data["lede_scale"]) if "lede_scale" in data else 0.0,
                               int(data["dep_dim"]) if "dep_dim" in data else 0)
    except (OSError, KeyError, ValueError) as exc:
        raise DataFileError(f"{path}: not an event classifier artifact ({exc})",
                            "rebuild it with scripts/train_event_classifier.py") from exc


@lru_cache(maxsize=4)
def load_model(kind: str) -> LinearModel:
    """The shipped model of `kind`; DataFileError if its artifact is missing."""
    path = Path(str(resources.files("parallax") / "data" / ARTIFACTS[kind]))
    if not path.is_file():
        raise DataFileError(f"{path} not found", "run scripts/train_event_classifier.py")
    return read_model(path)


def shipped_model(kind: str) -> LinearModel | None:
    """The shipped model of `kind`, or None (the rules type alone) when its artifact is missing."""
    try:
        return load_model(kind)
    except DataFileError:
        return None


def available_kind(preferred: str = EMBEDDINGS) -> str:
    """`preferred` if its model and features can be loaded here, else HASHING."""
    if preferred == EMBEDDINGS:
        try:
            from parallax.extract.sentence_encoder import model_dir

            model_dir()
        except ModelUnavailableError:
            return HASHING
    return preferred


def classify_docs(docs: Sequence[Doc], model: LinearModel | None,
                  lexicon: TriggerLexicon | None = None, allow_none: bool = True) -> list[tuple[str, float]]:
    """(code, probability) per parsed snippet. With `allow_none` False the best event class is
    taken even when NO_EVENT scores higher (a scorer whose gold always names an event). Without a
    model, the rules' best code (NO_EVENT when they find nothing)."""
    lex = lexicon or load_trigger_lexicon()
    if model is None:
        return [_rule_code(d, lex) for d in docs]
    probs = model.probabilities(model_features(model, docs, lex))
    if not allow_none and NO_EVENT in model.labels:
        probs[:, model.labels.index(NO_EVENT)] = -1.0
    best = probs.argmax(1)
    return [(model.labels[i], round(float(p[i]), 3)) for i, p in zip(best, probs)]


def _rule_code(doc: Doc, lex: TriggerLexicon) -> tuple[str, float]:
    code, confidence = best_code(snippet_triggers(doc, lex), lex)
    return (code, confidence) if code else (NO_EVENT, 0.0)


def retype_single_incident(doc: Doc, mentions: list[EventMention], model: LinearModel | None,
                           lexicon: TriggerLexicon | None = None) -> list[EventMention]:
    """When an article tells one incident (one mention that is not background), its type is the
    model's best incident class for the whole text: the rules type the trigger word alone, the
    model reads every sentence. The trigger Span stays the mention's evidence. Articles telling
    several incidents, runs without a model, and a model whose best class is the catch-all
    Strategic developments/Other keep the rules' types."""
    told = [m for m in mentions if not m.background]
    if model is None or len(told) != 1 or told[0].event_type == NON_ACLED:
        return mentions  # a casualty report outside ACLED (extract.casualty_reports) is never made a conflict
    lex = lexicon or load_trigger_lexicon()
    probs = model.probabilities(model_features(model, [doc], lex))[0]
    incident = [i for i, code in enumerate(model.labels) if code in lex.classes and lex.classes[code].incident]
    best = lex.classes[model.labels[max(incident, key=lambda i: probs[i])]]
    if (best.event_type, best.sub_event_type) == (told[0].event_type, told[0].sub_event_type):
        return mentions
    if best.sub_event_type == "Other" and told[0].sub_event_type:
        return mentions  # the catch-all never replaces a type the rules found (as in the incident vote)
    if follows_act((best.event_type, best.sub_event_type), (told[0].event_type, told[0].sub_event_type)) \
            or only_setting((best.event_type, best.sub_event_type), (told[0].event_type, told[0].sub_event_type)):
        return mentions  # "suspects were arrested over the attack", "the bombing at a rally": the attack
    retyped = replace(told[0], event_type=best.event_type, sub_event_type=best.sub_event_type)
    return [retyped if m is told[0] else m for m in mentions]
