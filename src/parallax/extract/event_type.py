"""Find the words that name violent and political events in a sentence and type them the ACLED way."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from parallax.extract.trigger_keys import doc_keys, may_trigger, token_keys
from parallax.extract.trigger_lexicon import Evidence, TriggerEntry, TriggerLexicon, load_trigger_lexicon
from parallax.nlp.arrays import token_table

NON_INCIDENT_CAP = 0.45  # just under frames.MIN_TRIGGER_SCORE: typing evidence, never an incident
REFERENCE_WEIGHT = 0.6  # in a sentence's type, an event pointed at counts less than one told
BARE_PLURAL = 0.6
HISTORICAL = 0.4
MODIFIER_USE = 0.3
MOD_CERTAINTY = 0.2  # a weapon or actor word attached to a weak verb ("warplanes pounded") confirms it
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_NOT_EVENTS = frozenset({"DATE", "TIME", "PERSON", "CARDINAL", "ORDINAL", "MONEY", "PERCENT",
                         "QUANTITY", "WORK_OF_ART", "LAW"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
_REACH_DEPS = frozenset({"prep", "agent", "compound", "amod", "poss"})
_GOVERNED_DEPS = frozenset({"dobj", "nsubjpass", "xcomp", "ccomp", "attr", "oprd", "pcomp", "acomp", "acl"})
_GOVERNING_PREPS = frozenset({"of", "for", "on", "against", "about", "to", "from"})
_DETERMINER_DEPS = frozenset({"det", "poss", "predet", "amod"})
_COUNTED_DEPS = frozenset({"det", "poss", "nummod", "quantmod", "predet"})
ContextHit = tuple[str, float, int]  # code, weight, index of the word's last token
_FOUND_KEY = "parallax.triggers_found"  # doc.user_data: (start, end) -> (lexicon, [_Found])


@dataclass(frozen=True, slots=True)
class EventTrigger:
    """A word or phrase naming an event, typed; `start_token`/`end_token` index the Doc.

    `evidence` holds each taxonomy code's weight: the trigger word's own (data/event_triggers.tsv),
    plus mods in its phrase, dependents and governor ("air", "warplanes", "suicide"), which may add
    a code, plus cues, agents and context words, which only re-rank codes already proposed.

    `score` says how surely the word reports one event that happened: the word's own certainty
    times `factor`, the product of multipliers for a collocate that makes it no event ("struck a
    deal": 0, and then find_triggers leaves it out), a governor that makes it unreal ("threatened to
    strike", "defused a bomb"), a modal or habitual adverb ("would strike", "usually strikes"), a
    negation ("no attacks"), a generic determiner ("any attack"), a bare plural under a preposition
    ("rules for air strikes"), a bare year ("the 2011 bombardment") or a use as another noun's
    modifier ("riot police"). Generic words ("the war", "the conflict", "violence") carry low
    certainty of their own. Under frames.MIN_TRIGGER_SCORE (0.5) a trigger opens no incident; the
    non-ACLED classes (talks, disasters, crime) are capped under it and only inform typing.

    `is_reference` marks a noun that points at an event told elsewhere: a definite or possessive
    determiner ("the strike", "Thursday's strike", "its attack") or a governor that reports on an
    event ("condemned a strike"). An indefinite noun ("a strike", "an air strike") or a verb
    ("struck") tells a new event. extract.mentions attaches references to an incident already open.
    """

    start_token: int
    end_token: int
    lemma: str
    event_type: str
    sub_event_type: str
    score: float
    is_reference: bool = False
    code: str = ""  # the taxonomy code (CASE 2021 spelling)
    evidence: tuple[tuple[str, float], ...] = ()  # every code's weight, strongest first
    factor: float = 1.0  # the multipliers in `score` (collocates, governors, modality, genericity)


def _trigger_kind(token: Token) -> str | None:
    if token.ent_type_ in _NOT_EVENTS:
        return None
    if token.pos_ in _NOUN_POS:
        return "noun"
    # the tagger calls some predicative participles adjectives ("were lynched")
    participle = token.pos_ == "ADJ" and token.dep_ != "amod" and token.tag_ in ("VBN", "VBD")
    if token.pos_ == "VERB" or participle:
        return "verb"
    return None


def _previous(token: Token, sent: SpacySpan) -> Token | None:
    """The token before, skipping the hyphens that split "air-strike" and "sit-in"."""
    i, table = token.i - 1, token_table(token.doc)
    while i >= sent.start and table.word(i) in ("-", "–"):
        i -= 1
    return token.doc[i] if i >= sent.start else None


def ends_phrase(token: Token, words: tuple[str, ...], sent: SpacySpan) -> list[Token] | None:
    """The tokens of `words` when it is written ending at `token`, else None."""
    found = [token]
    for word in reversed(words[:-1]):
        before = _previous(found[-1], sent)
        if before is None or word not in token_keys(before):
            return None
        found.append(before)
    return found[::-1]


def _verb_phrase(token: Token, words: tuple[str, ...], sent: SpacySpan) -> list[Token] | None:
    """A verb phrase's other words hang off the verb ("blew himself up") or follow it."""
    nearby = [*token.children, *(g for c in token.children for g in c.children)]
    nearby += [token.doc[i] for i in range(token.i + 1, min(token.i + 4, sent.end))]
    found = [token]
    for word in words[1:]:
        match = next((t for t in nearby if word in token_keys(t) and t not in found), None)
        if match is None:
            return None
        found.append(match)
    return found


def _match(token: Token, lex: TriggerLexicon, sent: SpacySpan) -> tuple[TriggerEntry, list[Token]] | None:
    kind = _trigger_kind(token)
    if kind is None:
        return None
    for key in token_keys(token):
        for entry in lex.triggers.get((key, kind), ()):
            if kind == "noun":
                tokens = ends_phrase(token, entry.words, sent)
            else:
                tokens = _verb_phrase(token, entry.words, sent)
            if tokens is not None:
                return entry, tokens
    return None


def _modifier_use(token: Token) -> bool:
    """A trigger word modifying another noun names no event of its own ("riot police", "Covid-19
    cases"): it keeps MODIFIER_USE of its score, so it still informs typing; inside an event noun
    ("missile attack") it is that noun's mod."""
    head = token.head
    return token.dep_ in _MODIFIER_DEPS and head.i != token.i and head.pos_ in _NOUN_POS


def _expand(tokens: list[Token]) -> list[Token]:
    """Add what a noun stands for: its conjuncts, compounds ("an army checkpoint") and "of" object
    ("a lot of weapons")."""
    more = [c for t in tokens for c in t.children if c.dep_ in ("conj", "compound")]
    more += [g for t in [*tokens, *more] for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
             for g in c.children if g.dep_ == "pobj"]
    return [*tokens, *more]


def _neighbourhood(token: Token, phrase: list[Token]) -> tuple[list[Token], list[Token]]:
    """Tokens whose words can type a trigger: its dependents (through prepositions and compounds),
    its governor (lifted over a preposition) and the governor's other dependents; and, apart, its
    themes (a verb's object, a noun's "of" object), which only re-rank: "defused a bomb" stays a
    defusal, "fired rockets" a rocket attack because "fire" already proposed it."""
    verb = token.pos_ not in _NOUN_POS
    themes = [c for c in token.children if verb and c.dep_ in ("dobj", "nsubjpass")]
    themes += [g for c in token.children if not verb and c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children]
    near = [c for c in token.children if c not in themes]
    near += [g for c in near if c.dep_ in _REACH_DEPS for g in c.children if g not in themes]
    head = token.head
    if head.dep_ in ("prep", "agent") and head.head.i != head.i:
        head = head.head
    if head.i != token.i:
        near.append(head)
        near += [s for s in head.children if s.i != token.i and s.dep_ not in ("cc", "punct", "conj")]
        near += [g for s in head.children if s.dep_ in ("prep", "agent") and s.i != token.head.i
                 for g in s.children]
    inside = {t.i for t in phrase}
    return [t for t in near if t.i not in inside], [t for t in _expand(themes) if t.i not in inside]


def _subjects(node: Token) -> list[Token]:
    found = [c for c in node.children if c.dep_ in ("nsubj", "poss")]
    found += [g for c in node.children
              if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in ("by", "between"))
              for g in c.children if g.dep_ == "pobj"]
    return [node.head if f.lower_ in ("who", "which", "that") and node.dep_ == "relcl" else f for f in found]


