"""Say who made each claim: the reporting verb over it, "according to", or the quote it sits in."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.attrs import LEMMA, POS
from spacy.symbols import VERB
from spacy.tokens import Doc, Token

from parallax.extract.claim_lexicon import ClaimLexicon
from parallax.extract.speakers import SpeakerBook, build_book, make_speaker, relay_name
from parallax.nlp.arrays import token_table
from parallax.schema import Claim, Speaker, Stance

_QUOTE = re.compile(r"“[^”]{1,3000}”|\"[^\"\n]{1,3000}\"")
_PATH_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "advcl", "pcomp"})
_CONTENT_OBJECT_VERBS = frozenset({"report", "confirm", "announce", "record", "count", "document", "estimate",
                                   "put", "deny", "acknowledge", "admit"})
_TOLL_AT_VERBS = frozenset({"put", "place", "set", "estimate"})  # "put the toll at nine"
# denials whose object is what they deny: a figure in the report they reject is theirs, denied (not
# "rejected the proposal after the attack that killed 30")
_REJECTING_VERBS = frozenset({"reject", "dispute", "dismiss", "refute", "rebut"})
_OBJECT_ONLY_VERBS = frozenset({"count"})  # a count is the speaker's only over what is counted
# "the ministry gave a lower toll of 24 dead": the subject of these verbs speaks for a figure noun they take
_FIGURE_VERBS = frozenset({"give", "issue", "release", "provide", "publish"})
_FIGURE_NOUNS = frozenset({"toll", "figure", "tally", "count", "estimate"})
_SIDE_DEPS = frozenset({"parataxis", "ccomp", "advcl"})
_HOLDERS = frozenset({"report", "quote", "cite"})
_INTERVIEW = frozenset({"interview", "comment", "comments", "remark", "remarks"})
_MAX_HOPS = 16
_REPORT_NOUNS = frozenset({"report", "claim", "allegation", "account", "figure", "story"})


@dataclass(frozen=True, slots=True)
class Voice:
    """Who speaks through one reporting verb, via whom, and how (an extract-internal record)."""

    speaker: Speaker | None
    relay: tuple[str, ...]
    verb: str
    stance: Stance


@dataclass(slots=True)
class Voices:
    """Every reporting verb and quotation of one article, with its voice."""

    book: SpeakerBook
    by_verb: dict[int, Voice]
    quotes: list[tuple[int, int, Voice | None]]
    calling: frozenset[int] = frozenset()  # verbs that speak only for what they call for or condemn


def _child(tok: Token, *deps: str) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def _agent(*verbs: Token) -> Token | None:
    for verb in verbs:
        for child in verb.children:
            if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
                obj = _child(child, "pobj")
                if obj is not None:
                    return obj
    return None


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _as_saying(verb: Token) -> Token | None:
    """ "he was reported as saying": the passive verb that holds the speaker, if `verb` is in one."""
    if verb.lemma_ == "say" and verb.head.lower_ == "as" and verb.head.head.lemma_.lower() in _HOLDERS:
        return verb.head.head
    if verb.lemma_.lower() in _HOLDERS and any(
            c.lower_ == "as" and any(g.lemma_ == "say" for g in c.children) for c in verb.children):
        return verb
    return None


def _statement_owner(subject: Token, lexicon: ClaimLexicon) -> Token | None:
    """ "a statement from Centcom", "the coalition's statement": the author stands for the text."""
    if subject.lemma_.lower() not in lexicon.statement:
        return subject
    for child in subject.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
            return _child(child, "pobj")
    # "The statement said": the one whose statement the article told (speakers.make_speaker)
    return subject if any(c.dep_ == "det" and c.lower_ in ("the", "that", "this") for c in subject.children) else None


def _subject(verb: Token, lexicon: ClaimLexicon) -> tuple[Token | None, list[Token]]:
    """The speaker phrase of a reporting verb and any relaying outlets it names."""
    holder = _as_saying(verb)
    if holder is not None:
        saying = [g for c in holder.children if c.lower_ == "as" for g in c.children if g.lemma_ == "say"]
        agent = _agent(verb, holder, *saying)
        return _child(holder, "nsubjpass"), [agent] if agent is not None else []
    if _is_passive(verb):
        return _agent(verb), []
    head = verb
    for _ in range(3):
        if head != verb and head.dep_ == "ccomp" and head.head.lemma_.lower() in lexicon.reporting:
            head = head.head  # "denied that its jets had struck, saying ...": the one who denied says it
        subject = _nearest_subject(head)
        if subject is not None:
            return _statement_owner(subject, lexicon), _relays(verb, lexicon)
        if head.dep_ not in ("conj", "advcl", "xcomp") or head.head.pos_ not in ("VERB", "AUX"):
            break
        head = head.head
    subject = _subject_in_apposition(verb)
    if subject is not None:
        return _statement_owner(subject, lexicon), _relays(verb, lexicon)
    return None, _relays(verb, lexicon)


def _subject_in_apposition(verb: Token) -> Token | None:
    """ "wounding 17, including a 6-year-old girl, regional governor Oleh Syniehubov said": a speaker
    right before a subjectless "said" that the parser hung on the last victim as an apposition."""
    if verb.i == 0 or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    before = verb.doc[verb.i - 1]
    if before.dep_ != "appos" or before.pos_ not in ("PROPN", "NOUN") or before.head.i >= before.i:
        return None
    return before if verb.doc[before.left_edge.i - 1].text == "," else None


def _nearest_subject(verb: Token) -> Token | None:
    """The verb's subject; of two (a misparse: "ISLAMABAD (Courier) - Pakistan's military said"), the
    one nearest before it: a dateline comes first."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    before = [c for c in subjects if c.i < verb.i]
    return (before or subjects or [None])[-1]


