"""Noun cues: "criticism of X", "support for X", "the claim that ...", "voiced concern about X".

PolNeAR counts a stance or speech noun as a cue when its complement says what was said or held:
the "that"-clause or the object of its preposition is the content. The cue runs from a light
verb that governs the noun ("expressed concern", "voiced support for") or the noun itself (with
adjectives before it: "sharp criticism of") to the preposition. The source is the noun's
possessor ("Trump's claim that"), a "from" phrase ("criticism from X"), or the subject of the
light verb. Without any of these the noun is left alone: on PolNeAR train, sourceless
"support of X" / "hope of ..." were mostly narrative (two in three not annotated).
Nouns come from ``CueLexicon.nouns`` (derived from PolNeAR train shares plus a hand list).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .attribution_lexicon import CueLexicon
from .attribution_rules import Frame, doc_text, subject_of, subtree_range, trim

_CONTENT_PREPS = ("for", "of", "to", "about", "against", "over", "on", "toward", "towards")
# Governing verbs that only carry the noun ("expressed concern"): their subject is the source.
_LIGHT_DEPS = ("dobj",)


def noun_frames(sent: Span, lex: CueLexicon) -> list[Frame]:
    frames = []
    text = doc_text(sent.doc)
    for noun in sent:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lex.nouns:
            continue
        complement = _complement(noun)
        if complement is None:
            continue
        content_tok, prep = complement
        content = trim(text, *subtree_range(content_tok))
        if content[1] - content[0] < 2:
            continue
        source, source_span, light_verb = _source(noun)
        if source is None:
            continue  # sourceless noun cues ("criticism of X") are mostly narrative, not attribution
        first = light_verb if light_verb is not None else _first_modifier(noun)
        last = prep if prep is not None else noun
        cue = (first.idx, last.idx + len(last))
        frames.append(Frame(cue, content, source, "noun", noun, source_span=source_span))
    return frames


def _complement(noun: Token) -> tuple[Token, Token | None] | None:
    """The that-clause (acl/ccomp with "that") or the object of a content preposition right after
    the noun."""
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp") and child.i > noun.i and child.left_edge.lower_ == "that":
            return child, None
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in _CONTENT_PREPS and child.i == noun.i + 1:
            obj = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                return obj, child
    return None


def _first_modifier(noun: Token) -> Token:
    """"sharp criticism", "growing concern": adjectives right before the noun join the cue."""
    first = noun
    while first.i > 0 and noun.doc[first.i - 1].dep_ == "amod" and noun.doc[first.i - 1].head is noun:
        first = noun.doc[first.i - 1]
    return first


def _source(noun: Token) -> tuple[Token | None, tuple[int, int] | None, Token | None]:
    """(source head, its characters without a possessive "'s", a light verb heading the cue)."""
    verb = noun.head
    if noun.dep_ in _LIGHT_DEPS and verb.pos_ in ("VERB", "AUX"):
        subject = subject_of(verb)
        if subject is not None:
            first = min([verb] + [c for c in verb.children
                                  if c.dep_ in ("aux", "neg", "advmod") and c.i < verb.i],
                        key=lambda t: t.i)
            return subject, None, first
    for child in noun.children:
        if child.dep_ == "poss":
            toks = [t for t in child.subtree if t.dep_ != "case"]
            return child, (toks[0].idx, toks[-1].idx + len(toks[-1])), None
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "from":
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj, None, None
    return None, None, None
