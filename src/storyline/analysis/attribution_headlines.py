"""Headline and transcript attributions: "Name: what they said".

Headlines compress "X said Y" to "X: Y" ("Ryan: ‘No Place in a Campaign.’", "Poll: Sanders
Leads"), and interview transcripts label each turn "TAPPER: ...". PolNeAR annotates these with
the colon as cue, the name as source and the rest of the line as content. The parse of a headline
is unreliable, so this rule reads the line itself and only uses tokens to anchor the frame:
- the first non-empty line of the text (the headline), or any line whose label is in capitals
  (a transcript turn);
- the source is a short name-like phrase (capitalised words, a few joiners), cut before " on " /
  " to " ("Gillibrand on Hillary's speeches: ..." -> "Gillibrand"); a leading banner such as
  "EXCLUSIVE – " is skipped; heading labels ("Update:", "Watch:") are no sources
  (``lexicons/attribution_heading_labels.tsv``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from .attribution_lexicon import lexicon_rows
from .attribution_rules import Frame, doc_text, trim

MAX_SOURCE_WORDS = 6
_LINE = re.compile(r"[^\n]+")
# "EXCLUSIVE – Roger Stone: ..." -> the banner before a dash is not part of the name.
_BANNER = re.compile(r"^[A-Z][A-Z ]+\s[–—-]\s+")
_LABEL = re.compile(r"^(?P<source>[^:\n]{1,80}?)(?P<cue>:)\s+(?P<content>\S.*)$")
_CUT = re.compile(r"\s(?:on|to|about)\s")
_JOINERS = {"of", "at", "the", "and", "for", "de", "van", "von", "al", "bin", "camp"}


@lru_cache(maxsize=1)
def heading_labels() -> frozenset[str]:
    return frozenset(row["label"].lower() for row in lexicon_rows("attribution_heading_labels.tsv"))


def _name_like(source: str) -> bool:
    words = source.split()
    if not words or len(words) > MAX_SOURCE_WORDS or not words[0][:1].isupper():
        return False
    if source.lower() in heading_labels() or any(ch.isdigit() for ch in source):
        return False
    return all(w[:1].isupper() or w.lower() in _JOINERS or w[:1] in "(“‘'\"" for w in words)


def _is_transcript_label(source: str) -> bool:
    letters = [ch for ch in source if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def headline_frames(doc: Doc) -> list[Frame]:
    text = doc_text(doc)
    frames = []
    first_line = True
    for line in _LINE.finditer(text):
        if not line.group().strip():
            continue
        start = line.start() + len(line.group()) - len(line.group().lstrip())
        is_headline, first_line = first_line, False
        banner = _BANNER.match(text, start, line.end())
        body = banner.end() if banner else start
        m = _LABEL.match(text[body:line.end()])
        if m is None:
            continue
        source = m.group("source").strip()
        if not (is_headline or _is_transcript_label(source)):
            continue
        cut = _CUT.search(source)
        if cut is not None:
            source = source[:cut.start()]
        if not _name_like(source):
            continue
        cue = (body + m.start("cue"), body + m.end("cue"))
        content = trim(text, body + m.start("content"), line.end())
        if content[1] - content[0] < 3:
            continue
        frame = _frame(doc, (body, body + len(source)), cue, content)
        if frame is not None:
            frames.append(frame)
    return frames


def _frame(doc: Doc, source: tuple[int, int], cue: tuple[int, int],
           content: tuple[int, int]) -> Frame | None:
    colon = doc.char_span(*cue, alignment_mode="expand")
    name = doc.char_span(*source, alignment_mode="expand")
    if colon is None or name is None:
        return None
    return Frame(cue, content, name.root, "headline", colon[0], source_span=source)
