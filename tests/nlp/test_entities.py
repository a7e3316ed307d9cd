"""parallax.nlp.entities gives what Span.ents and a filtered Doc.ents give, on a hand-built Doc."""

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from parallax.nlp.entities import entities, entities_starting_in, entities_within, entity_labels

WORDS = "Rebels shelled Aleppo on Monday , the Syrian Observatory said on Tuesday .".split()


def _doc() -> Doc:
    doc = Doc(Vocab(), words=WORDS)
    doc.ents = [Span(doc, 2, 3, "GPE"), Span(doc, 3, 5, "DATE"), Span(doc, 7, 9, "ORG"),
                Span(doc, 10, 12, "DATE")]
    return doc


def test_within_matches_span_ents_for_every_range():
    doc = _doc()
    for start in range(len(doc)):
        for end in range(start, len(doc) + 1):
            assert entities_within(doc, start, end) == list(doc[start:end].ents)


def test_an_entity_cut_by_the_range_is_not_within_but_starts_in_it():
    doc = _doc()
    assert [e.text for e in entities_within(doc, 3, 4)] == []
    assert [(e.text, e.label_) for e in entities_starting_in(doc, 3, 4)] == [("on Monday", "DATE")]


def test_starting_in_keeps_document_order_and_labels():
    doc = _doc()
    found = entities_starting_in(doc, 0, len(doc))
    assert [(e.start, e.end, e.label_) for e in found] == [(e.start, e.end, e.label_) for e in doc.ents]


def test_the_index_is_plain_data_so_the_doc_still_serialises():
    doc = _doc()
    entities_within(doc, 0, len(doc))
    again = Doc(Vocab()).from_bytes(doc.to_bytes())
    assert [e.text for e in again.ents] == [e.text for e in doc.ents]


def test_entities_are_the_docs_own():
    """Guards the place and speaker extractors, which read `entities(doc)` instead of Doc.ents."""
    doc = _doc()
    doc.ents = [Span(doc, 2, 3, "GPE", kb_id="Q41183"), *doc.ents[1:]]
    mine, spacys = entities(doc), doc.ents
    assert [(e.start, e.end, e.label_, e.kb_id_, e.id_) for e in mine] == \
        [(e.start, e.end, e.label_, e.kb_id_, e.id_) for e in spacys]
    assert entities(Doc(Vocab(), words=["no", "names"])) == []


def test_entities_of_one_label_and_labels_without_spans():
    doc = _doc()
    assert [(e.start, e.end) for e in entities(doc, "DATE")] == [(e.start, e.end) for e in doc.ents if e.label_ == "DATE"]
    assert entities(doc, "PERSON") == []
    assert entity_labels(doc) == [(e.start, e.end, e.label_) for e in doc.ents]
