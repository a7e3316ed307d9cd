"""Turn a file's bytes into text, falling back from UTF-8 without losing the article."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from parallax.errors import BinaryInput, TooLarge

LOG = logging.getLogger(__name__)
REPLACEMENT = "\ufffd"
SNIFF_BYTES = 8192
# Text in any 8-bit encoding has almost no C0 control bytes besides whitespace; random or
# compressed bytes have about one in nine.
MAX_CONTROL_SHARE = 0.05
TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
SURROGATES = re.compile("[\ud800-\udfff]")


def looks_binary(head: bytes) -> bool:
    """True for bytes that are not text: a NUL byte (outside UTF-16) or many control bytes."""
    if not head or head.startswith(UTF16_BOMS):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if (byte < 0x20 or byte == 0x7F) and byte not in TEXT_CONTROLS)
    return controls / len(head) > MAX_CONTROL_SHARE


def check_readable(path: Path, max_bytes: int) -> None:
    """Raise TooLarge or BinaryInput for a file that must not be read whole, without reading it."""
    size = path.stat().st_size
    if size > max_bytes:
        raise TooLarge(f"{path} has {size:,} bytes, over the limit of {max_bytes:,}",
                       "split it, or raise settings.max_input_bytes")
    with path.open("rb") as handle:
        if looks_binary(handle.read(SNIFF_BYTES)):
            raise BinaryInput(f"{path} is binary, not text", "pass text, HTML, JSONL or feed files")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(text, note): UTF-8 if it decodes, else the likelier fallback; `note` is "" when clean."""
    if data.startswith(UTF16_BOMS):
        return data.decode("utf-16", errors="replace"), ""
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


def without_surrogates(text: str) -> str:
    """Lone surrogates (from a JSON "\\ud800" escape, or an undecodable file name) become U+FFFD:
    they cannot be encoded as UTF-8, so hashing or storing them would fail. Lengths (and so
    offsets) do not change."""
    return SURROGATES.sub(REPLACEMENT, text)


def normalize_newlines(text: str) -> str:
    """Windows and old-Mac line ends become "\\n", so offsets agree whatever wrote the file."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: Path) -> str:
    """The decoded text of `path` with normalised line ends; a fallback decoding is logged."""
    text, note = decode_bytes(path.read_bytes())
    if note:
        LOG.warning("%s: %s", path, note)
    return normalize_newlines(text)
