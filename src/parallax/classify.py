"""`parallax classify FILE`: read snippets (TSV or JSONL with id and text) and type each one."""

from __future__ import annotations

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


@dataclass(frozen=True, slots=True)
class SnippetFile:
    """The snippets a file holds, and each line that could not be read, named by file and line."""

    items: list[tuple[str, str]]
    skipped: list[str]


def read_snippet_file(path: Path) -> SnippetFile:
    """(id, text) pairs from a .jsonl file (objects with "id" and "text") or a tab-separated file
    whose header names an `id` column and a `text` column (CASE's `EventSnippet` is read as text).
    A bad line (not JSON, not UTF-8, no id or text, an empty text) is skipped and named in
    `skipped`; the other lines are still read. A file that holds no snippet at all is an error."""
    if not path.is_file():
        raise InputError(f"snippet file {path} does not exist", "pass a TSV or JSONL file with id and text")
    with path.open("rb") as handle:
        if looks_binary(handle.read(SNIFF_BYTES)):
            raise BinaryInput(f"snippet file {path} is binary, not text", "pass a UTF-8 TSV or JSONL file")
    items: list[tuple[str, str]] = []
    skipped: list[str] = []
    rows = _jsonl(path) if path.suffix.lower() in (".jsonl", ".ndjson", ".json") else _tsv(path)
    for row in rows:
        if isinstance(row, str):
            skipped.append(row)
        elif not row[1].strip():
            skipped.append(f"{path}: snippet {row[0]!r} has an empty text")
        else:
            items.append(row)
    if not items:
        reason = f" ({skipped[0]}{' ...' if len(skipped) > 1 else ''})" if skipped else ""
        raise InputError(f"snippet file {path} holds no readable snippet{reason}",
                         "write one {\"id\": ..., \"text\": ...} object per line, or id<TAB>text rows")
    return SnippetFile(items, skipped)


def _utf8_problem(data: bytes, path: Path, number: int) -> str | None:
    """None when `data` is UTF-8, else a message naming the file and line of the first bad byte."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = number + data.count(b"\n", 0, exc.start)
        return f"{path}:{line}: not UTF-8 text (byte {data[exc.start]:#04x}); save the file as UTF-8"
    return None


def _jsonl(path: Path) -> Iterator[tuple[str, str] | str]:
    """Each line's (id, text), or a message naming the line that is not one."""
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, 1):
            problem = _utf8_problem(raw, path, number)
            if problem:
                yield problem
                continue
            line = raw.decode("utf-8")
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                yield str(item["id"]), str(item["text"])
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                yield f"{path}:{number}: not a JSON object with id and text ({exc})"


def _tsv(path: Path) -> Iterator[tuple[str, str] | str]:
    """Each row's (id, text), or a message naming the row that is not one."""
    lines = path.read_bytes().split(b"\n")
    good = []
    for number, raw in enumerate(lines, 1):
        problem = _utf8_problem(raw, path, number)
        if problem:
            yield problem
        else:
            good.append((number, raw.decode("utf-8").rstrip("\r")))
    if not good:
        return
    header = [cell.strip().lower() for cell in good[0][1].split("\t")]
    text_column = next((name for name in ("text", "eventsnippet", "snippet") if name in header), None)
    if good[0][0] != 1 or "id" not in header or text_column is None:
        raise InputError(f"{path}: the header names no id and text columns", "start the file with id<TAB>text")
    id_at, text_at = header.index("id"), header.index(text_column)
    for number, line in good[1:]:
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) <= max(id_at, text_at):
            yield f"{path}:{number}: {len(cells)} tab-separated cells, the header names {len(header)}"
        else:
            yield cells[id_at], cells[text_at]


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
