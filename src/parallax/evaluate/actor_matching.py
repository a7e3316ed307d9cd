"""Match predicted actor phrases to gold ones and count precision, recall and F1 per role."""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Sequence

_DROPPED = frozenset({"the", "a", "an", "its", "their", "his", "her", "of"})


def words(phrase: str) -> tuple[str, ...]:
    """Lower-case words without articles and possessives: "The US-led coalition" -> (us-led, coalition)."""
    found = re.findall(r"[a-z0-9][a-z0-9'\-]*", phrase.lower().replace("’", "'"))
    return tuple(w.removesuffix("'s") for w in found if w not in _DROPPED)


def half_of(item_id: str) -> str:
    """The fixed half an item belongs to: "dev" (studied while writing the rules) or "heldout"
    (never studied), by a hash of its id so the split does not depend on file order."""
    return "dev" if zlib.crc32(item_id.encode("utf-8")) % 2 == 0 else "heldout"


def matches(predicted: str, gold: str, exact: bool = False) -> bool:
    """Exact: the same words. Relaxed: one phrase's words are a contiguous run inside the other's
    ("Senior Czech and Polish officials" holds "Czech")."""
    p, g = words(predicted), words(gold)
    if not p or not g:
        return False
    if exact:
        return p == g
    short, long_ = (p, g) if len(p) <= len(g) else (g, p)
    return any(long_[i:i + len(short)] == short for i in range(len(long_) - len(short) + 1))


def count_matches(predicted: Sequence[str], gold: Sequence[Sequence[str]],
                  exact: bool = False) -> tuple[int, int, int]:
    """(predictions that match a gold entity, gold entities matched, number of predictions); a gold
    entity is a list of alternative mentions. One phrase may find several entities ("Kenyan and
    Somali officials"); a second phrase for an entity already found is not counted wrong."""
    unique = list(dict.fromkeys(p for p in predicted if words(p)))
    found: set[int] = set()
    right = 0
    for phrase in unique:
        hits = {k for k, entity in enumerate(gold) if any(matches(phrase, m, exact) for m in entity)}
        found |= hits
        right += bool(hits)
    return right, len(found), len(unique)


def prf(counts: Iterable[tuple[int, int, int, int]]) -> dict[str, float]:
    """Micro precision, recall and F1 from (right predictions, predictions, gold found, gold)."""
    right = predicted = found = gold = 0
    for r, p, f, g in counts:
        right, predicted, found, gold = right + r, predicted + p, found + f, gold + g
    precision = right / predicted if predicted else 0.0
    recall = found / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
            "predicted": predicted, "gold": gold}
