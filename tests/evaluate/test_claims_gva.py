"""The GVA claims scorer's incident rule, on claims built by hand (no model, no dataset)."""

from __future__ import annotations

from parallax.evaluate.claims_gva import compare, incident_counts, main_claims
from parallax.pipeline import load_knowledge
from parallax.schema import Article, Claim, Figure, Measure, Span
from parallax.settings import Settings


def claim(measure: Measure, low: int | None, high: int | None, text: str, *, scope: str = "incident",
          negated: bool = False, start: int = 0) -> Claim:
    span = Span("a", start, start + len(text), text, text)
    return Claim(id=f"{measure}{low}{text}", article_id="a", measure=measure, figure=Figure(low, high, text),
                 span=span, scope=scope, negated=negated)


K, I = Measure.KILLED, Measure.INJURED


def test_largest_exact_figure_across_articles():
    first = [claim(K, 1, 1, "one"), claim(I, 2, 2, "two")]
    later = [claim(K, 2, 2, "two"), claim(I, 3, None, "at least 3")]
    assert incident_counts([first, later]) == (2, 2)


def test_vague_only_when_nothing_is_exact():
    assert incident_counts([[claim(I, 12, None, "dozens")]]) == (0, 12)


def test_war_wide_and_negated_claims_do_not_count():
    claims = [claim(K, 320001, None, "more than 320,000", scope="cumulative"),
              claim(I, 0, 0, "no", negated=True), claim(K, 3, 3, "three")]
    assert incident_counts([claims]) == (3, 0)


def test_single_injury_beside_a_death_is_that_death():
    headline = [claim(I, 1, 1, "the girl")]
    body = [claim(K, 1, 1, "she"), claim(I, 2, 2, "two")]
    assert incident_counts([headline]) == (0, 1)
    assert incident_counts([headline, body]) == (1, 2)


def test_nothing_reported_is_zero():
    assert incident_counts([[]]) == (0, 0)


def test_compare():
    gold = {"1": (1, 0), "2": (0, 4)}
    scores = compare(gold, {"1": (1, 0), "2": (0, 2)})
    assert scores == {"incidents": 2, "both_exact": 0.5, "killed_exact": 1.0, "injured_exact": 0.5,
                      "killed_mae": 0.0, "injured_mae": 1.0}


def test_shooter_who_killed_himself_counts_among_the_dead():
    """Regression: "shot his wife and two sons before killing himself" is four dead for GVA, not three."""
    sentence = "A man fatally shot his wife and two sons before killing himself."
    victims = Claim(id="v", article_id="a", measure=K, figure=Figure(3, 3, "his wife and two sons"),
                    span=Span("a", 20, 41, "his wife and two sons", sentence))
    shooter = Claim(id="s", article_id="a", measure=K, figure=Figure(1, 1, "himself"),
                    span=Span("a", 57, 64, "himself", sentence))
    assert incident_counts([[victims, shooter]]) == (4, 0)
    assert incident_counts([[victims], [shooter]]) == (3, 0)  # told apart, he may be one of the three


def test_headline_listing_a_death_and_an_injury_keeps_both():
    """Regression: "Mother injured, child killed" is one dead and one hurt; in a body sentence a single
    injured person beside a death is still read as that death told earlier."""
    title = "Mother injured, child killed in shooting"
    hurt = Claim(id="h", article_id="t", measure=I, figure=Figure(1, 1, "Mother"), span=Span("t", 0, 6, "Mother", title))
    dead = Claim(id="d", article_id="t", measure=K, figure=Figure(1, 1, "child"), span=Span("t", 17, 22, "child", title))
    assert incident_counts([[hurt, dead]]) == (1, 1)
    body = "A boy was killed and his mother was hurt."
    hurt_b = Claim(id="hb", article_id="b", measure=I, figure=Figure(1, 1, "his mother"),
                   span=Span("b", 21, 31, "his mother", body))
    dead_b = Claim(id="db", article_id="b", measure=K, figure=Figure(1, 1, "A boy"), span=Span("b", 0, 5, "A boy", body))
    assert incident_counts([[hurt_b, dead_b]]) == (1, 0)
    both = "A man was killed and a woman was wounded."
    woman = Claim(id="w", article_id="c", measure=I, figure=Figure(1, 1, "a woman"),
                  span=Span("c", 26, 33, "a woman", both))
    man = Claim(id="m", article_id="c", measure=K, figure=Figure(1, 1, "A man"), span=Span("c", 0, 5, "A man", both))
    assert incident_counts([[woman, man]]) == (1, 1)  # the "1 killed, 1 injured"


