"""The incident page shows the follow-up stories linked to an incident, both ways."""

from __future__ import annotations

from datetime import date

from fastapi.testclient import TestClient

from builders import day, mention, place
from parallax.resolve.incidents import resolve_incidents
from parallax.schema import Article, GeoPrecision
from parallax.serve.app import create_app
from parallax.settings import Settings
from parallax.store.sqlite import SQLiteStore

TOLEDO = place("Toledo", "US", 41.66, -83.56, GeoPrecision.EXACT, "Ohio")
SHOT = "Marcus Reyes, 24, was shot dead on Dorr Street on Monday night, police said."
# Names the street, not the victim: linked (an arrest story naming him joins the shooting's incident).
ARREST = "Police on Friday arrested a 19-year-old, who now faces a murder count over the shooting on Dorr Street."


def _served(tmp_path, mentions, texts):
    """A database holding the mentions' articles, the mentions and the incidents resolved from them."""
    incidents = resolve_incidents(mentions, Settings())
    db = tmp_path / "parallax.sqlite"
    with SQLiteStore(db) as store:
        store.add_articles(Article(m.article_id, text) for m, text in zip(mentions, texts))
        for m in mentions:
            store.replace_mentions(m.article_id, [m])
        store.save_incidents(incidents)
    return incidents, TestClient(create_app(db, Settings()))


def test_the_shooting_and_the_arrest_weeks_later_point_to_each_other(tmp_path):
    shooting = mention("a1", TOLEDO, day(date(2015, 2, 23), "Monday"), SHOT)
    arrest = mention("b2", TOLEDO, day(date(2015, 3, 20), "Friday"), ARREST, sub="Arrests",
                     kind="Strategic developments")
    incidents, client = _served(tmp_path, [shooting, arrest], [SHOT, ARREST])
    of = {m.article_id: i.id for i in incidents for m in i.mentions}
    event_page = client.get(f"/incidents/{of['a1']}").text
    assert "Follow-up stories" in event_page and f'href="/incidents/{of["b2"]}"' in event_page
    assert "followed by" in event_page and "dorr street" in event_page and "25 days after" in event_page
    later_page = client.get(f"/incidents/{of['b2']}").text
    assert "follows up" in later_page and f'href="/incidents/{of["a1"]}"' in later_page
    told = client.get(f"/api/incidents/{of['a1']}").json()["follow_ups"]
    assert [(x["incident_id"], x["event_incident_id"]) for x in told] == [(of["b2"], of["a1"])]


def test_an_incident_with_no_follow_up_has_no_follow_up_section(tmp_path):
    incidents, client = _served(tmp_path, [mention("a1", TOLEDO, day(date(2015, 2, 23), "Monday"), SHOT)], [SHOT])
    assert "Follow-up stories" not in client.get(f"/incidents/{incidents[0].id}").text
