"""The trained event classifier on snippets we wrote (none of them is in data/training/)."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest
from builders import mention

from parallax.errors import DataFileError
from parallax.extract.event_classifier import (DEP_DIM, HASH_DIM, HASHING, NO_EVENT, LinearModel, classify_docs,
                                               dependency_pair, dependency_pairs, features, hashed_ngrams,
                                               lede_rule_features, load_model, model_features, read_model, retype_single_incident,
                                               rule_features, save_model)
from parallax.extract.event_type import snippet_triggers
from parallax.extract.trigger_lexicon import load_trigger_lexicon

TRAINING = Path(__file__).resolve().parents[2] / "data" / "training" / "event_types.tsv"
SELECTION = TRAINING.with_name("event_types_selection.tsv")  # own snippets for choosing settings only
MORE = TRAINING.with_name("event_types_more.tsv")  # written in the fifth round, not trained on (docs)

# Written for this test, in wire style. The floor is what the shipped hashing model reached (7 of 8 since
# the 2,119-example retraining: it still reads "a device buried under the road went off" as OTHER).
UNSEEN = [
    ("Jets belonging to the air force bombed a fuel depot outside the rebel-held town at dawn.", "AIR_STRIKE"),
    ("Two policemen died when a device buried under the road went off as their pickup passed.", "REM_EXPLOS"),
    ("Nurses marched through the city centre on Monday to demand three months of unpaid wages.",
     "PEACE_PROTEST"),
    ("Masked gunmen seized four engineers from a construction site and drove them away.", "ABDUCT_DISSAP"),
    ("The interior ministry said officers had detained eleven suspected members of the cell.", "ARREST"),
    ("A blaze tore through a crowded timber market overnight, gutting hundreds of stalls.", "MAN_MADE_DISASTER"),
    ("Torrential rain caused the river to burst its banks, submerging dozens of villages.", "NATURAL_DISASTER"),
    ("The two foreign ministers met in Nairobi to discuss the border dispute.", "DIPLO"),
]


# Neighbouring classes told apart by one detail, in words the training examples mostly do not use.
# The floor is what the shipped hashing model reached (4 of 10 on 2,119 examples, 6 on 2,496, 8 with the
# dependency pairs on 2,858): without a trigger word the rules know ("emptied the pharmacies",
# "howitzer rounds crashed") it still guesses a neighbouring class.
NEIGHBOURS = [
    ("Pensioners gathered outside the finance ministry on Tuesday to complain about late payments, then "
     "went home.", "PEACE_PROTEST"),
    ("Officers carried away sit-in participants one by one and put them on buses to the police station.",
     "PROTEST_WITH_INTER"),
    ("Troops fired on a crowd of unarmed marchers calling for reforms, killing eleven of them.",
     "FORCE_AGAINST_PROTEST"),
    ("Marchers hurled bricks at the police lines and torched two patrol cars.", "VIOL_DEMONSTR"),
    ("The soldiers left the hilltop post on Sunday and the militia walked in unopposed.", "NON_VIOL_TERRIT_TRANSFER"),
    ("Insurgents overran the hilltop post on Sunday after a night of fighting and now hold it.",
     "NON_STATE_ACTOR_OVERTAKES_TER"),
    ("Soldiers pushed the insurgents off the hilltop on Sunday and raised the flag there again.", "GOV_REGAINS_TERIT"),
    ("Gunmen took a doctor from his clinic and are demanding money for his return.", "ABDUCT_DISSAP"),
    ("Looters emptied the pharmacies and grain stores of the abandoned town.", "PROPERTY_DISTRUCT"),
    ("Howitzer rounds crashed into the outskirts of the town through the night.", "ART_MISS_ATTACK"),
]


# The cues of the sixth round's rows (docs/event_types.md), in other words: how many were hurt decides
# excessive force vs intervention, barricades and broken gates a violent demonstration, police sent ahead
# of a rally a change to group activity, ground taken back or walked into, leaving a treaty, denying a
# report. The floor is what the shipped hashing model reached (6 of 10 on 2,858 examples, 7 on 2,928,
# which still read "sending more than thirty of them to hospital" as a change to group activity, "took
# the river port back" as an abduction and "leaving the arms control treaty" as a change to group
# activity; at least 7 on the shipped 2,932).
CUES = [
    ("Riot police clubbed and kicked peaceful marchers in the port city, sending more than thirty of them to "
     "hospital.", "FORCE_AGAINST_PROTEST"),
    ("Doctors said 45 people were wounded when police fired rubber bullets at a peaceful crowd outside the "
     "stadium.", "FORCE_AGAINST_PROTEST"),
    ("Officers broke up the peaceful vigil with pepper spray and took six organisers into custody; nobody was "
     "hurt.", "PROTEST_WITH_INTER"),
    ("Angry youths barricaded the ring road with burning tyres and old cars to protest against the fuel price "
     "rise.", "VIOL_DEMONSTR"),
    ("Demonstrators pulled down the gates of the town hall and smashed its windows before police arrived.",
     "VIOL_DEMONSTR"),
    ("Hundreds of extra police were deployed across the old town ahead of the planned opposition rally.",
     "CHANGE_TO_GROUP_ACT"),
    ("The rebels took the river port back from the army on Saturday, a week after losing it.",
     "NON_STATE_ACTOR_OVERTAKES_TER"),
    ("Once the peacekeepers pulled out, militia fighters moved into the camp without meeting any resistance.",
     "NON_VIOL_TERRIT_TRANSFER"),
    ("The president announced that his country was leaving the arms control treaty with its neighbour.",
     "AGREEMENT"),
    ("The ministry denied a report that its agents had spied on exiled journalists.", "ATTRIB"),
]


@pytest.fixture(scope="module")
def model():
    return load_model(HASHING)


def test_shipped_model_types_unseen_snippets(nlp, model):
    docs = [nlp(text) for text, _ in UNSEEN]
    predicted = [code for code, _ in classify_docs(docs, model, allow_none=False)]
    right = sum(p == gold for p, (_, gold) in zip(predicted, UNSEEN))
    assert right >= 7, list(zip(predicted, [g for _, g in UNSEEN]))


def test_shipped_model_tells_neighbouring_classes_apart(nlp, model):
    docs = [nlp(text) for text, _ in NEIGHBOURS]
    predicted = [code for code, _ in classify_docs(docs, model, allow_none=False)]
    right = sum(p == gold for p, (_, gold) in zip(predicted, NEIGHBOURS))
    assert right >= 8, list(zip(predicted, [g for _, g in NEIGHBOURS]))


def test_shipped_model_reads_the_sixth_rounds_cues(nlp, model):
    docs = [nlp(text) for text, _ in CUES]
    predicted = [code for code, _ in classify_docs(docs, model, allow_none=False)]
    right = sum(p == gold for p, (_, gold) in zip(predicted, CUES))
    assert right >= 7, list(zip(predicted, [g for _, g in CUES]))


def test_test_snippets_are_not_training_examples():
    with TRAINING.open(encoding="utf-8", newline="") as handle:
        trained = {row["text"] for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)}
    assert not trained & {text for text, _ in UNSEEN + NEIGHBOURS + CUES}


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_selection_snippets_cover_every_class_and_are_never_trained_on():
    rows = _rows(SELECTION)
    counts = {code: sum(1 for r in rows if r["code"] == code) for code in load_trigger_lexicon().classes}
    assert min(counts.values()) >= 5, sorted(counts.items(), key=lambda kv: kv[1])[:3]
    assert not {r["text"] for r in rows} & {r["text"] for r in _rows(TRAINING) + _rows(MORE)}
    assert not {r["text"] for r in rows} & {text for text, _ in UNSEEN + NEIGHBOURS}
    more = _rows(MORE)
    assert {r["code"] for r in more} <= set(load_trigger_lexicon().classes)
    assert not {r["text"] for r in more} & {r["text"] for r in _rows(TRAINING)}


def test_a_non_event_may_be_none_only_when_allowed(nlp, model):
    doc = nlp("Tourism revenue rose by ten percent last year.")  # "meeting" would read as DIPLO
    assert classify_docs([doc], model)[0][0] == NO_EVENT
    assert classify_docs([doc], model, allow_none=False)[0][0] != NO_EVENT


def test_without_a_model_the_rules_decide(nlp):
    doc = nlp("A suicide bomber blew himself up beside the gate of the police academy.")
    assert classify_docs([doc], None)[0][0] == "SUIC_BOMB"
    assert classify_docs([nlp("The weather was mild.")], None) == [(NO_EVENT, 0.0)]


def test_rule_features_are_shares_of_the_rules_evidence(nlp):
    lex = load_trigger_lexicon()
    codes = tuple(lex.classes)
    features = rule_features(snippet_triggers(nlp("Warplanes struck the market."), lex), codes)
    assert features.shape == (len(codes) + 1,)
    assert features[:-1].sum() == pytest.approx(1.0, abs=1e-5)
    assert codes[int(features[:-1].argmax())] == "AIR_STRIKE"


def test_lede_features_read_the_first_sentence_alone(nlp):
    lex = load_trigger_lexicon()
    codes = tuple(lex.classes)
    doc = nlp("Warplanes struck the market on Monday. Last month rebels shelled the town and kidnapped two aid workers.")
    lede = lede_rule_features(doc, codes, lex)
    assert codes[int(lede[:-1].argmax())] == "AIR_STRIKE"
    assert lede[codes.index("ABDUCT_DISSAP")] == 0.0 < rule_features(snippet_triggers(doc, lex), codes)[
        codes.index("ABDUCT_DISSAP")]
    assert features(HASHING, [doc], codes, 1.0, lex).shape == (1, HASH_DIM + len(codes) + 1)
    assert features(HASHING, [doc], codes, 1.0, lex, lede_scale=0.5).shape == (1, HASH_DIM + 2 * (len(codes) + 1))
    assert features(HASHING, [], codes, 1.0, lex, lede_scale=0.5).shape == (0, HASH_DIM + 2 * (len(codes) + 1))


def test_hashed_ngrams_are_unit_length_and_ignore_punctuation(nlp):
    one, two = hashed_ngrams(nlp("Rebels shelled the town.")), hashed_ngrams(nlp("Rebels shelled the town!!"))
    assert np.linalg.norm(one) == pytest.approx(1.0)
    assert np.allclose(one, two)


def test_dependency_pairs_say_who_did_what_to_whom(nlp):
    doc = nlp("Police fired tear gas at the protesters.")
    pairs = {dependency_pair(t) for t in doc} - {None}
    assert {"fire>dobj>gas", "fire>at>protester", "fire>nsubj>police"} <= pairs
    # the same words in other roles are other features: a bag of words cannot tell these apart
    other = dependency_pairs(nlp("Protesters fired at the police after tear gas."))
    assert np.linalg.norm(dependency_pairs(doc)) == pytest.approx(1.0)
    assert not np.allclose(dependency_pairs(doc), other)


def test_dependency_features_follow_the_ngrams(nlp):
    lex = load_trigger_lexicon()
    codes = tuple(lex.classes)
    doc = nlp("Police fired tear gas at the protesters.")
    row = features(HASHING, [doc], codes, 1.0, lex, dep_dim=DEP_DIM)[0]
    assert row.shape == (HASH_DIM + DEP_DIM + len(codes) + 1,)
    assert np.allclose(row[HASH_DIM:HASH_DIM + DEP_DIM], dependency_pairs(doc))
    assert features(HASHING, [], codes, 1.0, lex, dep_dim=DEP_DIM).shape == (0, HASH_DIM + DEP_DIM + len(codes) + 1)


def test_artifact_round_trips_and_a_broken_one_is_refused(tmp_path):
    model = LinearModel(HASHING, ("A", "B"), np.ones((3, 2), np.float32), np.zeros(2, np.float32), ("A",), 2.0, 0.5,
                        DEP_DIM)
    save_model(model, tmp_path / "m.npz")
    back = read_model(tmp_path / "m.npz")
    assert back.labels == ("A", "B") and back.rule_scale == 2.0 and back.weights.shape == (3, 2)
    assert back.lede_scale == 0.5 and back.dep_dim == DEP_DIM
    with np.load(tmp_path / "m.npz") as data:  # an artifact from before the lede and dependency features
        np.savez(tmp_path / "old.npz", **{k: data[k] for k in data.files if k not in ("lede_scale", "dep_dim")})
    assert read_model(tmp_path / "old.npz").lede_scale == 0.0
    assert read_model(tmp_path / "old.npz").dep_dim == 0
    (tmp_path / "bad.npz").write_bytes(b"not a zip")
    with pytest.raises(DataFileError, match="bad.npz"):
        read_model(tmp_path / "bad.npz")


def test_training_examples_cover_every_class_and_never_repeat():
    with TRAINING.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    counts = {code: sum(1 for r in rows if r["code"] == code) for code in load_trigger_lexicon().classes}
    assert min(counts.values()) >= 40, sorted(counts.items(), key=lambda kv: kv[1])[:3]
    assert len({r["text"] for r in rows}) == len(rows)


# Regression (examples/wire Ogossagou reports): the rules typed "setting fire to granaries" as
# looting/property destruction; gunmen killing villagers is an attack on civilians.
VILLAGE_RAID = ("Gunmen went from house to house in the village on Monday night, setting fire to granaries and "
                "shooting at those who fled. Eleven villagers were killed, a local official said.")


def test_an_articles_single_incident_takes_the_models_type(nlp, model):
    doc = nlp(VILLAGE_RAID)
    raid = mention("a1", None, None, VILLAGE_RAID, sub="Looting/property destruction", kind="Strategic developments")
    (retyped,) = retype_single_incident(doc, [raid], model)
    assert (retyped.event_type, retyped.sub_event_type) == ("Violence against civilians", "Attack")
    assert retyped.trigger == raid.trigger and retyped.claims == raid.claims


def test_several_incidents_or_no_model_keep_the_rules_types(nlp, model):
    doc = nlp(VILLAGE_RAID)
    raid = mention("a1", None, None, VILLAGE_RAID, sub="Looting/property destruction", kind="Strategic developments")
    other = mention("a1", None, None, VILLAGE_RAID, start=40)
    assert retype_single_incident(doc, [raid, other], model) == [raid, other]
    assert retype_single_incident(doc, [raid], None) == [raid]
    background = mention("a1", None, None, VILLAGE_RAID, start=40, background=True)
    assert retype_single_incident(doc, [raid, background], model)[1] == background


def test_a_single_incident_is_never_given_a_class_that_opens_no_incident(nlp, model):
    text = "The foreign ministers of the two countries met in Geneva and agreed to meet again next month."
    talks = mention("a2", None, None, text, sub="Armed clash", kind="Battles")
    (retyped,) = retype_single_incident(nlp(text), [talks], model)
    assert retyped.event_type != "Non-ACLED"


# Regression (a fresh-clone user's Beni bus report): the whole text's best class was the catch-all
# Strategic developments/Other (the blame sentence), which replaced the rules' Attack.
BUS_AMBUSH = ("GOMA, Democratic Republic of Congo (Kivu Observer) - At least 19 people were killed when gunmen "
              "ambushed a bus near Beni in North Kivu province on Thursday, the Red Cross said, a higher toll than "
              "the one given by local authorities.\n\nA Red Cross official, speaking on background, said "
              "volunteers had recovered 19 bodies from the scene and that the toll could rise. Local civil "
              "society groups blamed the ADF, an armed group with links to Islamic State.")


def test_the_catch_all_class_never_replaces_a_type_the_rules_found(nlp, model):
    doc = nlp(BUS_AMBUSH)
    lex = load_trigger_lexicon()
    probs = model.probabilities(model_features(model, [doc], lex))[0]
    incident = [i for i, code in enumerate(model.labels) if code in lex.classes and lex.classes[code].incident]
    assert lex.classes[model.labels[max(incident, key=lambda i: probs[i])]].sub_event_type == "Other"  # the case
    ambush = mention("a1", None, None, BUS_AMBUSH, sub="Attack", kind="Violence against civilians")
    assert retype_single_incident(doc, [ambush], model) == [ambush]
