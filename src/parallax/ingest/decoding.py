"""Turn a file's bytes into text, falling back from UTF-8 without losing the article."""

from __future__ import annotations

import logging
from pathlib import Path

LOG = logging.getLogger(__name__)
REPLACEMENT = "\ufffd"


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(text, note): UTF-8 if it decodes, else the likelier fallback; `note` is "" when clean."""
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    # Valid multi-byte characters mean a damaged UTF-8 file: cp1252 would garble all of them.
    if any(ch > "\x7f" and ch != REPLACEMENT for ch in lenient):
        bad = lenient.count(REPLACEMENT)
        return lenient, f"not valid UTF-8: {bad} undecodable byte sequence(s) replaced with U+FFFD"
    return data.decode("cp1252", errors="replace"), "not valid UTF-8: read as cp1252 (Windows)"


def normalize_newlines(text: str) -> str:
    """Windows and old-Mac line ends become "\\n", so offsets agree whatever wrote the file."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: Path) -> str:
    """The decoded text of `path` with normalised line ends; a fallback decoding is logged."""
    text, note = decode_bytes(path.read_bytes())
    if note:
        LOG.warning("%s: %s", path, note)
    return normalize_newlines(text)
