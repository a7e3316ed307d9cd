"""The HTML pages: each renders from the examples database, and article text stays text."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from webdata import MARKERS, SEEDS, ZONES, hostile_id
from parallax.serve.app import SECURITY_HEADERS, create_app
from parallax.settings import Settings


@pytest.fixture(scope="module")
def client(served_db):
    return TestClient(create_app(served_db, Settings(), zones_path=ZONES))


def hostile_incident(client) -> str:
    return client.get(f"/api/articles/{hostile_id()}").json()["incident_ids"][0]


def pages(client) -> list[str]:
    return ["/", "/?outlet=Evil%22+onload%3D%22window.__pwned%3D2", "/map", "/timeline",
            f"/articles/{hostile_id()}", f"/incidents/{hostile_incident(client)}",
            "/search?q=roadside+bomb+Kismayo", '/search?q="><script>alert(1)</script>']


def test_every_page_renders_with_the_security_headers(client):
    for path in pages(client):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-security-policy"] == SECURITY_HEADERS["Content-Security-Policy"]
        assert "<script>" not in response.text.replace('<script src="/static/map.js"></script>', "")


def test_hostile_article_text_is_escaped_everywhere(client):
    """Regression guard: markup and quotes from an article's title, outlet, url and text."""
    for path in pages(client):
        html = client.get(path).text
        for marker in MARKERS:
            assert marker not in html, (path, marker)
    article = client.get(f"/articles/{hostile_id()}").text
    assert "&lt;script&gt;window.__pwned = 4&lt;/script&gt;" in article
    assert "javascript:" not in article  # an unsafe url is not linked
    assert re.search(r"Evil&#34; onload=&#34;window.__pwned=2", article)


def test_list_filters_and_paging_links_keep_the_query(client):
    html = client.get("/", params={"country": "Syria", "per_page": 1}).text
    assert html.count('class="incident-row') == 1
    assert "country=Syria" in html and "page=2" in html


def test_incident_page_shows_both_seed_sources_with_highlighted_claims(client):
    incident_id = next(i["event_id"] for i in client.get("/api/incidents", params={"per_page": 200}).json()["incidents"]
                       if set(SEEDS) <= set(i["article_ids"].split(";")))
    html = client.get(f"/incidents/{incident_id}").text
    for seed in SEEDS:
        assert f'data-article="{seed}"' in html
    assert "<mark>several dozen</mark>" in html
    assert 'class="figure-hl"' in html and "Contradictions" in html
    assert "al-Tanf deconfliction zone" in html


def test_article_page_anchors_each_claim(client):
    html = client.get(f"/articles/{SEEDS[0]}").text
    claims = client.get(f"/api/articles/{SEEDS[0]}").json()["claims"]
    assert claims and any(f'id="claim-{c["id"]}"' in html for c in claims)


def test_missing_pages_are_html_404(client):
    response = client.get("/incidents/<script>")
    assert response.status_code == 404 and "text/html" in response.headers["content-type"]
    assert "<script>" not in response.text


def test_pages_load_nothing_from_outside(client):
    """No CDN, tiles or fonts: every script, style, image and icon is served by the app (links to
    an article's original page are links, not loads)."""
    for path in pages(client):
        html = client.get(path).text
        assert not re.search(r'src="(https?:)?//|<link[^>]+href="(https?:)?//|url\((https?:)?//', html), path
    css = client.get("/static/app.css").text
    assert "//" not in css.replace("://", "") and "@import" not in css and "@font-face" not in css
    assert client.get("/api/docs").status_code == 404


def test_map_page_lists_the_zones_with_their_incidents(client):
    html = client.get("/map").text
    assert "al-Tanf deconfliction zone" in html and 'href="/?zone=al-tanf"' in html
    assert "approximate" in html
