"""Score actor roles on MUC-4 terrorism templates: perpetrators (individuals, organisations),
human targets (victims) and physical targets, GRIT-style per role."""

from __future__ import annotations

import json
import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from parallax.errors import EvalDataError
from parallax.evaluate.actor_matching import count_matches, half_of, prf
from parallax.evaluate.actors_plover import country_namer
from parallax.evaluate.paths import dataset_file
from parallax.extract.actor_roles import phrase_of, role_candidates
from parallax.extract.actors import (ActorDictionary, CountryNamer, extract_actors, is_weapon, load_actor_dictionary,
                                     normalize_actor)
from parallax.extract.event_type import find_triggers
from parallax.extract.frames import INCIDENT_TYPES, MIN_TRIGGER_SCORE
from parallax.extract.trigger_lexicon import load_trigger_lexicon
from parallax.schema import Actor, ActorRole, Article

DEV_FILE = "dev.json"
ROLES = ("perp_individual_id", "perp_organization_id", "hum_tgt_name", "phys_tgt_id")
# normalised names that say who did it only vaguely: an individual perpetrator, not an organisation
GENERIC_GROUPS = frozenset({"Unidentified Armed Group", "Rebel Forces"})
ATTRIBUTION = "ATTRIB"  # taxonomy code of claims and accusations of responsibility
# nouns naming an organised body, whose members are a perpetrator's people
GROUP_NOUNS = frozenset({"group", "movement", "front", "army", "party", "organization", "cartel", "battalion",
                         "brigade", "command"})
BLASTS = "Explosions/Remote violence"
MUC_EVENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


def read_documents(folder: Path, limit: int | None = None) -> list[tuple[str, str, dict]]:
    """(doc id, text, roles) of the gold file, in order."""
    path = dataset_file(folder, DEV_FILE)
    try:
        data = json.loads(path.read_text("utf-8"))
        docs = [(key, item["doc"], item["roles"]) for key, item in data.items()]
    except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
        raise EvalDataError(f"{path}: not GRIT-format MUC-4 JSON ({exc})", "use the MUC-4 templates file") from exc
    return docs[:limit]


def sentence_case(text: str) -> str:
    """MUC-4 is all capitals, which the tagger reads as proper nouns: lower-case it, capitalise
    sentence starts, and join the wire's hard line breaks."""
    text = re.sub(r"(?<!\n)\n(?!\n)", " ", text.lower())
    return re.sub(r"(^|[.!?]\s+|\n\s*)([a-z])", lambda m: m.group(1) + m.group(2).upper(), text)


def _slot(actor: Actor, doc: Doc) -> str:
    """The MUC-4 slot an actor fills: a perpetrator is an organisation when the dictionary named a
    group, or its head is a body's ("movement", "front"), and the phrase names the group, not its
    people ("the FMLN", "the national army"; but
    "national army troops", "urban guerrillas" are individuals); a receiver only when it names a
    person, as hum_tgt_name holds named victims ("Elena Marin Soto", invented), not groups ("civilians")."""
    if actor.role in (ActorRole.PERPETRATOR, ActorRole.ASSOCIATED):  # a backer is a co-perpetrator
        named = actor.category and actor.normalized not in GENERIC_GROUPS and actor.category != "Civilians"
        phrase = doc.char_span(actor.span.start, actor.span.end) if actor.span else None
        people = phrase is not None and phrase.root.tag_ == "NNS"
        # a body named by its head, known or not: "the guerrilla movement Sierra Roja Revolutionary
        # Movement" (an invented group)
        body = phrase is not None and phrase.root.lemma_.lower() in GROUP_NOUNS - {"group"}
        return "perp_organization_id" if (named or body) and not people and actor.name != actor.normalized else \
            "perp_individual_id"
    return "hum_tgt_name" if _person_names(actor, doc) else ""


