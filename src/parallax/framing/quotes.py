"""Give each quoted passage to a speaker, a party and a kind of source, from the words around it."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from parallax.framing.lexicon import FramingLexicon, PartyCue, index_key
from parallax.framing.names import OBJECT_BEFORE, person_name, surnames
from parallax.framing.segments import Passage, overlaps, word_count
from parallax.schema import Article, Claim, Quote, Span

# "he said", "it added", "he was quoted as saying": the speaker is the one named just before.
_PRONOUN = re.compile(r"(?:^|\s)(he|she|it|they)(?:\s+(?:was|were|is|has|had|also))?(?:\s+\w+\s+as)?\s*$",
                      re.IGNORECASE)
_REGION_WORDS = 12
_REPORTED_WORDS = 5
_WORD = re.compile(r"\w[\w'’-]*")
_PASSIVE = re.compile(r"\b(?:is|was|were|are|been|be|being)\s+(?:\w+ly\s+)?$", re.IGNORECASE)  # "was reported"
_CONJUNCTION = re.compile(r"\b(?:and|but|or|while|as)\b", re.IGNORECASE)
_UNSPECIFIED = "(unspecified)"  # parties named so are used only when no other cue is found
# A clause between the speaker and the verb: "A Red Cross official, who asked not to be named, said";
# one that withholds the speaker's name makes the source anonymous, commas or not.
_ASIDE = re.compile(r",\s*(?:who|speaking|requesting|declining)\b[^,;:]*,\s*$", re.IGNORECASE)
_ANONYMITY = re.compile(r"\b(?:not to be (?:named|identified)|anonymity|anonymously|"
                        r"without being (?:named|identified)|declined to be (?:named|identified)|"
                        r"not (?:authori[sz]ed|allowed|permitted) to (?:speak|talk|brief|comment))\b",
                        re.IGNORECASE)
_BARE_ANONYMITY = re.compile(r"\s+(?:who|speaking)\b[^,;:]*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Voice:
    """Who a passage is given to, before it becomes a Quote."""

    speaker: str
    party: str
    source_kind: str


_NOBODY = Voice("", "", "unattributed")


@dataclass(frozen=True, slots=True)
class _Scene:
    """What attribution knows about the article: its claims' speakers and the people it names."""

    text: str
    quoted: list[Passage]
    claims: Sequence[Claim]
    surnames: frozenset[str]
    lexicon: FramingLexicon
    fuller: Mapping[str, PartyCue]  # a one-word cue -> the article's first longer cue ending with it


def _scene(article: Article, quoted: list[Passage], claims: Sequence[Claim], lexicon: FramingLexicon) -> _Scene:
    first: dict[str, tuple[int, PartyCue]] = {}  # head word -> earliest longer cue ending with it
    for cue in lexicon.parties:
        head = re.split(r"[\s-]", cue.cue)[-1]
        longer = head != cue.cue and head in lexicon.cue_words
        match = cue.pattern.search(article.text) if longer else None
        if match and (head not in first or match.start() < first[head][0]):
            first[head] = (match.start(), cue)
    fuller = {head: cue for head, (_, cue) in first.items()}
    end = article.dateline_end  # "KINSHASA (Central Wire) - ": the newsroom, never a speaker
    text = " " * end + article.text[end:]
    return _Scene(text, quoted, claims, surnames(text, lexicon, article.outlet), lexicon, fuller)


def attribute_quotes(article: Article, quoted: list[Passage], sentences: list[Span],
                     incident_sentences: Sequence[Span], claims: Sequence[Claim],
                     lexicon: FramingLexicon) -> list[Quote]:
    """One Quote per passage, in reading order; "he said" looks for the speaker one sentence back."""
    scene = _scene(article, quoted, claims, lexicon)
    quotes: list[Quote] = []
    previous, previous_window = _NOBODY, (-1, -1)
    for passage in quoted:
        window, before = _window(passage, sentences)
        voice = _voice(scene, passage, window, before, previous)
        if voice.source_kind == "unattributed" and window == previous_window:
            voice = previous  # "... as a “brazen attack” and said it would “not be intimidated”"
        if voice.source_kind != "unattributed":
            previous, previous_window = voice, window
        span = Span(article.id, passage.start, passage.end, passage.text, "")
        quotes.append(Quote(voice.speaker, voice.party, voice.source_kind, word_count(passage.text),
                            overlaps(passage.start, passage.end, incident_sentences), span))
    return quotes


