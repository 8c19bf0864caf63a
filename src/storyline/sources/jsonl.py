"""JSON Lines: one article object per line (``id,title,text,published,source,url``).

Lines are read one at a time with a length cap, so a huge file or stdin streams
in constant memory.  A bad line (not JSON, not an object, no ``text``) is one
problem naming ``file:line``; the other lines still count.
"""
from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import BinaryIO, Iterator

from ..model import Article
from .decode import max_file_bytes
from .normalize import build_article
from .report import ReadReport

FIELDS = ("id", "title", "text", "published", "source", "url")


def read_jsonl_stream(stream: BinaryIO, name: str, report: ReadReport) -> Iterator[Article]:
    limit = max_file_bytes()
    for number, raw in enumerate(iter(lambda: stream.readline(limit + 1), b""), start=1):
        where = f"{name}:{number}"
        if len(raw) > limit and not raw.endswith(b"\n"):
            report.problem(where, f"line longer than the size limit {limit} bytes; rest of file skipped")
            return
        if not raw.strip():
            continue
        try:
            record = json.loads(raw.decode("utf-8-sig"))
        except UnicodeDecodeError:
            report.problem(where, "line is not valid UTF-8")
            continue
        except json.JSONDecodeError as exc:
            report.problem(where, f"bad JSON: {exc.msg} (column {exc.colno})")
            continue
        if not isinstance(record, dict):
            report.problem(where, f"expected a JSON object, got {type(record).__name__}")
            continue
        text = record.get("text")
        if not isinstance(text, str) or not text.strip():
            report.problem(where, "no text")
            continue
        article = build_article(text, id=record.get("id"), url=record.get("url"), source=record.get("source"),
                                title=record.get("title"), published=record.get("published"),
                                provenance={"path": name, "format": "jsonl", "line": number})
        if article is None:
            report.problem(where, "no text")
            continue
        yield article


def read_jsonl_file(path: Path, report: ReadReport) -> Iterator[Article]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as stream:
        yield from read_jsonl_stream(stream, str(path), report)
