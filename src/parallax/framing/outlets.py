"""One outlet across the incidents it told: its usual labels, framing words and whom it quotes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from parallax.framing.incident import party_shares, source_kinds
from parallax.schema import ArticleFraming, IncidentFraming, OutletFraming, Tally

TOP = 12  # labels and markers listed per outlet


def outlet_key(framing: ArticleFraming) -> str:
    """The outlet's name; an article with none stands for itself, as in the report's source count."""
    return framing.outlet or f"unknown outlet ({framing.article_id[:10]})"


def summarise_outlets(framings: Sequence[IncidentFraming], top: int = TOP) -> tuple[OutletFraming, ...]:
    """Outlet summaries, most articles first. Each article counts once, however many incidents it
    tells; markers count only the outlet's own voice (not words inside quotation marks)."""
    articles: dict[str, dict[str, ArticleFraming]] = {}
    incidents: dict[str, set[str]] = {}
    for incident in framings:
        for framing in incident.articles:
            key = outlet_key(framing)
            articles.setdefault(key, {}).setdefault(framing.article_id, framing)
            incidents.setdefault(key, set()).add(incident.incident_id)
    summaries = [_summary(key, list(by_id.values()), len(incidents[key]), top) for key, by_id in articles.items()]
    return tuple(sorted(summaries, key=lambda s: (-s.articles, s.outlet)))


def _summary(outlet: str, framings: list[ArticleFraming], n_incidents: int, top: int) -> OutletFraming:
    labels = Counter((lb.referent, lb.label.lower()) for f in framings for lb in f.labels
                     if lb.referent and not lb.quoted)
    markers = Counter((m.kind, m.term if m.kind == "scare_quote" else m.span.text.lower())
                      for f in framings for m in f.markers if not m.quoted)
    quotes = [q for f in framings for q in f.quotes]
    return OutletFraming(
        outlet=outlet, articles=len(framings), incidents=n_incidents,
        labels=_tallies(labels, top), markers=_tallies(markers, top), shares=party_shares(quotes),
        source_kinds=source_kinds(quotes),
        context_share=round(sum(f.context_share for f in framings) / len(framings), 3))


def _tallies(counts: Counter[tuple[str, str]], top: int) -> tuple[Tally, ...]:
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    return tuple(Tally(kind, term, n) for (kind, term), n in ranked)
