"""The seeds' strike near al-Tanf, run end to end on the two seed articles only: its contradictions
(toll, victims, warning, what was hit) and each source's omissions, in the store, report and CSVs."""

from __future__ import annotations

import csv

import pytest

from parallax.cli import main
from parallax.pipeline import stored_incidents
from parallax.schema import ContradictionKind, Grade

from builders import EXAMPLES

SEEDS = ("000_2b680c7acdd794e0.txt", "003_e687d20cb4895ef2.txt")


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds")
    assert main(["run", *(str(EXAMPLES / name) for name in SEEDS), "--out", str(out)]) == 0
    stored = stored_incidents(out / "parallax.sqlite")
    both = [i for i in stored.incidents if len(i.article_ids) == 2]
    assert len(both) == 1
    return out, both[0]


def test_stored_incident_carries_the_four_contradictions_with_both_speakers(seeds_run):
    _, incident = seeds_run
    rec = incident.reconciliation
    kinds = {c.kind for c in rec.contradictions}
    assert kinds >= {ContradictionKind.NUMBER, ContradictionKind.VICTIMS, ContradictionKind.SEQUENCE,
                     ContradictionKind.TARGET}
    assert rec.grade == Grade.CONTESTED
    for c in rec.contradictions:
        assert c.speaker_a and c.speaker_b and c.speaker_a != c.speaker_b
        assert c.span_a.text and c.span_b.text
    warning = [c for c in rec.contradictions if c.kind == ContradictionKind.SEQUENCE]
    assert {c.span_a.article_id for c in warning} | {c.span_b.article_id for c in warning} == set(incident.article_ids)


def test_each_seed_omits_what_the_other_reports(seeds_run):
    _, incident = seeds_run
    by_article = {aid: {o.kind for o in incident.reconciliation.omissions if o.article_id == aid}
                  for aid in incident.article_ids}
    assert all(by_article.values())
    assert any("killed" in kinds for kinds in by_article.values())
    assert any("what was hit" in kinds for kinds in by_article.values())


def test_merge_is_explained_and_exported(seeds_run):
    out, incident = seeds_run
    assert incident.links and incident.links[0].evidence
    html = (out / "report.html").read_text()
    assert "Contradictions" in html and "Leaves out" in html and "why these reports were merged" in html
    rows = list(csv.DictReader((out / "contradictions.csv").open(encoding="utf-8")))
    assert {r["kind"] for r in rows if r["incident_id"] == incident.id} >= {"number", "victims", "sequence", "target"}
    assert list(csv.DictReader((out / "omissions.csv").open(encoding="utf-8")))
    tanf = next(r for r in csv.DictReader((out / "incidents.csv").open(encoding="utf-8"))
                if r["event_id"] == incident.id)
    assert tanf["grade"] == "contested" and int(tanf["contradictions"]) >= 4
