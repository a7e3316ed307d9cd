"""The incident's (event type, sub-event type): a vote of its articles, by data/type_vote.tsv."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from parallax.errors import DataFileError
from parallax.knowledge import read_table
from parallax.schema import EventMention

Kind = tuple[str, str]
_ROLES = frozenset({"fallback", "yields"})


@lru_cache(maxsize=4)
def vote_roles(override_dir: str = "") -> dict[Kind, str]:
    roles = {}
    for row in read_table("type_vote.tsv", override_dir):
        if row.get("role") not in _ROLES:
            raise DataFileError(f"type_vote.tsv: bad row {row}", f"give a role among {sorted(_ROLES)}")
        roles[(row["event_type"], row["sub_event_type"])] = row["role"]
    return roles


def incident_type(mentions: Sequence[EventMention]) -> Kind:
    """The type the most articles give (one vote per article and type) among the non-background
    mentions; a fallback type only when nothing else is given; a tie goes to a type that does not
    yield, then to the type of the first mention."""
    main = [m for m in mentions if not m.background] or list(mentions)
    roles = vote_roles()
    order = list(dict.fromkeys((m.event_type, m.sub_event_type) for m in main))
    votes = Counter(kind for _, kind in {(m.article_id, (m.event_type, m.sub_event_type)) for m in main})
    specific = [k for k in order if roles.get(k) != "fallback"] or order
    return min(specific, key=lambda k: (-votes[k], roles.get(k) == "yields", order.index(k)))
