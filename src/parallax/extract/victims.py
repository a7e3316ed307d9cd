"""Read who was hit and how many from a victim noun phrase in a parsed sentence."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from parallax.extract.claim_lexicon import ClaimLexicon
from parallax.extract.numbers import parse_figure
from parallax.nlp.arrays import sentence_text
from parallax.schema import ClaimPart, Figure

_QUANTITY_DEPS = frozenset({"nummod", "quantmod"})
_QUANTITY_WORD_DEPS = frozenset({"amod", "det", "advmod", "nmod", "compound"})
_INNER_DEPS = frozenset({"advmod", "quantmod", "amod", "det", "nummod", "compound", "npadvmod", "cc",
                         "conj", "prep", "pobj", "punct"})
_SINGULAR_PRONOUNS = frozenset({"he", "she", "him", "her", "himself", "herself"})
_PLURAL_PRONOUNS = frozenset({"they", "them", "themselves"})
_NOBODY = frozenset({"none", "nobody", "noone"})
_RELATIVE = frozenset({"who", "that", "which", "whom"})
_QUALIFIER = re.compile(r"^\W{0,4}((?:most|all|many|some|several|half|mostly|the majority|nearly all|"
                        r"almost all)\b(?: of them)?[^”\"“,.;:()]*)", re.IGNORECASE)
_PARTITIVE_HEADS = frozenset({"number", "handful", "couple", "pair", "total"})
_VICTIM_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "ADJ"})
_NOT_PEOPLE = frozenset({"ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT"})
_NOT_COUNTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"})  # "the 2014 shooting"


def is_quantity(tok: Token, lexicon: ClaimLexicon) -> bool:
    """A token that is itself a count: "eight", "52", "dozens", "number" (in "a number of")."""
    low = tok.lower_
    if low in lexicon.not_counts:
        return False
    if tok.ent_type_ in _NOT_COUNTS and not _counts_despite_label(tok, lexicon):
        return False
    if tok.like_num or tok.pos_ == "NUM":
        return not _is_age(tok) and not any(c.tag_ == "JJR" and c.lower_ not in lexicon.bounds and f"{c.lower_} than" not in
                       lexicon.bounds for c in tok.children)  # "younger than 12" is an age
    if low in ("a", "an", "the", "no"):
        return False
    return (low in lexicon.vague or low in lexicon.multipliers or low in lexicon.cardinals
            or tok.lemma_.lower() in _PARTITIVE_HEADS or low in _NOBODY)


_AGE_WORDS = frozenset({"y", "yo", "y.o.", "y.o", "yr", "yrs", "year", "years"})
_AFTER_AGE = frozenset({",", ")", "and", ".", ";"})


def _is_age(tok: Token) -> bool:
    """ "the 17 y/o boy", "a 15 yo girl", "a 3-yr-old": a number that is an age; so is one set off by
    commas after a name ("Justin Burns, 14, died"; "Ruben Reyes, 60, and Edmundo Amaro, 26, died")."""
    doc = tok.doc
    following = doc[tok.i + 1:tok.i + 3]
    words = [t.lower_ for t in following if t.lower_ not in ("-", "/")]
    if bool(words) and words[0] in _AGE_WORDS:
        return True
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    set_off = tok.i >= 2 and doc[tok.i - 1].text in (",", "(") and (after is None or after.text in _AFTER_AGE
                                                                   or after.is_space)
    before = doc[tok.i - 2]
    named = before.pos_ == "PROPN" or before.ent_type_ == "PERSON" or before.tag_ == "NN"  # "Boy, 15, shot"
    if not set_off and tok.i >= 2 and doc[tok.i - 1].text == "," and after is not None and tok.like_num:
        # the closing comma left out: "Kalone Mcgee, 26 was shot", "kills man, 18 Jose Estrada wounded"
        set_off = (before.ent_type_ == "PERSON" and (after.tag_.startswith("VB") or after.tag_ == "MD")
                   or before.tag_ == "NN" and after.pos_ == "PROPN") and _small(tok)
    return set_off and tok.like_num and named


def age_owner(tok: Token) -> Token | None:
    """The name an age set off by a comma belongs to, when the parser made the age the subject:
    "Kalone Mcgee, 26 was shot" (Mcgee)."""
    if not (tok.like_num and tok.i >= 2 and tok.doc[tok.i - 1].text == "," and _is_age(tok)) \
            or any(c.dep_ == "conj" for c in tok.children):
        return None  # "Abel Tolliver, 71 and Mae Tolliver, 69 were found": the list hangs on the age
    owner = tok.doc[tok.i - 2]
    return owner if owner.pos_ in ("PROPN", "NOUN") else None


def ages_owner(tok: Token) -> Token:
    """ "five cousins ages 4 months to 9 years old died": the parser may make "ages" the subject and
    the people its own subject; the people are the victim."""
    if tok.lemma_.lower() != "age":
        return tok
    return next((c for c in tok.children if c.dep_ in ("nsubj", "compound", "nmod") and c.pos_ in ("NOUN", "PROPN")
                 and c.i < tok.i), tok)


def after_ages(tok: Token) -> bool:
    """ "four men, ages 20-27 were shot": the parser may make the first age another subject of the verb."""
    return tok.like_num and tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("ages", "aged")


def listed_ages_owner(tok: Token) -> Token | None:
    """ "three unnamed men, ages 19-24 were shot", parsed with "ages" as the subject: the people the
    ages are told of, the noun before the comma."""
    if tok.lower_ != "ages" or tok.i < 2 or tok.doc[tok.i - 1].text != ",":
        return None
    owner = tok.doc[tok.i - 2]
    return owner if owner.pos_ in ("NOUN", "PROPN") else None


def _small(tok: Token) -> bool:
    """A number a person's age can be (digits only: "26", not "twenty-six" or "1,200")."""
    return tok.text.isdigit() and 0 < int(tok.text) < 110


