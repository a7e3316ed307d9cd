"""Exports: exact CSV headers, empty cells for unknowns, valid GeoJSON, Parquet read back, JSON."""

from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest

from parallax.errors import UnsupportedFormat
from parallax.report.exports import export, to_jsonable
from parallax.report.rows import n_sources

INCIDENT_HEADER = ["event_id", "event_date", "date_precision", "event_type", "sub_event_type", "actor1",
                   "actor2", "country", "admin1", "admin2", "location", "latitude", "longitude",
                   "geo_precision", "where_prec", "place_relation", "fatalities_low", "fatalities_best", "fatalities_high", "n_sources",
                   "article_ids", "contested", "grade", "independent_sources", "contradictions", "notes",
                   "inter1", "inter2", "interaction", "actor1_country", "actor2_country",
                   "reported_killed", "reported_injured", "background"]
CLAIM_HEADER = ["claim_id", "incident_id", "article_id", "outlet", "speaker", "relay", "measure",
                "victim_group", "value_low", "value_high", "value_text", "hedged", "negated", "sentence",
                "start", "end", "claim_time", "stance", "verb", "hedge", "span_field", "parts", "scope",
                "damaged"]


@pytest.fixture
def out(tmp_path, incidents, articles):
    export(incidents, articles, tmp_path)
    return tmp_path


def _rows(path):
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def test_csv_headers_are_exact(out):
    assert _rows(out / "incidents.csv")[0] == INCIDENT_HEADER
    assert _rows(out / "claims.csv")[0] == CLAIM_HEADER


def test_incident_csv_values(out):
    rows = {r["event_id"]: r for r in csv.DictReader((out / "incidents.csv").open(encoding="utf-8"))}
    tanf, clash = rows["i1"], rows["i2"]
    assert tanf["event_date"] == "2017-05-18" and tanf["date_precision"] == "1"
    assert tanf["country"] == "Syria" and tanf["geo_precision"] == "2" and tanf["latitude"] == "33.49"
    assert tanf["article_ids"] == "a1;b2" and tanf["n_sources"] == "2" and tanf["contested"] == "true"
    assert tanf["admin2"] == "" and tanf["fatalities_best"] == "8"
    assert clash["event_date"] == "" and clash["location"] == "" and clash["fatalities_low"] == ""
    assert "None" not in (out / "incidents.csv").read_text() + (out / "claims.csv").read_text()


def test_claims_csv_values(out):
    rows = {r["claim_id"]: r for r in csv.DictReader((out / "claims.csv").open(encoding="utf-8"))}
    assert set(rows) == {"ca1", "cb1", "cb2"}
    assert rows["cb1"]["relay"] == "Russian media > <SANA>" and rows["cb1"]["hedged"] == "true"
    assert rows["cb2"]["negated"] == "true" and rows["cb2"]["speaker"] == "Syrian military"
    assert rows["ca1"]["outlet"] == "The National" and rows["ca1"]["value_low"] == "8"
    assert rows["ca1"]["sentence"].startswith("BEIRUT") and int(rows["ca1"]["end"]) > int(rows["ca1"]["start"])


def test_claims_csv_keeps_time_stance_verb_and_hedge_text(out):
    """Regression: claims.csv had the hedged flag but not the hedge's words, the verb, stance or time."""
    rows = {r["claim_id"]: r for r in csv.DictReader((out / "claims.csv").open(encoding="utf-8"))}
    assert rows["cb1"]["stance"] == "claimed" and rows["cb1"]["hedge"] == "reportedly"
    assert rows["ca1"]["verb"] == "said" and rows["ca1"]["stance"] == "asserted" and rows["ca1"]["hedge"] == ""
    assert rows["cb2"]["claim_time"] == "by Thursday evening" and rows["ca1"]["claim_time"] == ""


def test_claims_keep_parts_scope_and_what_was_damaged(out):
    """A new user found no parts or scope in claims.csv though the README lists them."""
    rows = {r["claim_id"]: r for r in csv.DictReader((out / "claims.csv").open(encoding="utf-8"))}
    assert rows["ca1"]["parts"] == "fighters: five" and rows["ca1"]["scope"] == "incident"
    table = pq.read_table(out / "claims.parquet").to_pydict()
    assert table["parts"][table["claim_id"].index("ca1")] == ["fighters: five"]


def test_n_sources_counts_outlets_or_articles_without_one(incidents, articles):
    assert n_sources(incidents[1], articles) == 2
    assert n_sources(incidents[0], articles) == 1


