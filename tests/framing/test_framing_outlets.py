"""Outlet summaries: each article once, the outlet's own voice only, shares pooled over articles."""

from __future__ import annotations

from framing_builders import article, incident, told
from parallax.framing import frame_incidents, load_framing_lexicon, summarise_outlets

WIRE = ("Warplanes struck pro-regime forces near Qasra on Tuesday. Later, the army shelled a village. "
        "“We hit terrorists,” the Syrian army said.")
PAPER = "Jets struck regime forces near Qasra on Tuesday, in what the paper called a so-called “defensive” raid."


def overview():
    wire, paper = article("w1", WIRE, outlet="Wire"), article("p1", PAPER, outlet="Paper")
    strike = incident("i1", told(wire, "struck"), told(paper, "struck"))
    shelling = incident("i2", told(wire, "shelled"))
    framings = frame_incidents([strike, shelling], {a.id: a for a in (wire, paper)}, load_framing_lexicon())
    return {o.outlet: o for o in summarise_outlets(framings)}


def test_an_article_telling_two_incidents_counts_once():
    outlets = overview()
    assert (outlets["Wire"].articles, outlets["Wire"].incidents) == (1, 2)
    assert (outlets["Paper"].articles, outlets["Paper"].incidents) == (1, 1)
    assert [(s.party, s.quotes) for s in outlets["Wire"].shares] == [("Syrian government and state media", 1)]


def test_usual_labels_and_markers_are_the_outlets_own_words():
    outlets = overview()
    assert ("Pro-Government Forces", "pro-regime forces", 1) in [(t.kind, t.term, t.count)
                                                                 for t in outlets["Wire"].labels]
    assert all(t.term != "terrorists" for t in outlets["Wire"].markers)  # only inside the army's quote
    assert {(t.kind, t.term) for t in outlets["Paper"].markers} >= {("distancing", "so-called"),
                                                                    ("scare_quote", "defensive"),
                                                                    ("loaded", "regime")}
