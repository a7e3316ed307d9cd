"""Read an article's casualty and damage claims, each with who said it, how surely, and for what scope."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from parallax.extract.attribution import attribute, index_voices
from parallax.extract.casualties import casualty_claims, claim_id, tuple_claims, tuples_less_dead
from parallax.extract.claim_lexicon import ClaimLexicon, load_claim_lexicon
from parallax.extract.compared import compared_claims
from parallax.extract.damage import damage_claims
from parallax.extract.gapping import gapped_claims
from parallax.extract.headline_shape import is_headline
from parallax.extract.headlines import headline_claims
from parallax.extract.numbers import parse_figure
from parallax.extract.outcomes import settle_outcomes
from parallax.extract.qualifiers import of_an_earlier_year, qualify
from parallax.extract.self_inflicted import REFLEXIVES, turned_on_self
from parallax.extract.speakers import headline_speaker
from parallax.nlp.arrays import indices_between, token_table, tokens_with_word
from parallax.schema import Article, Claim, Measure

__all__ = ["ClaimLexicon", "extract_claims", "extract_title_claims", "load_claim_lexicon", "parse_figure"]


def _key(claim: Claim) -> tuple[object, ...]:
    speaker = claim.speaker.normalized if claim.speaker is not None else None
    figure = claim.figure
    person = figure.text.lower() if figure.low == figure.high == 1 else ""  # "a man" and "a woman" are two
    return speaker, claim.measure, figure.low, figure.high, claim.negated, claim.scope, person


def deduplicate(claims: list[Claim], lexicon: ClaimLexicon | None = None) -> list[Claim]:
    """One claim per (speaker, measure, figure): a figure repeated later in the article keeps its first
    span. Single victims named differently ("a man", "another woman") stay apart. A figure read from a
    tuple ("the quadruple murder", often in a sentence about an arrest) yields to a count told in words
    ("the three men found shot to death")."""
    tuples = lexicon.tuples if lexicon is not None else {}
    seen: dict[tuple[object, ...], Claim] = {}
    for claim in sorted(claims, key=lambda c: c.figure.text.split("-")[0].split(" ")[0].lower() in tuples):
        seen.setdefault(_key(claim), claim)
    return sorted(seen.values(), key=claims.index)


def _claim_words(lexicon: ClaimLexicon) -> frozenset[str]:
    """Every word a casualty or damage claim hangs on (casualties.trigger_of, "to death")."""
    return frozenset({*lexicon.verbs, *lexicon.nouns, *lexicon.adjectives, *lexicon.tuple_nouns, "death",
                      *REFLEXIVES})


def extract_claims(doc: Doc, article: Article, lexicon: ClaimLexicon | None = None,
                   told_dead: int = 0) -> list[Claim]:
    """Every casualty and damage claim of one parsed article, in reading order, repeats removed
    (`told_dead`: deaths told elsewhere in the article, for a headline's shot count)."""
    lexicon = lexicon or load_claim_lexicon()
    found = []
    cues = tokens_with_word(doc, _claim_words(lexicon))
    for sent in doc.sents:
        heads = headline_claims(sent, article.id, lexicon, told_dead) if is_headline(sent) else []
        words = indices_between(cues, sent.start, sent.end)
        if not words:  # no casualty or damage word: nothing to read
            found.extend(heads)
            continue
        if heads:  # the headline reader's counts, and a tuple's ("Quadruple Shooting Leaves 1 Dead")
            dead_told = 0 if any(c.measure is Measure.KILLED for _, c in heads) else told_dead
            told = heads + tuple_claims(sent, article.id, lexicon, words, dead_told)
        else:
            told = tuples_less_dead(casualty_claims(sent, article.id, lexicon, words), lexicon, told_dead) \
                + turned_on_self(sent, article.id, lexicon, words)
        found.extend(told + compared_claims(sent, told, article.id, lexicon))
        found.extend(damage_claims(sent, article.id, lexicon, words))
    if not found:
        return []
    voices = index_voices(doc, lexicon)
    year = article.published.year if article.published else None
    found = [(tok, of_an_earlier_year(qualify(attribute(claim, tok, voices, lexicon), tok, lexicon), tok, year))
             for tok, claim in found]
    found += gapped_claims(found, voices, lexicon)
    claims = [claim for _, claim in settle_outcomes(found, lexicon)]
    claims.sort(key=lambda c: (c.span.start, c.span.end))
    return deduplicate(off_furniture(claims, token_table(doc).text, lexicon, article.title), lexicon)


def off_furniture(claims: list[Claim], text: str, lexicon: ClaimLexicon, title: str = "") -> list[Claim]:
    """The claims not read from page furniture: a line that links another story ("RELATED: 3 shot in
    Elm Park"), or what follows a line like "More stories you may like"; and, below the story's
    opening, a headline of a story the article's own `title` shares no telling word with ("Father,
    Daughter Killed in Circus Tent Collapse" under a drive-by shooting: `_other_headline`)."""
    lowered = text.lower()
    cut, links = len(text), []
    told = _telling_words(title)
    for line in _LINE.finditer(lowered):
        words = line.group().strip().lstrip(_BULLETS).strip()  # "• Related: 2 suspects killed in ..."
        original = text[line.start():line.end()].strip()
        if words.startswith(lexicon.links) or _is_teaser(original) \
                or told and line.start() > _OPENING and _other_headline(original, told):
            links.append((line.start(), line.end()))
        elif words.startswith(lexicon.furniture) and len(words) <= _HEADER and not words.endswith("."):
            cut = min(cut, line.start())
    return [c for c in claims if c.span.start < cut and not any(a <= c.span.start < b for a, b in links)]


_OPENING = 300  # characters: the body's first lines often repeat the headline or a subhead
_SMALL = frozenset({"a", "an", "the", "in", "on", "at", "of", "for", "to", "and", "or", "after", "as", "by",
                    "with", "from", "into", "near", "over", "is", "are", "was", "vs", "vs.", "&"})
# words nearly every shooting headline has: sharing only these, two headlines tell nothing in common
_GENERIC = frozenset({"shot", "shooting", "shootings", "killed", "kills", "dead", "death", "deaths", "dies",
                      "injured", "wounded", "hurt", "police", "cops", "man", "men", "woman", "women", "teen",
                      "teens", "boy", "girl", "people", "found", "fatal", "fatally", "deadly", "says", "said",
                      "suspect", "suspects", "arrested", "charged", "victim", "victims", "identified", "home",
                      "killing", "murder", "gunman", "gunfire", "officials", "update", "updated", "video",
                      "news", "breaking", "year", "old", "child", "children", "shoot", "fire", "opens"})
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")


def _telling_words(line: str) -> frozenset[str]:
    return frozenset(w.lower().strip(".'’") for w in _WORD.findall(line)) - _SMALL - _GENERIC


def _other_headline(line: str, told: frozenset[str]) -> bool:
    """A title-case line with no closing punctuation that shares no telling word with the article's title."""
    words = _WORD.findall(line)
    if not 3 <= len(words) <= 16 or line.endswith((".", "!", "?", '"', "”", ":")):
        return False
    big = [w for w in words if w.lower() not in _SMALL]
    if not big or sum(w[0].isupper() for w in big) < 0.8 * len(big):
        return False
    return not (_telling_words(line) & told)


_LINE = re.compile(r"[^\n]+")
_BULLETS = "•·*»▶►■▪-–—"
# a video list's entries: "2:41 Deadly brawl filmed by bystander", "Video Two Killed in Crash"
_CLIP = re.compile(r"^\d{1,2}:\d\d\s+(?![ap]\.?m\b)[A-Z\"“‘']")
_VIDEO = re.compile(r"^Video:?\s+[A-Z]")


def _is_teaser(line: str) -> bool:
    """A line that names another story or its video: a clip's length then its title, "Video" and a title
    with no closing punctuation, or a headline in brackets ("[Police: Boys handle rifle, one hurt]")."""
    bracketed = line.startswith("[") and line.endswith("]") and len(line) <= _HEADER * 2 and ". " not in line
    return bracketed or bool(_CLIP.match(line)) or bool(_VIDEO.match(line)) \
        and not line.endswith((".", "!", "?", '"', "”"))


_HEADER = 60  # characters: "More stories you may like on 7News" is a header, a sentence is longer


def extract_title_claims(doc: Doc, article: Article, lexicon: ClaimLexicon | None = None,
                         body: Sequence[Claim] = ()) -> list[Claim]:
    """The claims of an article's headline (`Article.title`, parsed as a Doc of its own), read as any
    text is ("2 dead, 3 hurt in weekend shootings" by the headline reader): their spans index the
    title (field "title") and their ids differ from a body claim's at the same offsets. The deaths the
    `body` claims tell are taken out of a headline's shot count that gives none ("4 shot")."""
    told = [c.speaker for c in body if c.speaker is not None]
    return [on_title(replace(claim, speaker=headline_speaker(claim.speaker, told)))
            for claim in extract_claims(doc, article, lexicon, told_deaths(body))]


def told_deaths(claims: Sequence[Claim]) -> int:
    """The largest exact count of dead of the incident the claims tell (0: none)."""
    return max((c.figure.low or 0 for c in claims if c.measure is Measure.KILLED and not c.negated
                and c.scope == "incident" and c.figure.low == c.figure.high), default=0)


def on_title(claim: Claim) -> Claim:
    """A claim read from the headline: its span's field is "title", its id says so."""
    span = replace(claim.span, field="title")
    return replace(claim, span=span, id=claim_id(claim.article_id, span.start, span.end, claim.measure, "title"))
