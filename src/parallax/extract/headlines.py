"""Read casualty counts from a headline ("2 dead, 3 hurt in weekend shootings", "Teen, 3 adults shot"),
whose telegraphic grammar the parser gets wrong: each count is read with the casualty word next to it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from parallax.extract.casualties import Found, new_claim
from parallax.extract.claim_lexicon import ClaimLexicon, names_city_shootings
from parallax.extract.victims import counts_children
from parallax.extract.numbers import is_figure_word, parse_figure
from parallax.schema import Figure, Measure

_GLUE = frozenset({",", "and", "&", "then", "other", "others", "more", "people", "persons", "victims", "adults",
                   "accidentally", "allegedly", "reportedly", "was", "were", "been", "found", "discovered"})
# "shoots himself, father charged": a person a follow-up verb comes right after is that verb's subject
_FOLLOW_UP_VERBS = frozenset({"charged", "arrested", "held", "sought", "jailed", "booked", "accused", "sentenced",
                              "cited", "detained", "indicted", "questioned", "convicted"})
_RELATIVE = frozenset({"that", "who", "which"})  # "shooting that hurt a 7-year-old": the verb is active  # not "critically": "6 shot, 1 critically hurt"
_SELF = frozenset({"himself", "herself", "self"})  # "kills wife, son, then himself": the killer is one of the dead
_LEFT = frozenset({"left", "leaves", "leaving"})  # "injured 5-year-old, left man dead": "left" (tagged ADJ) ends a count
_AGE_SEPARATORS = frozenset({",", "("})


@dataclass(frozen=True, slots=True)
class Segment:
    """One count of a headline and the casualty word that says what it counts."""

    kind: str  # killed, injured, hit (shot, outcome open), condition (critical, stable), died (no count)
    figure: Figure | None
    where: tuple[int, int, str]
    anchor: Token
    active: bool = False  # its count follows the verb ("Gunman shoots 4", "that killed one man")


def _kind(tok: Token, lexicon: ClaimLexicon) -> str | None:
    if lexicon.fatal.get(tok.lower_) is Measure.KILLED and tok.i and _is_count(tok.doc[tok.i - 1], lexicon):
        return "killed"  # "9 shot, 1 fatally"
    kind = lexicon.headline.get(tok.lower_)
    if kind == "hit":
        after = [t.lower_ for t in tok.doc[tok.i + 1:tok.i + 3]]
        before = tok.doc[tok.i - 1].lower_ if tok.i else ""
        if after[:2] == ["to", "death"] or after[:1] == ["dead"] or before in ("fatally", "mortally"):
            return "killed"
        if _fired_at(tok, lexicon):
            return None  # "Gunman shot at a crowd of diners before killing himself": fired at, nobody hit
    return kind


def _fired_at(tok: Token, lexicon: ClaimLexicon) -> bool:
    """ "shot at a dozen people", "shot at police": "at" and the people fired at, not where it happened
    ("Man shot at party")."""
    doc = tok.doc
    if tok.i + 2 >= len(doc) or doc[tok.i + 1].lower_ != "at":
        return False
    target = doc[tok.i + 2]
    if target.lower_ in ("a", "an", "the", "his", "her", "their") and tok.i + 3 < len(doc):
        target = doc[tok.i + 3]
    return _is_count(target, lexicon) or _is_person_word(target, lexicon) or target.lemma_.lower() in lexicon.armed


def _is_age(tok: Token, lexicon: ClaimLexicon) -> bool:
    """ "Man, 44, killed", "son, 3, shot": a number set off after a noun is an age; so is the 15 of
    "15-year-old" (the phrase counts one person)."""
    doc = tok.doc
    if _aged_person(tok) is not None or _listed_age(tok):
        return True
    if tok.i < 2 or doc[tok.i - 1].text not in _AGE_SEPARATORS:
        return False
    following = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if following is not None and following.text not in (",", ")", "-") \
            and not (following.ent_type_ == "PERSON" and following.tag_ == "NNP" and doc[tok.i - 2].tag_ == "NN"):
        return False  # "Teen, 3 adults shot": a count; but "kills man, 18 Jose Estrada" tells his age
    return doc[tok.i - 2].pos_ in ("NOUN", "PROPN") or _is_person(doc[tok.i - 2], lexicon)


def _listed_age(tok: Token) -> bool:
    """ "Two teens, 15 and 17, wounded", "3 boys, 9, 11 and 12, shot": numbers listed between commas after
    a counted plural noun are their ages (was 34 hurt)."""
    doc = tok.doc
    if not tok.like_num:
        return False
    start = tok.i
    while start > 0 and (doc[start - 1].like_num or doc[start - 1].lower_ in (",", "and") and start - 1 > 0
                         and doc[start - 2].like_num):
        start -= 1
    end = tok.i
    while end + 1 < len(doc) and (doc[end + 1].like_num or doc[end + 1].lower_ in (",", "and")
                                  and end + 2 < len(doc) and doc[end + 2].like_num):
        end += 1
    if start < 3 or doc[start - 1].text != "," or end + 1 >= len(doc) or doc[end + 1].text != ",":
        return False
    noun = doc[start - 2]
    return noun.tag_ in ("NNS", "NNPS") and doc[start - 3].like_num and doc[start:end + 1].text.count("and") <= 1 \
        and sum(t.like_num for t in doc[start:end + 1]) >= 2


def _aged_person(tok: Token) -> Token | None:
    """The "old" of "15-year-old" / "15-month-old" when `tok` is its number."""
    words = tok.doc[tok.i + 1:tok.i + 5]
    text = "".join(t.lower_ for t in words)
    if tok.like_num and (text.startswith(("-year-old", "-month-old", "-week-old", "-day-old"))
                         or text.startswith(("year-old", "month-old"))):
        return next(t for t in words if t.lower_ == "old")
    return None


def _is_count(tok: Token, lexicon: ClaimLexicon) -> bool:
    return (tok.like_num or is_figure_word(tok.lower_, lexicon)) and not _is_age(tok, lexicon) \
        and not counts_children(tok)  # "Father of 3 fatally shot"


def _is_person(tok: Token, lexicon: ClaimLexicon) -> bool:
    """One person named without a number: "Teen", "Boy" (may be tagged UH), "Brandon Varlow", the "old"
    of "15-year-old"."""
    if tok.ent_type_ == "ORDINAL" and tok.i and tok.doc[tok.i - 1].lower_ == "a":
        return True  # "Two men shot, a third hit by flying glass": one more
    if tok.like_num or tok.is_punct or tok.lower_ in _GLUE or tok.lower_ in lexicon.tuples \
            or tok.lower_ in lexicon.tuple_nouns:
        return False  # "Boy, 15," may all be tagged PERSON: the age is not a second person; nor is the
        # "Quadruple" of "Quadruple Shooting Leaves 1 Dead" anybody
    if tok.ent_type_ == "PERSON" or tok.lower_ in _SELF or tok.lower_ == "another" or \
            tok.lower_ == "old" and tok.i >= 4 and _aged_person(tok.doc[tok.i - 4]):
        return True
    singular = tok.tag_ not in ("NNS", "NNPS") and not tok.lower_.endswith("s")
    lemma = tok.lemma_.lower()
    if singular and lemma in lexicon.perpetrators and tok.i >= 2 and tok.doc[tok.i - 1].lower_ in (",", "and", "&"):
        before = tok.doc[tok.i - 2]  # "Deputy, suspect wounded": a suspect listed after a person was hit too
        return before.lemma_.lower() in lexicon.victims or before.lemma_.lower() in lexicon.persons
    return singular and (lemma in lexicon.victims or lemma in lexicon.persons) and tok.lower_ != "people"


def _is_bound(tok: Token, taken: list[Token], step: int, lexicon: ClaimLexicon) -> bool:
    """ "At Least 4": a bound word counts only right before a count (read leftwards or rightwards)."""
    if tok.lower_ not in lexicon.bound_words:
        return False
    if not _in_bound_phrase(tok, lexicon):
        return False  # "3-year-old and four adults": "and" only as in "4 and more"
    if step < 0:
        return bool(taken) and taken[-1].i == tok.i + 1 and not _is_person(taken[-1], lexicon)
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return after is not None and (_is_count(after, lexicon) or after.lower_ in lexicon.bound_words)


def _in_bound_phrase(tok: Token, lexicon: ClaimLexicon) -> bool:
    """Whether a bound word stands in one of the bound phrases ("at least", "up to", "and more")."""
    doc = tok.doc
    for phrase in lexicon.bounds:
        words = phrase.split()
        for k, word in enumerate(words):
            start = tok.i - k
            if word == tok.lower_ and start >= 0 and \
                    [t.lower_ for t in doc[start:start + len(words)]] == words:
                return True
    return False


def _walk(sent: DocSpan, start: int, step: int, lexicon: ClaimLexicon) -> list[Token]:
    """The count and person words next to a casualty word, stopping at anything else."""
    taken, i = [], start
    while sent.start <= i < sent.end:
        tok = sent.doc[i]
        if _kind(tok, lexicon) is not None or tok.lower_ in _LEFT:
            break  # "Quadruple Shooting Leaves 1 Dead": "Leaves" (title case, maybe tagged a name) ends it
        if step > 0 and tok.lower_ in ("a", "an") and _aged_person(tok.doc[min(tok.i + 1, len(tok.doc) - 1)]):
            i += step  # "wounded an 8-year-old": the article of the age phrase, not a count
            continue
        age = _age_phrase(tok, step, lexicon)
        if age is not None:  # "7-year-old daughter", "Woman, 3-year-old dead": the phrase as one word
            person, i = age
            taken.extend([person] if person is not None else [])
            continue
        if step > 0 and _is_person(tok, lexicon) and tok.i + 1 < sent.end \
                and sent.doc[tok.i + 1].lower_ in _FOLLOW_UP_VERBS:
            break
        if _is_count(tok, lexicon) or _is_person(tok, lexicon) or _is_bound(tok, taken, step, lexicon):
            taken.append(tok)
        elif tok.lower_ in _LEFT or not (tok.lower_ in _GLUE or tok.pos_ in ("ADJ", "ADV") or _is_age(tok, lexicon)
                  or tok.lemma_.lower() in lexicon.victims or _counted_noun(tok, step, lexicon)):
            break
        i += step
    return sorted(taken, key=lambda t: t.i)


def _counted_noun(tok: Token, step: int, lexicon: ClaimLexicon) -> bool:
    """ "Two Hunters Shot": a plural noun right after a count is what it counts."""
    before = tok.doc[tok.i - 1] if tok.i else None
    plural = tok.pos_ in ("NOUN", "PROPN") and tok.lower_.endswith("s") and tok.lower_ not in _NOT_COUNTED
    return step < 0 and plural and before is not None and _is_count(before, lexicon)


# plurals a count before them counts, which are not people: "3 days, 9 shot", "27 shots fired, 4 hit"
_NOT_COUNTED = frozenset({"days", "weeks", "hours", "months", "years", "minutes", "nights", "weekends", "shots",
                          "rounds", "bullets", "times"})


def _age_phrase(tok: Token, step: int, lexicon: ClaimLexicon) -> tuple[Token | None, int] | None:
    """Reading "15-year-old" as one word: (the person it names, or None when a person noun follows
    and names them: "7-year-old daughter"; where the walk goes on)."""
    doc = tok.doc
    if step > 0:
        old = _aged_person(tok)
        if old is None:
            return None
        return (None if _named_after(old, lexicon) else old), old.i + 1
    if tok.lower_ != "old" or tok.i < 3:
        return None
    number = next((doc[j] for j in range(tok.i - 1, max(-1, tok.i - 5), -1) if _aged_person(doc[j]) == tok), None)
    if number is None:
        return None
    named = _named_after(tok, lexicon)
    before = number.i - 1
    if before >= 0 and doc[before].lower_ in ("a", "an"):
        before -= 1  # "A 17-year-old was injured": the article, not a count
    while before >= 0 and doc[before].pos_ == "PROPN" and not _is_person_word(doc[before], lexicon):
        before -= 1  # "Killeen 2-year-old": where the child is from, not a second person
    return (None if named else tok), before


def _named_after(old: Token, lexicon: ClaimLexicon) -> bool:
    """ "15-year-old girl", "21-year-old Amish man", "9-year-old Dayton boy": a person word after the
    age phrase, past its adjectives and place names, names the person the age tells."""
    doc = old.doc
    for tok in doc[old.i + 1:min(len(doc), old.i + 4)]:
        if _is_person(tok, lexicon):
            return True
        if tok.pos_ not in ("ADJ", "PROPN"):
            return False
    return False


def _is_person_word(tok: Token, lexicon: ClaimLexicon) -> bool:
    """ "Boy", "Mother" (title case is often tagged PROPN): a word that names a person by itself."""
    lemma = tok.lemma_.lower()
    return lemma in lexicon.victims or lemma in lexicon.persons or tok.lower_ in lexicon.persons


def _figure(tokens: list[Token], lexicon: ClaimLexicon) -> tuple[Figure, tuple[int, int, str]] | None:
    """The sum of the counts in a walk: "Teen, 3 adults" is 4; "at least 4" is [4, open]."""
    runs: list[list[Token]] = []
    for tok in tokens:
        if runs and runs[-1][-1].i == tok.i - 1 and not _is_person(tok, lexicon) \
                and not _is_person(runs[-1][-1], lexicon):
            runs[-1].append(tok)
        else:
            runs.append([tok])
    figures = []
    for run in runs:
        if _is_person(run[-1], lexicon) and len(run) == 1:
            previous = _before_adjectives(run[0], lexicon)
            if run[0].lower_ == "old" or previous is None or previous.lower_ == "old" or not (
                    _is_count(previous, lexicon) or _is_person(previous, lexicon)):
                figures.append(Figure(1, 1, run[0].text))  # "Teen girl killed": one person
            continue
        parsed = parse_figure(" ".join(t.text for t in run), lexicon)
        if parsed is not None:
            figures.append(parsed)
    if not figures:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = tokens[0].doc.char_span(start, end, alignment_mode="expand").text
    low = sum(f.low or 0 for f in figures)
    high = None if any(f.high is None for f in figures) else sum(f.high or 0 for f in figures)
    return Figure(low, high, text), (start, end, text)


def _before_adjectives(tok: Token, lexicon: ClaimLexicon) -> Token | None:
    """The word before a noun's adjectives: "Pregnant woman, 2 others shot" -> none (the woman is one
    more person); "2 young boy" -> the count."""
    i = tok.i - 1
    while i >= 0 and tok.doc[i].pos_ == "ADJ" and tok.doc[i].lower_ != "old" and not _is_person(tok.doc[i], lexicon):
        i -= 1
    return tok.doc[i] if i >= 0 else None


def _segments(sent: DocSpan, lexicon: ClaimLexicon) -> list[Segment]:
    """The counts of the headline's leading list: "3 dead, 2 hurt in shooting at memorial for man
    slain in 2012" stops at "in" (only a count-less "dies" is read past it)."""
    segments: list[Segment] = []
    closed = False
    for tok in sent:
        if tok.text in (",", ";"):
            closed = False  # "4 shot on Columbus Street, 2 die": the list goes on
        closed = closed or bool(segments) and tok.pos_ in ("ADP", "SCONJ") and tok.lower_ not in lexicon.bound_words \
            and not _then_told(tok, lexicon)
        kind = _kind(tok, lexicon)
        if kind is None:
            continue
        before = sent.doc[tok.i - 1].lower_ if tok.i > sent.start else ""
        active = tok.lower_.endswith(("s", "ing")) and tok.lower_ != "dies" or before in _RELATIVE  # "Gunman shoots 4"
        active = active or before in (",", "and") and bool(segments) and segments[-1].active  # "shooting that
        # killed a man, hurt 2 others": the relative clause goes on
        start = tok.i - 2 if kind == "condition" and before == "in" else tok.i - 1  # "2-year-old in critical condition"
        tokens = _walk(sent, tok.i + 1, 1, lexicon) if active else _walk(sent, start, -1, lexicon)
        found = _figure(tokens, lexicon) if tokens else None
        if closed and not (found is None and kind == "killed"):
            continue
        if found is None:
            segments.append(Segment("died" if kind == "killed" else kind, None, (0, 0, ""), tok, active))
        else:
            segments.append(Segment(kind, found[0], found[1], tokens[0], active))
    return segments


