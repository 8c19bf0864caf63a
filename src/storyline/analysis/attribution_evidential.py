"""Evidential attributions without a source: "X seems to ...", "it appears that ...",
"X is expected to ...".

PolNeAR annotates these judgements with the verb as cue, no source, and the clause around the
verb as content (subject plus complement; the scorer joins the pieces into one span, so the cue
sits inside it). "It appears that ..." keeps only the that-clause. Verbs come from the hand cue
list (frame ``evidential``); "expect" counts only in the passive ("is expected to"), and "appear"
only with a complement ("appeared on TV" is not a judgement).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .attribution_lexicon import CueLexicon
from .attribution_rules import Frame, cue_range, doc_text, trim

_COMPLEMENTS = ("xcomp", "acomp", "oprd", "ccomp")


def evidential_frames(sent: Span, lex: CueLexicon) -> list[Frame]:
    frames = []
    text = doc_text(sent.doc)
    for verb in sent:
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in lex.evidential:
            continue
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if verb.lemma_.lower() == "expect" and (subject is None or subject.dep_ != "nsubjpass"):
            continue
        comp = next((c for c in verb.children if c.dep_ in _COMPLEMENTS and c.i > verb.i), None)
        if comp is None or subject is None:
            continue
        end = comp.right_edge.idx + len(comp.right_edge)
        if subject.lower_ == "it" and comp.dep_ == "ccomp":
            start = comp.left_edge.idx  # "it appears that ...": the that-clause alone
        else:
            start = subject.left_edge.idx
        content = trim(text, start, end)
        if content[1] - content[0] < 2:
            continue
        frames.append(Frame(cue_range(verb), content, None, "evidential", verb))
    return frames

