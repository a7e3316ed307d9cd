"""The web app's test database: the pipeline run once on examples/ plus one hostile article."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from builders import EXAMPLES
from parallax.pipeline import ingest_paths
from parallax.settings import Settings
from webdata import HOSTILE


@pytest.fixture(scope="session")
def served_db(tmp_path_factory) -> Path:
    """examples/ and the hostile article ingested by the library (`parallax run`'s own path)."""
    folder = tmp_path_factory.mktemp("serve")
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    db = folder / "parallax.sqlite"
    ingest_paths([EXAMPLES, hostile], db, Settings(workers=1))  # in-process: the session's spaCy model
    return db


@pytest.fixture()
def db_copy(served_db, tmp_path) -> Path:
    """A private copy of the test database, for tests that write."""
    copy = tmp_path / "parallax.sqlite"
    shutil.copy(served_db, copy)
    return copy
