"""Find casualty figures (killed, injured, missing, abducted, arrested, displaced) in a sentence."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from collections.abc import Sequence

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from parallax.extract import victims as vx
from parallax.extract.claim_lexicon import ClaimLexicon, Trigger
from parallax.extract.headline_shape import is_headline
from parallax.extract.verb_outcomes import (
    child_of, either_outcome, fatal_measure, fatal_share, has_modal, is_irrealis, missed, own_subjects,
    trigger_of, tuple_word, under_irrealis,
)
from parallax.nlp.arrays import sentence_text, tokens_at
from parallax.schema import Claim, ClaimPart, Figure, Measure, Span

Found = tuple[Token, Claim]
__all__ = ["Found", "casualty_claims", "fatal_measure", "new_claim", "tok_text", "trigger_of"]
_NOT_VICTIMS = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "ORG", "MONEY", "PERCENT"})
_TOLL_PREPS = frozenset({"to", "at"})
_TOLL_VALUE_DEPS = frozenset({"attr", "dobj", "acomp", "oprd", "appos", "npadvmod"})


def claim_id(article_id: str, start: int, end: int, measure: Measure, field: str = "text") -> str:
    """A stable id: the same figure read from the same place gets the same id on every run (a
    headline's figure, `field` "title", is told apart from the body's at the same offsets)."""
    where = f"{article_id}:{start}:{end}" if field == "text" else f"{article_id}:{field}:{start}:{end}"
    return hashlib.sha1(f"{where}:{measure.value}".encode()).hexdigest()[:16]


def new_claim(article_id: str, sent: DocSpan, measure: Measure, figure: Figure,
              where: tuple[int, int, str], **fields: object) -> Claim:
    """A claim read at `where` (start, end, text) in sentence `sent`; speaker and hedges come later."""
    start, end, text = where
    span = Span(article_id, start, end, text, sentence_text(sent))
    return Claim(id=claim_id(article_id, start, end, measure), article_id=article_id, measure=measure,
                 figure=figure, span=span, **fields)  # type: ignore[arg-type]


def _verb_victim(tok: Token, lexicon: ClaimLexicon, trig: Trigger) -> Token | None:
    if trig.extra == "subject" and not _to_harm(tok, lexicon):
        return None  # "the company succumbed to pressure"
    victim = _passive_subject(tok) or _between_object(tok, lexicon)
    if victim is None and tok.dep_ in ("acl", "amod") and tok.tag_ == "VBN" \
            and tok.head.pos_ in ("NOUN", "NUM", "PROPN") and child_of(tok, "nsubj", "aux") is None:
        return None if _event_object(tok.head, lexicon) else tok.head  # "two men killed in": but in
        # "claims that 11 civilians had died" they died
    if victim is None and (trig.extra in ("flee", "subject") or tok.lemma_ == "die"):  # "succumbed to"
        victim = child_of(tok, "nsubj")
    if victim is None:
        victim = _active_object(tok)
    has_perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)
    if victim is None and tok.tag_ == "VBN" and not has_perfect:
        victim = child_of(tok, "nsubj")
    if victim is None and tok.dep_ in ("oprd", "xcomp"):
        victim = _left_object(tok)  # "left three people injured"
    if victim is None:
        victim = _left_so(tok)
    if victim is None and tok.dep_ == "xcomp":
        # "are believed to have died"; but who "started shooting" is the one who shot
        doer = tok.tag_ == "VBG" and tok.lemma_ != "die"
        victim = child_of(tok.head, "nsubjpass") if doer else child_of(tok.head, "nsubjpass", "nsubj")
    if victim is None:
        victim = next((c for c in tok.children if c.dep_ in ("advmod", "npadvmod")
                       and (vx.is_quantity(c, lexicon) or c.lower_ == "more")), None)  # "many more were hurt"
    if victim is None and tok.tag_ == "VBD":
        victim = _gapped_passive_subject(tok) or _object_parsed_as_subject(tok)
    if victim is None and tok.tag_ == "VBN":  # "left 12 dead and at least 40 injured": the count on the verb
        victim = next((c for c in tok.children if c.dep_ == "nummod" and c.i < tok.i), None)
    if victim is None and tok.tag_ == "VBD" and tok.dep_ == "conj" and tok.head.lemma_ == "leave" \
            and child_of(tok, "dobj") is None:  # "left three dead and four others wounded"
        victim = child_of(tok, "nsubj")
    if victim is None:  # "Two men are dead and another hospitalized": the parser made "another" a det
        victim = next((c for c in tok.children if c.dep_ == "det" and c.lower_ == "another" and c.i < tok.i), None)
    if victim is None or _event_object(victim, lexicon):
        return None
    return vx.resolve_relative(victim)


def _between_object(verb: Token, lexicon: ClaimLexicon) -> Token | None:
    """ "The attack killed between 12 and 15 people": the parser hangs the counted object on "between"."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "between" and c.i > verb.i):
        obj = child_of(prep, "pobj")
        if obj is not None and any(c.dep_ == "nummod" and vx.is_quantity(c, lexicon) for c in obj.children):
            return obj
    return None


def _left_object(tok: Token) -> Token | None:
    """The object a predicative participle describes: "left three people injured"; of "left 12 dead
    and at least 40 injured", the count after the other predicate ("dead") before it (40, not 12)."""
    first = child_of(tok.head, "dobj")
    if first is None:
        return None
    other = max((c.i for c in tok.head.children if c.dep_ == "oprd" and first.i < c.i < tok.i), default=None)
    if other is None:
        return first
    after = [t for t in tok.doc[other + 1:tok.i] if t.pos_ in ("NUM", "NOUN") and t.dep_ in ("conj", "dobj", "nsubj")]
    return after[-1] if after else first


