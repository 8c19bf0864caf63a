"""Reading the knowledge base's TSV tables.

Each table is a UTF-8 TSV with ``#`` comment lines (what the table is, its version), one header
row, and a ``source`` column recording where each row came from. Multi-valued cells use ``|``.
"""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Iterator

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_table(name: str) -> Iterator[dict[str, str]]:
    """Rows of ``data/<name>`` as dicts (header keys, empty cells as ``""``)."""
    path = DATA_DIR / name
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            yield {k: (v or "").strip() for k, v in row.items() if k is not None}


def split_list(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]
