"""Page furniture and title lines in text that came from a scraped page.

The phrases live in ``rules/furniture.tsv`` (with provenance); this module only
applies them.  Removal works on whole lines: a sentence that merely contains
"read more" is never touched.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_EDGE_MARKS = " \t\"'|:;•·*>»›<«‹→←↗▸▶►-–—…"
_SENTENCE_END = tuple(".!?:;,…\"'”’)]")
SHORT_LINE_WORDS = 12
TITLE_MAX_WORDS = 25
TITLE_MAX_CHARS = 200


@dataclass(frozen=True)
class FurnitureRules:
    lines: frozenset[str]
    prefixes: tuple[str, ...]
    sections: frozenset[str]


@lru_cache(maxsize=1)
def furniture_rules() -> FurnitureRules:
    table = resources.files(__package__).joinpath("rules/furniture.tsv").read_text("utf-8")
    rows = csv.DictReader((r for r in table.splitlines() if not r.startswith("#")), delimiter="\t")
    by_kind: dict[str, set[str]] = {"line": set(), "prefix": set(), "section": set()}
    for row in rows:
        by_kind[row["kind"]].add(_key(row["phrase"]))
    return FurnitureRules(frozenset(by_kind["line"] | by_kind["section"]),
                          tuple(sorted(by_kind["prefix"])), frozenset(by_kind["section"]))


def _key(line: str) -> str:
    return re.sub(r"\s+", " ", line.strip(_EDGE_MARKS).lower())


def _words(line: str) -> int:
    return len(line.split())


def is_furniture(line: str, rules: FurnitureRules | None = None) -> bool:
    rules = rules or furniture_rules()
    key = _key(line)
    if not key:
        return bool(line.strip())  # a line of only bullets/arrows
    if key in rules.lines:
        return True
    return _words(key) <= SHORT_LINE_WORDS and key.startswith(rules.prefixes)


def is_headline_like(line: str) -> bool:
    """Short and without closing punctuation: a link label or headline, not a sentence."""
    s = line.strip()
    return bool(s) and _words(s) <= SHORT_LINE_WORDS + 3 and not s.endswith(_SENTENCE_END)


def strip_furniture(text: str) -> str:
    """Drop furniture lines, and a trailing "Related ..." block of headline-like lines."""
    rules = furniture_rules()
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if _key(line) in rules.sections and all(is_headline_like(x) or not x.strip() for x in lines[i + 1:]):
            lines = lines[:i]
            break
    kept = [line for line in lines if not is_furniture(line, rules)]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n")


def split_title(text: str) -> tuple[str | None, str]:
    """Take a leading title line off a headerless page: ``(title, rest)``.

    A title is a first paragraph of one short line with no closing punctuation
    (and not a byline), followed by more text that reads like sentences.
    """
    head, sep, rest = text.partition("\n\n")
    if not sep or "\n" in head or not rest.strip():
        return None, text
    line = head.strip()
    if (len(line) > TITLE_MAX_CHARS or _words(line) > TITLE_MAX_WORDS or _words(line) < 2
            or line.endswith(_SENTENCE_END) or line.lower().startswith("by ")
            or not any(c.isalpha() for c in line)):
        return None, text
    if not any(p.rstrip().endswith(_SENTENCE_END) for p in rest.split("\n\n")[:3]):
        return None, text  # a list of headlines, not a titled article
    return line, rest
