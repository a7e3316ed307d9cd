"""Shared fixtures: the spaCy pipeline is loaded once for the whole test session."""

from __future__ import annotations

import pytest

from parallax.nlp.pipeline import load_nlp


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()
