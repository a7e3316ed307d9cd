"""Shared fixtures: the spaCy pipeline is loaded once for the whole test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from parallax.nlp.pipeline import load_nlp

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()
