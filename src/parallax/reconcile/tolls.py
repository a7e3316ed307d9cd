"""The killed and injured an incident's reports give, counted article by article and then across
articles the way the Gun Violence Archive counts: the rule in docs/claims.md ("Reported tolls").

`fatalities` (reconcile.figures) answers ACLED's question, low/best/high over *sources*; this answers
"how many were killed and how many hurt", one count per *article* and injuries told apart from deaths.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from parallax.extract.claim_lexicon import load_claim_lexicon
from parallax.extract.numbers import parse_figure
from parallax.reconcile.figures import added_apart, is_part, rank_of, told_as_rise
from parallax.schema import Claim, EventMention, Figure, Measure, ReportedToll, Stance

RULE = ("each side (the armed side's dead, everyone else's) counted apart and added; "
        "per report (an article's body, and its headline as a report of its own): its largest exact "
        "incident-level figure of the measure (a shooter who then killed himself added to his victims), "
        "a vague figure's lower bound only when none is exact, a part ('nine of the children') never when a total is given; across reports: the upper median of the exact counts (the larger of two; none below a toll told as risen, 'rose to 11', or grown by a ranked victim, 'four ... a fifth victim'), else the largest vague one; "
        "an injury that most likely tells a death again (one person named by a phrase, or no number) "
        "is not counted when someone died, nor a hurt count only a minority of reports give that tell nobody dead "
        "(the death told early); a body or a headline that tells no death counts the dead among those it says were shot; "
        "a death fewer articles tell than tell only the hurt, none of them as a victim dying, is none of this incident")


def reported_toll(mentions: Sequence[EventMention]) -> ReportedToll | None:
    """The incident's killed and injured from its mentions' claims, grouped by the report they are in:
    an article's body, and its headline as a report of its own (claims whose span's field is
    "title"); None when no report gives either."""
    reports: dict[tuple[str, str], dict[str, Claim]] = {}
    for mention in mentions:
        for claim in mention.claims:
            reports.setdefault((mention.article_id, claim.span.field), {})[claim.id] = claim
    toll = incident_toll([list(claims.values()) for claims in reports.values()])
    return None if toll.killed is None and toll.injured is None else toll


def incident_toll(articles: Sequence[Sequence[Claim]]) -> ReportedToll:
    """Killed and injured from each article's claims of this incident (a headline may be an article of
    its own): the upper median of the articles' counts, exact counts before vague ones; None when no
    article reports the measure. When someone died, an injury told only of one person by a phrase
    ("the girl was shot") or by no number ("they were shot", "the victims") is taken to be that death
    told by an earlier or shorter report, unless the text sets the hurt person apart (`_told_death`)."""
    killed = _by_side(articles, Measure.KILLED)
    if killed and _death_told_astray(articles):
        killed = 0
    if killed:
        articles = [[c for c in a if not (c.measure is Measure.INJURED and _told_death(c, a))] for a in articles]
        if _hurt_told_early(articles, killed):
            articles = [[c for c in a if c.measure is not Measure.INJURED] for a in articles]
        articles = [_shot_less_the_dead(_named_dead_out(_shot_line_less_its_dead(a)), killed) for a in articles]
    return ReportedToll(killed, _by_side(articles, Measure.INJURED), RULE)


_DIED = re.compile(r"\b(?:died|dies|has died|have died|succumbed|passed away)\b", re.IGNORECASE)


def _death_told_astray(reports: Sequence[Sequence[Claim]]) -> bool:
    """A death fewer articles tell than tell only the hurt ("the smell of death" in a profile, a boy "shot
    to death" in another shooting of a roundup), none of them as a victim dying ("has died", "dies after"
    would be the toll risen since the earlier reports): it is no death of this incident. Articles, not
    reports, are counted: an article's headline and body are one voice here."""
    by_article: dict[str, list[Claim]] = {}
    for report in reports:
        for claim in report:
            by_article.setdefault(claim.article_id, []).append(claim)
    dead = [a for a in by_article.values() if article_toll(a, Measure.KILLED) is not None]
    hurt = [a for a in by_article.values() if a not in dead
            and article_toll([c for c in a if _exact(c) is not None], Measure.INJURED) is not None]
    return len(hurt) > len(dead) and not any(_DIED.search(c.span.sentence) for a in dead
                                             for c in _usable(a, Measure.KILLED))


