"""Output files are written whole or not at all, so a reader (or a crash) never sees half of one."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replaced(path: Path) -> Iterator[Path]:
    """A temporary path beside `path` to write to; on success it is renamed over `path` (atomic
    on one file system), on failure deleted, leaving the previous file as it was. The name holds
    the process id, so two runs writing one folder never share a temporary file."""
    path = Path(path)
    part = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        yield part
        os.replace(part, path)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
