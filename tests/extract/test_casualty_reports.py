"""An article that counts dead or hurt but tells no conflict incident still reports them
(extract/casualty_reports.py): one mention, typed with its non-ACLED class, never a conflict type.
Articles written by us, wire style."""

from __future__ import annotations

import pytest

from parallax.pipeline import analyse_article, load_knowledge
from parallax.schema import Article, Measure
from parallax.settings import Settings


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge(Settings())


def mentions(nlp, knowledge, text: str, title: str = ""):
    article = Article(id="c", text=text, title=title)
    return analyse_article(nlp(text), article, knowledge, nlp(title) if title else None)


def test_an_accidental_shooting_is_a_man_made_disaster_with_its_hurt(nlp, knowledge):
    """ "accidentally shot" opens no conflict incident: the article's hurt girl was lost (no mention)."""
    text = ("MILLBROOK, Ohio - A girl of 12 was accidentally shot in the foot by her brother while the two were "
            "handling their father's pistol in a garage on Alder Street on Sunday, officers said. She is "
            "recovering at a hospital.")
    found = mentions(nlp, knowledge, text, "Girl hurt in accidental shooting")
    assert [(m.event_type, m.sub_event_type) for m in found] == [("Non-ACLED", "Man-made disaster")]
    assert {c.measure for c in found[0].claims} == {Measure.INJURED}
    assert {c.span.field for c in found[0].claims} == {"text", "title"}


def test_a_death_no_event_word_types_is_untyped_never_a_conflict(nlp, knowledge):
    """The event classifier retypes an article's single incident; a casualty report stays outside ACLED."""
    text = "A woman died Thursday of a gunshot wound at her home in Millbrook, the county coroner said."
    found = mentions(nlp, knowledge, text)
    assert [(m.event_type, m.sub_event_type) for m in found] == [("Non-ACLED", "")]
    assert [(c.measure, c.figure.low) for c in found[0].claims] == [(Measure.KILLED, 1)]
    assert found[0].date is not None and found[0].date.expression == "Thursday"


def test_an_article_that_counts_nobody_still_has_no_mention(nlp, knowledge):
    text = "The Millbrook city council approved a new budget for the library on Tuesday evening."
    assert mentions(nlp, knowledge, text) == []


def test_a_conflict_incident_is_typed_as_before(nlp, knowledge):
    text = "Gunmen stormed a market in Millbrook on Friday, killing three people, police said."
    found = mentions(nlp, knowledge, text)
    assert found and found[0].event_type != "Non-ACLED"
