"""Who did what to whom: actors around an event trigger, with roles and normalised names."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from parallax.extract.actor_dictionary import (ACLED_INTER_CODES, ActorDictionary, ActorPattern, CountryNamer,  # noqa: F401
                                               inter_code, load_actor_dictionary, normalize_actor)
from parallax.extract.actor_roles import PERSON_ACTS, event_heads, phrase_of, role_candidates, where_objects
from parallax.extract.trigger_lexicon import load_trigger_lexicon
from parallax.nlp.arrays import sentence_text
from parallax.nlp.entities import entities_within
from parallax.schema import Actor, ActorRole, Article, Span

_ACTOR_ENTS = {"ORG", "NORP", "GPE", "PERSON"}
_NOUN_POS = frozenset({"NOUN", "PROPN", "PRON"})
_PLACE_ENTS = frozenset({"LOC", "FAC"})
_SIDE_DEPS = frozenset({"acl", "amod", "relcl"})
_COUNTING_DEPS = frozenset({"det", "poss", "nummod", "quantmod", "predet"})
# Words that put a group on a side ("aligned with Assad", "loyal to the government", "Iran-backed").
BACKING_WORDS = frozenset({"back", "backed", "support", "supported", "assist", "assisted", "aid", "aided"})
ALLEGIANCE_WORDS = frozenset({"align", "aligned", "loyal", "ally", "allied", "back", "backed", "support",
                              "affiliate", "affiliated", "link", "linked", "close"})

DATELINE_DASHES = frozenset({"-", "—", "–", "--"})
# The prepositions by which a thing-noun holds a participant: "an offer from Afghanistan".
INNER_PREPOSITIONS = frozenset({"of", "by", "from", "against", "with", "to", "between", "on", "for"})
# Verbs whose proper-noun object is more often a place than a party: "shelled Kharkiv".
PLACE_VERBS = frozenset({"attack", "shell", "strike", "bomb", "raid", "storm", "hit", "overrun", "capture",
                         "seize", "besiege", "bombard", "pound", "enter", "target", "invade", "occupy", "loot",
                         "burn", "torch"})



def extract_actors(sent: SpacySpan, trigger: Token, article: Article, dictionary: ActorDictionary,
                   name_country: CountryNamer,
                   default_country: tuple[str, str] | None = None) -> list[Actor]:
    """Actors with roles around `trigger` (see role_candidates), one per conjunct, and those who
    back the doer as associated ("troops backed by Russian jets")."""
    actors: list[Actor] = []
    seen: set[tuple[str, ActorRole]] = set()
    candidates = role_candidates(trigger)
    candidates += [(c, role) for head, role in candidates for c in head.conjuncts if c.pos_ in _NOUN_POS]
    candidates += [(b, ActorRole.ASSOCIATED) for head, role in candidates if role == ActorRole.PERPETRATOR
                   for b in _backers(head)]
    reading = _Reading(sent, article, dictionary, name_country, default_country)
    for head, role in candidates:
        for actor in _actors_at(head, role, reading):
            if (actor.normalized, role) not in seen:
                seen.add((actor.normalized, role))
                actors.append(actor)
    return actors + _countries_acted_on(trigger, actors, reading)


def _countries_acted_on(trigger: Token, actors: list[Actor], reading: _Reading) -> list[Actor]:
    """A country the event happens in (see where_objects) is acted on when no doer is of it:
    "Israel struck targets in Syria" (Syria), "Syria will withdraw its troops from Lebanon"
    (Lebanon); not "Gunmen killed five villagers in Mali" (gunmen are Mali's: see actors.tsv
    {country}), nor a town ("shelled positions in Kharkiv"), which is where, not whom; with no doer
    known, the article's own country is where ("Clashes in Mali killed 12"). The country is named
    as itself, unclassified: the land acted on, not its forces."""
    doers = {a.country for a in actors if a.role == ActorRole.PERPETRATOR}
    known = {a.country for a in actors if a.role == ActorRole.TARGET}
    found = []
    for place in where_objects(trigger):
        for token in (place, *place.conjuncts):
            phrase = _country_phrase(token)
            country = reading.name_country(phrase.text) if phrase is not None else None
            if country and country[0] not in doers | known and (doers or country != reading.default_country):
                known.add(country[0])
                found.append(Actor(phrase.text, country[1], ActorRole.TARGET, "", country[0],
                                   Span(reading.article.id, phrase.start_char, phrase.end_char, phrase.text,
                                        sentence_text(reading.sent))))
    return found


def _country_phrase(token: Token) -> SpacySpan | None:
    """The words of a place name ("Syria", "East Timor", "neighbouring Lebanon" -> "Lebanon", also
    when parsed as a compound), None for another phrase."""
    if token.ent_type_ != "GPE":
        return None
    words = [t for t in phrase_of(token) if t.dep_ not in ("det", "punct", "amod")
             and t.lower_ not in ("neighboring", "neighbouring")]
    if not all(t.ent_type_ == "GPE" for t in words):
        return None
    return token.doc[words[0].i:words[-1].i + 1]


@dataclass(frozen=True, slots=True)
class _Reading:
    """What reading one sentence's actors needs besides the phrase."""

    sent: SpacySpan
    article: Article
    dictionary: ActorDictionary
    name_country: CountryNamer
    default_country: tuple[str, str] | None