def agents(token: Token) -> list[Token]:
    """Who did it: the trigger's subject, "by" phrase or possessor; for a verb without one, that of
    the verb it is coordinated with or completes ("attacked and took over the town"); for an object
    noun, its verb's subject ("militants launched an attack")."""
    node = token
    for _ in range(3):
        found = _subjects(node)
        if found:
            return _expand(found)
        if node.dep_ not in ("conj", "xcomp", "advcl", "dobj") or node.head.i == node.i:
            return []
        node = node.head
    return []


def _phrase_evidence(tokens: Iterable[Token], index, sent: SpacySpan) -> Iterator[Evidence]:
    """Each mod, cue or context phrase (from `index`) written ending at one of `tokens`, once;
    "anti-aircraft" and "anti-tank" name defences, not the weapon."""
    seen: set[tuple[tuple[str, ...], str]] = set()
    for token in tokens:
        keys = [key for key in token_keys(token) if key in index]
        if not keys:  # most tokens: no need to look at the word before
            continue
        before = _previous(token, sent)
        if before is not None and before.lower_ == "anti":
            continue
        for key in keys:
            for evidence in index[key]:
                marker = (evidence.words, evidence.code)
                if marker not in seen and ends_phrase(token, evidence.words, sent) is not None:
                    seen.add(marker)
                    yield evidence


