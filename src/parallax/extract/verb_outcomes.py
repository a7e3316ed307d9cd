"""How a casualty word is used: which measure it reports, whether what it tells happened, and what
became of those hit ("shot and killed", "wounded or killed", "four shot, one fatally")."""

from __future__ import annotations

from spacy.tokens import Token

from parallax.extract import victims as vx
from parallax.extract.claim_lexicon import ClaimLexicon, Trigger
from parallax.schema import Measure


def trigger_of(tok: Token, lexicon: ClaimLexicon) -> Trigger | None:
    """The measure a word reports, if it is a casualty or damage word in this use."""
    lemma = tok.lemma_.lower()
    if (tok.pos_ in ("NOUN", "PROPN") or tok.tag_ == "VBG") and (lemma in lexicon.tuple_nouns or tok.lower_ in lexicon.tuple_nouns) \
            and tok.tag_ not in ("NNS", "NNPS") and tuple_word(tok, lexicon) is not None:  # "Triple homicides
        # are not something that happens here" is no count
        trig = lexicon.tuple_nouns.get(lemma) or lexicon.tuple_nouns[tok.lower_]
        fatal = trig.extra == "shot" and any(c.dep_ == "amod" and c.lower_ == "fatal" for c in tok.children)
        return Trigger(Measure.KILLED, "tuple") if fatal else trig  # "a double fatal shooting": 2 dead
    if tok.pos_ == "VERB":
        return lexicon.verbs.get(lemma) or lexicon.adjectives.get(tok.lower_)
    if tok.pos_ == "ADJ":
        return lexicon.adjectives.get(tok.lower_) or lexicon.adjectives.get(lemma)
    if tok.pos_ == "NOUN":
        return lexicon.nouns.get(lemma) or lexicon.nouns.get(tok.lower_)
    return None


def tuple_word(tok: Token, lexicon: ClaimLexicon) -> Token | None:
    """The "quadruple" of "a quadruple shooting" / "Quadruple-Shooting": a word counting the noun's victims."""
    return next((c for c in tok.children if c.dep_ in ("amod", "compound", "nmod", "advmod")
                 and c.lower_ in lexicon.tuples and c.i < tok.i), None)


def child_of(tok: Token, *deps: str) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def is_irrealis(tok: Token, lexicon: ClaimLexicon) -> bool:
    """ "tried to kill", "could kill", "threatened to kill": nobody was hit (yet)."""
    if any(c.dep_ == "aux" and c.lemma_.lower() in lexicon.irrealis for c in tok.children):
        return True
    if any(c.dep_ == "advmod" and c.lower_ in ("nearly", "almost") for c in tok.children):
        return True  # "a round that almost killed his uncle"
    if tok.dep_ == "pcomp" and tok.head.lower_ == "about" and tok.head.head.lemma_.lower() in _TALKED_ABOUT:
        return True  # "he had spoken of killing himself", "joked about shooting up the school"
    return tok.dep_ in ("xcomp", "ccomp", "acl") and tok.head.lemma_.lower() in lexicon.irrealis  # "in an
    # effort to kill himself", "an attempt to kill"


_TALKED_ABOUT = frozenset({"talk", "speak", "joke", "dream", "brag", "boast", "fantasize", "fantasise", "think"})


def under_irrealis(tok: Token, lexicon: ClaimLexicon) -> bool:
    """ "could have hit her and killed her", "could have caused injuries or death", "almost lost her life",
    "the nearly lifeless body": the claim word sits under a verb or adverb of what did not happen."""
    nearly = [tok] + [c for c in tok.children if c.dep_ == "amod"]  # "the nearly lifeless body"
    if any(a.pos_ == "ADJ" and any(c.dep_ == "advmod" and c.lower_ in ("nearly", "almost") for c in a.children)
           for a in nearly):
        return True
    node = tok
    while node.dep_ == "conj" and node.head != node:
        node = node.head
    if node.dep_ == "pobj":
        node = node.head
    if node != tok and node.pos_ == "VERB" and has_modal(node, lexicon):
        return True  # the first conjunct's modal governs the rest
    if tok.pos_ == "NOUN" and node.dep_ in ("dobj", "prep") and node.head.pos_ == "VERB":
        return has_modal(node.head, lexicon)
    if tok.pos_ == "NOUN" and tok.dep_ == "attr" and tok.head.pos_ == "AUX":
        return has_modal(tok.head, lexicon)  # "This could have been a fatality"
    return False


