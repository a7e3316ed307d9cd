"""Mark how a claim is held: hedged, denied, or a war-wide toll rather than one incident's."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from parallax.extract.claim_lexicon import ClaimLexicon, names_city_shootings
from parallax.nlp.arrays import sentence_text, token_table
from parallax.nlp.entities import entities_starting_in, entities_within
from parallax.schema import Claim, Figure, Measure, Stance

_SINCE_YEAR = re.compile(r"\bsince\b[^.;]{0,30}?\b(?:19|20)\d\d\b|\bsince (?:the )?(?:start|beginning|"
                         r"january|february|march|april|may|june|july|august|september|october|november|december)\b",
                         re.IGNORECASE)
_DAY_SHOOTINGS = re.compile(r"\b(?:weekend|overnight|holiday|monday|tuesday|wednesday|thursday|friday|saturday|"
                            r"sunday)(?:\s+(?:night|morning|evening))?\s+(?:shootings|violence)\b", re.IGNORECASE)
_MONTH_ONLY = re.compile(r"^(?:(?:in|during|for|through|of)\s)?(?:january|february|march|april|may|june|july|"
                         r"august|september|october|november|december)$", re.IGNORECASE)
_MANY_EVENTS = re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine|ten|several|multiple|numerous|[2-9]|\d\d+)\s+"
                          r"(?:separate\s+|different\s+|other\s+|unrelated\s+)?(?:shootings|attacks|incidents)\b",
                          re.IGNORECASE)  # "wounded in two shootings", "Four shootings left five people hurt"
_SINCE_DAY = re.compile(r"\bsince (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE)
_PERIOD = re.compile(r"^(?:(?:in|during|for|through|of)\s)?(?:the\s)?(?:year\s)?(?:19|20)\d\d$|"
                     r"\b(?:this|last|past|previous)\s(?:year|decade)\b|\brecent\s(?:weeks|months|years)\b",
                     re.IGNORECASE)
_LARGE_TOLL = 1000  # thousands told in the perfect tense are a campaign's toll, not one strike's
_STATISTIC = 10  # a toll this large in a sentence naming a year or "this year" is a statistic
_YEAR_ONLY = re.compile(r"^\D*(?:19|20)\d\d\D*$")


@lru_cache(maxsize=8)
def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(phrases, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in ordered) + r")\b", re.IGNORECASE)


_DOER_ENTITIES = frozenset({"PERSON", "NORP", "ORG"})


def claim_hedge(claim: Claim, tok: Token, lexicon: ClaimLexicon) -> str:
    """The hedging words of a claim's sentence as written ("reportedly"; "still confirming; according to
    some reports"), or "". Hedges are read sentence-wide (a doubt about the strike is a doubt about its
    toll) but for one that only qualifies who did it ("Suspected ADF rebels killed 12 civilians": the
    rebels are suspected, the twelve dead are not)."""
    sentence = claim.span.sentence
    if not lexicon.hedges or not sentence:
        return ""
    sent = tok.sent
    offset = sent.start_char if sentence_text(sent) == sentence else None
    found = [m.group(0) for m in _phrase_pattern(lexicon.hedges).finditer(sentence)
             if offset is None or not _on_doer(tok.doc.char_span(offset + m.start(), offset + m.end()), claim, lexicon)]
    return "; ".join(dict.fromkeys(found))


def _on_doer(words: DocSpan | None, claim: Claim, lexicon: ClaimLexicon) -> bool:
    """A one-word hedge that is a modifier of the doer's noun phrase, a person or group that is not the
    claim's victims: the subject of an active verb or the object of "by"."""
    if words is None or len(words) != 1 or words[0].dep_ not in ("amod", "compound"):
        return False
    noun = words[0].head
    while noun.dep_ in ("compound", "nmod", "amod") and noun.head != noun:
        noun = noun.head  # "Suspected Allied Democratic Forces (ADF) rebels"
    doer = noun.dep_ == "nsubj" or noun.dep_ == "pobj" and noun.head.dep_ == "agent"
    person = noun.lemma_.lower() in lexicon.victims or noun.lower_ in lexicon.victims \
        or noun.ent_type_ in _DOER_ENTITIES
    victims = noun.left_edge.idx <= claim.span.start < noun.right_edge.idx + len(noun.right_edge)
    return doer and person and not victims


def _clause_verb(tok: Token) -> Token:
    """The verb whose clause holds a claim, taken at the top of "killed and wounded" chains."""
    node = tok
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") or node.head == node:
            break
        node = node.head
    while node.dep_ == "conj" and node.head.pos_ in ("VERB", "AUX"):
        node = node.head
    return node


def _subject_and_perfect(verb: Token) -> tuple[Token | None, bool]:
    """The subject of a verb (through "and" and "which") and whether it is in the perfect tense."""
    node = verb
    perfect = False
    for _ in range(4):
        perfect = perfect or any(c.dep_ == "aux" and c.lemma_ == "have" for c in node.children)
        subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            if subject.lower_ in ("which", "that") and node.dep_ == "relcl":
                subject = node.head
            return subject, perfect
        if node.dep_ != "conj":
            break
        node = node.head
    return None, perfect