def _actors_at(head: Token, role: ActorRole, reading: _Reading, depth: int = 0) -> list[Actor]:
    """The actor a phrase names; for a phrase headed by a thing or a number ("Turkey's efforts",
    "a convoy of pro-regime forces", "thousands of Iraqi Kurds", "calls by Kofi Annan"), the
    actors inside it, or the whole phrase when none is."""
    phrase = _after_dateline(_within_paragraph(phrase_of(head)), head, reading.article.dateline_end)
    if phrase is None or _is_dateline(phrase) or _place_modifier(head, reading.name_country):
        return []  # "MOPTI, Mali (Reuters) - Gunmen attacked", "SEATTLE -", "a Miami shooting"
    if not any(ch.isalnum() for ch in sentence_text(phrase)):
        return []  # a hyphen of "al-Thani" the parser made a subject of its own
    if is_weapon(head, reading.dictionary):  # "Mortar shells struck the market": the means, not the doer
        return []
    named_before = _named_before(phrase, head, reading)  # "an army base": the army's
    if role == ActorRole.TARGET and _is_site(head, reading.dictionary) and not named_before:
        return []  # "struck a district of Kherson", "ambushed a convoy on the road to Gwoza": where, not whom
    if depth < 3 and role == ActorRole.PERPETRATOR and _is_event_noun(head, reading.dictionary) and not named_before:
        # "the attack on the police station killed four": the attack's doers, not whom it hit
        doers = [h for h, r in role_candidates(head) if r == ActorRole.PERPETRATOR]
        return [a for h in doers for a in _actors_at(h, role, reading, depth + 1)]
    if depth < 3 and not _names_actor(head, reading.dictionary) and not named_before:
        inner = [a for h in _inner_heads(head) for a in _actors_at(h, role, reading, depth + 1)]
        if inner:
            return inner
    actor = _actor_from(phrase, role, reading.article, reading.sent, reading.dictionary,
                        reading.name_country, reading.default_country)
    return [actor] if actor else []


def _is_event_noun(token: Token, dictionary: ActorDictionary) -> bool:
    """A noun the trigger lexicon names an event by ("attack", "bombing", "ambush"), not one naming
    its doers ("gang", a trigger of organised crime)."""
    return token.pos_ == "NOUN" and (token.lemma_.lower(), "noun") in load_trigger_lexicon().triggers \
        and not _names_actor(token, dictionary)


def _named_before(phrase: SpacySpan, head: Token, reading: _Reading) -> bool:
    """Whether the words up to a thing-noun already name an actor: "a pro-government convoy"."""
    if head.i == phrase.start:  # nothing before the noun: _names_actor has judged it
        return False
    left = phrase.doc[phrase.start:head.i + 1]
    return normalize_actor(left.text, reading.dictionary, reading.name_country, reading.default_country) is not None