def _to_harm(verb: Token, lexicon: ClaimLexicon) -> bool:
    """ "succumbed to his wounds", "perished": a "to" phrase, if any, names a wound (read off the words:
    the parser may make "to pressure" a clause)."""
    doc = verb.doc
    to = next((t for t in doc[verb.i + 1:min(len(doc), verb.i + 3)] if t.lower_ == "to"), None)
    if to is None:
        return True
    noun = next((t for t in doc[to.i + 1:min(len(doc), to.i + 5)] if t.pos_ in ("NOUN", "PROPN")), None)
    return noun is not None and noun.lemma_.lower() in lexicon.nouns


def _left_so(tok: Token) -> Token | None:
    """ "The attack left two soldiers wounded", "held after a shooting that wounded three":
    the parser may make the participle an adverbial clause, of "left" or of the verb before."""
    if tok.dep_ != "advcl" or tok.tag_ != "VBN" or not tok.i:
        return None
    before = tok.doc[tok.i - 1]
    if tok.head.lemma_ == "leave" and tok.head.i < tok.i:
        return child_of(tok.head, "dobj")
    return before if before.dep_ == "dobj" and before.head.lemma_ == "leave" else None


def _event_object(noun: Token, lexicon: ClaimLexicon) -> bool:
    """ "arrested in shooting incident", "gunman from shooting spree detained": a bare noun right after
    "shooting" that names no person is the noun the "shooting" modifies (the parser made it its object)."""
    verb = noun.head
    bare = noun.dep_ == "dobj" and noun.i == verb.i + 1 and noun.tag_ == "NN" and not any(c.dep_ in ("det", "poss", "nummod") for c in noun.children)
    lemma = noun.lemma_.lower()
    return verb.tag_ == "VBG" and bare and lemma not in lexicon.victims and lemma not in lexicon.persons \
        and noun.ent_type_ == ""


def _active_object(verb: Token) -> Token | None:
    """ "CONROE, Texas - A man shot and killed his daughter": the parser may make the dateline a second
    object; the victim is the object after the verb (a relative "whom" before it is the only one)."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return next((c for c in objects if c.i > verb.i), objects[0] if objects else None)


def _gapped_passive_subject(tok: Token) -> Token | None:
    """ "Four guards were killed and two others wounded": "were" left out, the parser reads "wounded"
    as a past tense whose subject did the wounding; joined to a passive, that subject was wounded."""
    if tok.dep_ != "conj" or not any(c.dep_ == "auxpass" for c in tok.head.children) \
            or any(c.dep_ in ("dobj", "aux", "auxpass") for c in tok.children):
        return None
    return child_of(tok, "nsubj")


def _object_parsed_as_subject(tok: Token) -> Token | None:
    """ "a shooting that killed a boy and hurt one other person was in court": the count right
    after an active verb is its object, though the parser made it the subject of the next verb."""
    if tok.i + 1 >= len(tok.doc):
        return None
    after = tok.doc[tok.i + 1]
    if after.dep_ == "nummod" and after.head.i > tok.i and after.head.dep_ == "nsubj" \
            and after.head.pos_ in ("NOUN", "PROPN"):
        return after.head
    return after if after.like_num and after.dep_ == "nsubj" else None


def _passive_subject(verb: Token) -> Token | None:
    """ "DAYTON, Ohio - A man was shot": the parser may give the dateline as a second subject; the
    victim is the subject that is no place or organisation."""
    subjects = list(dict.fromkeys(vx.age_owner(c) or vx.listed_ages_owner(c) or c for c in verb.children
                                  if c.dep_ == "nsubjpass" and not vx.after_ages(c)))
    subjects = [s for s in subjects if not any(o != s and s in o.subtree for o in subjects)]  # "Dennie
    # Tolliver, 71 and Mae Tolliver, 69 were found": the second name is in the first one's list
    people = [c for c in subjects if c.ent_type_ not in _NOT_VICTIMS or vx.is_aged(c)]
    return (people or subjects or [None])[-1]  # the one nearest the verb: a dateline comes first


_CAUSE_PREPS = frozenset({"in", "after", "from", "during", "following", "of"})


def _other_cause(tok: Token, lexicon: ClaimLexicon) -> bool:
    """The casualty word's own cause is a road accident or an overdose ("died in a motorcycle accident",
    "killed in a single vehicle wreck", "died of an overdose"): another event than an attack. A bare
    "crash" may be a helicopter shot down; an "accidental shooting" is a shooting."""
    owners = [tok, tok.head] if tok.pos_ == "ADJ" or tok.dep_ in ("acomp", "oprd") else [tok]
    preps = sorted((c for owner in owners for c in owner.children if c.dep_ == "prep" and c.lower_ in _CAUSE_PREPS),
                   key=lambda c: c.i)
    cause = next((c for prep in preps for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    if cause is None:  # the first cause told decides: "killed in a shooting after a crash" is the shooting's
        return False
    lemma = cause.lemma_.lower()
    return lemma in lexicon.other_causes or lemma in lexicon.mishaps and any(
        m.lemma_.lower() in lexicon.vehicles for m in cause.subtree if m.i < cause.i)


def _hyphenated_head(victim: Token) -> Token:
    """ "shot his ex-wife, her friend and a deputy": the parser may split "ex-wife" into three objects of
    the verb; the noun after the hyphen is the victim, the head of the list that follows."""
    doc = victim.doc
    if victim.i + 2 < len(doc) and doc[victim.i + 1].text == "-" and not doc[victim.i + 1].whitespace_ \
            and not victim.whitespace_ and doc[victim.i + 2].dep_ == victim.dep_ and doc[victim.i + 2].head == victim.head:
        return doc[victim.i + 2]
    return victim


def _adj_victim(tok: Token) -> Token | None:
    if tok.dep_ == "amod" and tok.head.pos_ in ("NOUN", "PROPN"):
        return tok.head
    if child_of(tok, "nummod", "quantmod") is not None:
        return tok  # "left 5 dead": the adjective heads its own count
    victim = child_of(tok, "nsubj")
    if victim is None and tok.dep_ in ("oprd", "xcomp", "ccomp"):
        victim = child_of(tok.head, "dobj") or _passive_subject(tok.head)  # "left one man dead", "was found
        # dead" ("About 2 a.m., Jamayah Fields was found dead": the victim, not the hour)
    if victim is None and tok.dep_ == "acomp" and child_of(tok.head, "dobj") is not None:
        return child_of(tok.head, "dobj")  # "gunmen shot dead a commissioner": the gunmen shot
    if victim is None and tok.dep_ in ("acomp", "oprd", "xcomp", "attr", "ccomp", "advcl"):
        victim = child_of(tok.head, "nsubj", "nsubjpass")
    return vx.resolve_relative(victim) if victim is not None else None


def _clause_subject(tok: Token, lexicon: ClaimLexicon) -> Token | None:
    """ "was treated for injuries", "is in critical condition": the subject of the governing verb;
    "found a man with a gunshot wound", "found a woman suffering from wounds": its object; "died from
    his injuries": nobody (a death)."""
    head, path = tok, []
    for _ in range(4):
        path.append(head)
        head = head.head
        if head.pos_ in ("VERB", "AUX"):
            if head.lemma_.lower() not in lexicon.wound_verbs:
                return None  # "died from his injuries", "held pressure on the wound"
            through = "with" in (t.lower_ for t in path) or len(path) > 1 and path[-1].dep_ == "dobj"
            subject = child_of(head, "dobj") if through else None
            subject = subject or child_of(head, "nsubj") or _passive_subject(head)
            if subject is None or subject.lemma_.lower() in lexicon.not_victims:
                return None  # "death was caused by a gunshot injury" (but "the injury was not
                # life-threatening" tells someone hurt)
            return vx.resolve_relative(subject)
        if head.head == head:
            break
    return None


