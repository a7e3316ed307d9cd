"""What the report's reconciliation partial shows: grade, contradictions, omissions, merge evidence.

Plain text only; the template escapes (see views.py).
"""

from __future__ import annotations

from collections.abc import Mapping

from parallax.report.views import outlet_name
from parallax.schema import Article, Incident, MatchLink, Omission, Reconciliation

Articles = Mapping[str, Article]


def reconciliation_of(incident: Incident) -> Reconciliation | None:
    return incident.reconciliation


def omissions_of(incident: Incident, article_id: str) -> list[Omission]:
    rec = incident.reconciliation
    return [o for o in rec.omissions if o.article_id == article_id] if rec else []


def link_label(link: MatchLink, incident: Incident, articles: Articles) -> str:
    """ "Outlet A ~ Outlet B" for a merge link."""
    def name(article_id: str) -> str:
        return outlet_name(article_id, articles, [m for m in incident.mentions if m.article_id == article_id])
    return f"{name(link.article_a)} ~ {name(link.article_b)}"


def group_labels(incident: Incident, articles: Articles) -> list[str]:
    """Each set of near-duplicate reports (wire copy reposted), as outlet names."""
    rec = incident.reconciliation
    if rec is None:
        return []
    return [" = ".join(outlet_name(a, articles, [m for m in incident.mentions if m.article_id == a]) for a in group)
            for group in rec.source_groups]


def follow_up_labels(incident: Incident, articles: Articles) -> list[str]:
    """The outlets of its follow-up reports (an arrest or a hearing told weeks later, joined to it)."""
    rec = incident.reconciliation
    if rec is None:
        return []
    return [outlet_name(a, articles, [m for m in incident.mentions if m.article_id == a]) for a in rec.follow_up_reports]
