"""One text form for every reader, one id rule, one date form.

Text: Unicode NFC; no-break and other odd spaces become a plain space; zero-width
characters and soft hyphens vanish; curly quotes stay (they are evidence of
quotation); lines are trimmed with inner runs of spaces collapsed; paragraphs are
separated by exactly one blank line.  Every analysis offset points into this form.

Id: the id the input gives, else ``sha1(normalised text)`` as 16 hex characters,
so the same text read from a .txt, a feed or a WARC gets the same id.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from ..model import Article

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_ODD_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\x0b\x0c]")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u0085]")
_PARAGRAPH_BREAKS = re.compile(r"\u2029")
_SPACES = re.compile(r" {2,}")
_BLANK_RUNS = re.compile(r"\n{3,}")
_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d|Z)")


def normalize_text(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_ZERO_WIDTH)
    text = _PARAGRAPH_BREAKS.sub("\n\n", _LINE_BREAKS.sub("\n", text))
    text = _ODD_SPACES.sub(" ", text)
    lines = [_SPACES.sub(" ", line.strip()) for line in text.split("\n")]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n")


def paragraphs_text(paragraphs: list[str]) -> str:
    """Join paragraphs (each possibly holding line breaks) with one blank line."""
    return "\n\n".join(p for p in paragraphs if p.strip())


def text_id(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def to_day(value: Any) -> str | None:
    """``YYYY-MM-DD`` from an ISO date/datetime, an RFC 822 date or a date object; else None.

    The calendar day is taken as written (local to the publisher), not converted to UTC.
    """
    if value is None:
        return None
    if isinstance(value, (date, datetime)):
        return value.strftime("%Y-%m-%d")
    value = str(value).strip()
    m = _ISO_DAY.match(value)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def build_article(text: str, *, id: Any = None, url: str | None = None, source: str | None = None,
                  title: str | None = None, published: Any = None,
                  provenance: dict[str, Any] | None = None) -> Article | None:
    """The reader's Article, or None when nothing is left of the text after normalising."""
    text = normalize_text(text or "")
    if not text:
        return None
    clean = lambda s: (normalize_text(str(s)).replace("\n", " ") or None) if s is not None else None  # noqa: E731
    return Article(id=str(id).strip() if id not in (None, "") else text_id(text), text=text,
                   url=clean(url), source=clean(source), title=clean(title),
                   published=to_day(published), provenance=dict(provenance or {}))