def _then_told(tok: Token, lexicon: ClaimLexicon) -> bool:
    """ "Farmer shoots self after killing wife, 2 young sons", "... before shooting himself": a
    casualty verb right after "after"/"before" tells more of the same incident's victims."""
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.lower_ in ("after", "before") and after is not None and after.tag_ == "VBG" \
        and _kind(after, lexicon) is not None


def _total(segments: list[Segment], kind: str) -> list[Segment]:
    return [s for s in segments if s.kind == kind and s.figure is not None]


def _sum(segments: list[Segment]) -> Figure:
    low = sum(s.figure.low or 0 for s in segments if s.figure)
    high = None if any(s.figure is None or s.figure.high is None for s in segments) else \
        sum(s.figure.high or 0 for s in segments if s.figure)
    return Figure(low, high, "; ".join(s.figure.text for s in segments if s.figure))


def _settle(segments: list[Segment]) -> list[tuple[Measure, list[Segment], int]]:
    """(measure, segments, deaths to take out): "4 shot, 3 dead" is killed 3 and injured 1; "Boy shot
    while hunting dies" and "Teen wounded in bar shooting has died" are one death; "2 critical, 2 stable" is four injured."""
    killed, hit = _total(segments, "killed"), _total(segments, "hit")
    injured = _total(segments, "injured") + _total(segments, "condition")
    more = [s for s in injured if any(t.ent_type_ == "ORDINAL" for t in s.anchor.doc[s.anchor.i:s.anchor.i + 2])]
    if hit and more and len(more) == len(injured):
        hit, injured = hit + more, []  # "Two men shot, a third hurt": three hit
    if hit and not killed and any(_dies(s) and s.anchor.i > hit[0].anchor.i for s in segments):
        share = _share_of(hit[0])
        if share is None:
            killed, hit = hit, []
        else:  # "One of 5 shot in bar dies": one dead of the five hit
            n, start = share
            where = (start, hit[0].where[1], hit[0].anchor.doc.text[start:hit[0].where[1]])
            killed = [Segment("killed", Figure(n, n, where[2]), where, hit[0].anchor)]
            return [(Measure.KILLED, killed, 0), (Measure.INJURED, hit, n)]
    if injured and not killed and not hit and any(_dies(s) and s.anchor.i > injured[0].anchor.i for s in segments):
        killed, injured = injured, []  # "Teen hurt in gas-station shooting dies": the hurt one died
    out: list[tuple[Measure, list[Segment], int]] = []
    if killed:
        out.append((Measure.KILLED, killed, 0))
    if injured:
        out.append((Measure.INJURED, injured, 0))
    elif hit:
        dead = _sum(killed).low or 0 if killed and not any(_besides(s) for s in hit) else 0
        shooter = sum(w in _SELF for s in killed if s.figure for w in re.findall(r"\w+", s.figure.text.lower()))
        out.append((Measure.INJURED, hit, max(0, dead - shooter)))  # "shoots 3 neighbours, killing 1, then
        # himself": he is none of the 3 he shot
    return out


