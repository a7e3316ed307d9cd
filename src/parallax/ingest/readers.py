"""Find the inputs named on the command line and read each with the reader for its format."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import partial
from pathlib import Path
from types import MappingProxyType

from parallax.errors import (BadArticle, BinaryInput, InputError, SettingsError, TooLarge,
                             UnsupportedFormat)
from parallax.ingest.complete import complete_article
from parallax.ingest.decoding import check_readable, read_text
from parallax.ingest.feeds import read_feed
from parallax.ingest.html import read_html
from parallax.ingest.jsonl import read_jsonl
from parallax.ingest.metadata import (SIDECAR_SUFFIX, Metadata, fill_missing, is_sidecar, override,
                                      parse_sidecar, sidecar_path)
from parallax.ingest.published import parse_published
from parallax.ingest.rejects import RejectCode, reject
from parallax.ingest.text import read_txt
from parallax.schema import Article, Rejected
from parallax.settings import Settings

Reader = Callable[[Path], Iterator[Article | Rejected]]

READERS: Mapping[str, Reader] = MappingProxyType({
    ".txt": read_txt,
    ".html": read_html,
    ".htm": read_html,
    ".jsonl": read_jsonl,
    ".xml": read_feed,
    ".rss": read_feed,
    ".atom": read_feed,
})
# Formats holding one article, whose metadata an `x.meta.json` next to them may set.
SIDECAR_FORMATS = frozenset({".txt", ".html", ".htm"})
STREAMED_FORMATS = frozenset({".jsonl"})
DEFAULT_MAX_BYTES = Settings().max_input_bytes
SUPPORTED = ", ".join(READERS)


def _extension(path: Path) -> str:
    return repr(path.suffix) if path.suffix else "(no extension)"


def check_input(path: Path) -> None:
    """Raise for a command-line input that cannot be read at all, naming it and the fix."""
    if not path.exists():
        raise InputError(f"input {path} does not exist", "check the path (and the current folder)")
    if path.is_dir():
        return
    if is_sidecar(path):
        raise UnsupportedFormat(f"input {path} is a metadata sidecar, not an article",
                                f"pass the article it describes; {path.name} is read along with it")
    if path.suffix.lower() not in READERS:
        raise UnsupportedFormat(f"input {path} has unsupported format {_extension(path)}",
                                f"pass {SUPPORTED} files, or a folder of them")


def defaults_from(settings: Settings) -> Metadata:
    """The command line's outlet and date, used where an input says nothing itself."""
    published = parse_published(settings.published, "settings.published", warn=False)  # refused below
    if settings.published.strip() and published is None:
        raise SettingsError(f"published date {settings.published!r} is not a date",
                            "give an ISO date such as 2017-05-19")
    return Metadata(outlet=settings.outlet.strip(), published=published)


def _is_hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def walk(root: Path) -> Iterator[Path]:
    """Files under `root`, recursively, in sorted order; hidden files and folders (.git) are
    tool metadata, not inputs, so they are left out. Broken links are kept so they are reported."""
    for path in sorted(root.rglob("*")):
        broken_link = path.is_symlink() and not path.exists()
        if (path.is_file() or broken_link) and not _is_hidden(path, root):
            yield path


def _orphan_sidecar(path: Path) -> Rejected | None:
    """A sidecar with no article beside it is reported: its metadata would otherwise vanish."""
    stem = path.name.removesuffix(SIDECAR_SUFFIX)
    if any(path.with_name(stem + suffix).is_file() for suffix in SIDECAR_FORMATS):
        return None
    return reject(str(path), RejectCode.SIDECAR,
                  f"no article {stem}.txt or {stem}.html next to this sidecar")


def load_sidecar(path: Path) -> Metadata | Rejected:
    """The metadata in `path`'s sidecar (empty when there is none), or why it cannot be used."""
    side = sidecar_path(path)
    if path.suffix.lower() not in SIDECAR_FORMATS or not side.is_file():
        return Metadata()
    try:
        return parse_sidecar(read_text(side), str(side))
    except (OSError, BadArticle) as exc:
        return reject(str(side), RejectCode.SIDECAR,
                      f"{exc.args[0]}; the article was read without it")