def reported_speech(article: Article, quoted: list[Passage], sentences: list[Span],
                    claims: Sequence[Claim], lexicon: FramingLexicon) -> list[Quote]:
    """Sentences with no quotation marks that say who said them ("..., the ministry said"):
    one Quote each (direct=False), its words the sentence's."""
    scene = _scene(article, quoted, claims, lexicon)
    found = []
    for sentence in sentences:
        if any(sentence.start <= p.end and p.start <= sentence.end for p in quoted):
            continue
        end = Passage(sentence.end, sentence.end, "")
        voice = _voice(scene, end, (sentence.start, sentence.end), None, _NOBODY, reach=_REPORTED_WORDS)
        if voice.source_kind != "unattributed":
            found.append(Quote(voice.speaker, voice.party, voice.source_kind, word_count(sentence.text),
                               False, sentence, direct=False))
    return found


def _window(passage: Passage, sentences: list[Span]) -> tuple[tuple[int, int], Span | None]:
    """The sentences a passage runs through (its speaker is named in them) and the one before."""
    hit = [i for i, s in enumerate(sentences) if s.start < passage.end and passage.start < s.end]
    if not hit:
        return (passage.start, passage.end), None
    before = sentences[hit[0] - 1] if hit[0] > 0 else None
    return (sentences[hit[0]].start, sentences[hit[-1]].end), before


def _masked(scene: _Scene, window: tuple[int, int]) -> str:
    """The window's text with every quoted passage blanked, offsets kept (relative to window)."""
    chars = list(scene.text[window[0]:window[1]])
    for p in scene.quoted:
        for i in range(max(p.start, window[0]), min(p.end, window[1])):
            chars[i - window[0]] = " "
    return "".join(chars)


def _voice(scene: _Scene, passage: Passage, window: tuple[int, int], before_sentence: Span | None,
           previous: Voice, reach: int = _REGION_WORDS) -> Voice:
    """`reach`: how many words either side of the verb may name the speaker (fewer for reported
    speech, whose sentences name many people who say nothing)."""
    outside = _masked(scene, window)
    at = (passage.start - window[0], passage.end - window[0])
    verb = _reporting_verb(outside, at, scene.lexicon)
    if verb is None:  # a quote standing alone continues the last one; else the outlet's own quotes
        return previous if not outside.strip(" .,“”\"\n") else _NOBODY
    outside, cut, unnamed = _without_aside(outside, verb[0])
    voice = _speaking(scene, outside, (verb[0] - cut, verb[1] - cut), before_sentence, previous, reach)
    if unnamed and voice.source_kind in ("official", "named") and voice.speaker:
        return Voice(voice.speaker, voice.party, "anonymous")
    return voice


def _without_aside(outside: str, verb: int) -> tuple[str, int, bool]:
    """The text without a clause set off right before the verb ("..., who asked not to be named,
    said"), how many characters that took out, and whether the clause (or a bare one: "an officer
    who spoke on condition of anonymity said") withholds the speaker's name."""
    aside = _ASIDE.search(outside, 0, verb)
    if aside is None:
        bare = _BARE_ANONYMITY.search(outside, max(0, verb - 80), verb)
        if bare is None or not _ANONYMITY.search(bare.group()):
            return outside, 0, False
        aside = bare
    cut = aside.end() - aside.start() - 1
    return outside[:aside.start()] + " " + outside[aside.end():], cut, bool(_ANONYMITY.search(aside.group()))


