"""Bodies and headlines parsed in one nlp.pipe stream, each headline paired with its own article."""

from __future__ import annotations

from parallax.nlp.pipeline import parse_with_titles
from parallax.schema import Article


def test_each_article_gets_its_body_and_its_own_title(nlp):
    articles = [Article(id="a", text="Two men were shot.", title="Two shot in Akron"),
                Article(id="b", text="A woman was wounded."),
                Article(id="c", text="Police said nobody was hurt.", title="  "),
                Article(id="d", text="A man died.", title="Man dies")]
    parsed = [(a.id, doc.text, title.text if title is not None else None)
              for a, doc, title in parse_with_titles(articles, nlp, batch_size=2)]
    assert parsed == [("a", "Two men were shot.", "Two shot in Akron"), ("b", "A woman was wounded.", None),
                      ("c", "Police said nobody was hurt.", None), ("d", "A man died.", "Man dies")]


def test_focus_applies_to_bodies_only(nlp):
    article = Article(id="a", text="Body text.", title="Title text")
    [(_, doc, title)] = parse_with_titles([article], nlp, focus=str.upper)
    assert (doc.text, title.text) == ("BODY TEXT.", "Title text")


def test_a_title_no_extractor_needs_is_not_parsed(nlp):
    articles = [Article(id="a", text="Two men were shot.", title="Two shot in Akron"),
                Article(id="b", text="Police met donors.", title="Police meet donors")]
    parsed = [(a.id, title.text if title is not None else None)
              for a, _, title in parse_with_titles(articles, nlp, title_needed=lambda t: "shot" in t)]
    assert parsed == [("a", "Two shot in Akron"), ("b", None)]