def _member_groups(actor: Actor, doc: Doc, dictionary: ActorDictionary) -> list[str]:
    """The organisation a perpetrator phrase says its people belong to: "a cell of the People's
    Liberation Front", "gunmen from the Northern Patriotic Brigades" (invented names)."""
    phrase = doc.char_span(actor.span.start, actor.span.end) if actor.span else None
    if phrase is None:
        return []
    objects = [g for c in phrase.root.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
               for g in c.children if g.dep_ == "pobj"]
    if phrase.root.tag_ == "NNS":  # "national army troops", "Jaguar battalion troops": the army, the battalion
        objects += [c for c in phrase.root.lefts if c.dep_ == "compound"]
    return [phrase_of(g).text for g in objects if g.pos_ == "PROPN" or g.ent_type_ == "ORG"
            or normalize_actor(phrase_of(g).text, dictionary, lambda word: None, countryless=True) is not None
            or g.lemma_.lower() in GROUP_NOUNS]


def _person_names(actor: Actor, doc: Doc) -> list[str]:
    """The person names an actor phrase gives: its own head and its appositions ("two missionaries,
    Owen Pratley and Miles Dunford", invented)."""
    phrase = doc.char_span(actor.span.start, actor.span.end) if actor.span else None
    if phrase is None:
        return []
    heads = [phrase.root, *(a for a in phrase.root.children if a.dep_ == "appos")]
    heads += [c for h in heads[1:] for c in h.conjuncts]
    return [_name_of(h) for h in heads if h.ent_type_ == "PERSON" or _given_names(h)]


def _given_names(token) -> list:
    """The compounds NER called a person before a proper noun it left out, in the lower-cased
    text: "dr jose manuel ortega villalba" (only "jose manuel ortega" tagged; an invented name)."""
    if token.tag_ != "NNP":
        return []
    return [c for c in token.lefts if c.dep_ == "compound" and c.ent_type_ == "PERSON"]


def _name_of(token) -> str:
    """The words of the person name `token` ends, without a title before it (invented names): "governor
    marta quiroga" -> "marta quiroga", "dr jose manuel ortega villalba" -> "jose manuel ortega villalba"."""
    start = token.i
    while start > 0 and token.doc[start - 1].ent_type_ == "PERSON" and token.doc[start - 1].dep_ == "compound":
        start -= 1
    given = _given_names(token) if token.ent_type_ != "PERSON" else []
    start = min([start, *(c.i for c in given)])
    return token.doc[start:token.i + 1].text


def _physical_targets(trigger, dictionary: ActorDictionary, blast: bool = False) -> list[str]:
    """What a violent trigger is done to when it is a building, site or vehicle: "attacked the pumping
    station", "the bombing of the consulate", and for an explosion (`blast`) the building it
    goes off at ("a bomb exploded inside a restaurant"); not "an agreement", "rifles" or a person."""
    words = dictionary.things
    heads = [head for head, role in role_candidates(trigger) if role == ActorRole.TARGET]
    heads += _blast_sites(trigger) if blast else []
    heads += [c for head in heads for c in head.conjuncts]
    return [phrase_of(h).text for h in heads
            if h.pos_ in ("NOUN", "PROPN") and h.lemma_.lower() in words and not is_weapon(h, dictionary)]


# Prepositions placing an explosion at what it damages: "exploded outside the union's offices".
BLAST_PREPOSITIONS = frozenset({"in", "inside", "outside", "near", "at", "beside", "under", "behind"})


def _blast_sites(trigger) -> list:
    """Where an explosion went off, on the explosion word or the verb a bomb is the subject of: "a
    device blew up inside a bakery", "the charge went off beside a pylon", "a truck bomb detonated
    outside the ministry" (a town there is dropped later: not a building)."""
    holders = [trigger, *([trigger.head] if trigger.dep_ in ("nsubj", "nsubjpass") else [])]
    sites = [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in BLAST_PREPOSITIONS
             for g in c.children if g.dep_ == "pobj"]
    return [next((g for p in s.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                  if g.dep_ == "pobj"), s) if s.lower_ == "front" else s for s in sites]


def _terrorist_incident(trigger) -> bool:
    """MUC-4's incidents are attacks, bombings, kidnappings, arson and robbery: ACLED's political
    violence types and property destruction, not protests, arrests or other developments."""
    return trigger.event_type in MUC_EVENT_TYPES or trigger.sub_event_type == "Looting/property destruction"