def _dies(segment: Segment) -> bool:
    """A count-less death told by a verb ("dies", "has died", "shot, killed"): the hit or hurt person
    before it died; a count-less "dead" ("Nine Injured In Mall Shooting, Suspect Dead") may be someone else."""
    return segment.kind == "died" and segment.anchor.lemma_.lower() in ("die", "succumb", "kill")


_SHARE = re.compile(r"\b(one|two|three|1|2|3) of (?:the )?$", re.IGNORECASE)


def _share_of(segment: Segment) -> tuple[int, int] | None:
    """The 1 of "One of 5 shot ... dies", "2 of 4 shot" (how many of a hit count a headline goes on
    about) and the character where it starts."""
    doc = segment.anchor.doc
    offset = max(0, segment.where[0] - 12)
    found = _SHARE.search(doc.text[offset:segment.where[0]])
    if found is None or segment.figure is None or segment.figure.low is None:
        return None
    n = {"one": 1, "two": 2, "three": 3}.get(found.group(1).lower()) or int(found.group(1))
    return (n, offset + found.start()) if n < segment.figure.low else None


_BESIDES = frozenset({"other", "others", "more"})


def _besides(segment: Segment) -> bool:
    """ "Boy killed, 6 others shot", "3 more shot": the hit are counted apart from the dead."""
    after = segment.anchor.doc[segment.anchor.i:segment.anchor.i + 3]
    return any(t.lower_ in _BESIDES for t in after)


