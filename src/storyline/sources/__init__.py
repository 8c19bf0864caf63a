"""Readers: files in, ``storyline.model.Article`` records out, robust to bad input.

    from storyline.sources import read_paths, ReadReport
    report = ReadReport()
    for article in read_paths(["page.html", "folder/", "-"], report=report):
        ...
    report.problems   # [(path, reason)], one per bad file or record

One module per format (text, html, jsonl, feeds, warc); ``discover`` picks the
files and formats, ``decode`` turns bytes into text, ``normalize`` fixes the
text form, the id rule and the date form, ``boilerplate`` removes page furniture.
"""
from __future__ import annotations

from .dispatch import read_paths
from .report import ReadReport, SourceError

__all__ = ["read_paths", "ReadReport", "SourceError"]
