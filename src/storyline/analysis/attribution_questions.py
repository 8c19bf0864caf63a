"""Questions put by an unnamed asker: "Asked about the strike, the minister said ...",
"When asked whether he would run, ...", "She was asked if the plan would survive".

The asker is the reporter (or an unnamed interviewer), so PolNeAR annotates these without a
source: the cue is "asked" (with "was" and "about" when written) and the content is the question,
an if/whether/wh-clause, the object of "about", or a plain object ("was asked the question").
The person asked is not the source; the ordinary subject inheritance of a participle ("Asked
..., the minister said") would wrongly make them so, hence this rule owns these verbs.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .attribution_rules import (Frame, cue_range, doc_text, is_unnamed_question, subtree_range,
                               trim)

def question_frames(sent: Span) -> list[Frame]:
    frames = []
    text = doc_text(sent.doc)
    for verb in sent:
        if verb.pos_ != "VERB" or not is_unnamed_question(verb):
            continue
        question = _question(verb)
        if question is None:
            continue
        content_tok, about = question
        content = trim(text, *subtree_range(content_tok))
        if content[1] - content[0] < 2:
            continue
        extra = (about,) if about is not None else ()
        frames.append(Frame(cue_range(verb, extra), content, None, "question", verb))
    return frames


def _question(verb: Token) -> tuple[Token, Token | None] | None:
    for child in verb.children:
        if child.dep_ in ("ccomp", "advcl") and child.i > verb.i:
            return child, None
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "about" and child.i == verb.i + 1:
            obj = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                return obj, child
    for child in verb.children:
        if child.dep_ == "dobj" and child.i > verb.i:
            return child, None
    return None
