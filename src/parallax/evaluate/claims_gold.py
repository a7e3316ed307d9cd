"""Score claim extraction on our own hand-written gold sentences (tests/extract/claims_gold.jsonl): every
pattern of issue 3, one sentence or more each, with the claims a careful reader lists."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from parallax.errors import EvalDataError
from parallax.extract.claims import extract_claims
from parallax.nlp.pipeline import load_nlp
from parallax.schema import Article, Claim

GOLD_PATH = Path(__file__).resolve().parents[3] / "tests" / "extract" / "claims_gold.jsonl"
FIELDS = ("victims", "speaker", "relay", "stance", "hedged", "negated", "scope", "parts", "claim_time")


@dataclass(frozen=True, slots=True)
class GoldSentence:
    """One hand-written sentence, the pattern it covers and its claims as plain field dicts."""

    pattern: str
    text: str
    claims: tuple[dict, ...]


def read_gold_sentences(path: Path = GOLD_PATH) -> list[GoldSentence]:
    if not path.is_file():
        raise EvalDataError(f"{path} not found", "the gold sentences ship with the repository's tests/")
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return [GoldSentence(r["pattern"], r["text"], tuple(r["claims"])) for r in rows]


def claim_fields(claim: Claim) -> dict:
    """A claim in the gold file's terms."""
    return {"measure": claim.measure.value, "low": claim.figure.low, "high": claim.figure.high,
            "victims": claim.victim_group, "speaker": claim.speaker.normalized if claim.speaker else None,
            "relay": list(claim.relay), "stance": claim.stance.value, "hedged": claim.hedged,
            "negated": claim.negated, "scope": claim.scope,
            "parts": [[p.victim_group, p.figure.low, p.figure.high] for p in claim.parts],
            "claim_time": claim.claim_time}


def _figure(fields: dict) -> tuple:
    return fields["measure"], fields["low"], fields["high"]


def _match(gold: tuple[dict, ...], found: list[dict]) -> list[tuple[dict, dict]]:
    """Gold and found claims paired by measure and interval, each used once."""
    left = list(found)
    pairs = []
    for g in gold:
        hit = next((f for f in left if _figure(f) == _figure(g)), None)
        if hit is not None:
            left.remove(hit)
            pairs.append((g, hit))
    return pairs


def score_sentences(sentences: list[GoldSentence], nlp: Language) -> dict:
    """Figure precision/recall (measure and interval), per-field accuracy over the matched claims, and
    the share of sentences whose claims all come out exactly right."""
    n_gold = n_found = 0
    pairs: list[tuple[dict, dict]] = []
    exact = 0
    for k, sentence in enumerate(sentences):
        found = [claim_fields(c) for c in extract_claims(nlp(sentence.text), Article(id=f"gold{k}", text=sentence.text))]
        matched = _match(sentence.claims, found)
        n_gold, n_found = n_gold + len(sentence.claims), n_found + len(found)
        pairs += matched
        exact += len(matched) == len(sentence.claims) == len(found) and all(g == f for g, f in matched)
    precision, recall = len(pairs) / (n_found or 1), len(pairs) / (n_gold or 1)
    scores = {"sentences": len(sentences), "gold_claims": n_gold, "found_claims": n_found,
              "figure_precision": round(precision, 3), "figure_recall": round(recall, 3),
              "figure_f1": round(2 * precision * recall / ((precision + recall) or 1), 3),
              "sentences_exact": round(exact / (len(sentences) or 1), 3)}
    for name in FIELDS:
        scores[f"{name}_accuracy"] = round(sum(g[name] == f[name] for g, f in pairs) / (len(pairs) or 1), 3)
    return scores


def score_claims_gold(folder: Path, limit: int | None = None) -> dict:
    """`parallax eval claims_gold`: the gold sentences ship with the repository, so `folder` is unused."""
    sentences = read_gold_sentences()
    return score_sentences(sentences[:limit] if limit else sentences, load_nlp())