def sentence_context(span: SpacySpan, lex: TriggerLexicon) -> tuple[ContextHit, ...]:
    """The context words of a sentence (or a whole snippet) and where they end."""
    hits, doc, keys = [], span.doc, doc_keys(span.doc)
    for i in range(span.start, span.end):
        for key in keys[i]:
            for evidence in lex.context.get(key, ()):
                if ends_phrase(doc[i], evidence.words, span) is not None:
                    hits.append((evidence.code, evidence.weight, i))
    return tuple(hits)


def _own_weights(token: Token, entry: TriggerEntry, phrase: list[Token],
                 lex: TriggerLexicon, sent: SpacySpan) -> tuple[dict[str, float], set[str]]:
    """Each code's evidence for one trigger before context words, and the codes a mod attached
    to it supports."""
    near, themes = _neighbourhood(token, phrase)
    weights = dict(entry.weights)
    supported = set()
    for evidence in _phrase_evidence(near, lex.mods, sent):
        weights[evidence.code] = weights.get(evidence.code, 0.0) + evidence.weight
        supported.add(evidence.code)
    reranking = [(near + themes, lex.cues), (themes, lex.mods), (agents(token), lex.agents)]
    for tokens, index in reranking:
        for evidence in _phrase_evidence(tokens, index, sent):
            if evidence.code in weights:
                weights[evidence.code] += evidence.weight
    return weights, supported


def _with_context(own: dict[str, float], inside: tuple[int, ...],
                  context: tuple[ContextHit, ...]) -> dict[str, float]:
    weights = dict(own)
    counted = set()
    for code, value, index in context:
        # a trigger's own word is no context for it, and a word repeated counts once
        if code in weights and index not in inside and (code, value) not in counted:
            counted.add((code, value))
            weights[code] += value
    return weights


