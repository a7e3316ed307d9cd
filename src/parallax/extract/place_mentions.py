"""Find the phrases of a parsed article that may name a place, with the words around them that
say how the event relates to it ("near", "northwest of", "northern ...", "... province")."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from parallax.extract.compatibility import HOME_OF, IN_A_NAME
from parallax.extract.place_names import ARTICLES, name_key
from parallax.extract.place_terms import PlaceTerms
from parallax.nlp.arrays import token_table
from parallax.nlp.entities import entity_labels

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
OTHER_LABELS = frozenset({"ORG", "PERSON", "NORP", "PRODUCT"})  # small models often give places these labels
# ("near Tillaberi" is a PRODUCT to en_core_web_sm where "near Tillabéri" is an ORG)
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
ENGLISH_LOOKALIKES = frozenset({"at", "as", "an", "en", "es", "et", "er", "ed", "ut"})
MAX_RUN_TOKENS = 6
MAX_NAME_RUN = 2  # capitalised words a name may run on over NER's entity: "Jamaica Plain"
LOOKBACK_CHARS = 60
_SPACE = re.compile(" ")
_BETWEEN_PAIR = re.compile(r"^(.*\bbetween) [^,;()]+? and$")  # the words before the second end of a road
_DISTANCE = re.compile(
    r"(?:(?:within|about|some|around|roughly|nearly|almost|just)\s+)?"
    r"(?:\d[\d,.]*|a few|several|a|one|two|three|four|five|six|seven|eight|nine|ten|\w+-odd)\s*-?\s*"
    r"(?:km|kms|kilometres|kilometers|kilometre|kilometer|miles|mile|mi)\s+(?:\([^)]{0,30}\)\s+)?"
    r"(?:(?P<dir>[a-z-]+)\s+of|from|of|outside)\s*$")
NAMED_UNITS = frozenset({"county", "parish"})  # "the Butler County Jail" is the county's
HOME_PARTICIPLES = frozenset({"based", "born"})  # "a Houston-based contractor": where it is, not who
PARTY_TAGS = frozenset({"D", "R", "I", "DFL"})  # "Sen. Jo Moe, D-Ohio": her party and home state
HOME_PREPOSITIONS = frozenset({"of", "from"})  # after a person, an age or a word for one
# A hyphenated modifier makes a place an attribute, not a location: "US-led", "Britain-based".
COMPOUND_VERBS = frozenset({"led", "backed", "based", "born", "funded", "allied", "brokered", "sponsored",
                            "controlled", "held", "run", "made", "owned", "aligned", "supported"})


@dataclass(frozen=True, slots=True)
class Mention:
    """A token range [start, end) that may name a place, and what surrounds it.

    `label` is spaCy's entity label, or "" for a capitalised phrase NER missed; `cue` is True when
    the words around it say it is a place (a preposition before, a unit or site word after)."""

    start: int
    end: int  # end of the name, unit or site word included ("Hama province")
    label: str
    relation: str = ""
    span_end: int = 0  # end of the whole phrase, a route word included ("the Al-Tanf road")
    direction: str = ""  # "southeast" for "southeastern Syria", "Syria's southeast"
    cue: str = ""  # "strong" after "in", "near" or with a unit or site word; "weak" after "of", "to"
    metonymic: bool = False  # "US-led", "pro-Assad", "Damascus condemned": not a location
    modifier: bool = False  # "US officials", "Syria's sovereignty": a location only below country level
    subject: bool = False  # the subject of a verb: "Washington has targeted" is an actor if a capital

    def text(self, doc: Doc) -> str:
        return token_table(doc).span_text(self.start, self.end)  # Span.text makes a Token per word


def is_capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and any(ch.isalpha() for ch in token.text) \
        and (token.pos_ == "PROPN" or not token.is_stop)


def is_particle(doc: Doc, i: int) -> bool:
    """An Arabic article joined to the next name: "al" in "al-Tanf", "ez" in "Deir ez-Zor". Those
    that are also English words ("at", "as", "an") count only with their hyphen: "At-Tanf"."""
    word = doc[i].lower_
    if word not in ARTICLES or i + 1 >= len(doc):
        return False
    return doc[i + 1].text == "-" or (word not in ENGLISH_LOOKALIKES and is_capitalised(doc[i + 1]))


def grow(doc: Doc, start: int, end: int, taken: set[int]) -> tuple[int, int]:
    """Widen a name over article particles, hyphens and capitalised words spaCy left outside it."""
    while start > 0 and start - 1 not in taken and (
            is_particle(doc, start - 1) or (doc[start - 1].text == "-" and start > 1 and is_particle(doc, start - 2))):
        start -= 1
    while end < len(doc) and end not in taken and end - start < MAX_RUN_TOKENS and (
            is_particle(doc, end) or (doc[end].text == "-" and end + 1 < len(doc) and is_capitalised(doc[end + 1]))
            or (is_capitalised(doc[end]) and not doc[end].ent_type_ and doc[end - 1].text in {"-", *ARTICLES})):
        end += 1
    return start, end


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].lower_ == "the" or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct):
        end -= 1
    return start, end


def qualifier_end(doc: Doc, end: int, terms: PlaceTerms) -> tuple[int, int, str]:
    """(name end, mention end, route) past a unit or site word ("province", "air base"), which
    belongs to the name, and a route word ("road"), which does not: "the Al-Tanf road"."""
    keys = {size: _following_key(doc, end, size) for size in (3, 2, 1)}  # read once for both lists
    for words, is_route in ((terms.qualifier_words, False), (frozenset(terms.routes), True)):
        for size in (3, 2, 1):
            key = keys[size]
            if key in words:
                return (end, end + size, terms.routes[key]) if is_route else (end + size, end + size, "")
    return end, end, ""


def _following_key(doc: Doc, end: int, size: int) -> str:
    table = token_table(doc)
    if end + size > len(doc):
        return ""
    text = table.span_text(end, end + size)
    fits = not any(table.punct[i] and table.word(i) != "-" for i in range(end, end + size))
    return name_key(text) if fits else ""


def preceding_text(doc: Doc, start: int) -> str:
    """The sentence's lower-case text just before a mention, "the" dropped: "northwest of"."""
    # walk back over the token table: Token.sent and Doc.text both rebuild from the whole document
    table, first = token_table(doc), start
    reach = table.starts[start] - LOOKBACK_CHARS if 0 < start < len(doc) else 0
    while first > 0 and not table.sent_starts[first] and table.starts[first - 1] >= reach:
        first -= 1
    text = table.span_text(first, start).lower()
    text = re.sub(r"\s+", " ", text.replace("’", "'")).rstrip()
    return re.sub(r"(?:^|\s)the$", "", text).rstrip()


