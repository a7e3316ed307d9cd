"""Find the date expressions of a sentence and resolve them against the article's publication date."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from parallax.ingest.dateline import DATELINE, MAX_DATELINE_CHARS, find_dateline
from parallax.extract.date_lexicon import DateLexicon, alternation, load_date_lexicon
from parallax.extract.date_rules import DURATION, NONE, POINT, Context, Reading, read_expression
from parallax.nlp.arrays import sentence_text
from parallax.nlp.entities import entities_within
from parallax.schema import Article, DatePrecision, EventDate, Span

# Words just before an expression that change what it means ("since 2011", "for two days") or that
# a reader expects to see with it ("early on Sunday").
PREFIX = re.compile(r"(?i)\b(?:(?:early|late|earlier|later)\s+(?:(?:on|in)\s+)?"
                    r"|(?:on|in|since|for|until|till|throughout|during|within|by|over|between)\s+)$")
PAST_TAGS = frozenset({"VBD"})
PAST_HELPERS = frozenset({"was", "were", "had", "has", "have", "did", "'d"})
# Two pieces of one expression: "Tuesday" + "night", "Thursday" + "at 16:30", "Saturday, April 25".
JOINER = re.compile(r"^(?:\s+|\s*,\s*|\s+at\s+)$")
# A page's time stamp dates the page, not the event: after "Posted:", "Updated", "(Published "
# on its line (a weekday or clock time may come between: "Posted: Tue 3:41 PM, Jun 02, 2015"),
# or a full date or date and time alone on its line ("November 21, 2014 6:40 AM").
_CLOCK = r"\d{1,2}:\d{2}(?:\s*[AaPp]\.?\s?[Mm]\.?)?(?:\s+[A-Z]{2,4})?"
STAMP_CUE = re.compile(r"(?:\b(?:Posted|Updated|Published|Created|Modified|Last [Uu]pdated|POSTED|UPDATED"
                       r"|PUBLISHED)\b(?:\s+on)?|\b(?i:posted|updated|published|created)\s*:)\s*:?\s*"
                       rf"(?:[A-Z][a-z]{{2,8}}\.?,?\s+)?(?:{_CLOCK},?\s*)?$")
STAMP_LINE_REST = re.compile(rf"^[\s,|\-\u2013\u2014]*(?:(?:at\s+)?{_CLOCK}|[AaPp]\.?[Mm]\.?(?:\s+[A-Z]{{2,4}})?)?"
                             r"[\s,|)\-\u2013\u2014]*$")
STAMP_VALUE = re.compile(rf"\b\d{{4}}\b|{_CLOCK}")
# The page's own stamp near its top ("Created: 11/23/2014 7:18 PM"): its day of publication when
# the given one is missing or more than STALE_DAYS later (a crawl date given as publication).
PAGE_STAMP = re.compile(r"\b(?:Posted|Updated|Published|Created|Modified)\b\s*:?\s*(?P<when>"
                        rf"(?:[A-Z][a-z]{{2,8}}\.?,?\s+)?(?:{_CLOCK},?\s*)?"
                        r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}/\d{1,2}/\d{4}))")
# an age ("the 6-year-old", "34 years old", "a two-month-old") or a street block ("the 1700 block of
# Elm Street"), which NER often labels DATE: no date of any event
AGE = re.compile(r"(?i)^(?:the |a |an )?(?:\d+|[a-z]+(?:-[a-z]+)?)[- ](?:year|month|week|day)s?[- ]old$|\byears? old$")
BLOCK = re.compile(r"^\s+(?:block\b|(?:[NSEW]\.? )?[A-Z][a-z]+\.? (?:St|Street|Ave|Avenue|Rd|Road|Ct|Court|Blvd|"
                   r"Boulevard|Dr|Drive|Lane|Ln|Way|Pl|Place|Pkwy|Parkway|Hwy|Highway|Terrace|Circle)\b)")
PAGE_HEAD_CHARS = 1500
STALE_DAYS = 30


@dataclass(frozen=True, slots=True)
class DateMention:
    """One resolved expression with what the parse says about it (kept inside this module)."""

    date: EventDate
    kind: str
    reporting: bool  # attached to "said", "told": the date of the report
    future: bool  # its verb is in the future tense


def resolve_expression(text: str, published: date | None, anchor: date | None = None, *,
                       future: bool = False, nearest: bool = False,
                       lexicon: DateLexicon | None = None) -> EventDate:
    """The date `text` names, read as of `published`; `anchor` dates "two days earlier";
    `nearest` when no past tense ties it back (a yearless "Dec. 15" is then the nearer one)."""
    reading = _read(text, published, anchor, future, lexicon or load_date_lexicon(), nearest)
    return replace(reading.date, expression=text)


def find_dates(sent: SpacySpan, article: Article, anchor: date | None = None, *,
               lexicon: DateLexicon | None = None) -> list[EventDate]:
    """Every date expression in the sentence, resolved, with its Span into `article.text`."""
    return [m.date for m in date_mentions(sent, article, anchor, lexicon or load_date_lexicon())]


def event_dates(sent: SpacySpan, article: Article, anchor: date | None = None, *,
                lexicon: DateLexicon | None = None) -> list[EventDate]:
    """The sentence's dates that say when ("on Friday", "last year", "since May"), not how long
    ("for nearly five hours", "died hours after", "a 10 year veteran"): a duration places no event."""
    return [m.date for m in date_mentions(sent, article, anchor, lexicon or load_date_lexicon())
            if m.kind != DURATION or _counting_window(article.text, m.date.span)]


# "within a month's time", "in 24 hours", "a violent two-hour span": the window a roundup counts in,
# another incident's time than the one told
_WINDOW_BEFORE = re.compile(r"(?i)\b(?:within|in|over|during|amid|across|in the (?:past|last))\s+(?:a |an |the )?$")
_WINDOW_AFTER = re.compile(r"(?i)^[\s-]*(?:span|period|stretch|spree)\b")


def _counting_window(text: str, span: Span | None) -> bool:
    if span is None:
        return False
    before, after = text[max(0, span.start - 30):span.start], text[span.end:span.end + 12]
    opens = span.text.lower().startswith(("within ", "in ", "over ", "during ", "amid ", "across "))
    return opens or bool(_WINDOW_BEFORE.search(before) or _WINDOW_AFTER.match(after))


def event_date_for(sent: SpacySpan, article: Article, anchor: date | None = None, *,
                   lexicon: DateLexicon | None = None) -> EventDate | None:
    """The date most likely to be the event's: a point in time, not ahead of publication, not
    the date of a reporting verb unless nothing else dates the sentence (then WEEK precision:
    the event happened on or shortly before the report)."""
    published = _published(article)
    mentions = [m for m in date_mentions(sent, article, anchor, lexicon or load_date_lexicon())
                if m.kind == POINT and not _ahead(m, published)]
    events = [m for m in mentions if not m.reporting]
    if events:
        # the most precise wins; min() keeps the first of equals, i.e. sentence order
        return min(events, key=lambda m: (m.date.value is None, m.date.precision)).date
    if mentions:
        return as_report_date(mentions[0].date)
    return None


def date_mentions(sent: SpacySpan, article: Article, anchor: date | None,
                  lexicon: DateLexicon) -> list[DateMention]:
    """The sentence's expressions in order; a day resolved earlier in the sentence anchors the
    later ones ("the April 6 strike ... two days earlier"), else `anchor` does."""
    doc, published, mentions = sent.doc, _published(article), []
    # Doc.text is rebuilt from every token on each access: slicing the sentence's text keeps
    # date finding linear in a long article rather than quadratic.
    sentence, offset = sentence_text(sent), sent.start_char
    for start, end in candidate_spans(sent, lexicon):
        tokens = doc.char_span(start, end, alignment_mode="expand")
        future = is_future(tokens, lexicon)
        text = sentence[start - offset:end - offset]
        if is_stamp(sentence, start - offset, end - offset) or in_dateline_date(article.text, start):
            continue  # the page's time stamp, not the event's date
        if AGE.search(text) or text.isdigit() and BLOCK.match(sentence[end - offset:]):
            continue  # someone's age, an address
        reading = _read(text, published, anchor, future, lexicon, is_untensed(tokens, lexicon))
        if reading.kind == NONE:
            continue  # a clock time or "now": not a date
        where = Span(article.id, start, end, text, sentence)
        mentions.append(DateMention(replace(reading.date, expression=text, span=where),
                                    reading.kind, is_reporting(tokens, lexicon), future))
        if reading.kind == POINT and reading.date.precision == DatePrecision.DAY and reading.date.value:
            anchor = reading.date.value
    return mentions


def is_stamp(text: str, start: int, end: int) -> bool:
    """True when text[start:end] is a page's time stamp: after a "Posted"/"Updated"/"Published"
    cue on its line, or a date with a year or a clock time alone on its line."""
    cut = text.find("\n", start, end)  # NER may run a stamp on into the next line's dateline
    end = cut if cut > start else end
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    before, after = text[line_start:start], text[end:line_end if line_end >= 0 else len(text)]
    if STAMP_CUE.search(before):
        return True
    alone = not before.strip(" \t(") and STAMP_LINE_REST.match(after)
    return bool(alone and STAMP_VALUE.search(text[start:end]))


def in_dateline_date(text: str, start: int) -> bool:
    """True when `start` falls in the date of a wire dateline opening its line ("PORT SUDAN,
    Nov 16 (Nile Observer) -"): like the dateline's town, it is the filing's, not the event's."""
    if start > MAX_DATELINE_CHARS and text.rfind("\n", start - MAX_DATELINE_CHARS, start) < 0:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line = text[line_start:line_start + MAX_DATELINE_CHARS + 1]
    match = DATELINE.match(line)
    if match is None or not match["date"] or not find_dateline(line)[0]:
        return False
    return match.start("date") <= start - line_start < match.end("date")


def candidate_spans(sent: SpacySpan, lexicon: DateLexicon) -> list[tuple[int, int]]:
    """Character spans (in the doc) of spaCy's DATE/TIME entities and of the date words NER
    missed, joined when they are pieces of one expression and widened by a leading preposition."""
    text, offset = sentence_text(sent), sent.start_char
    found = [(e.start_char, e.end_char) for e in entities_within(sent.doc, sent.start, sent.end)
             if e.label_ in ("DATE", "TIME")]
    found += [(offset + m.start(), offset + m.end()) for m in cue_pattern(lexicon).finditer(text)]
    merged = merge_spans(sorted((s - offset, e - offset) for s, e in found), text)
    return [(widen_left(start + offset, sent), end + offset) for start, end in merged]


def merge_spans(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Join overlapping spans and spans separated only by a JOINER; `spans` must be sorted."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and (start <= merged[-1][1] or JOINER.match(text[merged[-1][1]:start])):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def widen_left(start: int, sent: SpacySpan) -> int:
    """Move `start` back over a PREFIX word ("since", "early on") inside the sentence."""
    found = PREFIX.search(sentence_text(sent)[:start - sent.start_char])
    return sent.start_char + found.start() if found else start


@lru_cache(maxsize=8)
def cue_pattern(lexicon: DateLexicon) -> re.Pattern[str]:
    """Date words spaCy's NER tends to miss; names must be capitalised (so "may" the verb and
    "march" the walk stay out), fixed phrases match in any case."""
    weekday = alternation(w.capitalize() for w in lexicon.weekdays)
    part = alternation(lexicon.parts_of_day)
    month = alternation(m.capitalize() for m in lexicon.months)
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    words = alternation([*lexicon.day_words, *lexicon.anchored_days])
    return re.compile(
        rf"\b(?:(?:{weekday})(?:\s+(?i:{part}))?"
        rf"|(?:{month})\.?\s+(?:{day}(?:,?\s+\d{{4}})?|\d{{4}})"
        rf"|{day}\s+(?:of\s+)?(?:{month})\b\.?(?:\s+\d{{4}})?"
        rf"|(?i:(?:(?:earlier|later|early|late)\s+)?(?:this|last|next|the)\s+(?:week|weekend|month))"
        rf"|(?i:{words})"
        rf"|(?i:{lexicon.number_re}\s+{lexicon.unit_re}\s+(?:ago|earlier|later)))\b")


def governor(tokens: SpacySpan) -> Token:
    """The word the expression hangs from, looking through a preposition ("said on Friday")."""
    root = tokens.root
    head = root.head
    if root.pos_ != "ADP" and head.pos_ == "ADP" and head.head != head:
        head = head.head
    return head


def is_reporting(tokens: SpacySpan, lexicon: DateLexicon) -> bool:
    """True for "Mattis said Friday": the date hangs from a reporting verb."""
    head = governor(tokens)
    return head is not tokens.root and head.lemma_.lower() in lexicon.reporting_verbs


def is_future(tokens: SpacySpan, lexicon: DateLexicon) -> bool:
    """True when the verb the expression hangs from has "will"/"shall" ("will meet on Monday");
    a date that modifies a noun ("Thursday's strike will make ...") dates the noun, not the verb."""
    verb = governor(tokens)
    if verb.pos_ not in ("VERB", "AUX") or verb is tokens.root:
        return False
    return any(c.dep_ == "aux" and c.lower_ in lexicon.future_auxiliaries for c in verb.children)


def is_untensed(tokens: SpacySpan, lexicon: DateLexicon) -> bool:
    """True when no past tense ties the expression back: it hangs from a present or infinitive
    verb ("plans to redeem on Nov. 16", "is scheduled for Dec. 10"), an adjective ("payable
    Jan. 2") or a noun ("the Nov. 1 deadline"); False for "was killed on Dec. 15", "attacked Dec.
    15" and an incident noun of the lexicon ("the Dec. 15 attack" in a March story is last
    December's)."""
    head = governor(tokens)
    if head is tokens.root or head.tag_ in PAST_TAGS or head.lemma_.lower() in lexicon.event_nouns:
        return False
    helpers = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
    return not (helpers & PAST_HELPERS) and not (head.tag_ == "VBN" and not helpers)


def _read(text: str, published: date | None, anchor: date | None, future: bool,
          lexicon: DateLexicon, nearest: bool = False) -> Reading:
    reading = read_expression(text, Context(published, anchor, future, lexicon, nearest))
    return _with_weekday(reading, lexicon)


def _with_weekday(reading: Reading, lexicon: DateLexicon) -> Reading:
    # a resolved day carries its weekday so that stories without a publication date can match it
    value = reading.date.value
    if reading.date.weekday or value is None or reading.date.precision != DatePrecision.DAY:
        return reading
    names = {number: name.capitalize() for name, number in lexicon.weekdays.items()}
    return replace(reading, date=replace(reading.date, weekday=names.get(value.weekday(), "")))


def _published(article: Article) -> date | None:
    given = article.published.date() if article.published else None
    return page_day(article.text[:PAGE_HEAD_CHARS], given)


@lru_cache(maxsize=256)  # asked once per sentence of the same article
def page_day(head: str, given: date | None) -> date | None:
    """The day the page was published: `given`, unless the earliest time stamp at the top of the
    page (`head`) is more than STALE_DAYS before it, or nothing is given."""
    stamps = [resolve_expression(m.group("when"), None).value for m in PAGE_STAMP.finditer(head)]
    first = min((d for d in stamps if d is not None), default=None)
    if first is None or (given is not None and (given - first).days <= STALE_DAYS):
        return given
    return first


def _ahead(mention: DateMention, published: date | None) -> bool:
    value = mention.date.value
    return mention.future or bool(published and value and value > published)


def as_report_date(found: EventDate) -> EventDate | None:
    """A day that dates the telling, not the event: the event was then or shortly before (WEEK
    precision). The report's weekday is not the event's, so it takes no part in weekday matching."""
    if found.value is None:
        return None
    precision = DatePrecision.WEEK if found.precision == DatePrecision.DAY else found.precision
    return replace(found, precision=precision, weekday="")
