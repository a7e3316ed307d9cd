"""Event triggers and ACLED typing on wire-style sentences we wrote ourselves."""

from __future__ import annotations

import pytest

from parallax.errors import DataFileError
from parallax.extract.event_type import classify_sentence, classify_text, find_triggers
from parallax.extract.trigger_lexicon import load_trigger_lexicon

INCIDENT = 0.5  # frames.MIN_TRIGGER_SCORE: what opens an incident

# One sentence per case, with the CASE 2021 code parallax must give it.
TYPED = [
    # Battles
    ("Government troops and rebels clashed for hours outside the town of Bardera on Tuesday, "
     "a local official said.", "ARMED_CLASH"),
    ("Heavy fighting broke out between the army and militants near the border crossing late on Sunday.",
     "ARMED_CLASH"),
    ("Insurgents ambushed a military convoy on the highway south of the capital, killing four soldiers.",
     "ARMED_CLASH"),
    ("Gunmen attacked an army checkpoint outside the town, wounding two soldiers.", "ARMED_CLASH"),
    ("The army said its troops recaptured the village of Tel Hamra from the rebels after a three-day "
     "offensive.", "GOV_REGAINS_TERIT"),
    ("Islamist militants seized control of the district headquarters in Koro on Friday.",
     "NON_STATE_ACTOR_OVERTAKES_TER"),
    ("Jihadist fighters overran an army base in the north of the country, residents said.",
     "NON_STATE_ACTOR_OVERTAKES_TER"),
    # Explosions/Remote violence
    ("Warplanes struck a market in the rebel-held town on Monday, killing at least 12 civilians, "
     "rescuers said.", "AIR_STRIKE"),
    ("A drone strike hit a car carrying two militant commanders near the border.", "AIR_STRIKE"),
    ("An air-strike on the edge of the town destroyed a field hospital.", "AIR_STRIKE"),
    ("Rebels shelled residential areas of the city with mortars overnight.", "ART_MISS_ATTACK"),
    ("A barrage of rockets landed near the airport on Wednesday evening.", "ART_MISS_ATTACK"),
    ("A roadside bomb exploded as a police patrol passed, wounding three officers.", "REM_EXPLOS"),
    ("Three policemen died when their pickup hit a landmine on a dirt track in the hills.",
     "REM_EXPLOS"),
    ("A suicide bomber blew himself up near the gate of a stadium during a football match, killing 20 "
     "spectators.", "SUIC_BOMB"),
    ("Unknown attackers hurled a grenade into a crowded bar, injuring nine people.", "GRENADE"),
    ("Activists accused government forces of a chemical attack on the suburb that left dozens "
     "struggling to breathe.", "CHEM_WEAP"),
    # Violence against civilians
    ("Gunmen stormed a village overnight and shot dead eight civilians, including three children.",
     "ATTACK"),
    ("Suspected militants abducted 15 schoolgirls from a boarding school in the northwest.",
     "ABDUCT_DISSAP"),
    ("Armed men kidnapped a local aid worker on the road to the camp.", "ABDUCT_DISSAP"),
    ("Soldiers raped at least six women during the operation in the settlement, a rights group said.",
     "SEX_VIOL"),
    # Protests
    ("Thousands of nurses rallied outside the labour ministry to demand higher wages.", "PEACE_PROTEST"),
    ("Prisoners at the central jail began a hunger strike on Monday over conditions.", "PEACE_PROTEST"),
    ("Police used tear gas and water cannon to break up students protesting against the fee increase.",
     "PROTEST_WITH_INTER"),
    ("Security forces opened fire on demonstrators in the capital, killing five protesters.",
     "FORCE_AGAINST_PROTEST"),
    # Riots
    ("Protesters hurled stones at police and set tyres ablaze as the demonstration turned violent.",
     "VIOL_DEMONSTR"),
    ("Demonstrators clashed with riot police outside the election commission.", "VIOL_DEMONSTR"),
    ("An angry mob lynched a man accused of stealing a motorbike.", "MOB_VIOL"),
    # Strategic developments
    ("The two sides signed a ceasefire agreement in the capital on Saturday.", "AGREEMENT"),
    ("Police arrested 14 suspected members of the group in raids across the city.", "ARREST"),
    ("Security forces defused a bomb planted under a bridge on the main road.", "DISR_WEAP"),
    ("Troops uncovered a cache of rifles and grenades buried behind a farmhouse.", "DISR_WEAP"),
    ("The militia set up a new headquarters in the town hall.", "HQ_ESTABLISHED"),
    ("Hundreds of fighters from the rebel group defected to the government side.", "CHANGE_TO_GROUP_ACT"),
    ("Armed men looted shops and burned houses in the market district.", "PROPERTY_DISTRUCT"),
    ("Government troops pulled out of the northern town, leaving it to a local militia.",
     "NON_VIOL_TERRIT_TRANSFER"),
    # The CASE 2021 classes outside ACLED
    ("Foreign ministers of the two countries held talks in Geneva on Thursday.", "DIPLO"),
    ("A powerful earthquake struck the coastal province early on Sunday.", "NATURAL_DISASTER"),
    ("A fire broke out at a garment factory, trapping dozens of workers.", "MAN_MADE_DISASTER"),
    ("The group claimed responsibility for Sunday's blast in a message posted online.", "ATTRIB"),
    ("Customs officers seized two tonnes of cocaine hidden in a shipment of fruit.", "ORG_CRIME"),
]

