"""Articles added over HTTP: token check, body limit, safe upload names, then the library's ingest.

Every article posted or uploaded is written as a file into the upload folder and read by
pipeline.ingest_paths, the same path as `parallax ingest`, so a web ingest and a command-line
ingest of the same text give the same database.
"""

from __future__ import annotations

import hmac
import json
import re
import threading
import uuid
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import replace
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from parallax.errors import AccessDenied, BadUpload, RequestTooLarge
from parallax.ingest.ids import content_id
from parallax.ingest.metadata import sidecar_path
from parallax.ingest.readers import READERS, SIDECAR_FORMATS
from parallax.pipeline import ingest_paths
from parallax.schema import RunSummary
from parallax.settings import Settings

SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def check_token(authorization: str | None, expected: str) -> None:
    """Raise AccessDenied unless the header is "Bearer <expected>" (compared in constant time)."""
    if not expected:
        raise AccessDenied("this server was started without a token, so writes are disabled",
                           "restart it with --token T (or PARALLAX_TOKEN=T) to accept articles")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise AccessDenied("missing or wrong bearer token", "send the header 'Authorization: Bearer T'")


def upload_folder(db_path: Path, settings: Settings) -> Path:
    folder = Path(settings.upload_dir) if settings.upload_dir else Path(db_path).parent / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    return folder.resolve()


def safe_upload_path(folder: Path, filename: str) -> Path:
    """A new file in `folder` named after the upload's base name: directories, drive letters and
    odd characters are dropped, a random prefix avoids clashes, and the result must stay inside."""
    base = PureWindowsPath(PurePosixPath(filename or "").name).name
    cleaned = SAFE_NAME.sub("_", base).lstrip(".")
    suffix = PurePosixPath(cleaned).suffix.lower()
    if suffix not in READERS:
        raise BadUpload(f"upload {filename[:80]!r}: format {suffix or '(none)'!r} cannot be read",
                        f"send one of {', '.join(sorted(READERS))}")
    path = (folder / f"{uuid.uuid4().hex[:12]}-{cleaned[-100:]}").resolve()
    if not path.is_relative_to(folder):
        raise BadUpload(f"upload name {filename[:80]!r} points outside the upload folder", "send a plain file name")
    return path


def write_article_file(folder: Path, article: dict[str, str]) -> Path:
    """A posted JSON article as a one-line JSONL file, the format `parallax ingest` reads."""
    path = folder / f"{uuid.uuid4().hex[:12]}-post.jsonl"
    path.write_text(json.dumps(article, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def ingest_file(path: Path, db_path: Path, settings: Settings, lock: threading.Lock,
                single: bool = False) -> RunSummary:
    """One ingest at a time per app (`lock`); SQLite's write lock queues other processes.
    `single`: one article, extracted in this process (its spaCy model is loaded once and kept)
    rather than in a pool of worker processes that would each load the model for it."""
    with lock:
        return ingest_paths([path], db_path, replace(settings, workers=1) if single else settings)


def article_id_of(text: str) -> str:
    """The id the ingest gives a text (the jsonl reader strips it first)."""
    return content_id(text.strip())


def holds_one_article(path: Path) -> bool:
    """A text or HTML file is one article; a feed or JSONL file may hold many."""
    return path.suffix.lower() in SIDECAR_FORMATS


def summary_payload(summary: RunSummary) -> dict[str, Any]:
    return {"read": summary.read, "new_articles": summary.new_articles, "duplicates": summary.duplicates,
            "rejected": [{"source": r.source, "code": r.code, "reason": r.reason} for r in summary.rejected],
            "mentions": summary.mentions, "claims": summary.claims, "incidents": summary.incidents}


Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]


class BodyLimit:
    """ASGI middleware refusing request bodies over `max_bytes` with 413: by Content-Length up front;
    a body without one (chunked) is read first, up to the limit, then handed on."""

    def __init__(self, app: Callable, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None:
            if not length.isdigit() or int(length) > self.max_bytes:
                await _too_large(send, self.max_bytes)
                return
            await self.app(scope, receive, send)  # the server holds the body to its declared length
            return
        messages = await self._buffered(receive)
        if messages is None:
            await _too_large(send, self.max_bytes)
            return
        await self.app(scope, _replay(messages, receive), send)

    async def _buffered(self, receive: Receive) -> list[MutableMapping[str, Any]] | None:
        """The body's messages, or None once they pass the limit (memory stays bounded by it)."""
        messages, seen = [], 0
        while True:
            message = await receive()
            messages.append(message)
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                return None
            if message["type"] != "http.request" or not message.get("more_body"):
                return messages


def _replay(messages: list[MutableMapping[str, Any]], receive: Receive) -> Receive:
    pending = list(messages)

    async def replayed() -> MutableMapping[str, Any]:
        return pending.pop(0) if pending else await receive()
    return replayed


async def _too_large(send: Send, max_bytes: int) -> None:
    body = json.dumps({"error": RequestTooLarge.code,
                       "detail": f"request body over {max_bytes} bytes"}).encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def write_sidecar(path: Path, outlet: str, published: str) -> None:
    """ARTICLE.meta.json beside an upload: the metadata a form sent with it (see the README)."""
    meta = {k: v for k, v in (("outlet", outlet), ("published", published)) if v}
    sidecar_path(path).write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
