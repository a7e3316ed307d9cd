"""parallax.nlp.rules finds the matches spaCy's Matcher finds, so the attribute ruler sets the same
attributes: on hand-built Docs with rules of every kind, and on the model over wire copy."""

import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from parallax.nlp.rules import IndexedMatch, compile_rule, index_attribute_rulers

WORDS = ["They", "ai", "n't", "gon", "na", "stop", "it", ":", "there", "is", "  ", "nothin'", "left", "."]
TAGS = ["PRP", "VBP", "RB", "VBG", "TO", "VB", "PRP", ":", "EX", "VBZ", "_SP", "NN", "VBN", "."]
DEPS = ["nsubj", "aux", "neg", "aux", "aux", "ROOT", "dobj", "punct", "expl", "ccomp", "", "nsubj", "acl", "punct"]
HEADS = [5, 5, 5, 5, 5, 5, 5, 5, 9, 5, 9, 9, 11, 5]
RULES = [
    {"patterns": [[{"TAG": "PRP"}]], "attrs": {"POS": "PRON"}},  # a tag-map rule
    {"patterns": [[{"TAG": "PRP", "LOWER": {"IN": ["it", "they"]}}]], "attrs": {"MORPH": "Person=3"}},
    {"patterns": [[{"TAG": {"IN": ["VBP", "VBZ"]}, "LOWER": "ai"}, {"LOWER": {"REGEX": "^n'?t$"}}]],
     "attrs": {"LEMMA": "be"}},  # two tokens, a regex on the second
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": 1},
    {"patterns": [[{"LOWER": {"REGEX": "^n[ou]thin'$"}}]], "attrs": {"LEMMA": "nothing"}},  # unanchored
    {"patterns": [[{"TAG": {"NOT_IN": ["TO", ""]}, "DEP": {"IN": ["aux", "auxpass"]}}]], "attrs": {"POS": "AUX"}},
    {"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "are"]}}]], "attrs": {"POS": "VERB"}, "index": 1},
    {"patterns": [[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], "attrs": {"DEP": "dep"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE"}},
    {"patterns": [[{"TAG": "VBZ", "LOWER": "gets"}], [{"TAG": "VBN", "LOWER": "left"}]], "attrs": {"LEMMA": "x"}},
    {"patterns": [[{"LOWER": "stop", "OP": "+"}]], "attrs": {"LEMMA": "halt"}},  # left to the Matcher
    {"patterns": [[{"TAG": "PRP"}]], "attrs": {"POS": "X"}},  # a later rule overrides an earlier one
]
ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD]


def _ruler_and_doc():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(RULES)
    doc = Doc(nlp.vocab, words=WORDS, tags=TAGS, deps=DEPS, heads=HEADS)
    return nlp, ruler, doc


def test_the_matches_and_attributes_of_the_matcher():
    nlp, ruler, doc = _ruler_and_doc()
    expected = AttributeRuler.match(ruler, doc)
    assert IndexedMatch(ruler)(doc) == expected
    assert {ordinal for ordinal, *_ in expected} == set(range(len(RULES))) - {7}  # the space has no label
    plain = ruler(Doc(nlp.vocab, words=WORDS, tags=TAGS, deps=DEPS, heads=HEADS))
    index_attribute_rulers(nlp)
    assert isinstance(ruler.match, IndexedMatch)
    assert (ruler(doc).to_array(ATTRS) == plain.to_array(ATTRS)).all()
    assert [t.pos_ for t in doc][:1] == ["X"] and doc[4].lemma_ == "to" and doc[11].lemma_ == "nothing"


def test_rules_with_operators_or_other_attributes_are_left_to_the_matcher():
    assert compile_rule(0, 0, [{"LOWER": "stop", "OP": "+"}]) is None
    assert compile_rule(0, 0, [{"POS": "VERB"}]) is None
    assert compile_rule(0, 0, [{"LOWER": {"FUZZY": "stop"}}]) is None
    assert compile_rule(0, 0, [{}]) is None
    assert compile_rule(0, 0, [{"LOWER": "stop"}]) is not None


def test_a_doc_without_tags_or_words(nlp):
    ruler = nlp.get_pipe("attribute_ruler")
    for doc in (nlp.make_doc(""), nlp.make_doc("Shelling  killed\n\nfour .")):
        assert ruler.match(doc) == AttributeRuler.match(ruler, doc)


def test_the_model_sets_what_its_own_matcher_would(nlp):
    """Regression guard for the speed-up: every token attribute of wire copy, with and without."""
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler.match, IndexedMatch)
    text = ("KABUL, March 3 (Reuters) - A suicide bomber killed at least 12 people and wounded 30 "
            "outside a mosque in Kabul on Friday, officials said. \"There is nothing left,\" a witness "
            "said. They ain't gonna rebuild it, he told reporters; the Taliban denied it had been involved.\n\n"
            "  \n\nPolice said 2 of the dead were children who'd been waiting for a bus.")
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        parsed = nlp(text)
    assert ruler.match(parsed) == AttributeRuler.match(ruler, parsed)
