"""RSS and Atom feeds: one article per entry.

feedparser reads the charset from the XML declaration (ISO-8859-1, -2, ...).
An entry's text is its full content (``content:encoded``) when present, else its
summary, with the HTML stripped; an entry with neither is a headline, and its
title becomes its text (``provenance["text_from"] = "title"``).  Malformed XML is reported (feedparser's
"bozo" flag) but entries it recovered are still kept.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..model import Article
from .decode import looks_binary, read_capped
from .html import html_to_text
from .normalize import build_article, to_day
from .report import ReadReport, SourceError


def _entry_text(entry) -> str:
    contents = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
    body = max(contents, key=len) if contents else entry.get("summary", "")
    return html_to_text(body)


def _entry_published(entry) -> str | None:
    """The calendar day as the feed wrote it; feedparser's parsed tuples are shifted to UTC."""
    for key in ("published", "updated", "created"):
        day = to_day(entry.get(key))
        if day:
            return day
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"
    return None


def read_feed_file(path: Path, report: ReadReport) -> Iterator[Article]:
    import feedparser  # only needed for feeds

    data = read_capped(path)
    if not data.strip():
        raise SourceError("empty file")
    if looks_binary(data):
        raise SourceError("binary file (NUL bytes)")
    parsed = feedparser.parse(data)
    if parsed.get("bozo"):
        exc = parsed.get("bozo_exception")
        kept = f"; kept {len(parsed.entries)} entries it recovered" if parsed.entries else ""
        report.problem(str(path), f"malformed XML: {exc}{kept}")
    if parsed.get("encoding"):
        report.encodings[f"{parsed.encoding} (feed)"] += 1
    if not parsed.entries and not parsed.get("bozo"):
        raise SourceError("no RSS/Atom entries (not a feed?)")
    feed_title = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, start=1):
        text, text_from = _entry_text(entry), "content"
        if not text.strip():
            text, text_from = entry.get("title", ""), "title"
        article = build_article(text, url=entry.get("link"), title=entry.get("title"),
                                source=feed_title, published=_entry_published(entry),
                                provenance={"path": str(path), "format": "feed", "record": number,
                                            "encoding": parsed.get("encoding"), "text_from": text_from})
        if article is None:
            report.problem(f"{path}:entry {number}", "feed entry has no text and no title")
            continue
        yield article
