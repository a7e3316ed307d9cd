"""The report's zones section: zones, timelines, violations, tags, escaping; absent without zones."""

from __future__ import annotations

from zone_builders import circle_zone, incident, square_zone
from parallax.report.html import render_report
from parallax.zones.survey import survey_incidents


def test_report_shows_zones_timeline_and_violation(rules):
    strike = incident(33.5, 38.63, ident="tanf")
    survey = survey_incidents([strike], [circle_zone(), square_zone()], rules)
    html = render_report([strike], {}, zones=survey)
    assert 'id="zones"' in html and "Circle zone" in html and "Square zone" in html
    assert "Timeline: Circle zone" in html and "· violation" in html
    assert 'class="tag zone-tag violation"' in html  # the incident card carries its zone


def test_zone_text_is_escaped(rules):
    hostile = circle_zone(name="<script>alert(1)</script>", basis="<img src=x onerror=alert(1)>")
    strike = incident(33.5, 38.63)
    html = render_report([strike], {}, zones=survey_incidents([strike], [hostile], rules))
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert "<img src=x" not in html


def test_no_zones_no_section():
    html = render_report([incident(33.5, 38.63)], {})
    assert 'id="zones"' not in html and "zone-tag" not in html
