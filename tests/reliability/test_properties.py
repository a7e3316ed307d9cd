"""Property-based tests: no exception escapes the parsers and readers, whatever the text; the
round-trips that should hold (number words, dates, store save/load) do."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, timedelta
from uuid import uuid4

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parallax.extract.claim_lexicon import load_claim_lexicon
from parallax.extract.date_lexicon import load_date_lexicon, parse_count
from parallax.extract.dates import resolve_expression
from parallax.extract.numbers import parse_figure
from parallax.ingest.dateline import find_dateline
from parallax.ingest.decoding import decode_bytes, looks_binary
from parallax.ingest.feeds import strip_html
from parallax.ingest.html import article_from_html
from parallax.ingest.jsonl import parse_jsonl_line
from parallax.ingest.published import parse_published
from parallax.ingest.readers import READERS, read_file
from parallax.ingest.metadata import Metadata
from parallax.ingest.text import split_headline
from parallax.schema import (Actor, ActorRole, Article, Claim, ClaimPart, DatePrecision, EventDate,
                             EventMention, Figure, GeoPrecision, Measure, Place, Rejected, Span,
                             Speaker, Stance)
from parallax.store.sqlite import SQLiteStore

CLAIMS, DATES = load_claim_lexicon(), load_date_lexicon()
# No deadline: a first call may load dateparser's language data, and 2 cores are shared.
RELAXED = settings(deadline=None, max_examples=100)
ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen").split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
MONTHS = ("January February March April May June July August September October November "
          "December").split()
# Words a wire report is made of, so random sentences reach deep into the parsers.
WIRE = ("killed wounded at least more than nearly about dozens several hundred thousand between "
        "and to people civilians soldiers police said on Monday last week two days earlier in "
        "March 2017 a an the - , . 12 1,500 3.5 million").split()
wire_text = st.lists(st.sampled_from(WIRE) | st.text(max_size=6), max_size=14).map(" ".join)
any_text = st.text(max_size=300) | wire_text


def spell(n: int) -> str:
    """English words for 0 <= n < 1,000,000, as a newspaper writes them."""
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + ("-" + ONES[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        return f"{ONES[n // 100]} hundred" + (f" and {spell(rest)}" if rest else "")
    rest = n % 1000
    tail = "" if not rest else (f" and {spell(rest)}" if rest < 100 else f" {spell(rest)}")
    return f"{spell(n // 1000)} thousand{tail}"


@RELAXED
@given(any_text)
def test_figure_parser_never_raises_and_keeps_low_below_high(text):
    figure = parse_figure(text, CLAIMS)
    if figure is not None:
        assert figure.low is None or figure.low >= 0
        assert figure.low is None or figure.high is None or figure.low <= figure.high


@RELAXED
@given(st.integers(min_value=0, max_value=999_999))
def test_number_words_round_trip(n):
    figure = parse_figure(spell(n), CLAIMS)
    assert figure is not None and (figure.low, figure.high) == (n, n), spell(n)


@RELAXED
@given(st.integers(min_value=0, max_value=10**12))
def test_digits_with_thousands_separators_round_trip(n):
    figure = parse_figure(f"{n:,}", CLAIMS)
    assert (figure.low, figure.high) == (n, n)


@RELAXED
@given(st.integers(min_value=0, max_value=10**400), st.sampled_from(["", "at least ", "more than ", "nearly "]))
def test_huge_figures_never_raise(n, bound):
    """Regression: a 400-digit number in an article overflowed float -> int, and a 60-digit one
    overflowed SQLite's INTEGER; either stopped the whole run."""
    for text in (f"{bound}{n}", f"{n} million"):
        figure = parse_figure(text, CLAIMS)
        assert figure is None or all(v is None or v < 2**63 for v in (figure.low, figure.high))


@RELAXED
@given(st.integers(min_value=0, max_value=99))
def test_date_counts_round_trip(n):
    assert parse_count(str(n), DATES).value == n


@RELAXED
@given(any_text | st.sampled_from(["yesterday", "tomorrow", "last week", "next month", "this weekend",
                                   "last Friday", "in March", "the previous day", "next year"]),
       st.dates() | st.none())
def test_date_resolver_never_raises(text, published):
    """Regression: "yesterday" as of 0001-01-01 (a placeholder date) overflowed."""
    found = resolve_expression(text, published)
    assert isinstance(found.precision, DatePrecision)


