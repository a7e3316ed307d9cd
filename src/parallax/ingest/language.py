"""Detect an article's language with py3langid, cautious with short and name-heavy texts."""

from __future__ import annotations

from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

# The language of a news report shows in its first paragraphs; reading more only costs time.
SAMPLE_CHARS = 2000
# Name-heavy English ("Mogadishu: al-Shabaab VBIED at Afgooye; AMISOM ...") can rank Somali first,
# yet keeps P(en) >= 0.01; real French or Spanish, even full of names, leaves P(en) below 1e-4.
RULED_OUT = 0.001


@lru_cache(maxsize=1)
def language_identifier() -> LanguageIdentifier:
    """The py3langid model with probabilities calibrated across lengths, loaded once (~0.6 s)."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def language_tag(tag: str) -> str:
    """The two- or three-letter code py3langid uses: "en-US", "EN_gb" -> "en"."""
    return tag.strip().replace("_", "-").split("-")[0].lower()


def rank_languages(text: str) -> list[tuple[str, float]]:
    """(language code, probability) pairs for `text`, most likely first."""
    return [(lang, float(p)) for lang, p in language_identifier().rank(text[:SAMPLE_CHARS])]


def choose_language(text: str, allowed: tuple[str, ...]) -> tuple[str, float]:
    """(language, probability): the model's first choice, unless it is not allowed but an allowed
    language is still plausible, in which case the likeliest allowed language is chosen."""
    ranked = rank_languages(text)
    if ranked[0][0] in allowed:
        return ranked[0]
    plausible = [(lang, p) for lang, p in ranked if lang in allowed]
    if plausible and sum(p for _, p in plausible) >= RULED_OUT:
        return plausible[0]
    return ranked[0]