def _after_dateline(phrase: SpacySpan, head: Token, dateline_end: int) -> SpacySpan | None:
    """The phrase without a dateline the parser glued to it ("MAIDUGURI - Militants"); None when
    its head is in the dateline ("MOPTI, Mali (Reuters) - Gunmen attacked": not MOPTI)."""
    if dateline_end <= phrase.start_char:
        dash = next((t for t in phrase if t.text in DATELINE_DASHES and t.i < head.i), None)
        if dash is None or not _dateline_dash(dash, phrase):
            return phrase
        dateline_end = dash.idx + len(dash.text)
    if head.idx < dateline_end:
        return None
    start = next(t.i for t in phrase if t.idx >= dateline_end and not t.is_space)
    return phrase.doc[start:phrase.end]


def _dateline_dash(dash: Token, phrase: SpacySpan) -> bool:
    """A spaced dash after capitals opening the sentence: "MAIDUGURI - ", not "US-led"."""
    before = phrase.doc[phrase.start:dash.i]
    return phrase.start == phrase.sent.start and len(before) > 0 and bool(dash.whitespace_) and \
        bool(before[-1].whitespace_) and all(t.is_upper or t.is_punct or t.is_space for t in before)


def _within_paragraph(phrase: SpacySpan) -> SpacySpan:
    """The part of a phrase in its head's paragraph: a missed sentence break must not glue a
    caption or a heading to it ("West Side party\n\nA gunman")."""
    breaks = [t.i for t in phrase if t.is_space and "\n" in t.text]
    if not breaks:
        return phrase
    root = phrase.root.i
    start = max([b + 1 for b in breaks if b < root], default=phrase.start)
    end = min([b for b in breaks if b > root], default=phrase.end)
    return phrase.doc[start:end]


def _is_dateline(phrase: SpacySpan) -> bool:
    """An all-caps place opening the text or a sentence before a comma or dash: "SEATTLE -"."""
    text = phrase.text
    if not (text.isupper() and len(text) > 2 and phrase.start == phrase.sent.start):
        return False
    following = phrase.doc[phrase.end] if phrase.end < len(phrase.doc) else None
    return following is not None and following.text in {",", "(", "-", "—", "–", "/"}


def _place_modifier(token: Token, name_country: CountryNamer) -> bool:
    """A town, region or country name modifying an event noun says where, not who: "a Miami
    shooting", "the Mali attack", "Iowa's shooting"; "US strikes" and "Iran's demand" keep their
    doer (an abbreviation, or a country as possessor)."""
    if token.dep_ not in ("compound", "nmod", "npadvmod", "poss"):
        return False
    name = _with_compounds(token)  # "North Korea's demand": North Korea, not Korea
    if token.ent_type_ not in ("GPE", "LOC", "FAC") and not (token.pos_ == "PROPN" and name_country(name)):
        return False
    if token.dep_ == "poss":
        return name_country(name) is None
    return not token.text.replace(".", "").isupper()


def _with_compounds(token: Token) -> str:
    """A name's words up to `token`: its compound words before it ("North Korea")."""
    start = token.i
    while start > 0 and token.doc[start - 1].dep_ == "compound" and token.doc[start - 1].head.i == token.i:
        start -= 1
    return token.doc[start:token.i + 1].text


def _names_actor(token: Token, dictionary: ActorDictionary) -> bool:
    """Whether a word can name a participant itself: a name, a pronoun, a people or group noun."""
    if token.pos_ in ("PROPN", "PRON") or (token.ent_type_ in _ACTOR_ENTS and token.pos_ != "NUM"):
        return True
    return token.lemma_.lower() in dictionary.heads or token.lower_ in dictionary.heads or \
        token.lower_ in dictionary.single_words