def _collocate_factor(token: Token, lex: TriggerLexicon) -> float:
    """How far a dependent makes the trigger no event: "struck a deal", "attacked the policy"."""
    pairs = [lex.collocates[k] for k in token_keys(token) if k in lex.collocates]
    if not pairs:
        return 1.0
    # through a preposition too ("war on terror", "fought against corruption"), but not "in":
    # "rallied in support of", "marched in protest at" name what the event is for
    dependents = [*token.children, *(g for c in token.children
                                     if c.dep_ == "prep" and c.lower_ != "in" for g in c.children)]
    factor = 1.0
    for pair in pairs:
        for dep in dependents:
            for key in (*token_keys(dep), "@" + dep.dep_):
                factor = min(factor, pair.get(key, 1.0))
    return factor


def governors(token: Token, hops: int = 3) -> Iterator[Token]:
    """The words a trigger is the object or complement of: "threatened to strike", "warned of
    attacks", "condemned the strike"; not the verbs of a sentence it merely sits in."""
    node = token
    for _ in range(hops):
        head = node.head
        if head.i == node.i:
            return
        if node.dep_ in ("pobj", "pcomp") and head.dep_ == "prep" and head.lower_ in _GOVERNING_PREPS:
            head = head.head
        elif node.dep_ not in _GOVERNED_DEPS:
            return
        yield head
        node = head


def _negated(token: Token, lex: TriggerLexicon) -> float:
    factor = 1.0
    for child in token.children:
        if child.dep_ in ("neg", "det", "prep", "advmod"):
            factor = min(factor, lex.negations.get(child.lower_, 1.0))
    return factor


def _modality(token: Token, lex: TriggerLexicon) -> float:
    """Auxiliaries and habitual adverbs on the trigger or, for a noun, on the verb it is the object
    or subject of ("will launch an attack", "air strikes usually hit")."""
    holders = [token]
    if token.pos_ in _NOUN_POS and token.dep_ in ("dobj", "nsubj", "nsubjpass") and token.head.i != token.i:
        holders.append(token.head)
    factor = 1.0
    for holder in holders:
        factor = min(factor, _negated(holder, lex))
        for child in holder.children:
            if child.dep_ in ("aux", "advmod"):
                factor = min(factor, lex.modals.get(child.lemma_.lower(), 1.0))
    return factor


def _determiners(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ in _DETERMINER_DEPS]


def _is_year(token: Token) -> bool:
    return token.ent_type_ == "DATE" and len(token.text) == 4 and token.text.isdigit()


def _generic_factor(token: Token, lex: TriggerLexicon) -> float:
    """Determiners that make the trigger no single event ("any attack"), a bare plural under a
    preposition ("rules for air strikes"), or a bare year ("the 2011 bombardment", "killed in
    2014"): background history, not news."""
    factor = min((lex.generic.get(c.lower_, 1.0) for c in _determiners(token)), default=1.0)
    counted = any(c.dep_ in _COUNTED_DEPS for c in token.children)
    if token.tag_ in ("NNS", "NNPS") and token.dep_ == "pobj" and not counted:
        factor *= BARE_PLURAL
    dated = [*token.children, *(g for c in token.children if c.dep_ == "prep" for g in c.children)]
    if any(_is_year(d) for d in dated):
        factor *= HISTORICAL
    return factor


def _is_reference(token: Token, lex: TriggerLexicon, governed_by: list[Token]) -> bool:
    if any(g.lemma_.lower() in lex.reporting for g in governed_by):
        return True
    if token.pos_ not in _NOUN_POS:
        return False
    return any(c.dep_ == "poss" or c.lower_ in lex.references for c in _determiners(token))


def _certainty(token: Token, lex: TriggerLexicon) -> tuple[float, bool]:
    """The score multiplier from collocates, governors, modality and genericity; and whether the
    trigger is a reference."""
    governed_by = list(governors(token))
    factor = _collocate_factor(token, lex) * _modality(token, lex) * _generic_factor(token, lex)
    for governor in governed_by:
        factor *= lex.governors.get(governor.lemma_.lower(), 1.0) * _negated(governor, lex)
    return factor, _is_reference(token, lex, governed_by)


