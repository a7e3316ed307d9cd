"""The outlet's own headline is read for framing markers (fresh-clone tester, round 4: "Kassala
market massacre" in a headline was not flagged, only the quoted "massacre" of the body)."""

from __future__ import annotations

from parallax.framing.incident import read_article
from parallax.framing.lexicon import load_framing_lexicon
from parallax.schema import Article

LEXICON = load_framing_lexicon()
TITLE = "Dozens dead in Gedaref cattle market massacre"
BODY = ("GEDAREF, Sudan (Nile Wire) - Gunmen on motorbikes opened fire on traders at the Gedaref cattle "
        "market on Thursday, killing at least 23 people, a doctors' group said.")


def test_a_loaded_word_in_the_headline_is_a_marker_of_the_outlets_own_voice():
    article = Article("h1", BODY, title=TITLE, outlet="Nile Wire")
    markers = read_article(article, [], LEXICON).markers
    headline = [m for m in markers if m.span.field == "title"]
    assert [(m.kind, m.span.text.lower(), m.quoted) for m in headline] == [("loaded", "massacre", False)]
    span = headline[0].span
    assert TITLE[span.start:span.end] == span.text and span.sentence == TITLE


def test_the_body_alone_gives_no_headline_marker():
    article = Article("h2", BODY, outlet="Nile Wire")
    assert not [m for m in read_article(article, [], LEXICON).markers if m.span.field == "title"]