def has_modal(verb: Token, lexicon: ClaimLexicon) -> bool:
    return any(c.dep_ == "aux" and c.lemma_.lower() in lexicon.irrealis
               or c.dep_ == "advmod" and c.lower_ in ("nearly", "almost") for c in verb.children)


def fatal_measure(tok: Token, lexicon: ClaimLexicon) -> Measure | None:
    """ "fatally shot", "shot dead", "beaten to death": the outcome a manner word gives a verb."""
    for child in tok.children:
        if child.dep_ in ("advmod", "oprd", "acomp", "xcomp") and child.lower_ in lexicon.fatal:
            return lexicon.fatal[child.lower_]
        if child.dep_ == "prep" and child.lower_ == "to" and any(
                g.lemma_ == "death" for g in child.children):
            return Measure.KILLED
    return None


def missed(verb: Token) -> bool:
    """ "gunmen shot at a police car", "officers were shot at", "shot up the street": nobody hit
    (but "was shot at a party" hit someone at a place)."""
    if any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
        return True
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "at"):
        has_object = any(g.dep_ == "pobj" for g in prep.children)
        has_victim = any(c.dep_ in ("nsubjpass", "dobj") for c in verb.children)
        if not has_object or not has_victim:
            return True
    return False


def either_outcome(tok: Token, trig: Trigger, lexicon: ClaimLexicon) -> tuple[bool, bool]:
    """ "four people were wounded or killed": killed or injured, unsaid which, is one casualties figure,
    read at the first verb. (first verb of such a pair, second verb of it)."""
    def other_outcome(verb: Token) -> bool:
        other = trigger_of(verb, lexicon)
        return other is not None and other.measure in (Measure.KILLED, Measure.INJURED) \
            and other.measure is not trig.measure

    def has_or(verb: Token) -> bool:
        return any(c.dep_ == "cc" and c.lower_ == "or" for c in verb.children)
    first = has_or(tok) and any(c.dep_ == "conj" and other_outcome(c) for c in tok.children)
    second = tok.dep_ == "conj" and has_or(tok.head) and other_outcome(tok.head)
    return first, second


def own_subjects(a: Token, b: Token) -> bool:
    """ "A juvenile was killed and a driver was shot", "Four were shot and one of them died": two clauses,
    each with its own victims, not one victim "shot and killed"."""
    def subject(verb: Token) -> Token | None:
        return child_of(verb, "nsubjpass", "nsubj")
    first, second = subject(a), subject(b)
    return first is not None and second is not None and first != second


def fatal_share(tok: Token, lexicon: ClaimLexicon) -> Token | None:
    """ "Five people were shot, one fatally", "three were shot, two of them fatally", "(two of them
    fatally)": the count that died."""
    victim = child_of(tok, "nsubjpass", "dobj")
    owners = [(tok, ("npadvmod", "appos", "advmod", "conj", "dobj"))]
    owners += [(victim, ("appos",))] if victim is not None else []
    for owner, deps in owners:
        for child in owner.children:
            if child.dep_ in deps and vx.is_quantity(child, lexicon) and child != victim \
                    and (fatal_word(child, lexicon) or partitive_share(child) and fatal_word(tok, lexicon)):
                return child
    return None


def fatal_word(tok: Token, lexicon: ClaimLexicon) -> bool:
    return any(g.lower_ in lexicon.fatal and lexicon.fatal[g.lower_] is Measure.KILLED for g in tok.children)


def partitive_share(count: Token) -> bool:
    """ "two of them": a share of the people already counted."""
    of = next((c for c in count.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return of is not None and any(g.lower_ in ("them", "those", "whom") for g in of.children)