def _noun_victim(tok: Token, trig: Trigger, lexicon: ClaimLexicon) -> Token | None:
    if trig.extra == "condition":
        return _condition_victim(tok, lexicon)
    if trig.extra == "lives":
        return _lives_victim(tok, lexicon)
    if trig.extra == "body" and not (tok.head.lemma_.lower() in lexicon.body_verbs
                                     or tok.head.head.lemma_.lower() in lexicon.body_verbs):
        return None
    inner = vx.partitive_object(tok)
    if inner is not None and vx.phrase_figure(tok, lexicon) is None:
        return inner  # "the deaths of three children"
    return tok


def _condition_victim(tok: Token, lexicon: ClaimLexicon) -> Token | None:
    if tok.lemma_ == "condition" and not any(c.dep_ == "amod" for c in tok.children):
        return None  # a bare "condition" is not a wound
    victim = _clause_subject(tok, lexicon)
    return None if victim is not None and _of_the_counted(victim, lexicon) else victim


def _of_the_counted(victim: Token, lexicon: ClaimLexicon) -> bool:
    """ "several of the wounded were in critical condition": a share of casualties told already, not
    a count of its own."""
    inner = vx.partitive_object(victim)
    if inner is None or not any(c.dep_ == "det" and c.lower_ == "the" for c in inner.children):
        return False
    trig = trigger_of(inner, lexicon)
    return trig is not None and trig.measure in (Measure.INJURED, Measure.CASUALTIES)


def _lives_victim(tok: Token, lexicon: ClaimLexicon) -> Token | None:
    verb = tok.head
    if tok.dep_ != "dobj" or verb.lemma_.lower() not in lexicon.life_verbs or has_modal(verb, lexicon):
        return None
    if vx.phrase_figure(tok, lexicon) is not None:
        return tok  # "claimed more than 320,000 lives"
    owner = vx.partitive_object(tok)
    if owner is not None:
        return owner  # "claimed the lives of 9 pilgrims"
    return child_of(verb, "nsubj", "nsubjpass")  # "three people lost their lives"


def _is_idle_noun(tok: Token, lexicon: ClaimLexicon) -> bool:
    """A casualty noun that counts nothing: "death penalty", "a spike in casualties", "no reports of deaths"."""
    if tok.dep_ in ("compound", "amod", "nmod"):
        return True  # "death penalty"; a "death toll" is read from its toll
    if any(t.lower_ == "life" for t in (*tok.conjuncts, tok.head) if t != tok) \
            or tok.doc[max(0, tok.i - 2):tok.i].text.lower() in ("life-or-", "life or", "life and"):
        return True  # "a matter of life and death", "a life-or-death situation"
    if _governed_by_trigger(tok, lexicon) or _left_unmentioned(tok, lexicon):
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.lemma_ == "death":
        return True  # "beaten to death" is read from its verb
    if tok.tag_ == "NNS" and _so_many(tok):
        return True  # "It's just too many killings here": a lament, no count
    container = tok.head.head if tok.dep_ == "pobj" else None
    if container is None:
        return False
    lemma = container.lemma_.lower()
    if lemma in lexicon.trend:
        return True
    negated = any(c.lower_ in ("no", "not") for c in (*container.children, *container.head.children))
    return lemma in lexicon.absence and negated


def _left_unmentioned(tok: Token, lexicon: ClaimLexicon) -> bool:
    """ "did not mention civilian casualties", "made no mention of deaths": silence, which admits no
    casualties and denies none."""
    told = tok.head if tok.dep_ == "dobj" else tok.head.head if tok.dep_ == "pobj" else None
    if told is None or told.lemma_.lower() not in lexicon.silence:
        return False
    return any(c.dep_ == "neg" or c.dep_ == "det" and c.lower_ == "no" for c in told.children)


