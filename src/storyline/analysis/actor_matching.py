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


def coordinated_group_matches(text: str, matches: list[KbMatch], kb: KnowledgeBase) -> list[KbMatch]:
    """"Nordic and Baltic states": the first group word shares the second one's head noun, so
    it is a group mention too (``Nordic`` → the Nordic countries)."""
    by_alias = {alias: g for g in kb.groups.values() for alias in g.aliases}
    extra = []
    for match in matches:
        group_entries = match.of_kind("group")
        if not group_entries:
            continue
        before = text[max(0, match.start - 40):match.start]
        found = re.search(r"(?<![\w-])([A-Z][\w\-]+)\s*(?:,|and|or|&)\s*$", before)
        if not found or found.group(1) not in by_alias:
            continue
        group = by_alias[found.group(1)]
        start = match.start - len(before) + found.start(1)
        entry = SurfaceEntry(found.group(1), "group", group.id, group.source)
        extra.append(KbMatch(start, start + len(found.group(1)), found.group(1), (entry,)))
    return extra
