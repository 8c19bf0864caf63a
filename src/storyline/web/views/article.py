"""The article reader: the text with actors, claims, events and dates highlighted."""
from __future__ import annotations

import re
from typing import Annotated, Optional

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from ..highlight import Mark, article_marks, segment_text
from . import archive_of, found, render

router = APIRouter(include_in_schema=False)


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str,
                 hl: Annotated[Optional[str], Query(max_length=40)] = None):
    """``hl=START-END`` marks a quoted passage (a stance's evidence) so the link lands on it."""
    article = found(archive_of(request).article(article_id), "article", article_id)
    text = article.get("text") or ""
    marks = article_marks(article)
    focus = re.fullmatch(r"(\d{1,9})-(\d{1,9})", hl or "")
    if focus:
        marks.append(Mark(int(focus[1]), int(focus[2]), "focus", "quoted as evidence"))
    names = {a.get("id"): a.get("name") or a.get("id") for a in article.get("actors") or []}
    return render(request, "article.html", article=article, segments=segment_text(text, marks),
                  names=names)
