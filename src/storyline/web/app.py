"""Assemble the FastAPI app: pages, JSON API, static files and the guards around them."""
from __future__ import annotations

import threading
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from .. import __version__
from . import api
from .page_cache import PageCache
from .security import DEFAULT_MAX_BODY_BYTES, BodySizeLimit, SecurityHeaders
from .templating import STATIC, make_templates
from .views import actor, api_docs, article, stories, story

API_DESCRIPTION = """\
Read storyline's archive as the JSON contract of `storyline analyze/stories/story`
(see CONTRACT.md): articles, stories with stances, timelines and claims, actors.

Reads are open. `POST /api/articles` ingests articles and needs the server's token as
`Authorization: Bearer TOKEN` (start the server with `--token` or `$STORYLINE_TOKEN`).
"""


class ArchiveGate:
    """The archive with its writes serialised.

    Reads go straight through (the engine's connection pool is thread-safe and SQLite runs in
    WAL mode, so pages stay readable during an ingest); ingests take one lock because the
    spaCy pipeline and the archive's in-memory near-duplicate index are not shared-safe.
    """

    WRITES = ("ingest", "ingest_articles", "rebuild_stories")

    def __init__(self, archive: Any):
        self._archive = archive
        self._write_lock = threading.Lock()

    def __getattr__(self, name: str):
        method = getattr(self._archive, name)
        if name not in self.WRITES:
            return method

        def locked(*args, **kwargs):
            with self._write_lock:
                return method(*args, **kwargs)
        return locked


def create_app(archive: Any, token: str | None = None,
               max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
               allowed_hosts: list[str] | None = None) -> FastAPI:
    """The web UI and API over ``archive`` (what ``storyline.open`` returns).

    ``token`` guards writes; ``None`` refuses them all. The interactive Swagger/ReDoc pages are
    off because they load scripts from a CDN; ``/api`` documents the API from the same spec.
    ``allowed_hosts`` restricts the ``Host`` header (``serve`` sets it on loopback addresses).
    """
    app = FastAPI(title="storyline", version=__version__, description=API_DESCRIPTION,
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json")
    app.state.archive = ArchiveGate(archive)
    app.state.token = token
    app.state.templates = make_templates()
    app.state.page_cache = PageCache()
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    for view in (stories, story, article, actor, api_docs):
        app.include_router(view.router)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_middleware(BodySizeLimit, max_bytes=max_body_bytes)
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    app.add_middleware(SecurityHeaders)
    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


async def _http_error(request: Request, exc: StarletteHTTPException):
    if _wants_json(request):
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))
    return request.app.state.templates.TemplateResponse(
        request, "error.html", {"status": exc.status_code, "detail": exc.detail},
        status_code=exc.status_code)


async def _validation_error(request: Request, exc: RequestValidationError):
    errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")}
              for e in exc.errors()]
    if _wants_json(request):
        return JSONResponse({"detail": errors}, status_code=422)
    detail = "; ".join(f"{'.'.join(map(str, e['loc'][1:]))}: {e['msg']}" for e in errors)
    return request.app.state.templates.TemplateResponse(
        request, "error.html", {"status": 422, "detail": detail}, status_code=422)
