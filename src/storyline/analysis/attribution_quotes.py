"""Quotation regions of an article: where verbatim speech starts and ends.

A region runs from an opening quotation mark to its closing mark. News style lets a quote run
over several paragraphs: a paragraph that ends inside an open quote and a next paragraph that
starts with an opening mark continue the same region. Straight ASCII quotes are paired by
alternation inside a paragraph, and so are doubled apostrophes (''...''), the quotation mark of
some newspapers' archives (the New York Times in PolNeAR) and of typewriter-era text. These
undirected marks are read by their sides: one glued to the word after it and spaced before
can only open a quote, which keeps one missing mark from flipping the rest of a paragraph.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

OPENING = "“«„"
CLOSING = "”»“"  # German-style „…“ closes with “
STRAIGHT = '"'
QUOTE_CHARS = set(OPENING + CLOSING + STRAIGHT)
DOUBLED = "''"


def opens_quote(text: str, offset: int) -> bool:
    """A quotation mark starts at ``offset``."""
    return text[offset:offset + 1] in tuple(OPENING + STRAIGHT) or text.startswith(DOUBLED, offset)


def closes_quote(text: str, end: int) -> bool:
    """A quotation mark ends just before ``end``."""
    return end > 0 and (text[end - 1] in CLOSING + STRAIGHT + "»" or text.endswith(DOUBLED, 0, end))
_PARAGRAPH = re.compile(r"\n\s*\n|\r\n\s*\r\n")


@dataclass(frozen=True)
class QuoteRegion:
    start: int   # offset of the opening mark
    end: int     # offset just after the closing mark (or the paragraph end when unclosed)
    closed: bool


def _paragraphs(text: str) -> list[tuple[int, int]]:
    bounds, pos = [], 0
    for m in _PARAGRAPH.finditer(text):
        bounds.append((pos, m.start()))
        pos = m.end()
    bounds.append((pos, len(text)))
    return bounds


def _regions_in(text: str, start: int, end: int,
                open_at: int | None = None) -> tuple[list[QuoteRegion], int | None]:
    """Closed regions of one paragraph, and the offset of a quote left open at its end.
    ``open_at`` is a quote already open when the paragraph starts."""
    regions: list[QuoteRegion] = []
    i = start - 1
    while i + 1 < end:
        i += 1
        ch = text[i]
        if ch == STRAIGHT or text.startswith(DOUBLED, i, end):
            width = 1 if ch == STRAIGHT else 2
            if width == 2 and open_at is not None and text.startswith("'", i + 2):
                i += 1  # three apostrophes: an inner single quote closes first, then the doubled one
            before, after = text[i - 1:i] if i > start else "", text[i + width:i + width + 1]
            opener = (not before or before.isspace() or before in "([—–-") and after[:1].strip() != ""
            if open_at is not None and (before.strip() or not opener):
                regions.append(QuoteRegion(open_at, i + width, True))
                open_at = None
            elif opener:
                open_at = i  # a mark that can only open: a previous unclosed one is dropped
            i += width - 1
        elif ch in OPENING and open_at is None:
            open_at = i
        elif ch in CLOSING and open_at is not None:
            regions.append(QuoteRegion(open_at, i + 1, True))
            open_at = None
    return regions, open_at


def quote_regions(text: str) -> list[QuoteRegion]:
    out: list[QuoteRegion] = []
    carried: int | None = None      # opening offset of a quote running on from earlier paragraphs
    previous_end = 0
    for p_start, p_end in _paragraphs(text):
        para = text[p_start:p_end].lstrip()
        first = p_end - len(para)
        if carried is not None and not (para and opens_quote(para, 0)):
            out.append(QuoteRegion(carried, previous_end, False))
            carried = None
        if carried is not None:
            # the continuation's opening mark re-opens the same quote
            mark = len(DOUBLED) if text.startswith(DOUBLED, first) else 1
            regions, carried = _regions_in(text, first + mark, p_end, open_at=carried)
            out.extend(regions)
        else:
            regions, carried = _regions_in(text, p_start, p_end)
            out.extend(regions)
        previous_end = p_end
    if carried is not None:
        out.append(QuoteRegion(carried, previous_end, False))
    return sorted(out, key=lambda r: r.start)


class QuoteIndex:
    """Regions sorted by start, with lookups by offset."""

    def __init__(self, text: str):
        self.text = text
        self.regions = quote_regions(text)
        self._starts = [r.start for r in self.regions]

    def starting_at(self, offset: int) -> QuoteRegion | None:
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and self.regions[i].start == offset:
            return self.regions[i]
        return None

    def containing(self, offset: int) -> QuoteRegion | None:
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and self.regions[i].start <= offset < self.regions[i].end:
            return self.regions[i]
        return None

    def quoted_chars(self, start: int, end: int) -> int:
        total = 0
        for r in self.regions:
            if r.start >= end:
                break
            total += max(0, min(end, r.end) - max(start, r.start))
        return total

    def ending_before(self, offset: int, gap: str = " ,\u00a0") -> QuoteRegion | None:
        """A closed region that ends right before ``offset`` with only ``gap`` characters
        between ("“A,” X said": the region before the speaker). A line break is no gap: a
        quotation closing the previous paragraph belongs to that paragraph's speech."""
        i = bisect_right(self._starts, offset) - 1
        while i >= 0:
            r = self.regions[i]
            if r.end <= offset:
                between = self.text[r.end:offset]
                return r if r.closed and all(ch in gap for ch in between) and len(between) <= 3 else None
            i -= 1
        return None

    def starting_after(self, offset: int, gap: str = " ,:\u00a0") -> QuoteRegion | None:
        """A region that opens right after ``offset`` ("X said: “..."; "X said, “...")."""
        i = offset
        while i < len(self.text) and i - offset <= 3 and self.text[i] in gap:
            i += 1
        return self.starting_at(i)