def _period_in(verb: Token, claim: Claim) -> bool:
    """A toll counted over a year or more: "in 2013", "this year", "in recent months" in its clause; or,
    for tolls of ten and more, anywhere in the sentence ("Crime stats for 2015 show 165 were murdered")."""
    first, last = verb.left_edge.i, verb.right_edge.i
    sentence = verb.sent
    large = claim.figure.low is not None and claim.figure.low >= _STATISTIC
    aside = _asides(verb)
    for ent in entities_starting_in(verb.doc, sentence.start, sentence.end):
        if ent.label_ != "DATE":
            continue
        if first <= ent.start <= last and _PERIOD.search(ent.text) and not any(a[0] <= ent.start <= a[1] for a in aside):
            return True
        if large and (_PERIOD.search(ent.text) or _YEAR_ONLY.match(ent.text) or _MONTH_ONLY.match(ent.text)) \
                and not _one_event(verb):
            return True
    return False


def _one_event(verb: Token) -> bool:
    """The toll's verb tells one event: "In March, gunmen killed 11 soldiers in an ambush"."""
    return any(c.dep_ == "prep" and c.lower_ in ("in", "during") and any(
        g.dep_ == "pobj" and g.tag_ == "NN" and any(d.lower_ in ("a", "an") for d in g.children)
        for g in c.children) for c in verb.children)


def _asides(verb: Token) -> list[tuple[int, int]]:
    """Token ranges of clauses that comment on the event rather than date its toll: "Two people died,
    making it the city's third double homicide this year"."""
    return [(c.left_edge.i, c.right_edge.i) for c in verb.children
            if c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_ in ("make", "bring")]


def is_cumulative(tok: Token, claim: Claim, lexicon: ClaimLexicon) -> bool:
    """A war-wide toll: "the war, which has claimed more than 320,000 lives since 2011"."""
    verb = _clause_verb(tok)
    clause = token_table(verb.doc).span_text(verb.left_edge.i, verb.right_edge.i + 1)  # no Token per word
    if _SINCE_YEAR.search(clause) or _SINCE_DAY.search(clause) or _DAY_SHOOTINGS.search(clause) \
            or _MANY_EVENTS.search(sentence_text(verb.sent)) or _period_in(verb, claim) \
            or names_city_shootings(clause):
        return True
    if lexicon.cumulative and _phrase_pattern(lexicon.cumulative).search(clause):
        return True
    subject, perfect = _subject_and_perfect(verb)
    if subject is not None and subject.lemma_.lower() in lexicon.cumulative_subjects and perfect:
        return True
    return perfect and claim.figure.low is not None and claim.figure.low >= _LARGE_TOLL


def _denied(claim: Claim) -> Claim:
    """ "denied that any civilians were killed" is a claim of none; a denied number stays that number,
    open-ended too ("denied reports of more than 100 civilian deaths")."""
    if claim.stance is not Stance.DENIED or claim.negated:
        return claim
    if claim.figure.high is None and (claim.figure.low or 0) <= 1 \
            or claim.figure.low == claim.figure.high == 1 and "any" in claim.figure.text:
        return replace(claim, negated=True, figure=Figure(0, 0, claim.figure.text))
    return claim


_BY = frozenset({"by", "until"})
_AT = frozenset({"by", "until", "on", "at", "as"})
_RISING = frozenset({"rise", "climb", "reach", "increase", "jump", "grow", "mount", "stand"})
_TIME_OF_DAY = re.compile(r"\b(?:morning|afternoon|evening|night|nightfall|midday|noon|midnight|dawn|dusk|"
                          r"a\.m\.|p\.m\.|o'clock|\d{1,2}:\d\d)\b", re.IGNORECASE)


def claim_time(tok: Token) -> str:
    """When a figure held, as written, read sentence-wide like a hedge: "by nightfall", "by 6 p.m.", or
    the date or time of a toll that rose ("the toll rose to 27 on Tuesday evening"); "" for a figure
    told once ("a man was shot at 3 a.m." gives the time of the shooting, not of the count). Only the
    figure's own part of the sentence between semicolons: "By midday the army put the toll at nine;
    by evening the governor said 14" times the 14 by evening."""
    start, end = _semicolon_part(tok)
    verb = _clause_verb(tok)
    rising = verb.lemma_.lower() in _RISING or any(t.lemma_.lower() in _RISING for t in verb.children)
    table = token_table(tok.doc)  # a Token only for the words that can open a time phrase
    for word in (tok.doc[i] for i in range(start, end) if table.word(i).lower() in _AT):
        if word.lower_ not in _BY and not rising:
            continue
        phrase = tok.doc[word.i:word.right_edge.i + 1] if word.right_edge.i > word.i else \
            next((e for e in entities_within(tok.doc, start, end) if e.start == word.i + 1), None)
        if phrase is None:
            continue
        text = phrase.text if phrase.start == word.i else f"{word.text} {phrase.text}"
        labelled = any(t.ent_type_ in ("TIME", "DATE") for t in phrase)
        if labelled or _TIME_OF_DAY.search(text):
            return text
    dated = [e for e in entities_within(tok.doc, start, end) if e.label_ in ("TIME", "DATE")
             and not _names_the_event(e)] if rising else []
    return dated[0].text if dated else ""


