"""Flat CSV tables of analysed articles (``storyline export --format csv``): one row per event,
actor or claim, for spreadsheets and R/pandas. Lists are joined with ``;``."""
from __future__ import annotations

import csv
from typing import Any, Callable, Iterable, TextIO

from .plover import _as_dict


def _join(values: Iterable[Any]) -> str:
    return ";".join(str(v) for v in values if v is not None)


def _text(span: dict | None) -> str | None:
    return span.get("text") if span else None


def _event_rows(article: dict) -> Iterable[dict]:
    for i, e in enumerate(article.get("events") or []):
        date = e.get("date") or {}
        yield {"article_id": article.get("id"), "event": i, "type": e.get("type"),
               "action": e.get("action") or e.get("type"), "mode": e.get("mode"),
               "modality": e.get("modality"),
               "actor": _join(e.get("actor") or []), "recipient": _join(e.get("recipient") or []),
               "date": date.get("value"), "date_granularity": date.get("granularity"),
               "date_source": e.get("date_source"), "claim": e.get("claim"),
               "trigger": _text(e.get("trigger")), "evidence": _text(e.get("evidence")),
               "published": article.get("published"), "url": article.get("url")}


def _actor_rows(article: dict) -> Iterable[dict]:
    for a in article.get("actors") or []:
        yield {"article_id": article.get("id"), "id": a.get("id"), "name": a.get("name"),
               "kind": a.get("kind"), "country": a.get("country"), "role": a.get("role"),
               "mentions": len(a.get("mentions") or []),
               "first_mention": _text((a.get("mentions") or [None])[0])}


def _claim_rows(article: dict) -> Iterable[dict]:
    for i, c in enumerate(article.get("claims") or []):
        speaker = c.get("speaker") or {}
        yield {"article_id": article.get("id"), "claim": i, "speaker": speaker.get("text"),
               "speaker_actor": speaker.get("actor"), "speaker_kind": speaker.get("kind"),
               "cue": _text(c.get("cue")), "content": _text(c.get("content")),
               "direct": c.get("direct"), "via": _join(c.get("via") or [])}


TABLES: dict[str, tuple[list[str], Callable[[dict], Iterable[dict]]]] = {
    "events": (["article_id", "event", "type", "action", "mode", "modality", "actor", "recipient", "date",
                "date_granularity", "date_source", "claim", "trigger", "evidence", "published",
                "url"], _event_rows),
    "actors": (["article_id", "id", "name", "kind", "country", "role", "mentions",
                "first_mention"], _actor_rows),
    "claims": (["article_id", "claim", "speaker", "speaker_actor", "speaker_kind", "cue",
                "content", "direct", "via"], _claim_rows),
}


def write_csv(articles: Iterable[Any], stream: TextIO, table: str = "events") -> int:
    """Write one table (events, actors or claims) as CSV with a header; returns the row count."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    columns, rows = TABLES[table]
    writer = csv.DictWriter(stream, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    count = 0
    for article in map(_as_dict, articles):
        for row in rows(article):
            writer.writerow(row)
            count += 1
    return count
