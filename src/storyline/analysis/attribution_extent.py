"""How far a reported clause runs: PolNeAR's content goes on to the end of the sentence.

The parse hangs much of what follows a reported clause on the cue verb (", but now ...",
", whom he called ...", "despite ..."), while PolNeAR annotators keep it in the content. So a
clause content after its cue is stretched to its sentence end, and stopped by the next act of
speech in the sentence: another attribution's source or cue, a speech verb, or a verb that
continues the speaker's own actions ("... and shared a link").
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .attribution_lexicon import CueLexicon
from .attribution_quotes import closes_quote
from .attribution_rules import Frame, doc_text, speaking_participle, trim, within_paragraph
from .attribution_speakers import SourcePhrase


def _is_speech_verb(tok: Token, lex: CueLexicon) -> bool:
    return tok.pos_ == "VERB" and tok.lemma_.lower() in lex.clause and any(
        c.dep_ in ("ccomp", "xcomp", "dobj") for c in tok.children)


def _next_action(tok: Token, cue_verb: Token) -> bool:
    """"X said A and shared a link": a subjectless verb coordinated with the cue verb is what
    the speaker did next, not what was said."""
    return tok.head is cue_verb and tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX") and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def _partial_quote(text: str, end: int) -> bool:
    """“it gets me mad” every time ...: a quoted fragment (no sentence punctuation before its
    closing mark) with the sentence going on after it."""
    inner = text[:end].rstrip("”\"»'").rstrip()
    after = text[end:end + 2]
    return bool(inner) and inner[-1].isalnum() and after[:1] == " " and after[1:2].isalnum()


def run_to_sentence_end(doc: Doc, frames: list[Frame], phrases: dict[int, SourcePhrase],
                         lex: CueLexicon) -> None:
    """A reported clause after its cue runs to the end of the sentence: PolNeAR keeps what the
    parser hangs elsewhere (", but now ...", ", whom he called ...", "despite ...") in the content.
    It stops before the next attribution in the sentence (its source or cue, or any speech verb:
    "... but did not suggest ..."). A fitted quotation stays as it is unless it is a fragment
    the sentence goes on from (“it gets me mad” every time ...)."""
    text = doc_text(doc)
    speech_starts = sorted(min(f.cue[0], phrases[id(f)].start if id(f) in phrases else f.cue[0])
                           for f in frames)
    for frame in frames:
        start, end = frame.content
        if frame.rule not in ("clause", "quote-after") or start < frame.cue[1] \
                or frame.ends_at_next_speech:
            continue
        if closes_quote(text, end) and not _partial_quote(text, end):
            continue
        last = doc.char_span(end - 1, end, alignment_mode="expand")
        if last is None:
            continue
        stop = within_paragraph(text, (start, last.sent.end_char), end - 1)[1]
        nxt = next((s for s in speech_starts if end <= s < stop), None)
        if nxt is not None:
            stop = nxt
        for tok in last.sent:
            if end <= tok.idx < stop and _is_speech_verb(tok, lex):
                subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                stop = subject.left_edge.idx if subject is not None and subject.i < tok.i else tok.idx
                break
            if end <= tok.idx < stop and (_next_action(tok, frame.anchor)
                                          or speaking_participle(tok, lex)):
                stop = tok.left_edge.idx
                break
        new = trim(text, start, stop)
        if new[1] > end:
            frame.content = new

