"""Highlighted article text and the timeline layout."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from builders import day, mention, place
from parallax.schema import Article, Claim, Figure, Incident, Measure, Span
from parallax.serve.views import article_segments, timeline

TEXT = "GAO - Gunmen attacked a convoy. Seven soldiers were killed, the army said. Two more died later."


def claim_at(word: str, cid: str, sentence: str, article: str = "a") -> Claim:
    start = TEXT.index(word)
    return Claim(cid, article, Measure.KILLED, Figure(1, 1, word), Span(article, start, start + len(word), word, sentence))


def test_sentence_and_figure_are_marked_and_text_is_kept_whole():
    article = Article("a", TEXT)
    claims = [claim_at("Seven", "c1", "Seven soldiers were killed, the army said."),
              claim_at("Two", "c2", "Two more died later.")]
    segments = article_segments(article, claims)
    assert "".join(text for text, _, _ in segments) == TEXT
    assert ("Seven", "figure", "c1") in segments
    assert (" soldiers were killed, the army said.", "sentence", "") in segments
    assert ("GAO - Gunmen attacked a convoy. ", "", "") in segments
    assert ("Two", "figure", "c2") in segments


def test_spans_that_do_not_point_into_the_text_are_ignored():
    article = Article("a", TEXT)
    wrong = replace(claim_at("Seven", "c1", ""), span=Span("a", 0, 5, "Seven"))
    other = claim_at("Seven", "c2", "", article="b")
    assert article_segments(article, [wrong, other]) == [(TEXT, "", "")]


def test_overlapping_claims_in_one_sentence():
    article = Article("a", TEXT)
    sentence = "Seven soldiers were killed, the army said."
    claims = [claim_at("Seven", "c1", sentence), claim_at("soldiers", "c2", sentence)]
    segments = article_segments(article, claims)
    assert "".join(t for t, _, _ in segments) == TEXT
    assert [t for t, kind, _ in segments if kind == "figure"] == ["Seven", "soldiers"]


def test_timeline_counts_per_day_and_leaves_undated_out():
    def incident(iid: str, when: date | None, contested: bool = False) -> Incident:
        told = mention(iid, place("X"), day(when), "t")
        return Incident(iid, (told,), "Battles", "Armed clash", day(when), place("X"), contested=contested)
    line = timeline([incident("a", date(2026, 1, 1)), incident("b", date(2026, 1, 1), True),
                     incident("c", date(2026, 1, 11)), incident("d", None)])
    assert [(b.day, b.count, b.contested) for b in line.bars] == [(date(2026, 1, 1), 2, 1), (date(2026, 1, 11), 1, 0)]
    assert line.undated == 1 and line.peak == 2
    assert line.bars[0].x == 0 and line.bars[1].x > line.bars[0].x
    assert line.bars[0].height == 2 * line.bars[1].height
    assert timeline([]).bars == ()
