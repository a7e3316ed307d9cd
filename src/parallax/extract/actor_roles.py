"""Which words of a sentence take part in an event and how: the doer and the receiver of a
trigger read from the dependency parse."""

from __future__ import annotations

from types import MappingProxyType

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from parallax.schema import ActorRole

# Prepositions whose object receives the event: "an attack on the convoy", "fired into the crowd".
TARGET_PREPOSITIONS = frozenset({"on", "against", "targeting", "at", "to", "with", "into", "upon"})
REPORTING_VERBS = frozenset({"say", "tell", "announce", "report", "state", "add", "claim", "confirm",
                             "declare", "note", "write", "explain", "warn"})

# Verbs whose clause says what someone else must do: "demanded that the government end curbs".
DIRECTIVE_VERBS = frozenset({"demand", "urge", "ask", "call", "insist", "appeal", "press", "remind"})

# Verbs of threat, whose condition names whom they are aimed at: "threatened to strike unless ...".
THREAT_VERBS = frozenset({"threaten", "warn"})

# Verbs by which a group owns an event ("claimed responsibility for") or is given it ("blamed X for").
CLAIMING_VERBS = frozenset({"claim", "accept", "admit", "take", "bear", "assume"})
BLAMING_VERBS = frozenset({"blame", "accuse", "fault", "condemn", "hold", "suspect"})
# Verbs that give an event (their object) to its doer, by the preposition naming the doer.
GIVING_VERBS = MappingProxyType({"attribute": "to", "ascribe": "to", "blame": "on", "pin": "on"})
# Verbs by which someone takes part in an event: "the men involved in the murder", "participated in".
PARTAKING_VERBS = frozenset({"involve", "implicate", "participate", "engage"})

# Verbs that move a side's own forces: "its troops" in "withdraw its troops from Lebanon" are the
# doer's means, not the receiver (the receiving country is read by the country rule).
MOVING_VERBS = frozenset({"withdraw", "deploy", "send", "offer", "contribute", "pull", "move", "station",
                          "dispatch", "redeploy", "mobilize", "mobilise", "rush"})
# Nouns of such moves, whose "of" names the forces moved: "the deployment of NATO troops".
MOVING_NOUNS = frozenset({"deployment", "withdrawal", "pullout", "redeployment", "dispatch", "arrival"})

# Event nouns done only to people: "the assassination of X" names a person, never a town.
PERSON_ACTS = frozenset({"assassination", "murder", "killing", "kidnapping", "kidnaping", "abduction",
                         "execution", "lynching", "torture"})

# Verbs whose "from" object loses something: "seized weapons from the militants".
TAKING_VERBS = frozenset({"confiscate", "seize", "take", "steal", "rob", "loot", "grab", "snatch", "wrest",
                          "recapture", "retake", "capture", "extort", "requisition"})

# Verbs whose object names the event and whose subject is its doer: "warplanes launched an attack".
LIGHT_VERBS = frozenset({"launch", "carry", "conduct", "stage", "mount", "perform", "execute", "unleash",
                         "order", "make", "claim", "begin", "start", "continue", "resume", "declare", "hold",
                         "wage", "impose", "lift", "end", "lead", "commit", "perpetrate", "initiate",
                         "undertake", "organise", "organize", "step", "intensify", "escalate"})
# Verbs whose object is the means, aimed "at" what it hits: "two insurgents hurled a grenade at a patrol",
# "unidentified persons placed 11 bombs", "rebels set fire to the town hall".
MEANS_VERBS = frozenset({"place", "plant", "hurl", "throw", "lob", "detonate", "drop", "set", "fire"})


def phrase_of(token: Token) -> SpacySpan:
    """The noun phrase headed by `token` without relative clauses or appositions."""
    keep = [t for t in token.subtree if not _in_clause(t, token)]
    if token.dep_ == "dobj" and token.head.lemma_.lower() in BLAMING_VERBS:
        # "accused the gang of the kidnapping": the gang; what it is accused of is the event
        blamed = {t.i for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree}
        keep = [t for t in keep if t.i not in blamed]
    start, end = min(t.i for t in keep), max(t.i for t in keep) + 1
    count = next((c for c in token.children if c.dep_ == "nummod"), None)
    if count is not None and token.head.pos_ == "VERB":  # "shot dead three policemen": "dead" is the verb's
        start = max([start] + [c.i + 1 for c in token.children
                               if c.dep_ == "amod" and c.i == token.head.i + 1 and c.i < count.i])
    return token.doc[start:end]


