"""Sentences and clauses of an article's text as character spans (no re-parse).

The stories layer works on stored Article records, after the spaCy pass, so it finds sentence and
clause boundaries on the surface: sentence-final punctuation or a line break, then clause breaks
that introduce a new subject (", while the Estonian government ...").
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n\s*")
_ABBREVIATION = re.compile(r"\b(?:[A-Z]|Mr|Mrs|Ms|Dr|Gen|Gov|Sen|Rep|St|Lt|Col|Maj|Capt|Prof|Jr|Sr|Inc|Corp|Co|Ltd|U\.S|U\.K|No|vs)\.$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace-trimmed; abbreviations do not end a sentence."""
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if _ABBREVIATION.search(text[max(start, match.start() - 6):match.start()]):
            continue
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [trimmed for s, e in spans if (trimmed := _trim(text, s, e))]


def clause_spans(text: str, sentence: tuple[int, int], breaks: Iterable[str]) -> list[tuple[int, int]]:
    """Split a sentence at clause breaks (each clause keeps its own subject)."""
    start, end = sentence
    lowered = text[start:end].lower()
    cuts = sorted({start + m.start() for b in breaks for m in re.finditer(re.escape(b), lowered)})
    spans, previous = [], start
    for cut in cuts:
        if cut > previous:
            spans.append((previous, cut))
            previous = cut
    spans.append((previous, end))
    return [trimmed for s, e in spans if (trimmed := _trim(text, s, e))]


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in " \t\r\n,;:":
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def containing(spans: Iterable[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    for start, end in spans:
        if start <= offset < end:
            return (start, end)
    return None


def words_before(text: str, offset: int, limit: int = 6) -> list[str]:
    """Lower-cased words (and commas) just before ``offset``, nearest last."""
    window = text[max(0, offset - 80):offset].lower()
    return re.findall(r"[\w'’-]+|,", window)[-limit:]


def iter_words(text: str) -> Iterator[re.Match]:
    return re.finditer(r"[\w'’-]+", text)
