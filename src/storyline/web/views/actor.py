"""The actor page: every story the actor is in and its stance history over time."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from . import archive_of, found, render

router = APIRouter(include_in_schema=False)


@router.get("/actors/{actor_id:path}", response_class=HTMLResponse)
def actor_page(request: Request, actor_id: str):
    actor = found(archive_of(request).actor(actor_id), "actor", actor_id)
    titles = {s.get("id"): s.get("title") for s in actor.get("stories") or []}
    history = sorted(actor.get("stances") or [],
                     key=lambda s: (s.get("as_of") or "", s.get("story") or ""))
    return render(request, "actor.html", actor=actor, history=history, titles=titles)
