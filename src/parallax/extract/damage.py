"""Find damage claims: what was destroyed or hit ("two front-end loaders ... and a tank"), counted."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from parallax.extract import victims as vx
from parallax.extract.casualties import Found, new_claim, tok_text, trigger_of
from parallax.extract.claim_lexicon import ClaimLexicon
from parallax.nlp.arrays import tokens_at
from parallax.schema import Figure, Measure

_ITEM_DEPS = frozenset({"conj", "appos"})
_CAUSE_VERBS = frozenset({"cause", "inflict", "sustain", "suffer", "do", "leave", "report"})


def _items(obj: Token) -> list[Token]:
    """ "two loaders, a piece of equipment, a vehicle and a tank": every listed thing."""
    items, queue = [], [obj]
    while queue:
        item = queue.pop(0)
        items.append(item)
        queue.extend(c for c in item.children if c.dep_ in _ITEM_DEPS and c.pos_ in ("NOUN", "PROPN"))
    return sorted(items, key=lambda t: t.i)


def _item_tokens(item: Token) -> list[Token]:
    """An item's own words, without the items listed after it."""
    skip = {t.i for c in item.children if c.dep_ in _ITEM_DEPS | {"cc", "punct", "relcl"} for t in c.subtree}
    return [t for t in item.subtree if t.i not in skip]


def _is_materiel(item: Token, lexicon: ClaimLexicon) -> bool:
    if item.lemma_.lower() in lexicon.materiel or item.lower_ in lexicon.materiel:
        return True
    inner = vx.partitive_object(item)  # "a piece of construction equipment"
    return inner is not None and inner.lemma_.lower() in lexicon.materiel


def _count(item: Token, lexicon: ClaimLexicon) -> Figure:
    found = vx.phrase_figure(item, lexicon)
    if found is not None:
        return found[0]
    if item.tag_ in ("NNS", "NNPS"):
        return Figure(1, None, item.text)
    return Figure(1, 1, item.text)


def _object(verb: Token) -> Token | None:
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    return vx.resolve_relative(obj) if obj is not None else None


def _listed_claim(verb: Token, items: list[Token], sent: DocSpan, article_id: str,
                  lexicon: ClaimLexicon) -> Found:
    counts = [_count(i, lexicon) for i in items]
    spans = [_item_tokens(i) for i in items]
    start = min(t.idx for t in spans[0])
    end = max(t.idx + len(t.text) for t in spans[-1])
    whole = tok_text(verb, start, end)
    parts = [tok_text(verb, min(t.idx for t in s), max(t.idx + len(t.text) for t in s)) for s in spans]
    contiguous = len(items) == len(_items(items[0]))
    text = whole if contiguous else ", ".join(parts)
    low = sum(c.low or 0 for c in counts)
    high = sum(c.high for c in counts) if all(c.high is not None for c in counts) else None
    return verb, new_claim(article_id, sent, Measure.DAMAGED, Figure(low, high, text), (start, end, text),
                           object_text=text)


def _verb_claims(verb: Token, weak: bool, sent: DocSpan, article_id: str, lexicon: ClaimLexicon) -> list[Found]:
    obj = _object(verb)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
        return []
    items = _items(obj)
    kept = [i for i in items if _is_materiel(i, lexicon)]
    if weak:
        items = kept
    elif not kept and vx.phrase_figure(obj, lexicon) is None:
        return []  # "destroyed the falseness of its claims" is not damage
    return [_listed_claim(verb, items, sent, article_id, lexicon)] if items else []


def _noun_claims(noun: Token, sent: DocSpan, article_id: str, lexicon: ClaimLexicon) -> list[Found]:
    """ "causing material damage", "damage to three houses", "no damage"."""
    if noun.dep_ in ("compound", "amod") or noun.head.lemma_.lower() not in _CAUSE_VERBS | {"to", "of"} \
            and noun.dep_ not in ("nsubj", "nsubjpass", "attr"):
        return []
    to = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    target = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if target is not None and _is_materiel(target, lexicon):
        return [_listed_claim(noun, _items(target), sent, article_id, lexicon)]
    tokens = vx.core_phrase(noun)
    negation = vx.negation_word(noun, noun.head)
    figure = Figure(0, 0, negation) if negation else Figure(1, None, tokens[2])
    return [(noun, new_claim(article_id, sent, Measure.DAMAGED, figure, tokens, object_text=tokens[2],
                             negated=bool(negation)))]


def damage_claims(sent: DocSpan, article_id: str, lexicon: ClaimLexicon,
                  words: Sequence[int] | None = None) -> list[Found]:
    """Every damage claim in one sentence, each with the word that reported it; `words` as in
    casualties.casualty_claims."""
    found: list[Found] = []
    for tok in tokens_at(sent, words):
        trig = trigger_of(tok, lexicon)
        if trig is None or trig.measure is not Measure.DAMAGED:
            continue
        if tok.pos_ == "VERB":
            found.extend(_verb_claims(tok, trig.extra == "weak", sent, article_id, lexicon))
        elif tok.pos_ == "NOUN" and trig.extra == "material":
            found.extend(_noun_claims(tok, sent, article_id, lexicon))
    return found
