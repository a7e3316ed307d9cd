"""Who did what to whom: actors around an event trigger, with roles and normalised names."""

from __future__ import annotations

import re
from collections.abc import Callable
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from parallax.knowledge import read_table
from parallax.nlp.entities import entities_within
from parallax.schema import Actor, ActorRole, Article, Span

_ACTOR_ENTS = {"ORG", "NORP", "GPE", "PERSON"}
_NOUN_POS = frozenset({"NOUN", "PROPN", "PRON"})
_PLACE_ENTS = frozenset({"LOC", "FAC"})
_SIDE_DEPS = frozenset({"acl", "amod", "relcl"})
# Words that put a group on a side ("aligned with Assad", "loyal to the government", "Iran-backed").
BACKING_WORDS = frozenset({"back", "backed", "support", "supported", "assist", "assisted", "aid", "aided"})
ALLEGIANCE_WORDS = frozenset({"align", "aligned", "loyal", "ally", "allied", "back", "backed", "support",
                              "affiliate", "affiliated", "link", "linked", "close"})


TARGET_PREPOSITIONS = frozenset({"on", "against", "targeting", "at", "to", "with"})
REPORTING_VERBS = frozenset({"say", "tell", "announce", "report", "state", "add", "claim", "confirm",
                             "declare", "note", "write", "explain", "warn"})

# Verbs whose clause says what someone else must do: "demanded that the government end curbs".
DIRECTIVE_VERBS = frozenset({"demand", "urge", "ask", "call", "insist", "appeal", "press", "remind"})

# Verbs whose object names the event and whose subject is its doer: "warplanes launched an attack".
LIGHT_VERBS = frozenset({"launch", "carry", "conduct", "stage", "mount", "perform", "execute", "unleash",
                         "order", "make", "claim"})


@dataclass(frozen=True, slots=True)
class ActorPattern:
    words: tuple[str, ...]
    normalized: str
    category: str
    country: str
    needs_adjective: bool
    # the words a phrase must hold for the pattern to match (all but the {adj} slot); empty: no test
    fixed_words: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class ActorDictionary:
    patterns: tuple[ActorPattern, ...]
    heads: Mapping[str, str] = field(default_factory=dict)  # noun naming people or a group -> category


@lru_cache(maxsize=4)
def load_actor_dictionary(override_dir: str = "") -> ActorDictionary:
    """The actor patterns from data/actors.tsv, longest first so the most specific wins."""
    patterns = []
    for row in read_table("actors.tsv", override_dir):
        words = tuple(row["pattern"].lower().split())
        patterns.append(ActorPattern(words, row["normalized"], row["category"], row["country"],
                                     "{adj}" in words, frozenset(words) - {"{adj}"}))
    patterns.sort(key=lambda p: -len(p.words))
    heads = {row["head"].lower(): row["category"] for row in read_table("actor_heads.tsv", override_dir)}
    return ActorDictionary(tuple(patterns), MappingProxyType(heads))


CountryNamer = Callable[[str], "tuple[str, str] | None"]  # adjective/name -> (ISO2, country name)


def normalize_actor(phrase: str, dictionary: ActorDictionary, name_country: CountryNamer,
                    default_country: tuple[str, str] | None = None) -> tuple[str, str, str] | None:
    """(normalised name, category, ISO2) for a noun phrase, or None when nothing in it is an actor."""
    words = _words(phrase)
    present = set(words)
    for pattern in dictionary.patterns:
        if not pattern.fixed_words <= present:  # cheap test first: most patterns share no word
            continue
        match = _match(pattern, words, name_country)
        if match is None:
            continue
        country = match or (default_country if "{country}" in pattern.normalized else None)
        if "{country}" in pattern.normalized:
            if country is None:
                continue
            return pattern.normalized.replace("{country}", country[1]), pattern.category, country[0]
        return pattern.normalized, pattern.category, pattern.country
    return None


def _words(phrase: str) -> list[str]:
    text = phrase.lower().replace("’", "'").replace("u.s.", "us")
    return [w.removesuffix("'s") for w in re.findall(r"[a-z0-9][a-z0-9'\-]*", text)]


def _match(pattern: ActorPattern, words: list[str],
           name_country: CountryNamer) -> tuple[str, str] | None | bool:
    """Country for an {adj} pattern, True-ish empty tuple for a plain match, None for no match."""
    size = len(pattern.words)
    for i in range(len(words) - size + 1):
        window = words[i:i + size]
        if not pattern.needs_adjective:
            if window == list(pattern.words):
                return ()
            continue
        slot = pattern.words.index("{adj}")
        rest_ok = all(w == p for w, p in zip(window, pattern.words) if p != "{adj}")
        country = name_country(window[slot]) if rest_ok else None
        if country:
            return country
    return None


