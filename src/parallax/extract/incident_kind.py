"""The (event type, sub-event type) of one incident told by several event words (data/told_severity.tsv)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from functools import lru_cache
from types import MappingProxyType

from parallax.errors import DataFileError
from parallax.extract.compatibility import GENERIC_SUBTYPES
from parallax.knowledge import read_table

Kind = tuple[str, str]


@lru_cache(maxsize=1)
def told_severity() -> Mapping[Kind, int]:
    ranks = {}
    for row in read_table("told_severity.tsv"):
        if not row["rank"].isdigit():
            raise DataFileError(f"told_severity.tsv: bad rank in {row}", "give a whole number, 0 or more")
        ranks[(row["event_type"], row["sub_event_type"])] = int(row["rank"])
    return MappingProxyType(ranks)


_GATHERING_RANK = 1  # a peaceful protest: nothing violent told of the crowd or the police


def is_demonstration(kind: Kind) -> bool:
    """A protest or riot: its police intervention and its crowd's violence are the same incident."""
    return told_severity().get(kind, 0) > 0


def follows_act(kind: Kind, told: Kind) -> bool:
    """True when `kind` (an arrest, a looting) only follows the act `told` is: it never retypes it."""
    ranks = told_severity()
    return ranks.get(kind) == 0 and ranks.get(told) != 0


def only_setting(kind: Kind, told: Kind) -> bool:
    """True when `kind` is a peaceful gathering and `told` a specific act that is no demonstration: the
    gathering is where the act happened ("the bombing at a rally in Quetta"), never its type."""
    return told_severity().get(kind) == _GATHERING_RANK and not is_demonstration(told) \
        and told[1] not in GENERIC_SUBTYPES


def told_kind(told: Sequence[Kind]) -> Kind:
    """The kind the event words tell together: the most told specific kind, never an arrest or a
    looting beside the act it follows, never a peaceful gathering that is only the setting of a
    specific armed act; a demonstration (all its specific words are) by the most severe thing told of it."""
    ranks = told_severity()
    pool = [k for k in told if ranks.get(k) != 0] or list(told)
    specific = [k for k in pool if k[1] not in GENERIC_SUBTYPES] or pool
    if any(not is_demonstration(k) for k in specific):  # "a bomb exploded at a political rally": the
        specific = [k for k in specific if not any(only_setting(k, t) for t in specific)]  # rally is where
    if all(is_demonstration(k) for k in specific):  # a vigil word beside a shooting types nothing
        top = max(ranks[k] for k in specific)
        specific = [k for k in specific if ranks[k] == top]
    return Counter(specific).most_common(1)[0][0]


__all__ = ["follows_act", "is_demonstration", "only_setting", "told_kind"]
