"""Reading zones GeoJSON: the shipped example, and errors that name the file and the feature."""

from __future__ import annotations

import json
from datetime import date

import pytest

from zone_builders import SYRIA_ZONES
from parallax.errors import ZoneFileError
from parallax.zones.files import load_zones


def _feature(geometry=None, **properties):
    props = {"name": "Test zone", "kind": "ceasefire"} | properties
    geometry = geometry or {"type": "Polygon", "coordinates": [[[36, 35], [37, 35], [37, 36], [36, 36], [36, 35]]]}
    return {"type": "Feature", "properties": props, "geometry": geometry}


def _write(tmp_path, *features, name="zones.geojson"):
    path = tmp_path / name
    path.write_text(json.dumps({"type": "FeatureCollection", "features": list(features)}), "utf-8")
    return path


def test_syria_example_has_al_tanf_and_the_four_astana_zones(rules):
    zones = {z.id: z for z in load_zones(SYRIA_ZONES, rules)}
    assert set(zones) == {"al-tanf", "astana-idlib", "astana-northern-homs", "astana-eastern-ghouta", "astana-south"}
    tanf = zones["al-tanf"]
    assert (tanf.kind, tanf.radius_km, tanf.geometry_wkt) == ("deconfliction", 55.0, "POINT (38.63 33.5)")
    assert "Russia" in tanf.parties and "United States" in tanf.parties
    for zone_id in ("astana-idlib", "astana-northern-homs", "astana-eastern-ghouta", "astana-south"):
        zone = zones[zone_id]
        assert zone.kind == "de-escalation" and zone.valid_from == date(2017, 5, 6)
        assert set(zone.parties) >= {"Russia", "Iran", "Turkey"}
    assert all(z.approximate and z.basis for z in zones.values())


def test_feature_values_are_read(tmp_path, rules):
    path = _write(tmp_path, _feature(id="z1", parties=["A", "B"], valid_from="2020-01-02", valid_to="2020-02-03",
                                     basis="drawn by hand", source="a memo", approximate=True))
    (zone,) = load_zones(path, rules)
    assert zone.id == "z1" and zone.parties == ("A", "B") and zone.approximate
    assert (zone.valid_from, zone.valid_to) == (date(2020, 1, 2), date(2020, 2, 3))
    assert zone.geometry_wkt.startswith("POLYGON") and zone.radius_km is None


def test_id_defaults_to_a_slug_of_the_name(tmp_path, rules):
    (zone,) = load_zones(_write(tmp_path, _feature(name="Northern Homs (pocket)")), rules)
    assert zone.id == "northern-homs-pocket"


@pytest.mark.parametrize(("feature", "says"), [
    (_feature(kind="no-go"), "unknown kind 'no-go'"),
    (_feature(name=""), "property 'name'"),
    (_feature(valid_from="May 2017"), "'valid_from' is not a date"),
    (_feature(valid_from="2018-01-01", valid_to="2017-01-01"), "before valid_from"),
    (_feature(parties="Russia"), "'parties' must be a list"),
    (_feature(approximate="yes"), "'approximate' must be true or false"),
    (_feature({"type": "Point", "coordinates": [38.6, 33.5]}), "a Point needs radius_km"),
    (_feature({"type": "Point", "coordinates": [38.6, 33.5]}, radius_km=-5), "positive number"),
    (_feature({"type": "LineString", "coordinates": [[36, 35], [37, 36]]}), "geometry must be one of"),
    (_feature({"type": "Polygon", "coordinates": [[[36, 35], [37, 36], [37, 35], [36, 36], [36, 35]]]}),
     "invalid Polygon"),
    (_feature({"type": "Polygon", "coordinates": [[[35, 136], [36, 136], [36, 137], [35, 136]]]}),
     "outside longitude"),
])
def test_bad_feature_names_file_feature_and_problem(tmp_path, rules, feature, says):
    good = _feature(name="First zone")
    path = _write(tmp_path, good, feature)
    with pytest.raises(ZoneFileError) as caught:
        load_zones(path, rules)
    message = str(caught.value)
    assert str(path) in message and "feature 2" in message and says in message
    assert caught.value.code == "P701"


def test_duplicate_ids_are_refused(tmp_path, rules):
    path = _write(tmp_path, _feature(id="same"), _feature(id="same", name="Other"))
    with pytest.raises(ZoneFileError, match="two zones have the id 'same'"):
        load_zones(path, rules)


@pytest.mark.parametrize(("text", "says"), [
    ("{not json", "is not valid JSON"),
    ('{"type": "Feature", "features": []}', "not a GeoJSON FeatureCollection"),
    ('{"type": "FeatureCollection", "features": [42]}', "feature 1: not a GeoJSON Feature"),
])
def test_bad_files_name_the_file(tmp_path, rules, text, says):
    path = tmp_path / "broken.geojson"
    path.write_text(text, "utf-8")
    with pytest.raises(ZoneFileError, match=says) as caught:
        load_zones(path, rules)
    assert str(path) in str(caught.value)


def test_missing_file(tmp_path, rules):
    with pytest.raises(ZoneFileError, match="cannot read zones file"):
        load_zones(tmp_path / "absent.geojson", rules)
