"""HTML pages: trafilatura finds the article body and the page's metadata.

The body comes back one paragraph per line; we re-join it with blank lines (the
house paragraph form), drop a first line that repeats the title, and drop page
furniture with the same rules as plain text.  ``html_to_text`` is the small,
non-extracting converter for HTML fragments (feed entries) and the baseline of
``benchmarks/bench_extract.py``.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import lxml.html
from lxml import etree

from ..model import Article
from .boilerplate import strip_furniture
from .decode import declared_html_charset, decode_text, read_capped
from .normalize import build_article, normalize_text
from .report import ReadReport, SourceError

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # it logs every odd page at WARNING
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

_BLOCK_TAGS = frozenset("""address article aside blockquote dd div dl dt figcaption figure footer
form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table td th tr ul""".split())
_INVISIBLE_TAGS = ("script", "style", "noscript", "template", "head", "svg")


@dataclass(frozen=True)
class ExtractedPage:
    text: str
    title: str | None
    published: str | None
    sitename: str | None
    url: str | None


def extract_page(html: str, url: str | None = None) -> ExtractedPage | None:
    """The article of an HTML page, or None when trafilatura finds no main text."""
    from trafilatura import bare_extraction  # heavy import, only when HTML is read
    doc = bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                          include_tables=False, deduplicate=False)
    if doc is None or not (doc.text or "").strip():
        return None
    lines = [line for line in normalize_text(doc.text).split("\n") if line]
    if lines and doc.title and normalize_text(doc.title).casefold() == lines[0].casefold():
        lines = lines[1:]
    text = strip_furniture("\n\n".join(lines))
    if not text:
        return None
    return ExtractedPage(text=text, title=doc.title, published=doc.date,
                         sitename=doc.sitename or doc.hostname, url=doc.url)


def html_to_text(html: str) -> str:
    """All visible text of an HTML page or fragment, blocks as paragraphs (no extraction)."""
    if not html.strip():
        return ""
    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return normalize_text(html)
    for el in root.iter(*_INVISIBLE_TAGS):
        el.drop_tree() if el.getparent() is not None else el.clear()
    for el in root.iter(etree.Element):
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "br":
            el.tail = "\n" + (el.tail or "")
        elif tag in _BLOCK_TAGS:
            el.text = "\n\n" + (el.text or "")
            el.tail = "\n\n" + (el.tail or "")
    return normalize_text(root.text_content())


def decode_html(data: bytes, http_charset: str | None = None) -> tuple[str, str]:
    """Decode a page: the HTTP charset if any, else its ``<meta charset>``, else UTF-8/detection."""
    return decode_text(data, declared=http_charset or declared_html_charset(data))


def article_from_html(data: bytes, *, path: str, url: str | None, prefer_given_url: bool,
                      http_charset: str | None = None, provenance: dict | None = None,
                      report: ReadReport | None = None) -> Article:
    html, how = decode_html(data, http_charset)
    if report is not None:
        report.encodings[how] += 1
    page = extract_page(html, url=url if prefer_given_url else None)
    if page is None:
        raise SourceError("no article text found in the HTML page")
    page_url = url if prefer_given_url and url else (page.url or url)
    article = build_article(page.text, url=page_url, source=page.sitename, title=page.title,
                            published=page.published,
                            provenance={"path": path, "encoding": how, **(provenance or {})})
    if article is None:
        raise SourceError("no article text found in the HTML page")
    return article


def read_html_file(path: Path, report: ReadReport) -> Iterator[Article]:
    yield article_from_html(read_capped(path), path=str(path), url=path.resolve().as_uri(),
                            prefer_given_url=False, provenance={"format": "html", "offset": 0},
                            report=report)
