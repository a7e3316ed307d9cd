"""The FastAPI app behind `parallax serve`: pages, the JSON API, static files, errors as statuses."""

from __future__ import annotations

import os
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from parallax import __version__
from parallax.errors import (AccessDenied, BadUpload, InputError, ParallaxError, RequestTooLarge,
                             StoreError)
from parallax.serve.api import build_api
from parallax.serve.catalog import Catalog
from parallax.serve.intake import BodyLimit
from parallax.serve.pages import build_pages, error_page
from parallax.settings import Settings

STATIC = Path(__file__).parent / "static"
TOKEN_ENV = "PARALLAX_TOKEN"
# No inline script or style anywhere, so a script that slipped into a page could not run.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
STATUS = ((AccessDenied, 401), (RequestTooLarge, 413), (BadUpload, 400), (InputError, 400),
          (StoreError, 503))


def resolve_token(given: str | None, settings: Settings) -> str:
    """--token, else $PARALLAX_TOKEN, else settings.serve_token; "" leaves writes disabled."""
    return given or os.environ.get(TOKEN_ENV, "") or settings.serve_token


def _status(exc: ParallaxError) -> int:
    return next((status for kind, status in STATUS if isinstance(exc, kind)), 500)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path == "/openapi.json"


def create_app(db_path: Path, settings: Settings | None = None, token: str | None = None,
               zones_path: Path | None = None) -> FastAPI:
    """The app over one database; `token` (see resolve_token) guards the write endpoints."""
    settings = settings or Settings()
    zones_path = zones_path or (Path(settings.zones_file) if settings.zones_file else None)
    catalog = Catalog(Path(db_path), zones_path, settings.data_dir)
    # No Swagger/ReDoc pages: they load their scripts from a CDN, and nothing here may.
    app = FastAPI(title="parallax", version=__version__, docs_url=None, redoc_url=None,
                  description="Reconciled, source-attributed incident records. Writes need "
                              "'Authorization: Bearer <token>'.")
    app.include_router(build_api(catalog, settings, resolve_token(token, settings)))
    app.include_router(build_pages(catalog))
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")
    _add_handlers(app)

    @app.middleware("http")
    async def security_headers(request: Request, call_next) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    app.add_middleware(BodyLimit, max_bytes=settings.max_request_bytes)
    app.state.catalog = catalog
    return app


def _add_handlers(app: FastAPI) -> None:
    @app.exception_handler(ParallaxError)
    async def parallax_error(request: Request, exc: ParallaxError) -> Response:
        status = _status(exc)
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        if _wants_json(request):
            return JSONResponse({"error": exc.code, "detail": exc.args[0], "hint": exc.hint},
                                status_code=status, headers=headers)
        return error_page(status, str(exc))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return error_page(exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": exc.errors()}, status_code=422)
        return error_page(422, "; ".join(str(e.get("msg", "")) for e in exc.errors()))


def run_server(db_path: Path, settings: Settings, host: str = "127.0.0.1", port: int = 8000,
               token: str | None = None, zones_path: Path | None = None) -> None:
    """Serve the app with uvicorn until interrupted."""
    import uvicorn
    uvicorn.run(create_app(db_path, settings, token, zones_path), host=host, port=port, log_level="info")
