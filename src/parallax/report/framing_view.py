"""What the report's framing rows show: labels per actor, framing words, quote shares (plain text)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from parallax.schema import ArticleFraming, FramingOverview, IncidentFraming

MARKER_TITLES = {"loaded": "loaded terms", "distancing": "distancing", "scare_quote": "words in quotes",
                 "hedge": "hedging", "certainty": "certainty"}
CONTEXT_TITLES = {"background": "other incidents", "earlier": "earlier incidents", "history": "history",
                  "motive": "motives and aims", "other": "other"}


def framing_index(overview: FramingOverview | None) -> dict[tuple[str, str], ArticleFraming]:
    """(incident id, article id) -> that article's framing of the incident."""
    if overview is None:
        return {}
    return {(f.incident_id, a.article_id): a for f in overview.incidents for a in f.articles}


def labels_by_referent(framing: ArticleFraming) -> list[tuple[str, list[tuple[str, int]]]]:
    """Each referent with the labels the article's own voice uses for it, most used first;
    labels parallax could not tie to an actor come last, under "other armed actors"."""
    groups: dict[str, Counter[str]] = {}
    for label in framing.labels:
        if not label.quoted:
            groups.setdefault(label.referent or "other armed actors", Counter())[label.label] += 1
    ordered = sorted(groups.items(), key=lambda kv: (kv[0] == "other armed actors", -sum(kv[1].values())))
    return [(referent, counts.most_common()) for referent, counts in ordered]


def marker_groups(framing: ArticleFraming, quoted: bool) -> list[tuple[str, list[tuple[str, int]]]]:
    """Framing words by kind, in the outlet's own voice (quoted=False) or inside quotes (True)."""
    groups: dict[str, Counter[str]] = {}
    for marker in framing.markers:
        if marker.quoted == quoted:
            shown = marker.term if marker.kind == "scare_quote" else marker.span.text.lower()
            groups.setdefault(marker.kind, Counter())[shown] += 1
    return [(MARKER_TITLES[kind], groups[kind].most_common()) for kind in MARKER_TITLES if kind in groups]


def percent(share: float) -> str:
    return f"{round(share * 100)}%"


def context_counts(framing: ArticleFraming) -> list[tuple[str, int]]:
    counts = Counter(c.kind for c in framing.context)
    return [(CONTEXT_TITLES[k], counts[k]) for k in CONTEXT_TITLES if counts[k]]


def framed_outlets(overview: FramingOverview | None) -> Sequence:
    return overview.outlets if overview else ()


def incident_framing(overview: FramingOverview | None, incident_id: str) -> IncidentFraming | None:
    if overview is None:
        return None
    return next((f for f in overview.incidents if f.incident_id == incident_id), None)
