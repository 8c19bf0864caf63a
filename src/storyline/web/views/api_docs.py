"""A plain HTML page documenting the JSON API from the app's own OpenAPI spec.

FastAPI's Swagger and ReDoc pages pull their scripts from a CDN, which this server must never
do; the spec itself stays at ``/openapi.json``.
"""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from . import render

router = APIRouter(include_in_schema=False)
METHODS = ("get", "post", "put", "patch", "delete")


@router.get("/api", response_class=HTMLResponse)
def api_page(request: Request):
    spec = request.app.openapi()
    operations = []
    for path, item in spec.get("paths", {}).items():
        for method in METHODS:
            if method in item:
                op = item[method]
                operations.append({
                    "method": method.upper(), "path": path, "summary": op.get("summary", ""),
                    "parameters": [(p["name"], p["in"], p.get("required", False),
                                    p.get("description", "")) for p in op.get("parameters", [])],
                    "secured": bool(op.get("security")),
                    "responses": sorted(op.get("responses", {}))})
    return render(request, "api.html", spec=spec, operations=operations)