@RELAXED
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)),
       st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)))
def test_calendar_dates_round_trip(day, published):
    found = resolve_expression(f"{day.day} {MONTHS[day.month - 1]} {day.year}", published)
    assert found.value == day and found.precision == DatePrecision.DAY


@RELAXED
@given(st.dates(min_value=date(1950, 1, 8), max_value=date(2090, 12, 31)), st.integers(1, 6))
def test_days_ago_count_back_from_publication(published, days):
    found = resolve_expression(f"{ONES[days]} days ago", published)
    assert found.value == published - timedelta(days=days)


@RELAXED
@given(st.integers(min_value=0, max_value=10**30), st.sampled_from(["days", "weeks", "months", "hours"]),
       st.sampled_from(["ago", "earlier", "later"]))
def test_huge_date_offsets_never_raise(n, unit, direction):
    """Regression: "99999999999 days ago" overflowed timedelta and stopped the whole run."""
    found = resolve_expression(f"{n} {unit} {direction}", date(2017, 5, 19), date(2017, 5, 18))
    assert found.value is None or date.min <= found.value <= date.max


@settings(deadline=None, max_examples=50)  # dateparser takes ~50 ms on junk
@given(any_text)
def test_publication_date_parser_never_raises(text):
    parse_published(text, "test")


@RELAXED
@given(st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)))
def test_iso_publication_dates_round_trip(moment):
    moment = moment.replace(microsecond=0)
    assert parse_published(moment.isoformat()) == moment


@RELAXED
@given(st.datetimes(timezones=st.timezones()) | st.datetimes(), st.sampled_from(["isoformat", "rfc"]))
def test_publication_dates_in_any_zone_and_year_never_raise(moment, style):
    """Regression: 9999-12-31T23:59:59-14:00 overflowed converting to UTC and stopped the run."""
    from email.utils import format_datetime
    text = moment.isoformat() if style == "isoformat" or moment.tzinfo is None else format_datetime(moment)
    parse_published(text, "test")
    parse_jsonl_line(json.dumps({"text": "x" * 100, "published": text}), "t.jsonl:1")


@RELAXED
@given(any_text)
def test_text_helpers_never_raise(text):
    find_dateline(text)
    split_headline(text)
    strip_html(text)


@RELAXED
@given(st.binary(max_size=2000))
def test_decoding_any_bytes_gives_text(data):
    text, _ = decode_bytes(data)
    assert isinstance(text, str)
    looks_binary(data)


@RELAXED
@given(st.text(max_size=400) | st.from_regex(r'\{"text": ".{0,80}"(, "\w+": .{0,20})?\}', fullmatch=True))
def test_jsonl_line_parser_returns_a_record_never_raises(line):
    assert isinstance(parse_jsonl_line(line, "t.jsonl:1"), Article | Rejected)


@RELAXED
@given(st.text(st.characters(blacklist_categories=()), min_size=80, max_size=300))
def test_any_json_string_becomes_an_encodable_article(text):
    """Lone surrogates included (hypothesis leaves them out of text() by default)."""
    from parallax.ingest.complete import complete_article
    draft = parse_jsonl_line(json.dumps({"text": text, "title": text[:20]}), "t.jsonl:1")
    if isinstance(draft, Article):  # a declared language is trusted: the draft always completes
        done = complete_article(replace(draft, language="en"), ("en",), 1)
        done.text.encode("utf-8"), done.title.encode("utf-8")
        assert len(done.text) == len(draft.text)


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=400).map(lambda t: f"<html><body><article><p>{t}</p></article></body></html>")
       | st.text(max_size=300))
def test_html_reader_returns_a_record_never_raises(page):
    assert isinstance(article_from_html(page, "t.html"), Article | Rejected)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(sorted(READERS)), st.binary(max_size=3000) | any_text.map(str.encode))
def test_every_reader_turns_any_bytes_into_records(tmp_path, extension, data):
    path = tmp_path / f"input{extension}"
    path.write_bytes(data)
    items = list(read_file(path, Metadata()))
    assert items and all(isinstance(i, Article | Rejected) for i in items)
    assert all(i.source.startswith(str(path)) for i in items)