def _hurt_told_early(articles: Sequence[Sequence[Claim]], killed: int) -> bool:
    """ "One man was flown to a trauma centre in serious condition" in a first report, while more reports
    tell that person's death and none of them anyone hurt: the hurt are the dead told early."""
    def gives(claims: Sequence[Claim], measure: Measure) -> bool:
        return article_toll(claims, measure) is not None
    dead = [a for a in articles if gives(a, Measure.KILLED)]
    hurt = [a for a in articles if gives(a, Measure.INJURED)]
    if not hurt or any(gives(a, Measure.INJURED) for a in dead) or len(dead) <= len(hurt):
        return False
    apart = any(_someone_else(c) or "other" in c.figure.text.lower() for a in hurt for c in a
                if c.measure is Measure.INJURED)  # "Two others were also injured"
    return not apart and all((article_toll(a, Measure.INJURED) or 0) <= killed for a in hurt)


_SHOT = re.compile(r"\b(?:were|was|been|are|is|get|got) shot\b", re.IGNORECASE)
_TITLE_SHOT = re.compile(r"\bshot\b", re.IGNORECASE)  # headlines drop the auxiliary: "2 teens shot"
_SURVIVED = re.compile(r"\b(?:wounded|injured|hurt|survived?|hospitali[sz]ed|also)\b", re.IGNORECASE)
_BESIDE = re.compile(r"^(?:\w+\s+)?others?\b", re.IGNORECASE)  # "two others", "others": besides someone


def _shot_less_the_dead(claims: Sequence[Claim], killed: int) -> list[Claim]:
    """A body that tells no death and counts who "were shot" (an early report: "Four men were shot
    late Friday") counts the dead the other reports tell among them: they are not also hurt. So
    does a headline that tells no death ("2 teens shot in the head" under another report's two dead):
    when all it counts died, it says no one was hurt (0, a count of its own)."""
    if any(c.measure is Measure.KILLED for c in _usable_any(claims)):
        return list(claims)
    out = []
    for claim in claims:
        n = _exact(claim)
        title = claim.span.field == "title" and bool(_TITLE_SHOT.search(claim.span.sentence))
        if claim in _usable(claims, Measure.INJURED) and n is not None and n >= killed \
                and (title or claim.span.field == "text" and _SHOT.search(claim.span.sentence)) \
                and not _SURVIVED.search(claim.span.sentence) and not _BESIDE.match(claim.figure.text):
            if n > killed or title:  # a headline's "2 teens shot" is its count of the hurt: none left
                out.append(replace(claim, figure=Figure(n - killed, n - killed, claim.figure.text)))
            continue
        out.append(claim)
    return out


def _shot_line_less_its_dead(claims: Sequence[Claim]) -> list[Claim]:
    """A line of the body shaped like a headline that counts the shot ("Five Shot in Back of the Yards",
    a photo caption or a repeated title) beside the article's own dead: the dead are among the shot, the
    hurt are the rest (as a headline over a body is read)."""
    dead = article_toll(claims, Measure.KILLED)
    if not dead:
        return list(claims)
    out = []
    for claim in claims:
        n = _exact(claim)
        sentence = claim.span.sentence.strip()
        if claim.measure is Measure.INJURED and claim.span.field == "text" and n is not None and n > dead \
                and sentence and not sentence.endswith(_CLOSING) and _TITLE_SHOT.search(sentence) \
                and not _SURVIVED.search(sentence) and not _BESIDE.match(claim.figure.text):
            claim = replace(claim, figure=Figure(n - dead, n - dead, claim.figure.text))
        out.append(claim)
    return out