def relation_before(text: str, terms: PlaceTerms) -> tuple[str, str]:
    """(relation, inside-direction) from the words before (`preceding_text`): "20 km north of" ->
    relation; "the north of" -> inside the north; "northwest of" -> relation "northwest of"."""
    inside = re.search(r"\bthe ([a-z-]+) of$", text)
    if inside and inside.group(1) in terms.directions:
        return "", terms.directions[inside.group(1)]
    distance = _DISTANCE.search(text)
    if distance:
        return re.sub(r"\s+", " ", distance.group(0)).strip(), ""
    # the longest relation the text ends with, at a word boundary: its longest such suffix
    for start in (0, *(m.end() for m in _SPACE.finditer(text))):
        if text[start:] in terms.relations:
            return terms.relations[text[start:]], ""
    pair = _BETWEEN_PAIR.search(text)  # "the highway between Cochabamba and" Santa Cruz: both ends keep it
    return relation_before(pair.group(1), terms) if pair else ("", "")


def direction_around(doc: Doc, start: int, end: int, terms: PlaceTerms) -> tuple[str, int]:
    """("southeast", end) for "southeastern Syria"; ("east", end past "'s east") for "Syria's east"."""
    before = doc[start - 1].lower_ if start > 0 else ""
    if before in terms.directions and doc[start - 1].pos_ in {"ADJ", "PROPN", "NOUN"}:
        return terms.directions[before], end
    if end + 1 < len(doc) and doc[end].text in POSSESSIVE and doc[end + 1].lower_ in terms.directions \
            and doc[end + 1].pos_ == "NOUN":
        return terms.directions[doc[end + 1].lower_], end + 2
    return "", end