def _names_the_event(date: DocSpan) -> bool:
    """ "the toll from Saturday's drone strike rose to 31": a possessive date is the event's, not the count's."""
    after = date.end
    return after < len(date.doc) and date.doc[after].tag_ == "POS" or date[-1].tag_ == "POS"


def _semicolon_part(tok: Token) -> tuple[int, int]:
    """The token range of the figure's part of its sentence, between semicolons."""
    sent, text = tok.sent, token_table(tok.doc).text
    marks = [t.i for t in sent if t.text == ";"] if ";" in text[sent.start_char:sent.end_char] else []
    start = max((i + 1 for i in marks if i < tok.i), default=sent.start)
    return start, min((i for i in marks if i > tok.i), default=sent.end)


def qualify(claim: Claim, tok: Token, lexicon: ClaimLexicon) -> Claim:
    """The claim with its hedge, scope, denial and time read from its sentence."""
    hedge = claim_hedge(claim, tok, lexicon)
    cumulative = claim.scope == "cumulative" or is_cumulative(tok, claim, lexicon)  # a roundup headline stays one
    scope = "cumulative" if cumulative else "earlier" if answered(tok) else "incident"
    return _denied(per_side(replace(claim, hedged=bool(hedge), hedge=hedge, scope=scope, claim_time=claim_time(tok))))


_ANSWERED = frozenset({"retaliation", "revenge", "reprisal", "avenge"})


def answered(tok: Token) -> bool:
    """ "the attack was payback for the March killing of a rival", "revenge for the
    killing of two gang members", "to avenge his cousin's death": the casualty an attack answered,
    an earlier incident's (scope "earlier")."""
    for node in tok.ancestors:
        if node.lemma_.lower() == "avenge" or node.dep_ == "prep" and node.lower_ == "for" \
                and node.head.lemma_.lower() in _ANSWERED:
            return True
    sent = tok.sent  # the parser often breaks "in retaliation for the March shooting death of ..."
    before = token_table(tok.doc).text[sent.start_char:tok.idx]
    return bool(_ANSWERING.search(before))


_ANSWERING = re.compile(r"\b(?:(?:retaliation|revenge|reprisals?) for|avenged?|avenging)\b[^.;,]{0,50}$", re.IGNORECASE)


_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")


def of_an_earlier_year(claim: Claim, tok: Token, published_year: int | None) -> Claim:
    """ "In May 2009, 41-year-old Lyle Benton was found shot", "an April 2013 shooting that left a
    9-year-old boy dead" in a 2016 report: a casualty of an earlier incident the article recalls
    (scope "earlier"), no count of this one. Only a date the parser labels, in the claim's clause or on
    the event noun the clause describes, with a year before the article's; without a publication date,
    nothing is assumed."""
    if published_year is None or claim.scope != "incident":
        return claim
    verb = _clause_verb(tok)
    while verb.dep_ in ("xcomp", "oprd", "conj", "acomp") and verb.head != verb:
        verb = verb.head  # "In July 2011, Smith was found shot and fatally wounded": the date is on "found"
    words = set(verb.subtree)
    if verb.dep_ in ("relcl", "acl"):
        words.update(t for c in verb.head.lefts for t in c.subtree)  # "an April 2013 shooting that left ..."
    years = [int(y) for t in words if t.ent_type_ == "DATE" for y in _YEAR.findall(t.text)]
    return replace(claim, scope="earlier") if years and max(years) < published_year else claim


# "leaving four fighters dead on each side": the count of one side of two; its own clause only
_PER_SIDE = r"\b{figure}\b[^.;,:]{{0,60}}?\b(?:on|from|for) (?:each|either) side\b"


def per_side(claim: Claim) -> Claim:
    """A count told per side of a clash is twice that many people: "four dead on each side" is 8."""
    low, high = claim.figure.low, claim.figure.high
    if claim.measure not in (Measure.KILLED, Measure.INJURED) or low is None or not claim.span.text \
            or "side" not in claim.span.sentence.lower():  # the pattern needs it: no regex compiled per claim
        return claim
    if not re.search(_PER_SIDE.format(figure=re.escape(claim.span.text)), claim.span.sentence, re.IGNORECASE):
        return claim
    figure = replace(claim.figure, low=2 * low, high=None if high is None else 2 * high)
    return replace(claim, figure=figure)
