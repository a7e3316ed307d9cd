"""Name who speaks: a noun phrase becomes a Speaker with a normalised name shared across articles."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from parallax.extract.claim_lexicon import ClaimLexicon
from parallax.nlp.arrays import token_table
from parallax.nlp.entities import entities
from parallax.schema import Speaker

_CORE_LEFT_DEPS = frozenset({"det", "amod", "compound", "poss", "nmod", "nummod", "npadvmod", "punct", "case"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_THING_PRONOUNS = frozenset({"it", "they", "them"})
# "the group said" after "Human Rights Watch said": a noun for any organisation points back to the last one
_ORGANISATION_NOUNS = frozenset({"group", "organisation", "organization", "agency", "watchdog", "charity",
                                 "body", "network", "monitor", "ngo"})
_REPORT_NOUNS = frozenset({"report", "reports", "media reports", "some reports", "unconfirmed reports"})
_MEMBER_NOUNS = frozenset({"member", "staff", "doctor", "medic", "team", "volunteer", "worker", "monitor",
                           "researcher", "personnel", "colleague"})
# a speaker named by a role that one person holds: "he" may be "a police spokesman" of the sentence before
_ROLE_PERSON_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "minister", "official", "commander",
                                "governor", "mayor", "doctor", "medic", "director", "chief", "officer", "president",
                                "witness", "resident", "activist", "diplomat", "source", "nurse", "paramedic"})


@dataclass(slots=True)
class SpeakerBook:
    """The speakers and people one article has named so far, for "he", "the source" and "Lavrov"."""

    people: dict[str, tuple[str, str]]  # last name (lower) -> (full name, role)
    people_at: list[tuple[int, str]]  # (char offset, last name) of every named person, in order
    history: list[tuple[int, Speaker]] = field(default_factory=list)

    def remember(self, offset: int, speaker: Speaker) -> None:
        self.history.append((offset, speaker))

    def last(self, offset: int, person: bool) -> Speaker | None:
        for at, speaker in reversed(self.history):
            if at < offset and (speaker.kind == "person") == person:
                return speaker
        return None

    def last_of_kind(self, offset: int, kind: str) -> Speaker | None:
        return next((s for at, s in reversed(self.history) if at < offset and s.kind == kind), None)

    def last_person(self, offset: int, text: str) -> Speaker | None:
        """The nearest earlier named person, or a speaker named by a one-person role ("a police
        spokesman") in the same paragraph: the one "he" or "she" points back to."""
        for at, speaker in reversed(self.history):
            if at >= offset:
                continue
            if speaker.kind == "person":
                return speaker
            if _is_role_person(speaker) and "\n" not in text[at:offset]:
                return speaker
        return None


def _is_role_person(speaker: Speaker) -> bool:
    words = speaker.name.lower().split()
    return bool(words) and words[-1] in _ROLE_PERSON_NOUNS


def _entity_span(tok: Token) -> tuple[int, int] | None:
    """The token range of the named entity `tok` is in (walking IOB tags: Doc.ents builds every span)."""
    if not tok.ent_type_:
        return None
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end


def core_tokens(head: Token, lexicon: ClaimLexicon) -> list[Token]:
    """The words naming a speaker, without appositions and clauses: "the Syrian Observatory for Human Rights"."""
    tokens = [head] + [t for c in head.lefts if c.dep_ in _CORE_LEFT_DEPS for t in c.subtree]
    keeps_of = head.ent_type_ or head.lemma_.lower() in lexicon.speaker_nouns or head.pos_ == "PROPN"
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in ("for", "of") and keeps_of:
            tokens.extend(child.subtree)
        elif child.dep_ == "case":
            tokens.append(child)
    ent = _entity_span(head)
    if ent is not None:
        tokens.extend(head.doc[ent[0]:ent[1]])
    first, last = min(t.i for t in tokens), max(t.i for t in tokens)
    return list(head.doc[first:last + 1])


def phrase_name(tokens: list[Token]) -> str:
    """A phrase as written, without a leading determiner or a trailing possessive."""
    while tokens and (tokens[0].lower_ in _DETERMINERS or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and (tokens[-1].dep_ == "case" or tokens[-1].is_punct):
        tokens = tokens[:-1]
    if not tokens:
        return ""
    return tokens[0].doc[tokens[0].i:tokens[-1].i + 1].text


def _plain_case(tokens: list[Token], name: str) -> str:
    """ "Police" at a sentence start is "police": only proper names keep their capital."""
    first = next((t for t in tokens if t.lower_ not in _DETERMINERS), None)
    if first is None or first.pos_ == "PROPN" or first.ent_type_ or first.text.isupper() \
            or first.text[:1].isupper() and any(t.pos_ == "PROPN" for t in tokens):  # "The Observatory for Civil Rights"
        return name
    return name[:1].lower() + name[1:]


def _lookup(name: str, lexicon: ClaimLexicon) -> tuple[str, str] | None:
    key = name.lower().replace("’", "'")
    for candidate in (key, key.removeprefix("the "), key.removesuffix("'s")):
        entry = lexicon.speakers.get(candidate)
        if entry is not None:
            return entry.normalized, entry.kind
    return None


def _appositive(head: Token) -> Token | None:
    return next((c for c in head.children if c.dep_ == "appos"), None)


def _role(head: Token, ent: tuple[int, int] | None, lexicon: ClaimLexicon) -> str:
    """ "Russian Foreign Minister" before a name, or "a coroner at ..." after it."""
    if ent is not None:
        before = [t for t in core_tokens(head, lexicon) if t.i < ent[0]]
        title = phrase_name(before)
        if title:
            return title
    appos = _appositive(head)
    if appos is None:
        return ""
    words = [t for t in appos.subtree if t.dep_ not in ("relcl",)]
    return phrase_name([t for t in words if t.i <= max(w.i for w in words)
                        and not (t.is_punct and t.i == words[-1].i)])


def _kind(head: Token, tokens: list[Token], lexicon: ClaimLexicon) -> str:
    if head.ent_type_ == "PERSON":
        return "person"
    lemma = head.lemma_.lower()
    if lemma in lexicon.speaker_nouns:
        return lexicon.speaker_nouns[lemma]
    if head.lower_ in lexicon.speaker_nouns:
        return lexicon.speaker_nouns[head.lower_]  # "media", lemmatised "medium"
    if head.ent_type_ in ("GPE", "NORP"):
        return "government"
    if any(t.lemma_.lower() in ("source", "official") for t in tokens):
        return lexicon.speaker_nouns.get("source", "anonymous source")
    return "organisation"


def build_book(doc: Doc, lexicon: ClaimLexicon) -> SpeakerBook:
    """Every named person of an article, so "Lavrov" can be read as "Sergei Lavrov" and keep his title."""
    people: dict[str, tuple[str, str]] = {}
    order: list[tuple[int, str]] = []
    for ent in entities(doc, "PERSON"):  # Doc.ents walks every token on each call
        last = ent[-1].lower_
        order.append((ent.start_char, last))
        role = _role(ent.root, (ent.start, ent.end), lexicon)
        full, known_role = people.get(last, (ent.text, ""))
        if len(ent) > len(full.split()) or not known_role:
            people[last] = (ent.text if len(ent) >= len(full.split()) else full, known_role or role)
    return SpeakerBook(people, order)


def _person(head: Token, book: SpeakerBook, lexicon: ClaimLexicon) -> Speaker:
    ent = _entity_span(head)
    name = head.doc[ent[0]:ent[1]].text if ent else head.text
    full, role = book.people.get(name.split()[-1].lower(), (name, ""))
    return Speaker(name, full, "person", _role(head, ent, lexicon) or role)


def _by_description(name: str, head: Token, book: SpeakerBook, offset: int) -> Speaker | None:
    """ "the source", "the Observatory": a definite description points back to an earlier speaker
    whose name holds all its words ("Pakistan's foreign ministry" is not "Afghanistan's defence ministry")."""
    word, words = head.lower_, set(name.lower().split()) - {"the"}
    for at, earlier in reversed(book.history):
        known = earlier.name.lower().split()
        if at < offset and word in known and words <= set(known) and earlier.name.lower() != name.lower():
            return Speaker(name, earlier.normalized, earlier.kind, earlier.role)
    return None


def _pronoun(head: Token, book: SpeakerBook) -> Speaker | None:
    low = head.lower_
    if low in _PERSON_PRONOUNS:
        earlier = book.last_person(head.idx, token_table(head.doc).text)
        if earlier is None:
            return _last_named_person(head, book)
        return earlier
    return book.last(head.idx, person=False) if low in _THING_PRONOUNS else None


def _last_named_person(head: Token, book: SpeakerBook) -> Speaker | None:
    previous = [last for at, last in book.people_at if at < head.idx]
    if not previous:
        return None
    full, role = book.people.get(previous[-1], (previous[-1].title(), ""))
    return Speaker(full.split()[-1], full, "person", role)


def _issuer(head: Token, book: SpeakerBook) -> Speaker | None:
    """ "The statement said two soldiers were wounded": whoever the article last quoted (the army
    general staff "said in a statement"); None when nobody was."""
    earlier = book.last(head.idx, person=False) or book.last(head.idx, person=True)
    if earlier is None:
        return None
    name = head.doc[head.left_edge.i:head.i + 1].text
    return Speaker(name, earlier.normalized, earlier.kind, earlier.role)


def _organisation(name: str, head: Token, book: SpeakerBook) -> Speaker | None:
    """ "the group", "the organisation", "the watchdog": the organisation the article last quoted."""
    if head.lemma_.lower() not in _ORGANISATION_NOUNS or len(name.split()) > 2:
        return None
    earlier = book.last_of_kind(head.idx, "organisation")
    return Speaker(name, earlier.normalized, earlier.kind, earlier.role) if earlier is not None else None


def _members_of(head: Token, book: SpeakerBook) -> Speaker | None:
    """ "The network said its members had counted 19 bodies": an organisation's members speak for it."""
    owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
    if owner is None or head.lemma_.lower() not in _MEMBER_NOUNS:
        return None
    earlier = book.last(head.idx, person=False)
    if earlier is None:
        return None
    name = head.doc[owner.i:head.i + 1].text
    return Speaker(name, earlier.normalized, earlier.kind, earlier.role)


def make_speaker(head: Token, book: SpeakerBook, lexicon: ClaimLexicon) -> Speaker | None:
    """The Speaker a noun phrase names, resolved against what the article said before."""
    if head.pos_ == "PRON":
        return _pronoun(head, book)
    members = _members_of(head, book)
    if members is not None:
        return members
    if head.lemma_.lower() in lexicon.statement:
        return _issuer(head, book)
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
    if head.ent_type_ == "PERSON" and not definite:  # people take no "the": "the Observatory" is not one
        return _person(head, book, lexicon)
    tokens = core_tokens(head, lexicon)
    name = phrase_name(tokens)
    if not name or name.lower() in _REPORT_NOUNS:
        return None
    known = _lookup(name, lexicon)
    appos = _appositive(head)
    if known is None and appos is not None:  # "the monitor, SOHR", "the Syrian Observatory, a Britain-based monitor"
        known = _lookup(phrase_name(core_tokens(appos, lexicon)), lexicon)
        if known is not None and not _may_be(name, tokens, known[0]):
            known = None  # "the Observatory for Civil Rights, a Britain-based monitor" is not SOHR
    if known is not None:
        return Speaker(name, known[0], known[1])
    if definite or head.pos_ == "PROPN":
        earlier = _by_description(name, head, book, head.idx) or _organisation(name, head, book)
        if earlier is not None:
            return earlier
    return Speaker(name, _plain_case(tokens, name), _kind(head, tokens, lexicon))


def _may_be(name: str, tokens: Sequence[Token], normalized: str) -> bool:
    """Whether a speaker the text names (`name`) may be the one its apposition describes: a
    description only ("the monitor") or a name whose every word the normalised name has."""
    if not any(t.pos_ == "PROPN" or t.text[:1].isupper() and t.i != t.sent.start for t in tokens):
        return True
    words = set(normalized.lower().split())
    return all(w in words for w in name.lower().split() if w != "the")


def relay_name(head: Token, lexicon: ClaimLexicon) -> str:
    """How a relaying outlet is written ("Syrian state media", "AP"), or "" for an audience."""
    if head.lemma_.lower() in lexicon.audience or head.lower_ in lexicon.audience or head.pos_ == "PRON":
        return ""
    return phrase_name(core_tokens(head, lexicon))


def headline_speaker(speaker: Speaker | None, body: Sequence[Speaker]) -> Speaker | None:
    """A headline names its source briefly ("..., monitor says", "Lavrov says"): it is the body's
    speaker whose name holds all the headline's words and ends on the same one ("the Britain-based
    monitor", SOHR; "Sergei Lavrov"), the first such in the text; else the headline's own."""
    if speaker is None:
        return None
    words = [w for w in speaker.name.lower().split() if w != "the"]
    for told in body:
        known = told.name.lower().split()
        if words and known and known[-1] == words[-1] and set(words) <= set(known):
            return Speaker(speaker.name, told.normalized, told.kind, told.role)
    return speaker