_NAME = re.compile(r"\b([A-Z][a-z]+)$")


def _named_dead_out(claims: Sequence[Claim]) -> list[Claim]:
    """ "Detectives say Marlow and the three other teens were shot" beside "Kyle Marlow, 17, was
    killed": a count of the shot that lists by name someone the article tells dead counts that death
    among them; the hurt are the others."""
    names = {m.group(1) for c in _usable(claims, Measure.KILLED) if _one_person(c)
             for m in [_NAME.search(c.figure.text)] if m}
    out = []
    for claim in claims:
        n = _exact(claim)
        listed = [w for w in names if re.search(rf"\b{w}\b(?=,| and\b)", claim.figure.text)] \
            if names and n is not None and claim in _usable(claims, Measure.INJURED) \
            and _SHOT.search(claim.span.sentence) else []
        if listed and n > len(listed):
            claim = replace(claim, figure=Figure(n - len(listed), n - len(listed), claim.figure.text))
        out.append(claim)
    return out


def _by_side(articles: Sequence[Sequence[Claim]], measure: Measure) -> int | None:
    """The count of each side (the armed side's dead an article tells beside others', `added_apart`;
    everyone else's) added up: "killing seven soldiers ... 15 assailants were killed" is 22 dead."""
    apart = added_apart([c for a in articles for c in a], measure)  # a headline beside its own body
    counts = [_across([[c for c in a if (c.id in apart) == armed] for a in articles], measure)
              for armed in (False, True)]
    given = [n for n in counts if n is not None]
    return sum(given) if given else None


def article_toll(claims: Sequence[Claim], measure: Measure) -> int | None:
    """One article's count for a measure: its largest exact sentence total (a total outranks the parts
    an article lists one by one), else a vague figure's lower bound; None when it gives none. Summing
    figures marked "others" was tried and lost more GVA incidents than it won."""
    usable = _usable(claims, measure)
    ranked = [c for c in usable if _rank(c) is not None]
    exact = [n for n in (_sentence_total(group) for group in _by_sentence([c for c in usable if c not in ranked]))
             if n is not None]
    if ranked:
        exact.append(_ranked_count(ranked, max(exact, default=None), claims, measure))
    if exact:
        return max(exact)
    vague = [c.figure.low for c in usable if c.figure.low is not None]
    return max(vague) if vague else None


def _rank(claim: Claim) -> int | None:
    return rank_of(claim)


def _ranked_count(ranked: list[Claim], count: int | None, claims: Sequence[Claim], measure: Measure) -> int:
    """What "a fifth victim was found later" adds: five when the article's count of the measure is four,
    or when it reports no other measure (whose victims the rank might count: "three killed and a
    fourth wounded" is one wounded); else one."""
    rank = max(_rank(c) or 0 for c in ranked)
    if rank <= _tuple_total(claims):
        return max(count or 0, 1)  # "died in a double shooting ... a second man was hurt": inside the two
    other = any(c.measure is not measure and c.measure in (Measure.KILLED, Measure.INJURED)
                for c in _usable_any(claims))
    return rank if count == rank - 1 or not other else max(count or 0, 1)


def _usable_any(claims: Sequence[Claim]) -> list[Claim]:
    """The incident's counts: not denials, not figures the outlet retracted ("An earlier version said 20")."""
    return [c for c in claims if c.scope == "incident" and not c.negated and c.stance is not Stance.RETRACTED]


def _usable(claims: Sequence[Claim], measure: Measure) -> list[Claim]:
    return sorted((c for c in _usable_any(claims) if c.measure is measure), key=lambda c: c.span.start)


