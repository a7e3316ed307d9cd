"""Content ids: the same words, however they are spaced, always get the same id."""

from __future__ import annotations

import hashlib

ID_LENGTH = 16


def normalize_whitespace(text: str) -> str:
    """Runs of any whitespace become one space; leading and trailing whitespace go."""
    return " ".join(text.split())


def content_id(text: str) -> str:
    """First 16 hex characters of the sha256 of the whitespace-normalised text."""
    digest = hashlib.sha256(normalize_whitespace(text).encode("utf-8")).hexdigest()
    return digest[:ID_LENGTH]
