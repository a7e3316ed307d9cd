"""Other stages' analyses on the incident page: shown when installed, a note when missing or failing."""

from __future__ import annotations

from builders import claim, day, mention, place
from parallax.schema import Incident
from webdata import ZONES
from parallax.serve import extras


def incident() -> Incident:
    a = mention("a", place("Baidoa"), day(None), "Shelling killed four.", (claim("a", 4, 4, "police"),), outlet="Horn Wire")
    b = mention("b", place("Baidoa"), day(None), "Shelling killed nine.", (claim("b", 9, 9, "elders"),), outlet="Levant Wire")
    return Incident("i1", (a, b), a.event_type, a.sub_event_type, None, place("Baidoa"))


def test_missing_stages_leave_a_note_not_an_error(monkeypatch):
    monkeypatch.setattr(extras, "_function", lambda module, names: None)  # as if not installed
    sections = extras.analyse(incident(), {})
    assert [s.title for s in sections] == ["Contradictions", "Omissions", "Framing"]
    assert all(s.rows == () and "not available" in s.note for s in sections)


def test_a_stage_that_fails_on_one_incident_says_so(monkeypatch):
    def broken(*args):
        raise ValueError("bad span")
    monkeypatch.setattr(extras, "SECTIONS", (broken, extras.omissions_section, extras.framing_section))
    sections = extras.analyse(incident(), {})
    assert sections[0].note == "could not be computed: bad span"


def test_contradictions_are_read_from_the_mentions_when_not_stored():
    section = extras.contradictions_section(incident(), {})
    assert section.rows, "four vs nine killed"
    words = " ".join(text for row in section.rows for _, text in row)
    assert "4" in words or "four" in words


def test_zone_view_without_a_file_or_with_a_bad_one(tmp_path):
    assert extras.zone_view([], None).zones == ()
    bad = tmp_path / "zones.geojson"
    bad.write_text("{not json", encoding="utf-8")
    view = extras.zone_view([], bad)
    assert view.zones == () and str(bad) in view.note


def test_zone_view_lists_the_incidents_in_each_zone():
    view = extras.zone_view([incident()], ZONES)
    assert "al-tanf" in {z.id for z in view.zones}
    assert view.zones_of("i1") == []  # Baidoa is in no Syrian zone
