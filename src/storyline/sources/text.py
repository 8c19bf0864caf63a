"""Plain-text articles: optional header lines, then the body.

Header lines (any subset, any order, before the body): ``date YYYY-MM-DD``,
``title ...``, ``source ...``, ``url ...``; keys are lower-case, a colon after
the key is allowed.  A ``date`` header may share its line with the first
sentence (`` date 2024-05-30 France could ...``): the rest of the line is body.
Scraped text loses its page furniture, and a leading title line becomes ``title``.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from ..model import Article
from .boilerplate import split_title, strip_furniture
from .decode import decode_text, read_capped
from .normalize import build_article, normalize_text
from .report import ReadReport, SourceError

_DATE_HEADER = re.compile(r"date:?[ \t]+(\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?)\b[ \t]*(.*)")
_TEXT_HEADER = re.compile(r"(title|source):?[ \t]+(\S.*)")
_URL_HEADER = re.compile(r"url:?[ \t]+((?:https?|file|ftp)://\S+|www\.\S+)[ \t]*$")


def parse_headers(text: str) -> tuple[dict[str, str], str]:
    """Split ``text`` into its header fields and the body that follows them."""
    headers: dict[str, str] = {}
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        if not line and not headers:
            i += 1
            continue
        if m := _DATE_HEADER.fullmatch(line):
            headers.setdefault("date", m[1])
            if m[2]:  # the body starts on the header's line
                lines[i] = m[2]
                break
        elif (m := _URL_HEADER.fullmatch(line)) and "url" not in headers:
            headers["url"] = m[1]
        elif (m := _TEXT_HEADER.fullmatch(line)) and m[1] not in headers:
            headers[m[1]] = m[2].strip()
        else:
            break
        i += 1
    return headers, "\n".join(lines[i:])


def article_from_text(raw: str, *, path: str, url: str | None = None,
                      provenance: dict | None = None) -> Article | None:
    headers, body = parse_headers(normalize_text(raw))
    body = strip_furniture(body)
    title = headers.get("title")
    if title is None:
        title, body = split_title(body)
    elif body.split("\n", 1)[0].casefold() == title.casefold():
        body = body.partition("\n")[2]  # the page repeats its title header
    return build_article(body, url=headers.get("url") or url, source=headers.get("source"),
                         title=title, published=headers.get("date"),
                         provenance={"path": path, **(provenance or {})})


def read_text_file(path: Path, report: ReadReport) -> Iterator[Article]:
    text, how = decode_text(read_capped(path))
    report.encodings[how] += 1
    article = article_from_text(text, path=str(path), url=path.resolve().as_uri(),
                                provenance={"format": "txt", "encoding": how, "offset": 0})
    if article is None:
        raise SourceError("no text after the header lines")
    yield article
