"""Metadata given outside an article (sidecar `x.meta.json`, command line) and its precedence."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields, replace
from datetime import datetime
from pathlib import Path

from parallax.errors import BadArticle
from parallax.ingest.language import language_tag
from parallax.ingest.published import parse_published, published_text
from parallax.schema import Article

SIDECAR_SUFFIX = ".meta.json"


@dataclass(frozen=True, slots=True)
class Metadata:
    """Fields a sidecar or the command line may set; empty means "not given"."""

    outlet: str = ""
    published: datetime | None = None
    url: str = ""
    title: str = ""
    language: str = ""


METADATA_KEYS = tuple(f.name for f in fields(Metadata))


def sidecar_path(path: Path) -> Path:
    """`x.txt` -> `x.meta.json` in the same folder."""
    return path.with_name(path.stem + SIDECAR_SUFFIX)


def is_sidecar(path: Path) -> bool:
    return path.name.endswith(SIDECAR_SUFFIX)


def _check_keys(values: object, source: str) -> dict[str, str]:
    """The sidecar's object, refusing what would otherwise be ignored without a word."""
    if not isinstance(values, dict):
        raise BadArticle(f"{source}: expected a JSON object",
                         f"use keys {', '.join(METADATA_KEYS)}")
    unknown = sorted(set(values) - set(METADATA_KEYS))
    if unknown:
        raise BadArticle(f"{source}: unknown key(s) {', '.join(unknown)}",
                         f"use keys {', '.join(METADATA_KEYS)}")
    wrong = sorted(key for key, value in values.items() if not isinstance(value, str)
                   and not (key == "published" and published_text(value)))
    if wrong:
        raise BadArticle(f"{source}: key(s) {', '.join(wrong)} must be strings", "quote the values")
    return values


def parse_sidecar(text: str, source: str) -> Metadata:
    """Metadata from a sidecar's JSON text; raises BadArticle naming the problem."""
    try:
        values = _check_keys(json.loads(text), source)
    except json.JSONDecodeError as exc:
        raise BadArticle(f"{source}: not valid JSON ({exc.msg} at line {exc.lineno})",
                         "fix the JSON or delete the sidecar") from exc
    except (ValueError, RecursionError) as exc:  # too deeply nested, or an integer too long
        raise BadArticle(f"{source}: JSON cannot be read ({type(exc).__name__})",
                         "fix the JSON or delete the sidecar") from exc
    published = parse_published(published_text(values.pop("published", "")), source)
    language = language_tag(values.pop("language", ""))
    rest = {key: value.strip() for key, value in values.items()}
    return Metadata(published=published, language=language, **rest)


def _given(meta: Metadata) -> dict[str, object]:
    return {key: getattr(meta, key) for key in METADATA_KEYS if getattr(meta, key)}


def override(article: Article, meta: Metadata) -> Article:
    """Every field `meta` gives replaces the article's own (a sidecar beats the file)."""
    return replace(article, **_given(meta))


def fill_missing(article: Article, meta: Metadata) -> Article:
    """Fields `meta` gives fill only what the article lacks (the command line's defaults)."""
    missing = {key: value for key, value in _given(meta).items() if not getattr(article, key)}
    return replace(article, **missing)