def _speaking(scene: _Scene, outside: str, verb: tuple[int, int], before_sentence: Span | None,
              previous: Voice, reach: int) -> Voice:
    before = _words_before(outside, verb[0], reach)
    if _PRONOUN.search(before):
        if reach < _REGION_WORDS:
            return _NOBODY  # "they say": too vague to give a sentence to anyone
        earlier = _masked(scene, (before_sentence.start, before_sentence.end)) if before_sentence else ""
        return _from_region(earlier, scene, near=0) or previous
    after = _words_after(outside, verb[1], reach)
    voice = _from_region(before, scene, near=len(before)) or _from_region(after, scene, 0, opens=True) or _NOBODY
    if voice.party.endswith(_UNSPECIFIED):  # "a military source told Syrian state media"
        relay = _nearest_cue(after, _cue_hits(after, scene.lexicon.parties), 0)
        if relay and not relay.party.endswith(_UNSPECIFIED):
            voice = Voice(voice.speaker, relay.party, voice.source_kind)
    if voice.party.endswith(_UNSPECIFIED) and previous.source_kind == voice.source_kind \
            and re.search(rf"\bthe {re.escape(voice.speaker)}\s*$", before, re.IGNORECASE):
        return previous  # "the source said": the source already named
    return voice


def _reporting_verb(outside: str, at: tuple[int, int], lexicon: FramingLexicon) -> tuple[int, int] | None:
    """The verb that introduces the passage: right after it ("...,” Mattis said"), else the nearest
    one before it ("Russia condemned the strike as “illegitimate”"), else the nearest after."""
    found = [v for v in _verbs(outside, lexicon) if not _PASSIVE.search(outside[max(0, v[0] - 24):v[0]])]
    after = [v for v in found if v[0] >= at[1]]
    if after:
        gap = outside[at[1]:after[0][0]]
        if len(gap.split()) <= 4 and not _CONJUNCTION.search(gap):
            return after[0]
    before = [v for v in found if v[1] <= at[0]]
    if before:
        return before[-1]
    return after[0] if after else None


def _verbs(text: str, lexicon: FramingLexicon) -> list[tuple[int, int]]:
    """Where reporting verbs are, scanning the words once (see lexicon.index_key)."""
    found = []
    for word in _WORD.finditer(text):
        for term in lexicon.reporting.get(index_key(word.group()), ()):
            match = term.pattern.match(text, word.start())
            if match:
                found.append((match.start(), match.end()))
                break
    return found


def _words_before(outside: str, stop: int, reach: int = _REGION_WORDS) -> str:
    piece = re.split(r"[;:]|\s{3,}", outside[:stop])[-1]
    return " ".join(piece.split()[-reach:])


def _words_after(outside: str, start: int, reach: int = _REGION_WORDS) -> str:
    """Up to the end of the clause; "Sgt." or "U.S." ends none."""
    rest = _TITLE_DOT.sub(lambda m: m.group(1) + " ", outside[start:])
    piece = re.split(r"[;:]|(?<![A-Z])\.(?:\s|$)|\s{3,}", rest)[0]
    return " ".join(piece.split()[:reach])


_TITLE_DOT = re.compile(r"\b(Lt|Col|Gen|Maj|Capt|Sgt|Cpl|Det|Ofc|Insp|Supt|Adm|Dr|Mr|Mrs|Ms|Prof|Rev|St|Sen|Rep|Gov)\.")


def _from_region(region: str, scene: _Scene, near: int, opens: bool = False) -> Voice | None:
    """The speaker named in `region`: a claim's speaker, a person's name, or a party cue. `opens`:
    the region starts right after the verb, where one capitalised word is a name ("said Fatima,")."""
    if not region.strip():
        return None
    hits = _cue_hits(region, scene.lexicon.parties)
    cue = _as_in_article(_nearest_cue(region, hits, near), scene)
    unnamed = any(h[2].source_kind == "anonymous" for h in hits)
    speaker = max((c.speaker for c in scene.claims if c.speaker and c.speaker.name and c.speaker.name in region),
                  key=lambda s: len(s.name), default=None)  # "a Red Cross official", not "Red Cross"
    name = person_name(region, scene.lexicon, scene.surnames, [h[:2] for h in hits], near, opens)
    if name and any(not region[h[1]:].strip(" ,") for h in hits) and near == len(region):
        name = ""  # "..., David Ross, 45, officials said": the officials speak, not David Ross
    if name and (speaker is None or speaker.name not in name and name not in speaker.name):
        speaker = None  # the person named here, not a claim's speaker mentioned in passing
        cue = _as_in_article(_cue_for_name(region, hits, region.rfind(name), len(name)), scene)
    if speaker is not None:
        role = f"{speaker.role} {speaker.name} {speaker.normalized}"  # "Russian Foreign Minister"
        own = _nearest_cue(role, _cue_hits(role, scene.lexicon.parties), 0)
        cue = cue if own is None or (own.party.endswith(_UNSPECIFIED) and cue is not None) else own
        kind = "named" if speaker.kind == "person" or name else _cue_kind(cue, unnamed)
        if cue is None and speaker.kind != "outlet":  # "the Congolese army said": no cue, still a source
            unnamed = unnamed or bool(re.search(rf"\ban?\s+{re.escape(speaker.name)}", region, re.IGNORECASE))
            kind = "anonymous" if unnamed or speaker.kind == "anonymous source" else "official"
        return Voice(speaker.normalized or speaker.name, cue.party if cue else "", kind)
    if name:
        return Voice(name, cue.party if cue else "", "named")
    if cue:
        return Voice(_cue_text(region, cue), cue.party, _cue_kind(cue, unnamed))
    return None