def test_unnumbered_injury_beside_a_death_is_that_death():
    """Regression: "Two people were killed ... they were shot in a parked car" is (2, 0), not (2, 2);
    a numbered vague injury ("dozens hurt") beside deaths stays."""
    dead = claim(K, 2, 2, "Two")
    they = claim(I, 2, None, "they", start=40)
    assert incident_counts([[dead, they]]) == (2, 0)
    assert incident_counts([[dead, claim(I, 12, None, "dozens", start=40)]]) == (2, 12)


def test_person_introduced_beside_counted_dead_is_hurt():
    """Regression (GVA 628791-like): "Two boys were killed and a teen girl was injured" is (2, 1); the
    girl is introduced as new beside dead counted by a numeral, not the dead told again."""
    sentence = "Two boys were killed and a teen girl was injured in a shooting, police said."
    dead = Claim(id="d", article_id="a", measure=K, figure=Figure(2, 2, "Two"), span=Span("a", 0, 3, "Two", sentence))
    girl = Claim(id="g", article_id="a", measure=I, figure=Figure(1, 1, "a teen girl"),
                 span=Span("a", 25, 36, "a teen girl", sentence))
    assert incident_counts([[dead, girl]]) == (2, 1)
    later = Claim(id="l", article_id="a", measure=I, figure=Figure(1, 1, "a teen girl"),
                  span=Span("a", 90, 101, "a teen girl", "Police said a teen girl was shot."))
    assert incident_counts([[dead, later]]) == (2, 0)  # told in a sentence of her own: maybe one of the two


def test_another_incident_in_the_article_is_not_this_toll(nlp):
    """Regression (GVA roundups): the separate Columbus shooting's toll is not the Dayton incident's."""
    text = ("DAYTON, Ohio - A 24-year-old man was shot and killed outside a bar on Main Street in Dayton early "
            "Sunday, police said.\n\nOfficers found the man lying in the parking lot. He died at the scene.\n\n"
            "In a separate shooting in Columbus on Friday night, three people were wounded and a teenager was killed.")
    claims = main_claims(nlp(text), Article(id="r", text=text), load_knowledge(Settings()))
    assert incident_counts([claims]) == (1, 0)


def test_a_lone_outlier_count_does_not_decide():
    """Regression (GVA: 'eight wounded' told early, five in every later report): the upper median of the
    articles' counts, so one outlier does not win; of two counts the larger (tolls rise)."""
    five, eight = [claim(I, 5, 5, "five")], [claim(I, 8, 8, "eight")]
    assert incident_counts([five, eight, five]) == (0, 5)
    assert incident_counts([five, eight]) == (0, 8)


def test_hurt_person_set_apart_from_the_dead_is_kept():
    """Regression (GVA 767690-like): "A second teenager suffered a wound" and "his mother was also shot"
    name someone besides the dead; "the boy was shot" beside his death is still that death."""
    dead = claim(K, 1, 1, "A teenager")
    second = Claim(id="s", article_id="a", measure=I, figure=Figure(1, 1, "A second teenager"),
                   span=Span("a", 40, 57, "A second teenager", "A second teenager suffered a wound."))
    assert incident_counts([[dead, second]]) == (1, 1)
    also = Claim(id="m", article_id="a", measure=I, figure=Figure(1, 1, "his mother"),
                 span=Span("a", 40, 50, "his mother", "The boy died, and his mother was also shot."))
    assert incident_counts([[dead, also]]) == (1, 1)
    boy = Claim(id="b", article_id="a", measure=I, figure=Figure(1, 1, "the boy"),
                span=Span("a", 40, 47, "the boy", "Police said the boy was shot."))
    assert incident_counts([[dead, boy]]) == (1, 0)


def test_killer_who_killed_self_is_counted_once():
    """Regression (GVA 710344-like): "Man kills self after shooting girlfriend ... he then killed himself"
    names the same dead man twice in one sentence."""
    sentence = "Man kills self after shooting girlfriend; police said he killed himself."
    self_ = Claim(id="s", article_id="a", measure=K, figure=Figure(1, 1, "self"), span=Span("a", 9, 13, "self", sentence))
    himself = Claim(id="h", article_id="a", measure=K, figure=Figure(1, 1, "himself"),
                    span=Span("a", 60, 67, "himself", sentence))
    assert incident_counts([[self_, himself]]) == (1, 0)