def _governed_by_trigger(tok: Token, lexicon: ClaimLexicon) -> bool:
    """ "20 hostages were killed", "none of the hostages were hurt": the verb's claim, not the noun's."""
    phrase = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else tok
    if phrase.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return False
    verb = phrase.head
    trig = trigger_of(verb, lexicon) if verb.pos_ in ("VERB", "ADJ") else None
    if trig is not None and trig.extra == "shot" and lexicon.nouns.get(tok.lemma_.lower(), trig).measure is Measure.KILLED:
        return False  # "shooting death of a girl": the noun says she died
    return trig is not None


def _toll_value(container: Token, lexicon: ClaimLexicon) -> Token | None:
    """ "the toll had risen to 14", "raising the toll to 14", "a toll of 14", "the toll is 14" -> 14."""
    candidates = [c for c in container.children if c.dep_ == "prep" and c.lower_ == "of"]
    if container.dep_ in ("nsubj", "nsubjpass", "dobj"):
        verb = container.head
        # "put the toll at 30 and the rebels at 12": what follows a conjunct is the conjunct's figure
        cut = min((c.i for c in verb.children if c.dep_ == "conj" and c.i > container.i), default=len(verb.doc))
        candidates += [c for c in verb.children if c.dep_ == "prep" and c.lower_ in _TOLL_PREPS and c.i < cut]
        values = [c for c in verb.children if c.dep_ in _TOLL_VALUE_DEPS and c != container and c.i < cut]
        candidates += [v for v in values if vx.is_quantity(v, lexicon)]
    for cand in reversed(candidates):
        value = child_of(cand, "pobj") if cand.dep_ == "prep" else cand
        if value is not None and vx.is_quantity(value, lexicon):
            return value
    return None


def _toll_measure(toll: Token, lexicon: ClaimLexicon) -> Measure:
    for child in toll.children:
        trig = lexicon.nouns.get(child.lemma_.lower())
        if child.dep_ in ("compound", "amod", "nmod") and trig is not None and trig.measure is Measure.INJURED \
                and child.lemma_ != "casualty":
            return Measure.INJURED
    return Measure.KILLED


def _toll_claims(tok: Token, sent: DocSpan, article_id: str, lexicon: ClaimLexicon,
                 measure: Measure | None = None) -> list[Found]:
    value = _toll_value(tok, lexicon)
    found = vx.phrase_figure(value, lexicon) if value is not None else None
    if found is None:
        return []
    figure, where = found
    parts = vx.including_parts(value, tok.head if tok.dep_ in ("nsubj", "nsubjpass", "dobj") else tok, lexicon)
    return [(tok, new_claim(article_id, sent, measure or _toll_measure(tok, lexicon), figure, where,
                            parts=parts))]  # "rose to 31, including nine children"


def _victim_of(tok: Token, trig: Trigger, lexicon: ClaimLexicon) -> Token | None:
    if tok.pos_ == "VERB" and tok.lemma_.lower() in lexicon.verbs:
        return _verb_victim(tok, lexicon, trig)
    if tok.pos_ in ("ADJ", "VERB"):  # "missing" is tagged a verb but reads as an adjective
        return _adj_victim(tok)
    return _noun_victim(tok, trig, lexicon)


def _measure_of(tok: Token, trig: Trigger, lexicon: ClaimLexicon) -> Measure | None:
    """The measure this use reports, or None when another word of the sentence reports it."""
    if tok.pos_ != "VERB" or trig.measure not in (Measure.INJURED, Measure.KILLED):
        return trig.measure
    first, second = either_outcome(tok, trig, lexicon)
    if first or second:
        return Measure.CASUALTIES if first else None
    fatal = fatal_measure(tok, lexicon)
    if trig.extra == "shot" and fatal is not None and fatal_share(tok, lexicon) is not None:
        return trig.measure  # "three were shot (two of them fatally)": split by _split_fatal
    if trig.extra == "shot" and fatal is None:
        linked = [c for c in tok.children if c.dep_ == "conj"] + ([tok.head] if tok.dep_ == "conj" else [])
        linked = [c for c in linked if not own_subjects(c, tok)]
        for other in (trigger_of(c, lexicon) for c in linked):
            if other is not None and other.measure in (Measure.KILLED, Measure.INJURED) and other.extra != "shot":
                return None  # "shot and killed", "shot and wounded": the other verb says what happened
    return fatal or trig.measure


def _inherited(tok: Token, lexicon: ClaimLexicon) -> Token | None:
    """ "30 villagers were killed and many more wounded": the second verb shares the first's victims."""
    if tok.dep_ != "conj" or tok.head.pos_ not in ("VERB", "ADJ"):
        return None
    head_trig = trigger_of(tok.head, lexicon)
    return _victim_of(tok.head, head_trig, lexicon) if head_trig is not None else None


def _own_count(tok: Token, lexicon: ClaimLexicon) -> Token | None:
    """The count a verb carries itself when its victims are inherited: "many more" in "many more wounded"."""
    for child in tok.children:
        if child.dep_ in ("advmod", "npadvmod", "nsubj", "nummod") and vx.is_quantity(child, lexicon):
            return child
    return None


def _sum_figures(figures: list[Figure], text: str) -> Figure:
    lows = [f.low for f in figures]
    highs = [f.high for f in figures]
    low = sum(x for x in lows if x is not None) if any(x is not None for x in lows) else None
    high = sum(x for x in highs if x is not None) if all(x is not None for x in highs) else None
    return Figure(low, high, text)


