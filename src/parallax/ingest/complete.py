"""Turn a reader's draft into a finished Article: checks, language, dateline and content id."""

from __future__ import annotations

from dataclasses import replace

from parallax.ingest.dateline import find_dateline
from parallax.ingest.decoding import without_surrogates
from parallax.ingest.ids import content_id
from parallax.ingest.language import choose_language
from parallax.ingest.rejects import RejectCode, reject
from parallax.schema import Article, Rejected

# Settings.max_text_chars: spaCy refuses texts over 1,000,000 characters, and extraction time
# grows faster than the text, so one giant "article" would stall a run.
DEFAULT_MAX_TEXT_CHARS = 100_000


def _language_or_reject(draft: Article, allowed: tuple[str, ...]) -> str | Rejected:
    """A language the source declared is trusted; otherwise it is detected from the text."""
    if draft.language:
        if draft.language in allowed:
            return draft.language
        return reject(draft.source, RejectCode.LANGUAGE,
                      f"declared language {draft.language!r} is not one of {', '.join(allowed)}")
    language, probability = choose_language(draft.text, allowed)
    if language in allowed:
        return language
    return reject(draft.source, RejectCode.LANGUAGE,
                  f"detected language {language!r} (p={probability:.2f}) is not one of "
                  f"{', '.join(allowed)}; add it to settings.languages to read it")


def _encodable(draft: Article) -> Article:
    fields = ("text", "title", "outlet", "url", "source")
    return replace(draft, **{name: without_surrogates(getattr(draft, name)) for name in fields})


def complete_article(draft: Article, languages: tuple[str, ...], min_text_chars: int,
                     max_text_chars: int = DEFAULT_MAX_TEXT_CHARS) -> Article | Rejected:
    """The finished article, or a Rejected saying why it was too short, too long or in another
    language."""
    draft = _encodable(draft)
    length = len(draft.text.strip())
    if length < min_text_chars:
        return reject(draft.source, RejectCode.EMPTY,
                      f"text has {length} characters; at least {min_text_chars} are needed")
    if length > max_text_chars:
        return reject(draft.source, RejectCode.TOO_LARGE,
                      f"text has {length:,} characters, over max_text_chars ({max_text_chars:,}); "
                      "split it, or raise the setting")
    language = _language_or_reject(draft, languages)
    if isinstance(language, Rejected):
        return language
    dateline, dateline_end = find_dateline(draft.text)
    return replace(draft, id=content_id(draft.text), language=language,
                   dateline=dateline, dateline_end=dateline_end)
