"""Hand-built analysed articles for the stories-layer tests (no spaCy pass needed).

Actor mentions are found by plain substring search so each test reads as the sentences it uses.
"""
from __future__ import annotations

import re
from typing import Any


def actor(id_: str, name: str, kind: str, text: str, surfaces: list[str] | None = None,
          country: str | None = None) -> dict[str, Any]:
    mentions = []
    for surface in surfaces or [name]:
        for m in re.finditer(r"\b" + re.escape(surface) + r"\b", text):
            mentions.append({"start": m.start(), "end": m.end(), "text": surface})
    return {"id": id_, "name": name, "kind": kind, "country": country, "role": None,
            "mentions": sorted(mentions, key=lambda m: m["start"])}


def span(text: str, piece: str) -> dict[str, Any]:
    start = text.index(piece)
    return {"start": start, "end": start + len(piece), "text": piece}


def article(id_: str, text: str, published: str | None = "2024-03-04", title: str | None = None,
            source: str | None = "Test Wire", actors=(), events=(), claims=(), dates=(),
            duplicate_of: str | None = None) -> dict[str, Any]:
    return {"schema_version": 1, "id": id_, "url": None, "source": source, "title": title,
            "published": published, "published_estimate": None, "language": "en", "text": text,
            "duplicate_of": duplicate_of, "actors": list(actors), "events": list(events),
            "claims": list(claims), "dates": list(dates)}


def event(text: str, type_: str, modality: str, actors: list[str], evidence: str, trigger: str,
          recipients=(), date: dict | None = None) -> dict[str, Any]:
    ev = span(text, evidence)
    trig_start = text.index(trigger, ev["start"])
    return {"type": type_, "mode": None, "modality": modality, "actor": actors,
            "recipient": list(recipients), "date": date, "evidence": ev, "claim": None,
            "trigger": {"start": trig_start, "end": trig_start + len(trigger), "text": trigger}}


def claim(text: str, speaker: str, speaker_actor: str | None, kind: str, cue: str, content: str,
          via=(), direct: bool = False) -> dict[str, Any]:
    return {"speaker": {"text": speaker, "actor": speaker_actor, "kind": kind},
            "cue": span(text, cue), "content": span(text, content), "direct": direct, "via": list(via)}