def _members_figure(members: list[Token], lexicon: ClaimLexicon) -> tuple[Figure, tuple[int, int, str]] | None:
    found = [vx.phrase_figure(m, lexicon) for m in members]
    if len(members) == 1:
        if found[0] is not None:
            return found[0]
        default = vx.default_figure(members[0])
        return (default, vx.core_phrase(members[0])) if default is not None else None
    figures = [f[0] if f is not None else vx.default_figure(m) for f, m in zip(found, members)]
    if any(f is None for f in figures):
        return None
    if _is_breakdown(figures) and found[0] is not None:
        return found[0]  # "four bodies, three men and one woman": four, told twice
    first, last = vx.core_phrase(min(members, key=lambda m: m.i)), vx.core_phrase(max(members, key=lambda m: m.i))
    text = tok_text(members[0], first[0], last[1])
    if _alternatives(members):  # "whether the boy shot himself or another child shot him": one of them
        return max(figures, key=lambda f: f.low or 0), (first[0], last[1], text)  # type: ignore[return-value]
    return _sum_figures(figures, text), (first[0], last[1], text)  # type: ignore[arg-type]


def _alternatives(members: list[Token]) -> bool:
    """Members joined by "or" only ("himself or another child", "a guard or a driver"): alternatives."""
    ccs = [c.lower_ for m in members for c in m.children if c.dep_ == "cc"]
    return bool(ccs) and all(cc == "or" for cc in ccs)


def _is_breakdown(figures: list[Figure | None]) -> bool:
    """The members after the first add up exactly to the first: a breakdown of it, not more victims."""
    first, rest = figures[0], figures[1:]
    if first is None or first.low is None or first.low != first.high or first.low < 2:
        return False
    lows = [f.low for f in rest if f is not None and f.low == f.high]
    return len(lows) == len(rest) and sum(x or 0 for x in lows) == first.low


def tok_text(tok: Token, start: int, end: int) -> str:
    """The text between two token-aligned offsets (Doc.text is rebuilt on every access: avoid it)."""
    return tok.doc.char_span(start, end, alignment_mode="expand").text


def _group(members: list[Token], trigger: Token, lexicon: ClaimLexicon) -> str:
    groups = list(dict.fromkeys(g for g in (vx.victim_group(m, lexicon) for m in members) if g))
    sibling = _inherited(trigger, lexicon) or _inherited(members[0], lexicon)
    if (not groups or members[0].lower_ == "more") and sibling is not None \
            and (vx.is_quantity(members[0], lexicon) or members[0].lower_ == "more"):
        groups = [vx.victim_group(sibling, lexicon)]  # "five personnel were killed and two injured"
    base = " and ".join(g for g in groups if g)
    extra = vx.qualifier(trigger)
    if extra and base:
        return f"{base} ({extra})"
    return extra or base


def _generic(tok: Token, victim: Token) -> bool:
    """ "guns do kill people", "knives kill people too": a bare plural after a verb
    in the simple present tells what happens in general, not a count; so does a lament ("so many kids
    are getting killed")."""
    bare = victim.tag_ == "NNS" and victim.dep_ == "dobj" and victim.head == tok \
        and not any(c.dep_ in ("det", "nummod", "poss", "quantmod", "amod", "compound") for c in victim.children)
    present = tok.tag_ in ("VBP", "VBZ") or tok.tag_ in ("VB", "VBG") and any(
        c.dep_ == "aux" and c.tag_ in ("VBP", "VBZ") for c in tok.children)  # "guns do kill people",
    # "it's killing kids"
    return bare and present and not victim.conjuncts or _so_many(victim)


def _so_many(noun: Token) -> bool:
    """ "So many kids are getting killed", "too many killings": a lament, no count."""
    return any(c.lower_ == "many" and any(g.lower_ in ("too", "so") for g in c.children) for c in noun.children)


def _victim_claims(tok: Token, measure: Measure, victim: Token, sent: DocSpan, article_id: str,
                   lexicon: ClaimLexicon, own_count: Token | None = None) -> list[Found]:
    if _generic(tok, victim) and not is_headline(sent) and not vx.is_quantity(victim, lexicon):
        return []  # a headline tells the past in the present ("Suicide bomber kills worshippers"); "dozens" counts
    members = vx.conjoined(victim, tok, lexicon)
    members = members[:1] + [m for m in members[1:] if not _told_by_other(m, measure, lexicon)]
    members = [m for m in members if not _described_otherwise(m, tok, measure, lexicon)] or members[:1]
    negation = vx.negation_word(victim, tok)
    if negation:
        figure, where = Figure(0, 0, negation), vx.core_phrase(victim)
    else:
        found = vx.phrase_figure(own_count, lexicon) if own_count is not None else \
            _members_figure(members, lexicon)
        if found is None:
            return []
        figure, where = found
    parts: tuple[ClaimPart, ...] = vx.including_parts(victim, tok, lexicon)
    fields = dict(victim_group=_group(members, tok, lexicon), parts=parts, negated=bool(negation))
    claims = [(tok, new_claim(article_id, sent, measure, figure, where, **fields))]
    if negation and measure is Measure.CASUALTIES:  # "no civilian casualties" denies the dead and the hurt
        return [(tok, new_claim(article_id, sent, denied, figure, where, **fields))
                for denied in (Measure.INJURED, Measure.KILLED)]
    return claims


def _split_fatal(tok: Token, claims: list[Found], sent: DocSpan, article_id: str,
                 lexicon: ClaimLexicon) -> list[Found]:
    """ "Five people were shot, one fatally" -> killed 1 and injured 4, not injured 5."""
    share = fatal_share(tok, lexicon)
    if share is None or len(claims) != 1:
        return claims
    found = vx.phrase_figure(share, lexicon)
    _, total = claims[0]
    if found is None or total.figure.low is None or total.figure.low != total.figure.high:
        return claims
    dead, where = found
    rest = total.figure.low - (dead.low or 0)
    text = tok_text(tok, total.span.start, where[1])
    injured = new_claim(article_id, sent, Measure.INJURED, Figure(rest, rest, text),
                        (total.span.start, where[1], text), victim_group=total.victim_group)
    killed = new_claim(article_id, sent, Measure.KILLED, dead, where, victim_group=total.victim_group)
    return [(tok, killed), (share, injured)]  # the share, not the verb: the dead are already out


