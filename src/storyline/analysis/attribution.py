"""Attribution component: who said what, through whom (``doc._.claims``).

Pipeline over one parsed ``Doc`` (no second parse, no model beyond spaCy's):
1. frames from the parse (``attribution_rules``): cue verbs with their complement, parentheticals,
   "according to X", "as reported by X", a cue followed by a quotation; noun cues ("criticism
   of X", ``attribution_nouns``); sourceless judgements ("X seems to ...",
   ``attribution_evidential``) and questions ("Asked about X, ...", ``attribution_questions``);
   headline and transcript labels ("Name: text", ``attribution_headlines``);
2. quotations (``attribution_quotes``): a content that opens a quotation runs to its end, even
   over paragraphs; "“A,” X said, “B.”" joins both halves; ``direct`` only for verbatim quotes;
   a reported clause after its cue runs on to the end of its sentence (PolNeAR's convention);
3. one token, one attribution (as in PolNeAR): a cue inside a quotation, or inside another
   frame's content, is part of that content, not a separate claim;
4. speakers (``attribution_speakers``): own wording, ``via`` relays, kind, actor, pronouns.

Claims are in text order, so ``events[].claim`` indexes stay stable for a given text.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..model import Claim, Span, Speaker
from .attribution_evidential import evidential_frames
from .attribution_headlines import headline_frames
from .attribution_lexicon import cue_lexicon
from .attribution_nouns import noun_frames
from .attribution_questions import question_frames
from .attribution_quotes import OPENING, STRAIGHT, QuoteIndex, closes_quote, opens_quote
from .attribution_extent import run_to_sentence_end
from .attribution_rules import Frame, according_frames, doc_text, skip_dateline, trim, verb_frames
from .attribution_speakers import SourcePhrase, SpeakerResolver, source_phrase

# A content counts as a verbatim quotation when quotation marks enclose this share of it.
DIRECT_SHARE = 0.8


def annotate_claims(doc: Doc) -> None:
    if doc._.notes is None:
        doc._.notes = {}
    lex = cue_lexicon()
    frames: list[Frame] = []
    for sent in doc.sents:
        frames.extend(according_frames(sent))
        frames.extend(verb_frames(sent, lex))
        frames.extend(noun_frames(sent, lex))
        frames.extend(evidential_frames(sent, lex))
        frames.extend(question_frames(sent))
    frames.extend(headline_frames(doc))
    quotes = QuoteIndex(doc_text(doc))
    phrases = {id(f): _source_phrase(f) for f in frames if f.source is not None}
    for frame in frames:
        _with_quotation(doc_text(doc), frame, phrases.get(id(frame)), quotes)
    run_to_sentence_end(doc, frames, phrases, lex)
    # a lone quotation mark no quotation region could be fitted to is no content
    frames = [f for f in frames if not _quoted_cue(f, quotes) and f.content[1] - f.content[0] > 1]
    frames = _one_attribution_per_token(_one_speech_act(frames))
    resolver = SpeakerResolver(doc)
    claims = []
    for frame in sorted(frames, key=lambda f: f.cue[0]):
        claims.append(_claim(doc, frame, phrases.get(id(frame)), resolver, quotes))
    doc._.claims = claims


def _with_quotation(text: str, frame: Frame, phrase: SourcePhrase | None,
                    quotes: QuoteIndex) -> None:
    """Fit the content to quotations around the speech ("X said" + source):
    - a quotation opening right after the cue is the content ("X said: “...”");
    - a content starting at, or inside a quotation next to the speech, is the whole quotation;
    - "“A,” X said, “B.”" joins both halves, from A's opening to B's closing mark."""
    start, end = frame.content
    speech = (min(frame.cue[0], phrase.start if phrase else frame.cue[0]),
              max(frame.cue[1], phrase.end if phrase else frame.cue[1]))
    after = quotes.starting_after(frame.cue[1]) if frame.cue[1] >= speech[1] else None
    if after is None and frame.cue[1] < speech[1]:
        after = quotes.starting_after(speech[1])
    if after is not None and (start >= frame.cue[1] or end <= speech[0]):
        start, end = after.start, after.end
    else:
        before = quotes.ending_before(speech[0])
        region = quotes.containing(start)
        if region is not None and (region is before or not text[region.start + 1:start].strip(" ,'")):
            start, end = region.start, max(end, region.end)
        elif region is not None and region.start < start:
            frame.content = (start, end)
            return  # the content starts in mid-quotation: leave it as parsed
        region = quotes.containing(end - 1)
        if region is not None and region.end > end and (
                region is before or region.start >= start
                or not text[end:region.end].strip(" .,;:!?”\"'’")):
            end = region.end
    if end <= speech[0] and (opens_quote(text, start) or closes_quote(text, end)):
        nxt = quotes.starting_after(speech[1], gap=" ,.:\u00a0")
        if nxt is None:  # "“A,” he tells the crowd at a rally. “B.”"
            stop = _sentence_stop(text, speech[1])
            nxt = quotes.starting_after(stop, gap=" \u00a0") if stop else None
        if nxt is not None and "\n" not in text[speech[1]:nxt.start] \
                and _runs_on(text, start, end, "?!") and not _runs_on(text, nxt.start, nxt.end):
            end = nxt.end
    elif start >= speech[1] and opens_quote(text, start):
        prev = quotes.ending_before(speech[0])
        if prev is not None and _runs_on(text, prev.start, prev.end):
            start = prev.start
    start = skip_dateline(text, start, end)
    frame.content = (start, end) if closes_quote(text, end) else trim(text, start, end)


def _source_phrase(frame: Frame) -> SourcePhrase:
    if frame.source_span is not None:
        return SourcePhrase(frame.source, frame.source_span[0], frame.source_span[1], [])
    return source_phrase(frame.source, frame.anchor)


def _runs_on(text: str, start: int, end: int, also: str = "") -> bool:
    """A quotation closing on a comma or dash (“A,” X said) runs on after the speech; one closing
    on a full stop (“A.” He adds, “B.”) is a finished quote, and a quotation after the speech
    closing on a comma (“B,” she said) has a speech of its own."""
    inner = text[start:end].rstrip("”\"»’' ")
    return inner[-1:] in (",", "—", "–", "-", *also)


def _sentence_stop(text: str, offset: int, limit: int = 120) -> int | None:
    """Offset after the full stop that ends the speech sentence holding ``offset`` when a
    quotation follows it ("he said at a rally in Binghamton, N.Y. “B.”": an abbreviation's
    period followed by more words does not end it). None when no quotation follows."""
    for i in range(offset, min(len(text), offset + limit)):
        ch = text[i]
        if ch in "\n" or ch in OPENING + STRAIGHT:
            return None
        if ch in ".!?" and _quote_follows(text, i + 1):
            return i + 1
    return None


def _quote_follows(text: str, offset: int) -> bool:
    """An opening quotation mark after a space or two ("said. “B")."""
    j = offset
    while j < len(text) and text[j] in " \u00a0" and j - offset <= 2:
        j += 1
    return j > offset and opens_quote(text, j)


def _quoted_cue(frame: Frame, quotes: QuoteIndex) -> bool:
    """A cue inside a quotation ("“I hope you find them,” Trump said") is the quoted speaker's
    own wording: the quotation belongs to the outer attribution, one token one attribution."""
    region = quotes.containing(frame.cue[0])
    return region is not None and region.closed and region.start < frame.cue[0] \
        and frame.cue[1] < region.end


def _one_attribution_per_token(frames: list[Frame]) -> list[Frame]:
    """Keep the outermost attributions: widest content first, drop any frame whose cue lies in
    a kept content, and duplicates of one cue."""
    kept: list[Frame] = []
    for frame in sorted(frames, key=lambda f: f.content[0] - f.content[1]):
        if any(k.cue == frame.cue or (k.content[0] <= frame.cue[0] < k.content[1]
                                      and not _inside(k.cue, frame.content)) for k in kept):
            continue
        kept.append(frame)
    return kept


def _one_speech_act(frames: list[Frame]) -> list[Frame]:
    """"Kirby emphasized Washington's stance, stating that ...": the participle spells out what
    the first verb's object only names, so the clause claim stands for the whole speech act.
    Likewise "voiced support for X": the noun cue's complement, not the verb's object, is said."""
    elaborated = {f.anchor.head.i for f in frames
                  if (f.anchor.dep_ == "advcl" and f.rule == "clause") or f.rule == "noun"}
    return [f for f in frames
            if not (f.rule in ("object", "prep-object") and f.anchor.i in elaborated)]


def _inside(span: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= span[0] and span[1] <= outer[1]


def _speech_inside(frame: Frame, phrase: SourcePhrase | None) -> int:
    """Characters of an inserted "X said" inside the content ("“A,” X said, “B.”")."""
    lo = min(frame.cue[0], phrase.start if phrase else frame.cue[0])
    hi = max(frame.cue[1], phrase.end if phrase else frame.cue[1])
    c0, c1 = frame.content
    return max(0, min(hi, c1) - max(lo, c0)) + 4 if c0 < lo and hi < c1 else 0


def _claim(doc: Doc, frame: Frame, phrase: SourcePhrase | None, resolver: SpeakerResolver,
           quotes: QuoteIndex) -> Claim:
    text = doc_text(doc)
    via: list[str] = []
    if phrase is not None:
        speaker = resolver.speaker(phrase)
        via = list(phrase.via)
    else:
        speaker = Speaker("", None, None)
    via += [t.text for t in frame.via_tokens if t.text not in via]
    c0, c1 = frame.content
    content_text = text[c0:c1]
    speech = _speech_inside(frame, phrase)
    direct = (opens_quote(text, c0) and closes_quote(text, c1)
              and quotes.quoted_chars(c0, c1) + speech >= DIRECT_SHARE * (c1 - c0))
    return Claim(speaker=speaker, cue=Span(frame.cue[0], frame.cue[1], text[frame.cue[0]:frame.cue[1]]),
                 content=Span(c0, c1, content_text), direct=direct, via=via)
