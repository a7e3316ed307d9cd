"""The JSON API under /api: incidents, articles, search, map layers, timeline, exports and ingest."""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, File, Form, Header, HTTPException, UploadFile
from fastapi.responses import FileResponse, JSONResponse, Response
from pydantic import BaseModel, Field

from parallax.report.exports import EXPORTERS, geojson_collection
from parallax.schema import IncidentQuery, RunSummary
from parallax.serve import intake, payloads, views
from parallax.serve.catalog import Catalog, Snapshot
from parallax.serve.params import Filters
from parallax.serve.query import facets, matches, order, page_of
from parallax.settings import Settings

COUNTRIES = Path(__file__).resolve().parent.parent / "data" / "map" / "countries.json"
MEDIA = {"csv": "text/csv", "json": "application/json", "geojson": "application/geo+json",
         "parquet": "application/vnd.apache.parquet"}


class ArticleIn(BaseModel):
    """An article to ingest; the same keys as a line of a .jsonl input."""

    text: str = Field(min_length=1)
    title: str = ""
    outlet: str = ""
    url: str = ""
    published: str = Field("", description="YYYY-MM-DD or an ISO timestamp")
    language: str = ""


def filtered(snapshot: Snapshot, query: IncidentQuery):
    chosen = [i for i in snapshot.incidents if matches(i, query, snapshot.articles, snapshot.zones.members)]
    return order(chosen, query, snapshot.articles)


def build_api(catalog: Catalog, settings: Settings, token: str) -> APIRouter:
    """Every /api route: reads (records, search), layers (map, timeline, exports) and writes."""
    api = APIRouter(prefix="/api")
    _record_routes(api, catalog)
    _layer_routes(api, catalog)
    _write_routes(api, catalog, settings, token)
    return api


def _record_routes(api: APIRouter, catalog: Catalog) -> None:

    @api.get("/incidents", summary="Incidents: filtered, sorted, one page")
    def list_incidents(query: Filters) -> dict:
        snapshot = catalog.snapshot()
        return payloads.page_payload(page_of(snapshot.incidents, query, snapshot.articles,
                                             snapshot.zones.members), snapshot)

    @api.get("/incidents/{incident_id}", summary="One incident: record, sources, analyses")
    def get_incident(incident_id: str) -> dict:
        snapshot = catalog.snapshot()
        incident = snapshot.incident(incident_id)
        if incident is None:
            raise HTTPException(404, f"no incident {incident_id[:40]!r}")
        return payloads.incident_detail(incident, snapshot, catalog.data_dir)

    @api.get("/articles/{article_id}", summary="One article, its incidents and claims")
    def get_article(article_id: str) -> dict:
        snapshot = catalog.snapshot()
        article = snapshot.articles.get(article_id)
        if article is None:
            raise HTTPException(404, f"no article {article_id[:40]!r}")
        return payloads.article_detail(article, snapshot)

    @api.get("/facets", summary="The values each incident filter can take")
    def get_facets() -> dict:
        snapshot = catalog.snapshot()
        return facets(snapshot.incidents, snapshot.articles) | {"zone": [z.id for z in snapshot.zones.zones]}

    @api.get("/search", summary="Full-text search over articles (SQLite FTS5)")
    def search(q: str = "", limit: int = 20, offset: int = 0) -> dict:
        return payloads.search_payload(q, catalog.search(q, max(1, min(limit, 100)), max(0, offset)))


def _layer_routes(api: APIRouter, catalog: Catalog) -> None:
    @api.get("/map/incidents.geojson", summary="Filtered incidents as GeoJSON points")
    def map_incidents(query: Filters) -> dict:
        snapshot = catalog.snapshot()
        return geojson_collection(filtered(snapshot, query), snapshot.articles)

    @api.get("/map/zones.geojson", summary="Zones as GeoJSON (from --zones)")
    def map_zones() -> dict:
        zones = catalog.snapshot().zones
        return payloads.zones_collection(zones.zones, zones.note)

    @api.get("/map/countries.json", summary="Country outlines (Natural Earth, simplified) as SVG paths")
    def map_countries() -> FileResponse:
        return FileResponse(COUNTRIES, media_type="application/json")

    @api.get("/timeline", summary="Filtered incidents per day")
    def get_timeline(query: Filters) -> dict:
        line = views.timeline(filtered(catalog.snapshot(), query))
        return {"first": line.first, "last": line.last, "undated": line.undated,
                "days": [{"day": b.day, "count": b.count, "contested": b.contested,
                          "incident_ids": list(b.incident_ids)} for b in line.bars]}

    @api.get("/export/{fmt}", summary="Filtered incidents as CSV, JSON, GeoJSON or Parquet")
    def export(fmt: str, query: Filters, table: str = "incidents") -> Response:
        if fmt not in EXPORTERS or table not in ("incidents", "claims"):
            raise HTTPException(404, f"export formats: {', '.join(EXPORTERS)}; tables: incidents, claims")
        snapshot = catalog.snapshot()
        with tempfile.TemporaryDirectory() as folder:
            written = EXPORTERS[fmt](filtered(snapshot, query), snapshot.articles, Path(folder))
            chosen = next((p for p in written if p.stem == table), written[0])
            content = chosen.read_bytes()
        return Response(content, media_type=MEDIA[fmt],
                        headers={"Content-Disposition": f'attachment; filename="{chosen.name}"'})


def _status(summary: RunSummary) -> int:
    """201 when something new was stored; 422 when everything sent was rejected (the body says why);
    200 when it was all already there."""
    if summary.new_articles:
        return 201
    return 422 if summary.rejected and not summary.duplicates else 200


def _write_routes(api: APIRouter, catalog: Catalog, settings: Settings, token: str) -> None:
    lock = threading.Lock()

    def ingest(path: Path, text: str | None) -> JSONResponse:
        single = text is not None or intake.holds_one_article(path)
        summary = intake.ingest_file(path, catalog.db_path, settings, lock, single)
        body = intake.summary_payload(summary)
        if text is not None:
            article_id = intake.article_id_of(text)
            stored = catalog.snapshot().articles.get(article_id)
            body |= {"article_id": article_id if stored else None,
                     "incident_ids": [i.id for i in catalog.snapshot().incidents_of_article(article_id)]}
        return JSONResponse(body, status_code=_status(summary))

    @api.post("/articles", summary="Ingest one article (JSON); needs the bearer token", status_code=201)
    def post_article(article: ArticleIn, authorization: Annotated[str | None, Header()] = None) -> JSONResponse:
        intake.check_token(authorization, token)
        folder = intake.upload_folder(catalog.db_path, settings)
        return ingest(intake.write_article_file(folder, article.model_dump()), article.text)

    @api.post("/uploads", summary="Ingest an uploaded file (.txt .html .jsonl .xml ...); needs the token",
              status_code=201)
    def upload(file: Annotated[UploadFile, File()], authorization: Annotated[str | None, Header()] = None,
               outlet: Annotated[str, Form()] = "", published: Annotated[str, Form()] = "") -> JSONResponse:
        intake.check_token(authorization, token)
        path = intake.safe_upload_path(intake.upload_folder(catalog.db_path, settings), file.filename or "")
        with path.open("wb") as handle:
            while chunk := file.file.read(1 << 16):
                handle.write(chunk)
        if outlet or published:
            intake.write_sidecar(path, outlet, published)
        return ingest(path, None)