def _relays(verb: Token, lexicon: ClaimLexicon) -> list[Token]:
    """ "told Syrian state media", "in an interview with RT": who carried the words."""
    found = []
    if verb.lemma_ == "tell":
        found += [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        obj = _child(prep, "pobj")
        if obj is None:
            continue
        if prep.lower_ == "to" and verb.lemma_ in ("say", "tell"):
            found.append(obj)
        elif obj.lower_ in _INTERVIEW or obj.lemma_ in _INTERVIEW:
            inner = [_child(p, "pobj") for p in obj.children if p.dep_ == "prep" and p.lower_ in ("with", "to")]
            found += [i for i in inner if i is not None]
    return found


def _voice(verb: Token, book: SpeakerBook, lexicon: ClaimLexicon) -> Voice:
    subject, relays = _subject(verb, lexicon)
    speaker = make_speaker(subject, book, lexicon) if subject is not None else None
    if speaker is not None:
        book.remember(subject.idx, speaker)
    entry = lexicon.reporting[verb.lemma_.lower()]
    verb_form = "said" if _as_saying(verb) is not None else entry.verb
    names = tuple(n for n in (relay_name(r, lexicon) for r in relays) if n)
    cited = _cited_by_outlet(verb, subject, speaker)
    source = make_speaker(cited, book, lexicon) if cited is not None else None
    if source is not None:  # "Local media, citing hospital officials, said": the officials, via the media
        return Voice(source, (speaker.name, *names), verb_form, entry.stance)
    return Voice(speaker, names, verb_form, entry.stance)


def _cited_by_outlet(verb: Token, subject: Token | None, speaker: Speaker | None) -> Token | None:
    """Whom an outlet cites for what it reports: "Al Arabiya reported, citing a security source"."""
    if speaker is None or speaker.kind != "media" or subject is None:
        return None
    citing = [c for owner in (verb, subject) for c in owner.children
              if c.lemma_ == "cite" and c.tag_ == "VBG" and c.dep_ in ("advcl", "xcomp", "acl", "conj")]
    return next((o for c in citing for o in c.children if o.dep_ == "dobj"), None)


def _is_reporting(tok: Token, lexicon: ClaimLexicon) -> bool:
    return tok.pos_ == "VERB" and tok.lemma_.lower() in lexicon.reporting


def _reporting_verbs(doc: Doc, lexicon: ClaimLexicon) -> list[int]:
    """The indices of the tokens `_is_reporting` accepts, read from the doc's arrays: a Token
    object is made per reporting verb, not per word of the article."""
    rows = doc.to_array([POS, LEMMA]).tolist()
    strings = doc.vocab.strings
    reporting = {lemma for lemma in {row[1] for row in rows} if strings[lemma].lower() in lexicon.reporting}
    return [i for i, (pos, lemma) in enumerate(rows) if pos == VERB and lemma in reporting]


def _attributed_verb(doc: Doc, start: int, end: int, lexicon: ClaimLexicon) -> Token | None:
    """The reporting verb right after a quote ("…,” he said") or, failing that, right before it."""
    closing = doc.char_span(end - 1, end, alignment_mode="expand")
    opening = doc.char_span(start, start + 1, alignment_mode="expand")
    if closing is None or opening is None:
        return None
    after = [t for t in closing[0].sent if t.idx >= end]
    if not after and closing[0].sent.end < len(doc) and doc[closing[0].sent.end].is_lower:
        after = list(doc[closing[0].sent.end].sent)
    verb = next((t for t in after if _is_reporting(t, lexicon)), None)
    if verb is None:
        before = [t for t in opening[0].sent if t.idx < start and _is_reporting(t, lexicon)]
        verb = before[-1] if before else None
    return verb


def _quote_voices(doc: Doc, by_verb: dict[int, Voice], lexicon: ClaimLexicon) -> list[tuple[int, int, Voice | None]]:
    quotes: list[tuple[int, int, Voice | None]] = []
    text = token_table(doc).text  # Doc.text makes a Token per word on each access
    for match in _QUOTE.finditer(text):
        start, end = match.span()
        verb = _attributed_verb(doc, start, end, lexicon)
        voice = by_verb.get(verb.i) if verb is not None else None
        if voice is None and quotes and "\n\n" not in text[quotes[-1][1]:start].strip():
            voice = quotes[-1][2]  # a quote that runs on without a new "he said" keeps its speaker
        quotes.append((start, end, voice))
    return quotes


def _figure_verbs(doc: Doc) -> list[int]:
    """ "gave a lower toll of 24 dead", "issued a figure of 12": verbs whose subject gives a figure."""
    rows = doc.to_array([POS, LEMMA]).tolist()
    strings = doc.vocab.strings
    found = []
    for i, (pos, lemma) in enumerate(rows):
        if pos == VERB and strings[lemma].lower() in _FIGURE_VERBS and any(
                c.dep_ == "dobj" and c.lemma_.lower() in _FIGURE_NOUNS and not _none_of(c) for c in doc[i].children):
            found.append(i)
    return found


def _none_of(noun: Token) -> bool:
    """ "gave no precise toll": a figure given as none is no voice."""
    return any(c.lower_ == "no" for c in noun.children) or any(c.dep_ == "neg" for c in noun.head.children)


def _figure_voice(verb: Token, book: SpeakerBook, lexicon: ClaimLexicon) -> Voice:
    subject = _nearest_subject(verb) if not _is_passive(verb) else _agent(verb)
    speaker = make_speaker(subject, book, lexicon) if subject is not None else None
    if speaker is not None:
        book.remember(subject.idx, speaker)
    return Voice(speaker, (), "reported", Stance.ASSERTED)


def _calling_verbs(doc: Doc, lexicon: ClaimLexicon) -> list[int]:
    """ "called for an inquiry into", "condemned", "urged ... to investigate": verbs whose subject speaks
    for the deaths its object or its "for" phrase takes for granted."""
    return [t.i for t in doc if t.pos_ == "VERB" and t.lemma_.lower() in lexicon.calling]


def _calling_voice(verb: Token, book: SpeakerBook, lexicon: ClaimLexicon) -> Voice:
    subject, _ = _subject(verb, lexicon)
    speaker = make_speaker(subject, book, lexicon) if subject is not None else None
    if speaker is not None:
        book.remember(subject.idx, speaker)
    return Voice(speaker, (), lexicon.calling[verb.lemma_.lower()], Stance.ASSERTED)


def index_voices(doc: Doc, lexicon: ClaimLexicon) -> Voices:
    """The voice of every reporting verb and quote, read top to bottom so "he" finds its person."""
    book = build_book(doc, lexicon)
    figures = set(_figure_verbs(doc))
    calling = set(_calling_verbs(doc, lexicon)) if lexicon.calling else set()
    by_verb = {i: _figure_voice(doc[i], book, lexicon) if i in figures
               else _calling_voice(doc[i], book, lexicon) if i in calling else _voice(doc[i], book, lexicon)
               for i in sorted(figures | calling | set(_reporting_verbs(doc, lexicon)))}
    return Voices(book, by_verb, _quote_voices(doc, by_verb, lexicon), frozenset(calling))


def _reports_over(verb: Token, child: Token, calling: frozenset[int] = frozenset()) -> bool:
    """Whether a reporting verb governs the clause on the path (not "claimed lives")."""
    if verb.i in calling:  # "called for an inquiry into the killing of 20", not "called police after 2 were shot"
        return child.dep_ in ("dobj", "xcomp") or child.dep_ == "prep" and child.lower_ == "for"
    if verb.lemma_.lower() in _FIGURE_VERBS:
        return _gives_figure(child)
    if verb.lemma_.lower() in _OBJECT_ONLY_VERBS:
        return child.dep_ == "dobj"  # "the Red Cross counting 19 dead", not "counting the dead after 3 died"
    if child.dep_ in _PATH_DEPS:
        return True
    if child.dep_ == "nsubj" and any(c.dep_ == "nsubj" and child.i < c.i < verb.i for c in verb.children):
        return True  # "The attack left 20 dead and scores wounded, officials said": the parser made the
        # clause's subject a second subject of "said"
    if child.dep_ == "prep" and child.lower_ == "at" and verb.lemma_.lower() in _TOLL_AT_VERBS:
        return True  # "the army put the toll at nine dead"
    if child.dep_ == "dobj" and verb.lemma_.lower() in _REJECTING_VERBS:
        return child.lemma_.lower() in _REPORT_NOUNS  # "rejected reports that 30 villagers had been killed"
    if child.dep_ == "dobj" and verb.lemma_.lower() == "say":
        return _counted(child)  # a headline's "Army says 15 militants killed": the count parsed as the object
    return child.dep_ == "dobj" and verb.lemma_.lower() in _CONTENT_OBJECT_VERBS


def _counted(noun: Token) -> bool:
    return noun.pos_ == "NUM" or any(c.dep_ == "nummod" for c in noun.children)


def _gives_figure(child: Token) -> bool:
    """The figure noun a figure verb takes, or the misparsed "and 51 wounded" joined to the verb
    (a number as the subject of a bare casualty word)."""
    if child.dep_ == "dobj":
        return child.lemma_.lower() in _FIGURE_NOUNS
    return child.dep_ == "conj" and any(c.dep_ == "nsubj" and c.pos_ == "NUM" for c in child.children) \
        and not any(c.dep_ in ("dobj", "ccomp", "aux") for c in child.children)


def _closing_voice(tok: Token, voices: Voices) -> Voice | None:
    """ "The toll rose to nine, including a girl, Ukraine's interior minister said on Thursday": a
    "..., X said" that closes the sentence speaks for it wherever the parser hung it."""
    sent = tok.sent
    for i in range(sent.end - 1, tok.i, -1):
        voice = voices.by_verb.get(i)
        if voice is None:
            continue
        verb = sent.doc[i]
        subject = _nearest_subject(verb)
        if voice.speaker is None or subject is None or verb in tok.ancestors or verb.dep_ == "ROOT" \
                or any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children):
            return None
        opens = subject.left_edge.i - 1
        tail = [t for t in sent.doc[verb.i + 1:sent.end] if not (t.is_punct or t.is_space)]
        if opens > tok.i and sent.doc[opens].text == "," and all(t in verb.subtree for t in tail):
            return voice
        return None
    return None


