"""The story page: stance board, timeline, actor graph, claims with their source chains."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from ..actor_graph import FAMILY_LABELS, actor_graph, story_events
from ..stance_board import STANCE_COLUMNS, stance_board
from ..story_claims import story_claims
from ..page_cache import story_version
from ..timeline import timeline
from . import archive_of, found, render

router = APIRouter(include_in_schema=False)
# A page is for reading: past this many claims (big stories carry hundreds) the rest stay in the
# article pages, which also keeps the page fast on a large archive.
MAX_CLAIMS = 100
# Likewise the timeline shows its latest entries: a story of hundreds of articles has thousands.
MAX_TIMELINE = 200


@router.get("/stories/{story_id:path}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str):
    story = found(archive_of(request).story(story_id), "story", story_id)
    etag = f'"{story_version(story)}"'
    headers = {"ETag": etag, "Cache-Control": "no-cache"}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    cache = request.app.state.page_cache
    body = cache.get(etag)
    if body is None:
        body = render_story(request, story).body
        cache.put(etag, body)
    return HTMLResponse(body, headers=headers)


def render_story(request: Request, story: dict) -> HTMLResponse:
    articles = archive_of(request).article_records(story.get("articles") or [])
    names = {a["id"]: a.get("name") or a["id"] for a in story.get("actors") or [] if a.get("id")}
    for article in articles.values():
        for a in article.get("actors") or []:
            names.setdefault(a.get("id"), a.get("name") or a.get("id"))
    return render(request, "story.html", story=story, articles=articles, names=names,
                  board=stance_board(story), columns=STANCE_COLUMNS,
                  timeline=timeline(story, articles, latest=MAX_TIMELINE),
                  timeline_total=len(story.get("timeline") or []),
                  claims=story_claims(story, articles),
                  graph=actor_graph(story_events(articles.values()), names),
                  families=FAMILY_LABELS, max_claims=MAX_CLAIMS)