def cue_of(doc: Doc, end: int, before: str, relation: str, terms: PlaceTerms) -> str:
    """"strong" when a locative word comes before ("in", "near", "the city of"), a unit or
    site word ends the mention or a word for the people who live there follows ("residents"); "weak" after "of", "to", "from"; "" otherwise. `before` is the
    mention's `preceding_text`."""
    if relation or name_key(doc[end - 1].text) in terms.qualifier_words \
            or (end < len(doc) and doc[end].lower_ in terms.residents):  # "Gainesville residents"
        return "strong"
    words = before.split()
    last = words[-1] if words else ""
    if last == "of" and len(words) > 1 and words[-2] in terms.place_nouns:
        return "strong"
    return terms.context_words.get(last, "")


def is_home(doc: Doc, start: int, end: int, terms: PlaceTerms) -> bool:
    """A name the words around it give as where someone is from: a person's "of" or "from" ("Daniel
    Hufstetler of Roswell", "Jane Doe, 41, of Grovetown", "a man from Brampton"), an address's town ("of 1935 Orchard St.,
    Alexandria"), a legislator's party tag ("Rep. Jo Moe, R-Elbow Lake", "(D-Ocilla)") or a
    person's word after it ("an Alexandria man")."""
    if end < len(doc) and doc[end].lower_ in terms.home_nouns:
        return True
    if start < 3:
        return False
    before, two, three = doc[start - 1], doc[start - 2], doc[start - 3]
    if before.lower_ in HOME_PREPOSITIONS:  # "Jane Doe, 25, from Marston", "a man from Brampton"
        return two.ent_type_ == "PERSON" or (two.text == "," and three.like_num) or two.lower_ in terms.home_nouns
    if before.text == ",":
        return name_key(two.text) in terms.streets and is_capitalised(three)
    return before.text == "-" and two.text in PARTY_TAGS and three.text in (",", "(")


def is_metonymic(doc: Doc, start: int, end: int, root: Token, terms: PlaceTerms) -> bool:
    """A place standing for an actor: "US-led", "pro-Assad", "Damascus condemned"; `root` is
    that of tokens [start, end)."""
    after = doc[end + 1] if end + 1 < len(doc) and doc[end].text == "-" else None
    if after is not None and (after.lower_ in COMPOUND_VERBS or after.tag_ == "VBN"):
        return True
    if start > 1 and doc[start - 1].text == "-" and doc[start - 2].lower_ in {"pro", "anti", "non"}:
        return True
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in terms.metonymy_verbs


def is_modifier(end: int, root: Token, terms: PlaceTerms) -> bool:
    """A name modifying a noun that is no place word: "US officials", "Syria's sovereignty";
    `root` is that of the name, which ends before `end`."""
    return root.dep_ in {"compound", "amod", "poss"} and root.head.i >= end and not _is_place_noun(root.head, terms)


def _is_place_noun(token: Token, terms: PlaceTerms) -> bool:
    key = name_key(token.text)
    return key in terms.qualifier_words or key in terms.routes or token.lower_ in terms.directions


def make_mention(doc: Doc, start: int, end: int, label: str, terms: PlaceTerms) -> Mention | None:
    start, end = trim(doc, start, end)
    if start >= end:
        return None
    end, span_end, route = qualifier_end(doc, end, terms)
    direction, span_end = direction_around(doc, start, span_end, terms)
    before = preceding_text(doc, start)
    relation, inside = relation_before(before, terms)
    based = end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in HOME_PARTICIPLES
    if not (route or relation or direction) and (based or (label not in PLACE_LABELS and is_home(doc, start, end, terms))):
        relation = HOME_OF  # "Daniel Hufstetler of Roswell", "a Houston-based contractor": not the event's
    elif not (route or relation or direction) and label not in PLACE_LABELS and end < len(doc) \
            and doc[end].lower_ in terms.town_offices and not doc[end].is_sent_start:
        relation = IN_A_NAME  # "arrested by Danbury police", "Winona police said": the town's own office
    plain = not (direction or route)
    root = doc[start:end].root if plain else None  # Span.root walks the span: once, not thrice
    return Mention(start, end, label, route or relation, span_end, direction or inside,
                   "strong" if route or direction else cue_of(doc, end, before, relation, terms),
                   plain and not based and is_metonymic(doc, start, end, root, terms),
                   plain and is_modifier(end, root, terms),
                   plain and root.dep_ in {"nsubj", "nsubjpass"})


