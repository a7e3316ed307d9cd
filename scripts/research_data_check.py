"""Check that no tracked file carries text from the research-only datasets in ../shared/data.

    .venv/bin/python scripts/research_data_check.py --data ../shared/data          # every tracked file
    .venv/bin/python scripts/research_data_check.py --data ../shared/data tests/extract/test_claims.py

Indexes every K-character window (lower-cased, whitespace collapsed) of the datasets at a step of 8
characters (the open gazetteer and boundaries are skipped: a derivative of them ships on purpose), then
prints each run of at least --min characters a repository file shares with them, with the dataset file
it came from. Runs of organisation names, format scaffolding and lines of dashes are left out (ALLOWED);
what remains under ~40 characters is mostly stock wire wording ("was pronounced dead at the scene"),
which is no copied sentence. Exit status 1 when a run of --fail characters or more is found.
"""

from __future__ import annotations

import argparse
import gzip
import re
import subprocess
import sys
import zipfile
from pathlib import Path

K = 24
STEP = 8
SKIP_DIRS = ("gazetteer_geonames", "boundaries_natural_earth")
SKIP_SUFFIXES = (".png", ".npz", ".npy", ".pkl", ".parquet", ".sqlite", ".db", ".bin", ".gz")
ALLOWED = re.compile(  # organisation names, dataset names, URLs, taxonomy labels, file-format scaffolding
    r"-{8}|farabundo|observatory for human rights|network for human rights|red cross|revolutionary armed forces|"
    r"democratic forces|coalition|frontières|humanitarian affa|world health organization|combined joint task|"
    r"semeval2018t5|south asia terrorism portal|ithub\.com|natural_disaster|shelling/artillery|"
    r"perp_individual|<\?xml|<dct>|<timex3|functionindocument")


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower())


def read_any(path: Path) -> str:
    if path.suffix == ".gz":
        with gzip.open(path, "rt", encoding="utf-8", errors="ignore") as handle:
            return handle.read()
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            return " ".join(archive.read(n).decode("utf-8", "ignore") for n in archive.namelist())
    return path.read_text(encoding="utf-8", errors="ignore")


def index(data: Path) -> dict[int, str]:
    windows: dict[int, str] = {}
    for path in sorted(p for p in data.rglob("*") if p.is_file()):
        if any(part in SKIP_DIRS for part in path.parts):
            continue
        text = normalise(read_any(path))
        name = str(path.relative_to(data))
        for i in range(0, max(0, len(text) - K), STEP):
            windows.setdefault(hash(text[i:i + K]), name)
    return windows


def shared_runs(text: str, windows: dict[int, str], minimum: int) -> list[tuple[str, str]]:
    """(run, dataset file) for every run of >= `minimum` characters `text` shares with the index."""
    text = normalise(text)
    hit = [False] * len(text)
    source: dict[int, str] = {}
    for i in range(len(text) - K + 1):
        name = windows.get(hash(text[i:i + K]))
        if name is not None:
            hit[i:i + K] = [True] * K
            source[i] = name
    runs, i = [], 0
    while i < len(text):
        if not hit[i]:
            i += 1
            continue
        j = i
        while j < len(text) and hit[j]:
            j += 1
        run = text[i:j]
        if j - i >= minimum and not ALLOWED.search(run):
            runs.append((run, next(source[k] for k in range(i, j) if k in source)))
        i = j
    return runs


def tracked_files(root: Path) -> list[Path]:
    listed = subprocess.run(["git", "ls-files"], cwd=root, capture_output=True, text=True, check=True).stdout
    return [root / line for line in listed.splitlines()
            if not line.endswith(SKIP_SUFFIXES) and not line.startswith(("src/parallax/data/gazetteer",
                                                                          "src/parallax/data/map"))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder (../shared/data)")
    parser.add_argument("--min", type=int, default=35, help="shortest shared run to print (characters)")
    parser.add_argument("--fail", type=int, default=45, help="exit 1 when a run this long is found")
    parser.add_argument("files", nargs="*", type=Path, help="files to check (default: every tracked file)")
    args = parser.parse_args()
    if not args.data.is_dir():
        parser.error(f"--data {args.data}: no such folder")
    root = Path(__file__).resolve().parents[1]
    windows = index(args.data)
    longest = 0
    for path in args.files or tracked_files(root):
        try:
            text = path.read_text(encoding="utf-8", errors="ignore")
        except OSError as error:
            print(f"{path}: unreadable ({error})", file=sys.stderr)
            continue
        for run, name in shared_runs(text, windows, args.min):
            longest = max(longest, len(run))
            print(f"{path}: [{len(run)}] {run!r} <- {name}")
    return 1 if longest >= args.fail else 0


if __name__ == "__main__":
    sys.exit(main())
