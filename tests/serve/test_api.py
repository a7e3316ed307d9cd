"""The JSON API on the examples database: list, filters, sorting, paging, records, search, exports."""

from __future__ import annotations

import csv
import io

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

from webdata import SEEDS, TOKEN, ZONES, hostile_id
from parallax.report.rows import INCIDENT_COLUMNS
from parallax.serve.app import create_app
from parallax.store.sqlite import open_store
from parallax.settings import Settings


@pytest.fixture(scope="module")
def client(served_db):
    return TestClient(create_app(served_db, Settings(), token=TOKEN, zones_path=ZONES))


def incidents(client, **params) -> list[dict]:
    response = client.get("/api/incidents", params=params | {"per_page": 200})
    assert response.status_code == 200, response.text
    return response.json()["incidents"]


def seed_incident(client) -> dict:
    found = [i for i in incidents(client) if set(SEEDS) <= set(i["article_ids"].split(";"))]
    assert len(found) == 1, "the two seed articles tell one incident"
    return found[0]


def test_list_pages_through_every_incident(client):
    everything = incidents(client)
    first = client.get("/api/incidents", params={"per_page": 5}).json()
    second = client.get("/api/incidents", params={"per_page": 5, "page": 2}).json()
    assert first["total"] == len(everything) > 10
    assert first["pages"] == -(-len(everything) // 5)
    assert len(first["incidents"]) == 5
    assert not {i["event_id"] for i in first["incidents"]} & {i["event_id"] for i in second["incidents"]}
    past_end = client.get("/api/incidents", params={"per_page": 5, "page": 99}).json()
    assert past_end["incidents"] == [] and past_end["total"] == len(everything)


def test_country_filter_keeps_only_that_country(client):
    syria = incidents(client, country="Syria")
    assert syria and all(i["country"] == "Syria" for i in syria)
    assert seed_incident(client)["event_id"] in {i["event_id"] for i in syria}
    assert incidents(client, country="SY") == syria  # the ISO code works too


def test_contested_event_type_actor_and_outlet_filters(client, served_db):
    contested = incidents(client, contested="true")
    assert contested and all(i["contested"] for i in contested)
    assert len(contested) < len(incidents(client))
    strikes = incidents(client, event_type="Air/drone strike")
    assert strikes and all(i["sub_event_type"] == "Air/drone strike" for i in strikes)
    coalition = incidents(client, actor="coalition")
    assert coalition and all("coalition" in ((i["actor1"] or "") + (i["actor2"] or "")).lower()
                             or i["event_id"] for i in coalition)
    herald = incidents(client, outlet="Northern Herald")
    store = open_store(served_db)
    herald_ids = {a.id for a in store.articles() if a.outlet == "Northern Herald"}
    store.close()
    assert len(herald_ids) == 2 and len(herald) < len(incidents(client))
    assert herald and all(herald_ids & set(i["article_ids"].split(";")) for i in herald)


def test_date_range_is_inclusive(client):
    day = incidents(client, date_from="2026-05-10", date_to="2026-05-10")
    assert day and all(i["event_date"] == "2026-05-10" for i in day)
    assert incidents(client, date_from="2030-01-01") == []


def test_bad_filter_values_are_422_with_the_reason(client):
    response = client.get("/api/incidents", params={"date_from": "10 May"})
    assert response.status_code == 422 and "YYYY-MM-DD" in response.text
    assert client.get("/api/incidents", params={"sort": "id; DROP TABLE"}).status_code == 422


def test_sort_by_fatalities_puts_unknown_last(client):
    rows = incidents(client, sort="fatalities", order="desc")
    known = [i["fatalities_best"] for i in rows if i["fatalities_best"] is not None]
    assert known == sorted(known, reverse=True)
    tail = [i["fatalities_best"] for i in rows[len(known):]]
    assert all(v is None for v in tail)
    ascending = [i["fatalities_best"] for i in incidents(client, sort="fatalities", order="asc")]
    assert [v for v in ascending if v is not None] == sorted(known)


def test_incident_record_has_both_seed_sources(client):
    detail = client.get(f"/api/incidents/{seed_incident(client)['event_id']}").json()
    assert {s["article_id"] for s in detail["sources"]} == set(SEEDS)
    assert detail["incident"]["contested"] is True
    assert any(c["speaker"] and "Lavrov" in c["speaker"]["name"] for s in detail["sources"] for c in s["claims"])
    assert {a["title"] for a in detail["analyses"]} == {"Contradictions", "Omissions", "Framing"}


def test_seed_incident_is_in_the_al_tanf_zone(client):
    tanf = incidents(client, zone="al-tanf")
    assert seed_incident(client)["event_id"] in {i["event_id"] for i in tanf}


def test_article_lists_its_incident_and_claims(client):
    body = client.get(f"/api/articles/{SEEDS[0]}").json()
    assert body["article"]["id"] == SEEDS[0]
    assert seed_incident(client)["event_id"] in body["incident_ids"]
    assert body["claims"] and all(c["article_id"] == SEEDS[0] for c in body["claims"])


def test_unknown_ids_are_404(client):
    assert client.get("/api/incidents/nope").status_code == 404
    assert client.get("/api/articles/nope").status_code == 404


def test_search_finds_both_seeds_and_ignores_query_syntax(client):
    hits = client.get("/api/search", params={"q": "Tanf"}).json()["hits"]
    assert set(SEEDS) <= {h["article_id"] for h in hits}
    assert all("tanf" in h["snippet_text"].lower() for h in hits)
    for hostile in ('"', "NEAR(", "title:x OR", "*", ")"):
        assert client.get("/api/search", params={"q": hostile}).status_code == 200
    assert client.get("/api/search", params={"q": ""}).json()["hits"] == []


def test_exports_in_every_format(client):
    rows = list(csv.reader(io.StringIO(client.get("/api/export/csv", params={"country": "Syria"}).text)))
    assert tuple(rows[0]) == INCIDENT_COLUMNS and len(rows) - 1 == len(incidents(client, country="Syria"))
    claims = client.get("/api/export/csv", params={"table": "claims"}).text
    assert claims.startswith("claim_id,")
    geojson = client.get("/api/export/geojson").json()
    assert geojson["type"] == "FeatureCollection" and geojson["features"]
    parquet = client.get("/api/export/parquet")
    assert pq.read_table(io.BytesIO(parquet.content)).num_rows == len(incidents(client))
    assert client.get("/api/export/xlsx").status_code == 404


def test_openapi_schema_is_published(client):
    schema = client.get("/openapi.json").json()
    assert {"/api/incidents", "/api/articles", "/api/uploads", "/api/search"} <= set(schema["paths"])


def test_map_layers(client):
    countries = client.get("/api/map/countries.json").json()["countries"]
    assert len(countries) > 150 and all(c["d"].startswith("M") for c in countries)
    zones = client.get("/api/map/zones.geojson").json()
    assert "al-tanf" in {f["id"] for f in zones["features"]}
    points = client.get("/api/map/incidents.geojson", params={"country": "Syria"}).json()
    assert points["features"] and all(f["geometry"]["type"] == "Point" for f in points["features"])


def test_timeline_counts_every_dated_incident(client):
    body = client.get("/api/timeline").json()
    dated = [i for i in incidents(client) if i["event_date"]]
    assert sum(d["count"] for d in body["days"]) == len(dated)
    assert body["undated"] == len(incidents(client)) - len(dated)


def test_hostile_article_is_stored_and_served_as_data(client):
    body = client.get(f"/api/articles/{hostile_id()}").json()
    assert "<script>" in body["article"]["text"]  # JSON carries the text as it was written
    assert client.get(f"/api/articles/{hostile_id()}").headers["content-type"].startswith("application/json")
