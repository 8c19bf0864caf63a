"""The story page: stance board, timeline, actor graph, claims with their source chains."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ..actor_graph import FAMILY_LABELS, actor_graph, story_events
from ..stance_board import STANCE_COLUMNS, stance_board
from ..story_claims import story_claims
from ..timeline import timeline
from . import archive_of, found, render

router = APIRouter(include_in_schema=False)
# A page is for reading: past this many claims (big stories carry hundreds) the rest stay in the
# article pages, which also keeps the page fast on a large archive.
MAX_CLAIMS = 100


@router.get("/stories/{story_id:path}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str):
    archive = archive_of(request)
    story = found(archive.story(story_id), "story", story_id)
    articles = archive.article_records(story.get("articles") or [])
    names = {a["id"]: a.get("name") or a["id"] for a in story.get("actors") or [] if a.get("id")}
    for article in articles.values():
        for a in article.get("actors") or []:
            names.setdefault(a.get("id"), a.get("name") or a.get("id"))
    return render(request, "story.html", story=story, articles=articles, names=names,
                  board=stance_board(story), columns=STANCE_COLUMNS,
                  timeline=timeline(story, articles), claims=story_claims(story, articles),
                  graph=actor_graph(story_events(articles.values()), names),
                  families=FAMILY_LABELS, max_claims=MAX_CLAIMS)
