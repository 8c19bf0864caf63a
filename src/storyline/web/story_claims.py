"""The story's claims, each with its source chain and how many outlets carry it.

A claim reaches the reader through a chain: the speaker, any intermediaries (``via``, nearest
the reader last), then the outlet that published the article. The same claim repeated by
several outlets (syndication, follow-ups) is shown once with its count of distinct sources,
because "five outlets say so, all citing one anonymous diplomat" is what a reader must see.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_WORD = re.compile(r"\w+")


@dataclass
class ClaimCopy:
    article: str
    claim: int
    source: str | None
    chain: list[str]


@dataclass
class StoryClaim:
    speaker: str
    speaker_actor: str | None
    speaker_kind: str | None
    cue: str | None
    content: str
    direct: bool
    copies: list[ClaimCopy] = field(default_factory=list)

    @property
    def chain(self) -> list[str]:
        return self.copies[0].chain if self.copies else [self.speaker]

    @property
    def source_count(self) -> int:
        return len({c.source or f"article {c.article}" for c in self.copies})


def story_claims(story: dict[str, Any], articles: dict[str, dict[str, Any]]) -> list[StoryClaim]:
    """Resolve the story's claim references; most widely carried claims first."""
    grouped: dict[tuple[str, str], StoryClaim] = {}
    for ref in story.get("claims") or []:
        article = articles.get(ref.get("article")) or {}
        claims = article.get("claims") or []
        index = ref.get("claim")
        if not isinstance(index, int) or not 0 <= index < len(claims):
            continue
        claim = claims[index]
        speaker = claim.get("speaker") or {}
        content = (claim.get("content") or {}).get("text", "")
        key = (speaker.get("actor") or _normal(speaker.get("text", "")), _normal(content))
        entry = grouped.get(key)
        if entry is None:
            entry = grouped[key] = StoryClaim(
                speaker=speaker.get("text") or "?", speaker_actor=speaker.get("actor"),
                speaker_kind=speaker.get("kind"), cue=(claim.get("cue") or {}).get("text"),
                content=content, direct=bool(claim.get("direct")))
        chain = [entry.speaker, *(claim.get("via") or [])]
        if article.get("source") and article["source"] not in chain:
            chain.append(article["source"])
        entry.copies.append(ClaimCopy(ref["article"], index, article.get("source"), chain))
    return sorted(grouped.values(), key=lambda c: -c.source_count)


def _normal(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))
