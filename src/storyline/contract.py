"""Checks that a record keeps the JSON contract (../shared/CONTRACT.md, schema_version 1).

Used by the tests on every article the pipeline emits, and available to anyone scripting against
storyline: ``problems = validate_article(record)`` returns what is wrong, empty when nothing is.
"""
from __future__ import annotations

import re
from typing import Any

from .model import ACTOR_KINDS, DATE_TYPES, GRANULARITIES, MODALITIES, PLOVER_TYPES, SCHEMA_VERSION

ARTICLE_KEYS = ("schema_version", "id", "url", "source", "title", "published",
                "published_estimate", "language", "text", "duplicate_of", "actors", "events",
                "claims", "dates")
STORY_KEYS = ("schema_version", "id", "title", "first_seen", "last_seen", "articles", "sources",
              "actors", "stances")
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ISO_VALUE = re.compile(r"^\d{4}(-(W\d{2}(-\d)?|\d{2}(-\d{2})?))?(/\d{4}(-(W\d{2}(-\d)?|\d{2}(-\d{2})?))?)?$")
CODE_ID = re.compile(r"^[A-Z][A-Z0-9]{1,9}$")
SLUG_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
STANCES = ("support", "oppose", "undecided")


def _span_problems(where: str, span: Any, text: str) -> list[str]:
    if not isinstance(span, dict):
        return [f"{where}: not an object"]
    start, end, piece = span.get("start"), span.get("end"), span.get("text")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
        return [f"{where}: bad offsets {start}..{end}"]
    if text[start:end] != piece:
        return [f"{where}: text {piece!r} is not the article text at {start}..{end} "
                f"({text[start:end]!r})"]
    return []


def _date_problems(where: str, date: Any) -> list[str]:
    problems = []
    if date.get("value") is not None and not ISO_VALUE.match(date["value"]):
        problems.append(f"{where}: value {date['value']!r} is not ISO 8601")
    if date.get("granularity") not in GRANULARITIES:
        problems.append(f"{where}: granularity {date.get('granularity')!r}")
    if date.get("type") not in DATE_TYPES:
        problems.append(f"{where}: type {date.get('type')!r}")
    return problems


def validate_article(record: dict[str, Any]) -> list[str]:
    """Everything in ``record`` that breaks the Article contract."""
    problems = [f"missing field {k!r}" for k in ARTICLE_KEYS if k not in record]
    if problems:
        return problems
    text = record["text"]
    if record["schema_version"] != SCHEMA_VERSION:
        problems.append(f"schema_version {record['schema_version']!r}")
    if record["published"] is not None and not ISO_DAY.match(record["published"]):
        problems.append(f"published {record['published']!r} is not YYYY-MM-DD")
    actor_ids = set()
    for i, actor in enumerate(record["actors"]):
        actor_ids.add(actor.get("id"))
        if actor.get("kind") not in ACTOR_KINDS:
            problems.append(f"actors[{i}]: kind {actor.get('kind')!r}")
        if not (CODE_ID.match(actor.get("id") or "") or SLUG_ID.match(actor.get("id") or "")):
            problems.append(f"actors[{i}]: id {actor.get('id')!r} is neither a code nor a slug")
        country = actor.get("country")
        if country is not None and not re.match(r"^[A-Z]{3}$", country):
            problems.append(f"actors[{i}]: country {country!r} is not ISO alpha-3")
        for j, mention in enumerate(actor.get("mentions", [])):
            problems += _span_problems(f"actors[{i}].mentions[{j}]", mention, text)
    n_claims = len(record["claims"])
    for i, event in enumerate(record["events"]):
        if event.get("type") not in PLOVER_TYPES:
            problems.append(f"events[{i}]: type {event.get('type')!r}")
        if event.get("modality") not in MODALITIES:
            problems.append(f"events[{i}]: modality {event.get('modality')!r}")
        for role in ("actor", "recipient"):
            for actor_id in event.get(role, []):
                if actor_id not in actor_ids:
                    problems.append(f"events[{i}].{role}: {actor_id!r} is not among the actors")
        problems += _span_problems(f"events[{i}].evidence", event.get("evidence"), text)
        if event.get("date"):
            problems += _date_problems(f"events[{i}].date", event["date"])
        claim = event.get("claim")
        if claim is not None and not (isinstance(claim, int) and 0 <= claim < n_claims):
            problems.append(f"events[{i}].claim {claim!r} is not a claim index")
    for i, claim in enumerate(record["claims"]):
        speaker = claim.get("speaker") or {}
        if not isinstance(speaker.get("text"), str):
            problems.append(f"claims[{i}].speaker.text missing")
        if speaker.get("kind") is not None and speaker["kind"] not in ACTOR_KINDS:
            problems.append(f"claims[{i}].speaker.kind {speaker['kind']!r}")
        if speaker.get("actor") is not None and speaker["actor"] not in actor_ids:
            problems.append(f"claims[{i}].speaker.actor {speaker['actor']!r} is not among the actors")
        if isinstance(speaker.get("start"), int):
            problems += _span_problems(f"claims[{i}].speaker", speaker, text)
        if claim.get("cue") is not None:
            problems += _span_problems(f"claims[{i}].cue", claim["cue"], text)
        problems += _span_problems(f"claims[{i}].content", claim.get("content"), text)
        if not isinstance(claim.get("direct"), bool):
            problems.append(f"claims[{i}].direct is not a boolean")
        if not isinstance(claim.get("via"), list):
            problems.append(f"claims[{i}].via is not a list")
    for i, date in enumerate(record["dates"]):
        problems += _span_problems(f"dates[{i}]", date, text)
        problems += _date_problems(f"dates[{i}]", date)
    return problems


def validate_story(record: dict[str, Any]) -> list[str]:
    """Everything in ``record`` that breaks the Story contract."""
    problems = [f"missing field {k!r}" for k in STORY_KEYS if k not in record]
    if problems:
        return problems
    for i, stance in enumerate(record["stances"]):
        if stance.get("stance") not in STANCES:
            problems.append(f"stances[{i}]: stance {stance.get('stance')!r}")
        if stance.get("as_of") is not None and not ISO_DAY.match(stance["as_of"]):
            problems.append(f"stances[{i}]: as_of {stance['as_of']!r}")
        for j, evidence in enumerate(stance.get("evidence", [])):
            if evidence.get("article") not in record["articles"]:
                problems.append(f"stances[{i}].evidence[{j}]: article not in the story")
    for i, entry in enumerate(record.get("timeline", [])):
        for j, ref in enumerate(entry.get("events", [])):
            if ref.get("article") not in record["articles"]:
                problems.append(f"timeline[{i}].events[{j}]: article not in the story")
    return problems