def _entity_tokens(tok: Token) -> list[Token]:
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return list(doc[start:end])


def _counts_despite_label(tok: Token, lexicon: ClaimLexicon) -> bool:
    """ "between 30 and 40" is often tagged a date; "the 2014 shooting" and "12-year-old" really are."""
    if tok.ent_type_ not in ("DATE", "TIME"):
        return False
    for word in _entity_tokens(tok):
        low = word.lower_
        if word.like_num and len(low) == 4 and low[:2] in ("19", "20"):
            return False
        if word.is_alpha and not (low in lexicon.cardinals or low in lexicon.multipliers or low in lexicon.vague
                                  or low in lexicon.bounds or low in ("and", "between", "to", "or", "up")):
            return False
    return True


def resolve_relative(victim: Token) -> Token:
    """ "people who were killed": the relative pronoun stands for the noun its clause modifies; in "A, 45,
    and B, 35, were the victims who died" that noun names no count and the subject of "were" does."""
    if victim.lower_ in _RELATIVE and victim.head.dep_ == "relcl":
        return _named_by_copula(victim.head.head)
    return victim


def _named_by_copula(noun: Token) -> Token:
    """The subject of "be" whose complement `noun` is ("A and B were the victims"), when `noun` has no count."""
    if noun.dep_ != "attr" or noun.head.lemma_ != "be" or any(c.dep_ in _QUANTITY_DEPS for c in noun.children):
        return noun
    return next((c for c in noun.head.children if c.dep_ == "nsubj"), noun)