def phrase_of(token: Token) -> SpacySpan:
    """The noun phrase headed by `token` without relative clauses or appositions."""
    keep = [t for t in token.subtree if not _in_clause(t, token)]
    start, end = min(t.i for t in keep), max(t.i for t in keep) + 1
    return token.doc[start:end]


def _in_clause(tok: Token, head: Token) -> bool:
    while tok != head:
        if tok.dep_ in {"relcl", "acl", "appos", "advcl", "prep", "punct", "cc", "conj"} and tok.head == head \
                and tok.dep_ != "prep":
            return True
        if tok.dep_ == "prep" and tok.head == head and tok.text.lower() not in {"of"}:
            return True
        tok = tok.head
    return False


def role_candidates(trigger: Token) -> list[tuple[Token, ActorRole]]:
    """Tokens that head the doer and the receiver of the event named by `trigger`."""
    found: list[tuple[Token, ActorRole]] = []
    for child in trigger.children:
        dep = child.dep_
        if dep in {"nsubj", "poss", "compound", "amod", "npadvmod"}:
            found.append((child, ActorRole.PERPETRATOR))
        elif dep in {"dobj", "nsubjpass"}:
            found.append((child, ActorRole.TARGET))
        elif dep == "agent":
            found += [(g, ActorRole.PERPETRATOR) for g in child.children if g.dep_ == "pobj"]
        elif dep == "prep" and child.text.lower() in TARGET_PREPOSITIONS:
            found += [(g, ActorRole.TARGET) for g in child.children if g.dep_ == "pobj"]
    if trigger.dep_ in {"dobj", "attr"} and trigger.head.lemma_ in LIGHT_VERBS:
        # "American warplanes launched an attack": the doer is the subject of the light verb
        found += [(c, ActorRole.PERPETRATOR) for c in trigger.head.children if c.dep_ == "nsubj"]
        found += [(g, ActorRole.TARGET) for c in trigger.head.children
                  if c.dep_ == "prep" and c.text.lower() in {"on", "against"}
                  for g in c.children if g.dep_ == "pobj"]
    if trigger.lemma_.lower() in REPORTING_VERBS | DIRECTIVE_VERBS:
        # "Straw said the Sudanese government must reach an agreement": what is said is about them
        found += [(g, ActorRole.TARGET) for c in trigger.children if c.dep_ == "ccomp"
                  for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
    if trigger.dep_ in {"acl", "relcl"} and trigger.tag_ == "VBN":
        # "a convoy that was struck by ...", "forces targeted by": the head noun is the receiver
        found.append((trigger.head, ActorRole.TARGET))
    return found


def extract_actors(sent: SpacySpan, trigger: Token, article: Article, dictionary: ActorDictionary,
                   name_country: CountryNamer,
                   default_country: tuple[str, str] | None = None) -> list[Actor]:
    """Actors with roles around `trigger` (see role_candidates), one per conjunct, and those who
    back the doer as associated ("troops backed by Russian jets")."""
    actors: list[Actor] = []
    seen: set[tuple[str, ActorRole]] = set()
    candidates = role_candidates(trigger)
    candidates += [(c, role) for head, role in candidates for c in head.conjuncts if c.pos_ in _NOUN_POS]
    candidates += [(b, ActorRole.ASSOCIATED) for head, role in candidates if role == ActorRole.PERPETRATOR
                   for b in _backers(head)]
    for head, role in candidates:
        phrase = phrase_of(head)
        if phrase.start_char < article.dateline_end:  # "MOPTI, Mali (Reuters) - Gunmen attacked"
            continue
        actor = _actor_from(phrase, role, article, sent, dictionary, name_country, default_country)
        if actor and (actor.normalized, role) not in seen:
            seen.add((actor.normalized, role))
            actors.append(actor)
    return actors


def side_clause(token: Token) -> SpacySpan | None:
    """The clause saying whose side a group is on: "aligned with Assad", "loyal to the government",
    "backed by Russian jets"; None without one."""
    for child in token.children:
        if child.dep_ in _SIDE_DEPS and child.lemma_.lower() in ALLEGIANCE_WORDS:
            words = list(child.subtree)
            return token.doc[words[0].i:words[-1].i + 1]
    return None


def _sided(dictionary: ActorDictionary) -> ActorDictionary:
    """Only the patterns that name a side ("aligned with assad"), so "backed by Russian jets" does
    not make the group Russian."""
    patterns = tuple(p for p in dictionary.patterns if ALLEGIANCE_WORDS & set(p.words))
    return ActorDictionary(patterns, dictionary.heads)


def _backers(token: Token) -> list[Token]:
    """Who backs a doer: "troops backed by Russian jets" -> jets (an associated actor)."""
    clause = side_clause(token)
    if clause is None or clause.root.lemma_.lower() not in BACKING_WORDS:
        return []
    return [g for c in clause.root.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def _actor_from(phrase: SpacySpan, role: ActorRole, article: Article, sent: SpacySpan,
                dictionary: ActorDictionary, name_country: CountryNamer,
                default_country: tuple[str, str] | None) -> Actor | None:
    side = side_clause(phrase.root)
    found = normalize_actor(side.text, _sided(dictionary), name_country, default_country) if side else None
    if found:
        phrase = phrase.doc[phrase.start:max(phrase.end, side.end)]
    else:
        found = normalize_actor(phrase.text, dictionary, name_country, default_country)
    span = Span(article.id, phrase.start_char, phrase.end_char, phrase.text, sent.text)
    if found:
        name, category, country = found
        return Actor(phrase.text, name, role, category, country, span)
    ents = [e for e in entities_within(phrase.doc, phrase.start, phrase.end) if e.label_ in _ACTOR_ENTS]
    if not ents:
        return _as_written(phrase, role, span, dictionary)
    country = name_country(ents[0].text)
    if country and ents[0].label_ in {"NORP", "GPE"} and len(phrase) == len(ents[0]):
        # a bare "US" or "Russian" modifying the event: that country's forces
        return Actor(phrase.text, f"Military Forces of {country[1]}", role, "State Forces", country[0], span)
    if ents[0].label_ == "ORG":
        return Actor(phrase.text, ents[0].text, role, "", country[0] if country else "", span)
    return _as_written(phrase, role, span, dictionary)


def _as_written(phrase: SpacySpan, role: ActorRole, span: Span, dictionary: ActorDictionary) -> Actor | None:
    """An actor the dictionary does not know, kept under its own words (determiners dropped):
    a named entity, a proper noun, or a noun that names people or a group (data/actor_heads.tsv)."""
    head = phrase.root
    if head.ent_type_ and head.ent_type_ not in _ACTOR_ENTS:  # "on Thursday", "two of them"
        return None
    if head.ent_type_ in _PLACE_ENTS:  # "the Euphrates", "the airport": a place, not a doer
        return None
    named = head.ent_type_ in _ACTOR_ENTS or head.pos_ == "PROPN"
    if not named and head.lemma_.lower() not in dictionary.heads and head.lower_ not in dictionary.heads:
        return None
    words = [t for t in phrase if not (t.dep_ in ("det", "poss", "nummod", "quantmod", "punct") and t.i < head.i)]
    name = phrase.doc[words[0].i:phrase.end].text if words else phrase.text
    category = dictionary.heads.get(head.lemma_.lower(), dictionary.heads.get(head.lower_, ""))
    return Actor(phrase.text, name, role, category, "", span)


def event_heads(sent: SpacySpan, triggers: list[Token]) -> list[Token]:
    """The tokens whose roles name the sentence's actors: its event triggers and its main verb,
    unless a trigger is that verb or hangs off it ("launched an attack")."""
    root = sent.root
    if root.pos_ not in ("VERB", "AUX") or root in triggers or any(t.head == root for t in triggers):
        return triggers
    return [*triggers, root]


def sentence_actors(sent: SpacySpan, triggers: list[Token], article: Article, dictionary: ActorDictionary,
                    name_country: CountryNamer, default_country: tuple[str, str] | None = None) -> list[Actor]:
    """Actors with roles around every event head of the sentence (see event_heads), each once;
    conjoined phrases ("Hungarian and Romanian officials", "the army and the police") give one
    actor per conjunct."""
    actors: list[Actor] = []
    seen: set[tuple[str, ActorRole]] = set()
    for head in event_heads(sent, triggers):
        for actor in extract_actors(sent, head, article, dictionary, name_country, default_country):
            if (actor.normalized, actor.role) not in seen:
                seen.add((actor.normalized, actor.role))
                actors.append(actor)
    return actors
