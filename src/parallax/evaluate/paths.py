"""Where a scorer's gold file is: `--data` may name the file itself (any file of the format) or a
folder holding the dataset's usual file name."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import TextIO

from parallax.errors import EvalDataError


def dataset_file(path: Path, usual_name: str) -> Path:
    """`path` when it is a file, else `path`/`usual_name`; neither is an EvalDataError naming both."""
    chosen = path if path.is_file() else path / usual_name
    if not chosen.is_file():
        raise EvalDataError(f"{chosen} not found",
                            f"pass --data FILE (a file in {usual_name}'s format) or a folder holding {usual_name}")
    return chosen


def open_text(path: Path) -> TextIO:
    """A gold file for reading as text, gzip-compressed (.gz) or not."""
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8", newline="")
    return path.open(encoding="utf-8", newline="")