def partitive_object(tok: Token) -> Token | None:
    """ "dozens of Syrian soldiers" -> soldiers; "nine of the children" -> children."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _quantity_head(victim: Token, lexicon: ClaimLexicon) -> Token | None:
    """The token that carries the count of a victim phrase, if any."""
    if is_quantity(victim, lexicon):
        return victim
    if victim.dep_ == "pobj" and victim.head.lower_ == "of" and is_quantity(victim.head.head, lexicon) \
            and not any(c.dep_ == "nummod" for c in victim.children):
        return victim.head.head  # "nine of the children"; "one of five people who were hurt" is five
    return None


def _span_text(tokens: list[Token]) -> tuple[int, int, str]:
    doc = tokens[0].doc
    first, last = min(t.i for t in tokens), max(t.i for t in tokens)
    span = doc[first:last + 1]
    return span.start_char, span.end_char, span.text


def _figure_tokens(head: Token, lexicon: ClaimLexicon) -> list[Token]:
    """The words of a count headed by `head`: "at least" + "52", "several" + "dozen", "a number"."""
    tokens = [head]
    for child in head.lefts:
        if child.dep_ in _QUANTITY_DEPS or child.dep_ in ("advmod", "amod", "det", "nummod", "compound"):
            tokens.extend(child.subtree)
    tokens.extend(c for c in head.rights if c.dep_ == "advmod" and c.lower_ == "more")
    if any(t.lower_ == "between" for t in tokens):  # "at between 12 and 15": the range's upper end too
        tokens.extend(t for c in head.rights if c.dep_ in ("cc", "conj") and (c.dep_ == "cc" or c.like_num)
                      for t in c.subtree)
    return tokens


def _with_of(tokens: list[Token], head: Token, lexicon: ClaimLexicon) -> list[Token]:
    """Keep the "of" of "a number of" / "dozens of" when the lexicon lists the phrase with it."""
    of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None:
        return tokens
    phrase = " ".join(t.lower_ for t in sorted(tokens, key=lambda t: t.i))
    return tokens + [of] if phrase not in lexicon.vague and f"{phrase} of" in lexicon.vague else tokens


def _modifier_tokens(victim: Token, lexicon: ClaimLexicon) -> list[Token]:
    """Count words hanging on a noun: "at least 40 civilians", "several dozen civilians", "many people"."""
    tokens: list[Token] = []
    for child in victim.lefts:  # "Thirty people died": the parser may make a number word a compound (a proper noun
        # at a paragraph's start: "Thirteen people are dead")
        if (child.dep_ in _QUANTITY_DEPS or child.dep_ == "compound" and (child.pos_ == "NUM" or child.like_num)) \
                and is_quantity(child, lexicon):
            tokens.extend(child.subtree)
        elif child.dep_ == "poss":  # "two sheriff's deputies": the count hangs on the possessor
            tokens.extend(t for g in child.lefts if g.dep_ in _QUANTITY_DEPS and is_quantity(g, lexicon)
                          for t in g.subtree)
        elif child.dep_ in _QUANTITY_WORD_DEPS and (child.lower_ in lexicon.vague or child.lower_ in lexicon.bounds):
            tokens.extend(t for t in child.subtree if t.i < victim.i)
        elif child.dep_ in ("det", "predet") and child.lower_ == "both" and victim.tag_ in ("NNS", "NNPS") \
                and not victim.conjuncts:
            tokens.append(child)  # "Both men died": a determiner that counts two ("both Flores and ..." is a list)
    tokens = [t for t in tokens if not _station_number(t)]
    if tokens and victim.dep_ == "pobj" and victim.head.lower_ == "between" and victim.head.i == tokens[0].i - 1:
        tokens.append(victim.head)  # "killed between 12 and 15 people": the parser made "between" a preposition
    if tokens and victim.lower_ == "more":
        tokens.append(victim)  # "many more"
    if tokens and any(t.lower_ in ("few", "couple", "handful") for t in tokens):
        tokens.extend(c for c in victim.lefts if c.dep_ == "det" and c.lower_ in ("a", "an"))
    return tokens


def _station_number(tok: Token) -> bool:
    """ "tells Channel 8 three men were shot", "told Fox 5 two people": the digits end a name, the
    number word after them is the count (the parser makes the digits part of it: 7 men)."""
    doc = tok.doc
    return tok.is_digit and 0 < tok.i < len(doc) - 1 and doc[tok.i - 1].pos_ == "PROPN" \
        and doc[tok.i + 1].like_num and not doc[tok.i + 1].is_digit


def negation_word(victim: Token, trigger: Token) -> str:
    """The word that makes a count zero ("no", "none", "nobody", "not"), or ""."""
    if victim.lower_ in _NOBODY:
        return victim.text
    det = next((c for c in victim.children if c.dep_ in ("det", "preconj") and c.lower_ in ("no", "neither")),
               None)
    if det is not None:
        return det.text
    neg = next((c for c in trigger.children if c.dep_ == "neg"), None)
    if neg is not None:
        return neg.text
    head = victim.head
    if victim.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in _NOBODY:
        return head.head.text
    return ""


def phrase_figure(victim: Token, lexicon: ClaimLexicon) -> tuple[Figure, tuple[int, int, str]] | None:
    """The count a victim phrase gives and where it was read, or None when it gives none."""
    counted = _tuple_figure(victim, lexicon)
    if counted is not None:
        return counted
    counted = _family_of(victim, lexicon)
    if counted is not None:
        return counted
    head = _quantity_head(victim, lexicon)
    tokens = _with_of(_figure_tokens(head, lexicon), head, lexicon) if head is not None \
        else _modifier_tokens(victim, lexicon)
    tokens = _after_dateline(tokens)
    if not tokens:
        return None
    start, end, text = _span_text(tokens)
    figure = parse_figure(text, lexicon)
    if figure is None and head is not None and head.like_num:
        start, end, text = _span_text([head])
        figure = parse_figure(text, lexicon)
    return (figure, (start, end, text)) if figure is not None else None


_GROUP_OF = frozenset({"family", "group", "total"})


def _family_of(victim: Token, lexicon: ClaimLexicon) -> tuple[Figure, tuple[int, int, str]] | None:
    """ "a family of five found shot dead", "a group of three teenagers": as many as the count after "of"."""
    if victim.lemma_.lower() not in _GROUP_OF or any(c.dep_ == "nummod" for c in victim.children):
        return None
    of = next((c for c in victim.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    member = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    count = member if member is not None and member.like_num else \
        next((c for c in member.children if c.dep_ == "nummod" and c.like_num), None) if member is not None else None
    figure = parse_figure(count.text, lexicon) if count is not None else None
    if figure is None:
        return None
    start, end, text = _span_text(list(victim.doc[victim.i:member.i + 1]))
    return Figure(figure.low, figure.high, text), (start, end, text)


def _tuple_figure(victim: Token, lexicon: ClaimLexicon) -> tuple[Figure, tuple[int, int, str]] | None:
    """ "a quadruple shooting", "the double homicide": the count the tuple word gives its event noun."""
    if victim.lemma_.lower() not in lexicon.tuple_nouns and victim.lower_ not in lexicon.tuple_nouns:
        return None
    word = next((c for c in victim.children if c.lower_ in lexicon.tuples and c.i < victim.i), None)
    if word is None:
        return None
    n = lexicon.tuples[word.lower_]
    start, end, text = _span_text(list(victim.doc[word.i:victim.i + 1]))
    return Figure(n, n, text), (start, end, text)


def core_phrase(victim: Token) -> tuple[int, int, str]:
    """A noun phrase without its clauses and trailing modifiers: "A 12-year-old", "the victim"."""
    tokens = [victim] + [t for c in victim.lefts if c.dep_ != "punct" for t in c.subtree]
    return _span_text([t for t in _after_dateline(tokens + [victim]) if t.i <= victim.i] or [victim])


def _after_dateline(tokens: list[Token]) -> list[Token]:
    """ "HOUSTON - Four people": the words after a spaced dash; the parser hangs the dateline on the count."""
    last = max(t.i for t in tokens) if tokens else -1
    cut = max((t.i for t in tokens if is_separator(t) and t.i < last), default=-1)
    return [t for t in tokens if t.i > cut]


def dateline_dash(sent: Span) -> Token | None:
    """The spaced dash that ends a sentence-initial dateline ("ARAUCA, Colombia - "): a capitalised
    newsroom town, then names and commas only; None when the sentence opens otherwise."""
    words = [t for t in sent[:_DATELINE_WORDS] if not t.is_space]
    if not words or not (words[0].is_upper and words[0].is_alpha and len(words[0]) > 1):
        return None
    for tok in words[1:]:
        if is_separator(tok) and tok.text != "|":
            return tok
        if not (tok.pos_ == "PROPN" or tok.is_punct and tok.text in ",/()" or tok.is_upper):
            return None
    return None


_DATELINE_WORDS = 8  # "SAN JOSE DEL GUAVIARE, Colombia (Andes Wire) -"


def default_figure(victim: Token) -> Figure | None:
    """A count implied by grammar alone: "a man" is one, "civilians" at least one; None if no person."""
    low = victim.lower_
    if low == "another":  # "killing two men and wounding another", "one man dead and another wounded"
        return Figure(1, 1, victim.text)
    if victim.pos_ == "PRON":
        if low in _SINGULAR_PRONOUNS:
            return Figure(1, 1, victim.text)
        if low not in _PLURAL_PRONOUNS:
            return None
        return Figure(2, 2 if _floating_both(victim) else None, victim.text)
    if victim.pos_ not in _VICTIM_POS:
        return None
    text = core_phrase(victim)[2]
    if victim.tag_ == "NNPS" and _one_named_person(victim):
        return Figure(1, 1, text)  # "31-year-old Lamar Hicks": a surname ending in s is tagged a plural
    if victim.lower_ == "twins" or victim.lower_ in _PARENTS and any(c.dep_ == "poss" for c in victim.children) \
            or victim.lower_ == "couple" and not any(c.lower_ == "of" for c in victim.children):
        return Figure(2, 2, text)  # "Her parents, Reyna and Julian Gonzalez, were killed", "a young couple": two
    if victim.tag_ in ("NNS", "NNPS") and victim.lower_ not in ("police",):
        return Figure(1, None, text)
    return Figure(1, 1, text)


_PARENTS = frozenset({"parents", "grandparents"})  # one's parents are two ("the parents" of many children: not)


_WITH_CHILDREN = frozenset({"father", "mother", "dad", "mom", "mum", "parent", "grandfather", "grandmother"})


def counts_children(tok: Token) -> bool:
    """ "Father of 3 fatally shot", "a mother of two was killed": the count is the victim's children."""
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].lower_ == "of" and doc[tok.i - 2].lower_ in _WITH_CHILDREN


