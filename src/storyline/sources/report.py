"""What happened while reading: counts, problems and skips.

A bad file never stops a run; it becomes one ``(path, reason)`` entry in
``problems`` so the caller can print it and carry on.  ``on_problem`` lets the
CLI show problems while reading instead of only at the end.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

ProblemCallback = Callable[[str, str], None]


class SourceError(Exception):
    """A whole file (or record) cannot be read; the message says why, for a human."""


@dataclass
class ReadReport:
    files: int = 0
    articles: int = 0
    problems: list[tuple[str, str]] = field(default_factory=list)
    skipped: Counter = field(default_factory=Counter)
    encodings: Counter = field(default_factory=Counter)  # how texts were decoded, e.g. "cp1252 (detected)"
    on_problem: ProblemCallback | None = None

    def problem(self, where: str, reason: str) -> None:
        self.problems.append((where, reason))
        if self.on_problem is not None:
            self.on_problem(where, reason)

    def skip(self, reason: str, n: int = 1) -> None:
        self.skipped[reason] += n
