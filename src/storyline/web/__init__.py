"""storyline's web interface and HTTP API, over the same archive the CLI uses.

The app (``create_app``) holds no SQL of its own: every page and endpoint calls one of the
archive's public methods, then shapes the result for reading (``stance_board``, ``timeline``,
``actor_graph``, ``story_claims``, ``highlight``). Pages live one per module in ``views/``,
templates in ``templates/``, static files in ``static/`` (no CDN: nothing is fetched at run time).
"""
from __future__ import annotations

import os

TOKEN_ENV = "STORYLINE_TOKEN"


LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1", "[::1]")


def app_for(db: str | None = None, host: str = "127.0.0.1", token: str | None = None):
    """The app ``serve`` runs: the archive at ``db``, the token from ``token`` or
    ``$STORYLINE_TOKEN``, and, on a loopback address, only loopback ``Host`` headers (so a web
    page elsewhere cannot reach this server through DNS rebinding)."""
    import storyline

    from .app import create_app

    hosts = ["127.0.0.1", "localhost", "[::1]"] if host in LOOPBACK_NAMES else None
    return create_app(storyline.open(db), token=token or os.environ.get(TOKEN_ENV) or None,
                      allowed_hosts=hosts)


def serve(db: str | None = None, host: str = "127.0.0.1", port: int = 8000,
          token: str | None = None) -> None:
    """Serve the archive at ``db`` on ``host:port`` (loopback unless told otherwise).

    Writes (``POST /api/articles``) need ``token`` or ``$STORYLINE_TOKEN``; without either
    they are refused, so a server started by mistake cannot be written to.
    """
    import uvicorn

    uvicorn.run(app_for(db, host=host, token=token), host=host, port=port, log_level="info",
                server_header=False, proxy_headers=False, limit_concurrency=64,
                timeout_keep_alive=5)


def __getattr__(name: str):
    # ``storyline.web.create_app`` without importing FastAPI for ``serve``'s callers up front.
    if name == "create_app":
        from .app import create_app
        return create_app
    raise AttributeError(name)