def _described_by(tok: Token, voices: Voices, lexicon: ClaimLexicon) -> Voice | None:
    """ "far more than the seven reported by police": a figure its own reporting clause attributes."""
    for child in tok.children:
        if child.dep_ not in ("acl", "relcl") or child.i not in voices.by_verb:
            continue
        agent = _agent(child)
        speaker = make_speaker(agent, voices.book, lexicon) if agent is not None else None
        if speaker is not None:
            return replace(voices.by_verb[child.i], speaker=speaker, relay=())
    return None


def _denial_beside(verb: Token, child: Token, voice: Voice) -> bool:
    """ "Air strike kills 9; Russia denies involvement": a denial after a semicolon is a clause of its
    own (what it denies, mostly a role, is its object or unsaid); it does not deny the figure before it."""
    if voice.stance is not Stance.DENIED or child.i > verb.i:
        return False
    return any(t.text == ";" for t in verb.doc[child.right_edge.i + 1:verb.i])


def _called_false(tok: Token, lexicon: ClaimLexicon) -> bool:
    """ "saying reports of civilian deaths were fabricated", "rejecting Afghan claims that 11 civilians
    had died": a figure in reports its speaker calls false, or rejects, is denied by that speaker."""
    report, deps = tok, ("nsubj", "nsubjpass", "dobj")
    for _ in range(4):  # "reports of civilian deaths", "reports that 30 people died"
        if report.head == report or report.dep_ in deps and report.lemma_.lower() in _REPORT_NOUNS:
            break
        report = report.head
    if report.dep_ not in deps or report.lemma_.lower() not in _REPORT_NOUNS:
        return False
    if report.dep_ == "dobj":
        verb = lexicon.reporting.get(report.head.lemma_.lower())
        return verb is not None and verb.stance is Stance.DENIED
    predicate = report.head
    words = [predicate] + [c for c in predicate.children if c.dep_ in ("acomp", "attr", "oprd")]
    return any(w.lemma_.lower() in lexicon.falsity or w.lower_ in lexicon.falsity for w in words)


