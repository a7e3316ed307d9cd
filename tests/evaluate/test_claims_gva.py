"""The GVA claims scorer reads what the product gives: each article's main mention, headline included, with
the article's own mentions resolved into its incident."""

from __future__ import annotations

from datetime import datetime

from parallax.evaluate.claims_gva import compare, gather, incident_counts, main_mention
from parallax.pipeline import load_knowledge
from parallax.schema import Article, Measure
from parallax.settings import Settings
from builders import claim, mention


def test_compare():
    gold = {"1": (1, 0), "2": (0, 4)}
    scores = compare(gold, {"1": (1, 0), "2": (0, 2)})
    assert scores == {"incidents": 2, "both_exact": 0.5, "killed_exact": 1.0, "injured_exact": 0.5,
                      "killed_mae": 0.0, "injured_mae": 1.0}


def test_another_incident_in_the_article_is_not_this_toll(nlp):
    """Regression (GVA roundups): the separate Columbus shooting's toll is not the Dayton incident's."""
    text = ("DAYTON, Ohio - A 31-year-old man was fatally shot near a tavern on Third Street in Dayton early "
            "Saturday, police said.\n\nA passer-by saw him on the sidewalk and called 911. He died there.\n\n"
            "In a separate shooting in Columbus on Thursday night, three people were wounded and a teenager was killed.")
    main = main_mention(nlp(text), Article(id="r", text=text), load_knowledge(Settings()), None)
    assert incident_counts([main]) == (1, 0)


def test_a_headline_over_a_cookie_banner_gives_the_toll(nlp):
    """Regression (GVA pages whose body is a consent banner): the product reads the headline."""
    text = "We use cookies to improve your experience. By continuing you accept our privacy policy."
    title = "2 dead, 3 hurt in Akron shooting"
    article = Article(id="c", text=text, title=title)
    assert main_mention(nlp(text), article, load_knowledge(Settings()), None) is None
    found = main_mention(nlp(text), article, load_knowledge(Settings()), nlp(title))
    assert found is not None and all(c.span.field == "title" for c in found.claims)
    assert incident_counts([found]) == (2, 3)


def test_a_measure_nobody_reports_is_zero_as_gva_counts():
    assert incident_counts([]) == (0, 0)
    dozens = claim("a", 12, None, measure=Measure.INJURED)
    assert incident_counts([mention("a", None, None, "x", (dozens,))]) == (0, 12)


def test_an_arrest_story_brings_the_shooting_it_tells(nlp):
    """Regression (GVA follow-ups, scored with their publication dates): the story's main mention is the
    arrest; the shooting it tells is another mention, dated days before, which `parallax run` resolves
    into the arrest's incident (a same-story link), and so does the scorer."""
    text = ("Harlow police arrested a 24-year-old on Wednesday over Saturday's deadly shooting at a bar on "
            "Mill Lane.\n\nA gunman fired into a crowd outside the Blue Lantern late Saturday; one man died "
            "and three others were hurt, police said.")
    article = Article(id="arr", text=text, published=datetime(2021, 3, 11))
    main, _ = gather([("1", article)], nlp, main_only=True)
    found, _ = gather([("1", article)], nlp)
    assert incident_counts(main["1"]) == (0, 0)
    assert [m.trigger.text for m in found["1"]] == ["arrested", "fired"]
    assert incident_counts(found["1"]) == (1, 3)
