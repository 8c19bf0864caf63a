"""The time layer's word lists, loaded once from ``lexicons/time_words.json``.

Keeping month names, relative words and tense cues as data lets a reviewer audit (and extend)
what the date grammar accepts without reading regular expressions.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LEXICON_PATH = Path(__file__).resolve().parent / "lexicons" / "time_words.json"


@dataclass(frozen=True)
class TimeLexicon:
    months: dict[str, int]               # full names and abbreviations → month number
    full_months: frozenset[str]
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]             # name → Monday=0
    day_parts: tuple[str, ...]
    deictic_days: dict[str, int]         # "yesterday" → -1
    calendar_offsets: dict[str, int]     # "last" → -1 (last week)
    anaphoric_offsets: dict[str, int]    # "following" → +1 (the following day)
    units: dict[str, str]
    period_parts: dict[str, tuple[float, float]]
    partial_relatives: dict[str, int]
    numbers: dict[str, int]
    vague_numbers: frozenset[str]
    seasons: dict[str, tuple[int, int]]
    future_cues: frozenset[str]
    past_cues: frozenset[str]
    date_prepositions: frozenset[str]
    dateline_blockers: frozenset[str]

    def alternation(self, words) -> str:
        """A regex alternation, longest first so that 'september' wins over 'sep'."""
        return "|".join(re.escape(w).replace(r"\ ", r"\s+")
                        for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def time_lexicon() -> TimeLexicon:
    raw = json.loads(LEXICON_PATH.read_text(encoding="utf-8"))
    months = dict(raw["months"])
    months.update(raw["month_abbreviations"])
    return TimeLexicon(
        months=months,
        full_months=frozenset(raw["months"]),
        ambiguous_months=frozenset(raw["ambiguous_months"]),
        weekdays=dict(raw["weekdays"]),
        day_parts=tuple(raw["day_parts"]),
        deictic_days=dict(raw["deictic_days"]),
        calendar_offsets=dict(raw["calendar_offsets"]),
        anaphoric_offsets=dict(raw["anaphoric_offsets"]),
        units=dict(raw["units"]),
        period_parts={k: (float(a), float(b)) for k, (a, b) in raw["period_parts"].items()},
        partial_relatives=dict(raw["partial_relatives"]),
        numbers=dict(raw["numbers"]),
        vague_numbers=frozenset(raw["vague_numbers"]),
        seasons={k: (int(a), int(b)) for k, (a, b) in raw["seasons"].items()},
        future_cues=frozenset(raw["future_cues"]),
        past_cues=frozenset(raw["past_cues"]),
        date_prepositions=frozenset(raw["date_prepositions"]),
        dateline_blockers=frozenset(raw["dateline_blockers"]),
    )
