"""The geoparsing scorer's readers and counts, on two tiny gold files written here."""

from __future__ import annotations

from parallax.evaluate.geoparsing import count_detection, read_corpus, summarize, Tally
from parallax.schema import Place, Span

LGL_STYLE = """<?xml version="1.0" encoding="utf-8"?>
<articles><article docid="1"><text><![CDATA[Shelling hit Idlib on Monday.]]></text>
<toponyms><toponym><start>13</start><end>18</end><phrase>Idlib</phrase>
<gaztag geonameid="169389"><lat>35.93</lat><lon>36.63</lon></gaztag></toponym>
<toponym><start>0</start><end>3</end><phrase>Nowhere</phrase></toponym></toponyms></article></articles>
"""
# GeoVirus-style offsets are one character late: the reader must realign them.
GEOVIRUS_STYLE = """<articles><article><text>Cases rose in Mosul and Erbil.</text><locations>
<location><name>Mosul</name><start>15</start><end>20</end><lat>36.34</lat><lon>43.13</lon></location>
</locations></article></articles>
"""


def test_readers_take_both_formats_and_realign_offsets(tmp_path):
    (tmp_path / "a.xml").write_text(LGL_STYLE, "utf-8")
    (tmp_path / "b.xml").write_text(GEOVIRUS_STYLE, "utf-8")
    [lgl] = read_corpus(tmp_path / "a.xml")
    assert [(t.text, t.start, t.latitude) for t in lgl.toponyms] == [("Idlib", 13, 35.93)]
    [virus] = read_corpus(tmp_path / "b.xml")
    mosul = virus.toponyms[0]
    assert virus.article.text[mosul.start:mosul.end] == "Mosul" and mosul.longitude == 43.13


def test_detection_counts_overlapping_spans(tmp_path):
    (tmp_path / "b.xml").write_text(GEOVIRUS_STYLE, "utf-8")
    [gold] = read_corpus(tmp_path / "b.xml")
    found = [Place(name="Mosul", span=Span("x", 14, 19, "Mosul")), Place(name="Erbil", span=Span("x", 24, 29, "Erbil"))]
    tally = Tally()
    count_detection(tally, gold.toponyms, found)
    scores = summarize(tally, "")
    assert scores["detection_recall"] == 1.0 and scores["detection_precision"] == 0.5