def _floating_both(pronoun: Token) -> bool:
    """ "They both died", "They were both pronounced dead": a "both" after the pronoun (or its auxiliary)
    says the pronoun stands for two."""
    after = pronoun.doc[pronoun.i + 1:pronoun.i + 3]
    words = [t.lower_ for t in after]
    return words[:1] == ["both"] or len(words) == 2 and after[0].pos_ == "AUX" and words[1] == "both"


def _one_named_person(name: Token) -> bool:
    """A name with a first name or an age before it and no article ("the Hickses" are a family)."""
    if any(c.dep_ == "det" for c in name.children):
        return False
    return is_aged(name) or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in name.lefts) \
        and name.ent_type_ == "PERSON"


def victim_group(victim: Token, lexicon: ClaimLexicon) -> str:
    """The group a victim phrase names: "civilians", "Syrian soldiers", "" for a name or a pronoun."""
    if is_quantity(victim, lexicon):
        inner = partitive_object(victim)
        if inner is not None and inner.lower_ in _PLURAL_PRONOUNS:
            inner = _antecedent(inner, victim, lexicon)
        return victim_group(inner, lexicon) if inner is not None else ""
    if victim.pos_ in ("PRON", "PROPN", "NUM") or victim.pos_ == "DET":  # "another hospitalized"
        return ""
    lemma = victim.lemma_.lower()
    if lemma in lexicon.nouns or victim.lower_ in lexicon.nouns or victim.pos_ == "ADJ":
        return _modifier_group(victim, lexicon)
    base = lexicon.victims.get(lemma) or lexicon.victims.get(victim.lower_) or victim.lower_
    nationality = [c.text for c in victim.lefts if c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP"]
    return " ".join([*nationality, base])


def _antecedent(pronoun: Token, count: Token, lexicon: ClaimLexicon) -> Token | None:
    """Who "them" stands for in "N of them": the nearest group of people named before it in its
    sentence that is not the subject of the verb counting them ("soldiers pursued the attackers and
    killed two of them": the attackers)."""
    verb, subjects = count.head, set()
    for _ in range(4):  # "soldiers had pursued the attackers and killed": the first verb's subject
        subjects.update(c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))
        if subjects or verb.dep_ != "conj":
            break
        verb = verb.head
    for tok in reversed(pronoun.doc[pronoun.sent.start:pronoun.i]):
        if tok.tag_ in ("NNS", "NNPS") and tok.i not in subjects and tok.lemma_.lower() in lexicon.victims:
            return tok
    return None


