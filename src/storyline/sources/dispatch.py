"""``read_paths``: every input path to a stream of Articles, in input order.

Each format reader is a generator ``(path, report) -> Articles`` that raises
``SourceError`` for a file it cannot read at all and records per-record problems
itself.  Here every failure becomes one problem entry, so one bad file never
stops a run, and a file that yields nothing without saying why is reported too.
"""
from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..model import Article
from .discover import Found, discover
from .feeds import read_feed_file
from .html import read_html_file
from .jsonl import read_jsonl_file, read_jsonl_stream
from .report import ProblemCallback, ReadReport, SourceError
from .text import read_text_file
from .warc import read_warc_file

Reader = Callable[[Path, ReadReport], Iterator[Article]]
READERS: dict[str, Reader] = {
    "text": read_text_file, "html": read_html_file, "jsonl": read_jsonl_file,
    "feed": read_feed_file, "warc": read_warc_file,
}


def read_paths(paths: Iterable[str | os.PathLike], report: ReadReport | None = None,
               on_problem: ProblemCallback | None = None) -> Iterator[Article]:
    """Yield the Articles in ``paths`` (files, folders, ``-`` for JSONL on stdin)."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]  # one path, not an iterable of characters
    report = report if report is not None else ReadReport()
    if on_problem is not None:
        report.on_problem = on_problem
    for found in discover(paths, report):
        report.files += 1
        for article in _read_one(found, report):
            report.articles += 1
            yield article


def _stdin_bytes():
    """Binary stdin; a replaced text stdin (tests, notebooks) is re-encoded as UTF-8."""
    return getattr(sys.stdin, "buffer", None) or io.BytesIO(sys.stdin.read().encode("utf-8"))


def _read_one(found: Found, report: ReadReport) -> Iterator[Article]:
    problems, skipped, count = len(report.problems), sum(report.skipped.values()), 0
    try:
        if found.path is None:
            articles = read_jsonl_stream(_stdin_bytes(), found.name, report)
        else:
            articles = READERS[found.format](found.path, report)
        for article in articles:
            count += 1
            yield article
    except SourceError as exc:
        report.problem(found.name, str(exc))
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        report.problem(found.name, f"truncated or corrupt gzip after {count} records ({exc})")
    except OSError as exc:
        report.problem(found.name, f"cannot read ({exc.strerror or exc})")
    except Exception as exc:  # a reader bug or library crash must not end the run
        report.problem(found.name, f"unreadable {found.format} ({type(exc).__name__}: {exc})")
    else:
        if not count and len(report.problems) == problems and sum(report.skipped.values()) == skipped:
            empty = found.path is not None and found.path.stat().st_size == 0
            report.problem(found.name, "empty file" if empty else f"no articles found in this {found.format} file")
