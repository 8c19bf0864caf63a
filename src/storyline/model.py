"""The data model of storyline: typed records that mirror ../shared/CONTRACT.md.

Every record knows how to turn itself into the contract's JSON (``to_dict``).
Field names are the contract's; adding fields is allowed, renaming is not.
Offsets are 0-based, end-exclusive, into ``Article.text`` exactly as emitted.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = 1

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
MODALITIES = ("asserted", "intended", "threatened", "hypothetical", "negated", "possible")
ACTOR_KINDS = ("country", "igo", "person", "organization", "group", "outlet", "anonymous")
GRANULARITIES = ("day", "week", "month", "year")
DATE_TYPES = ("exact", "approximate", "range", "unresolved")


@dataclass(frozen=True)
class Span:
    """A verbatim piece of the article text."""
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass
class Actor:
    """A resolved actor with every place it is mentioned.

    ``reason`` records which rule or knowledge-base row resolved it (not in the
    contract's required fields, emitted as an extra field for auditability).
    """
    id: str
    name: str
    kind: str
    country: str | None = None
    role: str | None = None
    mentions: list[Span] = field(default_factory=list)
    reason: str | None = None
    sector: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = {"id": self.id, "name": self.name, "kind": self.kind, "country": self.country,
             "role": self.role, "mentions": [m.to_dict() for m in self.mentions]}
        if self.sector:
            d["sector"] = self.sector
        if self.reason:
            d["reason"] = self.reason
        return d


@dataclass(frozen=True)
class DateValue:
    """A resolved point or period in time, ISO 8601 (``2024-06-06``, ``2024-W23``, ``2024-06``)."""
    value: str | None
    granularity: str = "day"
    type: str = "exact"
    end: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "granularity": self.granularity, "type": self.type,
                "end": self.end}


@dataclass(frozen=True)
class DateMention:
    """A date expression found in the text and its resolution."""
    start: int
    end: int
    text: str
    value: str | None
    granularity: str = "day"
    type: str = "exact"
    end_value: str | None = None
    anchor: str | None = None  # what it was resolved against (e.g. "published", "previous date")

    def to_dict(self) -> dict[str, Any]:
        d = {"start": self.start, "end": self.end, "text": self.text, "value": self.value,
             "granularity": self.granularity, "type": self.type}
        if self.end_value:
            d["end_value"] = self.end_value
        if self.anchor:
            d["anchor"] = self.anchor
        return d

    @property
    def date(self) -> DateValue:
        return DateValue(self.value, self.granularity, self.type, self.end_value)


@dataclass(frozen=True)
class Speaker:
    text: str
    actor: str | None = None
    kind: str | None = None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"text": self.text, "actor": self.actor, "kind": self.kind}
        if self.start is not None:
            d["start"], d["end"] = self.start, self.end
        return d


@dataclass
class Claim:
    """Who said what, through whom. ``via`` lists intermediaries, nearest the reader last."""
    speaker: Speaker
    cue: Span | None
    content: Span
    direct: bool = False
    via: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"speaker": self.speaker.to_dict(),
                "cue": self.cue.to_dict() if self.cue else None,
                "content": self.content.to_dict(), "direct": self.direct, "via": list(self.via)}


@dataclass
class Event:
    """Who did what to whom, when, and whether it really happened (``modality``)."""
    type: str
    modality: str
    actor: list[str]
    recipient: list[str]
    evidence: Span
    mode: str | None = None
    date: DateValue | None = None
    claim: int | None = None
    trigger: Span | None = None
    date_source: str | None = None  # "clause" or "published-fallback"
    action: str | None = None  # the act itself before PLOVER folding (e.g. AID for an AGREE to aid)

    def to_dict(self) -> dict[str, Any]:
        d = {"type": self.type, "mode": self.mode, "modality": self.modality,
             "actor": list(self.actor), "recipient": list(self.recipient),
             "date": self.date.to_dict() if self.date else None,
             "evidence": self.evidence.to_dict(), "claim": self.claim}
        if self.trigger:
            d["trigger"] = self.trigger.to_dict()
        if self.date_source:
            d["date_source"] = self.date_source
        if self.action:
            d["action"] = self.action
        return d


@dataclass
class Article:
    """One news report: the reader's output and, after analysis, the contract's Article."""
    id: str
    text: str
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published: str | None = None
    published_estimate: dict[str, str] | None = None
    language: str = "en"
    duplicate_of: str | None = None
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    provenance: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "id": self.id, "url": self.url, "source": self.source, "title": self.title,
            "published": self.published, "published_estimate": self.published_estimate,
            "language": self.language, "text": self.text, "duplicate_of": self.duplicate_of,
            "actors": [a.to_dict() for a in self.actors],
            "events": [e.to_dict() for e in self.events],
            "claims": [c.to_dict() for c in self.claims],
            "dates": [d.to_dict() for d in self.dates],
            "provenance": self.provenance,
        }


def _span(d: dict | None) -> Span | None:
    return Span(d["start"], d["end"], d["text"]) if d else None


def article_from_dict(d: dict[str, Any]) -> Article:
    """Rebuild an analysed Article from its contract JSON (the inverse of ``Article.to_dict``)."""
    def date_value(x):
        return DateValue(x.get("value"), x.get("granularity", "day"), x.get("type", "exact"),
                         x.get("end")) if x else None

    return Article(
        id=d["id"], text=d["text"], url=d.get("url"), source=d.get("source"),
        title=d.get("title"), published=d.get("published"),
        published_estimate=d.get("published_estimate"), language=d.get("language", "en"),
        duplicate_of=d.get("duplicate_of"),
        actors=[Actor(id=a["id"], name=a["name"], kind=a["kind"], country=a.get("country"),
                      role=a.get("role"), mentions=[_span(m) for m in a.get("mentions", [])],
                      reason=a.get("reason"), sector=a.get("sector"))
                for a in d.get("actors", [])],
        events=[Event(type=e["type"], modality=e["modality"], actor=list(e.get("actor", [])),
                      recipient=list(e.get("recipient", [])), evidence=_span(e["evidence"]),
                      mode=e.get("mode"), date=date_value(e.get("date")), claim=e.get("claim"),
                      trigger=_span(e.get("trigger")), date_source=e.get("date_source"),
                      action=e.get("action"))
                for e in d.get("events", [])],
        claims=[Claim(speaker=Speaker(c["speaker"]["text"], c["speaker"].get("actor"),
                                      c["speaker"].get("kind"), c["speaker"].get("start"),
                                      c["speaker"].get("end")),
                      cue=_span(c.get("cue")), content=_span(c["content"]),
                      direct=bool(c.get("direct")), via=list(c.get("via", [])))
                for c in d.get("claims", [])],
        dates=[DateMention(start=x["start"], end=x["end"], text=x["text"], value=x.get("value"),
                           granularity=x.get("granularity", "day"), type=x.get("type", "exact"),
                           end_value=x.get("end_value"), anchor=x.get("anchor"))
               for x in d.get("dates", [])],
        provenance=d.get("provenance") or {},
    )
