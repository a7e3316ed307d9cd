"""Engines that run a whole ingest: `local` (worker processes on one machine) and `spark`.

Each is a function with the signature of parallax.pipeline.ingest_paths.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType

from parallax.errors import SettingsError
from parallax.schema import RunSummary
from parallax.settings import Settings

Engine = Callable[[Sequence[Path], Path, Settings, Callable[[int], None] | None], RunSummary]


def _local(paths, db_path, settings, progress=None) -> RunSummary:
    from parallax.engines.local import ingest_local
    return ingest_local(paths, db_path, settings, progress)


def _spark(paths, db_path, settings, progress=None) -> RunSummary:
    from parallax.engines.spark import ingest_spark  # pyspark is an optional extra
    return ingest_spark(paths, db_path, settings, progress)


ENGINES: Mapping[str, Engine] = MappingProxyType({"local": _local, "spark": _spark})


def engine_named(name: str) -> Engine:
    try:
        return ENGINES[name]
    except KeyError:
        raise SettingsError(f"unknown engine {name!r}", f"choose one of: {', '.join(ENGINES)}") from None
