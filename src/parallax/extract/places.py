"""Place mentions of an article, geocoded against the gazetteer and qualified by how the text
relates the event to them (in, near, northwest of, in the east of, near the border with)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.attrs import ENT_TYPE, IDX, ORTH
from spacy.tokens import Doc

from parallax.extract.compatibility import AS_ACTOR, HOME_OF, IN_A_NAME, NEWSROOM, UNLOCATED, is_border
from parallax.extract.gazetteer import Candidate, Gazetteer
from parallax.extract.place_demonyms import demonym_places
from parallax.extract.place_in_names import named_in_names
from parallax.extract.place_mentions import (
    OTHER_LABELS, PLACE_LABELS, POSSESSIVE, Mention, entity_mentions, is_capitalised, run_mentions,
)
from parallax.extract.place_names import acronym_kinds, is_acronym, name_key, strip_suffix_words
from parallax.extract.place_phrases import BorderPhrase, CountryPart, border_phrases, country_parts
from parallax.extract.place_streets import is_street, street_names
from parallax.extract.place_toponyms import Toponym, listed_unit
from parallax.extract.place_ranking import (
    ArticleContext, add_evidence, build_context, choose, choose_coherent, is_far_namesake, is_strong, is_supported,
    lies_within, list_neighbours, name_cells, region_support, strong_entries, unit_among_units, vouched,
)
from parallax.ingest.dateline import MAX_DATELINE_CHARS, shouted_newsrooms
from parallax.nlp.arrays import sentence_of, token_table
from parallax.nlp.entities import entities
from parallax.schema import Article, GeoPrecision, Place, Span

FIRST_PASS_WEIGHT = 0.5
COUNT_WORDS = frozenset({"a", "an", "each", "every", "another"})  # before a common noun, not a place name
POSSESSIVES = frozenset({"his", "her", "their", "its", "my", "our", "your"})  # "his Taser", for unknown names
SENTENCE_ENDS = frozenset({".", "!", "?"})  # before a dateline inside a text
CITY_CENTRE = "centre"  # the direction of "central": "central Lusaka" is the city's centre, not its province


@dataclass(frozen=True, slots=True)
class Resolved:
    """A mention with the gazetteer entries its name may refer to."""

    mention: Mention
    candidates: tuple[Candidate, ...]
    listed: bool = False  # one of a list of units closed by their plural ("Harvey and Kingman counties")


def extract_places(doc: Doc, article: Article, gazetteer: Gazetteer) -> list[Place]:
    """Every place mention after the dateline, in text order. Names the gazetteer does not know
    stay in the list with no coordinates (precision UNKNOWN) when NER calls them a GPE."""
    return _read_places(doc, article, gazetteer)[0]


def extract_toponyms(doc: Doc, article: Article, gazetteer: Gazetteer) -> list[Place]:
    """Every place name of the text, as a geoparser reads it: `extract_places`' places, and the
    names it leaves out because the text uses them for an actor ("US officials", "Russia said",
    "the US-led coalition": relation AS_ACTOR) or for a people ("Georgian troops", "Ohioans", "the
    U.S. Army": relation DEMONYM), at their entries. Neither relation ever locates an event."""
    places, actors = _read_places(doc, article, gazetteer)
    found = places + actors
    found += demonym_places(doc, article, gazetteer, [p.span for p in found if p.span])
    found += named_in_names(doc, article, gazetteer, found, geocode_name)
    return sorted(found, key=lambda p: p.span.start if p.span else 0)


def _read_places(doc: Doc, article: Article, gazetteer: Gazetteer) -> tuple[list[Place], list[Place]]:
    """(the article's places in text order, the place names it uses for an actor)."""
    first, terms, taken = article.dateline_end, gazetteer.terms, set()
    borders = list(border_phrases(doc, first, terms, gazetteer.country_of_adjective))
    parts = list(country_parts(doc, first, terms))
    for phrase in (*borders, *parts):
        taken.update(range(phrase.start, phrase.end))
    named, context = _named_mentions(doc, article, taken, gazetteer)
    firsts = _first_choices(doc, named, context)
    choices = [_choice(doc, r, vouched(context, firsts, name_key(r.mention.text(doc)), FIRST_PASS_WEIGHT))
               for r in named]
    choices = _units_among_units(doc, named, choices)
    context = vouched(context, firsts, "", FIRST_PASS_WEIGHT)  # the article's countries, for borders
    places = [p for r, chosen, far in zip(named, choices, _far_namesakes(doc, named, choices))
              if (p := _named_place(doc, article, r, None if far else chosen, gazetteer, far))]
    places += [_border_place(doc, article, b, gazetteer, context) for b in borders]
    places += [p for part in parts if (p := _part_place(doc, article, part, gazetteer, context))]
    actors = [p for p in places if p.relation == AS_ACTOR]
    places = [p for p in places if p.relation != AS_ACTOR]
    places = _not_people(doc, _without_shortened(places))
    return sorted(_in_article_region(places, gazetteer), key=lambda p: p.span.start if p.span else 0), actors


def _not_people(doc: Doc, places: list[Place]) -> list[Place]:
    """A name the gazetteer does not know that the article uses for a person ("at the Pitts' family
    residence" in a story about Jeffrey Pitts) is no unknown village."""
    people = {e[-1].text.lower() for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}
    return [p for p in places if not (p.latitude is None and p.span and p.span.text.lower().removesuffix("'")
                                      .removesuffix("'s") in people)]


def _without_shortened(places: list[Place]) -> list[Place]:
    """A name that ends another place the article names ("Carolina's Medical Center" in a story that
    names North Carolina) is that place shortened, never a namesake in another country (Carolina,
    Puerto Rico): the namesake is dropped."""
    named = [(p.name.lower(), p.country) for p in places if p.name and " " in p.name]
    return [p for p in places if not (p.span and p.name and p.country and any(
        longer.endswith(" " + p.span.text.lower().removesuffix("'s").strip()) and country and country != p.country
        for longer, country in named))]


def _in_article_region(places: list[Place], gazetteer: Gazetteer) -> list[Place]:
    """A name the gazetteer does not know ("near the village of Kangvai") is in the one country, and the
    one province, that all the article's located places are in: at that province's point (precision 3,
    as ACLED codes a village it cannot find), or with the country alone when the provinces differ; a
    lower-case one is no place at all."""
    places = [p for p in places if p.country or p.latitude is not None or not _lower_case(p)]
    located = [p for p in places if p.latitude is not None and p.country and not is_border(p)]
    countries = {p.country for p in located}
    if len(countries) != 1 or all(p.country or p.latitude is not None for p in places):
        return places
    (country,) = countries
    provinces = {p.admin1 for p in located if p.admin1}
    unit = next((u for u in gazetteer.admin1_units(country) if u.admin1 in provinces), None) \
        if len(provinces) == 1 else None
    where = {"country": country, "country_name": gazetteer.country_name(country)}
    if unit is not None:
        where |= {"admin1": unit.admin1, "latitude": unit.latitude, "longitude": unit.longitude,
                  "precision": GeoPrecision.REGION, "relation": UNLOCATED}  # still a town apart from others
    return [replace(p, **where) if not p.country and p.latitude is None else p for p in places]


def _lower_case(place: Place) -> bool:
    """ "a small amount of marijuana": a name in lower case only, which the gazetteer does not know, is no
    place's ("west Phoenix" and "al-Tanf" have a capital)."""
    return bool(place.span) and place.span.text.islower()


def _named_mentions(doc: Doc, article: Article, taken: set[int],
                    gazetteer: Gazetteer) -> tuple[list[Resolved], ArticleContext]:
    """Mentions that name a place, with the article context that will choose among their entries:
    NER's place entities first (they set the context), then names NER gave other labels or missed."""
    first = article.dateline_end
    newsrooms_inside = _newsrooms(doc, first, gazetteer)
    taken = taken | {i for r in newsrooms_inside for i in range(r.mention.start, r.mention.end)}
    mentions = entity_mentions(doc, first, taken, gazetteer.terms, gazetteer.names_entry)
    found = [r for m in mentions if (r := _resolve(doc, m, gazetteer))]
    common, people = _count_nouns(doc, found), _surnames(doc, gazetteer)
    streets = street_names(doc, gazetteer.terms.streets)
    found = [r for r in found if name_key(r.mention.text(doc)) not in common
             and (r.mention.cue == "strong" or r.listed or name_key(r.mention.text(doc)) not in people)
             and not is_street(doc, r.mention, r.candidates, streets)]
    labelled = [r for r in found if r.mention.label not in OTHER_LABELS]
    locative = [r.candidates for r in labelled if not (r.mention.metonymic or r.mention.modifier)]
    newsrooms, region = _dateline_names(article)
    context = build_context(locative, _demonym_countries(doc, first, gazetteer))
    add_evidence(context, gazetteer.lookup(region) if region else [], 1.0)
    known = {name_key(r.mention.text(doc)) for r in labelled if r.candidates} | set(newsrooms)
    known |= {name_key(r.mention.text(doc)) for r in newsrooms_inside}
    context.regions = region_support({name_key(r.mention.text(doc)): r.candidates for r in labelled}.values())
    extra = [r for r in found if r.mention.label in OTHER_LABELS and _credible(r, context, known, doc, gazetteer.capitals,
                                                                             gazetteer.terms.admin1)]
    extra += [e for r in found if not r.candidates and (e := _embedded(doc, r.mention, gazetteer, context, known))]
    extra += _runs(doc, first, taken, gazetteer, context)
    for resolved in extra:  # not where someone is from ("Sen. Jo Moe, D-Pa." in a Washington story)
        if resolved.mention.relation != HOME_OF and not resolved.mention.metonymic:  # nor an actor
            add_evidence(context, resolved.candidates, 1.0)
    extra = [r for r in extra if not is_street(doc, r.mention, r.candidates, streets)]
    named = narrow_by_region(doc, sorted(labelled + extra + newsrooms_inside, key=lambda r: r.mention.start))
    by_name = {name_key(r.mention.text(doc)): r.candidates for r in named
               if r.mention.relation != HOME_OF}
    context.regions, context.cells = region_support(by_name.values()), name_cells(by_name)
    return named, context


def _dateline_names(article: Article) -> tuple[list[str], str]:
    """The dateline's newsroom towns (keys) and the province or country after them: "BENI,
    Democratic Republic of Congo" -> (["beni"], "Democratic Republic of Congo"). The region is
    evidence like a name of the text ("near Beni" is then not Beni, Bolivia); a newsroom town
    named again in the text is a place there, whatever NER labels it ("between Beni and ...")."""
    towns, _, region = article.dateline.partition(", ")
    return [key for town in towns.split("/") if (key := name_key(town))], region.strip()


def _newsrooms(doc: Doc, first: int, gazetteer: Gazetteer) -> list[Resolved]:
    """The towns of datelines inside the text, in capitals at a sentence's start ("... a $10,000
    bracelet . ROSWELL - A man"): a headline run into its story, or a story whose dateline was not
    cut off. They are places of the text, but the newsroom's: they lend no vote and are never the
    event's place."""
    table, found = token_table(doc), []  # Doc.text and Token.is_sent_start: a Token per word
    for i in range(first, len(doc)):
        if not table.span_text(i, i + 1).isupper() \
                or not (i == first or table.sent_starts[i] or table.span_text(i - 1, i) in SENTENCE_ENDS):
            continue
        offset = table.starts[i]
        for start, end in shouted_newsrooms(table.text[offset:offset + MAX_DATELINE_CHARS]):
            span = doc.char_span(offset + start, offset + end, alignment_mode="expand")
            name = table.span_text(span.start, span.end).title() if span else ""  # "RIGA" is no acronym
            candidates = tuple(gazetteer.lookup(name)) if name_key(name) not in gazetteer.terms.not_places else ()
            if candidates:
                found.append(Resolved(Mention(span.start, span.end, "", NEWSROOM, span_end=span.end), candidates))
    return found


def _first_choices(doc: Doc, named: Sequence[Resolved], context: ArticleContext) -> dict[str, Candidate | None]:
    """Each located name's first choice, once per name however often it is repeated: they vouch
    for each other ("Alexandria" near "Rapides Parish"), never a name for itself."""
    firsts: dict[str, Candidate | None] = {}
    for resolved in named:
        mention = resolved.mention
        if not (mention.metonymic or mention.modifier or mention.subject or mention.relation == HOME_OF):
            key = name_key(mention.text(doc))
            if key not in firsts:
                firsts[key] = choose_coherent(resolved.candidates, context, key)
    return firsts


def best_place(places: Sequence[Place]) -> Place | None:
    """The most specific located place: town over near-town over province over country, border
    mentions and towns named in an organisation's name only when nothing else is located, the
    earliest on ties; never a continent, nor a newsroom's dateline town."""
    located = [p for p in places if p.latitude is not None and p.longitude is not None
               and p.precision != GeoPrecision.UNKNOWN and p.relation != NEWSROOM]
    pool = [p for p in located if not is_border(p)] or located
    return min(pool, key=lambda p: (p.precision, p.span.start if p.span else 0), default=None)


# ---------------------------------------------------------------- resolving mentions

def _resolve(doc: Doc, mention: Mention, gazetteer: Gazetteer) -> Resolved | None:
    """The mention with its entries; None for names that are no place ("Kazakh", "RT")."""
    text = mention.text(doc)
    key = name_key(text)
    bare = strip_suffix_words(key, gazetteer.terms.qualifier_words)[0]
    # "Syrian" never; "US" ("US commandos", "trained by the US") only after "in", "near": "arrived in the U.S."
    adjective = key in gazetteer.adjectives and not (key in gazetteer.country_keys and mention.cue == "strong")
    if not key or {key, bare} & gazetteer.terms.not_places or adjective:
        return None
    unit = _listed_unit(doc, mention, gazetteer)
    candidates = (gazetteer.lookup(f"{text} {unit}") if unit else []) or gazetteer.lookup(text)
    if is_acronym(text):  # "RT", "IS": only a country's short name ("US", "UAE") or "S.C." counts
        candidates = [c for c in candidates if c.kind in acronym_kinds(text)]
        if not candidates:
            return None
    return Resolved(mention, tuple(candidates), bool(unit))


def _listed_unit(doc: Doc, mention: Mention, gazetteer: Gazetteer) -> str:
    """The unit word of a list of units the mention is part of ("Barton, Lenox and Wayne
    counties": "county"), or "" (as `resolve_toponyms` reads such lists)."""
    table = token_table(doc)
    toponym = Toponym(mention.text(doc), table.starts[mention.start], table.ends[mention.end - 1])
    return listed_unit(doc.text, toponym, gazetteer)


def _count_nouns(doc: Doc, found: Sequence[Resolved]) -> set[str]:
    """Names the article uses as a common noun at least once ("shocked by a Taser", "each Taser",
    and "his Taser" for a name the gazetteer does not know) or as a day's name ("St. Patrick's Day"), which then name no place anywhere in it: a count
    word right before the name, which heads its phrase (in "a Baghdad neighbourhood" it only
    modifies the noun), or "Day" after it."""
    common = set()
    for resolved in found:
        mention = resolved.mention
        before = doc[mention.start - 1].lower_ if mention.start > 0 else ""
        counting = before in COUNT_WORDS or (before in POSSESSIVES and not resolved.candidates)
        counted = counting and doc[mention.start:mention.end].root.dep_ not in {"compound", "amod", "nmod", "poss"} \
            and not _province_follows(doc, mention.end)
        if counted or _before_day(doc, mention.end):
            common.add(name_key(mention.text(doc)))
    return common


def _province_follows(doc: Doc, end: int) -> bool:
    """"a Wichita, Kan., firefighter", "a Dayton, Ohio, man": a name followed by a comma and
    a capitalised word after a count word is a town and its state (the parser seldom makes it a
    modifier), not a common noun."""
    return end + 1 < len(doc) and doc[end].text == "," and is_capitalised(doc[end + 1])


def _surnames(doc: Doc, gazetteer: Gazetteer) -> set[str]:
    """Last words of the article's people's full names: "Fairfield declined to plead" after "Lisa
    Fairfield" is the woman (one sense per article), unless a locative word says otherwise. A
    full name is proper nouns only and no place's name itself (NER calls "Glen Allen" a person)."""
    return {name_key(ent[-1].text) for ent in entities(doc, "PERSON") if len(ent) > 1
            and all(t.pos_ == "PROPN" for t in ent) and not gazetteer.lookup(ent.text)}


def _before_day(doc: Doc, end: int) -> bool:
    after = [t.text for t in doc[end:end + 2]]
    return after[:1] == ["Day"] or (len(after) == 2 and after[0] in POSSESSIVE and after[1] == "Day")


def _credible(resolved: Resolved, context: ArticleContext, known: set[str], doc: Doc,
              capitals: frozenset[int], admin1_words: frozenset[str] = frozenset()) -> bool:
    """A name NER labelled a person or organisation counts when NER called it a place elsewhere
    in the article (one sense per article), or after "in", "near", "the city of" or as where a
    person is from ("Jo Doe, 41, of Grovetown"; not a bare "to" or "of": "said to Carter") with a
    strong entry."""
    if not resolved.candidates:
        return False
    if (resolved.mention.metonymic or resolved.mention.subject) and _national_actor(resolved, context, capitals):
        return True  # "Tbilisi says": kept as an actor
    if resolved.mention.metonymic:
        return False
    if resolved.listed or name_key(resolved.mention.text(doc)) in known:
        return True
    if resolved.mention.label == "ORG" and is_supported(resolved.candidates, context):
        return True  # "Mansfield" tagged ORG in a story whose other towns are near Mansfield, La.
    cued = resolved.mention.cue == "strong" or resolved.mention.relation == HOME_OF  # "Jo Doe, 41, of Grovetown"
    return cued and bool(strong_entries(resolved.candidates, context)
                         or _named_units(doc, resolved.mention, resolved, admin1_words))


def _national_actor(resolved: Resolved, context: ArticleContext, capitals: frozenset[int]) -> bool:
    """"Tbilisi says", "Tbilisi accuses" (NER: a person) in a story about Georgia: a country or
    national capital of a country the article is about, used for its government."""
    return any((c.kind == "country" or c.geonameid in capitals) and not c.variant and context.countries[c.country] > 0
               for c in resolved.candidates)


def narrow_by_region(doc: Doc, found: list[Resolved]) -> list[Resolved]:
    """"Dublin, Ohio", "Mosul, Iraq": a name followed by a comma and a province or country keeps
    only the entries inside it, and the second name keeps only its unit or country entries."""
    narrowed = list(found)
    for i, (first, second) in enumerate(zip(found, found[1:])):
        end = first.mention.span_end
        if not (second.mention.start == end + 1 and doc[end].text == ","):
            continue
        regions = [c for c in second.candidates if c.kind in {"admin1", "country"}]
        inside = [c for c in first.candidates if any(lies_within(c, r) for r in regions)]
        if regions and inside:
            narrowed[i] = replace(first, candidates=tuple(inside))
            narrowed[i + 1] = replace(second, candidates=tuple(r for r in regions if any(lies_within(c, r) for c in inside)))
    return narrowed


def _runs(doc: Doc, first: int, taken: set[int], gazetteer: Gazetteer, context: ArticleContext) -> list[Resolved]:
    """Capitalised phrases NER missed ("the At-Tanf garrison"), kept when a cue and a strong
    gazetteer entry agree, or when a proper name's entries lie in a province the article's
    other places vote for; the longest such phrase wins where they overlap."""
    found: list[Resolved] = []
    used: set[int] = set()
    for mention in run_mentions(doc, first, taken, gazetteer.terms):
        tokens = set(range(mention.start, mention.span_end))
        if tokens & used or mention.metonymic:
            continue
        resolved = _resolve(doc, mention, gazetteer) if mention.cue == "strong" or _is_proper(doc, mention) else None
        if resolved is None:
            continue
        strong = tuple(strong_entries(resolved.candidates, context)) \
            or _named_units(doc, mention, resolved, gazetteer.terms.admin1)  # "in the Donetsk region"
        if mention.cue == "strong" and strong:
            found.append(Resolved(mention, strong))
            used |= tokens
        elif is_supported(resolved.candidates, context):  # "Fargo" in a story about Moorhead, Minn.
            found.append(resolved)
            used |= tokens
    return found


def _named_units(doc: Doc, mention: Mention, resolved: Resolved,
                 admin1_words: frozenset[str]) -> tuple[Candidate, ...]:
    """ "in the Donetsk region", "in the Kursk region": a name told with a first-level unit's word after
    it is credible as that unit even when NER missed it or called it something else, and the article
    names no other place."""
    if name_key(doc[mention.end - 1].text) not in admin1_words:
        return ()
    return tuple(c for c in resolved.candidates if c.kind == "admin1" and not c.variant)


def _embedded(doc: Doc, mention: Mention, gazetteer: Gazetteer, context: ArticleContext,
              known: set[str]) -> Resolved | None:
    """The town at the head of an organisation's or building's name the gazetteer does not know
    as a whole ("the Mansfield Police Department", "Iowa Department of Revenue"), when
    it is a state or country, lies where the article's other places vote, is a name NER called a
    place elsewhere in the article ("Gainesville Police" beside "Gainesville residents") or ends
    in a unit word ("Butler County Coroner's Office", even in a name NER took for a person's:
    "Pike County Clerk Ron Mabry"); kept with the relation IN_A_NAME."""
    if mention.label not in {"ORG", "FAC", "PERSON"} or mention.end - mention.start < 2:
        return None
    for end in range(mention.end - 1, mention.start, -1):
        head = replace(mention, end=end, span_end=end, relation=IN_A_NAME, direction="", metonymic=False,
                       modifier=False, subject=False)
        if not all(t.pos_ == "PROPN" for t in doc[head.start:end] if t.is_alpha) \
                or name_key(head.text(doc)) in gazetteer.terms.directions:  # "Northeast Georgia Medical Center"
            continue
        resolved = _resolve(doc, head, gazetteer)
        if resolved and resolved.candidates and _head_counts(doc, head, resolved, gazetteer, context, known):
            return resolved
    return _embedded_tail(doc, mention, gazetteer, context, known)


def _embedded_tail(doc: Doc, mention: Mention, gazetteer: Gazetteer, context: ArticleContext,
                   known: set[str]) -> Resolved | None:
    """The town after "of" in a name ("outside the University of Nairobi"), on the same terms as
    a town at its head; kept with the relation IN_A_NAME."""
    of = next((i for i in range(mention.start + 1, mention.end - 1) if doc[i].lower_ == "of"), None)
    if of is None or mention.label == "PERSON" or not all(t.pos_ == "PROPN" for t in doc[of + 1:mention.end] if t.is_alpha):
        return None
    tail = replace(mention, start=of + 1, relation=IN_A_NAME, direction="", metonymic=False, modifier=False, subject=False)
    resolved = _resolve(doc, tail, gazetteer)
    if resolved and resolved.candidates and _head_counts(doc, tail, resolved, gazetteer, context, known):
        return resolved
    return None


def _head_counts(doc: Doc, head: Mention, resolved: Resolved, gazetteer: Gazetteer, context: ArticleContext,
                 known: set[str]) -> bool:
    units = name_key(doc[head.end - 1].text) in gazetteer.terms.admin_words and any(
        c.kind in {"admin1", "admin2"} for c in resolved.candidates)
    if head.label == "PERSON":
        return units
    town_office = head.end < len(doc) and doc[head.end].lower_ in gazetteer.terms.town_offices and any(
        c.kind == "place" for c in strong_entries(resolved.candidates, context))
    return units or town_office or name_key(head.text(doc)) in known or is_supported(resolved.candidates, context) \
        or any(c.kind in {"country", "admin1"} and not c.variant for c in resolved.candidates)


def _is_proper(doc: Doc, mention: Mention) -> bool:
    """Every word a proper noun, the first not opening its sentence (where any word is capitalised)."""
    words = doc[mention.start:mention.end]
    return all(t.pos_ == "PROPN" for t in words if t.is_alpha) and not words[0].is_sent_start


def _demonym_countries(doc: Doc, first: int, gazetteer: Gazetteer) -> list[str]:
    """Countries of the article's adjectives and demonyms ("Syrian", "Jordanians"); a name NER
    called a place ("US" in "US officials") counts as that mention, not again as an adjective."""
    strings = doc.vocab.strings  # the doc's arrays, not a Token object per word
    texts = (strings[orth] for idx, orth, label in doc.to_array([IDX, ORTH, ENT_TYPE]).tolist()
             if idx >= first and strings[label] not in PLACE_LABELS)
    keys = (name_key(text) for text in texts if text[:1].isupper())
    return [gazetteer.adjectives[key] for key in keys if key in gazetteer.adjectives]


# ---------------------------------------------------------------- building Place records

def _span(doc: Doc, article: Article, start: int, end: int) -> Span:
    table, sentence = token_table(doc), sentence_of(doc, start)  # Span.text and .sent: a Token per word
    return Span(article.id, table.starts[start], table.ends[end - 1], table.span_text(start, end),
                table.span_text(*sentence))


def _choice(doc: Doc, resolved: Resolved, context: ArticleContext) -> Candidate | None:
    return choose_coherent([c for c in resolved.candidates if not c.variant or is_strong(c, context)], context,
                           name_key(resolved.mention.text(doc)))


def _units_among_units(doc: Doc, named: Sequence[Resolved], choices: list[Candidate | None]) -> list[Candidate | None]:
    """Names listed beside provinces are provinces ("Florida, Kentucky and New York")."""
    table = token_table(doc)  # Doc.text makes a Token per word
    bounds = [(table.starts[r.mention.start], table.ends[r.mention.end - 1]) for r in named]
    return [unit_among_units(chosen, r.candidates, [choices[j] for j in listed])
            for r, chosen, listed in zip(named, choices, list_neighbours(table.text, bounds))]


def _far_namesakes(doc: Doc, named: Sequence[Resolved], choices: list[Candidate | None]) -> list[bool]:
    """Which choices are small towns far from all the text's other places (`is_far_namesake`):
    their mention stays, with no coordinates, rather than put the event in the wrong state."""
    keys = [name_key(r.mention.text(doc)) for r in named]
    return [chosen is not None and is_far_namesake(chosen, [c for k, c in zip(keys, choices) if c and k != key])
            for key, chosen in zip(keys, choices)]


def _named_place(doc: Doc, article: Article, resolved: Resolved, chosen: Candidate | None,
                 gazetteer: Gazetteer, far: bool = False) -> Place | None:
    """The Place of a mention and its chosen entry, with the relation AS_ACTOR where the text
    uses it for an actor ("US-led", "Damascus condemned", "US officials", a country or capital as a
    verb's subject: "Washington has targeted"); None for such a name with no entry, and for a name
    with no entry that NER did not call a GPE or that was set aside as a far namesake."""
    mention = resolved.mention
    span = _span(doc, article, mention.start, mention.span_end or mention.end)
    national = chosen is not None and (chosen.kind == "country" or chosen.geonameid in gazetteer.capitals)
    if mention.metonymic or (mention.modifier and (chosen is None or chosen.kind == "country")) \
            or (mention.subject and national):
        actor = replace(mention, relation=AS_ACTOR, direction="", metonymic=False, modifier=False, subject=False)
        resolved = replace(resolved, mention=actor)
        return None if chosen is None else _named_place(doc, article, resolved, chosen, gazetteer)
    if chosen is None:
        keep = mention.label == "GPE" or far
        return Place(name=mention.text(doc), span=span, relation=mention.relation) if keep else None
    chosen = _unit_for_direction(chosen, resolved.candidates, mention.direction, gazetteer.capitals)
    latitude, longitude = chosen.latitude, chosen.longitude
    precision, relation = _qualify(chosen, mention)
    if chosen.kind == "country" and mention.direction:
        latitude, longitude = gazetteer.part_of_country(chosen.country, mention.direction)
    return Place(name=chosen.name, country=chosen.country, country_name=gazetteer.country_name(chosen.country),
                 admin1=chosen.admin1, admin2=chosen.admin2, latitude=latitude, longitude=longitude,
                 precision=precision, geonameid=chosen.geonameid if not mention.direction else None,
                 relation=relation, span=span)


def _unit_for_direction(chosen: Candidate, candidates: Sequence[Candidate], direction: str,
                        capitals: frozenset[int]) -> Candidate:
    """"northern Hama", "southern Idlib": a compass word before a town named like its province
    means the province; "central" ("central Lusaka") and any compass word before a national
    capital ("southern Kabul") mean a part of the city itself."""
    if not direction or direction == CITY_CENTRE or chosen.kind != "place" or not chosen.seat \
            or chosen.geonameid in capitals:
        return chosen
    units = [c for c in candidates if c.kind == "admin1" and c.country == chosen.country and c.name == chosen.admin1]
    return units[0] if units else chosen


def _qualify(chosen: Candidate, mention: Mention) -> tuple[GeoPrecision, str]:
    """Precision and relation: "near X" makes a town NEAR; "southeastern Syria" makes a country a
    REGION; a province stays a REGION whatever the words around it."""
    precision = chosen.precision
    if mention.direction:
        relation = f"in the {mention.direction} of"
        if chosen.kind == "country":
            precision = GeoPrecision.REGION
        return precision, relation
    if mention.relation not in ("", IN_A_NAME, HOME_OF, NEWSROOM, AS_ACTOR) and chosen.kind in {"place", "landmark", "admin2"}:
        precision = max(precision, GeoPrecision.NEAR)
    return precision, mention.relation


def border_sides(phrase: BorderPhrase, ranked: Sequence[str]) -> tuple[str, tuple[str, ...]]:
    """(the country whose border it is, its neighbours). Countries named before the noun are the
    border's sides ("the Syrian-Turkish border"), except a single one with nothing after it, which
    is the neighbour unless it is the article's own country ("the Jordanian border" in a story
    about Syria); the article's main country fills the missing side."""
    main = next(iter(ranked), "")
    if len(phrase.before) > 1 or (phrase.before and phrase.after) or phrase.before == (main,):
        side = next((c for c in ranked if c in phrase.before), phrase.before[0])
        return side, tuple(c for c in (*phrase.before, *phrase.after) if c != side)
    named = (*phrase.before, *phrase.after)
    return next((c for c in ranked if c not in named), ""), named


def _border_place(doc: Doc, article: Article, phrase: BorderPhrase, gazetteer: Gazetteer,
                  context: ArticleContext) -> Place:
    code, neighbours = border_sides(phrase, [c for c, _ in context.countries.most_common()])
    names = " and ".join(gazetteer.country_name(c) for c in neighbours)
    relation = f"near the border with {names}" if names else "near the border"
    span = _span(doc, article, phrase.start, phrase.end)
    country = gazetteer.country(code)
    if country is None:
        return Place(name=f"border with {names}", relation=relation, span=span)
    return Place(name=country.name, country=code, country_name=country.name, latitude=country.latitude,
                 longitude=country.longitude, precision=GeoPrecision.COUNTRY, relation=relation, span=span)


def _part_place(doc: Doc, article: Article, part: CountryPart, gazetteer: Gazetteer,
                context: ArticleContext) -> Place | None:
    """"the east of the country": a REGION of the article's main country, if it has one."""
    country = gazetteer.country(context.main_country)
    if country is None:
        return None
    latitude, longitude = gazetteer.part_of_country(country.country, part.direction)
    return Place(name=country.name, country=country.country, country_name=country.name,
                 latitude=latitude, longitude=longitude, precision=GeoPrecision.REGION,
                 relation=f"in the {part.direction} of", span=_span(doc, article, part.start, part.end))


def geocode_name(name: str, places: Sequence[Place], gazetteer: Gazetteer) -> Place | None:
    """One place name resolved as the article around it suggests: `places` (say, the article's
    extract_places output) lend their countries, provinces and points as context. None when the
    gazetteer does not know the name."""
    context = ArticleContext()
    for place in places:
        if place.country:
            context.countries[place.country] += 1
        if place.admin1 and place.precision <= GeoPrecision.REGION:
            context.admin1s[(place.country, place.admin1)] += 1
        if place.latitude is not None and place.precision <= GeoPrecision.NEAR:
            context.points.append((place.latitude, place.longitude))
    code = gazetteer.adjectives.get(name_key(name), "")  # "Sudanese" names Sudan
    candidates = [gazetteer.country(code)] if gazetteer.country(code) else gazetteer.lookup(name)
    chosen = choose(candidates, context)
    if chosen is None:
        return None
    return Place(name=chosen.name, country=chosen.country, country_name=gazetteer.country_name(chosen.country),
                 admin1=chosen.admin1, admin2=chosen.admin2, latitude=chosen.latitude,
                 longitude=chosen.longitude, precision=chosen.precision, geonameid=chosen.geonameid)
