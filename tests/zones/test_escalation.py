"""Escalation steps before a strike: cues, denials, speakers, ladder order and contradictions.

Seeds plus articles we wrote in wire style for these tests."""

from __future__ import annotations

import pytest

from builders import EXAMPLES, mention
from parallax.extract.claim_lexicon import load_claim_lexicon
from parallax.schema import Article, Incident
from parallax.zones.escalation import extract_escalation, load_escalation_lexicon
from parallax.zones.sequence import build_sequence

SEEDS = sorted(EXAMPLES.glob("00[03]_*.txt"))

MOREK = (
    "BEIRUT - Syrian government aircraft struck a rebel position near Morek in northern Hama on Tuesday, "
    "killing four fighters, a monitoring group said. The Turkish defence ministry said its officers had "
    "used the deconfliction line to contact the Russians an hour before the raid. Two jets flew low over "
    "the position and then fired warning shots, the ministry said. A spokesman for the rebel group said "
    "its fighters received no warning before the strike.")

REVERSED = (
    "AMMAN - The coalition said its aircraft struck the convoy on Sunday only after a show of force and a "
    "call to the Russians on the deconfliction channel. The coalition said it fired warning shots, and no "
    "civilians were hurt.")

QUIET = ("KABUL - A roadside bomb struck a police vehicle in Helmand province on Monday, killing two "
         "officers, a provincial spokesman said.")


@pytest.fixture(scope="module")
def lexicons():
    return load_escalation_lexicon(), load_claim_lexicon()


def _steps(nlp, lexicons, text: str, article_id: str = "a1"):
    article = Article(article_id, text)
    return extract_escalation(nlp(text), article, *lexicons)


def _incident(*articles: tuple[str, str]) -> Incident:
    mentions = tuple(mention(article_id, None, None, text[:text.index(".") + 1]) for article_id, text in articles)
    return Incident("inc", mentions, "Explosions/Remote violence", "Air/drone strike", None, None)


def _seq(nlp, lexicons, *articles: tuple[str, str]):
    steps = {a: _steps(nlp, lexicons, text, a) for a, text in articles}
    incident = _incident(*articles)
    grouped = {m.article_id: [m] for m in incident.mentions}
    return build_sequence(incident, steps, grouped, lexicons[0])


def test_hand_written_article_steps_speakers_and_denial(nlp, lexicons):
    steps = _steps(nlp, lexicons, MOREK)
    told = list(dict.fromkeys((s.step, s.negated) for s in steps if s.step != "strike"))
    assert told == [("communication", False), ("show_of_force", False), ("warning_shots", False), ("warning", True)]
    by_step = {s.step: s for s in steps}
    assert "Turkish defence ministry" in by_step["communication"].speaker.name
    assert by_step["warning"].speaker is not None and "spokesman" in by_step["warning"].speaker.name.lower()
    assert all(MOREK[s.span.start:s.span.end] == s.span.text for s in steps)


def test_hand_written_contradiction_between_ministry_and_rebels(nlp, lexicons):
    sequence = _seq(nlp, lexicons, ("a1", MOREK))
    contested = {c.step for c in sequence.contradictions}
    assert {"communication", "show_of_force", "warning_shots"} <= contested
    assert all(c.denied.step == "warning" and c.denied.negated for c in sequence.contradictions)


def test_steps_follow_the_ladder_not_the_telling(nlp, lexicons):
    sequence = _seq(nlp, lexicons, ("a1", REVERSED))
    # told strike first, then the steps; one speaker's two cues for the call count once
    assert [s.step for s in sequence.steps] == ["communication", "show_of_force", "warning_shots", "strike"]
    assert [s.rank for s in sequence.steps] == sorted(s.rank for s in sequence.steps)


def test_a_denial_elsewhere_in_the_sentence_does_not_negate_the_step(nlp, lexicons):
    shots = [s for s in _steps(nlp, lexicons, REVERSED) if s.step == "warning_shots"]
    assert shots and not any(s.negated for s in shots)
    assert _seq(nlp, lexicons, ("a1", REVERSED)).contradictions == ()


def test_article_without_steps_has_only_the_strike(nlp, lexicons):
    assert {s.step for s in _steps(nlp, lexicons, QUIET)} <= {"strike"}


def test_seeds_tell_the_ladder_and_disagree_on_the_warning(nlp, lexicons):
    articles = tuple((p.stem, p.read_text("utf-8")) for p in SEEDS)
    sequence = _seq(nlp, lexicons, *articles)
    asserted = {s.step for s in sequence.steps if not s.negated}
    assert {"communication", "show_of_force", "warning_shots", "strike"} <= asserted
    denials = [s for s in sequence.steps if s.negated]
    assert {s.article_id for s in denials} == {p.stem for p in SEEDS}  # each seed carries a denial
    assert any(s.speaker and "Lavrov" in s.speaker.name for s in denials)
    contested = {(c.step, c.denied.article_id) for c in sequence.contradictions}
    assert {("warning_shots", p.stem) for p in SEEDS} <= contested
    for contradiction in sequence.contradictions:
        assert contradiction.asserted.speaker != contradiction.denied.speaker


@pytest.mark.parametrize(("text", "step", "denied"), [
    ("The Russian side was informed via the deconfliction hotline ahead of the strike, a US official said.",
     "communication", False),
    ("Residents said the jets struck without warning.", "warning", True),
    ("Moscow denied it had been warned before the raid.", "warning", True),
    ("The coalition said it had given the Russians advance notice of the strike.", "communication", False),
    ("Pilots flew low over the column in a show of force before dropping flares.", "show_of_force", False),
    ("A Syrian army officer told state television that no warning shots were fired.", "warning_shots", True),
    ("Turkish officials insisted they had not contacted Moscow before the strike.", "communication", True),
])
def test_wire_sentences(nlp, lexicons, text, step, denied):
    found = [(s.step, s.negated) for s in _steps(nlp, lexicons, text) if s.step != "strike"]
    assert (step, denied) in found and all(n == denied for _, n in found)


def test_a_warning_about_something_else_is_not_a_step(nlp, lexicons):
    # "warned that" (a verb with a clause) is a statement, not a warning given before a strike
    assert [s.step for s in _steps(nlp, lexicons, "Russia warned that the strike could harm the peace talks.")] == ["strike"]
