"""`parallax classify FILE`: read snippets (TSV or JSONL with id and text) and type each one."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from parallax.errors import BinaryInput, InputError
from parallax.ingest.decoding import SNIFF_BYTES, looks_binary
from parallax.extract.event_classifier import HASHING, NO_EVENT, classify_docs, load_model
from parallax.extract.trigger_lexicon import load_trigger_lexicon

RULES = "rules"
BATCH = 64


@dataclass(frozen=True, slots=True)
class TypedSnippet:
    """One snippet's id and the class given to it: CASE code, ACLED sub-event type, probability."""

    id: str
    code: str
    sub_event_type: str
    probability: float


def read_snippet_file(path: Path) -> list[tuple[str, str]]:
    """(id, text) pairs from a .jsonl file (objects with "id" and "text") or a tab-separated file
    whose header names an `id` column and a `text` column (CASE's `EventSnippet` is read as text)."""
    if not path.is_file():
        raise InputError(f"snippet file {path} does not exist", "pass a TSV or JSONL file with id and text")
    with path.open("rb") as handle:
        if looks_binary(handle.read(SNIFF_BYTES)):
            raise BinaryInput(f"snippet file {path} is binary, not text", "pass a UTF-8 TSV or JSONL file")
    if path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        return list(_jsonl(path))
    return _tsv(path)


def _decoded(data: bytes, path: Path, first_line: int = 1) -> str:
    """`data` as UTF-8, or an InputError naming the file and line of the first bad byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        number = first_line + data.count(b"\n", 0, exc.start)
        raise InputError(f"{path}:{number}: not UTF-8 text (byte {data[exc.start]:#04x})",
                         "save the file as UTF-8") from exc


def _jsonl(path: Path) -> Iterator[tuple[str, str]]:
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, 1):
            line = _decoded(raw, path, number)
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                yield str(item["id"]), str(item["text"])
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise InputError(f"{path}:{number}: not a JSON object with id and text ({exc})",
                                 "write one {\"id\": ..., \"text\": ...} object per line") from exc


def _tsv(path: Path) -> list[tuple[str, str]]:
    text = _decoded(path.read_bytes(), path)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter="\t", quoting=csv.QUOTE_NONE))
    header = [cell.strip().lower() for cell in rows[0]] if rows else []
    text_column = next((name for name in ("text", "eventsnippet", "snippet") if name in header), None)
    if "id" not in header or text_column is None:
        raise InputError(f"{path}: the header names no id and text columns", "start the file with id<TAB>text")
    id_at, text_at = header.index("id"), header.index(text_column)
    return [(r[id_at], r[text_at]) for r in rows[1:] if len(r) > max(id_at, text_at)]


def classify_snippets(items: list[tuple[str, str]], method: str = HASHING,
                      allow_none: bool = False) -> Iterator[TypedSnippet]:
    """Type each (id, text) with the model `method` names (HASHING, EMBEDDINGS: "minilm", which
    needs the embeddings extra, or RULES: the trigger rules alone), in
    batches so the output streams. Without `allow_none` every snippet gets an event class."""
    from parallax.nlp.pipeline import load_nlp  # spaCy loads only when there is work

    nlp, lex = load_nlp(), load_trigger_lexicon()
    model = None if method == RULES else load_model(method)
    for start in range(0, len(items), BATCH):
        batch = items[start:start + BATCH]
        docs = list(nlp.pipe((text for _, text in batch), batch_size=BATCH))
        for (snippet_id, _), (code, probability) in zip(batch, classify_docs(docs, model, lex, allow_none)):
            sub_event = lex.classes[code].sub_event_type if code in lex.classes else NO_EVENT
            yield TypedSnippet(snippet_id, code, sub_event, probability)
