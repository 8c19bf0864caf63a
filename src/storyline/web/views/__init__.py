"""One module per kind of page; each reads the archive through its public methods only."""
from __future__ import annotations

from typing import Any

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, template, context,
                                                        status_code=status_code)


def archive_of(request: Request):
    return request.app.state.archive


def found(value: Any, kind: str, key: str) -> Any:
    if value is None:
        raise HTTPException(404, f"No {kind} with id “{key}”.")
    return value