def _best(weights: dict[str, float], lex: TriggerLexicon) -> str:
    """The strongest code; on a tie, the one listed first in taxonomy.tsv."""
    return max(weights, key=lambda code: (weights[code], -lex.rank[code]))


@dataclass(frozen=True, slots=True)
class _Found:
    """What a trigger is, whatever the context words: its place, phrase and own evidence."""

    entry: TriggerEntry
    start: int
    end: int
    phrase: tuple[int, ...]  # token indices
    owned: frozenset[int]  # the phrase and its modifiers (_owned)
    own_weights: dict[str, float]
    supported: frozenset[str]
    factor: float
    reference: bool


def _found(token: Token, entry: TriggerEntry, phrase: list[Token], lex: TriggerLexicon,
           sent: SpacySpan) -> _Found:
    weights, supported = _own_weights(token, entry, phrase, lex, sent)
    factor, reference = _certainty(token, lex)
    if _modifier_use(token):
        factor *= MODIFIER_USE
    start, end = min(t.i for t in phrase), max(t.i for t in phrase) + 1
    if entry.kind == "verb":
        start, end = token.i, token.i + 1  # a verb phrase's particles may sit far from the verb
    return _Found(entry, start, end, tuple(t.i for t in phrase), frozenset(_owned(token, phrase)),
                  weights, frozenset(supported), factor, reference)


def _sentence_found(sent: SpacySpan, lex: TriggerLexicon) -> list[_Found]:
    """The sentence's triggers before context words, worked out once per Doc, sentence and
    lexicon: retyping reads every sentence again with the article's context
    (event_classifier.snippet_triggers)."""
    cache = sent.doc.user_data.setdefault(_FOUND_KEY, {})
    held = cache.get((sent.start, sent.end))
    if held is None or held[0] is not lex:
        held = (lex, [_found(token, entry, phrase, lex, sent) for token, entry, phrase in _matches(sent, lex)])
        cache[(sent.start, sent.end)] = held
    return held[1]


def _build(found: _Found, context: tuple[ContextHit, ...], lex: TriggerLexicon) -> EventTrigger:
    weights = _with_context(found.own_weights, found.phrase, context)
    code = _best(weights, lex)
    entry, factor = found.entry, found.factor
    certainty = min(1.0, entry.event + (MOD_CERTAINTY if code in found.supported else 0.0))
    event_class = lex.event_class(code)
    score = certainty * factor if event_class.incident else min(NON_INCIDENT_CAP, certainty * factor)
    evidence = tuple(sorted(((c, round(w, 3)) for c, w in weights.items() if w > 0), key=lambda p: -p[1]))
    start, end, reference = found.start, found.end, found.reference
    return EventTrigger(start, end, " ".join(entry.words), event_class.event_type,
                        event_class.sub_event_type, round(score, 3), reference, code, evidence,
                        round(factor, 3))


def _matches(sent: SpacySpan, lex: TriggerLexicon) -> list[tuple[Token, TriggerEntry, list[Token]]]:
    """Each trigger word's head token, lexicon entry and phrase tokens, in text order."""
    found = []
    claimed: set[int] = set()
    doc, possible = sent.doc, may_trigger(sent.doc, lex.triggers)
    for i in range(sent.start, sent.end):
        # a token none of whose forms is a trigger word in any kind cannot match (_match)
        if i in claimed or not possible[i]:
            continue
        token = doc[i]
        match = _match(token, lex, sent)
        if match is None or (_modifier_use(token) and _match(token.head, lex, sent) is not None):
            continue
        claimed.update(t.i for t in match[1])
        found.append((token, *match))
    return found


def _owned(token: Token, phrase: list[Token]) -> set[int]:
    """A trigger's phrase and the modifiers in front of it ("the cruise missile assault")."""
    modifiers = [c for c in token.children if c.dep_ in _MODIFIER_DEPS]
    modifiers += [g for c in modifiers for g in c.children if g.dep_ in _MODIFIER_DEPS]
    return {t.i for t in (*phrase, *modifiers)}


