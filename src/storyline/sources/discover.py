"""Which files to read, in which order, as which format.

Folders are walked recursively in sorted order (deterministic output), one
directory listing at a time, so thousands of files cost no memory up front.
Hidden files and folders are skipped.  The format comes from the extension; a
file named on the command line with an unknown extension is sniffed instead.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .report import ReadReport

STDIN = "-"
EXTENSIONS = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".html.gz": "html", ".htm.gz": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonl.gz": "jsonl",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".warc": "warc", ".warc.gz": "warc",
}


@dataclass(frozen=True)
class Found:
    path: Path | None  # None for stdin
    format: str

    @property
    def name(self) -> str:
        return STDIN if self.path is None else str(self.path)


def format_by_extension(path: Path) -> str | None:
    name = path.name.lower()
    for suffix in sorted(EXTENSIONS, key=len, reverse=True):  # ".html.gz" before ".gz"
        if name.endswith(suffix):
            return EXTENSIONS[suffix]
    return None


def sniff_format(path: Path) -> str | None:
    """Guess a format from the first bytes: WARC, feed, HTML, JSONL, else plain text."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(2048)
    except OSError:
        return None
    if head.startswith(b"\x1f\x8b"):
        return None  # gzip of unknown content
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith(b"warc/"):
        return "warc"
    if b"<rss" in lowered or b"<feed" in lowered or b"<rdf:rdf" in lowered:
        return "feed"
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<body" in lowered:
        return "html"
    if lowered.startswith(b"{"):
        return "jsonl"
    return "text"


def discover(paths: Iterable[str | os.PathLike], report: ReadReport) -> Iterator[Found]:
    for raw in paths:
        if str(raw) == STDIN:
            yield Found(None, "jsonl")
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path, report)
        elif path.is_file():
            fmt = format_by_extension(path) or sniff_format(path)
            if fmt is None:
                report.skip(f"unknown format {''.join(path.suffixes[-2:]) or '(no extension)'}")
            else:
                yield Found(path, fmt)
        else:
            report.problem(str(path), "no such file or folder")


def _walk(folder: Path, report: ReadReport) -> Iterator[Found]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        report.problem(str(folder), f"cannot list folder ({exc.strerror})")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(path, report)
        elif entry.is_file():
            fmt = format_by_extension(path)
            if fmt is None:
                report.skip(f"unknown extension {path.suffix.lower() or '(none)'}")
            else:
                yield Found(path, fmt)