def entity_mentions(doc: Doc, first_char: int, taken: set[int], terms: PlaceTerms,
                    is_name: Callable[[str], bool] | None = None) -> Iterator[Mention]:
    """NER's place-like entities as mentions; `is_name` (a phrase -> whether the gazetteer has an
    entry by that very name) lets a name run on over the capitalised words NER left outside it."""
    starts = token_table(doc).starts  # an entity's Span would cost three Tokens
    for ent_start, ent_end, label in entity_labels(doc):
        if starts[ent_start] < first_char or label not in PLACE_LABELS | OTHER_LABELS:
            continue
        if any(i in taken for i in range(ent_start, ent_end)):
            continue
        start, end = grow(doc, ent_start, ent_end, taken)
        if is_name:
            start, end = earlier_start(doc, start, end, taken, is_name), longer_name(doc, start, end, taken, is_name)
        unit_end = _named_unit_end(doc, start, end) if label in PLACE_LABELS else 0
        mention = make_mention(doc, start, unit_end or end, label, terms)
        if mention and unit_end:  # "the Titus County Jail": Titus County, in the building's name
            mention = replace(mention, relation=IN_A_NAME, span_end=unit_end, metonymic=False, modifier=False,
                              subject=False)
            taken.update(range(unit_end, end))
        if mention:
            taken.update(range(mention.start, mention.span_end))
            yield mention


def _named_unit_end(doc: Doc, start: int, end: int) -> int:
    """The end of "X County"/"X Parish" heading a longer name NER took for a place as a whole
    ("the Titus County Jail", "Guernsey County Common Pleas Court"), or 0."""
    for i in range(start + 1, end - 1):
        if doc[i].lower_ in NAMED_UNITS and doc[i].text[:1].isupper() and doc[i + 1].text[:1].isupper():
            return i + 1
    return 0


def longer_name(doc: Doc, start: int, end: int, taken: set[int], is_name: Callable[[str], bool]) -> int:
    """The end of the longest name the gazetteer knows that runs on over capitalised words NER did
    not label: "Jamaica Plain", a Boston neighbourhood, of which NER tags only "Jamaica"."""
    table, best = token_table(doc), end
    for stop in range(end + 1, min(end + MAX_NAME_RUN, len(doc)) + 1):
        i = stop - 1
        if i in taken or table.entity[i] or not is_capitalised(doc[i]):
            break
        if is_name(table.span_text(start, stop)):
            best = stop
    return best


def earlier_start(doc: Doc, start: int, end: int, taken: set[int], is_name: Callable[[str], bool]) -> int:
    """The start of the longest name the gazetteer knows that takes in the capitalised words NER
    left before it: "a Little Havana apartment", a Miami neighbourhood, of which NER tags only "Havana"."""
    table, best = token_table(doc), start
    for first in range(start - 1, max(-1, start - MAX_NAME_RUN), -1):
        if first in taken or table.entity[first] or not is_capitalised(doc[first]):
            break
        if is_name(table.span_text(first, end)):
            best = first
    return best


def capitalised_runs(doc: Doc, first_char: int, taken: set[int]) -> Iterator[tuple[int, int]]:
    """Token ranges of capitalised words (with joined particles) outside every entity."""
    table, i = token_table(doc), 0
    while i < len(doc):
        word = table.word(i)  # a Token only for capitalised words and particles
        if i in taken or table.entity[i] or table.starts[i] < first_char or not (
                (word[:1].isupper() and is_capitalised(doc[i])) or (word.lower() in ARTICLES and is_particle(doc, i))):
            i += 1
            continue
        start, end = grow(doc, i, i + 1, taken)
        while end < len(doc) and end not in taken and not doc[end].ent_type_ and is_capitalised(doc[end]) \
                and end - start < MAX_RUN_TOKENS:
            end = grow(doc, start, end + 1, taken)[1]
        yield start, end
        i = end


def run_mentions(doc: Doc, first_char: int, taken: set[int], terms: PlaceTerms) -> Iterator[Mention]:
    """Every sub-range of each capitalised run, longest first: the caller keeps those the
    gazetteer knows and drops the overlapping rest."""
    for start, end in list(capitalised_runs(doc, first_char, taken)):
        for size in range(end - start, 0, -1):
            for left in range(start, end - size + 1):
                if doc[left].text != "-" and doc[left + size - 1].text != "-":
                    mention = make_mention(doc, left, left + size, "", terms)
                    if mention:
                        yield mention
