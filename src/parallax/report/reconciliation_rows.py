"""Flat rows of each incident's contradictions, omissions and merge links, for the CSV exports."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from parallax.schema import Incident

CONTRADICTION_COLUMNS = (
    "incident_id", "kind", "subject", "speaker_a", "value_a", "article_a", "start_a", "end_a", "sentence_a",
    "speaker_b", "value_b", "article_b", "start_b", "end_b", "sentence_b",
    "field_a", "field_b",  # what start/end index: "text" (the body) or "title" (the headline)
)
OMISSION_COLUMNS = ("incident_id", "article_id", "outlet", "kind", "fact", "reported_by", "sentence")
LINK_COLUMNS = ("incident_id", "article_a", "article_b", "mention_a", "mention_b", "score", "evidence")


def contradiction_rows(incidents: Sequence[Incident]) -> Iterator[tuple[object, ...]]:
    for incident in incidents:
        for c in incident.reconciliation.contradictions if incident.reconciliation else ():
            a, b = c.span_a, c.span_b
            yield (incident.id, c.kind.value, c.subject, c.speaker_a, c.value_a, a.article_id, a.start, a.end,
                   a.sentence, c.speaker_b, c.value_b, b.article_id, b.start, b.end, b.sentence,
                   a.field, b.field)


def omission_rows(incidents: Sequence[Incident]) -> Iterator[tuple[object, ...]]:
    for incident in incidents:
        for o in incident.reconciliation.omissions if incident.reconciliation else ():
            yield (incident.id, o.article_id, o.outlet, o.kind, o.fact, o.reported_by,
                   o.span.sentence if o.span else None)


def link_rows(incidents: Sequence[Incident]) -> Iterator[tuple[object, ...]]:
    for incident in incidents:
        for x in incident.links:
            evidence = tuple(f"{e.name} {e.weight:+.2f}" + (f" ({e.detail})" if e.detail else "") for e in x.evidence)
            yield (incident.id, x.article_a, x.article_b, x.mention_a, x.mention_b, x.score, evidence)
