"""Cheap keys that decide which pairs of mentions are worth scoring (never all pairs).

A mention is indexed under some keys and looks up others; two mentions are candidates when either
one's lookup keys meet the other's index keys, and the key sets are built so that this is symmetric.
A key joins a place part and a time part:

- place: mentions located to a town (or near one) use a 1-degree grid cell (looking up the 9 cells
  around theirs); mentions with only a province or a country meet every mention of that country
  (a province's centroid says little about where the event was); mentions with no place meet every one;
- namesakes: a town-located mention is also indexed and looked up under its place's name, since
  scoring takes two places of one name as one (Jacksonville, Florida against the Jacksonville a
  geocoder found in North Carolina);
- people: a mention with a day-precise date is also indexed under each person or site its event
  sentences name on that day, and looks them up on the days either side, so reports of one
  shooting whose places the geocoder read differently still meet;
- follow-ups: a dated mention is also indexed under each person its event sentences name, with a
  coarse time part (a 200-day span; a follow-up reaches two spans either side: every pair within
  400 days meets, none beyond 600), and one that tells a follow-up (an arrest, a charge, a hearing) looks
  those up, so an arrest story months later meets the reports naming its victim (and only such
  pairs meet this way); without the time part a common name's bucket grew with the store;
- time: a day looks up the days either side, a week-precise date the weeks either side, a month the
  months either side (dates widened by their precision); undated mentions meet undated ones only,
  by weekday when they have one.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Iterator, Sequence

from parallax.extract.compatibility import place_key
from parallax.resolve.features import follow_up_cues, mention_text, people_in, persons_of
from parallax.resolve.scoring import CONTEXT
from parallax.schema import DatePrecision, EventDate, EventMention, GeoPrecision, Place

CELL_DEGREES = 1.0
FOLLOW_UP_SPAN_DAYS = 200  # the time part of a follow-up person key: two spans either side are looked up


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return int((lat + 90) // CELL_DEGREES), int((lon + 180) // CELL_DEGREES)


def place_keys(place: Place | None) -> tuple[set[str], set[str]]:
    """(index keys, lookup keys) for the place part."""
    if place is not None and place.latitude is not None and place.longitude is not None \
            and place.precision <= GeoPrecision.NEAR:
        row, col = _cell(place.latitude, place.longitude)
        around = {f"g{row + i}.{col + j}" for i in (-1, 0, 1) for j in (-1, 0, 1)}
        name = f"n{zlib.crc32(place_key(place.name).encode())}"  # namesakes: scoring takes one name as one place
        index, lookup = {f"g{row}.{col}", f"C{place.country}", "*", name}, around | {f"U{place.country}", "N", name}
        if place.relation == CONTEXT:  # only the article's town: it meets its country's reports too
            index, lookup = index | {f"U{place.country}"}, lookup | {f"C{place.country}"}
        return index, lookup
    if place is not None and place.country:
        return {f"U{place.country}", "*"}, {f"C{place.country}", f"U{place.country}", "N"}
    return {"N", "*"}, {"*"}


def _month(when: EventDate) -> int:
    return when.value.year * 12 + when.value.month - 1


def time_keys(when: EventDate | None) -> tuple[set[str], set[str]]:
    """(index keys, lookup keys) for the time part."""
    if when is None or when.value is None:
        weekday = when.weekday if when else ""
        return ({"u", f"u{weekday}"}, {f"u{weekday}", "u-"}) if weekday else ({"u", "u-"}, {"u"})
    day, month = when.value.toordinal(), _month(when)
    week = day // 7
    months = {f"M{month + k}" for k in (-1, 0, 1)}
    if when.precision <= DatePrecision.DAY:
        return ({f"d{day}", f"w{week}", f"m{month}"},
                {f"d{day + k}" for k in (-1, 0, 1)} | {f"W{week + k}" for k in (-1, 0, 1)} | months)
    if when.precision == DatePrecision.WEEK:
        return {f"W{week}", f"w{week}", f"m{month}"}, {f"w{week + k}" for k in (-1, 0, 1)} | months
    return {f"M{month}", f"m{month}"}, {f"m{month + k}" for k in (-1, 0, 1)}


def block_keys(mention: EventMention) -> tuple[set[str], set[str]]:
    """(index keys, lookup keys) of a mention: every place part with every time part."""
    place_index, place_lookup = place_keys(mention.place)
    time_index, time_lookup = time_keys(mention.date)
    index = {f"{p}|{t}" for p in place_index for t in time_index}
    lookup = {f"{p}|{t}" for p in place_lookup for t in time_lookup}
    when = mention.date
    if when is not None and when.value is not None and when.precision <= DatePrecision.DAY:
        day = when.value.toordinal()
        for name in people_in(mention_text(mention)):
            key = zlib.crc32(name.encode())
            index.add(f"p{key}|d{day}")
            lookup.update(f"p{key}|d{day + k}" for k in (-1, 0, 1))
    if when is not None and when.value is not None:
        follow_index, follow_lookup = follow_up_keys(mention)
        return index | follow_index, lookup | follow_lookup
    return index, lookup


def follow_up_keys(mention: EventMention) -> tuple[set[str], set[str]]:
    """Every dated report is indexed under its persons (P) and looks up Q; a follow-up report is
    also indexed under Q and looks up P: a follow-up meets every report naming one of its persons
    within 400 days (up to 600), and two reports neither of which tells a follow-up never meet
    this way."""
    keys = {zlib.crc32(name.encode()) for name in persons_of(mention)}
    if not keys:
        return set(), set()
    span = mention.date.value.toordinal() // FOLLOW_UP_SPAN_DAYS
    near = [span + k for k in (-2, -1, 0, 1, 2)]
    index, lookup = {f"P{k}|s{span}" for k in keys}, {f"Q{k}|s{span}" for k in keys}
    if follow_up_cues(mention):  # the rare follow-up holds the spread, so a plain report adds one key a name
        index |= {f"Q{k}|s{s}" for k in keys for s in near}
        lookup |= {f"P{k}|s{s}" for k in keys for s in near}
    return index, lookup


def candidate_pairs(mentions: Sequence[EventMention]) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j) sharing a block, from different articles, each once (the keys are
    symmetric, so looking up from the lower index finds every pair)."""
    keys = [block_keys(m) for m in mentions]
    index: dict[str, list[int]] = defaultdict(list)
    for i, (indexed, _) in enumerate(keys):
        for key in indexed:
            index[key].append(i)
    for i, (_, lookups) in enumerate(keys):
        found = {j for key in lookups for j in index.get(key, ())}
        for j in sorted(found):
            if j > i and mentions[i].article_id != mentions[j].article_id:
                yield i, j
