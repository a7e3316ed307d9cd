"""Writing over HTTP: the token, the body limit, upload names, and the library's ingest behind it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from webdata import TOKEN
from parallax.errors import AccessDenied, BadUpload
from parallax.serve.app import create_app
from parallax.serve.intake import check_token, safe_upload_path
from parallax.settings import Settings

AUTH = {"Authorization": f"Bearer {TOKEN}"}
# A third outlet on the Kharkiv shelling of examples/feeds/ukraine_reports.jsonl (13 Sep 2026).
KHARKIV = {
    "title": "Kharkiv shelling: city mourns six",
    "outlet": "Steppe Courier",
    "published": "2026-09-14T18:00:00",
    "text": ("KHARKIV, Ukraine (Steppe Courier) - Russian artillery shelled a residential district of "
             "Kharkiv on Sunday, killing six civilians and wounding 12, regional governor Oleh "
             "Marchenko said. Rescue crews searched the damaged apartment buildings overnight."),
}


@pytest.fixture()
def writer(db_copy, tmp_path):
    settings = Settings(upload_dir=str(tmp_path / "uploads"))
    return TestClient(create_app(db_copy, settings, token=TOKEN)), tmp_path / "uploads"


def test_posting_needs_the_token(writer):
    client, _ = writer
    assert client.post("/api/articles", json=KHARKIV).status_code == 401
    wrong = client.post("/api/articles", json=KHARKIV, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and wrong.json()["error"] == AccessDenied.code
    assert wrong.headers["www-authenticate"] == "Bearer"


def test_a_server_without_token_refuses_every_write(db_copy, monkeypatch):
    monkeypatch.delenv("PARALLAX_TOKEN", raising=False)
    client = TestClient(create_app(db_copy, Settings()))
    response = client.post("/api/articles", json=KHARKIV, headers={"Authorization": "Bearer "})
    assert response.status_code == 401 and "without a token" in response.json()["detail"]


def test_token_from_the_environment(db_copy, monkeypatch):
    monkeypatch.setenv("PARALLAX_TOKEN", "from-env")
    client = TestClient(create_app(db_copy, Settings(upload_dir=str(db_copy.parent / "up"))))
    posted = client.post("/api/articles", json={"text": "x" * 10}, headers={"Authorization": "Bearer from-env"})
    assert posted.status_code == 422  # authorised, then rejected by ingest as too short
    assert posted.json()["rejected"][0]["code"]


def test_an_empty_upload_is_422_and_says_why(writer):
    """Found by a fresh-clone user test: an empty file was answered 200, as if it had been taken."""
    client, _ = writer
    response = client.post("/api/uploads", headers=AUTH, files={"file": ("empty.txt", b"", "text/plain")})
    assert response.status_code == 422, response.text
    rejected = response.json()["rejected"]
    assert rejected and "empty.txt" in rejected[0]["source"]


def test_posted_article_shows_up_in_its_incident(writer):
    client, uploads = writer
    response = client.post("/api/articles", json=KHARKIV, headers=AUTH)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["new_articles"] == 1 and body["article_id"] and body["incident_ids"]
    incident = client.get(f"/api/incidents/{body['incident_ids'][0]}").json()
    sources = {s["article_id"]: s["outlet"] for s in incident["sources"]}
    assert sources[body["article_id"]] == "Steppe Courier"
    assert {"East Report", "Danube News"} <= set(sources.values()), "merged with the other Kharkiv reports"
    assert len(list(uploads.glob("*.jsonl"))) == 1
    again = client.post("/api/articles", json=KHARKIV, headers=AUTH)
    assert again.status_code == 200 and again.json()["new_articles"] == 0


def test_upload_with_a_path_in_its_name_stays_in_the_folder(writer):
    client, uploads = writer
    text = KHARKIV["text"].replace("Steppe Courier", "Field Post")
    response = client.post("/api/uploads", headers=AUTH, data={"outlet": "Field Post"},
                           files={"file": ("../../../etc/kharkiv.txt", text.encode(), "text/plain")})
    assert response.status_code == 201, response.text
    stored = list(uploads.iterdir())
    assert stored and all(p.resolve().parent == uploads.resolve() for p in stored)
    assert any(p.name.endswith("-kharkiv.txt") for p in stored)
    assert any(p.name.endswith("-kharkiv.meta.json") for p in stored)


def test_upload_of_an_unreadable_format_is_400(writer):
    client, _ = writer
    response = client.post("/api/uploads", headers=AUTH, files={"file": ("run.exe", b"MZ", "application/octet-stream")})
    assert response.status_code == 400 and ".exe" in response.json()["detail"]


def test_bodies_over_the_limit_are_413(db_copy):
    client = TestClient(create_app(db_copy, Settings(max_request_bytes=2_000), token=TOKEN))
    big = {"text": "word " * 1_000}
    assert client.post("/api/articles", json=big, headers=AUTH).status_code == 413

    def chunks():  # no Content-Length: the limit is counted as the body streams in
        for _ in range(10):
            yield b"x" * 500
    response = client.post("/api/articles", content=chunks(), headers=AUTH | {"Content-Type": "application/json"})
    assert response.status_code == 413


@pytest.mark.parametrize("name", ["../../x.txt", "..\\..\\x.txt", "/etc/x.txt", "C:\\x.txt", "..", ".hidden.txt"])
def test_safe_upload_path_never_leaves_the_folder(tmp_path, name):
    try:
        path = safe_upload_path(tmp_path, name)
    except BadUpload:
        return
    assert path.parent == tmp_path.resolve() and path.suffix == ".txt"


def test_check_token_compares_the_whole_token():
    check_token(f"Bearer {TOKEN}", TOKEN)
    for header in (None, "", TOKEN, f"Basic {TOKEN}", f"Bearer {TOKEN[:-1]}", f"Bearer {TOKEN}x"):
        with pytest.raises(AccessDenied):
            check_token(header, TOKEN)


def test_write_endpoints_are_in_the_schema_with_their_body(db_copy):
    schema = TestClient(create_app(Path(db_copy), Settings())).get("/openapi.json").json()
    assert "requestBody" in schema["paths"]["/api/articles"]["post"]


def test_an_ingest_by_another_process_shows_on_the_next_request(db_copy, tmp_path):
    """Serving while `parallax ingest` writes: the app reloads its snapshot when the file changes."""
    from parallax.pipeline import ingest_paths
    client = TestClient(create_app(db_copy, Settings()))
    before = client.get("/api/incidents").json()["total"]
    article = tmp_path / "kharkiv.jsonl"
    article.write_text(json.dumps(KHARKIV | {"text": KHARKIV["text"].replace("Kharkiv", "Sumy")}) + "\n", "utf-8")
    ingest_paths([article], db_copy, Settings(workers=1))
    hits = client.get("/api/search", params={"q": "Sumy"}).json()["hits"]
    assert len(hits) == 1
    assert client.get(f"/api/articles/{hits[0]['article_id']}").json()["incident_ids"]
    assert client.get("/api/incidents").json()["total"] >= before


def test_reads_during_an_ingest_all_succeed(db_copy, tmp_path):
    """Serving while ingesting: every read made while another thread ingests is answered whole."""
    import threading
    from parallax.pipeline import ingest_paths
    client = TestClient(create_app(db_copy, Settings()))
    article = tmp_path / "sumy.jsonl"
    article.write_text(json.dumps(KHARKIV | {"text": KHARKIV["text"].replace("Kharkiv", "Sumy")}) + "\n", "utf-8")
    writer = threading.Thread(target=ingest_paths, args=([article], db_copy, Settings(workers=1)))
    writer.start()
    answers = []
    while writer.is_alive() or len(answers) < 3:
        response = client.get("/api/incidents", params={"per_page": 200})
        answers.append((response.status_code, response.json()["total"], len(response.json()["incidents"])))
    writer.join()
    assert all(status == 200 and total == listed for status, total, listed in answers)
    assert client.get("/api/search", params={"q": "Sumy"}).json()["hits"]
