"""Bytes in, text out: size cap, gzip, binary detection and charset choice.

Order of trust for the charset: a byte-order mark, then the charset the
document declares, then UTF-8, then statistical detection (charset_normalizer).
One exception: bytes that are valid multi-byte UTF-8 are UTF-8 even when the page
declares a single-byte charset (a mislabel; real latin-1 text is almost never
valid UTF-8).
The winner is returned with a label saying which rule chose it, so provenance
can tell a reader how the text was decoded.
"""
from __future__ import annotations

import codecs
import gzip
import os
import re
import zlib
from pathlib import Path

from .report import SourceError

DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024
# WHATWG: browsers decode these labels as windows-1252, and so do we.
_WEB_ALIASES = {"iso8859-1": "cp1252", "ascii": "cp1252"}  # keyed by Python's codec name
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)""", re.I)
_PREFERRED_LEGACY = ("cp1252", "iso8859_15", "latin_1")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def max_file_bytes() -> int:
    """The size cap, from ``STORYLINE_MAX_FILE_BYTES`` (bytes) or 20 MB."""
    try:
        return int(os.environ.get("STORYLINE_MAX_FILE_BYTES", DEFAULT_MAX_FILE_BYTES))
    except ValueError:
        return DEFAULT_MAX_FILE_BYTES


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB"


def read_capped(path: Path, limit: int | None = None) -> bytes:
    """Read a whole file (gunzipping ``*.gz``) but never more than ``limit`` bytes.

    Reading ``limit + 1`` bytes, not stat-ing, also caps what a small gzip bomb expands to.
    """
    limit = max_file_bytes() if limit is None else limit
    gzipped = path.name.lower().endswith(".gz")
    try:
        with (gzip.open(path, "rb") if gzipped else open(path, "rb")) as fh:
            data = fh.read(limit + 1)
    except EOFError:
        raise SourceError("truncated gzip (compressed data ends early)") from None
    except (gzip.BadGzipFile, zlib.error) as exc:
        raise SourceError(f"not a valid gzip file ({exc})") from None
    if len(data) > limit:
        what = "decompresses to more than" if gzipped else "file larger than"
        raise SourceError(f"{what} the size limit {_mb(limit)} (set STORYLINE_MAX_FILE_BYTES to raise it)")
    return data


def declared_html_charset(data: bytes) -> str | None:
    """The ``<meta charset>`` (or http-equiv) declared in the first 4 KB of an HTML page."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("'\"")).name
    except LookupError:
        return None
    return _WEB_ALIASES.get(name, name)


def looks_binary(data: bytes) -> bool:
    """NUL bytes in the first 8 KB mean binary (UTF-16/32 with a BOM excepted)."""
    head = data[:8192]
    return b"\x00" in head and not any(head.startswith(bom) for bom, _ in _BOMS[1:])


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data``; return ``(text, how)`` where ``how`` names the charset and the rule used."""
    if not data.strip():
        raise SourceError("empty file")
    if looks_binary(data):
        raise SourceError("binary file (NUL bytes)")
    text, how = _decode(data, declared)
    sample = text[:8192]
    if sample and len(_CONTROL.findall(sample)) > 0.01 * len(sample):
        raise SourceError(f"binary file (control characters after decoding as {how})")
    return text, how


def _detect(data: bytes):
    """charset_normalizer's guess; among equally clean decodings prefer windows-1252.

    Its ranking between, say, cp1250 and cp1252 for French or English text rests
    on weak language evidence; windows-1252 is the commonest legacy charset of
    Western web pages (the WHATWG default), so it wins ties on noise ("chaos").
    """
    from charset_normalizer import from_bytes  # imported late: only odd files need it
    results = list(from_bytes(data[:1_000_000]))
    if not results:
        return None
    best = results[0]
    for match in results:
        if match.encoding in _PREFERRED_LEGACY and match.chaos <= best.chaos + 0.01:
            return match
    return best


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def _decode(data: bytes, declared: str | None) -> tuple[str, str]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), f"{codec} (byte-order mark)"
            except UnicodeDecodeError:
                break
    codec = _codec(declared)
    if codec and codec != "utf-8" and not data.isascii() and _is_utf8(data):
        # A page declaring latin-1 yet holding valid multi-byte UTF-8 is mislabelled, not latin-1.
        return data.decode("utf-8"), f"utf-8 (valid UTF-8 despite declared {declared})"
    if codec:
        try:
            return data.decode(codec), f"{codec} (declared)"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = _detect(data)
    why = "declared charset failed" if declared else "not valid UTF-8 and no declared charset"
    if best is None or not best.encoding:
        raise SourceError(f"{why}; charset detection failed")
    try:
        return data.decode(best.encoding), f"{best.encoding} (detected; {why})"
    except UnicodeDecodeError:
        raise SourceError(f"{why}; detected {best.encoding} does not decode the file") from None
