"""Spans that index the headline (field "title") load back as stored, wherever a span is kept."""

from __future__ import annotations

from dataclasses import replace

from parallax.store.sqlite import open_store


def _on_title(span):
    return replace(span, field="title") if span is not None else None


def test_title_spans_of_a_mention_and_its_claims_round_trip(tmp_path, articles, mentions):
    first = mentions[0]
    headline = replace(first, trigger=_on_title(first.trigger),
                       sentences=tuple(_on_title(s) for s in first.sentences),
                       claims=tuple(replace(c, span=_on_title(c.span)) for c in first.claims),
                       actors=tuple(replace(a, span=_on_title(a.span)) for a in first.actors),
                       place=replace(first.place, span=_on_title(first.place.span)) if first.place else None)
    assert headline.claims, "the fixture mention must carry a claim"
    with open_store(tmp_path / "p.sqlite") as store:
        store.add_articles(articles)
        store.replace_mentions(headline.article_id, [headline])
        [loaded] = [m for m in store.mentions() if m.id == headline.id]
    assert loaded == headline
    assert {c.span.field for c in loaded.claims} == {"title"}


def test_body_spans_stay_text(tmp_path, articles, mentions):
    with open_store(tmp_path / "p.sqlite") as store:
        store.add_articles(articles)
        store.replace_mentions(mentions[0].article_id, mentions[:1])
        [loaded] = [m for m in store.mentions() if m.id == mentions[0].id]
    assert loaded.trigger.field == "text" and all(c.span.field == "text" for c in loaded.claims)
