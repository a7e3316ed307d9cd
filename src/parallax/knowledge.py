"""Find the knowledge files under parallax/data, letting a user's folder override any of them."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from parallax.errors import DataFileError


def data_file(name: str, override_dir: str = "") -> Path:
    """Path of data file `name` (e.g. "actors.tsv"): the user's copy if present, else the shipped one."""
    if override_dir:
        candidate = Path(override_dir) / name
        if candidate.is_file():
            return candidate
    shipped = Path(str(resources.files("parallax") / "data" / name))
    if not shipped.is_file():
        raise DataFileError(f"knowledge file {name!r} not found in {shipped.parent}",
                            "reinstall parallax, or put the file in your --data-dir folder")
    return shipped


def read_table(name: str, override_dir: str = "") -> list[dict[str, str]]:
    """Rows of a tab-separated data file with a header line; '#' lines are comments."""
    path = data_file(name, override_dir)
    lines = [ln for ln in path.read_text("utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    if not lines:
        raise DataFileError(f"knowledge file {path} is empty", "restore it from the package")
    header = lines[0].split("\t")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) > len(header):
            raise DataFileError(f"{path}: line {number} has {len(cells)} cells, header has {len(header)}",
                                "separate cells with single tabs")
        rows.append(dict(zip(header, cells + [""] * (len(header) - len(cells)))))
    return rows
