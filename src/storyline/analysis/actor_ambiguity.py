"""Country and capital names that mean something else where they stand.

"Georgia" is also a US state, "Jordan" and "Chad" given names, "Niger" a river, "Lebanon,
Pennsylvania" a US town. The knowledge base lists such homonyms (``ambiguous_names.tsv``) with
the cue words that select the other reading; three general rules add to the cues:

- *Place, State*: a name right before ", <US state>" is a US town ("Paris, Texas", "Lebanon,
  Pennsylvania"); a US-state homonym right after "<Place>, " is the state ("Atlanta, Georgia").
- *Given name*: a given-name homonym followed by a capitalised surname is part of a person's name
  ("Chad Wolf"), even when NER did not tag the person.
- *One sense per article*: once an article uses a US-state homonym as the state, its other bare
  mentions are the state too (articles rarely use both senses; Gale, Church & Yarowsky 1992).

Returns, per mention, the other reading ("us-state", "us-town", "given-name", ...) and the reason;
the caller records the mention as excluded (a US state or town stays a US place).
"""
from __future__ import annotations

import calendar
import re

from spacy.tokens import Doc

from ..kb import KnowledgeBase
from .actor_context import doc_text
from .actor_matching import KbMatch

_NEXT_WORD = re.compile(r"^[ \u00a0]([A-Z][a-z\u00c0-\u024f'\-]+)")
# "Israel Tuesday", "Jordan March 3": a date after the name, not a surname
CALENDAR_WORDS = frozenset([*calendar.day_name, *calendar.month_name[1:]])


def us_states(kb: KnowledgeBase) -> set[str]:
    return {name for name, rows in kb.subdivisions.items()
            if any(r.country == "USA" and r.type in ("State", "District") for r in rows)}


US_READINGS = ("us-state", "us-town")


def other_readings(doc: Doc, matches: list[KbMatch], kb: KnowledgeBase
                   ) -> dict[tuple[int, int], tuple[str, str]]:
    """(start, end) of country/capital matches that are not the country here → (reading, reason)."""
    text = doc_text(doc)
    states = us_states(kb)
    starts = {m.start for m in matches}
    found: dict[tuple[int, int], tuple[str, str]] = {}
    state_sense: set[str] = set()
    for match in matches:
        if not match.of_kind("country", "place"):
            continue
        key = (match.start, match.end)
        after = text[match.end:match.end + 40]
        town = re.match(r"^,\s+([A-Z][\w.]*(?: [A-Z][\w.]*)?)", after)
        if town and (town.group(1) in states or town.group(1).split()[0] in states) \
                and match.text not in states:
            found[key] = ("us-town", f"a US town: '{match.text}, {town.group(1)}'")
            continue
        entry = kb.ambiguous_names.get(match.text)
        if entry is None:
            continue
        before = text[max(0, match.start - 30):match.start]
        reason = _cued(entry, before, after)
        reading = entry.readings[0]
        if reason is None and "us-state" in entry.readings and re.search(r"[A-Z][\w.]+,\s+$", before) \
                and not re.search(r"\b(?:and|or)\s+[A-Z][\w.]+,\s+$", before):
            reading, reason = "us-state", "US state after '<place>, '"
        if reason is None and "given-name" in entry.readings:
            nxt = _NEXT_WORD.match(after)
            span = doc.char_span(match.start, match.end)
            tagged_place = span is not None and span.root.ent_type_ in ("GPE", "NORP", "LOC")
            if nxt and not tagged_place and match.end + 1 not in starts \
                    and nxt.group(1) not in CALENDAR_WORDS and nxt.group(1).lower() not in kb.sectors \
                    and nxt.group(1).lower() not in kb.roles_by_form \
                    and nxt.group(1) not in entry.cues_after:
                reading, reason = "given-name", f"given name before the surname '{nxt.group(1)}'"
        if reason:
            found[key] = (reading, reason)
            if reading == "us-state":
                state_sense.add(match.text)
    for match in matches:
        key = (match.start, match.end)
        if match.text in state_sense and key not in found and match.of_kind("country"):
            found[key] = ("us-state", f"US state: '{match.text}' is the state elsewhere in this article")
    return found


def _cued(entry, before: str, after: str) -> str | None:
    stripped_after = after[2:] if after[:2] in ("'s", "\u2019s") else after
    for cue in entry.cues_before:
        if before.rstrip().endswith(cue) and re.search(r"(?:^|\W)" + re.escape(cue) + r"\s*$", before):
            return f"cue '{cue}' before: not the country ({'/'.join(entry.readings)})"
    for cue in entry.cues_after:
        if re.match(r"^\s*" + re.escape(cue) + r"(?!\w)", stripped_after):
            return f"cue '{cue}' after: not the country ({'/'.join(entry.readings)})"
    return None
