"""parallax.nlp.arrays finds the tokens a Token-by-Token walk finds, on a hand-built Doc."""

import spacy
from spacy.tokens import Doc

from parallax.nlp.arrays import (
    indices_between, sentence_of, sentence_text, tokens_at, tokens_with_lower, tokens_with_word,
)

VOCAB = spacy.blank("en").vocab  # a blank VOCAB sets no lower-case forms
WORDS = "Shelling on the Border near the border crossing , BORDER guards said .".split()


def test_the_indices_a_token_walk_gives():
    doc = Doc(VOCAB, words=WORDS)
    for first in (0, 1, 20, 25, len(doc.text)):
        walked = [t.i for t in doc if t.idx >= first and t.lower_ in {"border", "said"}]
        assert tokens_with_lower(doc, {"border", "said"}, first) == walked


def test_no_word_found_in_an_empty_doc_or_for_no_words():
    assert tokens_with_lower(Doc(VOCAB, words=[]), {"border"}) == []
    assert tokens_with_lower(Doc(VOCAB, words=WORDS), set()) == []


def test_words_found_by_lemma_or_by_lower_case_text():
    doc = Doc(VOCAB, words=["Gunmen", "KILLED", "two", "people"], lemmas=["gunman", "kill", "two", "person"])
    walked = [t.i for t in doc if t.lemma_.lower() in {"kill", "people"} or t.lower_ in {"kill", "people"}]
    assert tokens_with_word(doc, {"kill", "people"}) == walked == [1, 3]



def test_indices_between_is_a_half_open_range():
    assert indices_between([3, 5, 8], 3, 8) == [3, 5] and indices_between([3, 8], 4, 8) == []


def test_tokens_at_gives_the_tokens_asked_or_all(nlp):
    doc = nlp("Four villagers were killed and two hurt in the raid.")
    sent = next(iter(doc.sents))
    assert [t.i for t in tokens_at(sent, [3, 6])] == [3, 6]
    assert [t.i for t in tokens_at(sent, None)] == list(range(sent.start, sent.end))


def test_the_sentence_of_a_span_is_the_one_spacy_gives():
    """Guards places._span: its sentence text comes from `sentence_of`, not `Span.sent`."""
    starts = [True, False, False, True, False, False, False, True, False, False, False, False, False]
    doc = Doc(VOCAB, words=WORDS[:13], sent_starts=starts)
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            sent = doc[start:end].sent
            assert sentence_of(doc, start) == (sent.start, sent.end)
            assert sentence_text(doc[start:end].sent) == sent.text
