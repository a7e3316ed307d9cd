"""Cheap keys that decide which pairs of mentions are worth scoring (never all pairs)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from itertools import combinations

from parallax.schema import EventMention

WILDCARD = "*"


def block_keys(mention: EventMention) -> set[str]:
    """Country and ISO week; a mention missing one is a wildcard on that axis."""
    country = mention.place.country if mention.place and mention.place.country else WILDCARD
    day = mention.date.value if mention.date and mention.date.value else None
    weeks = {WILDCARD} if day is None else {f"{day.isocalendar()[0]}-{day.isocalendar()[1]}",
                                            f"{day.toordinal() // 7}"}
    return {f"{country}|{week}" for week in weeks}


def candidate_pairs(mentions: Sequence[EventMention]) -> Iterator[tuple[int, int]]:
    """Index pairs sharing a block, from different articles; wildcards meet every block."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, mention in enumerate(mentions):
        for key in block_keys(mention):
            blocks[key].append(index)
    seen: set[tuple[int, int]] = set()
    for key, members in _expanded(blocks).items():
        for i, j in combinations(sorted(set(members)), 2):
            if (i, j) not in seen and mentions[i].article_id != mentions[j].article_id:
                seen.add((i, j))
                yield i, j


def _expanded(blocks: dict[str, list[int]]) -> dict[str, list[int]]:
    """Fold wildcard blocks into the concrete blocks they could match."""
    out: dict[str, list[int]] = {}
    for key, members in blocks.items():
        country, week = key.split("|")
        merged = list(members)
        for other, extra in blocks.items():
            c2, w2 = other.split("|")
            if other != key and (c2 in (country, WILDCARD)) and (w2 in (week, WILDCARD)):
                merged += extra
        out[key] = merged
    return out
