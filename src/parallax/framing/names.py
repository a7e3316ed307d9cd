"""Find people's names in the words around a quote, and tell them from places and institutions."""

from __future__ import annotations

import re

from parallax.framing.lexicon import FramingLexicon

# Two to six capitalised words, titles included: "Sergei Lavrov", "Yehya al-Aridi", "Staffan di Mistura".
_NAME = re.compile(r"(?<![\w-])(?:[A-Z][a-z][\w’'-]*|al-[A-Z][\w-]*)"
                   r"(?:\s+(?:[A-Z][a-z][\w’'-]*|al-[A-Z][\w-]*|(?:de|di|bin)(?![\w-]))){1,5}")
# Titles, days and other capitalised words that open a name phrase without being the name.
_NOT_NAMES = frozenset("the a an in on at this that but and foreign deputy minister president secretary "
                       "chief prime general spokesman spokeswoman defence defense interior state syrian "
                       "russian american iranian british turkish israeli iraqi monday tuesday wednesday "
                       "thursday friday saturday sunday according middle east west north south colonel major "
                       "captain lieutenant sergeant commander admiral brigadier inspector superintendent "
                       "councilman councilwoman lt col gen sgt capt maj dr mr mrs ms prof after before when while "
                       "during since although however meanwhile earlier later then also yet vice".split())
# What comes before a word that is an object, not a speaker: "in (the) Syria", "bombing the", "blamed the".
OBJECT_BEFORE = re.compile(r"(?:\b(?:in|on|at|near|of|from|against|to|into|over|with|by|between)"
                           r"|\w+ing|\w+ed)\s+(?:the\s+)?(?:[\w-]+\s+and\s+)?$", re.IGNORECASE)


def full_names(text: str, lexicon: FramingLexicon) -> list[str]:
    """Capitalised word runs that look like a person's name, with the titles and institutions
    before it dropped: "Whatcom County Sheriff Bill Elfo" -> "Bill Elfo"."""
    organisation = lexicon.organisation
    names = []
    for m in _NAME.finditer(text):
        if OBJECT_BEFORE.search(text[max(0, m.start() - 40):m.start()]) \
                or _modifies_next(text[m.end():m.end() + 40], organisation, lexicon):
            continue  # "in San Bernardino", "Round Rock police": a place, not a person
        words = m.group().split()
        if _is_cue(" ".join(w for w in words if w.lower() not in _NOT_NAMES), lexicon):
            continue  # "The White Helmets": an organisation the lexicon knows
        words = _after_titles(words, organisation, lexicon)
        if len(words) >= 2 and not any(re.search(r"['’]s$", w) for w in words):
            names.append(" ".join(words))
    return names


def _after_titles(words: list[str], organisation: frozenset[str], lexicon: FramingLexicon) -> list[str]:
    def title(word: str) -> bool:
        bare = re.sub(r"['’]s$", "", word).lower()
        return bare in organisation or bare in _NOT_NAMES or _is_cue(bare, lexicon)
    last_title = max((i for i, w in enumerate(words) if title(w)), default=-1)
    return words[last_title + 1:]


def _modifies_next(rest: str, organisation: frozenset[str], lexicon: FramingLexicon) -> bool:
    following = re.match(r"\s+([a-z][\w-]*)", rest)
    return bool(following) and (following.group(1) in organisation or _is_cue(following.group(1), lexicon))


def surnames(text: str, lexicon: FramingLexicon, outlet: str = "") -> frozenset[str]:
    """The last words of the people the text names in full; the outlet ("told Lakes Wire") is no one."""
    own = outlet.strip().casefold()
    return frozenset(name.split()[-1] for name in full_names(text, lexicon) if name.casefold() != own)


def person_name(region: str, lexicon: FramingLexicon, known: frozenset[str], cues: list[tuple[int, int]],
                near: int, opens: bool = False) -> str:
    """The person named in the region nearest `near` (the verb, or the start of the sentence
    before "he said"): a full name, a lone capitalised word right before the verb ("..., Piper
    said"), a surname in `known` (people the article named in full), or, when the region opens
    right after the verb, a capitalised word and a comma ("said Fatima, 34"). `cues` are the
    spans of party cues in the region: a word inside one is no name."""
    full = full_names(region, lexicon)
    if full:
        return min(full, key=lambda name: abs(region.find(name) - near))
    last = re.search(r"(?<![\w-])(?<![A-Z][\w’'-] )([A-Z][a-z][\w’'-]+)\s*$", region)
    if not opens and last and _may_be_name(last.group(1), lexicon) \
            and not OBJECT_BEFORE.search(region[:last.start()]) and not _in_other_word_run(region, last.start()) \
            and not any(start <= last.start() < end for start, end in cues):
        return last.group(1)
    single = [w for w in re.findall(r"[A-Z][\w’'-]+", region) if w in known]
    if single:
        return single[-1]
    first = re.match(r"\s*([A-Z][a-z]+),", region) if opens else None
    return first.group(1) if first and _may_be_name(first.group(1), lexicon) else ""


def _in_other_word_run(region: str, at: int) -> bool:
    """Whether the word at `at` ends a run of capitalised words ("Amnesty International")."""
    return bool(re.search(r"[A-Z][\w’'-]*\s+$", region[:at]))


def _may_be_name(word: str, lexicon: FramingLexicon) -> bool:
    lower = word.lower()
    return lower not in _NOT_NAMES and not _is_cue(lower, lexicon) and \
        lower not in lexicon.organisation


def _is_cue(word: str, lexicon: FramingLexicon) -> bool:
    """Whether the word is a party cue other than a person's name ("Pentagon", not "Lavrov")."""
    return word.lower() in lexicon.cue_words