# Sentences whose event words report no incident: no trigger may reach INCIDENT.
NO_INCIDENT = [
    "The two parties struck a deal on the budget late on Friday.",
    "The opposition leader attacked the government's economic policy in a speech.",
    "The former minister died of a heart attack at his home.",
    "The valley became a killing field in the last years of the war.",
    "The resignation landed like a bombshell in the capital.",
    "The president vowed to keep fighting terrorism.",
    "The militants threatened to attack the city if their demands were not met.",
    "No attacks were reported in the province over the holiday.",
    "The war has displaced millions of people.",
    "The conflict has dragged on for a decade.",
    "The coalition loosened its rules of engagement for air strikes.",
    "The rebels could launch an offensive on the city within weeks.",
    "The army usually shells the hills before dawn.",
]


def _sentence(nlp, text):
    return next(nlp(text).sents)


def _code(result):
    lex = load_trigger_lexicon()
    return next((c.code for c in lex.classes.values() if (c.event_type, c.sub_event_type) == result[:2]), "")


@pytest.mark.parametrize(("text", "code"), TYPED)
def test_sentence_gets_its_acled_sub_event_type(nlp, text, code):
    assert _code(classify_sentence(_sentence(nlp, text))) == code


@pytest.mark.parametrize("text", NO_INCIDENT)
def test_non_events_open_no_incident(nlp, text):
    triggers = find_triggers(_sentence(nlp, text))
    assert all(t.score < INCIDENT for t in triggers), [(t.lemma, t.score) for t in triggers]


def test_struck_a_deal_is_no_trigger_at_all(nlp):
    triggers = find_triggers(_sentence(nlp, "The two sides struck a deal."))
    assert "strike" not in [t.lemma for t in triggers]


def test_hunger_strike_is_a_protest_not_an_attack(nlp):
    triggers = find_triggers(_sentence(nlp, "Detainees went on hunger strike on Monday."))
    assert [(t.lemma, t.code) for t in triggers] == [("hunger strike", "PEACE_PROTEST")]
    assert triggers[0].score >= INCIDENT


def test_riot_police_names_no_riot(nlp):
    triggers = find_triggers(_sentence(nlp, "Riot police were posted around the stadium."))
    assert all(t.score < INCIDENT for t in triggers if t.code == "VIOL_DEMONSTR")


def _trigger(nlp, text, lemma):
    sent = _sentence(nlp, text)
    return next(t for t in find_triggers(sent) if t.lemma == lemma), sent.doc


@pytest.mark.parametrize(("text", "lemma", "reference"), [
    ("Russia condemned the strike.", "strike", True),
    ("Thursday's strike destroyed two tanks.", "strike", True),
    ("The army said the attack on the checkpoint killed three soldiers.", "attack", True),
    ("Damascus denounced a strike on its forces.", "strike", True),
    ("An air strike destroyed two tanks on Thursday.", "air strike", False),
    ("US warplanes struck the convoy on Thursday.", "strike", False),
])
def test_reference_or_new_event(nlp, text, lemma, reference):
    trigger, _ = _trigger(nlp, text, lemma)
    assert trigger.is_reference is reference
    assert trigger.score >= INCIDENT