def _modifier_group(noun: Token, lexicon: ClaimLexicon) -> str:
    """ "civilian casualties" -> civilians: the group of a casualty noun is in its modifiers."""
    for child in noun.lefts:
        if child.dep_ in ("amod", "compound"):
            group = lexicon.victims.get(child.lemma_.lower()) or lexicon.victims.get(child.lower_)
            if group:
                return group
            if child.ent_type_ == "NORP":
                return child.text
    return _among_group(noun, lexicon)


def _among_group(noun: Token, lexicon: ClaimLexicon) -> str:
    """ "casualties among the police" -> police."""
    for prep in (c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "among"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            group = lexicon.victims.get(obj.lemma_.lower()) or lexicon.victims.get(obj.lower_)
            if group:
                return group
    return ""


def qualifier(trigger: Token) -> str:
    """ "eight killed, “most of them non-Syrian”": who the victims mostly were, as written."""
    sent = trigger.sent
    rest = sentence_text(sent)[trigger.idx + len(trigger.text) - sent.start_char:]  # sent.text: a Token per word
    match = _QUALIFIER.match(rest)
    return match.group(1).strip() if match else ""


def including_parts(victim: Token, trigger: Token, lexicon: ClaimLexicon) -> tuple[ClaimPart, ...]:
    """ "52 people, including 11 women and 17 children" -> (women, 11), (children, 17)."""
    listed = [obj for owner in (victim, trigger)
              for prep in owner.children if prep.dep_ == "prep" and prep.lemma_ == "include"
              for obj in prep.children if obj.dep_ == "pobj"]
    listed += [c for c in victim.children if _share_in_apposition(c)]  # "17 people, among them four women"
    parts: list[ClaimPart] = []
    for obj in listed:
        for member in (obj, *(c for c in obj.conjuncts if c.i > obj.i)):
            found = phrase_figure(member, lexicon)
            if found is not None:
                parts.append(ClaimPart(victim_group(member, lexicon), found[0]))
    return tuple(parts)


_MOSTLY = frozenset({"mostly", "mainly", "largely", "primarily", "predominantly", "chiefly"})


def _share_in_apposition(child: Token) -> bool:
    """ "17 people, among them four women and three children", "40 villagers, mostly women and children":
    an apposition that says who some or most of the victims were, a part of the count and never more
    victims."""
    return child.dep_ == "appos" and any(
        c.dep_ == "advmod" and c.lower_ in _MOSTLY
        or c.dep_ == "prep" and c.lower_ == "among" and any(
            o.dep_ == "pobj" and o.lower_ in ("them", "whom", "those") for o in c.children)
        for c in child.children)


def conjoined(victim: Token, trigger: Token, lexicon: ClaimLexicon | None = None) -> list[Token]:
    """ "he and three others", "a man and a woman": every member of a coordinated victim phrase; but only
    the modified noun for "the three dead suspects and two residents" or "two men who were killed"."""
    if trigger.dep_ in ("amod", "relcl", "acl") and trigger.head == victim:  # not "shots that killed A, B and C"
        return [victim]
    doc = victim.doc
    cut = next((t.i for t in doc[victim.i:victim.sent.end] if is_separator(t)), len(doc))
    first = _split_subject(victim)  # "A woman, who was ..., and two men were taken to hospital"
    members = ([first] if first is not None else []) + [victim] + [
        c for c in (*victim.conjuncts, *_listed_in_apposition(victim))
        if victim.i < c.i < cut and c.pos_ in _VICTIM_POS and not _done_to(c) and _may_be_person(c, victim)]
    members += [c for c in _along_with(victim, trigger) if c.pos_ in _VICTIM_POS and _may_be_person(c, victim)]
    members = list(dict.fromkeys(members))  # a name both conjoined and listed in apposition counts once
    if lexicon is None:
        return members
    named = _names_of_counts(sorted(members, key=lambda t: t.i), lexicon)
    # "death of 15-year-old ruled accidental, arrest made": a conjoined casualty word is no victim
    return [m for m in members if m.i not in named and (m is victim or m.lemma_.lower() not in lexicon.nouns)]


def _along_with(victim: Token, trigger: Token) -> list[Token]:
    """ "A man, along with his two daughters, was shot dead", "two girls are dead along with their mother",
    "two men were killed together with a woman": more victims told beside the subject, as a preposition
    of the casualty verb (or of the "be" of "dead"); not of another verb ("one man was found dead, along
    with two other shooting victims" were found, wounded)."""
    if victim.dep_ not in ("nsubj", "nsubjpass") or victim.head != trigger and not (
            victim.head.lemma_ == "be" and trigger.head == victim.head):
        return []
    found: list[Token] = []
    for prep in victim.head.children:
        if prep.dep_ != "prep":
            continue
        if prep.lower_ == "along":
            preps = [w for w in prep.children if w.dep_ == "prep" and w.lower_ == "with"]
        elif prep.lower_ == "with" and any(c.lower_ == "together" for c in victim.head.children if c.i == prep.i - 1):
            preps = [prep]
        else:
            continue
        found += [m for w in preps for o in w.children if o.dep_ == "pobj" for m in (o, *o.conjuncts)]
    return found


def _split_subject(victim: Token) -> Token | None:
    """ "A woman, who was sitting on her porch, and two men were taken to hospital": after a relative
    clause the parser may make the second member another subject of the verb; the first subject then
    keeps a dangling "and" and no conjunct. That first subject, when it can be a person."""
    if victim.dep_ not in ("nsubj", "nsubjpass"):
        return None
    for other in victim.head.children:
        if other.dep_ == victim.dep_ and other.i < victim.i and other.pos_ in ("NOUN", "PROPN") \
                and other.ent_type_ not in _NOT_PEOPLE and not other.conjuncts \
                and any(c.dep_ == "cc" and c.lower_ == "and" for c in other.children):
            return other
    return None


def _may_be_person(member: Token, victim: Token) -> bool:
    """A conjunct that can be a person: not an organisation or place ("shot mother - WCAX News, Weather and
    Sports"), unless aged, or a name listed with a person's name (the tagger often calls a first name
    it does not know an organisation: "Paul Reed and Tia Marsh")."""
    if member.ent_type_ not in _NOT_PEOPLE or is_aged(member):
        return True
    return member.ent_type_ == "ORG" and member.pos_ == "PROPN" and (victim.ent_type_ == "PERSON" or listed_with_person(victim))


def listed_with_person(name: Token) -> bool:
    """ "Marcus Hill, Dante Reese and Kevin Moss were shot": a name the tagger calls an organisation,
    conjoined with a name it calls a person, is a person too."""
    return name.pos_ == "PROPN" and name.ent_type_ == "ORG" and any(
        c.ent_type_ == "PERSON" and c.pos_ == "PROPN" for c in name.conjuncts)


def _names_of_counts(members: list[Token], lexicon: ClaimLexicon) -> set[int]:
    """ "Dana Whitlow and her two young sons, Eli and Brock": the names after a counted plural
    and its comma name the people counted, they are not more of them (the parser conjoins them)."""
    named: set[int] = set()
    naming = 0
    for member in members:
        if naming and member.pos_ == "PROPN":
            naming -= 1
            named.add(member.i)
            continue
        naming = _named_after(member, lexicon)
    return named


def _named_after(noun: Token, lexicon: ClaimLexicon) -> int:
    """How many names may follow a counted plural ("two children, Gunner and Maycie"): its count, or 0."""
    after = noun.i + 1
    if noun.tag_ not in ("NNS", "NNPS") or after >= len(noun.doc) or noun.doc[after].text != ",":
        return 0
    for child in noun.children:
        if child.dep_ == "nummod":
            figure = parse_figure(child.text, lexicon)
            if figure is not None and figure.low is not None and figure.low == figure.high and figure.low > 1:
                return figure.low
    return 0


def _done_to(tok: Token) -> bool:
    """ "killing 11 villagers and burning granaries": a conjunct opened by a gerund is what a second
    verb did, which the parser hung on the victims as a noun."""
    first = tok.doc[tok.left_edge.i]
    return first.tag_ == "VBG" and first.head == tok and first.dep_ == "amod"


def is_aged(victim: Token) -> bool:
    """ "20-year-old Gustav Christianson", "Ruben Reyes, 60,": a name with an age is a person, whatever
    the tagger's entity label."""
    return any(c.dep_ == "amod" and c.lower_ == "old" or c.dep_ == "appos" and c.like_num and _is_age(c)
               for c in victim.children)


def is_separator(tok: Token) -> bool:
    """ "shot mother - WCAX News": a spaced dash or a bar ends a list (the hyphens of "19-year-old" do not)."""
    if tok.text == "|":
        return True
    spaced = tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_) and bool(tok.whitespace_)
    return tok.text in ("-", "–", "—") and spaced


