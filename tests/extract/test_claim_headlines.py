"""Headlines read by the headline reader: telegraphic casualty lists the parser gets wrong."""

from __future__ import annotations

import pytest

from parallax.extract.claims import extract_claims
from parallax.schema import Article


def counts(nlp, text: str) -> list[tuple[str, int | None, int | None, str]]:
    return [(c.measure.value, c.figure.low, c.figure.high, c.scope)
            for c in extract_claims(nlp(text), Article(id="h", text=text))]


CASES = [
    # two counts, each with its own word
    ("2 dead, 3 hospitalized after shooting at block party",
     [("killed", 2, 2, "incident"), ("injured", 3, 3, "incident")]),
    # "shot" leaves the outcome open: the dead are taken out of it
    ("5 people shot, 2 dead, outside corner store", [("injured", 3, 3, "incident"), ("killed", 2, 2, "incident")]),
    # the fatal share of a shot count
    ("6 shot, 1 fatally, at apartment complex", [("injured", 5, 5, "incident"), ("killed", 1, 1, "incident")]),
    # a person without a number is one; an age set off by commas is not a count
    ("Woman, 52, killed, 4 others wounded in drive-by", [("killed", 1, 1, "incident"), ("injured", 4, 4, "incident")]),
    # "15-year-old" counts one person, not fifteen
    ("15-year-old dead, 2 hurt in park shooting", [("killed", 1, 1, "incident"), ("injured", 2, 2, "incident")]),
    # a person and a count listed together add up
    ("Boy, 2 men shot near bus stop", [("injured", 3, 3, "incident")]),
    # regression (GVA): kin and household words name one person ("uncle" was none: no claim at all)
    ("Teen charged with killing uncle in Bossier City", [("killed", 1, 1, "incident")]),
    ("Man wounds stepson, landlord in shooting", [("injured", 2, 2, "incident")]),
    # regression (GVA): a suspect listed with the officer he fought was hit too ("suspect" is no victim word)
    ("Trooper, suspect hurt in roadside gunfight", [("injured", 2, 2, "incident")]),
    # regression (GVA): an adjective before the person does not make it part of the count
    ("Pregnant woman, 2 others shot at county club", [("injured", 3, 3, "incident")]),
    # regression (GVA): an -ing form is active, its victims follow ("killing wife and three sons" was 1)
    ("Deputies hunt man suspected of killing wife and three sons", [("killed", 4, 4, "incident")]),
    ("Man charged with killing 2, wounding 3 at bar", [("killed", 2, 2, "incident"), ("injured", 3, 3, "incident")]),
    # regression (GVA): "others" counts the shot apart from the dead (was 4 hurt)
    ("14-year-old girl killed, 5 others shot on North End", [("killed", 1, 1, "incident"), ("injured", 5, 5, "incident")]),
    ("Teen girl killed, 3 hurt in shooting", [("killed", 1, 1, "incident"), ("injured", 3, 3, "incident")]),
    # regressions (GVA): "9-year-old" is read as one word, naming the person or the noun after it
    ("Father kills 9-year-old son, himself", [("killed", 2, 2, "incident")]),
    ("Woman, 3-year-old dead in triple shooting", [("killed", 2, 2, "incident"), ("injured", 1, 1, "incident")]),  # 3 shot, 2 died
    ("3-year-old and four adults shot outside store", [("injured", 5, 5, "incident")]),
    ("Teen kills 6-year-old brother, self", [("killed", 2, 2, "incident")]),
    # regressions (GVA): relative clauses, passives, counted plurals, a closing parenthesis
    ("Drive-by shooting that wounded a 6-year-old, 3 others has residents rattled",
     [("injured", 4, 4, "incident")]),
    ("Reputed gang member was target, but 4-year-old was shot", [("injured", 1, 1, "incident")]),
    ("DNR: Three Hunters Shot in Deer Stand Mishap (Marrow County)", [("injured", 3, 3, "incident")]),
    ("A 15-year-old was injured in a Tuesday shooting, deputies said", [("injured", 1, 1, "incident")]),
    ("Two shot in Bexley: 'Everyone should see this'", [("injured", 2, 2, "incident")]),
    # regression: a condition read before the injuries it is summed with (the span once ran backwards)
    ("One man in critical condition, two others injured after late-night shooting uptown",
     [("injured", 3, 3, "incident")]),
    # an active verb's count is its object; the subject is the shooter
    ("Gunman shoots 2 people outside bakery", [("injured", 2, 2, "incident")]),
    # "at least" keeps the interval open
    ("Shooting leaves 1 dead, at least 6 injured", [("killed", 1, 1, "incident"), ("injured", 6, None, "incident")]),
    # condition words add up as injuries
    ("3 critical, 1 stable after gunfire at party", [("injured", 4, 4, "incident")]),
    # "shot ... dies": the one shot died
    ("Girl shot while playing in yard dies", [("killed", 1, 1, "incident")]),
    # family words name one person each, and the killer who "then" killed himself is one of the dead
    ("Man kills wife, daughter, then himself", [("killed", 3, 3, "incident")]),
    # a title-case age and adverb tagged as a name are not more people
    ("Girl, 12, Accidentally Shot In Her Leg In Garage, Police Say", [("injured", 1, 1, "incident")]),
    # "a fourth" is one more person
    ("Three men shot, a fourth hurt by shrapnel outside club", [("injured", 4, 4, "incident")]),
    # a roundup of a city's weekend is not one incident
    ("4 dead, 19 wounded in weekend shootings", [("killed", 4, 4, "cumulative"), ("injured", 19, 19, "cumulative")]),
    # the list stops at the first preposition: the vigil's teen is another incident
    ("2 killed, 3 hurt in shooting at vigil for teen killed in March",
     [("killed", 2, 2, "incident"), ("injured", 3, 3, "incident")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_headline(nlp, text, expected):
    assert counts(nlp, text) == expected


def test_sentence_with_full_stop_is_read_by_the_parser(nlp):
    """Regression: a body sentence is not a headline, and keeps its parse ("was shot, one fatally")."""
    assert counts(nlp, "Six patrons were shot, one fatally, behind the bowling alley.") == [
        ("injured", 5, 5, "incident"), ("killed", 1, 1, "incident")]


def test_number_of_people_injured_rose(nlp):
    """Regression: "the number of people injured rose to 12" is 12 injured (was 1 injured, "the number")."""
    assert counts(nlp, "The number of people injured rose to 12, the hospital said.") == [
        ("injured", 12, 12, "incident")]


def test_an_adverb_before_the_casualty_word_does_not_hide_the_victim(nlp):
    """Regression (GVA: a hunting accident and a holiday shooting came out 0 dead): "fatally",
    "accidentally", "critically" between the person and the word were a wall for the count."""
    assert counts(nlp, "Girl fatally shot in Dunmore County hunting accident") == [("killed", 1, 1, "incident")]
    assert counts(nlp, "Cousin accidentally shot, killed during Thanksgiving visit") == [("killed", 1, 1, "incident")]
    assert counts(nlp, "Clerk critically wounded in gunfire near motel") == [("injured", 1, 1, "incident")]


def test_a_place_before_an_age_is_not_a_second_person(nlp):
    """Regression (GVA: "<Town> 2-year-old in critical condition" came out two hurt): the proper noun
    before "4-year-old" says where the child is from; "Woman, 3-year-old dead" is still two."""
    assert counts(nlp, "Topeka 4-year-old in critical condition, gunshot to leg") == [("injured", 1, 1, "incident")]
    assert counts(nlp, "Woman, 3-year-old dead in apartment fire") == [("killed", 2, 2, "incident")]
