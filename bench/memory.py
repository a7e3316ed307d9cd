"""Is the local engine's memory flat in the corpus size? Peak RSS of one ingest per size, each in a
fresh process (a process's peak only grows, so sizes cannot share one).

    .venv/bin/python bench/memory.py --sizes 200,2000
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))


def one_size(size: int) -> dict:
    from parallax.engines.local import extract_into
    from parallax.settings import Settings
    from parallax.store.sqlite import open_store
    from run import wire_records, write_jsonl
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_jsonl(wire_records(size), Path(tmp) / "wire.jsonl")
        started = time.perf_counter()
        with open_store(Path(tmp) / "p.sqlite") as store:
            tally = extract_into(store, [corpus], Settings(workers=1))
        seconds = time.perf_counter() - started
    return {"articles": tally.extracted, "seconds": round(seconds, 1), "peak_rss_mb": peak_rss_mb()}


def peak_rss_mb() -> int:
    """This process's own peak RSS. Linux carries ru_maxrss across exec, so a child started by a
    large parent (make bench holds two spaCy pipelines) would report the parent's size; VmHWM
    starts afresh at exec."""
    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024)
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def measure_sizes(sizes: list[int]) -> list[dict]:
    found = []
    for size in sizes:
        result = subprocess.run([sys.executable, __file__, "--one", str(size)], capture_output=True,
                                text=True, check=False)
        found.append(json.loads(result.stdout) if result.returncode == 0
                     else {"articles": size, "error": result.stderr.strip()[-300:]})
        print(f"memory: {json.dumps(found[-1])}", flush=True)
    return found


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="200,1000")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child process: one size
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(one_size(args.one)))
        return
    measure_sizes([int(s) for s in args.sizes.split(",") if s])


if __name__ == "__main__":
    main()
