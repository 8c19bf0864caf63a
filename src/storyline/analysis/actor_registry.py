"""Collects resolved mentions and turns them into the contract's ``Actor`` records.

Each mention carries its own reason (the rule or table row that resolved it) and sector; the
actor's ``reason`` is its first mention's, its ``sector`` the most frequent mention sector.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..model import Actor, Span


@dataclass
class ResolvedMention:
    start: int
    end: int
    text: str
    actor_id: str
    reason: str
    sector: str | None = None


@dataclass
class ActorDraft:
    id: str
    name: str
    kind: str
    country: str | None = None
    role: str | None = None
    mentions: list[ResolvedMention] = field(default_factory=list)


class ActorRegistry:
    def __init__(self) -> None:
        self.drafts: dict[str, ActorDraft] = {}
        self.excluded: list[dict] = []

    def get(self, actor_id: str) -> ActorDraft | None:
        return self.drafts.get(actor_id)

    def add(self, actor_id: str, name: str, kind: str, start: int, end: int, text: str,
            reason: str, *, country: str | None = None, role: str | None = None,
            sector: str | None = None) -> ActorDraft:
        draft = self.drafts.get(actor_id)
        if draft is None:
            draft = self.drafts[actor_id] = ActorDraft(actor_id, name, kind, country, role)
        else:
            draft.country = draft.country or country
            draft.role = draft.role or role
        if not any(m.start == start and m.end == end for m in draft.mentions):
            draft.mentions.append(ResolvedMention(start, end, text, actor_id, reason, sector))
        return draft

    def exclude(self, start: int, end: int, text: str, reason: str) -> None:
        self.excluded.append({"start": start, "end": end, "text": text, "reason": reason})

    def absorb(self, start: int, end: int, name: str) -> None:
        """A larger name spans [start, end): mentions inside it were only part of that name
        ("France" in "Radio France International") and are withdrawn, with the reason kept."""
        for draft in self.drafts.values():
            if draft.kind in ("person", "anonymous"):
                continue
            inside = [m for m in draft.mentions if start <= m.start and m.end <= end
                      and (m.start, m.end) != (start, end)]
            for m in inside:
                self.exclude(m.start, m.end, m.text, f"part of the name '{name}'")
            draft.mentions = [m for m in draft.mentions if m not in inside]

    def covers(self, start: int, end: int, kinds: tuple[str, ...] | None = None) -> bool:
        """Is any character of [start, end) already part of a resolved mention?"""
        return any(m.start < end and start < m.end
                   for d in self.drafts.values() if kinds is None or d.kind in kinds
                   for m in d.mentions)

    def actors(self) -> list[Actor]:
        result = []
        for draft in self.drafts.values():
            mentions = sorted(draft.mentions, key=lambda m: (m.start, m.end))
            if not mentions:
                continue
            sectors = Counter(m.sector for m in mentions if m.sector)
            # a country acts for itself: its ``country`` is its own code, so filters by country
            # find the state along with its people and bodies
            country = draft.id if draft.kind == "country" else draft.country
            result.append(Actor(
                id=draft.id, name=draft.name, kind=draft.kind, country=country,
                role=draft.role, mentions=[Span(m.start, m.end, m.text) for m in mentions],
                reason=mentions[0].reason,
                sector=sectors.most_common(1)[0][0] if sectors else None))
        result.sort(key=lambda a: (a.mentions[0].start, a.id))
        return result

    def spans(self) -> list[tuple[int, int, str]]:
        return sorted((m.start, m.end, d.id) for d in self.drafts.values() for m in d.mentions)

    def mention_details(self) -> list[dict]:
        return sorted(({"start": m.start, "end": m.end, "text": m.text, "actor": d.id,
                        "kind": d.kind, "sector": m.sector, "reason": m.reason}
                       for d in self.drafts.values() for m in d.mentions),
                      key=lambda x: (x["start"], x["end"], x["actor"]))