safe_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)
articles = st.builds(
    Article, id=st.text("0123456789abcdef", min_size=16, max_size=16), text=safe_text,
    title=safe_text, outlet=safe_text, url=safe_text,
    published=st.none() | st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)),
    language=st.sampled_from(["en", "fr", ""]), source=safe_text, dateline=safe_text,
    dateline_end=st.integers(0, 10_000))


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(articles, max_size=5, unique_by=lambda a: a.id))
def test_store_save_load_round_trips_articles(tmp_path, batch):
    with SQLiteStore(tmp_path / f"{uuid4().hex}.sqlite") as store:  # a new file per example
        store.add_articles(batch)
        for article in batch:
            assert store.get_article(article.id) == article
        store.add_articles(batch)  # a second save of the same records changes nothing
        assert len([a for a in store.articles() if a.id in {b.id for b in batch}]) == len(batch)


@pytest.fixture(scope="module")
def knowledge():
    from parallax.pipeline import load_knowledge
    from parallax.settings import Settings
    return load_knowledge(Settings())


sentence = st.lists(st.sampled_from(WIRE + ["Kirkuk", "Mosul", "Syrian", "army", "rebels"]),
                    min_size=1, max_size=25).map(" ".join)


@settings(max_examples=30, deadline=None)
@given(st.lists(sentence | st.text(max_size=80), min_size=1, max_size=4).map("\n\n".join))
def test_claims_and_mentions_never_raise_on_any_text(nlp, knowledge, text):
    from parallax.extract.claims import extract_claims
    from parallax.pipeline import analyse_doc
    article = Article(id="prop", text=text, published=datetime(2017, 5, 19))
    doc = nlp(text)
    for claim in extract_claims(doc, article, knowledge.claims):
        assert text[claim.span.start:claim.span.end] == claim.span.text
    analyse_doc(doc, article, knowledge)


# -- store round-trip of whole extraction records ------------------------------------------------

ARTICLE_ID = "a" * 16
words = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
small = st.integers(0, 10_000)


def spans(article_id: str = ARTICLE_ID):
    return st.builds(Span, st.just(article_id), small, small, words, words)


figures = st.builds(Figure, st.none() | st.integers(0, 10**12), st.none() | st.integers(0, 10**12), words)
claims = st.builds(
    Claim, id=st.uuids().map(str), article_id=st.just(ARTICLE_ID), measure=st.sampled_from(Measure),
    figure=figures, span=spans(), victim_group=words, object_text=words,
    parts=st.lists(st.builds(ClaimPart, words, figures), max_size=2).map(tuple),
    speaker=st.none() | st.builds(Speaker, words, words, words, words),
    relay=st.lists(words, max_size=2).map(tuple), verb=words, stance=st.sampled_from(Stance),
    hedged=st.booleans(), hedge=words, negated=st.booleans(), scope=st.sampled_from(["incident", "cumulative"]),
    claim_time=words)
places = st.builds(Place, words, words, words, words, words,
                   st.none() | st.floats(-90, 90), st.none() | st.floats(-180, 180),
                   st.sampled_from(GeoPrecision), st.none() | st.integers(1, 10**9), words,
                   st.none() | spans())
event_dates = st.builds(EventDate, st.none() | st.dates(), st.sampled_from(DatePrecision), words, words,
                        st.none() | spans())
actors = st.builds(Actor, words, words, st.sampled_from(ActorRole), words, words, st.none() | spans())
mentions = st.builds(
    EventMention, id=st.uuids().map(str), article_id=st.just(ARTICLE_ID), trigger=spans(),
    event_type=words, sub_event_type=words, actors=st.lists(actors, max_size=2).map(tuple),
    place=st.none() | places, date=st.none() | event_dates,
    claims=st.lists(claims, max_size=3, unique_by=lambda c: c.id).map(tuple),
    sentences=st.lists(spans(), max_size=2).map(tuple), background=st.booleans(), outlet=words)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(mentions, min_size=1, max_size=3, unique_by=lambda m: m.id))
def test_store_save_load_round_trips_mentions_with_their_claims(tmp_path, found):
    article = Article(ARTICLE_ID, "text " * 50, source="t.txt")
    with SQLiteStore(tmp_path / f"{uuid4().hex}.sqlite") as store:
        store.add_extracted([(article, found)])
        assert store.mentions() == found
