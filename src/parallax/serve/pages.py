"""The HTML pages: server-rendered Jinja2 templates (autoescaped), a little JS for the map."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from parallax import __version__
from parallax.report import views as report_views
from parallax.serve import extras, views
from parallax.serve.api import filtered
from parallax.serve.catalog import Catalog
from parallax.serve.params import Filters, query_string
from parallax.serve.query import SORTS, facets, page_of

TEMPLATES = Path(__file__).parent / "templates"


def environment() -> Environment:
    """Autoescaping on for every template: article texts, titles and names are hostile input."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(
        sources_of=report_views.sources_of, outlet_name=report_views.outlet_name,
        claims_of=report_views.claims_of, highlight=report_views.highlight,
        date_label=report_views.date_label, date_told=report_views.date_told,
        place_label=report_views.place_label, place_told=report_views.place_told,
        coordinates=report_views.coordinates, figure_range=report_views.figure_range,
        n_sources=report_views.n_sources, safe_url=report_views.safe_url,
        published=report_views.published_label, date_precision=report_views.DATE_PRECISION,
        geo_precision=report_views.GEO_PRECISION, article_segments=views.article_segments, grade_label=extras.grade_label,
        query_string=query_string, sorts=SORTS, version=__version__)
    return env


def build_pages(catalog: Catalog) -> APIRouter:
    pages = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)
    env = environment()

    def render(name: str, **values: object) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**values))

    @pages.get("/")
    def incidents_page(query: Filters) -> HTMLResponse:
        snapshot = catalog.snapshot()
        page = page_of(snapshot.incidents, query, snapshot.articles, snapshot.zones.members)
        return render("incidents.html", page=page, query=query, articles=snapshot.articles,
                      facets=facets(snapshot.incidents, snapshot.articles), zones=snapshot.zones,
                      n_articles=len(snapshot.articles), n_incidents=len(snapshot.incidents))

    @pages.get("/incidents/{incident_id}")
    def incident_page(incident_id: str) -> HTMLResponse:
        snapshot = catalog.snapshot()
        incident = snapshot.incident(incident_id)
        if incident is None:
            raise HTTPException(404, f"no incident {incident_id[:40]!r}")
        return render("incident.html", incident=incident, articles=snapshot.articles,
                      sections=extras.analyse(incident, snapshot.articles, catalog.data_dir),
                      zones=snapshot.zones.zones_of(incident.id),
                      follow_ups=snapshot.follow_ups.get(incident.id, ()), incident_of=snapshot.incident)

    @pages.get("/articles/{article_id}")
    def article_page(article_id: str) -> HTMLResponse:
        snapshot = catalog.snapshot()
        article = snapshot.articles.get(article_id)
        if article is None:
            raise HTTPException(404, f"no article {article_id[:40]!r}")
        incidents = snapshot.incidents_of_article(article_id)
        claims = list({c.id: c for i in incidents for c in i.claims}.values())
        return render("article.html", article=article, incidents=incidents, claims=claims,
                      articles=snapshot.articles)

    @pages.get("/map")
    def map_page(query: Filters) -> HTMLResponse:
        snapshot = catalog.snapshot()
        return render("map.html", query=query, zones=snapshot.zones,
                      facets=facets(snapshot.incidents, snapshot.articles))

    @pages.get("/timeline")
    def timeline_page(query: Filters) -> HTMLResponse:
        snapshot = catalog.snapshot()
        chosen = filtered(snapshot, query)
        return render("timeline.html", query=query, line=views.timeline(chosen), zones=snapshot.zones,
                      incidents={i.id: i for i in chosen}, facets=facets(snapshot.incidents, snapshot.articles))

    @pages.get("/search")
    def search_page(q: str = "") -> HTMLResponse:
        return render("search.html", q=q, hits=catalog.search(q, 50) if q.strip() else [])

    return pages


def error_page(status: int, message: str) -> HTMLResponse:
    return HTMLResponse(environment().get_template("error.html").render(status=status, message=message),
                        status_code=status)