def test_condemnation_is_typed_as_diplomacy_but_keeps_the_strike(nlp):
    sent = _sentence(nlp, "Russia condemned the strike as illegitimate.")
    strike = next(t for t in find_triggers(sent) if t.lemma == "strike")
    assert strike.sub_event_type == "Air/drone strike" and strike.is_reference
    assert classify_sentence(sent)[1] == "Diplomatic event"


def test_trigger_span_covers_the_phrase(nlp):
    trigger, doc = _trigger(nlp, "A roadside bomb killed two soldiers.", "roadside bomb")
    assert doc[trigger.start_token:trigger.end_token].text == "roadside bomb"
    assert (trigger.event_type, trigger.sub_event_type) == ("Explosions/Remote violence",
                                                            "Remote explosive/landmine/IED")


def test_weapon_of_a_defusal_is_no_explosion(nlp):
    sent = _sentence(nlp, "Soldiers defused a roadside bomb near the school.")
    bomb = next(t for t in find_triggers(sent) if t.lemma == "roadside bomb")
    assert bomb.score < INCIDENT


def test_who_takes_ground_decides_the_sub_type(nlp):
    taken = classify_sentence(_sentence(nlp, "Rebels captured the town of Koba on Monday."))
    retaken = classify_sentence(_sentence(nlp, "The army captured the town of Koba on Monday."))
    assert taken[1] == "Non-state actor overtakes territory"
    assert retaken[1] == "Government regains territory"


def test_a_snippet_is_typed_from_all_its_sentences(nlp):
    text = ("Several hundred residents assembled in the main square on Saturday. "
            "Police dispersed them with batons and tear gas.")
    assert classify_text(text, nlp)[1] == "Protest with intervention"


def test_no_event_word_gives_no_type(nlp):
    assert classify_sentence(_sentence(nlp, "The committee will publish its report in May.")) == ("", "", 0.0)


def test_confidence_is_a_share(nlp):
    _, _, confidence = classify_sentence(_sentence(nlp, TYPED[0][0]))
    assert 0.0 < confidence <= 1.0


def test_taxonomy_has_acled_and_case_classes():
    lex = load_trigger_lexicon()
    acled = [c for c in lex.classes.values() if c.incident]
    assert len(acled) == 25 and len(lex.classes) == 30
    assert len({c.event_type for c in acled}) == 6
    assert all(c.plover for c in lex.classes.values())


def test_a_users_lexicon_with_an_unknown_code_is_refused(tmp_path):
    (tmp_path / "event_triggers.tsv").write_text(
        "phrase\tkind\tcode\tweight\tevent\tnotes\nblitz\tnoun\tBLITZ\t1.0\t0.9\t\n", "utf-8")
    with pytest.raises(DataFileError, match="BLITZ"):
        load_trigger_lexicon(str(tmp_path))


def test_a_users_lexicon_replaces_the_shipped_one(tmp_path, nlp):
    shipped = load_trigger_lexicon()
    assert ("blitz", "noun") not in shipped.triggers
    (tmp_path / "event_triggers.tsv").write_text(
        "phrase\tkind\tcode\tweight\tevent\tnotes\nblitz\tnoun\tAIR_STRIKE\t1.5\t0.9\t\n", "utf-8")
    custom = load_trigger_lexicon(str(tmp_path))
    sent = _sentence(nlp, "A blitz destroyed the depot.")
    assert [t.code for t in find_triggers(sent, custom)] == ["AIR_STRIKE"]


def test_rallied_in_support_of_is_a_rally(nlp):
    """A new user's "people rallied in Niamey on Monday in support of the military government"
    opened no incident: "rally support" (to rally support) matched through "in"."""
    triggers = find_triggers(_sentence(nlp, "Several hundred people rallied in the capital on Monday "
                                            "in support of the military government, waving flags."))
    assert [t.sub_event_type for t in triggers] == ["Peaceful protest"]
    assert not find_triggers(_sentence(nlp, "The president rallied support for the new budget."))
