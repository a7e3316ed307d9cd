"""Victims told beside the subject ("along with", "together with"), a rank a headline writes in digits
("5th person dies"), and a bulleted link to another story. Sentences written by us, wire style."""

from __future__ import annotations

from parallax.extract.claims import extract_claims, extract_title_claims
from parallax.reconcile.tolls import incident_toll
from parallax.schema import Article


def claims(nlp, text: str, title: str = ""):
    article = Article(id="q", text=text, title=title)
    body = extract_claims(nlp(text), article)
    return body, extract_title_claims(nlp(title), article, body=body) if title else []


def toll(nlp, text: str) -> tuple[int | None, int | None]:
    found = incident_toll([claims(nlp, text)[0]])
    return found.killed, found.injured


def test_victims_along_with_the_subject_are_more_victims(nlp):
    assert toll(nlp, "A man, along with his two daughters, was shot dead on Sunday.") == (3, None)
    assert toll(nlp, "Two men were killed together with a woman.") == (3, None)
    assert toll(nlp, "The officer was shot along with a bystander.") == (None, 2)
    assert toll(nlp, "The gunman was killed along with his rifle still in hand.") == (1, None)
    assert toll(nlp, "Two little sisters are dead along with their mother in what deputies called a murder-suicide.") == (3, None)


def test_victims_along_with_another_verb_are_not_its_dead(nlp):
    assert toll(nlp, "One teenager was found dead behind a laundromat on Pike Lane, along with two other gunshot victims.") == (1, None)


def test_a_headline_rank_in_digits_updates_another_reports_count(nlp):
    first, _ = claims(nlp, "Four people died of gunfire inside a farmhouse on Cedar Hollow Road, deputies said.")
    body, title = claims(nlp, "The retiree had stayed in critical condition for weeks after the gunfire.",
                         "5th person dies after August shooting in Tallow County")
    assert incident_toll([first, body, title]).killed == 5


def test_a_rank_without_its_article_is_who_someone_is_unless_a_victim(nlp):
    first, _ = claims(nlp, "Two students were wounded in the gunfire near the gym, police said.")
    body, title = claims(nlp, "The boy was shot near the garage.", "Seventh grader dead after backyard shooting")
    assert incident_toll([body, title]).killed == 1
    body, title = claims(nlp, "He was hit in the arm.", "Boy is third teen struck by stray gunfire this month")
    assert incident_toll([first, body, title]).injured == 2


def test_a_bulleted_related_line_links_another_story(nlp):
    text = ("Authorities said 12 to 18 people had been wounded.\n\n"
            "• Related: 3 robbers killed in gun battle with deputies\n\nThe search went on into the night.")
    body, _ = claims(nlp, text)
    assert [(c.measure.value, c.figure.low) for c in body] == [("injured", 12)]