def _attributed_incident(trigger) -> bool:
    """An attack word typed as the attribution it sits in ("blamed the rebel front for the
    killing of ...", "said it was behind the abduction of ..."): the incident is
    MUC-4's, its doer the one held responsible. Attribution is capped under MIN_TRIGGER_SCORE, as it
    opens no incident of its own, so these are taken whatever their score."""
    if trigger.code != ATTRIBUTION:
        return False
    classes = load_trigger_lexicon().classes
    return any(code in classes and _terrorist_incident(classes[code]) for code, _ in trigger.evidence)


def _incident_triggers(sent: SpacySpan) -> list:
    """The triggers of a sentence whose actors fill MUC-4 slots: incident triggers that open an
    incident, and attack words inside an attribution."""
    return [t for t in find_triggers(sent) if (t.score >= MIN_TRIGGER_SCORE and t.event_type in INCIDENT_TYPES)
            or _attributed_incident(t)]


def doc_slots(doc: Doc, article: Article, name_country: CountryNamer) -> dict[str, list[str]]:
    """The phrases parallax fills each MUC-4 role with, from the actors of every incident trigger
    of a sentence that tells a terrorist incident ("a bomb killed four farmers and destroyed a
    truck": the destroying too)."""
    dictionary = load_actor_dictionary()
    slots: dict[str, list[str]] = {role: [] for role in ROLES}
    for sent in doc.sents:
        triggers = _incident_triggers(sent)
        if not any(_terrorist_incident(t) or _attributed_incident(t) for t in triggers):
            continue
        for trig in triggers:
            token = doc[trig.start_token:trig.end_token].root
            for actor in extract_actors(sent, token, article, dictionary, name_country):
                slot = _slot(actor, doc)
                if slot == "hum_tgt_name":
                    slots[slot] += _person_names(actor, doc)
                elif slot:
                    slots[slot].append(actor.name)
                if slot.startswith("perp"):
                    slots["perp_organization_id"] += _member_groups(actor, doc, dictionary)
            slots["phys_tgt_id"] += _physical_targets(token, dictionary, trig.event_type == BLASTS)
    return slots


def score_muc4(data_dir: Path, limit: int | None = None, nlp: Language | None = None) -> dict:
    """Micro precision/recall/F1 per role over the dev documents, relaxed (one phrase's words inside
    the other's) and exact, and over all four roles together."""
    if nlp is None:
        from parallax.nlp.pipeline import load_nlp

        nlp = load_nlp()
    documents = read_documents(data_dir, limit)
    namer = country_namer()
    counts: dict[tuple[str, bool], list] = {(r, e): [] for r in ROLES for e in (False, True)}
    halves: dict[str, list] = {"dev": [], "heldout": []}
    texts = [sentence_case(text) for _, text, _ in documents]
    for (doc_id, _, gold), text, doc in zip(documents, texts, nlp.pipe(texts, batch_size=16)):
        slots = doc_slots(doc, Article(doc_id, text), namer)
        for role in ROLES:
            entities = gold.get(role) or []
            for exact in (False, True):
                right, found, predicted = count_matches(slots[role], entities, exact)
                counts[(role, exact)].append((right, predicted, found, len(entities)))
            halves[half_of(doc_id)].append(counts[(role, False)][-1])
    scores: dict = {"n": len(documents)}
    for half, rows in halves.items():  # dev: the half studied while writing the rules
        scores[f"{half}_all_f1"] = prf(rows)["f1"]
    for exact in (False, True):
        suffix = "_exact" if exact else ""
        scores.update({f"all{suffix}_{k}": v for k, v in
                       prf(row for r in ROLES for row in counts[(r, exact)]).items()})
    for role in ROLES:
        scores.update({f"{role}_{k}": v for k, v in prf(counts[(role, False)]).items() if k in ("precision", "recall", "f1")})
        scores[f"{role}_exact_f1"] = prf(counts[(role, True)])["f1"]
    return scores
