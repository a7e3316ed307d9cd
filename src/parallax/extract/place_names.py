"""Normalise place names into lookup keys so spelling variants of one name meet in the gazetteer."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters that NFKD does not split into a base letter plus a mark.
_SPECIAL = str.maketrans({"ß": "ss", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L",
                          "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i", "ð": "d", "þ": "th",
                          "ħ": "h", "Ħ": "H", "ŧ": "t"})
# Marks that stand for Arabic ayn/hamza or an apostrophe: dropped, not turned into a word break,
# so "Ma'rib", "Maʼrib" and "Marib" share a key.
_GLOTTAL = re.compile(r"['’‘`´ʿʾʻʼ]")
# Romanised Arabic articles ("al-", "ez-", "ash-"), dropped wherever another word follows them:
# "At-Tanf" and "Tanf", "Deir ez-Zor" and "Deir Zor" then share a key.
ARTICLES = frozenset({"al", "el", "il", "ul", "at", "et", "ut", "ash", "esh", "as", "es", "ad", "ed",
                      "ud", "ar", "er", "az", "ez", "uz", "an", "en"})
_VOWEL_H = re.compile(r"(?<=[aeiou])h$")
# Final "-ah"/"-eh" and "-a" are one Arabic ending (ta marbuta) romanised three ways.
_TA_MARBUTA = re.compile(r"(?<=\w\w)[ae]h$")
_WEAK = re.compile(r"[aeiouyw]")
_DOUBLE = re.compile(r"(.)\1+")
MIN_VARIANT_LETTERS = 4
MAX_ACRONYM_LETTERS = 4
# Demonym endings and what a place name may end with instead: "Ohioans", "Iowans", "Ontarians",
# "South Ossetian", "Texan", "New Londoners", "Richmondites".
DEMONYM_ENDINGS = (("ians", ("ia", "io", "a", "")), ("ian", ("ia", "io", "a", "")), ("ans", ("", "a", "as")),
                   ("ns", ("",)), ("an", ("", "a", "as", "s")), ("n", ("", "s")), ("ers", ("",)), ("er", ("",)),
                   ("ites", ("",)), ("ite", ("",)))
MIN_DEMONYM_STEM = 3


def fold(text: str) -> str:
    """ASCII letters only: diacritics dropped ("Ḩamāh" -> "Hamah"), other scripts removed."""
    text = _GLOTTAL.sub("", text.translate(_SPECIAL))
    decomposed = unicodedata.normalize("NFKD", text)
    return decomposed.encode("ascii", "ignore").decode("ascii")


def is_latin(text: str) -> bool:
    """True when every letter is Latin script (so Cyrillic, Arabic, CJK names are left out);
    modifier letters such as the ayn mark in "Şanʻā’" belong to no script and pass."""
    return all("LATIN" in unicodedata.name(ch, "") for ch in text
               if ch.isalpha() and unicodedata.category(ch) != "Lm")


def name_words(text: str) -> list[str]:
    """Lower-case ASCII words, articles removed except the last word ("An Najaf" -> ["najaf"])."""
    words = re.sub(r"[^a-z0-9]+", " ", fold(text).lower()).split()
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    kept = [w for i, w in enumerate(words) if w not in ARTICLES or i == len(words) - 1]
    return [_TA_MARBUTA.sub("a", _DOUBLE.sub(r"\1", w)) for w in kept]


@lru_cache(maxsize=65536)  # pure and called for every sub-range of every capitalised run
def name_key(text: str) -> str:
    """The exact lookup key: case, diacritics, hyphens, articles and doubled letters ignored."""
    return " ".join(name_words(text))


def variant_key(key: str) -> str:
    """A looser key for transliteration variants ("Dayr az Zawr" ~ "Deir ez-Zour"): consonant
    skeleton with q=k, dh=d; empty when too short to tell names apart."""
    words = []
    for word in key.split():
        word = _VOWEL_H.sub("", word).replace("q", "k").replace("dh", "d")
        words.append(_DOUBLE.sub(r"\1", word[:1] + _WEAK.sub("", word[1:])))
    skeleton = " ".join(w for w in words if w)
    return skeleton if len(skeleton.replace(" ", "")) >= MIN_VARIANT_LETTERS else ""


def strip_suffix_words(key: str, words: frozenset[str]) -> tuple[str, str]:
    """("hama", "province") from "hama province" when "province" is in `words`; else (key, "")."""
    for size in (3, 2, 1):
        parts = key.split()
        if len(parts) > size and " ".join(parts[-size:]) in words:
            return " ".join(parts[:-size]), " ".join(parts[-size:])
    return key, ""


def demonym_stems(key: str) -> list[str]:
    """Keys of the places a demonym's key may come from, likeliest ending first: "ohioans" ->
    "ohio", "south ossetian" -> "south ossetia", "new londoners" -> "new london"."""
    head, _, last = key.rpartition(" ")
    stems = []
    for ending, replacements in DEMONYM_ENDINGS:
        if last.endswith(ending) and len(last) - len(ending) >= MIN_DEMONYM_STEM:
            stems += [f"{head} {last[:-len(ending)]}{r}".strip() for r in replacements]
    return list(dict.fromkeys(s for s in stems if s != key))


def is_acronym(text: str) -> bool:
    """"RT", "IS", "EU": short all-capital names, places only as a country's short name ("US")."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) <= MAX_ACRONYM_LETTERS and all(ch.isupper() for ch in letters)


def acronym_kinds(text: str) -> frozenset[str]:
    """The entry kinds a short capital name may stand for: a country ("US", "UAE") or a region
    listed with it ("EU"), and with dots a state too ("S.C.", "D.C.")."""
    return frozenset({"country", "region", "admin1"}) if "." in text else frozenset({"country", "region"})
