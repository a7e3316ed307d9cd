"""The focused parse: paragraphs with no trigger or casualty word are blanked, offsets unchanged."""

from __future__ import annotations

from dataclasses import replace

import pytest

from parallax.extract.claim_lexicon import load_claim_lexicon
from parallax.extract.trigger_lexicon import load_trigger_lexicon
from parallax.nlp.focus import focus_text, is_relevant, load_cues, may_hold_claims, regular_forms
from parallax.pipeline import analyse_article, analyse_articles, load_knowledge
from parallax.schema import Article
from parallax.settings import Settings

LEAD = "KABUL - Gunmen stormed a checkpoint in Kunduz on Tuesday.\n\nIt was the second raid this month.\n\n"
FILLER = "Prices of flour rose again in the central market, traders said."


@pytest.fixture(scope="module")
def cues():
    return load_cues(load_claim_lexicon(), load_trigger_lexicon())


def _article(text: str) -> Article:
    return Article("a1", text, source="test", language="en")


def test_inflected_and_irregular_forms_are_cues(cues):
    assert {"killed", "killing", "shot", "struck", "wounded"} <= cues.words
    assert "stopped" in regular_forms("stop") and "bombing" in regular_forms("bomb")


def test_multi_word_trigger_needs_all_its_words(cues):
    # regression: the head word alone ("in" of "sit-in") kept almost every paragraph
    assert not is_relevant("Farmers in the valley planted late this year.", cues)
    assert is_relevant("Three soldiers died in an air strike near the border.", cues)


def test_irrelevant_paragraphs_become_spaces_of_the_same_length(cues):
    text = LEAD + "Officials met donors on Monday.\n\n" + FILLER + "\n\nTwo guards were killed, police said."
    focused = focus_text(text, cues)
    assert len(focused) == len(text)
    assert FILLER not in focused and FILLER.replace(FILLER, " " * len(FILLER)) in focused
    assert focused.endswith("Two guards were killed, police said.")
    assert focused.startswith(LEAD)  # the lead paragraphs are always parsed


def test_focused_parse_finds_the_same_mentions_on_a_wire_article(nlp):
    text = (LEAD + "Officials met donors on Monday.\n\n" + FILLER + "\n\n"
            "Four guards were killed and two wounded, a police spokesman said.\n\n" + FILLER)
    knowledge, settings = load_knowledge(Settings()), Settings()
    [(_, full)] = analyse_articles([_article(text)], nlp, knowledge, replace(settings, focus_parse=False))
    [(_, focused)] = analyse_articles([_article(text)], nlp, knowledge, settings)
    assert full and focused == full


def test_noun_triggers_keep_no_verb_forms(cues):
    # regression: the peace-deal noun "accord" made "according" a cue, which kept every
    # paragraph of a report that said "according to police"
    assert "according" not in cues.words and "accords" in cues.words
    assert not is_relevant("The market reopened on Friday, according to police.", cues)
    assert is_relevant("Rebels signed two peace accords in Doha.", cues)
    assert {"bombings", "bombed", "attacked", "attacks"} <= cues.words  # verbs keep theirs


def test_a_sentence_before_a_blanked_paragraph_ends_where_the_full_texts_does(nlp):
    # regression: a blank followed by another paragraph ("\n\n<spaces>\n\n") stayed in the sentence
    text = (LEAD + "Four guards were killed and two wounded, a police spokesman said.\n\n" + FILLER
            + "\n\nTwo more guards were shot dead on Wednesday.\n\n" + FILLER)
    knowledge, settings = load_knowledge(Settings()), Settings()
    [(_, full)] = analyse_articles([_article(text)], nlp, knowledge, replace(settings, focus_parse=False))
    [(_, focused)] = analyse_articles([_article(text)], nlp, knowledge, settings)
    sentences = {s.sentence for m in focused for s in m.sentences}
    assert "Four guards were killed and two wounded, a police spokesman said.\n\n" in sentences
    # a mention id hashes its trigger's token index, which a blank (one whitespace token) moves
    assert [replace(m, id="") for m in focused] == [replace(m, id="") for m in full]


def test_a_headline_is_parsed_only_when_it_may_give_a_claim(cues):
    assert may_hold_claims("Car bomb kills 12 outside police station in Afgoye", cues)
    assert may_hold_claims("4 shot, 1 critical after Elm Park party", cues)  # the headline reader's words
    assert may_hold_claims("Gunman stabs neighbour to death", cues)
    assert not may_hold_claims("Gunmen attack village near Kharkiv", cues)  # a trigger, no casualty word
    assert not may_hold_claims("Police name suspect in Pelzer case", cues)


def test_an_unparsed_headline_loses_nothing(nlp):
    """Guards the headline skip: a headline with no casualty word gives the same records as parsed."""
    body = LEAD + "Four guards were killed and two wounded, a police spokesman said."
    knowledge = load_knowledge(Settings())
    article = replace(_article(body), title="Gunmen storm checkpoint in Kunduz")
    [(_, skipped)] = analyse_articles([article], nlp, knowledge, Settings())
    assert skipped == analyse_article(nlp(focus_text(body, knowledge.cues)), article, knowledge, nlp(article.title))
    counted = replace(article, title="Gunmen kill 4 guards at Kunduz checkpoint")
    [(_, read)] = analyse_articles([counted], nlp, knowledge, Settings())
    assert any(c.span.field == "title" for m in read for c in m.claims)  # a headline with a toll is read
