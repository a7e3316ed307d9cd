"""Write docs/event_types_confusion.md: the CASE 2021 confusion matrices of the event typer.

    .venv/bin/python scripts/event_type_confusion.py --data ../shared/data [--method hashing minilm rules]

Reads the evaluation data by path and writes only counts (no snippet text) into docs/.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from parallax.evaluate.event_types import confusion_matrix, labelled, summarize

ROOT = Path(__file__).resolve().parents[1]
FOLDER = "case2021_task2_acled_types"


def section(method: str, data: Path) -> list[str]:
    snippets, predicted, _ = labelled(data / FOLDER, method=method)
    gold = [s.code for s in snippets]
    held = [(s.code, p) for s, p in zip(snippets, predicted) if s.half == "held_out"]
    scores = {**summarize(gold, predicted), **summarize([g for g, _ in held], [p for _, p in held], "held_out_")}
    shown = ", ".join(f"{k} {v}" for k, v in scores.items())
    return [f"## {method}", "", shown, "", confusion_matrix(gold, predicted), ""]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--method", nargs="+", default=["hashing", "minilm", "rules"])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "event_types_confusion.md")
    args = parser.parse_args()
    lines = ["# Event typing: confusion matrices on CASE 2021 Task 2 (dev.tsv, all 307 snippets)", "",
             "Rows are gold codes, columns predicted codes. Written by `scripts/event_type_confusion.py`;",
             "see docs/event_types.md for what each method is and which half is held out.", ""]
    for method in args.method:
        lines += section(method, args.data)
    args.out.write_text("\n".join(lines), "utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
