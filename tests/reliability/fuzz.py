"""A bounded adversarial corpus run through ingest and extraction, with every input accounted for.

`python tests/reliability/fuzz.py --inputs 400 --seed 7` (what `make fuzz` runs) writes that many
hostile files into a temporary folder, ingests them into a new database, writes every export and
the report from it, and prints how many were
tried, accepted and rejected (by code), and whether any input was lost: an input is lost when
neither a stored article nor a rejected record names it (each non-blank JSON line on its own).
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import sqlite3
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from parallax.ingest.decoding import decode_bytes
from parallax.pipeline import ingest_paths, stored_incidents
from parallax.report.exports import export
from parallax.report.html import write_report
from parallax.settings import Settings

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TOWNS = ("Kirkuk", "Mosul", "Goma", "Gao", "Idlib", "Taiz", "Kismayo", "Maiduguri")
ODD_FIGURES = ("9" * 60, "between 40 and 3", "-5", "1.5.3", "0x1F", "¾", "٣٤", "1,2,3,4", "1e9",
               "several dozen hundred", "a million billion", "twenty-twenty", "nil", "½ dozen")
ODD_DATES = ("31 February 2017", "0 March 2017", "99999 days ago", "the year 30000",
             "last Octember", "2017-13-45", "12/31/99999", "Thursday Friday", "yesterday's tomorrow")
CONTROLS = "".join(chr(c) for c in range(32) if chr(c) not in "\n\t") + "\x7f\u200b\u202e\ufeff"
# Small cap so "huge line" inputs reach the too_large path without writing megabytes per input.
SETTINGS = Settings(workers=1, max_input_bytes=200_000)


def wire(rng: random.Random) -> str:
    town, figure, day = rng.choice(TOWNS), rng.choice(ODD_FIGURES), rng.choice(ODD_DATES)
    return (f"{town.upper()} - A bomb exploded at a market in {town} on {day}, killing {figure} "
            f"people and wounding {rng.randint(0, 10**6)} others, police said. Officials said "
            f"{rng.choice(ODD_FIGURES)} of the dead were children. Report {rng.random()}.")


def random_bytes(rng: random.Random) -> tuple[str, bytes]:
    return rng.choice([".txt", ".html", ".jsonl", ".xml"]), rng.randbytes(rng.randint(1, 5000))


def truncated_html(rng: random.Random) -> tuple[str, bytes]:
    page = (f"<html><head><title>{wire(rng)[:40]}</title></head><body><article><h1>Blast</h1>"
            f"<p>{wire(rng)}</p><p>{wire(rng)}</p></article></body></html>").encode()
    return ".html", page[:rng.randint(1, len(page))]


def deep_nesting(rng: random.Random) -> tuple[str, bytes]:
    depth = rng.randint(500, 20_000)
    if rng.random() < 0.5:
        return ".html", ("<div>" * depth + wire(rng) + "</div>" * depth).encode()
    nested = "[" * depth + json.dumps(wire(rng)) + "]" * depth
    return ".jsonl", (json.dumps({"text": wire(rng)}) + "\n" + nested + "\n").encode()


def huge_line(rng: random.Random) -> tuple[str, bytes]:
    line = (wire(rng) + " ") * rng.randint(1000, 3000)  # over SETTINGS' cap: refused unread
    if rng.random() < 0.5:
        return ".txt", line.encode()
    return ".jsonl", (json.dumps({"text": line}) + "\n" + json.dumps({"text": wire(rng)}) + "\n").encode()


def control_characters(rng: random.Random) -> tuple[str, bytes]:
    text = list(wire(rng) + "\n\n" + wire(rng))
    for _ in range(rng.randint(1, 40)):
        text.insert(rng.randrange(len(text) + 1), rng.choice(CONTROLS))
    return rng.choice([".txt", ".html"]), "".join(text).encode()


def mixed_encodings(rng: random.Random) -> tuple[str, bytes]:
    parts = [wire(rng).replace("market", rng.choice(["marché", "Straße", "سوق", "рынок"]))
             for _ in range(3)]
    encoded = b"\n\n".join(p.encode(rng.choice(["utf-8", "cp1252", "utf-16", "latin-1", "cp1251"]),
                                    errors="replace") for p in parts)
    return ".txt", encoded


def broken_jsonl(rng: random.Random) -> tuple[str, bytes]:
    lines = [json.dumps({"text": wire(rng), "published": rng.choice(ODD_DATES)}),
             "{broken", json.dumps([1, 2]), json.dumps({"text": 5}), "", '{"text": "' + "7" * 30,
             json.dumps({"text": wire(rng), "title": {"x": 1}}), "\x00\x01"]
    rng.shuffle(lines)
    return ".jsonl", "\n".join(lines).encode()


def broken_feed(rng: random.Random) -> tuple[str, bytes]:
    items = "".join(rng.choice([f"<item><title>t</title><description>{wire(rng)}</description></item>",
                                "<item><title>empty</title></item>",
                                f"<item><description><![CDATA[<p>{wire(rng)[:30]}", "<item>"])
                    for _ in range(rng.randint(1, 5)))
    return ".xml", f'<rss version="2.0"><channel><title>Wire</title>{items}</channel></rss>'.encode()


def json_escapes(rng: random.Random) -> tuple[str, bytes]:
    """Escapes JSON allows but text should not hold: lone surrogates, NUL, bidi overrides."""
    escapes = ["\\ud800", "\\udfff", "\\u0000", "\\u202e", "\\ufeff", "\\u0007"]
    line = '{"text": "%s %s", "title": "%s"}' % (wire(rng), rng.choice(escapes), rng.choice(escapes))
    return ".jsonl", (line + "\n").encode()


@lru_cache(maxsize=1)
def _example_texts() -> tuple[str, ...]:
    return tuple(p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.rglob("*.txt")))


def mutated_example(rng: random.Random) -> tuple[str, bytes]:
    """One of our example articles, cut, repeated and sprinkled with odd figures and dates, so
    the extractors meet real sentence structure gone wrong."""
    words = rng.choice(_example_texts()).split(" ")
    for _ in range(rng.randint(1, 12)):
        at = rng.randrange(len(words) + 1)
        action = rng.choice(["cut", "repeat", "figure", "date", "char"])
        if action == "cut":
            del words[at:at + rng.randint(1, 30)]
        elif action == "repeat":
            words[at:at] = words[max(0, at - 20):at]
        elif action in ("figure", "date"):
            words.insert(at, rng.choice(ODD_FIGURES if action == "figure" else ODD_DATES))
        else:
            words.insert(at, rng.choice(CONTROLS + "«»“”—…\u00a0\u200f"))
    return ".txt", " ".join(words).encode()


def odd_article(rng: random.Random) -> tuple[str, bytes]:
    return ".txt", (wire(rng) + "\n\n" + wire(rng)).encode()


def empty(rng: random.Random) -> tuple[str, bytes]:
    return rng.choice([".txt", ".html", ".jsonl", ".xml"]), rng.choice([b"", b"\n", b"   \n\n"])


KINDS: dict[str, Callable[[random.Random], tuple[str, bytes]]] = {
    f.__name__: f for f in (random_bytes, truncated_html, deep_nesting, huge_line, control_characters,
                            mixed_encodings, broken_jsonl, broken_feed, json_escapes, odd_article,
                            mutated_example, empty)}


def write_inputs(folder: Path, count: int, seed: int) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        kind = rng.choice(list(KINDS))
        extension, data = KINDS[kind](rng)
        path = folder / f"{index:05d}_{kind}{extension}"
        path.write_bytes(data)
        paths.append(path)
    return paths


def expected_units(path: Path) -> set[str]:
    """The sources one input must leave behind: one per non-blank JSON line, else the file."""
    if path.suffix != ".jsonl":
        return {str(path)}
    lines = path.read_bytes().split(b"\n")
    return {f"{path}:{n}" for n, raw in enumerate(lines, start=1) if decode_bytes(raw)[0].strip()}


@dataclass
class FuzzReport:
    tried: int = 0
    units: int = 0
    accepted: int = 0
    rejected: Counter = field(default_factory=Counter)
    mentions: int = 0
    lost: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        codes = ", ".join(f"{code} {n}" for code, n in self.rejected.most_common())
        return [f"inputs tried: {self.tried} files ({self.units} items)",
                f"accepted: {self.accepted} articles stored ({self.mentions} event mentions)",
                f"rejected: {sum(self.rejected.values())} ({codes})",
                f"lost: {len(self.lost)}" + (f" e.g. {self.lost[:5]}" if self.lost else " (every input accounted for)")]


def _recorded_sources(db: Path) -> tuple[list[str], Counter, set[str], int]:
    with sqlite3.connect(db) as conn:
        articles = [r[0] for r in conn.execute("SELECT source FROM articles")]
        rejects = conn.execute("SELECT source, code FROM rejected").fetchall()
        mentions = conn.execute("SELECT count(*) FROM mentions").fetchone()[0]
    return articles, Counter(code for _, code in rejects), {s for s, _ in rejects}, mentions


def _accounted(unit: str, path: Path, recorded: set[str]) -> bool:
    # A file-level record (binary, empty, too large) accounts for all of the file's items; a
    # feed's entries are "path#n".
    return unit in recorded or str(path) in recorded or any(s.startswith(f"{path}#") for s in recorded)


def _write_outputs(db: Path, out: Path) -> None:
    """Every export and the report from what the corpus left: they must not fail either."""
    stored = stored_incidents(db)
    export(stored.incidents, stored.articles, out)
    write_report(stored.incidents, stored.articles, out / "report.html", summary=stored.last_run)


def run_fuzz(count: int, seed: int, workdir: Path) -> FuzzReport:
    paths = write_inputs(workdir / "inputs", count, seed)
    db = workdir / "fuzz.sqlite"
    ingest_paths([workdir / "inputs"], db, SETTINGS)
    _write_outputs(db, workdir / "out")
    articles, codes, rejected_sources, mentions = _recorded_sources(db)
    recorded = set(articles) | rejected_sources
    report = FuzzReport(tried=len(paths), accepted=len(articles), rejected=codes, mentions=mentions)
    for path in paths:
        units = expected_units(path)
        report.units += len(units)
        report.lost += [u for u in sorted(units) if not _accounted(u, path, recorded)]
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=400)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.CRITICAL)  # decoding fallbacks and parser errors: expected here
    with tempfile.TemporaryDirectory(prefix="parallax-fuzz-") as tmp:
        report = run_fuzz(args.inputs, args.seed, Path(tmp))
    print("\n".join(report.lines()))
    return 1 if report.lost else 0


if __name__ == "__main__":
    sys.exit(main())
