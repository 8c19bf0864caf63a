"""Cut an article's text into segments, each knowing which annotations cover it.

Annotations overlap (a date inside a claim's content, an actor inside an event), so instead of
nesting tags the text is split at every annotation boundary; each segment carries the set of
marks over it and the template renders it as one escaped ``<span>``. The text itself is never
marked safe: it stays plain data until Jinja escapes it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Mark:
    """One annotation over ``text[start:end]``.

    ``kind``: actor, speaker, cue, content (of a claim), event, date, or focus (a quoted passage).
    """
    start: int
    end: int
    kind: str
    label: str
    actor: str | None = None
    claim: int | None = None


@dataclass
class Segment:
    text: str
    start: int
    marks: list[Mark] = field(default_factory=list)

    @property
    def css_class(self) -> str:
        return " ".join(sorted({f"hl-{m.kind}" for m in self.marks}))

    @property
    def title(self) -> str:
        return "; ".join(dict.fromkeys(m.label for m in self.marks if m.label))

    @property
    def actors(self) -> list[str]:
        """Actors mentioned here, innermost mention first ("Reuters" inside "Reuters' sources")."""
        inner_first = sorted((m for m in self.marks if m.kind == "actor" and m.actor),
                             key=lambda m: m.end - m.start)
        return list(dict.fromkeys(m.actor for m in inner_first))

    @property
    def actor(self) -> str | None:
        return (self.actors or [None])[0]

    @property
    def anchor(self) -> str | None:
        """``focus`` where a quoted passage begins, so ``#focus`` scrolls to it."""
        return "focus" if any(m.kind == "focus" and m.start == self.start
                              for m in self.marks) else None

    @property
    def claim(self) -> int | None:
        return next((m.claim for m in self.marks if m.claim is not None), None)


def article_marks(article: dict[str, Any]) -> list[Mark]:
    """Every highlightable span the analysis found in one contract Article dict."""
    marks: list[Mark] = []
    for actor in article.get("actors") or []:
        label = f"{actor.get('name')} ({actor.get('id')})"
        for m in actor.get("mentions") or []:
            marks.append(Mark(m["start"], m["end"], "actor", label, actor=actor.get("id")))
    for index, claim in enumerate(article.get("claims") or []):
        speaker = claim.get("speaker") or {}
        who = speaker.get("text") or "?"
        if speaker.get("start") is not None and speaker.get("end") is not None:
            marks.append(Mark(speaker["start"], speaker["end"], "speaker", f"speaker: {who}",
                              claim=index))
        if claim.get("cue"):
            marks.append(Mark(claim["cue"]["start"], claim["cue"]["end"], "cue",
                              f"cue: {claim['cue'].get('text')}", claim=index))
        if claim.get("content"):
            via = " via " + ", ".join(claim["via"]) if claim.get("via") else ""
            marks.append(Mark(claim["content"]["start"], claim["content"]["end"], "content",
                              f"claim by {who}{via}", claim=index))
    for event in article.get("events") or []:
        span = event.get("trigger") or event.get("evidence")
        if span:
            marks.append(Mark(span["start"], span["end"], "event", event_label(event)))
    for date in article.get("dates") or []:
        marks.append(Mark(date["start"], date["end"], "date",
                          f"date: {date.get('value') or 'unresolved'}"))
    return marks


def event_label(event: dict[str, Any]) -> str:
    who = ", ".join(event.get("actor") or []) or "?"
    whom = ", ".join(event.get("recipient") or [])
    arrow = f"{who} → {whom}" if whom else who
    return f"{event.get('type')} ({event.get('modality')}): {arrow}"


def segment_text(text: str, marks: list[Mark]) -> list[Segment]:
    """Split ``text`` at every mark boundary; marks outside the text are dropped, not trusted."""
    n = len(text)
    valid = [m for m in marks if 0 <= m.start < m.end <= n]
    cuts = sorted({0, n, *(m.start for m in valid), *(m.end for m in valid)})
    by_start = sorted(valid, key=lambda m: m.start)
    segments: list[Segment] = []
    active: list[Mark] = []
    next_mark = 0
    for left, right in zip(cuts, cuts[1:]):
        while next_mark < len(by_start) and by_start[next_mark].start <= left:
            active.append(by_start[next_mark])
            next_mark += 1
        active = [m for m in active if m.end > left]
        segments.append(Segment(text[left:right], left, list(active)))
    return segments
