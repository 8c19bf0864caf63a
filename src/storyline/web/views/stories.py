"""The story list: search, filter by actor / outlet / dates, sort by activity."""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Optional

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from . import archive_of, render

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50
SORTS = {"activity": "most active", "recent": "most recent", "oldest": "oldest first"}
Text = Annotated[Optional[str], Query(max_length=500)]


@router.get("/", response_class=HTMLResponse)
@router.get("/stories", response_class=HTMLResponse)
def story_list(request: Request, q: Text = None, actor: Text = None, outlet: Text = None,
               since: Text = None, until: Text = None, sort: Text = "activity",
               page: Annotated[int, Query(ge=1, le=100_000)] = 1):
    archive = archive_of(request)
    problems = []
    since_day, until_day = _day(since, "from", problems), _day(until, "to", problems)
    sort = sort if sort in SORTS else "activity"
    found = archive.stories(q=q or None, actor=actor or None, outlet=outlet or None,
                            since=since_day, until=until_day, sort=sort,
                            limit=PAGE_SIZE + 1, offset=(page - 1) * PAGE_SIZE)
    filters = {"q": q or "", "actor": actor or "", "outlet": outlet or "",
               "since": since_day or "", "until": until_day or "", "sort": sort}
    shown = found[:PAGE_SIZE]
    # Suggestions for the actor filter come from the stories on the page: listing every actor
    # of the archive would cost an aggregate over all mentions on each visit.
    suggestions = {a["id"]: a.get("name") or a["id"]
                   for s in shown for a in s.get("actors") or [] if a.get("id")}
    return render(request, "stories.html", stories=shown, filters=filters, sorts=SORTS,
                  page=page, has_next=len(found) > PAGE_SIZE, problems=problems,
                  counts=archive.counts(), actor_suggestions=sorted(suggestions.items()))


def _day(value: Optional[str], label: str, problems: list[str]) -> Optional[str]:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        problems.append(f"Ignored the “{label}” date: use YYYY-MM-DD.")
        return None