Hit = tuple[int, int, PartyCue]


def _as_in_article(cue: PartyCue | None, scene: _Scene) -> PartyCue | None:
    """"the coalition" speaks for the coalition the article named in full ("the Saudi-led coalition")."""
    full = scene.fuller.get(cue.cue) if cue and " " not in cue.cue else None
    return PartyCue(cue.cue, full.party, cue.source_kind, cue.pattern) if full else cue


def _cue_for_name(region: str, hits: list[Hit], at: int, size: int) -> PartyCue | None:
    """The party of a named person: the title before the name ("Russian deputy foreign minister
    Gennady Gatilov", "the governor of the province, Ahmed Nouri"), else what follows it
    ("Rami Razzouk, a coroner", "Lina Farouk of the Syrian Network for Human Rights")."""
    own = [h for h in hits if at <= h[0] and h[1] <= at + size]  # "Mattis" is a cue itself
    if own:
        return own[0][2]
    before = [h for h in hits if h[1] <= at and not _VERB_BETWEEN.search(region[h[1]:at])]
    if before:
        return _nearest_cue(region, before, at, subjects_only=False)
    after = [h for h in hits if h[0] >= at + size and re.match(r"\s*(?:,|of\b)", region[at + size:h[0]])]
    return _nearest_cue(region, after, at + size, subjects_only=False) if after else None


_VERB_BETWEEN = re.compile(r"\b(?:said|told|says|and|but|while|as)\b")


def _cue_hits(region: str, cues: Sequence[PartyCue]) -> list[Hit]:
    hits: list[Hit] = []
    for cue in cues:  # longest first: a shorter cue inside a longer one is not a separate hit
        for m in cue.pattern.finditer(region):
            if not any(s < m.end() and m.start() < e for s, e, _ in hits):
                hits.append((m.start(), m.end(), cue))
    return sorted(hits, key=lambda h: h[0])


def _nearest_cue(region: str, hits: list[Hit], near: int, subjects_only: bool = True) -> PartyCue | None:
    """The cue nearest `near`, skipping cues that are objects ("bombing the Islamic State group",
    "in Syria"), and generic ones ("a source") when a specific one is there. A cue right after
    another one is qualified by it: "Syrian army officer" speaks for the Syrian army."""
    subjects = [h for h in hits if not (subjects_only and OBJECT_BEFORE.search(region[:h[0]]))]
    specific = [h for h in subjects if not h[2].party.endswith(_UNSPECIFIED)] or subjects
    if not specific:
        return None
    best = min(specific, key=lambda h: min(abs(h[0] - near), abs(h[1] - near)))
    qualifier = next((h for h in hits if h[1] < best[0] and not region[h[1]:best[0]].strip()), None)
    if qualifier and not qualifier[2].party.endswith(_UNSPECIFIED):
        return PartyCue(best[2].cue, qualifier[2].party, best[2].source_kind, best[2].pattern)
    return best[2]


def _cue_kind(cue: PartyCue | None, unnamed: bool = False) -> str:
    """anonymous when the region names an unnamed person ("a spokesman for the rebel group");
    a cue of no kind ("Russian") speaks as an office."""
    if cue is None:
        return "unattributed"
    return "anonymous" if unnamed else (cue.source_kind or "official")


def _cue_text(region: str, cue: PartyCue) -> str:
    match = cue.pattern.search(region)
    return match.group() if match else cue.cue
