"""Every value framing reads from text points back at exactly that text, whatever the input."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from parallax.framing.incident import read_article
from parallax.framing.lexicon import load_framing_lexicon
from parallax.schema import Article

LEXICON = load_framing_lexicon()
PIECES = st.sampled_from(["“", "”", '"', "‘", "’", ". ", ", ", " said ", " he said.", "the so-called ",
                          "pro-regime forces", " Sergei Lavrov", " police", " terrorists", "\n\n", "Lt. ",
                          "allegedly ", " a military source told state media", " aligned with Assad", "x"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=40))
def test_spans_index_the_article_text_they_came_from(pieces):
    article = Article("p1", "".join(pieces))
    reading = read_article(article, [], LEXICON)
    spans = ([lb.span for lb in reading.labels] + [m.span for m in reading.markers]
             + [q.span for q in reading.quotes] + reading.sentences)
    for span in spans:
        assert span.article_id == "p1"
        assert article.text[span.start:span.end] == span.text
        assert span.text in span.sentence or not span.sentence


def test_an_empty_article_reads_as_nothing():
    reading = read_article(Article("e1", ""), [], LEXICON)
    assert (reading.sentences, reading.labels, reading.quotes, reading.markers) == ([], [], [], [])