def _in_clause(tok: Token, head: Token) -> bool:
    while tok != head:
        if tok.dep_ in {"relcl", "acl", "appos", "advcl", "prep", "punct", "cc", "conj"} and tok.head == head \
                and tok.dep_ != "prep":
            return True
        if tok.dep_ == "prep" and tok.head == head and tok.text.lower() not in {"of"}:
            return True
        tok = tok.head
    return False


def role_candidates(trigger: Token) -> list[tuple[Token, ActorRole]]:
    """Tokens that head the doer and the receiver of the event named by `trigger`."""
    found = _direct_roles(trigger) + [(g, ActorRole.TARGET) for g in _bid_subjects(trigger) + _threatened(trigger)]
    for verb in _governed_acts(trigger):
        # "offered to hand them over to the court", "threatened to cut off power to the town": the
        # receivers of the verb it governs, the doer stays the governing verb's subject
        found += [(head, role) for head, role in _direct_roles(verb) if role == ActorRole.TARGET]
        found += [(g, ActorRole.TARGET) for g in _bid_subjects(verb)]
    if trigger.dep_ in {"dobj", "attr"} and trigger.head.lemma_ in LIGHT_VERBS | MEANS_VERBS:
        # "American warplanes launched an attack": the doer is the subject of the light verb
        aims = {"on", "against"} | ({"at", "into"} if trigger.head.lemma_ in MEANS_VERBS else set())
        found += [(c, ActorRole.PERPETRATOR) for c in trigger.head.children if c.dep_ == "nsubj"]
        found += [(g, ActorRole.TARGET) for c in trigger.head.children
                  if c.dep_ == "prep" and c.text.lower() in aims
                  for g in c.children if g.dep_ == "pobj"]
    # "the forum concluded that the US must allocate more", "reiterated its demand that Israel ease":
    # whoever a clause of obligation binds receives the act
    found += [(g, ActorRole.TARGET) for c in _bound_clauses(trigger) for g in c.children
              if g.dep_ in ("nsubj", "nsubjpass") and not _own_side(g)]
    if trigger.lemma_.lower() in REPORTING_VERBS | DIRECTIVE_VERBS:
        # "Straw said the Sudanese government must reach an agreement": what is said is about them;
        # not "The army shelled the town, Straw said", where the clause is the event itself
        found += [(g, ActorRole.TARGET) for c in trigger.children if c.dep_ == "ccomp" and c.i > trigger.i
                  for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
        found += _own_act_receivers(trigger)
    hostages = _hostage_roles(trigger)
    if hostages:  # "took three aid workers hostage", read as the compound "workers hostage": the taken
        found = [(h, r) for h, r in found if h.dep_ != "compound"] + hostages
    found += _target_of(trigger)
    if trigger.dep_ in {"acl", "relcl"} and trigger.tag_ == "VBN":
        # "a convoy that was struck by ...", "forces targeted by": the head noun is the receiver
        found.append((trigger.head, ActorRole.TARGET))
    found += [(g, ActorRole.PERPETRATOR) for c in trigger.children if c.dep_ == "acl" and c.tag_ == "VBN"
              for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
    # "a bomb, planted by two unknown men, exploded", "an attack carried out by gunmen"
    doers = _given_doers(trigger)  # "blamed the attack on the rebels": the rebels are no receiver
    return [(h, r) for h, r in found if h not in doers] + [(doer, ActorRole.PERPETRATOR) for doer in doers]


# Prepositions whose object is where an event happens: "struck targets in Syria", "withdrew from Lebanon".
WHERE_PREPOSITIONS = frozenset({"in", "inside", "into", "from", "within"})


def where_objects(trigger: Token) -> list[Token]:
    """The objects of "in"/"from"/"into" on an event word, on its object or on the object of its
    receiving preposition: "Israel struck targets in Syria", "Syria will withdraw its troops from
    Lebanon", "contribute troops to a force in Liberia" (a country there is acted on: see actors)."""
    # a named object is located, not acted on there: "bombing the Islamic State group in Syria and Iraq"
    holders = [trigger, *(c for c in trigger.children if c.dep_ == "dobj" and not _named(c))]
    holders += [g for c in trigger.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPOSITIONS
                for g in c.children if g.dep_ == "pobj"]
    found = [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in WHERE_PREPOSITIONS
             for g in c.children if g.dep_ == "pobj"]
    if trigger.lemma_.lower() in REPORTING_VERBS:  # "Nigeria announced it will withdraw its force from Chad"
        found += [g for act in _own_acts(trigger) for g in where_objects(act)]
    if trigger.pos_ in ("VERB", "AUX"):  # "France is ready to contribute troops to a force in Liberia"
        found += [g for act in _xcomps(trigger) for g in where_objects(act)]
    return found


def _named(token: Token) -> bool:
    """A noun naming an organisation, person or people, itself or by its compounds ("the Islamic State group")."""
    return any(t.ent_type_ in ("ORG", "PERSON", "NORP") for t in (token, *token.lefts) if t is token or t.dep_ == "compound")


def _owned(token: Token) -> bool:
    """A noun naming or owned by a party of its own: "Syrian troops", "the army's tanks", "UN
    monitors"; not "300 troops", which a moving verb's subject moves ("France sent 300 troops")."""
    words = [token, *(c for c in token.lefts if c.dep_ in ("compound", "amod", "poss", "nmod"))]
    return any(t.ent_type_ in ("ORG", "PERSON", "NORP", "GPE") or (t.dep_ == "poss" and t.pos_ != "PRON")
               for t in words)


DEMAND_NOUNS = frozenset({"demand", "call", "request", "appeal", "insistence", "ultimatum"})


def _own_side(token: Token) -> bool:
    """A pronoun or a phrase the speakers own: "the two ministers agreed that their countries would talk"."""
    return token.pos_ == "PRON" or any(c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in token.children)


def _bound_clauses(word: Token) -> list[Token]:
    """The "that"-clauses of obligation on an event word: with "must"/"should" ("concluded that the
    US must allocate more"), or after a demand ("reiterated its demand that Israel ease", "its
    demand that the government lift the curfew"); a reporting verb's are read by its own rule."""
    if word.lemma_.lower() in REPORTING_VERBS | DIRECTIVE_VERBS:
        return []
    demands = [d for d in (word, *(c for c in word.children if c.dep_ == "dobj")) if d.lemma_.lower() in DEMAND_NOUNS]
    found = [c for c in word.children if c.dep_ == "ccomp" and c.i > word.i and (demands or any(
        a.dep_ == "aux" and a.lower_ in ("must", "should") for a in c.children))]
    return found + [c for d in demands for c in d.children if c.dep_ in ("acl", "ccomp") and c.i > d.i
                    and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]


def _own_act_receivers(verb: Token) -> list[tuple[Token, ActorRole]]:
    """Receivers of what a speaker says it does: "the US said it would not meet the hostage-takers'
    demands", "Uganda said it had paid compensation to British nationals"."""
    return [(h, r) for v in _own_acts(verb) for h, r in _direct_roles(v) if r == ActorRole.TARGET]


def _own_acts(verb: Token) -> list[Token]:
    """The verbs of what a speaker says it does itself (a clause whose subject is a pronoun, and
    the verbs it governs): "Nigeria announced that it will withdraw its force from Chad"."""
    found: list[Token] = []
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i):
        subjects = [g for g in clause.children if g.dep_ in ("nsubj", "nsubjpass")]
        if subjects and all(g.pos_ == "PRON" for g in subjects):
            found += [clause, *_xcomps(clause)]
    return found


def _hostage_roles(trigger: Token) -> list[tuple[Token, ActorRole]]:
    """Who takes and who is taken in "gunmen took three engineers hostage", "the two Italians were
    taken hostage", "held the crew captive": the verb's subject, and its object or passive subject."""
    verb = trigger.head
    if trigger.dep_ not in ("dobj", "oprd") or verb.lemma_.lower() not in ("take", "hold", "keep"):
        return []
    found = [(c, ActorRole.PERPETRATOR if c.dep_ == "nsubj" else ActorRole.TARGET) for c in verb.children
             if c.dep_ in ("nsubj", "nsubjpass") or (c.dep_ == "dobj" and c != trigger)]
    return found + [(c, ActorRole.TARGET) for c in trigger.children if c.dep_ == "compound"]


def _target_of(trigger: Token) -> list[tuple[Token, ActorRole]]:
    """What a copula says an event was aimed at: "the convoy was the target of an attack", "the
    targets of the raids were two shops", "he was the victim of a kidnapping"."""
    noun = trigger.head.head if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" else None
    if noun is None or noun.lemma_.lower() not in ("target", "victim") or noun.dep_ not in ("attr", "nsubj") \
            or noun.head.lemma_ != "be":
        return []
    return [(c, ActorRole.TARGET) for c in noun.head.children if c.dep_ in ("nsubj", "attr") and c != noun]


def _held_responsible(trigger: Token) -> list[Token]:
    """Who claims or is given an event: "X said it carried out the bombing", "officials
    blamed X for the attack", "X is to blame for the killing", "accused X of the murder",
    "police attributed the attack to X", "X was behind the attack"."""
    head = trigger.head
    if trigger.dep_ == "pobj" and head.lower_ == "for":
        holder = head.head
        if holder.lemma_.lower() in ("responsibility", "credit") and holder.head.lemma_.lower() in CLAIMING_VERBS:
            return [c for c in holder.head.children if c.dep_ == "nsubj"]
        if holder.lemma_.lower() in BLAMING_VERBS:  # "blamed X for", "X were blamed for"
            return [c for c in holder.children if c.dep_ in ("dobj", "nsubjpass")]
        if holder.lower_ == "responsible":  # "X is responsible for", "holds X responsible for"
            found = [c for c in holder.children if c.dep_ == "nsubj"]
            return found or [c for c in holder.head.children if c.dep_ in ("nsubj", "dobj")]
    if trigger.dep_ == "pobj" and head.lower_ == "in" and head.head.lemma_.lower() in PARTAKING_VERBS:
        return _partakers(head.head)
    if trigger.dep_ == "pobj" and head.lower_ == "of" and head.head.dep_ == "dobj" \
            and head.head.head.lemma_.lower() in BLAMING_VERBS:  # "accused the FMLN of the murder"
        return [head.head]
    if trigger.dep_ in ("pobj", "pcomp") and head.lower_ == "of" and head.head.lemma_.lower() in BLAMING_VERBS:
        # "two soldiers accused of murdering a farmer", "two men were accused of the killing",
        # "police accused the gang of killing"
        verb = head.head
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            return [verb.head]
        return [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")]
    if trigger.dep_ == "pobj" and head.lower_ == "behind":  # "X was behind", "X are believed to be behind"
        verb = head.head
        while verb.dep_ == "xcomp" and not any(c.dep_ == "nsubj" for c in verb.children):
            verb = verb.head
        return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if trigger.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in GIVING_VERBS:
        # "police attributed the attack to X", "officials blamed the bombing on X" (its "on" often
        # parsed as the event's: "an attack on"), "the ambush was blamed on X"
        word = GIVING_VERBS[head.lemma_.lower()]
        given = [c for c in head.children if c.dep_ == "prep" and c.lower_ == word]
        given = given or [c for c in trigger.children if c.dep_ == "prep" and c.lower_ == word]
        return [g for c in given for g in c.children if g.dep_ == "pobj"]
    if trigger.dep_ == "nsubjpass" and head.lemma_.lower() in LIGHT_VERBS:
        # "the bombing was carried out by the ELN", "the ambush was claimed by X"
        return [g for c in head.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return []


def _given_doers(trigger: Token) -> list[Token]:
    """Who claims, is given or carries out an event, also through a relative clause on the event
    noun: "the ambush, which was carried out by the rebels", "the blast, which police blamed on X"."""
    relatives = [c for clause in trigger.children if clause.dep_ == "relcl" for c in clause.children
                 if c.dep_ in ("nsubjpass", "dobj") and c.tag_ in ("WDT", "WP")]
    return [doer for word in (trigger, *relatives) for doer in _held_responsible(word)]


def _partakers(verb: Token) -> list[Token]:
    """Who takes part through `verb`: "the military men involved in the murder" (the noun it
    modifies), "two soldiers were involved in", "rebels participated in", and the accused of it:
    "three men suspected of taking part in the ambush"."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return [verb.head]
    if verb.dep_ == "pcomp" and verb.head.lower_ == "of" and verb.head.head.lemma_.lower() in BLAMING_VERBS:
        accuser = verb.head.head
        if accuser.dep_ == "acl" and accuser.tag_ == "VBN":
            return [accuser.head]
        return [c for c in accuser.children if c.dep_ in ("nsubjpass", "dobj")]
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]


def _direct_roles(verb: Token) -> list[tuple[Token, ActorRole]]:
    """Subject, passive agent, objects and "on"/"against"/"to" objects of one word."""
    found: list[tuple[Token, ActorRole]] = []
    # "the Jesuits' murder", "Galan's assassination": the possessor of an act done only to people
    # is its victim, unless an "of" names the victim ("the regime's killing of protesters")
    suffered = verb.lemma_.lower() in PERSON_ACTS and not any(c.dep_ == "prep" and c.lower_ == "of" for c in verb.children)
    for child in verb.children:
        dep = child.dep_
        if dep == "poss" and suffered:
            found.append((child, ActorRole.TARGET))
        elif dep in {"nsubj", "poss", "compound", "amod", "npadvmod"}:
            found.append((child, ActorRole.PERPETRATOR))
        elif dep in {"dobj", "nsubjpass", "dative"}:
            if not (verb.lemma_.lower() in MOVING_VERBS and (_own_side(child) or not _owned(child))):
                found.append((child, ActorRole.TARGET))  # not "withdraw its troops", "send 300 troops"
        elif dep == "prt" and child.lower_ == "up":  # "kidnapped up to 16 advisers", read as "kidnapped up"
            found += [(g, ActorRole.TARGET) for p in child.children if p.dep_ == "prep" and p.lower_ == "to"
                      for g in p.children if g.dep_ == "pobj" and any(n.dep_ == "nummod" for n in g.children)]
        elif dep == "prep" and child.lower_ == "from" and verb.lemma_.lower() in TAKING_VERBS and verb.dep_ != "xcomp":
            # "police confiscated weapons from armed groups": whom it is taken from; not what is
            # only tried ("both sides scramble to seize territory from Islamic State", seed 003)
            found += [(g, ActorRole.TARGET) for g in child.children if g.dep_ == "pobj"]
        elif dep == "agent" or (dep == "prep" and child.lower_ == "by" and verb.pos_ == "NOUN"):
            # "struck by warplanes", "the bombing of a convoy by coalition warplanes"
            found += [(g, ActorRole.PERPETRATOR) for g in child.children if g.dep_ == "pobj"]
        elif dep == "prep" and (child.lower_ in TARGET_PREPOSITIONS or (child.lower_ == "of" and verb.pos_ == "NOUN")
                                or (child.lower_ == "for" and verb.lemma_.lower() in DIRECTIVE_VERBS)):
            # "the murder of the mayor": the object of an event noun's "of" is its receiver; what
            # is called for ("called for the removal of X") holds one
            objects = [g for g in child.children if g.dep_ == "pobj"]
            moved = child.lower_ == "of" and verb.lemma_.lower() in MOVING_NOUNS
            found += [(g, ActorRole.PERPETRATOR if moved else ActorRole.TARGET) for g in objects]
            if child.lower_ == "of":  # "the bombing of a convoy by warplanes", "by" read as the convoy's;
                # "the assassination of four monks who were shot by men dressed as police"
                found += [(a, ActorRole.PERPETRATOR) for g in [*objects, *_passive_clauses(objects)] for p in g.children
                          if (p.dep_ == "prep" and p.lower_ == "by") or p.dep_ == "agent"
                          for a in p.children if a.dep_ == "pobj"]
    return found


def _passive_clauses(nouns: list[Token]) -> list[Token]:
    """The passive relative clauses on nouns ("farmers who were shot by soldiers"), and the
    participle a copula's clause holds ("Jesuits who were machine-gunned by men", parsed
    were -> acomp gunned)."""
    clauses = [c for g in nouns for c in g.children if c.dep_ == "relcl" and (c.tag_ == "VBN" or c.lemma_ == "be")]
    return clauses + [a for c in clauses for a in c.children if a.dep_ == "acomp" and a.tag_ == "VBN"]


def _governed_acts(trigger: Token) -> list[Token]:
    """The acts an event word governs (see _xcomps), also through the light verb it is the object
    of ("staged rallies to demand reforms") and through a demanding participle on it or on its
    object ("a march calling for the release of X", "issued a statement demanding that X leave";
    not "shot down a helicopter carrying monitors")."""
    found = _xcomps(trigger)
    holders = [trigger, *(c for c in trigger.children if c.dep_ == "dobj")]
    if trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in LIGHT_VERBS:
        found += _xcomps(trigger.head)
        holders.append(trigger.head)  # "held a rally on Monday calling for": parsed on the verb
    participles = [c for n in holders for c in n.children if c.dep_ in ("acl", "advcl") and c.tag_ == "VBG"
                   and c.lemma_.lower() in DIRECTIVE_VERBS]
    return found + [a for p in participles for a in (p, *_xcomps(p))]


def _threatened(verb: Token) -> list[Token]:
    """Whom a threat is aimed at: the subject of its condition ("threatened to strike unless the
    council resigned", "warned it would retaliate if Ruritania attacked"), also for the act
    threatened ("strike" in the first)."""
    if verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_.lower() in THREAT_VERBS:
        verb = verb.head
    if verb.lemma_.lower() not in THREAT_VERBS:
        return []
    acts = [verb, *_xcomps(verb), *(c for c in verb.children if c.dep_ == "ccomp")]
    conditions = [c for a in acts for c in a.children if c.dep_ == "advcl"
                  and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)]
    return [g for c in conditions for g in c.children if g.dep_ in ("nsubj", "nsubjpass") and not _own_side(g)]


def _bid_subjects(verb: Token) -> list[Token]:
    """Whom a verb bids, allows or forces to act, parsed as the subject of its infinitive ("allowed
    the opposition to march", "ordered the paper to close"); and, after a demanding word, the
    subject of its "that"-clause ("demanding that the government resign")."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i and (
        any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) or verb.lemma_.lower() in DIRECTIVE_VERBS)]
    return [g for c in clauses for g in c.children if g.dep_ in ("nsubj", "nsubjpass") and not _own_side(g)]


def _xcomps(verb: Token) -> list[Token]:
    """The verbs an event verb governs without a subject of their own: "agreed to (re-)open",
    its purpose: "fired tear gas to disperse protesters", "marched to demand reforms", and what
    an adjective of readiness governs: "is ready to send troops", "are willing to forgive him"."""
    found, frontier = [], [verb]
    while frontier:
        holders = [*frontier, *(c for v in frontier for c in v.children if c.dep_ == "acomp" and c.pos_ == "ADJ")]
        nxt = [c for v in holders for c in v.children if c.pos_ in ("VERB", "AUX") and
               (c.dep_ == "xcomp" or (c.dep_ == "advcl" and _is_purpose(c)))]
        found += nxt
        frontier = nxt
    return found


def _is_purpose(clause: Token) -> bool:
    """An infinitive clause without a subject of its own: "(in order) to demand reforms"."""
    children = list(clause.children)
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in children) and \
        not any(c.dep_ in ("nsubj", "nsubjpass") for c in children)


def event_heads(sent: SpacySpan, triggers: list[Token]) -> list[Token]:
    """The tokens whose roles name the sentence's actors: its event triggers and its main verb,
    unless a trigger is that verb or hangs off it ("launched an attack"); behind a reporting verb
    that follows its clause, the main verb is that clause's (see reported_event)."""
    root = reported_event(sent.root)
    if root.pos_ not in ("VERB", "AUX") or root in triggers or any(t.head == root and not _own_clause(t) for t in triggers):
        return triggers
    return [*triggers, root]


def _own_clause(trigger: Token) -> bool:
    """A trigger heading a clause with a subject of its own under the main verb ("the minister
    repeated that Kenya must hand over the suspects"): the main verb is another act."""
    return trigger.dep_ == "ccomp" and any(c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children)


def reported_event(verb: Token) -> Token:
    """The clause a reporting verb follows: "Portugal will support Turkey, the president said" is
    Portugal's act, not the president's; "the president said that ..." stays the president's."""
    if verb.lemma_.lower() not in REPORTING_VERBS:
        return verb
    before = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i and c.pos_ in ("VERB", "AUX")]
    return before[0] if before else verb
