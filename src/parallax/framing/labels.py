"""Find the phrases an article uses for armed actors and the actor each phrase names."""

from __future__ import annotations

import re
from collections.abc import Sequence

from parallax.framing.lexicon import FramingLexicon
from parallax.framing.segments import Passage, inside
from parallax.schema import Actor, ActorLabel, Article, Span

_TOKEN = re.compile(r"[\w][\w'’.-]*\w|\w")
# Capitalised function words are never part of a label ("The", "Its", "Such").
_FUNCTION_WORDS = frozenset(
    "the a an this that these those its their his her our such some many both all and but or in on "
    "at of to by for with from as while when after before since if it he she they we no any every each "
    "other another several few most more one two three".split())
_MAX_MODIFIERS = 4
_MAX_OBJECT_WORDS = 5

Token = tuple[int, int, str]


def _tokens(text: str) -> list[Token]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def _bare(word: str) -> str:
    return re.sub(r"['’]s$", "", word.lower().rstrip("."))


def _adjacent(text: str, left: Token, right: Token) -> bool:
    return text[left[1]:right[0]].strip() == ""


def _is_modifier(token: Token, lexicon: FramingLexicon) -> bool:
    word = token[2].rstrip(".")
    lower = _bare(word)
    if lower in _FUNCTION_WORDS or word.isdigit():
        return False
    return lower in lexicon.modifiers or "-" in word or word[:1].isupper()


def _label_start(text: str, tokens: list[Token], head: int, lexicon: FramingLexicon) -> int:
    first = head
    while first > 0 and head - first < _MAX_MODIFIERS and _adjacent(text, tokens[first - 1], tokens[first]) \
            and _is_modifier(tokens[first - 1], lexicon):
        first -= 1
    if first < head and _capitalised_by_position(text, tokens[first], lexicon):
        first += 1  # "Suspected bandits attacked": capitalised only because it opens the sentence
    return first


def _capitalised_by_position(text: str, token: Token, lexicon: FramingLexicon) -> bool:
    word = token[2].lower()
    opens = not text[:token[0]].strip() or text[:token[0]].rstrip()[-1] in ".!?\"”\n"
    return opens and word not in lexicon.modifiers and word not in lexicon.countries and "-" not in word


def _label_end(text: str, tokens: list[Token], head: int, lexicon: FramingLexicon) -> int:
    """Offset where the label ends: after "aligned with Assad" when a link and a named object follow."""
    end = tokens[head][1]
    if re.search(r"['’]s$", tokens[head][2]):
        return end - 2
    rest = text[end:end + 60].lower()
    link = next((w for w in lexicon.links if re.match(rf"\s+{re.escape(w)}\s", rest)), "")
    if not link:
        return end
    after = [t for t in tokens[head + 1:] if t[0] >= end + len(link) + 1]
    taken = _object_words(text, after)
    return taken[-1][1] if taken else end


def _object_words(text: str, tokens: list[Token]) -> list[Token]:
    """The named object of a link ("the Islamic State group", "the US"): needs a capital."""
    taken: list[Token] = []
    for token in tokens[:_MAX_OBJECT_WORDS]:
        word = token[2]
        if taken and not _adjacent(text, taken[-1], token):
            break
        if not (word[:1].isupper() or word.lower() in ("the", "group") or word.startswith("al-")):
            break
        taken.append(token)
    while taken and taken[-1][2].lower() == "the":
        taken.pop()
    return taken if any(t[2][:1].isupper() for t in taken) else []


def find_labels(article: Article, actors: Sequence[Actor], quoted: list[Passage],
                lexicon: FramingLexicon) -> list[ActorLabel]:
    """Every actor label in the article, in reading order, each with its referent when known."""
    text = article.text
    tokens = _tokens(text)
    labels = []
    for i, token in enumerate(tokens):
        head = _bare(token[2])
        if head not in lexicon.heads:
            continue
        first = _label_start(text, tokens, i, lexicon)
        start, end = tokens[first][0], _label_end(text, tokens, i, lexicon)
        if head in lexicon.weak_heads and first == i and end == token[1]:
            continue
        phrase = text[start:end]
        if head in lexicon.weak_heads and phrase.istitle() and first == i:
            continue
        span = Span(article.id, start, end, phrase, "")
        referent, how = resolve_referent(span, text[start:token[1]], text, actors, lexicon)
        labels.append(ActorLabel(phrase, referent, how, span, inside(start, end, quoted)))
    return _follow_earlier(_without_nested(labels))


