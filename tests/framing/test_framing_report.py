"""Framing in the HTML report (a row beside the claims, an outlet section) and in framing.json."""

from __future__ import annotations

import json

from framing_builders import article, incident, told
from parallax.report.exports import export
from parallax.report.html import render_report

HOSTILE = ("Warplanes struck <script>alert(1)</script> forces near Qasra on Tuesday. "
           "“We hit <b>terrorists</b>,” a Syrian military source said.")
CALM = "Jets struck pro-regime forces near Qasra on Tuesday, the so-called coalition said."


def records():
    docs = [article("h1", HOSTILE, outlet="Outlet <i>One</i>"), article("c2", CALM, outlet="Outlet Two")]
    return [incident("i1", *(told(d, "struck") for d in docs))], {d.id: d for d in docs}


def test_report_shows_framing_beside_the_claims_and_escapes_the_text():
    incidents, articles = records()
    html = render_report(incidents, articles)
    assert html.index(">Figures<") < html.index(">Framing<") < html.index("How each outlet tells its incidents")
    assert "pro-regime forces" in html and "so-called" in html
    assert "<script>alert(1)" not in html and "<b>terrorists" not in html and "<i>One</i>" not in html
    assert "Syrian government and state media" in html  # the Syrian military source


def test_json_export_writes_the_framing_overview(tmp_path):
    incidents, articles = records()
    export(incidents, articles, tmp_path, ["json"])
    overview = json.loads((tmp_path / "framing.json").read_text("utf-8"))
    (framed,) = overview["incidents"]
    assert [a["article_id"] for a in framed["articles"]] == ["h1", "c2"]
    quote = framed["articles"][0]["quotes"][0]
    assert (quote["party"], quote["source_kind"], quote["span"]["article_id"]) == (
        "Syrian government and state media", "anonymous", "h1")
    assert {o["outlet"] for o in overview["outlets"]} == {"Outlet <i>One</i>", "Outlet Two"}
