"""Regressions from a new user's wire articles (round 4): revised tolls, a headline against its own
body, a part taken for the toll, and a funeral story carrying the toll of the attack it mourns.
Records built by hand (no model)."""

from __future__ import annotations

from dataclasses import replace

from parallax.reconcile.contradictions import find_contradictions
from parallax.reconcile.incident import reconcile_incident
from parallax.reconcile.tolls import incident_toll
from parallax.schema import Claim, Figure, Measure, Span, Speaker

from builders import mention

K = Measure.KILLED


def told(article: str, low: int | None, high: int | None, text: str, sentence: str, speaker: str = "",
         field: str = "text") -> Claim:
    start = sentence.index(text)
    return Claim(f"{article}-{field}-{start}", article, K, Figure(low, high, text),
                 Span(article, start, start + len(text), text, sentence, field),
                 speaker=Speaker(speaker, speaker) if speaker else None)


FIRST = "Gunmen killed seven people at the Tessalit market on Friday, police said."
LATER = "The death toll from Friday's attack on the Tessalit market rose to 11, a hospital director said."


def test_toll_told_as_risen_is_an_update_not_a_disagreement():
    """ "rose to 11" beside police's earlier seven was listed as a contradiction and made the incident
    contested; a real disagreement (19 against 11) still is one."""
    first = mention("a", None, None, FIRST, (told("a", 7, 7, "seven", FIRST, "police"),), outlet="Sahel Wire")
    later = mention("b", None, None, LATER, (told("b", 11, 11, "11", LATER, "hospital director"),),
                    outlet="Desert Post")
    assert find_contradictions([first, later]) == ()
    incident = reconcile_incident("i", [first, later])
    assert not incident.contested and incident.notes == ()
    union = "At least 19 people were killed, a traders' union said."
    other = mention("c", None, None, union, (told("c", 19, None, "At least 19", union, "traders' union"),),
                    outlet="Niger Daily")
    assert len(find_contradictions([first, later, other])) == 2  # 19+ against 7 and against 11


def test_smaller_counts_before_a_risen_toll_are_earlier_ones():
    """Kassala: police's seven told by two reports and "rose to 11" gave a reported toll of 7."""
    first = [told("a", 7, 7, "seven", FIRST, "police")]
    title = [told("a", 7, 7, "7", "Gunmen kill 7 at Tessalit market", field="title")]
    later = [told("b", 11, 11, "11", LATER, "hospital director")]
    assert incident_toll([first, title, later]).killed == 11


def test_headline_against_its_own_body_is_no_contradiction():
    """An outlet's unattributed headline is its summary: never a rival of its own body, and not a
    second source beside the body's speaker when it restates that figure."""
    body = "At least 19 people were killed, a doctors' union said."
    head = "At least 19 dead in Tessalit market massacre"
    own = mention("a", None, None, body, (told("a", 19, None, "At least 19", body, "doctors' union"),
                                          told("a", 19, None, "At least 19", head, field="title")),
                  outlet="Sahel Wire")
    police = mention("b", None, None, FIRST, (told("b", 7, 7, "seven", FIRST, "police"),), outlet="Desert Post")
    found = find_contradictions([own, police])
    assert [(c.speaker_a, c.speaker_b) for c in found] == [("doctors' union", "police")]
    stale = "Five killed in Tessalit market attack"
    alone = mention("c", None, None, LATER, (told("c", 5, 5, "Five", stale, field="title"),
                                            told("c", 11, 11, "11", LATER, "hospital director")))
    assert find_contradictions([alone]) == ()


def test_a_part_is_not_the_reported_toll():
    """The Hama killings: "At least 52 people ... were killed" and "nine of the children were beaten to
    death" gave reported killed 9."""
    total = "At least 52 people, including 17 children, were killed in the village."
    part = "A coroner said nine of the children were beaten to death."
    article = [told("a", 52, None, "At least 52", total), told("a", 9, 9, "nine", part, "coroner")]
    assert incident_toll([article]).killed == 52
    only = "Police said two of the victims died in hospital."
    assert incident_toll([[told("b", 2, 2, "two", only, "police")]]).killed == 2


def test_funeral_story_carries_no_fatalities_of_its_own():
    """A funeral story kept apart from the attack it mourns ("buried 11 people killed in Thursday's
    attack") had fatalities 11/11/11: summing incidents counted the dead twice."""
    sentence = "Hundreds of mourners on Saturday buried 11 people killed in Thursday's attack on the market."
    funeral = mention("f", None, None, sentence, (told("f", 11, 11, "11", sentence),), outlet="Sahel Wire")
    funeral = replace(funeral, trigger=Span("f", sentence.index("attack"), sentence.index("attack") + 6,
                                            "attack", sentence))
    incident = reconcile_incident("i", [funeral])
    assert (incident.fatalities.low, incident.fatalities.best, incident.fatalities.high) == (None, None, None)
    assert incident.reported is None and not incident.contested
    assert incident.mentions[0].claims  # the claims stay, shown with the story
    attack = reconcile_incident("j", [mention("a", None, None, FIRST, (told("a", 7, 7, "seven", FIRST, "police"),))])
    assert attack.fatalities.best == 7


def test_a_rise_is_judged_by_its_own_claim_when_another_speaker_gives_the_same_figure():
    """Cauca (second tester pass): the governor's "rose to 14" and a minister's plain 14 shared the
    value "14", so the rise was judged by the minister's claim and police's morning six was listed
    against the governor."""
    plain = "In all 14 people died, the defence minister said."
    rise = mention("b", None, None, LATER.replace("11", "14"),
                   (told("b", 14, 14, "14", LATER.replace("11", "14"), "hospital director"),), outlet="Desert Post")
    minister = mention("c", None, None, plain, (told("c", 14, 14, "14", plain, "defence minister"),),
                       outlet="Niger Daily")
    first = mention("a", None, None, FIRST, (told("a", 7, 7, "seven", FIRST, "police"),), outlet="Sahel Wire")
    found = find_contradictions([first, rise, minister])
    pairs = {(c.speaker_a, c.speaker_b) for c in found}
    assert ("police", "hospital director") not in pairs and ("police", "defence minister") in pairs


def test_a_figure_its_article_tells_as_a_rise_is_the_risen_toll_whoever_gives_it():
    """Cauca: "rose to 14, the regional governor said" and, further on, "Governor Octavio Guzman
    said 14 people had died": the named governor's 14 was still listed against police's morning six."""
    named = "By evening Governor Ana Diallo said 14 people had died."
    rise_text = LATER.replace("11", "14")
    update = mention("b", None, None, rise_text, (told("b", 14, 14, "14", rise_text, "regional governor"),
                                                   replace(told("b", 14, 14, "14", named, "Ana Diallo"),
                                                           id="b-named")), outlet="Desert Post")
    first = mention("a", None, None, FIRST, (told("a", 7, 7, "seven", FIRST, "police"),), outlet="Sahel Wire")
    assert find_contradictions([first, update]) == ()
    assert not reconcile_incident("i", [first, update]).contested
