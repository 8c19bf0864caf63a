"""The stance board: per proposal, who supports it, who is undecided, who opposes it.

Built only from the Story's ``stances`` list; an actor appears in exactly the column of its
stance, with the evidence and ``as_of`` date the stories layer gave, never re-derived here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

STANCE_COLUMNS = ("support", "undecided", "oppose")


@dataclass
class StanceEntry:
    actor: str
    name: str
    stance: str
    as_of: str | None
    evidence: list[dict[str, Any]]
    since: str | None = None


@dataclass
class Proposal:
    target: str
    columns: dict[str, list[StanceEntry]] = field(
        default_factory=lambda: {c: [] for c in STANCE_COLUMNS})

    @property
    def size(self) -> int:
        return sum(len(v) for v in self.columns.values())


def stance_board(story: dict[str, Any]) -> list[Proposal]:
    """Group the story's stances by target; proposals with most actors first."""
    names = {a.get("id"): a.get("name") or a.get("id") for a in story.get("actors") or []}
    proposals: dict[str, Proposal] = {}
    for s in story.get("stances") or []:
        if s.get("stance") not in STANCE_COLUMNS:
            continue
        target = s.get("target") or "(unnamed proposal)"
        proposal = proposals.setdefault(target, Proposal(target))
        proposal.columns[s["stance"]].append(StanceEntry(
            actor=s.get("actor") or "?",
            name=names.get(s.get("actor")) or s.get("name") or s.get("actor") or "?",
            stance=s["stance"], as_of=s.get("as_of"), evidence=list(s.get("evidence") or []),
            since=s.get("since")))
    for proposal in proposals.values():
        for entries in proposal.columns.values():
            entries.sort(key=lambda e: e.name.lower())
    return sorted(proposals.values(), key=lambda p: (-p.size, p.target))