def _follow_earlier(labels: list[ActorLabel]) -> list[ActorLabel]:
    """A bare head ("the coalition") names what the article's last fuller label with that head
    named ("the Saudi-led coalition"), or what an extracted actor with that head named ("soldiers"
    of the incident), not whatever a dictionary gives the bare word."""
    fuller: dict[str, ActorLabel] = {}
    resolved = []
    for label in labels:
        head = _bare(label.label.split()[-1])
        earlier = fuller.get(head)
        if " " not in label.label and label.how != "actor span" and earlier is not None:
            label = ActorLabel(label.label, earlier.referent, "earlier label", label.span, label.quoted)
        elif label.referent and (" " in label.label or label.how == "actor span"):
            fuller[head] = label
        resolved.append(label)
    return resolved


def _without_nested(labels: list[ActorLabel]) -> list[ActorLabel]:
    """"pro-government forces" and its head "forces" found twice: keep the longest."""
    kept: list[ActorLabel] = []
    for label in sorted(labels, key=lambda lb: (lb.span.start, -lb.span.end)):
        if kept and label.span.start < kept[-1].span.end:
            continue
        kept.append(label)
    return kept


def resolve_referent(span: Span, core: str, text: str, actors: Sequence[Actor],
                     lexicon: FramingLexicon) -> tuple[str, str]:
    """(normalised actor, how): an extracted actor's span first; else the longest of a label cue
    (in the whole label) and an actor-dictionary pattern (in its `core`, up to the head noun: the
    object of "fighting the Islamic State group" is another actor); else the word before it."""
    for actor in actors:
        if actor.span and actor.span.article_id == span.article_id \
                and actor.span.start < span.end and span.start < actor.span.end:
            return actor.normalized, "actor span"
    words = _words(span.text)
    cue = _longest(words, ((tuple(_words(c)), r) for c, r in lexicon.referents))
    known = _longest(_words(core), _dictionary_patterns(_words(core), lexicon))
    found = ([(*cue, "label cue")] if cue else []) + ([(*known, "actor dictionary")] if known else [])
    best = max(found, key=lambda f: f[0]) if found else None  # a cue wins a tie: max keeps the first
    if best and best[0] > 1:
        return best[1], best[2]
    before = text[max(0, span.start - 40):span.start].lower().split()[-3:]
    for word, referent in lexicon.before:  # "training Sunni militants": the trainer's partners
        if word in before:
            return referent, "label cue"
    return (best[1], best[2]) if best else ("", "")


def _words(phrase: str) -> list[str]:
    text = phrase.lower().replace("’", "'").replace("u.s.", "us")
    return re.findall(r"[a-z0-9][a-z0-9'\-]*", text)


def _dictionary_patterns(words: list[str], lexicon: FramingLexicon):
    """Actor-dictionary patterns as (words, referent); "{adj} army" becomes ("malian", "army") ->
    "Military Forces of Mali" for each country word in the label."""
    for pattern in lexicon.actors.patterns:
        if not pattern.needs_adjective:
            if "{country}" not in pattern.normalized:
                yield pattern.words, pattern.normalized
            continue
        for word in words:
            country = lexicon.countries.get(word)
            if country:
                filled = tuple(word if w == "{adj}" else w for w in pattern.words)
                yield filled, pattern.normalized.replace("{country}", country)


def _longest(words: list[str], patterns) -> tuple[int, str] | None:
    best: tuple[int, str] | None = None
    for pattern, referent in patterns:
        size = len(pattern)
        if size and (best is None or size > best[0]) and any(
                tuple(words[i:i + size]) == tuple(pattern) for i in range(len(words) - size + 1)):
            best = (size, referent)
    return best
