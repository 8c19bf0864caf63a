"""The story's timeline, with each entry's event references resolved into readable events."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .highlight import event_label


@dataclass
class TimelineEvent:
    article: str
    index: int
    label: str
    type: str | None
    modality: str | None
    evidence: str
    actor: list[str]
    recipient: list[str]


@dataclass
class TimelineEntry:
    date: str
    granularity: str | None
    summary: str
    events: list[TimelineEvent] = field(default_factory=list)


def timeline(story: dict[str, Any], articles: dict[str, dict[str, Any]],
             latest: int | None = None) -> list[TimelineEntry]:
    """Entries in the story's order (only the ``latest`` ones if given); references to missing
    articles or events are skipped."""
    entries = []
    items = story.get("timeline") or []
    for item in items[-latest:] if latest else items:
        date = item.get("date") or {}
        entry = TimelineEntry(date=date.get("value") or "undated",
                              granularity=date.get("granularity"),
                              summary=item.get("summary") or "")
        for ref in item.get("events") or []:
            event = _event(articles, ref.get("article"), ref.get("event"))
            if event is not None:
                entry.events.append(TimelineEvent(
                    article=ref["article"], index=ref["event"], label=event_label(event),
                    type=event.get("type"), modality=event.get("modality"),
                    evidence=(event.get("evidence") or {}).get("text", ""),
                    actor=list(event.get("actor") or []),
                    recipient=list(event.get("recipient") or [])))
        entries.append(entry)
    return entries


def _event(articles: dict[str, dict[str, Any]], article_id: Any, index: Any) -> dict | None:
    events = (articles.get(article_id) or {}).get("events") or []
    return events[index] if isinstance(index, int) and 0 <= index < len(events) else None
