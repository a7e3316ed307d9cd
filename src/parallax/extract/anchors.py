"""Which event trigger a date, place or figure in the same sentence belongs to, by the parse tree."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

# A date or place governed by one of these verbs tells when or where something was SAID
# ("Mattis said Friday", "Damascus on Friday condemned the strike"), not when it happened.
STATEMENT_LEMMAS = frozenset({
    "say", "tell", "report", "add", "announce", "state", "condemn", "denounce", "claim", "deny",
    "confirm", "stress", "note", "accuse", "blame", "welcome", "hail", "blast", "warn", "quote",
    "insist", "describe", "call", "comment", "allege", "acknowledge", "argue", "maintain", "brief",
})
# Subordinate clauses introduced by these words set the scene for another event
# ("As the US focused attention on X near Y, the militants attacked Z").
_SCENE_MARKERS = frozenset({"as", "while", "when", "after", "before", "since", "although", "though"})
MAX_TREE_DISTANCE = 8


def _ancestors(token: Token) -> list[Token]:
    chain, head = [token], token.head  # each Token.head makes a new Token: asked once per step
    while head.i != chain[-1].i:
        chain.append(head)
        head = head.head
    return chain


def tree_path(a: Token, b: Token) -> tuple[list[Token], list[Token]] | None:
    """Tokens from a up to (excluding) the lowest common ancestor, and likewise from b; None if apart."""
    up_a, up_b = _ancestors(a), _ancestors(b)
    index_b = {t.i: k for k, t in enumerate(up_b)}
    for k, tok in enumerate(up_a):
        if tok.i in index_b:
            return up_a[:k], up_b[:index_b[tok.i]]
    return None


def _blocked(path_from_anchor: list[Token], lca: Token, trigger: Token) -> bool:
    """True when the anchor hangs off a statement verb or a scene-setting clause, not the trigger."""
    for tok in path_from_anchor + [lca]:
        if tok.i == trigger.i:
            return False
        if tok.pos_ == "VERB" and tok.lemma_ in STATEMENT_LEMMAS:
            return True
        # a scene-setting clause cuts the anchor off, unless the trigger is inside it too
        if tok.i != lca.i and tok.dep_ == "advcl" \
                and any(c.dep_ == "mark" and c.lower_ in _SCENE_MARKERS for c in tok.children):
            return True
    return False


def owning_trigger(anchor: Token, triggers: Sequence[Token]) -> int | None:
    """Index in `triggers` of the trigger that `anchor` (a token of a date/place/figure) belongs to."""
    best: tuple[int, int] | None = None
    for index, trigger in enumerate(triggers):
        paths = tree_path(anchor, trigger)
        if paths is None:
            continue
        up_anchor, up_trigger = paths
        lca = (up_anchor[-1].head if up_anchor else anchor)
        if _blocked(up_anchor, lca, trigger):
            continue
        distance = len(up_anchor) + len(up_trigger)
        if distance <= MAX_TREE_DISTANCE and (best is None or distance < best[0]):
            best = (distance, index)
    return None if best is None else best[1]
