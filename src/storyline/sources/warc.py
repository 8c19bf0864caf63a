"""WARC archives (``.warc``, ``.warc.gz``): HTML responses become articles.

Records are streamed (warcio), so archive size does not matter; only one
payload is in memory, capped like a file.  Non-response and non-HTML records
are counted in ``report.skipped``.  A record whose payload stops before its
declared length means the archive was cut short: the partial page is still
extracted (marked ``truncated``) and the problem names how many records were
complete.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from ..model import Article
from .decode import max_file_bytes
from .html import article_from_html
from .report import ReadReport, SourceError

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w:.\-]+)", re.I)
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _payload_type(record) -> str:
    headers = record.http_headers
    value = headers.get_header("Content-Type") if headers else None
    return (value or record.rec_headers.get_header("Content-Type") or "").strip()


def read_warc_file(path: Path, report: ReadReport) -> Iterator[Article]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    limit = max_file_bytes()
    complete = 0
    with open(path, "rb") as fh:
        records = ArchiveIterator(fh)
        try:
            for number, record in enumerate(records, start=1):
                if record.format != "warc":  # warcio falls back to the old ARC format on any text
                    raise SourceError(f"not a WARC file (record {number} has no WARC/ header)")
                content_type = _payload_type(record)
                if record.rec_type != "response":
                    report.skip(f"warc: {record.rec_type} record")
                    payload = None
                elif not content_type.lower().startswith(_HTML_TYPES):
                    report.skip("warc: non-HTML record")
                    payload = None
                else:
                    payload = record.content_stream().read(limit + 1)
                    if len(payload) > limit:
                        report.problem(f"{path}:record {number}", f"payload larger than the size limit {limit} bytes")
                        payload = None
                record.raw_stream.read()  # drain, so a cut-off record shows in the remaining limit
                offset = records.get_record_offset()  # only valid once the record is read
                truncated = bool(getattr(record.raw_stream, "limit", 0))
                if not truncated:
                    complete += 1
                if payload:
                    article = _article(record, payload, path, number, offset, truncated, report)
                    if article is not None:
                        yield article
                if truncated:
                    report.problem(str(path), f"truncated WARC/gzip after {complete} complete records "
                                              f"(record {number} is cut short)")
                    return
        except ArchiveLoadFailed as exc:
            reason = str(exc).split(",")[0].strip()[:120]  # warcio appends the raw first line
            raise SourceError(f"not a readable WARC after {complete} records ({reason})") from None
        except (EOFError, OSError) as exc:
            raise SourceError(f"truncated WARC/gzip after {complete} records ({exc})") from None
        if _has_unread_bytes(fh, getattr(records, "offset", None)):
            # warcio silently stops at a gzip member or record header that is cut off
            raise SourceError(f"truncated WARC/gzip after {complete} complete records (trailing bytes "
                              f"from offset {records.offset} are not a whole record)")
    if complete == 0:
        raise SourceError("no WARC records (empty, truncated or not a WARC file)")


def _has_unread_bytes(fh, end: int | None) -> bool:
    if end is None:
        return False
    fh.seek(end)
    return bool(fh.read(4096).strip(b"\r\n\x00"))


def _article(record, payload: bytes, path: Path, number: int, offset: int, truncated: bool,
             report: ReadReport) -> Article | None:
    charset = _CHARSET.search(_payload_type(record))
    provenance = {"format": "warc", "record": number, "offset": offset,
                  "warc_date": record.rec_headers.get_header("WARC-Date")}
    if truncated:
        provenance["truncated"] = True
    try:
        return article_from_html(payload, path=str(path), url=record.rec_headers.get_header("WARC-Target-URI"),
                                 prefer_given_url=True, http_charset=charset[1] if charset else None,
                                 provenance=provenance, report=report)
    except SourceError as exc:
        if not truncated:  # a cut-off page failing is part of the truncation problem reported next
            report.problem(f"{path}:record {number}", str(exc))
        return None