def _across(articles: Sequence[Sequence[Claim]], measure: Measure) -> int | None:
    """The upper median of the exact counts the articles give: a lone outlier, high (an early wrong
    report, another shooting's toll) or low (a story about one victim), does not decide; of two counts
    the larger wins, as tolls rise. Measured against the largest count: GVA studied 600 incidents
    76.3% -> 77.0%, held-out 400 70.75% -> 72.0%. Without exact counts, the largest vague one."""
    articles = [_wholes(a, measure) for a in articles]
    exact = sorted(n for n in (article_toll([c for c in a if _exact(c) is not None], measure)
                               for a in articles) if n is not None)
    risen = max((n for a in articles for c in _usable(a, measure) if (n := _exact(c)) is not None and told_as_rise(c)),
                default=0)
    risen = max([risen, *(_ranked_update(a, measure) for a in articles)])
    exact = [n for n in exact if n >= risen]  # "the toll rose to 11": the smaller counts are earlier ones
    if exact:
        return exact[len(exact) // 2]
    vague = [n for n in (article_toll(a, measure) for a in articles) if n is not None]
    return max(vague) if vague else None


def _ranked_update(claims: Sequence[Claim], measure: Measure) -> int:
    """5 when an article counts "four victims" and then "A fifth victim was found later at a hospital": the
    toll grew to five, so another report's four is an earlier count, like a toll told as risen. Only a
    rank right after the article's own count of the measure: "a third person was injured" beside two
    dead counts all the victims, not the hurt (0 then)."""
    ranks = [r for c in _usable(claims, measure) if (r := _rank(c)) is not None]
    if not ranks:
        return 0
    before = article_toll([c for c in claims if not (c.measure is measure and _rank(c) is not None)], measure)
    return max(ranks) if before == max(ranks) - 1 else 0


def _wholes(claims: Sequence[Claim], measure: Measure) -> list[Claim]:
    """The claims without the parts ("nine of the children") of an article that also gives a count of the
    measure that is no part ("At least 52 people ... were killed"): a part is never the article's toll
    (it was: the Hama killings, at least 52 dead, had a reported toll of 9)."""
    usable = _usable(claims, measure)
    if all(is_part(c) for c in usable):
        return list(claims)
    return [c for c in claims if not (c.measure is measure and is_part(c))]


_UNBORN = re.compile(r"\bunborn\b", re.IGNORECASE)
_INCLUDING_UNBORN = re.compile(r"\b(?:including|among them)\s+(?:an?|one|her|their)\s+unborn\b", re.IGNORECASE)


def _exact(claim: Claim) -> int | None:
    """An exact count; the dead counted without an unborn child the claim's words include ("three men and
    an unborn baby", "seven relatives, among them an unborn child": three, six), as GVA and UCDP count the dead."""
    low, high = claim.figure.low, claim.figure.high
    if low is None or low != high:
        return None
    if claim.measure is Measure.KILLED and low >= 2 and (_UNBORN.search(claim.figure.text)
                                                        or _INCLUDING_UNBORN.search(claim.span.sentence)):
        return low - 1
    return low


_NUMERALS = frozenset({"one", "1"})
_REFLEXIVE = frozenset({"himself", "herself", "self"})  # "Man kills self after shooting girlfriend"


def _by_sentence(claims: list[Claim]) -> list[list[Claim]]:
    groups: dict[str, list[Claim]] = {}
    for claim in claims:
        groups.setdefault(claim.span.sentence, []).append(claim)
    return list(groups.values())


def _sentence_total(claims: list[Claim]) -> int | None:
    """One sentence's count: its largest exact figure, plus the shooter who "then killed himself" on top
    of the count of his victims (GVA counts him among the dead). Adding up victims listed one by one
    ("a man was shot in the back, a woman in the face") was tried twice: 2.5 points worse on GVA, as
    articles name the same victim twice in a sentence more often than they list victims; only full names
    with different surnames are counted each ("include: Tamsin Greer, who was shot in the hip; Darnell
    Oakes, ..."), and so are hurt people each introduced by "a" with another noun ("a 9-year-old boy was
    grazed in the arm, and a woman was wounded in the shoulder": two; the dead so introduced were tried too and
    broke three fresh incidents, "a man was killed ... a 35-year-old" being one person)."""
    exact = [c for c in claims if _exact(c) is not None]
    if not exact:
        return None
    reflexive = [c for c in exact if c.measure is Measure.KILLED and c.figure.text.lower() in _REFLEXIVE]
    others = [c for c in exact if c not in reflexive]
    if others and reflexive:
        return max(_exact(c) or 0 for c in others) + 1
    named = {c.figure.text.split()[-1] for c in exact if _one_person(c) and _FULL_NAME.match(c.figure.text)}
    introduced = {c.figure.text.lower().split()[-1] for c in exact if c.measure is Measure.INJURED
                  and _one_person(c) and c.figure.text.lower().startswith(("a ", "an "))}
    return max(len(named), len(introduced), max(_exact(c) or 0 for c in exact))


_FULL_NAME = re.compile(r"^(?:[A-Z][a-z'’]+\s){1,2}[A-Z][a-zA-Z'’-]+$")  # "Rockella Moore", "Leroy J. Hall": no


def _one_person(claim: Claim) -> bool:
    """ "the girl", "he", "Kadeem Torres": one victim named by a phrase, not counted with a numeral."""
    figure = claim.figure
    return figure.low == figure.high == 1 and figure.text.lower() not in _NUMERALS


def _told_death(claim: Claim, article: Sequence[Claim]) -> bool:
    """An injury claim that, beside a death, most likely tells that death again: one person named by a
    phrase ("the girl was shot"), or victims counted by no number at all ("they were shot", "the
    victims", "shooting deaths"); "dozens hurt" and "at least 4 injured" stay. Keeping every single
    injury whose sentence also reports a death was tried: it lost more GVA incidents than it won."""
    if _one_person(claim) and not _tuple_left(claim):
        if _dies_in_the_sentence(claim, article):
            return True  # "the girl was also hit by a bullet ... where she died hours later"
        return not (_headline_beside_death(claim, article) or _another_person(claim, article)
                    or _someone_else(claim) or _named_apart(claim, article) or _only_the_shooter_died(article))
    return _exact(claim) is None and parse_figure(claim.figure.text, load_claim_lexicon()) is None


def _tuple_total(claims: Sequence[Claim]) -> int:
    """How many people the article's "double shooting" or "triple shooting" counts (0 when none)."""
    tuples = load_claim_lexicon().tuples
    return max((tuples[w] for c in claims for w in re.findall(r"[a-z]+", c.figure.text.lower()) if w in tuples),
               default=0)


def _tuple_left(claim: Claim) -> bool:
    """ "a double shooting left one man dead": the one hurt is what the tuple leaves beside the dead
    (its count already takes them out), not a death told again."""
    tuples = load_claim_lexicon().tuples
    return any(w in tuples for w in re.findall(r"[a-z]+", claim.figure.text.lower()))


_SELVES = frozenset({"himself", "herself", "themselves"})
_HE_OR_SHE = frozenset({"he", "she"})


def _dies_in_the_sentence(claim: Claim, article: Sequence[Claim]) -> bool:
    """A hurt person the same sentence then tells dead by a pronoun after it ("the girl was also hit by a
    bullet and taken to a clinic, where she died hours later"): that one death."""
    return any(c.measure is Measure.KILLED and not c.negated and c.span.sentence == claim.span.sentence
               and c.span.start > claim.span.end and c.figure.text.lower() in _HE_OR_SHE for c in article)


def _only_the_shooter_died(article: Sequence[Claim]) -> bool:
    """ "The trooper who was hit is expected to survive ... the gunman died of a self-inflicted
    wound": every death the article tells is the shooter's, who is not the one he hurt."""
    perpetrators = load_claim_lexicon().perpetrators

    def shooter(claim: Claim) -> bool:  # "a suspect who later killed himself"; a boy who "fatally shot
        # himself" is no shooter of others
        words = re.findall(r"[a-z]+", claim.figure.text.lower())
        told = set(re.findall(r"[a-z]+", claim.span.sentence.lower()))
        return bool(words) and (words[-1] in perpetrators or words[-1] in _SELVES and bool(told & perpetrators))
    dead = [c for c in article if c.measure is Measure.KILLED and not c.negated and c.scope == "incident"]
    return bool(dead) and all(map(shooter, dead))


_ELSE = re.compile(r"\b(?:another|other|second|third|fourth|fifth)\b")
_ALSO = re.compile(r"\balso\b")


def _someone_else(claim: Claim) -> bool:
    """ "A second teenager was wounded", "the other woman", "his mother was also shot": the phrase or its
    sentence sets the hurt person apart from the dead."""
    return bool(_ELSE.search(claim.figure.text.lower()) or _ALSO.search(claim.span.sentence.lower()))


_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:['’-][A-Za-z]+)*\.?")
_NOT_NAMES = frozenset({"he", "she", "the", "a", "an", "his", "her", "their", "one", "another", "that", "this"})


def _surname(text: str) -> str | None:
    """The last word of a person's name as a claim gives it ("Andrews", "16-year-old Percy Wells",
    "Officer Dana Pruitt"), or None for a pronoun or a common noun ("He", "The victim", "a man")."""
    words = [w for w in text.split() if not any(ch.isdigit() for ch in w)]
    if not words or words[0].lower() in _NOT_NAMES or not all(_NAME_WORD.fullmatch(w) for w in words):
        return None
    lexicon = load_claim_lexicon()
    last = words[-1].rstrip(".").lower()
    common = (lexicon.victims, lexicon.persons, lexicon.speaker_nouns, lexicon.perpetrators)
    return None if any(last in nouns or last.rstrip("s") in nouns for nouns in common) else last  # "Teen shot"


def _same_name(one: str, other: str) -> bool:
    return one.startswith(other) or other.startswith(one)  # "Pat" and "Patrick"


def _named_apart(claim: Claim, article: Sequence[Claim]) -> bool:
    """ "Marsh is in fair condition" beside "Ruiz died": a hurt person named by a surname
    that none of the article's dead, themselves named, has is someone else (a hurt "Ruiz" or a hurt
    person beside dead told only as "he" is still the death told again)."""
    surname = _surname(claim.figure.text) if claim.span.field != "title" else None  # a headline's capitals
    if surname is None:
        return False
    dead = {_surname(c.figure.text) for c in article
            if c.measure is Measure.KILLED and not c.negated and c.span.field != "title"}
    dead.discard(None)
    return bool(dead) and not any(_same_name(surname, name) for name in dead)


_CLOSING = (".", "!", "?", '"', "”", "’", "'", ")")
_INDEFINITE = ("a ", "an ", "another ", "one ")


def _another_person(claim: Claim, article: Sequence[Claim]) -> bool:
    """ "A 31-year-old man died and a woman was hurt", "Two brothers were killed and a teen girl was
    hurt": a person introduced as new beside the dead counted or introduced in the same sentence."""
    text = claim.figure.text.lower()
    if not text.startswith(_INDEFINITE) and text != "another":
        return False
    return any(c.measure is Measure.KILLED and not c.negated and c.span.sentence == claim.span.sentence
               and _introduces(c) and c.figure.text.lower() != text for c in article)


def _introduces(claim: Claim) -> bool:
    """ "a man", "two boys", "4": the dead introduced as new (not "he", "the victim", "Smith")."""
    text = claim.figure.text.lower()
    return text.startswith(_INDEFINITE) or (_exact(claim) is not None and not _one_person(claim))


def _headline_beside_death(claim: Claim, article: Sequence[Claim]) -> bool:
    """ "Mother injured, child killed": a headline that lists a death and an injury names two people."""
    sentence = claim.span.sentence.strip()
    if not sentence or sentence.endswith(_CLOSING) or "\n\n" in sentence:
        return False
    return any(c.measure is Measure.KILLED and not c.negated and c.span.sentence == claim.span.sentence
               for c in article)
