"""Choose among a name's gazetteer entries using the rest of the article: its countries, its
provinces and its other places, over each entry's size."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from parallax.extract.gazetteer import Candidate, km_between, prior

COUNTRY_WEIGHT = 2.5  # times the share of the article's country evidence
ANY_COUNTRY_BONUS = 0.5
ADMIN1_BONUS = 1.0
NEAR_BONUS = 1.0
NEAR_KM = 150.0
REGION_WEIGHT = 1.2  # per vote of the text's other names for an entry's province
REGION_CAP = 2.0
MAX_VOTING_REGIONS = 40  # a name found in more provinces than this says nothing about any
SUPPORT_VOTES = 2.0
VOTE_SHARPNESS = 2.0
CLOSE_WEIGHT = 0.15  # per other name with an entry within about a degree
CLOSE_CAP = 2
LOCAL_KINDS = frozenset({"place", "admin2", "landmark"})  # how much more an entry's likelier namesakes weigh in its name's vote
# Entries a bare capitalised phrase (no NER place label) may be taken for without other support.
STRONG_POPULATION = 50_000
# A namesake this many times smaller than its name's largest town takes no province votes unless
# another name of the text has an entry close to it: "San Diego" beside "Dallas" is not San Diego, Texas.
BIG_NAMESAKE_RATIO = 100
# A small town this far from every other place of the text, in a province none of them lies in,
# is a namesake the gazetteer put there for want of the right entry ("Roxbury" in a Boston story).
FAR_NAMESAKE_POPULATION = 15_000
FAR_NAMESAKE_KM = 800.0
# A town (under 50,000 people) in a country the text names nothing else in, far from its other
# places, all in one other country (two at least), is a namesake too: "Whitehaven" in Memphis.
FOREIGN_NAMESAKE_PLACES = 2
FOREIGN_NAMESAKE_POPULATION = 50_000
# What joins two names of one list: "Ohio, Georgia, Nevada and New York".
_LIST_GAP = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+")


@dataclass(slots=True)
class ArticleContext:
    """What the article says about where it is, gathered before any name is resolved."""

    countries: Counter = field(default_factory=Counter)
    admin1s: Counter = field(default_factory=Counter)  # (country, admin-1 name)
    points: list[tuple[float, float]] = field(default_factory=list)
    regions: Counter = field(default_factory=Counter)  # (country, admin-1) -> votes (region_support)
    cells: dict = field(default_factory=dict)  # one-degree cell -> names with an entry there (name_cells)

    @property
    def main_country(self) -> str:
        return self.countries.most_common(1)[0][0] if self.countries else ""


def build_context(options: Sequence[Sequence[Candidate]], demonym_countries: Iterable[str]) -> ArticleContext:
    """Evidence from names that leave no doubt: countries, names with one entry, or whose entries
    are all in one country; and the countries of adjectives ("Syrian")."""
    context = ArticleContext()
    context.countries.update(code for code in demonym_countries if code)
    for candidates in options:
        add_evidence(context, candidates, 1.0)
    return context


def add_evidence(context: ArticleContext, candidates: Sequence[Candidate], weight: float) -> None:
    if not candidates:
        return
    top = candidates[0]
    countries = {c.country for c in candidates}
    if top.country and (top.kind == "country" or len(countries) == 1):
        context.countries[top.country] += weight
    if len(candidates) == 1 and top.kind != "country":
        if top.admin1:
            context.admin1s[(top.country, top.admin1)] += weight
        if top.kind in {"place", "landmark"}:
            context.points.append((top.latitude, top.longitude))


def vouched(context: ArticleContext, firsts: Mapping[str, Candidate | None], key: str,
            weight: float) -> ArticleContext:
    """The context plus the first choices (by name key) of the text's other names: a name does
    not vouch for itself, however often it is repeated."""
    result = ArticleContext(Counter(context.countries), Counter(context.admin1s), list(context.points),
                            context.regions, context.cells)
    for other, first in firsts.items():
        if other != key and first is not None:
            add_evidence(result, [first], weight)
    return result


def score(candidate: Candidate, context: ArticleContext) -> float:
    total = prior(candidate)
    evidence = sum(context.countries.values())
    if candidate.kind != "country" and evidence:
        share = context.countries[candidate.country] / evidence
        total += COUNTRY_WEIGHT * share + (ANY_COUNTRY_BONUS if share else 0.0)
    if candidate.alias:  # matched by an alternate name only: "New York" beside Queens is still the state
        return total
    if candidate.admin1 and context.admin1s[(candidate.country, candidate.admin1)]:
        total += ADMIN1_BONUS
    if candidate.kind in {"place", "landmark"} and _near_any(candidate, context.points):
        total += NEAR_BONUS
    return total


def _near_any(candidate: Candidate, points: list[tuple[float, float]]) -> bool:
    return any(0.0 < km_between(candidate.latitude, candidate.longitude, lat, lon) <= NEAR_KM
               for lat, lon in points)


def lies_within(candidate: Candidate, region: Candidate) -> bool:
    """Whether an entry lies inside a country or admin-1 entry (and is not that entry)."""
    if candidate.country != region.country or candidate is region:
        return False
    return region.kind == "country" or candidate.admin1 == region.admin1


def region_votes(candidates: Sequence[Candidate]) -> Counter:
    """A name's vote for the provinces it may lie in: one vote shared among its entries by how
    likely each is on its own, so "Walker County" (in nine states) lends each a ninth, "Catoosa
    County" (in one) lends Georgia all, and "Texas" lends the state nearly all."""
    entries = [c for c in candidates if c.kind != "country" and c.admin1 and not (c.alias or c.variant)]
    if not entries or len({(c.country, c.admin1) for c in entries}) > MAX_VOTING_REGIONS:
        return Counter()
    weights = [math.exp(VOTE_SHARPNESS * prior(c)) for c in entries]
    votes: Counter = Counter()
    for candidate, weight in zip(entries, weights):
        votes[(candidate.country, candidate.admin1)] += weight / sum(weights)
    return votes


