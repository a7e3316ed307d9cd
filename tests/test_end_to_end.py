"""End to end on examples/: the seed structure the foundation issue asks for, and the outputs."""

from __future__ import annotations

import csv
import json

import pytest

from parallax.cli import main
from parallax.pipeline import stored_incidents
from parallax.schema import Measure

from builders import EXAMPLES

SEEDS = ("000_2b680c7acdd794e0.txt", "003_e687d20cb4895ef2.txt")


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("run")
    assert main(["run", str(EXAMPLES), "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def stored(run_dir):
    stored = stored_incidents(run_dir / "parallax.sqlite")
    return stored.incidents, stored.articles


def _seed_ids(articles):
    return {name: next(a.id for a in articles.values() if a.source.endswith(name)) for name in SEEDS}


def _tanf(incidents, articles):
    ids = set(_seed_ids(articles).values())
    both = [i for i in incidents if ids <= set(i.article_ids)]
    assert len(both) == 1, "the al-Tanf strike must be one incident carrying both seed articles"
    return both[0]


def test_seed_strike_is_one_incident_with_both_articles(stored):
    incidents, articles = stored
    tanf = _tanf(incidents, articles)
    assert tanf.event_type == "Explosions/Remote violence"
    assert tanf.sub_event_type == "Air/drone strike"
    assert tanf.place is not None and tanf.place.country == "SY"
    assert tanf.date is not None and tanf.date.weekday == "Thursday" and tanf.date.value is None


def _claims_by(incident, speaker_word):
    return [c for c in incident.claims if c.speaker and speaker_word.lower() in c.speaker.normalized.lower()]


def test_seed_claims_carry_their_speakers(stored):
    incidents, articles = stored
    tanf = _tanf(incidents, articles)
    sohr = [c for c in _claims_by(tanf, "Observatory") if c.measure == Measure.KILLED]
    assert sohr and sohr[0].figure.low == 8 == sohr[0].figure.high
    assert "non-syrian" in (sohr[0].victim_group + sohr[0].span.sentence).lower()
    military = [c for c in tanf.claims if c.figure.low == 6 and c.measure == Measure.KILLED]
    assert military and "military" in military[0].speaker.normalized.lower()
    assert any(c.figure.low == 3 and c.measure == Measure.INJURED for c in tanf.claims)
    lavrov = [c for c in _claims_by(tanf, "Lavrov") if c.measure == Measure.KILLED]
    assert lavrov and lavrov[0].hedged and "civilian" in lavrov[0].victim_group
    assert any(c.measure == Measure.DAMAGED and "tank" in c.object_text for c in _claims_by(tanf, "Centcom")) \
        or any(c.measure == Measure.DAMAGED and "tank" in c.object_text
               and "centcom" in c.span.sentence.lower() for c in tanf.claims)


def test_fatalities_reconciled_over_sources(stored):
    incidents, articles = stored
    tanf = _tanf(incidents, articles)
    assert tanf.fatalities.low is not None and tanf.fatalities.low <= 6
    assert tanf.fatalities.best in (6, 8)
    assert tanf.fatalities.high >= 24
    assert tanf.contested


def test_incidents_mentioned_in_passing_stay_apart(stored):
    incidents, articles = stored
    tanf = _tanf(incidents, articles)
    for other in ("Hama province", "Deir ez-Zor", "Shayrat", "Khan Sheikhoun"):
        assert not any(other in c.span.sentence and c.figure.low and c.figure.low >= 40
                       for c in tanf.claims), other
    assert not any(c.figure.low == 52 for c in tanf.claims)
    assert not any(c.figure.low == 40 for c in tanf.claims)
    seed_ids = set(_seed_ids(articles).values())
    others = [i for i in incidents if i is not tanf and set(i.article_ids) & seed_ids]
    assert any(c.figure.low == 52 for i in others for c in i.claims), "Hama killings are their own incident"
    assert any(c.figure.low == 40 for i in others for c in i.claims), "Deir ez-Zor strike is its own incident"
    for name in ("Shayrat", "Khān Shaykhūn"):
        assert any(i.place and i.place.name == name for i in others), f"{name} is its own incident"
    assert not any(c.figure.low == 9 for c in tanf.claims)


def test_outputs_written_with_the_agreed_columns(run_dir):
    with open(run_dir / "incidents.csv", newline="") as handle:
        header = next(csv.reader(handle))
    assert header[:5] == ["event_id", "event_date", "date_precision", "event_type", "sub_event_type"]
    assert "fatalities_best" in header and header[-9:] == ["notes", "inter1", "inter2", "interaction",
                                                           "actor1_country", "actor2_country",
                                                           "reported_killed", "reported_injured", "background"]
    with open(run_dir / "incidents.csv", newline="") as handle:
        incidents = list(csv.DictReader(handle))
    assert any(r["inter1"] and r["interaction"] for r in incidents)
    assert any(r["reported_killed"] for r in incidents)
    with open(run_dir / "claims.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert any(r["speaker"] and r["sentence"] for r in rows)
    geo = json.loads((run_dir / "incidents.geojson").read_text())
    assert geo["type"] == "FeatureCollection"
    html = (run_dir / "report.html").read_text()
    assert "Syrian Observatory" in html and "al-Masdar" in html


def test_running_twice_changes_nothing(run_dir, stored):
    before, _ = stored
    assert main(["ingest", str(EXAMPLES), "--db", str(run_dir / "parallax.sqlite")]) == 0
    after = stored_incidents(run_dir / "parallax.sqlite").incidents
    assert sorted(i.id for i in after) == sorted(i.id for i in before)


def test_non_english_example_is_reported_not_dropped(run_dir):
    import sqlite3
    with sqlite3.connect(run_dir / "parallax.sqlite") as db:
        codes = [row[0] for row in db.execute("select code from rejected")]
    assert "language" in codes
