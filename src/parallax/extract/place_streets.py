"""Names an article gives streets ("Copeland St.", "Warren and Copeland streets", "the 300 block of
Broadway"), which name no place unless a locative word says so."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.attrs import ORTH
from spacy.tokens import Doc

from parallax.extract.gazetteer import Candidate
from parallax.extract.place_mentions import Mention, is_capitalised
from parallax.extract.place_names import name_key

LIST_WORDS = frozenset({"and", "or", "&", ","})  # "Warren and Copeland streets"
PLURAL_STREETS = frozenset({"streets", "avenues"})


def street_names(doc: Doc, streets: frozenset[str]) -> dict[str, set[int]]:
    """Names the article gives streets, with the tokens where they do: before a street word
    ("Copeland St.", "Warren Street") or listed before a plural one ("Warren and Copeland
    streets"); not before a name ("St. Louis"), nor a common noun ("a Brooklyn street", "a South
    Shore drive-by", "Chicago streets")."""
    names: dict[str, set[int]] = {}
    for token in (doc[i] for i in street_words(doc, streets)):
        end, plural = token.i, token.lower_ in PLURAL_STREETS
        title = token.i + 1 < len(doc) and is_capitalised(doc[token.i + 1])  # "St. Louis", "Ave. Maria"
        named = (token.text[:1].isupper() and not plural) or (plural and end > 2 and doc[end - 2].lower_ in LIST_WORDS)
        while end > 0 and name_key(token.text) in streets and named and not title:
            start = end
            while start > 0 and is_capitalised(doc[start - 1]):
                start -= 1
            if start == end:
                break
            names.setdefault(name_key(doc[start:end].text), set()).add(start)
            end = start - 1 if start > 1 and doc[start - 1].lower_ in LIST_WORDS else 0
    for start in _after_block_of(doc):  # "in the 300 block of Broadway": a street with no street word
        end = start
        while end < len(doc) and is_capitalised(doc[end]):
            end += 1
        if end > start:
            names.setdefault(name_key(doc[start:end].text), set()).add(start)
    return names


def _after_block_of(doc: Doc) -> list[int]:
    """Where a name after "block of" starts ("the 1700 block of Harlan", "the 300 block of Broadway")."""
    strings, orths = doc.vocab.strings, doc.to_array(ORTH).tolist()
    return [i + 2 for i, orth in enumerate(orths[:-2])
            if strings[orth].lower() == "block" and strings[orths[i + 1]].lower() == "of" and i + 2 < len(doc)]


def street_words(doc: Doc, streets: frozenset[str]) -> list[int]:
    """The tokens whose key is a street word, found from the Doc's arrays (a Token per word was
    most of the street rule's time)."""
    strings, orths = doc.vocab.strings, doc.to_array(ORTH).tolist()
    wanted = {orth for orth in set(orths) if name_key(strings[orth]) in streets}
    return [i for i, orth in enumerate(orths) if orth in wanted]


def is_street(doc: Doc, mention: Mention, candidates: Sequence[Candidate], streets: dict[str, set[int]]) -> bool:
    """A street's name ("Copeland" in "at Warren and Copeland streets"), or a name the article
    gives a street, unless "in", "near" or a unit word says it is a place ("on Warren Street in
    Warren"); a state or country keeps its other mentions ("Louisiana Avenue")."""
    starts = streets.get(name_key(mention.text(doc)))
    if starts is None or mention.start in starts:
        return starts is not None
    units = {c.kind for c in candidates} & {"country", "admin1", "region"}
    return mention.cue != "strong" and not units
