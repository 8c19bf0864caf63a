"""The JSON API: the CLI's contract over HTTP (reads open, ingest behind a token)."""
from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Optional, Union

from fastapi import APIRouter, Body, Depends, HTTPException, Query, Request, Security
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BeforeValidator

from . import schemas
from .security import token_matches
from .views import archive_of, found

router = APIRouter(prefix="/api", tags=["api"])
bearer = HTTPBearer(auto_error=False, description="the token the server was started with "
                    "(`storyline serve --token` or `$STORYLINE_TOKEN`)")

NOT_FOUND = {404: {"model": schemas.ErrorDetail, "description": "no such id"}}
Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Text = Annotated[Optional[str], Query(max_length=500)]


def iso_day_only(value: Any) -> Any:
    """Refuse what pydantic would otherwise read as a date (``0.0`` as a Unix timestamp)."""
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("expected a date YYYY-MM-DD")
    return value


Day = Annotated[Optional[dt.date], BeforeValidator(iso_day_only)]


@router.get("/articles", response_model=list[schemas.ArticleSummary],
            summary="List articles (optionally matching a full-text query)")
def list_articles(request: Request, q: Text = None, limit: Limit = 50, offset: Offset = 0):
    return archive_of(request).articles(q=q or None, limit=limit, offset=offset)


@router.get("/articles/{article_id:path}", response_model=schemas.Article, responses=NOT_FOUND,
            summary="One analysed article (contract Article + its story id)")
def get_article(request: Request, article_id: str):
    return found(archive_of(request).article(article_id), "article", article_id)


@router.get("/stories", response_model=list[schemas.Story],
            summary="List stories (contract Story without timeline/claims detail)")
def list_stories(request: Request, q: Text = None, actor: Text = None, outlet: Text = None,
                 since: Annotated[Day, Query(description="active since")] = None,
                 until: Annotated[Day, Query(description="active until")] = None,
                 sort: Annotated[str, Query(pattern="^(activity|recent|oldest)$")] = "activity",
                 limit: Limit = 50, offset: Offset = 0):
    return archive_of(request).stories(
        q=q or None, actor=actor or None, outlet=outlet or None, since=since and since.isoformat(),
        until=until and until.isoformat(), sort=sort, limit=limit, offset=offset)


@router.get("/stories/{story_id:path}", response_model=schemas.Story, responses=NOT_FOUND,
            summary="One full story: stances, timeline, claims")
def get_story(request: Request, story_id: str):
    return found(archive_of(request).story(story_id), "story", story_id)


@router.get("/actors", response_model=list[schemas.ActorSummary], summary="List actors")
def list_actors(request: Request, story: Text = None):
    return archive_of(request).actors(story=story or None)


@router.get("/actors/{actor_id:path}", response_model=schemas.Actor, responses=NOT_FOUND,
            summary="One actor: its stories and stance history")
def get_actor(request: Request, actor_id: str):
    return found(archive_of(request).actor(actor_id), "actor", actor_id)


@router.get("/counts", response_model=schemas.Counts, summary="How much the archive holds")
def counts(request: Request):
    return archive_of(request).counts()


def require_token(request: Request,
                  credentials: Optional[HTTPAuthorizationCredentials] = Security(bearer)) -> None:
    expected = request.app.state.token
    if not expected:
        raise HTTPException(403, "writes are disabled: start the server with --token TOKEN "
                                 "or set STORYLINE_TOKEN, then send 'Authorization: Bearer TOKEN'")
    if credentials is None or not token_matches(expected, credentials.credentials):
        raise HTTPException(401, "missing or wrong token: send 'Authorization: Bearer TOKEN'",
                            headers={"WWW-Authenticate": "Bearer"})


@router.post("/articles", response_model=schemas.IngestReport, status_code=200,
             dependencies=[Depends(require_token)],
             responses={400: {"model": schemas.ErrorDetail, "description": "body is not JSON"},
                        401: {"model": schemas.ErrorDetail, "description": "missing/wrong token"},
                        403: {"model": schemas.ErrorDetail, "description": "writes disabled"},
                        413: {"model": schemas.ErrorDetail, "description": "body too large"}},
             summary="Ingest one article or a list (analysed, deduplicated, assigned to stories)")
async def post_articles(request: Request, body: Annotated[
        Union[schemas.ArticleIn, schemas.ArticleList], Body()]):
    items = body if isinstance(body, list) else [body]
    articles, problems = [], []
    for number, item in enumerate(items, start=1):
        article = to_article(item, number)
        if article is None:
            problems.append((f"request:{number}", "no text"))
        else:
            articles.append(article)
    report = await run_in_threadpool(archive_of(request).ingest_articles, articles)
    result = report.to_dict()
    result["problems"] = [{"path": p, "reason": r} for p, r in problems] + result["problems"]
    result["ids"] = [a.id for a in articles]
    return result


def to_article(item: schemas.ArticleIn, number: int):
    """The same normalisation (and text-hash id) as an article read from a JSONL file."""
    from ..sources.normalize import build_article
    return build_article(item.text, id=item.id, url=item.url, source=item.source,
                         title=item.title, published=item.published,
                         provenance={"path": f"request:{number}", "format": "api"})
