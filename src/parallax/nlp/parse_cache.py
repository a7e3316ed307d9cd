"""An opt-in on-disk cache of parsed Docs, for evaluations run again and again over the same texts.

`PARALLAX_PARSE_CACHE=DIR` makes `load_nlp` return the pipeline wrapped in `CachedPipeline`: a text
parsed once with the same model and the same enabled components is read back from DIR instead of
parsed again. The key is a hash of the model's name and version, the enabled components and the
exact text, so a cached Doc is never stale; the Doc is stored as `Doc.to_bytes` without its tensor
and user data (nothing downstream reads them). Unset, nothing is cached and nothing changes.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

ENVIRONMENT_VARIABLE = "PARALLAX_PARSE_CACHE"
_EXCLUDE = ("tensor", "user_data")


def cache_directory() -> Path | None:
    """The cache directory named by the environment, or None when caching is off."""
    value = os.environ.get(ENVIRONMENT_VARIABLE, "").strip()
    return Path(value) if value else None


class CachedPipeline:
    """A spaCy pipeline whose `pipe` and calls read Docs from, and write them to, a directory."""

    def __init__(self, nlp: Language, directory: Path) -> None:
        self._nlp = nlp
        self._directory = directory
        directory.mkdir(parents=True, exist_ok=True)

    @property
    def wrapped(self) -> Language:
        """The pipeline itself, for timing a parse that the cache would answer."""
        return self._nlp

    def __getattr__(self, name: str) -> Any:
        return getattr(self._nlp, name)

    def __call__(self, text: str) -> Doc:
        return next(self.pipe([text]))

    def pipe(self, texts: Iterable[Any], as_tuples: bool = False, batch_size: int = 32,
             n_process: int = 1, **kwargs: Any) -> Iterator[Any]:
        """Like `Language.pipe`; misses are parsed in chunks by the wrapped pipeline and stored."""
        items = iter(texts)
        while chunk := list(islice(items, max(1, batch_size))):  # streams: a batch read at a time
            found = [self._read(self._text(item, as_tuples)) for item in chunk]
            yield from self._answer(chunk, found, as_tuples, batch_size, n_process, kwargs)

    def _answer(self, chunk: list[Any], found: list[Doc | None], as_tuples: bool,
                batch_size: int, n_process: int, kwargs: dict[str, Any]) -> Iterator[Any]:
        missing = [self._text(item, as_tuples) for item, doc in zip(chunk, found) if doc is None]
        parsed = iter(self._nlp.pipe(missing, batch_size=batch_size, n_process=n_process, **kwargs)
                      if missing else ())
        for item, doc in zip(chunk, found):
            if doc is None:
                doc = next(parsed)
                self._write(doc)
            yield (doc, item[1]) if as_tuples else doc

    @staticmethod
    def _text(item: Any, as_tuples: bool) -> str:
        return item[0] if as_tuples else item

    def _path(self, text: str) -> Path:
        meta = self._nlp.meta
        key = "\x00".join([meta.get("name", ""), meta.get("version", ""),
                           ",".join(self._nlp.pipe_names), text])
        digest = hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()
        return self._directory / digest[:2] / f"{digest}.doc"

    def _read(self, text: str) -> Doc | None:
        try:
            data = self._path(text).read_bytes()
        except OSError:
            return None
        return Doc(self._nlp.vocab).from_bytes(data, exclude=_EXCLUDE)

    def _write(self, doc: Doc) -> None:
        """Written to a temporary file and renamed, so a reader never sees half a Doc."""
        path = self._path(doc.text)
        path.parent.mkdir(exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
            handle.write(doc.to_bytes(exclude=_EXCLUDE))
        os.replace(handle.name, path)