def _armed_group(sent: DocSpan, parts: list[Segment], lexicon: ClaimLexicon) -> str:
    """ "Two militants killed in Kupwara gunfight": the armed side's noun after a count, so that the
    headline's dead are that side's, added to the others the body tells, not a rival count of them."""
    if len(parts) != 1:
        return ""
    doc, start = sent.doc, parts[0].where[1]
    after = [t for t in doc[parts[0].anchor.i:sent.end] if t.idx >= start and t.pos_ != "ADJ"]
    return after[0].lower_ if after and after[0].lower_ in lexicon.armed else ""


def is_roundup(sent: DocSpan, lexicon: ClaimLexicon) -> bool:
    """ "4 dead, 11 hurt in weekend shootings", "15 people shot in 36-hour span": a city's toll over a
    period, not one incident's."""
    words = {t.lower_ for t in sent}
    if _DAYS_SPAN.search(sent.text) or names_city_shootings(sent.text):
        return True  # "11 people shot in Toledo Friday and Saturday"
    cued = bool(words & lexicon.roundup_cues)
    return cued and ("shootings" in words or bool(words & lexicon.roundup_periods) or bool(_COUNTED_DAYS.search(sent.text)))


_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_DAYS_SPAN = re.compile(rf"\b{_DAY}\s+(?:and|through|to|-|–)\s+{_DAY}\b", re.IGNORECASE)
# "Violence in Dayton: 1 week, 5 shot, 3 die": a counted stretch of days, not "a week after"
_COUNTED_DAYS = re.compile(r"\b\d+[- ](?:weeks?|days?)\b(?!\s+(?:after|before|ago|later|since|earlier))", re.IGNORECASE)