def _read_drafts(path: Path, reader: Reader, sidecar: Metadata,
                 defaults: Metadata) -> Iterator[Article | Rejected]:
    """Drafts with metadata by precedence: sidecar, then the file's own, then the command line."""
    try:
        for item in reader(path):
            if isinstance(item, Article):
                item = fill_missing(override(item, sidecar), defaults)
            yield item
    # One unreadable or unparseable file must not stop the run: lxml raises ValueError
    # subclasses, and a parser library's bug on hostile bytes can raise anything else.
    except Exception as exc:  # noqa: BLE001 - the reader boundary; the record names the error
        yield reject(str(path), RejectCode.UNREADABLE, f"{type(exc).__name__}: {exc}")


def _unreadable(path: Path, max_bytes: int) -> Rejected | None:
    """Why a file is refused before its reader sees it: empty, binary, or (for formats read
    whole) too large; JSONL is streamed, so its limit applies to each line instead."""
    try:
        if path.stat().st_size == 0:
            return reject(str(path), RejectCode.EMPTY, "file is empty (0 bytes)")
        whole = path.suffix.lower() not in STREAMED_FORMATS
        check_readable(path, max_bytes if whole else sys.maxsize)
    # The record names the file already: its reason starts after the file's name.
    except TooLarge as exc:
        return reject(str(path), RejectCode.TOO_LARGE, f"{exc.args[0].removeprefix(f'{path} ')}; {exc.hint}")
    except BinaryInput as exc:
        return reject(str(path), RejectCode.BINARY, exc.args[0].removeprefix(f"{path} "))
    except OSError as exc:
        return reject(str(path), RejectCode.UNREADABLE, f"{type(exc).__name__}: {exc}")
    return None


def read_file(path: Path, defaults: Metadata,
              max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Rejected]:
    """Drafts (no id or language yet) or rejections from one file of any format."""
    if is_sidecar(path):
        orphan = _orphan_sidecar(path)
        if orphan:
            yield orphan
        return
    reader = READERS.get(path.suffix.lower())
    if reader is None:  # only a folder walk gets here: check_input refuses a named file
        yield reject(str(path), RejectCode.IGNORED,
                     f"not an input format ({_extension(path)}); readable: {SUPPORTED}")
        return
    refused = _unreadable(path, max_bytes)
    if refused:
        yield refused
        return
    if reader is read_jsonl:
        reader = partial(read_jsonl, max_line_bytes=max_bytes)
    sidecar = load_sidecar(path)
    if isinstance(sidecar, Rejected):
        yield sidecar
        sidecar = Metadata()
    yield from _read_drafts(path, reader, sidecar, defaults)


def _first_copy(article: Article, seen: dict[str, str]) -> Article | Rejected:
    """The article the first time its text is seen in this run; a "duplicate" rejection after."""
    if article.id in seen:
        return reject(article.source, RejectCode.DUPLICATE,
                      f"same text (id {article.id}) as {seen[article.id]}")
    seen[article.id] = article.source
    return article


def _files(paths: list[Path]) -> Iterator[Path]:
    for path in paths:
        yield from walk(path) if path.is_dir() else [path]


def _read_all(paths: list[Path], defaults: Metadata,
              settings: Settings) -> Iterator[Article | Rejected]:
    seen: dict[str, str] = {}  # id -> source of its first copy
    for path in _files(paths):
        for item in read_file(path, defaults, settings.max_input_bytes):
            if isinstance(item, Article):
                item = complete_article(item, settings.languages, settings.min_text_chars,
                                        settings.max_text_chars)
            if isinstance(item, Article):
                item = _first_copy(item, seen)
            yield item


def read_inputs(paths: Iterable[Path], settings: Settings) -> Iterator[Article | Rejected]:
    """Articles and rejections from files, folders (recursively, sorted) and feeds, streamed.
    Bad command-line inputs raise InputError here, before anything is read."""
    paths = [Path(path) for path in paths]
    for path in paths:
        check_input(path)
    return _read_all(paths, defaults_from(settings), settings)