def _listed_in_apposition(victim: Token) -> list[Token]:
    """ "his wife, son and daughter": the parser often hangs "son and daughter" on "wife" as an apposition."""
    if victim.pos_ == "PROPN":
        return _names_in_apposition(victim)
    if victim.pos_ != "NOUN":
        return []  # "Clark, a student athlete and cadet" describes one person
    for child in victim.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and any(c.dep_ == "conj" for c in child.children) \
                and not any(c.dep_ == "det" for c in child.children) and not _share_in_apposition(child) \
                and child.lemma_.lower() != "age":  # "three men, ages 24, 25 and 41": their ages, not more men
            return [child, *child.conjuncts]
    if _owned(victim):  # "his cousin, his cousin's wife, and a third man": one owned noun after another
        owned = [c for c in victim.children if c.dep_ == "appos" and c.pos_ == "NOUN" and _owned(c)]
        # "his wife, her sister, a town marshal and a deputy": the list goes on, hung on the last owned noun
        more = [t for c in owned for a in c.children if a.dep_ == "appos" and a.pos_ == "NOUN"
                and any(x.dep_ == "conj" for x in a.children) for t in (a, *a.conjuncts)]
        return owned + more
    return []


def _names_in_apposition(name: Token) -> list[Token]:
    """ "42-year-old Paul Reed, 20-year-old Tia Marsh and 33-year-old Carl Otis": the parser hangs the
    second name on the first as an apposition and the third on the second; a name in apposition that
    is itself the first of a list of names is the list's next member, not the first name told again;
    so is a name with its own age after a name with an age ("Dana Roe, 31, Carl Minton, 19, and ...")."""
    found: list[Token] = []
    named = [c for c in name.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON"]
    listed = len(named) > 1 or bool(named) and any(c.dep_ == "cc" for c in name.children)  # "Omar Pruitt,
    # Lena Voss, Tariq Dunmore, and Cole Haskins": one person has no two names in apposition
    for child in (c for c in name.children if c.dep_ == "appos"):
        if child.pos_ == "PROPN" and (any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in child.children)
                                      or is_aged(child) and is_aged(name) or listed and child in named):
            found += [child, *child.conjuncts, *_names_in_apposition(child)]  # and the third on the second
        elif child.like_num and _is_age(child):
            # "Walter Greene, 67 and Rosa Greene, 63": the next name is conjoined with the first one's age
            found += [c for c in child.conjuncts if c.pos_ == "PROPN"]
    return found


def _owned(noun: Token) -> bool:
    """ "his brother", "her friend", "his brother's girlfriend": a noun with a possessive ("his ex-wife", split
    by the parser into "ex", "-" and "wife": on the word before the hyphen)."""
    doc = noun.doc
    split = noun.i >= 2 and doc[noun.i - 1].text == "-" and not doc[noun.i - 2].whitespace_
    return any(c.dep_ == "poss" for c in (*noun.children, *(doc[noun.i - 2].children if split else ())))
