"""List the GVA incidents whose killed/injured counts the product gets wrong, with the claims each
article's main mention gave (headline claims marked T), to study misses by pattern. Set
PARALLAX_PARSE_CACHE (docs/claims.md) so re-runs only re-extract.

    PARALLAX_PARSE_CACHE=/tmp/parse_cache .venv/bin/python scripts/claims_misses.py --data ../shared/data --limit 600
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from parallax.evaluate import claims_gva as gva
from parallax.nlp.pipeline import load_nlp
from parallax.reconcile.tolls import article_toll
from parallax.schema import Measure


def held_out(folder: Path, gold, studied: set[str], n: int, phase: float = 0.5) -> set[str]:
    """`n` incidents spread evenly, each `phase` of a step after a sampling point, none of the studied ones."""
    every = sorted(gva.chosen_incidents(folder, gold, None), key=int)
    step = len(every) / n
    picked = set()
    for k in range(n):
        at = int((k + phase) * step)
        while every[at] in studied or every[at] in picked:
            at = (at + 1) % len(every)
        picked.add(every[at])
    return picked


def category(gold: tuple[int, int], predicted: tuple[int, int], mentions: list) -> list[str]:
    """Why an incident is wrong, measure by measure: "eventless" (no article has an event), else
    e.g. "injured-high-some-report-right" (one report's count was right: the rule across reports chose
    another), "-figure-not-toll" (a claim has the right figure, no report's count is it), "-extra" (gold
    0), "-none-right"."""
    if not mentions:
        return ["eventless"]
    reports: dict = {}
    for mention in mentions:
        for c in mention.claims:
            reports.setdefault((mention.article_id, c.span.field), []).append(c)
    found = []
    for k, measure in enumerate((Measure.KILLED, Measure.INJURED)):
        if predicted[k] == gold[k]:
            continue
        tolls = {article_toll([c for c in r if c.figure.low == c.figure.high], measure) or 0 for r in reports.values()}
        figures = {c.figure.low for r in reports.values() for c in r if c.measure is measure}
        why = ("some-report-right" if gold[k] in tolls else "figure-not-toll" if gold[k] in figures
               else "extra" if gold[k] == 0 else "none-right")
        found.append(f"{measure.value}-{'high' if predicted[k] > gold[k] else 'low'}-{why}")
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--limit", type=int, default=600)
    parser.add_argument("--show", type=int, default=40, help="misses to print")
    parser.add_argument("--save", type=Path, help="write the predictions here (JSON)")
    parser.add_argument("--against", type=Path, help="print only incidents whose prediction differs from this file's")
    parser.add_argument("--categories", action="store_true", help="count the misses by category() and stop")
    parser.add_argument("--held-out", type=int, default=0, metavar="N",
                        help="score N incidents half-way between the --limit sample's instead (never study these)")
    parser.add_argument("--fresh", type=int, default=0, metavar="N",
                        help="study N incidents that are neither the --limit sample nor the --held-out 400")
    parser.add_argument("--phase", type=float, default=0.25,
                        help="where in each step --fresh picks (another phase, another fresh pool)")
    args = parser.parse_args()
    folder = args.data / "semeval2018t5_gva_incidents_articles"
    gold = gva.read_gold(folder)
    chosen = gva.chosen_incidents(folder, gold, args.limit)
    if args.fresh:
        chosen = held_out(folder, gold, chosen | held_out(folder, gold, chosen, 400), args.fresh, phase=args.phase)
    elif args.held_out:
        chosen = held_out(folder, gold, chosen, args.held_out)
    pairs = gva.read_articles(folder, chosen)
    claims, _ = gva.gather(pairs, load_nlp())
    predicted = {i: gva.incident_counts(claims.get(i, [])) for i, _ in pairs}
    titles = {a.id: a.title for _, a in pairs}
    articles = Counter(i for i, _ in pairs)
    print(gva.compare(gold, predicted))
    best = {i: (gva.fatalities_best(claims.get(i, [])), p[1]) for i, p in predicted.items()}
    print("fatalities.best:", {k: v for k, v in gva.compare(gold, best).items() if k.startswith("killed")})
    if args.save:
        args.save.write_text(json.dumps(predicted))
    if args.categories:
        counted = Counter(c for i, p in predicted.items() if p != gold[i] for c in category(gold[i], p, claims.get(i, [])))
        for name, n in counted.most_common():
            print(f"{n:5} {name}")
        return
    before = {k: tuple(v) for k, v in json.loads(args.against.read_text()).items()} if args.against else None
    shown = 0
    for incident in predicted:
        arts = claims.get(incident, [])
        if shown >= args.show or (predicted[incident] == gold[incident] if before is None
                                  else predicted[incident] == before.get(incident)):
            continue
        if before is not None:
            print(f"\n### was {before.get(incident)} {'RIGHT' if before.get(incident) == gold[incident] else ''}"
                  f" now {'RIGHT' if predicted[incident] == gold[incident] else 'wrong'}")
        shown += 1
        print(f"\n=== {incident} gold {gold[incident]} predicted {predicted[incident]}"
              f" ({articles[incident] - len(arts)} of {articles[incident]} articles with no event)")
        for mention in arts:
            print(f"  -- {mention.article_id} {titles[mention.article_id][:80]!r}")
            for c in mention.claims:
                if c.measure.value in ("killed", "injured"):
                    print(f"     {'T' if c.span.field == 'title' else ' '} {c.measure.value:8} "
                          f"[{c.figure.low},{c.figure.high}] {c.figure.text!r} "
                          f"{'NEG ' if c.negated else ''}{c.scope} | {c.span.sentence[:160]!r}")


if __name__ == "__main__":
    main()
