"""Pydantic models documenting the JSON API in OpenAPI; they mirror ../shared/CONTRACT.md.

Every model allows extra fields: the contract may grow fields at any time ("add fields freely"),
and the API passes them through rather than dropping them. Only what the contract guarantees is
required, so a new optional field in the archive never breaks a response.
"""
from __future__ import annotations

from typing import Annotated, Any, Optional

from pydantic import BaseModel, ConfigDict, Field

MAX_TEXT_CHARS = 2_000_000
MAX_ARTICLES_PER_REQUEST = 500


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class TextSpan(Open):
    start: int
    end: int
    text: str


class DateValue(Open):
    value: Optional[str] = None
    granularity: Optional[str] = None
    type: Optional[str] = None
    end: Optional[str] = None


class ArticleActor(Open):
    id: str
    name: Optional[str] = None
    kind: Optional[str] = None
    country: Optional[str] = None
    role: Optional[str] = None
    mentions: list[TextSpan] = []


class Event(Open):
    type: str
    mode: Optional[str] = None
    modality: Optional[str] = None
    actor: list[str] = []
    recipient: list[str] = []
    date: Optional[DateValue] = None
    evidence: Optional[TextSpan] = None
    claim: Optional[int] = None


class Speaker(Open):
    text: Optional[str] = None
    actor: Optional[str] = None
    kind: Optional[str] = None


class Claim(Open):
    speaker: Optional[Speaker] = None
    cue: Optional[TextSpan] = None
    content: Optional[TextSpan] = None
    direct: Optional[bool] = None
    via: list[str] = []


class DateMention(Open):
    start: int
    end: int
    text: str
    value: Optional[str] = None
    granularity: Optional[str] = None
    type: Optional[str] = None


class ArticleSummary(Open):
    id: str
    title: Optional[str] = None
    source: Optional[str] = None
    published: Optional[str] = None
    duplicate_of: Optional[str] = None
    story: Optional[str] = None


class Article(ArticleSummary):
    """A contract Article plus the id of the story it was assigned to."""
    schema_version: int = 1
    url: Optional[str] = None
    published_estimate: Optional[dict[str, Any]] = None
    language: Optional[str] = None
    text: str
    actors: list[ArticleActor] = []
    events: list[Event] = []
    claims: list[Claim] = []
    dates: list[DateMention] = []


class StoryActor(Open):
    id: str
    name: Optional[str] = None
    kind: Optional[str] = None
    articles: Optional[int] = None


class Evidence(Open):
    article: str
    start: Optional[int] = None
    end: Optional[int] = None
    text: Optional[str] = None


class Stance(Open):
    actor: str
    target: Optional[str] = None
    stance: str
    as_of: Optional[str] = None
    evidence: list[Evidence] = []


class EventRef(Open):
    article: str
    event: int


class TimelineEntry(Open):
    date: Optional[DateValue] = None
    summary: Optional[str] = None
    events: list[EventRef] = []


class ClaimRef(Open):
    article: str
    claim: int


class Story(Open):
    """A contract Story; lists of stories may leave ``timeline`` and ``claims`` out."""
    schema_version: int = 1
    id: str
    title: Optional[str] = None
    first_seen: Optional[str] = None
    last_seen: Optional[str] = None
    articles: list[str] = []
    sources: list[Optional[str]] = []
    actors: list[StoryActor] = []
    stances: list[Stance] = []
    timeline: Optional[list[TimelineEntry]] = None
    claims: Optional[list[ClaimRef]] = None


class StoryRef(Open):
    id: str
    title: Optional[str] = None


class ActorStance(Open):
    story: str
    target: Optional[str] = None
    stance: str
    as_of: Optional[str] = None
    evidence: list[Evidence] = []


class ActorSummary(Open):
    id: str
    name: Optional[str] = None
    kind: Optional[str] = None
    country: Optional[str] = None
    role: Optional[str] = None


class Actor(ActorSummary):
    articles: Optional[int] = None
    stories: list[StoryRef] = []
    stances: list[ActorStance] = []


class Counts(Open):
    articles: int
    stories: int
    actors: int
    duplicates: Optional[int] = None


class ArticleIn(BaseModel):
    """Raw article to ingest: the contract's JSONL input fields (``text`` required)."""
    model_config = ConfigDict(extra="forbid")
    id: Optional[str] = Field(None, max_length=500,
                              description="stable id; omitted: a hash of the normalised text")
    title: Optional[str] = Field(None, max_length=2000)
    text: str = Field(..., min_length=1, max_length=MAX_TEXT_CHARS)
    published: Optional[str] = Field(None, max_length=40, description="YYYY-MM-DD if known")
    source: Optional[str] = Field(None, max_length=500, description="outlet name")
    url: Optional[str] = Field(None, max_length=4000)


ArticleList = Annotated[list[ArticleIn], Field(min_length=1, max_length=MAX_ARTICLES_PER_REQUEST)]


class Problem(Open):
    path: str
    reason: str


class IngestReport(Open):
    added: int
    duplicates: int
    unchanged: int
    problems: list[Problem] = []
    ids: list[str] = Field([], description="ids of the articles sent (new or already stored)")


class ErrorDetail(BaseModel):
    detail: Any