def _inner_heads(token: Token) -> list[Token]:
    """Who a thing-noun phrase holds: its possessor, a country or acronym modifying it ("a US
    offer", not "the al-Shayrat air base"), the object of its "of"/"by"/"from"/"against"/"with"/
    "to"/"between" (and their conjuncts)."""
    found = [c for c in token.children if c.dep_ == "poss" or (c.dep_ in ("compound", "amod", "nmod") and (
        c.ent_type_ in ("NORP", "GPE") or (c.ent_type_ == "ORG" and c.text.isupper())))]
    found += [g for c in token.children if c.dep_ == "prep" and c.lower_ in INNER_PREPOSITIONS
              for g in c.children if g.dep_ == "pobj"]
    return found + [c for g in found for c in g.conjuncts if c.pos_ in _NOUN_POS]


def side_clause(token: Token) -> SpacySpan | None:
    """The clause saying whose side a group is on: "aligned with Assad", "loyal to the government",
    "backed by Russian jets"; None without one."""
    for child in token.children:
        if child.dep_ in _SIDE_DEPS and child.lemma_.lower() in ALLEGIANCE_WORDS:
            words = list(child.subtree)
            return token.doc[words[0].i:words[-1].i + 1]
    return None


def _sided(dictionary: ActorDictionary) -> ActorDictionary:
    """Only the patterns that name a side ("aligned with assad"), so "backed by Russian jets" does
    not make the group Russian."""
    patterns = tuple(p for p in dictionary.patterns if ALLEGIANCE_WORDS & set(p.words))
    return replace(dictionary, patterns=patterns)