def _according_to(node: Token) -> Token | None:
    for prep in (c for c in node.children if c.dep_ == "prep" and c.lower_ == "according"):
        to = _child(prep, "prep")
        obj = _child(to, "pobj") if to is not None else _child(prep, "pobj")
        if obj is not None:
            return obj
    return None


def _walk(tok: Token, voices: Voices) -> tuple[Voice | None, Voice | None, Token | None]:
    """Up the tree from a claim: the governing reporting verb's voice, a side "…, police said", "according to"."""
    node, child = tok, None
    side: Voice | None = None
    according: Token | None = None
    for _ in range(_MAX_HOPS):
        voice = voices.by_verb.get(node.i)
        if child is not None and voice is not None and voice.speaker is not None and _reports_over(node, child, voices.calling) \
                and not _denial_beside(node, child, voice):
            return voice, side, according
        according = according or _according_to(node)
        if side is None:
            side = next((voices.by_verb[c.i] for c in node.children if c.dep_ in _SIDE_DEPS
                         and c.i in voices.by_verb and c != child and c.i > tok.i
                         and voices.by_verb[c.i].speaker is not None), None)
        if node.head == node:
            break
        node, child = node.head, node
    return None, side, according


def _quote_voice(tok: Token, voices: Voices) -> Voice | None:
    for start, end, voice in voices.quotes:
        if start <= tok.idx < end:
            return voice
    return None