def find_triggers(sent: SpacySpan, lexicon: TriggerLexicon | None = None,
                  context: tuple[ContextHit, ...] | None = None) -> list[EventTrigger]:
    """Every event word in the sentence, typed and scored, in text order; references included.
    Words scoring 0 ("struck a deal") are left out. `context` defaults to the sentence's own; a
    context word inside another trigger's phrase types that trigger only ("Thursday's strike
    followed the cruise missile assault": "missile" says nothing about the strike)."""
    lex = lexicon or load_trigger_lexicon("")
    founds = _sentence_found(sent, lex)
    if not founds:  # most sentences: no need to read their context words
        return []
    context = sentence_context(sent, lex) if context is None else context
    found = []
    for k, one in enumerate(founds):
        others = set().union(*(o.owned for j, o in enumerate(founds) if j != k))
        own_context = tuple(hit for hit in context if hit[2] not in others)
        trigger = _build(one, own_context, lex)
        if trigger.factor > 0:  # "struck a deal", "heart attack": no event at all
            found.append(trigger)
    return found


def code_totals(triggers: Iterable[EventTrigger]) -> dict[str, float]:
    """Each code's evidence summed over the triggers, times their `factor`, references at
    REFERENCE_WEIGHT; only codes with positive evidence."""
    totals: dict[str, float] = {}
    for trigger in triggers:
        weight = trigger.factor * (REFERENCE_WEIGHT if trigger.is_reference else 1.0)
        for code, value in trigger.evidence:
            totals[code] = totals.get(code, 0.0) + weight * value
    return {code: value for code, value in totals.items() if value > 0}


def best_code(triggers: Iterable[EventTrigger], lexicon: TriggerLexicon | None = None) -> tuple[str, float]:
    """The taxonomy code the triggers' evidence points to and a confidence; ("", 0.0) without any.

    Each trigger adds its evidence times its `factor`, references at REFERENCE_WEIGHT, so a weapon
    word ("air strike") outweighs an outcome ("killed") and a told event outweighs one pointed at.
    Confidence is the winner's share of all evidence, damped when the winner's evidence is weak."""
    lex = lexicon or load_trigger_lexicon()
    totals = code_totals(triggers)
    if not totals:
        return "", 0.0
    code = _best(totals, lex)
    return code, round(totals[code] / sum(totals.values()) * min(1.0, totals[code]), 3)


def type_triggers(triggers: Iterable[EventTrigger],
                  lexicon: TriggerLexicon | None = None) -> tuple[str, str, float]:
    """(event_type, sub_event_type, confidence) of best_code; ("", "", 0.0) without evidence."""
    lex = lexicon or load_trigger_lexicon()
    code, confidence = best_code(triggers, lex)
    if not code:
        return "", "", 0.0
    event_class = lex.event_class(code)
    return event_class.event_type, event_class.sub_event_type, confidence


def classify_sentence(sent: SpacySpan, lexicon: TriggerLexicon | None = None) -> tuple[str, str, float]:
    """The sentence's event type from its triggers plus its context words; ("", "", 0.0) if none."""
    return type_triggers(find_triggers(sent, lexicon), lexicon)


def snippet_triggers(doc: Doc, lexicon: TriggerLexicon | None = None) -> list[EventTrigger]:
    """Every sentence's triggers, typed with the whole snippet's context words: a snippet tells one
    event, so "dispersed" in one sentence types the gathering in the next."""
    lex = lexicon or load_trigger_lexicon()
    context = sentence_context(doc[:], lex)
    return [t for sent in doc.sents for t in find_triggers(sent, lex, context)]


def classify_text(text: str, nlp: Language, lexicon: TriggerLexicon | None = None) -> tuple[str, str, float]:
    """The event type of a whole snippet (see snippet_triggers)."""
    return type_triggers(snippet_triggers(nlp(text), lexicon), lexicon)