def _backers(token: Token) -> list[Token]:
    """Who backs a doer: "troops backed by Russian jets" -> jets (an associated actor)."""
    clause = side_clause(token)
    if clause is None or clause.root.lemma_.lower() not in BACKING_WORDS:
        return []
    return [g for c in clause.root.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def _actor_from(phrase: SpacySpan, role: ActorRole, article: Article, sent: SpacySpan,
                dictionary: ActorDictionary, name_country: CountryNamer,
                default_country: tuple[str, str] | None) -> Actor | None:
    if len(phrase) > 1 and phrase[-1].dep_ == "case":  # "the Syrian Arab Army's" -> its name
        phrase = phrase[:-1]
    side = side_clause(phrase.root)
    found = normalize_actor(side.text, _sided(dictionary), name_country, default_country) if side else None
    if found:
        phrase = phrase.doc[phrase.start:max(phrase.end, side.end)]
    else:
        found = normalize_actor(sentence_text(phrase), dictionary, name_country, default_country)
    if not found:
        found = _owner_of(phrase, dictionary, name_country) or _unlisted(phrase, role, dictionary, name_country)
    if not found and not (role == ActorRole.TARGET and _is_site(phrase.root, dictionary)):
        found = normalize_actor(sentence_text(phrase), dictionary, name_country, default_country, countryless=True)
    if not found:
        return None
    name, category, country = found
    text = sentence_text(phrase)  # what Span.text gives, without a Token per word
    return Actor(text, name, role, category, country,
                 Span(article.id, phrase.start_char, phrase.end_char, text, sentence_text(sent)))


def _owner_of(phrase: SpacySpan, dictionary: ActorDictionary,
              name_country: CountryNamer) -> tuple[str, str, str] | None:
    """The actor an "its"/"their" phrase belongs to, from the subject of a clause above it: "the
    Saudi-led coalition ... saying its jets had hit" -> the coalition; "Russia's defence ministry
    said its forces had struck" -> the forces of Russia."""
    owner = next((c for c in phrase.root.lefts if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
    if owner is None:
        return None
    acting = _verbs_acting_on(phrase.root)
    for noun in sorted(_objects_of(acting, before=owner.i), key=lambda t: -t.i):
        # "ambushed the army convoy and killed its soldiers": the convoy's, i.e. the army's
        names = [phrase_of(noun).text, *(c.text for c in noun.lefts if c.dep_ in ("compound", "amod"))]
        found = next(filter(None, (normalize_actor(n, dictionary, name_country, countryless=True)
                                   for n in names)), None)
        if found:
            return found
    for verb in phrase.root.ancestors:
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c != phrase.root]
        if subjects:
            found = normalize_actor(phrase_of(subjects[0]).text, dictionary, name_country)
            if found:
                return found
            countries = [t for t in subjects[0].subtree if t.ent_type_ in ("GPE", "NORP") and name_country(t.text)]
            rest = phrase.doc[owner.i + 1:phrase.end].text
            return normalize_actor(f"{countries[0].text} {rest}", dictionary, name_country) if countries else None
    return None


def _verbs_acting_on(noun: Token) -> list[Token]:
    """The verb a noun is the object of, and the verbs it is conjoined to ("ambushed ... and
    killed its soldiers"); none for a subject."""
    if noun.dep_ not in ("dobj", "pobj"):
        return []
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    chain = [verb]
    while chain[-1].dep_ == "conj" and chain[-1].head.pos_ in ("VERB", "AUX"):
        chain.append(chain[-1].head)
    return chain if verb.pos_ in ("VERB", "AUX") else []


def _objects_of(verbs: list[Token], before: int) -> list[Token]:
    """The object nouns of `verbs` that come before token `before`."""
    return [c for v in verbs for c in v.children if c.dep_ == "dobj" and c.i < before]


def _unlisted(phrase: SpacySpan, role: ActorRole, dictionary: ActorDictionary,
              name_country: CountryNamer) -> tuple[str, str, str] | None:
    """(name, category, country) of a phrase the dictionary does not know: a bare country, an
    organisation, or a phrase kept as written; None for a place, a thing hit or no actor at all."""
    if role == ActorRole.TARGET and _is_site(phrase.root, dictionary):
        return None  # "struck the Community Center", "a basketball court": what was hit, not whom
    ents = [e for e in entities_within(phrase.doc, phrase.start, phrase.end) if e.label_ in _ACTOR_ENTS]
    if role == ActorRole.TARGET and _is_place(phrase, ents, name_country):
        return None
    carrier = dictionary.carriers.get(phrase.root.lower_) or dictionary.carriers.get(phrase.root.lemma_.lower())
    if carrier:  # "Warplanes struck a market": the machine is the means; its unnamed forces act
        country = name_country(ents[0].text) if ents and ents[0].label_ in {"NORP", "GPE"} else None
        return (f"Military Forces of {country[1]}", "State Forces", country[0]) if country else (*carrier, "")
    if not ents:
        return _as_written(phrase, dictionary)
    country = name_country(ents[0].text)
    if country and ents[0].label_ in {"NORP", "GPE"} and len(phrase) == len(ents[0]):
        # a bare "US" or "Russian" modifying the event: that country's forces
        return f"Military Forces of {country[1]}", "State Forces", country[0]
    if ents[0].label_ == "ORG" and (role != ActorRole.TARGET or ents[0].start <= phrase.root.i < ents[0].end
                                    or _names_actor(phrase.root, dictionary)):  # not "struck the al-Shayrat air base"
        return ents[0].text, "", country[0] if country else ""
    return _as_written(phrase, dictionary, _demonym_country(ents, name_country))


def _demonym_country(ents: list[SpacySpan], name_country: CountryNamer) -> str:
    """The country a phrase's demonym or country name gives: "Rwandan rebels" -> RW."""
    for ent in ents:
        if ent.label_ in ("NORP", "GPE"):
            country = name_country(ent.text)
            if country:
                return country[0]
    return ""


def _is_place(phrase: SpacySpan, ents: list[SpacySpan], name_country: CountryNamer) -> bool:
    """A town or site as the object of an attack is where it happened, not whom it hit ("shelled
    Kharkiv", "the shelling of Kharkiv", "attacked Ogossagou"); a country is a party ("sanctions
    against Iran"), and so is a name of several words the tagger calls an organisation."""
    named = [t for t in phrase if t.dep_ not in ("det", "punct")]
    if not named or any(t.pos_ != "PROPN" for t in named) or any(e.label_ == "NORP" for e in ents):
        return False
    if name_country(phrase.doc[named[0].i:named[-1].i + 1].text):
        return False
    root = phrase.root
    if root.ent_type_ in ("GPE", "LOC", "FAC"):
        return True
    if root.ent_type_ in ("PERSON", "ORG") and len(named) > 1:  # "attacked John Garang", "... Liberation Front"
        return False
    if root.dep_ == "pobj":  # "a district of Kharkiv", "the shelling of Kharkiv"; not "the murder of X"
        return root.ent_type_ != "PERSON" and root.head.lower_ in ("of", "in", "near", "outside", "around") \
            and root.head.head.lemma_.lower() not in PERSON_ACTS
    return root.dep_ == "dobj" and root.head.lemma_.lower() in PLACE_VERBS


def _as_written(phrase: SpacySpan, dictionary: ActorDictionary, country: str = "") -> tuple[str, str, str] | None:
    """An actor the dictionary does not know, kept under its own words (determiners dropped):
    a named entity, a proper noun, or a noun that names people or a group (data/actor_heads.tsv)."""
    head = phrase.root
    if head.ent_type_ and head.ent_type_ not in _ACTOR_ENTS:  # "on Thursday", "two of them"
        return None
    if head.ent_type_ in _PLACE_ENTS:  # "the Euphrates", "the airport": a place, not a doer
        return None
    if is_weapon(head, dictionary):  # "Mortar shells struck the market": the means, not the doer
        return None
    if any(c.dep_ == "det" and c.lower_ == "no" for c in head.lefts) or "other's" in phrase.text.lower().replace("’", "'"):
        return None  # "no group has claimed the attack", "either side ... the other's forces"
    named = head.ent_type_ in _ACTOR_ENTS or head.pos_ == "PROPN"
    if not named and head.lemma_.lower() not in dictionary.heads and head.lower_ not in dictionary.heads:
        return None
    category = dictionary.heads.get(head.lemma_.lower(), dictionary.heads.get(head.lower_, ""))
    return _bare_name(phrase), category, country


def _bare_name(phrase: SpacySpan) -> str:
    """The phrase without what counts or points at it: "at least 12 people" -> "people"."""
    head = phrase.root
    dropped = {t.i for c in head.lefts if c.dep_ in _COUNTING_DEPS for t in c.subtree}
    words = [t for t in phrase if t.i not in dropped and not (t.dep_ == "punct" and t.i < head.i)]
    return phrase.doc[words[0].i:phrase.end].text if words else phrase.text


def _is_site(token: Token, dictionary: ActorDictionary) -> bool:
    """A noun naming what an attack hits or where it happens: "station", "bus", "district"."""
    lemma = token.lemma_.lower()
    return lemma in dictionary.things or lemma in dictionary.places or token.lower_ in dictionary.places


def is_weapon(token: Token, dictionary: ActorDictionary) -> bool:
    """A word naming the means of an attack ("shells", "mortar fire"), not who carried it out."""
    if token.lemma_.lower() in dictionary.weapons or token.lower_ in dictionary.weapons:
        return True
    return any(c.dep_ == "compound" and c.lower_ in dictionary.weapons for c in token.lefts)


def sentence_actors(sent: SpacySpan, triggers: list[Token], article: Article, dictionary: ActorDictionary,
                    name_country: CountryNamer, default_country: tuple[str, str] | None = None) -> list[Actor]:
    """Actors with roles around every event head of the sentence (see event_heads), each once;
    conjoined phrases ("Hungarian and Romanian officials", "the army and the police") give one
    actor per conjunct."""
    actors: list[Actor] = []
    seen: set[tuple[str, ActorRole]] = set()
    for head in event_heads(sent, triggers):
        for actor in extract_actors(sent, head, article, dictionary, name_country, default_country):
            if (actor.normalized, actor.role) not in seen:
                seen.add((actor.normalized, actor.role))
                actors.append(actor)
    return actors
