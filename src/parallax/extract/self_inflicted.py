"""Read a shooter who "turned the gun on himself" as one more dead, told by the reflexive pronoun."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from parallax.extract.casualties import Found, new_claim
from parallax.extract.claim_lexicon import ClaimLexicon
from parallax.extract.verb_outcomes import is_irrealis
from parallax.nlp.arrays import tokens_at
from parallax.schema import Figure, Measure

REFLEXIVES = frozenset({"himself", "herself"})


def turned_on_self(sent: DocSpan, article_id: str, lexicon: ClaimLexicon,
                   words: Sequence[int] | None = None) -> list[Found]:
    """ "A man shot his wife before turning the gun on himself": the shooter is dead too (killed 1,
    figure "himself", so a toll adds him to his victims as it does "then killed himself")."""
    found: list[Found] = []
    for tok in tokens_at(sent, words):
        verb = _turning_verb(tok, lexicon)
        if verb is not None:
            where = (tok.idx, tok.idx + len(tok.text), tok.text)
            found.append((verb, new_claim(article_id, sent, Measure.KILLED, Figure(1, 1, tok.text), where)))
    return found


def _turning_verb(tok: Token, lexicon: ClaimLexicon) -> Token | None:
    """The "turned" of "turned the gun on himself" whose `tok` is the reflexive; None otherwise, or when
    the turning did not happen ("threatened to turn the gun on himself")."""
    if tok.lower_ not in REFLEXIVES or tok.dep_ != "pobj" or tok.head.lower_ != "on":
        return None
    verb = tok.head.head
    if verb.lemma_.lower() != "turn" or is_irrealis(verb, lexicon):
        return None
    weapon = any(c.dep_ == "dobj" and c.lemma_.lower() in lexicon.firearms for c in verb.children)
    return verb if weapon else None