def test_geojson_is_a_feature_collection_of_points(out):
    geo = json.loads((out / "incidents.geojson").read_text(encoding="utf-8"))
    assert geo["type"] == "FeatureCollection"
    [feature] = geo["features"]
    assert feature["type"] == "Feature" and feature["geometry"]["type"] == "Point"
    assert feature["geometry"]["coordinates"] == [38.618, 33.49]
    assert set(INCIDENT_HEADER) <= set(feature["properties"])
    assert feature["properties"]["n_claims"] == 3 and "hedged" in feature["properties"]["claims"]
    assert [u["event_id"] for u in geo["unlocated"]] == ["i2"]


def test_parquet_reads_back_typed(out):
    table = pq.read_table(out / "incidents.parquet")
    assert table.column_names == INCIDENT_HEADER and table.num_rows == 2
    assert str(table.schema.field("event_date").type) == "date32[day]"
    assert table.column("article_ids").to_pylist()[1] == ["a1", "b2"]
    claims = pq.read_table(out / "claims.parquet")
    assert claims.column_names == CLAIM_HEADER and claims.num_rows == 3
    assert claims.column("hedged").to_pylist().count(True) == 1


def test_json_is_full_nested_records(out):
    records = json.loads((out / "incidents.json").read_text(encoding="utf-8"))
    tanf = next(r for r in records if r["id"] == "i1")
    claim = tanf["mentions"][0]["claims"][0]
    assert claim["span"]["text"] == "eight" and claim["measure"] == "killed"
    assert tanf["date"]["value"] == "2017-05-18" and tanf["place"]["precision"] == 2


def test_to_jsonable_handles_enums_dates_and_tuples(incidents):
    value = to_jsonable(incidents[1].mentions[0])
    assert value["actors"][0]["role"] == "actor1" and value["date"]["precision"] == 1
    json.dumps(value)


def test_only_requested_formats_and_unknown_ones_fail(tmp_path, incidents, articles):
    written = export(incidents, articles, tmp_path / "x", formats=("csv",))
    assert sorted(p.name for p in written) == ["claims.csv", "contradictions.csv", "incidents.csv",
                                               "merge_links.csv", "omissions.csv"]
    with pytest.raises(UnsupportedFormat):
        export(incidents, articles, tmp_path, formats=("xlsx",))


def test_empty_export_still_has_headers(tmp_path, articles):
    export([], articles, tmp_path)
    assert _rows(tmp_path / "incidents.csv") == [INCIDENT_HEADER]
    assert pq.read_table(tmp_path / "claims.parquet").num_rows == 0


def test_acled_inter_codes_and_interaction_from_the_incident_actors():
    """inter1/inter2 from the actors' categories; interaction lower code first, X0 for one actor."""
    from dataclasses import replace
    from builders import mention
    from parallax.report.rows import INCIDENT_COLUMNS, incident_row
    from parallax.reconcile.incident import reconcile_incident
    from parallax.schema import Actor, ActorRole
    police = Actor("police", "Police Forces of Nigeria", ActorRole.PERPETRATOR, "State Forces", "NG")
    crowd = Actor("protesters", "Protesters (Nigeria)", ActorRole.TARGET, "Protesters", "NG")
    base = mention("a1", None, None, "Police fired on protesters in Kano.")
    for actors, codes in (((police, crowd), (1, 6, 16, "NG", "NG")), ((police,), (1, None, 10, "NG", None)),
                          ((replace(police, category=""), crowd), (None, 6, None, "NG", "NG"))):
        incident = reconcile_incident("i1", [replace(base, actors=actors)])
        row = dict(zip(INCIDENT_COLUMNS, incident_row(incident, {})))
        got = (row["inter1"], row["inter2"], row["interaction"], row["actor1_country"], row["actor2_country"])
        assert got == codes


def test_an_incident_told_only_in_passing_is_marked_in_csv_and_parquet(tmp_path, articles):
    """Regression (fresh-clone user): "Boko Haram has stepped up attacks in recent months" made an
    incident row that only the HTML report and the API marked as told in passing."""
    from builders import mention
    from parallax.reconcile.incident import reconcile_incident
    passing = reconcile_incident("bg", [mention("a1", None, None, "Militants have stepped up attacks.",
                                                background=True)])
    told = reconcile_incident("main", [mention("a1", None, None, "Militants shelled the town.", start=40)])
    export([passing, told], articles, tmp_path, formats=("csv", "parquet"))
    rows = {r["event_id"]: r["background"] for r in csv.DictReader((tmp_path / "incidents.csv").open(encoding="utf-8"))}
    assert rows == {"bg": "true", "main": "false"}
    table = pq.read_table(tmp_path / "incidents.parquet")
    assert dict(zip(table.column("event_id").to_pylist(), table.column("background").to_pylist())) == {
        "bg": True, "main": False}
