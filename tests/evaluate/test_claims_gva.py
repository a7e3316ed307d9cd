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


def test_compare():
    gold = {"1": (1, 0), "2": (0, 4)}
    scores = compare(gold, {"1": (1, 0), "2": (0, 2)})
    assert scores == {"incidents": 2, "both_exact": 0.5, "killed_exact": 1.0, "injured_exact": 0.5,
                      "killed_mae": 0.0, "injured_mae": 1.0}


def test_another_incident_in_the_article_is_not_this_toll(nlp):
    """Regression (GVA roundups): the separate Columbus shooting's toll is not the Dayton incident's."""
    text = ("DAYTON, Ohio - A 24-year-old man was shot and killed outside a bar on Main Street in Dayton early "
            "Sunday, police said.\n\nOfficers found the man lying in the parking lot. He died at the scene.\n\n"
            "In a separate shooting in Columbus on Friday night, three people were wounded and a teenager was killed.")
    claims = main_claims(nlp(text), Article(id="r", text=text), load_knowledge(Settings()))
    assert incident_counts([claims]) == (1, 0)


def test_a_measure_nobody_reports_is_zero_as_gva_counts():
    assert incident_counts([[]]) == (0, 0)
    assert incident_counts([[claim(I, 12, None, "dozens")]]) == (0, 12)
