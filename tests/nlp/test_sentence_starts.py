"""Sentence starts set before the parser: paragraph breaks and wire datelines (parallax.nlp.sentence_starts)."""

from __future__ import annotations

from parallax.extract.claims import extract_claims
from parallax.nlp.sentence_starts import paragraph_starts, sentence_starts
from parallax.schema import Article


def _sentences(nlp, text: str) -> list[str]:
    return [sent.text.strip() for sent in nlp(text).sents]


def test_a_blank_line_ends_a_headline_line(nlp):
    text = "Four Shot, Two Dead Near Rail Yard\n\nPolice said two men were killed late Saturday."
    assert _sentences(nlp, text) == ["Four Shot, Two Dead Near Rail Yard",
                                     "Police said two men were killed late Saturday."]


def test_a_wire_dateline_is_a_sentence_of_its_own(nlp):
    text = ("KAYES, Mali, March 3 (Wire) - Soldiers killed at least 12 fighters in an ambush near the "
            "river, the army said.")
    doc = nlp(text)
    body = list(doc.sents)[-1]
    assert body.text.startswith("Soldiers")
    assert body.root.lemma_ == "say" and any(t.text == "killed" and t.dep_ == "ccomp" for t in body)


def _claims(nlp, text: str) -> list[tuple]:
    claims = extract_claims(nlp(text), Article(id="t", text=text))
    return [(c.measure.value, c.figure.low, c.figure.high, c.speaker.name if c.speaker else None) for c in claims]


def test_the_dateline_no_longer_swallows_the_toll(nlp):
    # regression: the agency became the root and "killed" a participle ("forces killed"), so the
    # toll was read as one dead of the army's own ("killed", 1, None)
    text = ("NIAMEY, Nov. 17 (Wire) - Niger's armed forces killed at least 15 militants in an operation "
            "near Tillia, the army said.")
    assert _claims(nlp, text) == [("killed", 15, None, "army")]


def test_a_headline_line_is_read_as_a_headline(nlp):
    # regressions: the headline ran into the first sentence, so its words became the speaker
    # ("Two Dead Near Rail Yard Police"), or the shooting's one dead was read as one hurt
    assert _claims(nlp, "Four Shot, Two Dead Near Rail Yard\n\nPolice said two men were killed late Saturday.") \
        == [("injured", 2, 2, None), ("killed", 2, 2, None), ("killed", 2, 2, "Police")]
    text = ("Man Shot Dead Outside Store\n\nTwo teenagers were arrested on Monday after a man was shot "
            "outside a store, police said.")
    assert ("killed", 1, 1, None) in _claims(nlp, text) and ("injured", 1, 1, "police") not in _claims(nlp, text)


def test_wrapped_plain_text_keeps_its_sentences_whole():
    text = ("Police said the man, who was found near the old\nmill on the edge of town, had been shot twice in\n"
            "the back and died at the scene on Sunday night.")
    assert paragraph_starts(text) == [0]


def test_a_single_line_break_after_a_full_stop_or_a_short_line_opens_a_paragraph():
    text = "Two shot near school\nPolice said two boys were wounded.\nBoth are in stable condition."
    assert paragraph_starts(text) == [0, text.index("Police"), text.index("Both")]


def test_a_dateline_after_a_paragraph_break_is_found():
    text = "Updated 10:21 AM\n\nHARLAN, Ky. (AP) - Two deputies were wounded on Friday."
    assert {text.index("HARLAN"), text.index("Two")} <= sentence_starts(text)