def headline_claims(sent: DocSpan, article_id: str, lexicon: ClaimLexicon, told_dead: int = 0) -> list[Found]:
    """The killed and injured counts of a headline, each spanning the counts it adds up; a roundup's
    counts are marked cumulative. `told_dead`: the deaths the article's body tells, taken out of a
    headline's shot count that gives none ("4 shot in fatal shooting" over a body with one dead is 3 hurt)."""
    found: list[Found] = []
    scope = "cumulative" if is_roundup(sent, lexicon) else "incident"
    settled = _settle(_segments(sent, lexicon))
    for measure, parts, dead in settled:
        if told_dead and not dead and measure is Measure.INJURED and parts[0].kind == "hit" and len(settled) == 1 \
                and not any(map(_besides, parts)):
            dead = told_dead
        figure = _sum(parts)
        if dead:
            low = max(0, (figure.low or 0) - dead)
            if not low:
                continue
            figure = Figure(low, None if figure.high is None else max(low, figure.high - dead), figure.text)
        start, end = min(p.where[0] for p in parts), max(p.where[1] for p in parts)  # read both ways
        text = sent.doc.char_span(start, end, alignment_mode="expand").text
        claim = new_claim(article_id, sent, measure, Figure(figure.low, figure.high, text), (start, end, text),
                          scope=scope, victim_group=_armed_group(sent, parts, lexicon))
        found.append((parts[0].anchor, claim))
    return found
