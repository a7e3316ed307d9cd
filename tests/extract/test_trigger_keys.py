"""The trigger keys read from a Doc's arrays, and the per-sentence trigger cache, give what the
Token-by-Token reading gave (event_type's scans use them)."""

from __future__ import annotations

from pathlib import Path

from parallax.extract.event_type import find_triggers, sentence_context, snippet_triggers
from parallax.extract.trigger_keys import doc_keys, may_trigger, token_keys, word_keys
from parallax.extract.trigger_lexicon import load_trigger_lexicon

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_doc_keys_are_each_tokens_keys(nlp):
    text = next(EXAMPLES.glob("000_*.txt")).read_text(encoding="utf-8")
    doc = nlp(text + " Air-strikes hit the Bridges; Airstrikes and ceasefires were reported.")
    walked = tuple(word_keys(t.lemma_.lower(), t.lower_, t.pos_ in ("NOUN", "PROPN")) for t in doc)
    assert doc_keys(doc) == walked == tuple(token_keys(t) for t in doc)


def test_may_trigger_flags_the_tokens_with_a_trigger_key_of_either_kind(nlp):
    """Guards event_type._matches, which skips the tokens this says no to."""
    triggers = load_trigger_lexicon("").triggers
    doc = nlp("Gunmen attacked a checkpoint; the attack killed two. Talks resumed on Monday.")
    expected = tuple(any((k, kind) in triggers for k in token_keys(t) for kind in ("noun", "verb")) for t in doc)
    assert may_trigger(doc, triggers) == expected
    assert expected[1] and not expected[0]  # "attacked", not "Gunmen"
    assert may_trigger(doc, {}) == (False,) * len(doc)  # kept per lexicon, not once per Doc


def test_word_keys_add_naive_singulars_for_nouns_only():
    assert word_keys("airstrikes", "airstrikes", True) == ("airstrikes", "airstrike", "airstrik")
    assert word_keys("attack", "attacks", False) == ("attack", "attacks")
    assert word_keys("air-strike", "air-strikes", True) == ("air-strike", "air-strikes", "air-strike",
                                                            "air-strik", "air")


def test_a_sentence_asked_again_with_the_articles_context_is_typed_by_it(nlp):
    """Regression (the trigger cache of event_type): the second reading of a sentence, with the
    whole snippet's context (retyping), must use that context, not the first reading's."""
    lex = load_trigger_lexicon("")
    doc = nlp("Police dispersed the crowd with tear gas. Hundreds had gathered in the square.")
    gathered = list(doc.sents)[1]
    alone = find_triggers(gathered, lex)
    assert alone[0].code == "PEACE_PROTEST"  # alone, "gathered" is a peaceful protest
    fresh = nlp(doc.text)
    expected = [t for s in fresh.sents for t in find_triggers(s, lex, sentence_context(fresh[:], lex))]
    assert snippet_triggers(doc, lex) == expected
    assert expected[-1].code == "PROTEST_WITH_INTER"  # the tear gas of the sentence before
    assert find_triggers(gathered, lex) == alone
