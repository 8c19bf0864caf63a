"""Syntactic context rules that decide what a knowledge-base match means where it stands.

- *Historical references* ("Nazi German forces during WWII") are not actors of today's story.
- *Capital metonyms*: a capital is its government when it acts or owns ("Paris hoped",
  "Kyiv's request", "the Paris initiatives"); after a locative preposition or a movement verb
  ("talks in Paris", "visited Kyiv") it is a place.
- *Sectors*: the head noun a country word modifies says which part of the state is meant
  ("the Estonian government" → GOV, "French military instructors" → MIL).
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span, Token

from ..kb import KnowledgeBase

MODIFIER_DEPS = {"amod", "compound", "nmod", "poss", "nummod"}
ACTING_DEPS = {"nsubj", "nsubjpass", "agent", "poss", "csubj", "dobj", "iobj", "dative", "conj",
               "appos", "ROOT", "attr", "pobj", "npadvmod"}
PREFIXES_NOT_THE_COUNTRY = ("pro-", "anti-", "ex-")
# A year mentioned as a period ("in 1944"); a year more than this many years before the
# publication date makes the clause historical.
HISTORICAL_YEAR_GAP = 30
_YEAR = re.compile(r"^(1[0-9]{3}|20[0-9]{2})s?$")


from .extensions import doc_ents, doc_text  # noqa: E402,F401  (shared cached accessors)


def clause_window(span: Span, width: int = 8) -> Span:
    """The mention's sentence cut to ``width`` tokens either side (a cheap clause)."""
    sent = span.sent
    start = max(sent.start, span.start - width)
    end = min(sent.end, span.end + width)
    return span.doc[start:end]


def historical_marker(span: Span, kb: KnowledgeBase, published_year: int | None) -> str | None:
    """The marker that makes this mention a historical reference, or None."""
    doc = span.doc
    # modifier markers right before the mention or on its head phrase ("Nazi German forces")
    before = doc[max(span.sent.start, span.start - 3):span.start]
    head = span.root.head if span.root.dep_ in MODIFIER_DEPS else span.root
    phrase = [t for t in head.subtree if abs(t.i - span.start) <= 6]
    for tok in [*before, *phrase]:
        if kb.historical_markers.get(tok.text) == "modifier":
            return f"historical modifier '{tok.text}'"
    window = clause_window(span)
    found = _period_pattern(kb).search(doc_text(doc), window.start_char, window.end_char)
    if found:
        return f"historical period '{found.group(0)}' in the clause"
    if published_year:
        for tok in window:
            m = _YEAR.match(tok.text)
            if m and tok.i - 1 >= 0 and doc[tok.i - 1].lower_ in ("in", "during", "since", "of") \
                    and published_year - int(m.group(1)) > HISTORICAL_YEAR_GAP \
                    and _shares_clause(span, tok):
                return f"historical year '{tok.text}' in the clause"
    return None


@lru_cache(maxsize=4)
def _period_pattern(kb: KnowledgeBase) -> re.Pattern[str]:
    markers = sorted((m for m, scope in kb.historical_markers.entries.items() if scope == "period"),
                     key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, markers)) + r")(?!\w)")


def _shares_clause(span: Span, tok: Token) -> bool:
    """True when ``tok`` hangs off the same verb as the mention (a crude clause test)."""
    def governing_verb(t: Token) -> Token:
        while t.pos_ not in ("VERB", "AUX") and t.head is not t:
            t = t.head
        return t
    return governing_verb(span.root) is governing_verb(tok)


def is_prefixed(span: Span) -> bool:
    """"pro-Russian", "anti-American": an attitude, not the country."""
    doc = span.doc
    start = span.start_char
    text = doc_text(doc)
    return any(text[max(0, start - len(p)):start].lower() == p for p in PREFIXES_NOT_THE_COUNTRY)


def sector_of(span: Span, kb: KnowledgeBase) -> tuple[str | None, Token | None]:
    """The sector named by the head noun the mention modifies, and that head."""
    root = span.root
    candidates = []
    if root.dep_ in MODIFIER_DEPS or root.dep_ == "case":
        candidates.append(root.head)
    # "the government of Estonia": country is pobj of "of" attached to the sector noun
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        candidates.append(root.head.head)
    # "French military instructors": military is itself a modifier of the real head
    for right in span.doc[span.end:min(span.end + 2, span.sent.end)]:
        if right.pos_ in ("NOUN", "ADJ") and right.lower_ in kb.sectors:
            candidates.insert(0, right)
            break
    for cand in candidates:
        sector = kb.sectors.get(cand.lower_) or kb.sectors.get(cand.lemma_.lower())
        if sector:
            return sector, cand
    return None, (candidates[0] if candidates else None)


def capital_role(span: Span, kb: KnowledgeBase) -> tuple[bool, str]:
    """Does this capital stand for its government here? Returns (acts, rule)."""
    root = span.root
    prev = span.doc[span.start - 1] if span.start > span.sent.start else None
    if prev is not None and prev.lower_ == "the":
        prev = span.doc[span.start - 2] if span.start - 1 > span.sent.start else None
    if root.dep_ == "pobj" and kb.locative_cues.get(root.head.lower_) == "prep":
        return False, f"capital after locative '{root.head.text}' is a place"
    if root.dep_ == "pobj" and kb.locative_cues.get(root.head.lower_) == "direction":
        governor = root.head.head
        if kb.locative_cues.get(governor.lemma_.lower()) == "motion-verb":
            return False, f"capital as destination of '{governor.text}' is a place"
        return True, f"capital as recipient after '{root.head.text}' stands for its government"
    if prev is not None and kb.locative_cues.get(prev.lower_) == "prep" and root.dep_ not in MODIFIER_DEPS:
        return False, f"capital after locative '{prev.text}' is a place"
    if root.dep_ == "dobj" and kb.locative_cues.get(root.head.lower_) == "verb":
        return False, f"capital as object of '{root.head.text}' is a place"
    if root.dep_ in ("nsubj", "nsubjpass", "agent", "csubj"):
        return True, "capital as subject stands for its government"
    if root.dep_ == "poss" or (span.end < len(span.doc) and span.doc[span.end].tag_ == "POS"):
        return True, "capital as possessor stands for its government"
    if root.dep_ in ("compound", "amod", "nmod"):
        head = root.head
        if head.i > root.i and head.text[:1].isupper() and head.pos_ == "PROPN":
            return False, f"capital inside the proper name '{span.text} {head.text}' is part of a name"
        named = next((t for t in (head, *head.rights) if t.i > root.i and
                      kb.locative_cues.get(t.lower_) == "named-after"), None)
        if named is not None:
            return False, f"capital naming a '{named.text}' by its place"
        return True, "capital modifying a noun stands for its government"
    if root.dep_ in ("pobj", "dobj", "conj", "appos", "dative"):
        return True, f"capital as {root.dep_} of '{root.head.text}' stands for its government"
    return False, f"capital as {root.dep_} is a place"


def is_language_use(span: Span) -> bool:
    """"in French", "spoke Russian": a language, not the country (bare demonym after in/speak)."""
    root = span.root
    if len(span) != 1 or root.dep_ in ("amod", "compound"):
        return False
    head = root.head
    return (root.dep_ == "pobj" and head.lower_ == "in" and root.i == head.i + 1) or \
           (root.dep_ == "dobj" and head.lemma_ in ("speak", "translate", "write"))