def _counted_by(tok: Token) -> Token | None:
    """ "the number of people killed ... rose to six": the "number" that carries the figure."""
    if tok.dep_ == "acl" and tok.head.lemma_ == "number" and any(c.lower_ == "of" for c in tok.head.children):
        return tok.head  # "the number of people injured rose to 12", "injured" parsed under "number"
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_ == "number":
        return tok.head.head  # "the number of wounded climbed to 33"
    of = tok.head.head if tok.dep_ == "acl" else None
    if of is not None and of.lower_ == "of" and of.head.lemma_ == "number" and of.head.i != of.i:
        return of.head
    return None


def _among_victim(tok: Token) -> Token | None:
    """ "9 children were among the dead", "among the wounded were two officers": the subject of "be"."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "among" or tok.head.head.lemma_ != "be":
        return None
    return child_of(tok.head.head, "nsubj", "attr")


def _gapped_victim(verb: Token, lexicon: ClaimLexicon) -> Token | None:
    """ "One person was shot in the hand, another in the leg", "and a third in the back": a person the
    verb is left out for, told by its own "in" phrase."""
    doc = verb.doc
    for tok in doc[verb.i + 1:verb.sent.end]:
        ordinal = tok.ent_type_ == "ORDINAL" and tok.i and doc[tok.i - 1].lower_ == "a"
        if tok.lower_ != "another" and not ordinal:
            continue
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        attached = tok.head == verb or tok.head.head == verb or tok.head.head.head == verb
        site = next((t for t in doc[tok.i + 2:min(len(doc), tok.i + 5)] if t.pos_ == "NOUN"), None)
        if after is not None and after.lower_ in ("in", "on") and attached and tok.dep_ in ("dep", "conj", "npadvmod") \
                and site is not None and site.lemma_.lower() in lexicon.wound_sites:
            return tok
    return None


def _included_victim(tok: Token) -> Token | None:
    """ "the dead included a girl and her grandmother", "the wounded include two officers": the object."""
    if tok.dep_ != "nsubj" or tok.head.lemma_ != "include" or not any(c.lower_ == "the" for c in tok.children):
        return None
    return child_of(tok.head, "dobj")


def _claims_at(tok: Token, trig: Trigger, sent: DocSpan, article_id: str, lexicon: ClaimLexicon) -> list[Found]:
    if trig.extra == "toll":
        return _toll_claims(tok, sent, article_id, lexicon)
    number = _counted_by(tok)
    if number is not None and _toll_value(number, lexicon) is not None:
        return _toll_claims(number, sent, article_id, lexicon, trig.measure)  # the counted word's measure
    if number is not None and any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ != "a" for c in number.children):
        return []  # "still confirming the number of casualties": no figure ("a number of casualties" is some)
    among = _among_victim(tok)
    if among is not None:
        return _victim_claims(tok, trig.measure, among, sent, article_id, lexicon)
    included = _included_victim(tok)
    if included is not None:  # some of the dead: at least these
        return [(t, replace(c, figure=Figure(c.figure.low, None, c.figure.text)))
                for t, c in _victim_claims(tok, trig.measure, included, sent, article_id, lexicon)]
    if tuple_word(tok, lexicon) is not None:  # "a quadruple shooting": the noun counts its own victims
        return [] if under_irrealis(tok, lexicon) else _victim_claims(tok, trig.measure, tok, sent, article_id, lexicon)
    if tok.pos_ == "NOUN" and _is_idle_noun(tok, lexicon):
        return []
    if tok.pos_ == "VERB" and tok.tag_ == "VBG" and tok.dep_ in ("pobj", "nsubj", "dobj", "compound"):
        return []  # "a Tuesday night shooting": the event, not a victim count
    if tok.pos_ == "VERB" and (is_irrealis(tok, lexicon) or trig.extra == "shot" and missed(tok)):
        return []
    if under_irrealis(tok, lexicon):
        return []
    measure = _measure_of(tok, trig, lexicon)
    if measure is None or measure is Measure.DISPLACED and _status_word(tok):
        return []
    victim = _victim_of(tok, trig, lexicon)
    own = None
    if victim is not None and victim.ent_type_ in _NOT_VICTIMS and not vx.is_aged(victim) \
            and not vx.is_quantity(victim, lexicon) and not vx.listed_with_person(victim):  # "and wounding 40": a count the tagger took for a date
        victim = None  # "wounded Monday evening", "a shooting west of Pittsboro": misparses, not victims
    if victim is not None and victim.i > tok.i and is_headline(tok.sent) \
            and any(vx.is_separator(t) for t in tok.doc[tok.i:victim.i]):
        victim = None  # "in teen's shooting death - WXYZ Action News 9": the page's name after the headline (only
        # there: a tokenised "20-year - old man" keeps its dash spaced)
    if victim is None:
        victim, own = _inherited(tok, lexicon), _own_count(tok, lexicon)
        if trig.extra == "flee" and victim is not None and victim.dep_ == "dobj":
            victim = None  # "Gunmen left three guards wounded and fled": who left them fled
    if victim is None:
        victim = _count_before(tok, lexicon)
    if victim is None or victim.lemma_.lower() in lexicon.materiel or victim.lemma_.lower() in lexicon.projectiles \
            or victim.lemma_.lower() in lexicon.not_victims or _shot_to_death(tok, victim, lexicon):
        return []  # "fired a dozen rounds into his house", "Image 4 of 11 Two men ...", "hurting a lot"
    if victim.like_num and vx.counts_children(victim):
        victim = victim.doc[victim.i - 2]  # "Mother of two killed in drive-by shooting": the mother
    victim = _postposed_owner(victim, tok, lexicon)
    victim, own = _out_of_dateline(victim, own)
    if victim is None:
        return []
    victim = vx.ages_owner(_hyphenated_head(victim))
    if trig.extra == "flee" and victim.lemma_.lower() in lexicon.perpetrators:
        return []  # "the attackers fled toward the border": a getaway, nobody displaced
    if _other_cause(tok, lexicon):
        return []  # "Delacroix died in a motorcycle crash on the interstate": no attack's casualty
    if _either_casualty(tok, lexicon) and vx.phrase_figure(own if own is not None else victim, lexicon) is None \
            and not vx.negation_word(victim, tok):
        return []  # "reckless discharge causing injury or death", "to harm or kill another person"
    claims = _victim_claims(tok, measure, victim, sent, article_id, lexicon, own)
    if trig.extra == "denial" and not all(claim.negated for _, claim in claims):
        return []
    other = _gapped_victim(tok, lexicon) if tok.pos_ == "VERB" and not any(c.negated for _, c in claims) else None
    if other is not None:  # "One man was shot in the leg, another in the hand"
        claims += [(o, c) for o, c in _victim_claims(tok, measure, other, sent, article_id, lexicon)
                   if c.span.start != claims[0][1].span.start]
    return _split_fatal(tok, claims, sent, article_id, lexicon) if trig.extra == "shot" else claims


_NEWLY = frozenset({"newly", "recently", "just"})


def _either_casualty(tok: Token, lexicon: ClaimLexicon) -> bool:
    """ "causing injury or death", "to harm or kill another person": one casualty word or another, a
    charge's or a law's wording, tells no one hurt; with a count ("killed or wounded 30") it still counts."""
    pair = [c for c in tok.conjuncts if c != tok]
    ors = [t for t in (tok, *pair) for t in t.children if t.dep_ == "cc"]
    return bool(pair) and bool(ors) and all(t.lower_ == "or" for t in ors) \
        and any(trigger_of(c, lexicon) is not None for c in pair)


def _status_word(tok: Token) -> bool:
    """ "a homeless man was stabbed", "a camp for displaced people": an attributive "displaced" or
    "homeless" says who people are, uprooted before; no one is displaced by the event told ("2,000
    newly displaced families arrived" still are)."""
    return tok.dep_ == "amod" and not any(c.lower_ in _NEWLY for c in tok.children)


def _count_before(tok: Token, lexicon: ClaimLexicon) -> Token | None:
    """ "had counted 19 bodies and more than 30 wounded": a casualty word right after a count, with no
    victim of its own in the parse, describes that count (the parser made "30" a conjunct of "bodies")."""
    before = tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
    if before is None or before.dep_ != "conj" or not vx.is_quantity(before, lexicon) or tok.pos_ not in ("VERB", "ADJ"):
        return None
    return before


def _told_by_other(member: Token, measure: Measure, lexicon: ClaimLexicon) -> bool:
    """ "19 bodies and more than 30 wounded": a conjunct whose own casualty word follows it is counted
    by that word, in its measure, not by this one."""
    after = member.doc[member.i + 1] if member.i + 1 < member.sent.end else None
    trig = trigger_of(after, lexicon) if after is not None and after.head != member else None
    return trig is not None and trig.measure is not measure and trig.measure is not Measure.DAMAGED


def _described_otherwise(member: Token, tok: Token, measure: Measure, lexicon: ClaimLexicon) -> bool:
    """ "found 19-year-old Carl Jennings dead and another man wounded": a member that another casualty
    word of the other measure describes ("dead" on Jennings) is that word's victim, not this one's."""
    for child in member.children:
        trig = trigger_of(child, lexicon) if child != tok and child.dep_ in ("amod", "acl") else None
        if trig is not None and {trig.measure, measure} == {Measure.KILLED, Measure.INJURED}:
            return True
    return False


def _shot_to_death(tok: Token, victim: Token, lexicon: ClaimLexicon) -> bool:
    """ "charged in the shooting death of a teen girl": the death is the claim, read from its noun."""
    trig = lexicon.nouns.get(victim.lemma_.lower())
    return tok.pos_ == "VERB" and trig is not None and trig.measure is Measure.KILLED


def _postposed_owner(victim: Token, tok: Token, lexicon: ClaimLexicon) -> Token:
    """ "left a boy dead and two other teenagers wounded": the parse hangs "wounded" on "man", which
    "dead" already describes; it tells the conjunct just before it."""
    if tok.head != victim or tok.i < victim.i or tok.dep_ not in ("amod", "acl"):
        return victim
    between = [c for c in victim.conjuncts if victim.i < c.i < tok.i]
    described = any(t != tok and t.i > victim.i and t.dep_ in ("amod", "acl") and trigger_of(t, lexicon)
                    for t in victim.children)
    return between[-1] if between and described else victim


def _out_of_dateline(victim: Token, own: Token | None) -> tuple[Token | None, Token | None]:
    """ "ARAUCA, Colombia - Three soldiers were killed": with no outlet in the dateline the parser may
    make the town the subject and hang the soldiers on it, or hang "Three" on "Colombia" or parse it as
    a compound. The victim is a noun after the dateline's dash (None if there is none), its count the
    number right after the dash when the parse hung it so."""
    dash = vx.dateline_dash(victim.sent)
    if dash is None:
        return victim, own
    if victim.i < dash.i:
        victim = next((t for t in victim.subtree if t.i > dash.i and t.head.i < dash.i
                       and t.pos_ in ("NOUN", "PROPN", "ADJ", "NUM")), None)  # "A 16-year-old"
    if victim is None or own is not None:
        return victim, own
    count = next((t for t in victim.doc[dash.i + 1:victim.i] if not t.is_space), None)
    glued = count is not None and (count.head.i < dash.i or count.dep_ == "compound")  # not "Two dozen"
    return victim, count if glued and count.like_num else None


def _is_hit_by_projectile(tok: Token, lexicon: ClaimLexicon) -> bool:
    """ "hit by a stray bullet", "a round struck the boy": a damage verb that wounded a person."""
    causes = [c for c in tok.children if c.dep_ == "nsubj"]
    causes += [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return tok.pos_ == "VERB" and (any(c.lemma_.lower() in lexicon.projectiles for c in causes)
                                   or _hit_by_firing(tok, lexicon))


def _hit_by_firing(tok: Token, lexicon: ClaimLexicon) -> bool:
    """ "fired at least 10 shots, hitting two people", "opened fire, striking a man": a person hit by
    the firing the clause hangs on."""
    if tok.dep_ not in ("advcl", "conj") or tok.tag_ != "VBG":
        return False
    head = tok.head
    fired = head.lemma_ in ("fire", "shoot") or any(
        c.dep_ == "dobj" and c.lemma_.lower() in lexicon.projectiles for c in head.children)
    hit = child_of(tok, "dobj")
    person = hit is not None and (hit.lemma_.lower() in lexicon.victims or hit.lemma_.lower() in lexicon.persons
                                  or hit.ent_type_ == "PERSON" or hit.lower_ in ("him", "her", "them")
                                  or hit.pos_ == "NUM")  # "striking one in the arm"
    return fired and person


def casualty_claims(sent: DocSpan, article_id: str, lexicon: ClaimLexicon,
                    words: Sequence[int] | None = None) -> list[Found]:
    """Every casualty figure in one sentence, each with the word that reported it (for attribution).
    `words`: the indices of the sentence's claim words (claims._claim_words), if known; only they
    can report a figure, and reading just them spares a Token per word."""
    found: list[Found] = []
    for tok in tokens_at(sent, words):
        if _dead_end(tok) or _rate(tok):
            continue
        trig = trigger_of(tok, lexicon)
        if tok.lemma_ == "death" and tok.dep_ == "pobj" and tok.head.lower_ == "to":
            found.extend(_to_death(tok, sent, article_id, lexicon))
        elif trig is not None and trig.measure is not Measure.DAMAGED:
            found.extend(_claims_at(tok, trig, sent, article_id, lexicon))
        elif trig is not None and trig.extra == "weak" and _is_hit_by_projectile(tok, lexicon):
            found.extend(_claims_at(tok, Trigger(Measure.INJURED, "shot"), sent, article_id, lexicon))
    return [(tok, claim) for tok, claim in found if not _age_bound(sent, claim)]


_BOUNDS = frozenset({"under", "over", "above", "below"})


def _rate(tok: Token) -> bool:
    """ "19.3 deaths per 100,000 people": a rate, no count of anyone."""
    return any(c.dep_ == "prep" and c.lower_ == "per" for c in tok.children) \
        or any(c.dep_ == "nummod" and re.fullmatch(r"\d*\.\d+", c.text) for c in tok.children)


def _age_bound(sent: DocSpan, claim: Claim) -> bool:
    """ "kids under six are being shot": an age bound, no count of the shot."""
    span = sent.doc.char_span(claim.span.start, claim.span.end)
    return span is not None and len(span) == 1 and span[0].like_num and span[0].dep_ == "pobj" \
        and span[0].head.lower_ in _BOUNDS


def _dead_end(tok: Token) -> bool:
    """ "the dead end street", "a dead-end road": a street's, no one's death."""
    after = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    after = after.nbor(1) if after is not None and after.text == "-" and after.i + 1 < len(tok.doc) else after
    return tok.lower_ == "dead" and after is not None and after.lower_ in ("end", "ends")


def tuple_claims(sent: DocSpan, article_id: str, lexicon: ClaimLexicon,
                 words: Sequence[int] | None = None, told_dead: int = 0) -> list[Found]:
    """The figures of "a quadruple shooting", "double homicide" alone: a headline's reader counts the
    rest of it ("Quadruple Shooting Leaves 1 Dead"). `told_dead`: deaths told elsewhere (a headline
    that tells none, over a body that does), taken out of the shot count ("Chester Quadruple Shooting"
    over a body with one dead is 3 hurt)."""
    return tuples_less_dead([(tok, claim) for tok, claim in casualty_claims(sent, article_id, lexicon, words)
                             if tuple_word(tok, lexicon) is not None], lexicon, told_dead)


def tuples_less_dead(found: list[Found], lexicon: ClaimLexicon, told_dead: int) -> list[Found]:
    """The claims with `told_dead` taken out of each tuple's shot count (dropped when none is left),
    unless they tell a death themselves (extract.outcomes settles those)."""
    if not told_dead or any(claim.measure is Measure.KILLED for _, claim in found):
        return found
    kept = []
    for tok, claim in found:
        n = claim.figure.low
        if tuple_word(tok, lexicon) is not None and claim.measure is Measure.INJURED and n is not None \
                and n == claim.figure.high:
            if n <= told_dead:
                continue
            claim = replace(claim, figure=Figure(n - told_dead, n - told_dead, claim.figure.text))
        kept.append((tok, claim))
    return kept


def _to_death(tok: Token, sent: DocSpan, article_id: str, lexicon: ClaimLexicon) -> list[Found]:
    """ "nine of the children were beaten to death": any verb "to death" kills."""
    verb = tok.head.head
    if verb.pos_ != "VERB" or trigger_of(verb, lexicon):
        return []
    victim = _verb_victim(verb, lexicon, Trigger(Measure.KILLED))
    if victim is None or is_irrealis(verb, lexicon):
        return []
    return _victim_claims(verb, Measure.KILLED, victim, sent, article_id, lexicon)