def _according_voice(obj: Token, voices: Voices, lexicon: ClaimLexicon) -> Voice | None:
    owner = _statement_owner(obj, lexicon)
    speaker = make_speaker(owner, voices.book, lexicon) if owner is not None else None
    carriers = [a for c in obj.children if c.dep_ == "acl" and c.lemma_ in _CARRYING and (a := _agent(c)) is not None]
    relay = tuple(n for n in (relay_name(a, lexicon) for a in carriers) if n)
    return Voice(speaker, relay, "according to", Stance.ASSERTED) if speaker is not None else None


_CARRYING = frozenset({"quote", "cite", "carry", "report", "relay"})  # "according to X, quoted by RIA Novosti"


def attribute(claim: Claim, tok: Token, voices: Voices, lexicon: ClaimLexicon) -> Claim:
    """The claim with its speaker, relays, verb and stance; unchanged when the outlet speaks itself."""
    voice, side, according = _walk(tok, voices)
    voice = _described_by(tok, voices, lexicon) or voice or side or _closing_voice(tok, voices)
    source = _according_voice(according, voices, lexicon) if according is not None else None
    if voice is None:
        voice = source or _quote_voice(tok, voices)
    elif source is not None and source.speaker is not None and source.speaker != voice.speaker:
        voice = replace(voice, relay=voice.relay + (source.speaker.name,))
    if voice is None or voice.speaker is None:
        return claim
    outlet = _outer_outlet(tok, voice, voices)
    if outlet and outlet not in voice.relay:
        voice = replace(voice, relay=voice.relay + (outlet,))
    stance = Stance.DENIED if _called_false(tok, lexicon) else voice.stance
    if any(phrase in voice.speaker.name.lower() for phrase in lexicon.retractions) or _revised_since(tok):
        stance = Stance.RETRACTED  # "Correction: A previous version of this report said 20 were killed"
    return replace(claim, speaker=voice.speaker, relay=voice.relay, verb=voice.verb, stance=stance)


_FIRST_TOLD = frozenset({"originally", "initially"})
_REVISING = frozenset({"amend", "revise", "correct", "lower", "update", "change", "downgrade", "raise"})


def _revised_since(tok: Token) -> bool:
    """ "Officials first said nine people were hit, then revised that figure to five": the
    speaker took the first figure back (the claim's reporting verb told "originally", and revised)."""
    for verb in tok.ancestors:
        if any(c.dep_ == "advmod" and c.lower_ in _FIRST_TOLD for c in verb.children):
            return any(c.dep_ == "conj" and c.lemma_.lower() in _REVISING for c in verb.subtree)
    return False


def _outer_outlet(tok: Token, voice: Voice, voices: Voices) -> str:
    """ "The governor said 13 had died, Russian media reported": the outlet whose report holds the
    speaker's words is a relay."""
    node, seen = tok, False
    for _ in range(_MAX_HOPS):
        found = voices.by_verb.get(node.i) if node.lemma_.lower() not in _FIGURE_VERBS else None
        if found is voice:
            seen = True
        elif seen and found is not None and found.speaker is not None and found.speaker.kind == "media":
            return found.speaker.name
        if node.head == node:
            break
        node = node.head
    return ""
