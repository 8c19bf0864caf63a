"""Find every knowledge-base surface form in a text (countries, demonyms, capitals, IGOs, groups,
officials, outlets, government bodies) with one compiled regular expression.

Matching is case-sensitive on purpose ("US" is a country, "us" is not; "Turkey" vs "turkey") and
longest-first, so "EU Military Assistance Mission" beats "EU" and "National Security Council"
beats "Security Council". Accent-free spellings match too ("Simonyte" for "Šimonytė").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..kb import KnowledgeBase, SurfaceEntry, load_kb


_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class KbMatch:
    start: int
    end: int
    text: str
    entries: tuple[SurfaceEntry, ...]

    def of_kind(self, *kinds: str) -> list[SurfaceEntry]:
        return [e for e in self.entries if e.kind in kinds]


def _match_key(form: str) -> str:
    """Forms are indexed without a leading lower-case "the": the article is not part of a name."""
    return form[4:] if form.startswith("the ") else form


@lru_cache(maxsize=1)
def _compiled(kb_id: int) -> tuple[re.Pattern[str], dict[str, tuple[SurfaceEntry, ...]]]:
    kb = load_kb()
    by_key: dict[str, list[SurfaceEntry]] = {}
    for form, entries in kb.surface.items():
        key = _match_key(form)
        if len(key) < 2:
            continue
        for variant in {key, key.replace("'", "\u2019")}:
            bucket = by_key.setdefault(variant, [])
            bucket.extend(e for e in entries if e not in bucket)
    alternatives = sorted(by_key, key=len, reverse=True)
    # any run of whitespace (no-break spaces included) matches the space inside a form
    body = "|".join(r"\s+".join(map(re.escape, form.split(" "))) for form in alternatives)
    pattern = re.compile(r"(?<![\w])(?:" + body + r")(?![\w])")
    return pattern, {k: tuple(v) for k, v in by_key.items()}


def find_kb_matches(text: str, kb: KnowledgeBase | None = None) -> list[KbMatch]:
    kb = kb or load_kb()
    pattern, entries = _compiled(id(kb))
    return [KbMatch(m.start(), m.end(), m.group(0), entries[_SPACES.sub(" ", m.group(0))])
            for m in pattern.finditer(text)]