def region_support(options: Iterable[Sequence[Candidate]]) -> Counter:
    """The votes of every distinct name of a text for the provinces its entries lie in."""
    total: Counter = Counter()
    for candidates in options:
        total.update(region_votes(candidates))
    return total


def name_cells(options: Mapping[str, Sequence[Candidate]]) -> dict[tuple[int, int], frozenset[str]]:
    """For each one-degree cell, the names (keys) of the text that have an entry in it."""
    cells: dict[tuple[int, int], set[str]] = {}
    for key, candidates in options.items():
        for c in candidates:
            if c.kind in LOCAL_KINDS and not (c.alias or c.variant):
                cells.setdefault(_cell(c), set()).add(key)
    return {cell: frozenset(keys) for cell, keys in cells.items()}


def neighbours(candidate: Candidate, key: str, context: ArticleContext) -> int:
    """How many of the text's other names have an entry within about a degree of this one: local
    news names places close together ("Alexandria" beside "Douglas County" and "St. Cloud")."""
    row, col = _cell(candidate)
    near = set().union(*(context.cells.get((row + dr, col + dc), ()) for dr in (-1, 0, 1) for dc in (-1, 0, 1)))
    return len(near - {key})


def _cell(candidate: Candidate) -> tuple[int, int]:
    return int(candidate.latitude // 1), int(candidate.longitude // 1)


def choose_coherent(candidates: Sequence[Candidate], context: ArticleContext, key: str = "") -> Candidate | None:
    """The best entry when the text's other names also vote for the province it lies in
    (`context.regions`, less the name's own votes: a name does not vouch for itself) and have
    entries close to it (`context.cells`)."""
    own = region_votes(candidates)
    largest = max((c.population for c in candidates if c.kind == "place" and not (c.alias or c.variant)), default=0)

    def total(c: Candidate) -> float:
        if c.alias or c.variant:
            return score(c, context)
        others = context.regions[(c.country, c.admin1)] - own[(c.country, c.admin1)]
        close = neighbours(c, key, context) if c.kind in LOCAL_KINDS else 0
        if c.kind == "place" and not close and (c.population + 1) * BIG_NAMESAKE_RATIO < largest:
            others = 0.0  # far votes do not make a hamlet of Texas out of San Diego
        return score(c, context) + REGION_WEIGHT * min(others, REGION_CAP) + CLOSE_WEIGHT * min(close, CLOSE_CAP)

    return max(candidates, key=total, default=None)


def is_far_namesake(candidate: Candidate, others: Sequence[Candidate]) -> bool:
    """Whether a small town lies far (FAR_NAMESAKE_KM) from every other located place of the text
    (`others`: the entries chosen for its other names) and outside every province of its own
    country they lie in, while some of them are in that country: the right entry, a neighbourhood
    ("Roxbury" in Boston, "the Elmwood district of Buffalo"), is missing from the gazetteer."""
    if candidate.kind != "place" or candidate.added:
        return False
    compatriots = [o for o in others if o.country == candidate.country and o.kind != "country"]
    if not compatriots:
        return candidate.population < FOREIGN_NAMESAKE_POPULATION and is_foreign_namesake(candidate, others)
    if candidate.population >= FAR_NAMESAKE_POPULATION or any(o.admin1 == candidate.admin1 for o in compatriots):
        return False
    return not any(km_between(candidate.latitude, candidate.longitude, o.latitude, o.longitude) <= FAR_NAMESAKE_KM
                   for o in others if o.kind in LOCAL_KINDS)


def is_foreign_namesake(candidate: Candidate, others: Sequence[Candidate]) -> bool:
    """Whether a small town lies in a country the text names nothing else in, while its other
    places (FOREIGN_NAMESAKE_PLACES distinct ones at least) all lie in one other country, far
    from it: "Whitehaven" (England) in a Memphis story is Memphis's neighbourhood, "White Hills"
    (Victoria) beside Arizona's Mohave County the Arizona village the gazetteer lacks."""
    located = {o for o in others if o.kind in LOCAL_KINDS | {"admin1"}}
    if any(o.country == candidate.country for o in others) or len(located) < FOREIGN_NAMESAKE_PLACES:
        return False
    return len({o.country for o in located}) == 1 and not any(
        km_between(candidate.latitude, candidate.longitude, o.latitude, o.longitude) <= FAR_NAMESAKE_KM for o in located)


def is_supported(candidates: Sequence[Candidate], context: ArticleContext) -> bool:
    """Whether the article's places (`context.regions`, which these candidates are not part of)
    vote for a province one of these entries lies in, with at least SUPPORT_VOTES votes: enough
    to take a name NER missed or mislabelled for a place."""
    return any(context.regions[(c.country, c.admin1)] >= SUPPORT_VOTES
               for c in candidates if c.kind in {"place", "admin2"} and not (c.alias or c.variant) and c.admin1)


def choose(candidates: Sequence[Candidate], context: ArticleContext) -> Candidate | None:
    return max(candidates, key=lambda c: score(c, context), default=None)


def is_strong(candidate: Candidate, context: ArticleContext) -> bool:
    """Whether an entry is credible for a phrase NER did not call a place: a landmark, a country,
    anything in a country the article is about, or a large town."""
    if candidate.variant:
        return False
    return candidate.kind in {"landmark", "country", "region"} or context.countries[candidate.country] > 0 \
        or (candidate.kind == "place" and candidate.population >= STRONG_POPULATION)


def strong_entries(candidates: Sequence[Candidate], context: ArticleContext) -> list[Candidate]:
    """The strong entries of a name (`is_strong`); where one is a large town matched by an alternate
    name only and towns bear the name itself, those towns too, to be weighed against it: "Frankfort
    police" is credible, but need not be Frankfurt's, nor "an Augusta teenager" Augsburg's."""
    strong = [c for c in candidates if is_strong(c, context)]
    if not any(c.alias and c.kind == "place" for c in strong):
        return strong
    named = [c for c in candidates if c.kind == "place" and not (c.alias or c.variant) and c not in strong]
    return strong + named


def list_neighbours(text: str, bounds: Sequence[tuple[int, int]]) -> list[list[int]]:
    """For each name at character `bounds` (in text order), the indices of the names it is listed
    with: the one before and the one after when only a comma, "and" or "or" lies between."""
    joined = [_LIST_GAP.fullmatch(text[a[1]:b[0]]) is not None for a, b in zip(bounds, bounds[1:])]
    return [[j for j, ok in ((i - 1, i > 0 and joined[i - 1]), (i + 1, i < len(joined) and joined[i]))
             if ok] for i in range(len(bounds))]


def unit_among_units(chosen: Candidate | None, candidates: Sequence[Candidate],
                     listed: Sequence[Candidate | None]) -> Candidate | None:
    """A name listed beside provinces of one country is that country's province too: "New York"
    in "Ohio, Georgia, Nevada and New York" is the state, not the city. A town followed
    by the province it lies in stays the town ("Dublin, Ohio": the comma pattern reads it)."""
    if chosen is None or chosen.kind == "admin1" or not listed:
        return chosen
    country = listed[0].country if listed[0] is not None else ""
    if not all(s is not None and s.kind == "admin1" and s.country == country
               and not (s.country == chosen.country and s.admin1 == chosen.admin1) for s in listed):
        return chosen
    return next((c for c in candidates if c.kind == "admin1" and c.country == country), chosen)
