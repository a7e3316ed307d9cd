"""Does the focused parse (parallax.nlp.focus) change accuracy? The GVA evaluations, with and without.

    .venv/bin/python bench/focus_check.py --data /work/shared/data --limit 100

Runs the claims scorer (killed/injured per GVA incident) and the resolution scorer (B-cubed on the
dev split) twice on the same sample: every paragraph parsed, then only the focused paragraphs.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from pathlib import Path

from parallax.evaluate import claims_gva, resolution_gva
from parallax.nlp.pipeline import load_nlp
from parallax.pipeline import load_knowledge
from parallax.nlp.focus import focus_text
from parallax.settings import Settings

GVA = "semeval2018t5_gva_incidents_articles"


def claims_scores(folder: Path, limit: int, focused: bool, settings: Settings) -> dict:
    gold = claims_gva.read_gold(folder)
    pairs = claims_gva.read_articles(folder, claims_gva.chosen_incidents(folder, gold, limit))
    if focused:
        cues = load_knowledge(settings).cues
        pairs = [(i, replace(a, text=focus_text(a.text, cues))) for i, a in pairs]
    predicted, timing = claims_gva.predict(pairs, load_nlp(settings.spacy_model))
    return claims_gva.compare(gold, predicted) | {"parse_s": round(timing["parse"], 1)}


def resolution_scores(folder: Path, limit: int, focused: bool, settings: Settings) -> dict:
    return resolution_gva.score_split(folder, limit, "dev", replace(settings, focus_parse=focused))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--limit", type=int, default=100, help="incidents per evaluation")
    args = parser.parse_args()
    folder, settings = args.data / GVA, Settings()
    for name, score in (("claims", claims_scores), ("resolution", resolution_scores)):
        for focused in (False, True):
            started = time.perf_counter()
            scores = score(folder, args.limit, focused, settings)
            label = "focused" if focused else "full"
            print(f"{name:10s} {label:8s} {time.perf_counter() - started:6.1f} s  "
                  + "  ".join(f"{k}={v}" for k, v in scores.items()))


if __name__ == "__main__":
    main()
