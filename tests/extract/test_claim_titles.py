"""Headlines read for claims: spans index Article.title (field "title"), claims go to the main mention,
and a headline over a body that tells no incident gives the article's mention."""

from __future__ import annotations

import pytest

from parallax.extract.claims import extract_claims, extract_title_claims
from parallax.pipeline import analyse_article, load_knowledge
from parallax.schema import Article, Measure
from parallax.settings import Settings

BODY = ("CANTON, Ohio - A 23-year-old man died and two women were wounded by shots fired through a "
        "tavern window on Elm Avenue early Sunday, police said.\n\nBoth women are expected to recover.")
TITLE = "Canton tavern shooting leaves 1 dead, 2 hurt"
BANNER = "We use cookies to improve your experience. By continuing to browse you accept our privacy policy."


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge(Settings())


def test_title_claims_index_the_title_and_have_their_own_ids(nlp, knowledge):
    article = Article(id="t1", text=TITLE, title=TITLE)  # same characters in both: ids must still differ
    body = extract_claims(nlp(TITLE), article, knowledge.claims)
    title = extract_title_claims(nlp(TITLE), article, knowledge.claims)
    assert [(c.measure, c.figure.low) for c in title] == [(Measure.KILLED, 1), (Measure.INJURED, 2)]
    for claim in title:
        assert claim.span.field == "title" and TITLE[claim.span.start:claim.span.end] == claim.span.text
    assert not {c.id for c in title} & {c.id for c in body}


def test_headline_claims_go_to_the_main_mention(nlp, knowledge):
    article = Article(id="t2", text=BODY, title=TITLE)
    without = analyse_article(nlp(BODY), article, knowledge)
    mentions = analyse_article(nlp(BODY), article, knowledge, nlp(TITLE))
    assert len(mentions) == len(without) >= 1
    added = [c for c in mentions[0].claims if c.span.field == "title"]
    assert [(c.measure, c.figure.low) for c in added] == [(Measure.KILLED, 1), (Measure.INJURED, 2)]
    assert [c for c in mentions[0].claims if c.span.field == "text"] == list(without[0].claims)


def test_a_headline_over_a_body_with_no_incident_gives_the_mention(nlp, knowledge):
    """Regression (GVA pages whose text is a consent banner): the headline's incident and toll are kept,
    every span of it pointing into the title."""
    title = "Two men shot, one fatally, in Dayton"
    article = Article(id="t3", text=BANNER, title=title)
    assert analyse_article(nlp(BANNER), article, knowledge) == []
    [mention] = analyse_article(nlp(BANNER), article, knowledge, nlp(title))
    spans = [mention.trigger, *mention.sentences, *(c.span for c in mention.claims)]
    assert mention.claims and all(s.field == "title" for s in spans)
    assert all(title[s.start:s.end] == s.text for s in spans)
    assert mention.article_id == "t3"


def test_a_headline_with_no_casualty_adds_nothing(nlp, knowledge):
    article = Article(id="t4", text=BANNER, title="Police investigate downtown shooting")
    assert analyse_article(nlp(BANNER), article, knowledge, nlp(article.title)) == []


def test_a_headline_shot_count_loses_the_deaths_its_body_tells(nlp, knowledge):
    """Regression (GVA): "4 shot in Mid-City fatal shooting" over a body telling one dead and three
    wounded was a report of four hurt; a headline death ("Teen shot while hunting dies") stays a death."""
    body = ("BATON ROUGE - Detectives are looking into a quadruple shooting late Thursday that claimed the life "
            "of a 22-year-old man.\n\nThree others were hit and friends drove them to a hospital with gunshot wounds.")
    title = "4 shot in Mid-City fatal shooting"
    [main] = analyse_article(nlp(body), Article(id="t5", text=body, title=title), knowledge, nlp(title))
    assert [(c.measure, c.figure.low) for c in main.claims if c.span.field == "title"] == [(Measure.INJURED, 3)]
    other = "Teen shot while hunting dies"
    [again] = analyse_article(nlp(body), Article(id="t6", text=body, title=other), knowledge, nlp(other))
    assert [(c.measure, c.figure.low) for c in again.claims if c.span.field == "title"] == [(Measure.KILLED, 1)]


def test_a_headlines_short_source_is_the_bodys_named_one(nlp, knowledge):
    """'..., monitor says' over 'the Britain-based monitor said' is one speaker, not a second source
    whose 11 dead contradict the other's 11 (fresh-clone reading of two Idlib reports)."""
    body = ("BEIRUT (Cedar Press) - Shelling on the town of Kafr Nabl killed 11 civilians on Tuesday, "
            "the Britain-based monitor said.")
    title = "Shelling kills 11 civilians in Kafr Nabl, monitor says"
    article = Article(id="t9", text=body, title=title)
    told = extract_claims(nlp(body), article, knowledge.claims)
    [headline] = [c for c in extract_title_claims(nlp(title), article, knowledge.claims, told)
                  if c.measure is Measure.KILLED]
    assert told[0].speaker.normalized == "Syrian Observatory for Human Rights"
    assert (headline.speaker.name, headline.speaker.normalized) == ("monitor", told[0].speaker.normalized)


def test_a_headline_toll_parsed_as_the_object_of_says_has_its_speaker(nlp, knowledge):
    """'Army says 15 militants killed in raid' parses the count as the object of 'says': it was the
    outlet's own figure."""
    for title, who in (("Army says 15 militants killed in raid", "Army"), ("Police say 3 dead in shooting", "Police")):
        article = Article(id="t10", text=title, title=title)
        [claim] = extract_title_claims(nlp(title), article, knowledge.claims)
        assert claim.speaker is not None and claim.speaker.name == who


def test_a_headline_of_another_story_in_the_body_is_furniture(nlp):
    """Regression (GVA pages listing other stories' headlines): below the story's opening, a title-case
    line that shares no telling word with the article's title links another story; its toll is not
    this one's. A line that repeats the headline's place still counts."""
    body = ("Gunfire from a passing sedan hit a pregnant woman and four men outside the Harbor View apartments "
            "late Monday, according to detectives. Investigators recovered nine casings near the curb, and a "
            "parked van had its rear glass blown out. The woman remains hospitalized; her condition is said to "
            "be stable. Anyone with doorbell footage of Garnet Street is asked to call the precinct.\n\n"
            "Father, Daughter Killed in Circus Tent Collapse\n\n"
            "Two Shot Outside Red Hook Bodega; Gunman Sought\n\n")
    title = "Five Wounded in Red Hook Drive-By Shooting"
    claims = extract_claims(nlp(body), Article(id="f", text=body, title=title))
    lines = {c.span.sentence.strip() for c in claims}
    assert "Father, Daughter Killed in Circus Tent Collapse" not in lines
    assert "Two Shot Outside Red Hook Bodega; Gunman Sought" in lines
