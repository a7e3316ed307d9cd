"""The seed articles' claims, written out by hand: every field of every claim, and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from parallax.extract.claims import extract_claims
from parallax.schema import Article, Claim

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

LAVROV = ("Lavrov", "Sergei Lavrov", "person", "Russian Foreign Minister")
SOURCE = ("military source", "military source", "anonymous source", "")
SOHR = ("Syrian Observatory for Human Rights", "Syrian Observatory for Human Rights", "organisation", "")
CENTCOM = ("Centcom", "US Central Command", "government", "")
SYRIAN_MILITARY = ("Syrian military", "Syrian military", "government", "")
COALITION = ("US-led coalition", "US-led coalition", "government", "")
RAZZOUK = ("Rami Razzouk", "Rami Razzouk", "person", "coroner at the national hospital in Salamiyeh")
LOADERS = "two front-end loaders, a piece of construction equipment, a tactical vehicle and a tank"

# measure, low, high, figure text, victims, object, parts, speaker, relay, verb, stance, hedge, negated, scope
GOLD_000 = [
    ("killed", 2, None, "a number of", "", "", (), SOURCE, ("Syrian state media",), "told", "asserted",
     "", False, "incident"),
    ("damaged", 1, None, "material damage", "", "material damage", (), SOURCE, ("Syrian state media",),
     "told", "asserted", "", False, "incident"),
    ("casualties", 1, None, "civilian casualties", "civilians", "", (), LAVROV, (), "said", "asserted",
     "preliminary information suggested", False, "incident"),
    ("killed", 24, None, "several dozen", "civilians", "", (), LAVROV, ("Russian media",), "said",
     "asserted", "We are still confirming; according to some reports", False, "incident"),
    ("killed", 8, 8, "eight", "most of them non-Syrian", "", (), SOHR, (), "reported", "asserted", "",
     False, "incident"),
    ("damaged", 5, 5, LOADERS, "", LOADERS, (), CENTCOM, (), "said", "asserted", "", False, "incident"),
    ("displaced", 1000000, None, "millions", "", "", (), None, (), "", "asserted", "", False, "cumulative"),
    ("killed", 320001, None, "more than 320,000", "", "", (), None, (), "", "asserted", "", False,
     "cumulative"),
]

GOLD_003 = [
    ("killed", 6, 6, "six", "personnel", "", (), SYRIAN_MILITARY, ("al-Masdar News agency",), "reported",
     "asserted", "", False, "incident"),
    ("injured", 3, 3, "three", "personnel", "", (), SYRIAN_MILITARY, ("al-Masdar News agency",), "reported",
     "asserted", "", False, "incident"),
    ("damaged", 2, 2, "a tank, a bulldozer", "", "a tank, a bulldozer", (), COALITION, (), "according to",
     "asserted", "", False, "incident"),
    ("killed", 40, None, "at least 40", "civilians", "", (), None, (), "", "asserted", "suspected", False,
     "incident"),
    ("injured", 2, None, "many more", "civilians", "", (), None, (), "", "asserted", "suspected", False,
     "incident"),
    ("killed", 12, None, "dozens", "Syrian soldiers", "", (), None, (), "", "asserted", "", False, "incident"),
    ("killed", 52, None, "At least 52", "people", "", (("women", 11, 11), ("children", 17, 17)), None, (), "",
     "asserted", "", False, "incident"),
    ("killed", 9, 9, "nine", "children", "", (), RAZZOUK, ("AP",), "told", "asserted", "", False, "incident"),
    ("killed", 1000, None, "thousands", "civilians", "", (), None, (), "", "asserted", "", False, "cumulative"),
]


def row(c: Claim) -> tuple:
    speaker = (c.speaker.name, c.speaker.normalized, c.speaker.kind, c.speaker.role) if c.speaker else None
    parts = tuple((p.victim_group, p.figure.low, p.figure.high) for p in c.parts)
    return (c.measure.value, c.figure.low, c.figure.high, c.figure.text, c.victim_group, c.object_text, parts,
            speaker, c.relay, c.verb, c.stance.value, c.hedge, c.negated, c.scope)


def seed(name: str) -> Article:
    text = (EXAMPLES / name).read_text("utf-8")
    if name.startswith("003"):  # the first line is a headline; ingest moves it to the title
        title, text = text.split("\n", 1)
        return Article(id=name, text=text.lstrip("\n"), title=title)
    return Article(id=name, text=text)


@pytest.mark.parametrize(("name", "gold"), [("000_2b680c7acdd794e0.txt", GOLD_000),
                                            ("003_e687d20cb4895ef2.txt", GOLD_003)])
def test_seed_claims(nlp, name, gold):
    article = seed(name)
    claims = extract_claims(nlp(article.text), article)
    assert [row(c) for c in claims] == gold
    for claim in claims:
        assert article.text[claim.span.start:claim.span.end] == claim.span.text
        assert claim.span.text in claim.span.sentence


def test_repeated_observatory_claim_keeps_first_span(nlp):
    article = seed("000_2b680c7acdd794e0.txt")
    (eight,) = [c for c in extract_claims(nlp(article.text), article) if c.figure.text == "eight"]
    assert eight.span.start == article.text.index("reported eight killed") + len("reported ")
