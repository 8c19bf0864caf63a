"""Time component: date expressions found in the text and resolved against the article's dates.

Pipeline, per Doc:

1. :func:`time_grammar.find_date_expressions` finds candidate expressions with lexicon-built
   patterns; ambiguous ones (a bare "May", a bare "2023") are kept only when spaCy agrees
   (the NER tagged them DATE, or a date preposition precedes them, and the tagger does not read
   "May" as a modal verb).
2. Each expression gets the tense of the clause that governs it (spaCy morphology and
   auxiliaries, cue lemmas from the lexicon): past looks back from the anchor, future ahead.
3. Without a publication date, :mod:`time_estimate` estimates one (``doc._.published_estimate``);
   relative expressions are then resolved against the estimate and marked ``approximate``, or
   left ``unresolved`` (value None) when there is no anchor at all.
4. :mod:`time_resolve` resolves each expression in text order; anaphoric ones ("the next day")
   use the previous resolved date, so the order matters.

:func:`date_for_span` gives the events component the date of a clause, else a flagged fallback
to the publication date.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from ..model import DateMention
from .time_estimate import DateClue, PublicationEstimate, estimate_publication, parse_iso_day
from .time_grammar import DateExpression, find_date_expressions
from .time_lexicon import time_lexicon
from .time_resolve import Anchor, Resolution, needs_anchor, resolve

VERBAL = ("VERB", "AUX")
NAMES = ("PERSON", "ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT")
ANAPHORA_SENTENCES = 3   # how far back "the next day" may look for the date it follows


@dataclass(frozen=True)
class _Found:
    expr: DateExpression
    span: Span
    verb: Token | None
    tense: str | None


def annotate_dates(doc: Doc) -> None:
    article = doc._.article
    notes = doc._.notes if doc._.notes is not None else {}
    found = [_locate(doc, e) for e in find_date_expressions(doc.text)]
    found = [f for f in found if f is not None and _supported(f)]

    published = parse_iso_day(getattr(article, "published", None))
    estimate: PublicationEstimate | None = None
    if published:
        anchor: Anchor | None = Anchor(published)
    else:
        clues = [DateClue(f.expr, f.tense, None if needs_anchor(f.expr) else resolve(f.expr, None))
                 for f in found]
        context = (getattr(article, "provenance", None) or {}).get("context_dates") or ()
        estimate = estimate_publication(clues, doc.text, context)
        anchor = estimate.anchor if estimate else None

    mentions: list[DateMention] = []
    history: list[tuple[int, Resolution]] = []   # (sentence index, resolution) of point dates
    named_years: dict[int, int] = {}             # month → year it was first resolved to
    for f in found:
        sent_index = f.span.sent.start if doc.has_annotation("SENT_START") else 0
        previous = _previous(history, f.span)
        res = _same_month_as_before(f, named_years, anchor) or resolve(f.expr, anchor, previous, f.tense)
        if f.expr.kind == "calendar" and f.expr.month and res.first is not None:
            named_years.setdefault(f.expr.month, res.first.year)
        mentions.append(DateMention(f.span.start_char, f.span.end_char, f.span.text, res.value,
                                    res.granularity, res.type, res.end_value, res.anchor))
        if res.resolved and f.expr.kind not in ("span",):
            history.append((sent_index, res))
    doc._.dates = mentions
    doc._.published_estimate = estimate.to_dict() if estimate else None
    notes["time"] = {"verbs": [f.verb.i if f.verb is not None else None for f in found],
                     "tenses": [f.tense for f in found]}
    doc._.notes = notes


def _same_month_as_before(f: _Found, named_years: dict[int, int],
                          anchor: Anchor | None) -> Resolution | None:
    """A month named again without a year or tense ('before October's expiry') is the one the
    article already placed ('due to expire in October'): one article, one October."""
    e = f.expr
    if (e.kind != "calendar" or not e.month or e.year or e.unit or f.tense is not None
            or e.month not in named_years or anchor is None):
        return None
    res = resolve(replace(e, year=named_years[e.month]), None)
    kind = res.type if anchor.exact else "approximate"
    return replace(res, anchor="same month named earlier", type=kind)


def _locate(doc: Doc, expr: DateExpression) -> _Found | None:
    span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    if (span.start_char, span.end_char) != (expr.start, expr.end):
        # the match cut a token ("2024-05-30T…"); keep the token-aligned span
        expr = replace(expr, start=span.start_char, end=span.end_char, text=span.text)
    verb = governing_verb(span)
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    tense = "past" if before in time_lexicon().past_cues else clause_tense(verb)
    return _Found(expr, span, verb, tense)


def _supported(f: _Found) -> bool:
    """Ambiguous words count as dates only with a second opinion from spaCy or the context."""
    span, e = f.span, f.expr
    bare = e.kind in ("calendar", "weekday") and (not (e.day or e.year) or e.needs_support)
    if bare and any(t.ent_type_ in NAMES for t in span):
        return False            # "June Carter", "Friday Mosque", "Black Friday"
    before = span.doc[span.start - 1] if span.start > 0 else None
    if e.kind == "deictic" and _after_an_article(span):
        return False            # "a brighter tomorrow": a noun phrase, not a day
    if not e.needs_support:
        return True
    if any(t.tag_ == "MD" for t in span):
        return False            # "may" the modal verb
    if any(t.ent_type_ == "DATE" for t in span):
        return True
    return before is not None and before.lower_ in time_lexicon().date_prepositions


def _after_an_article(span: Span) -> bool:
    """'a tomorrow', 'a brighter tomorrow', 'the today': the word is used as a noun."""
    window = [t.lower_ for t in span.doc[max(0, span.start - 2):span.start]]
    return bool(window) and (window[-1] in ("a", "an", "the") or window[0] in ("a", "an"))


def governing_verb(span: Span) -> Token | None:
    """The verb whose clause the date modifies ("on 6 June" → "due"'s copula "is")."""
    token = span.root
    for _ in range(8):
        if token.pos_ in VERBAL and token not in span:
            return token
        if token.head is token:
            return token if token.pos_ in VERBAL else None
        token = token.head
    return None


def clause_tense(verb: Token | None) -> str | None:
    """'future', 'past' or None, from the verb, its auxiliaries and cue words (lexicon)."""
    if verb is None:
        return None
    lex = time_lexicon()
    chain = [verb]
    if verb.dep_ in ("xcomp", "ccomp", "advcl") and verb.head is not verb and verb.dep_ == "xcomp":
        chain.append(verb.head)   # "plans to visit on Monday": the plan looks ahead
    words = list(chain)
    for v in chain:
        words += [c for c in v.children if c.dep_ in ("aux", "auxpass", "acomp", "xcomp", "prt")]
    if any(w.lemma_.lower() in lex.future_cues or w.lower_ in lex.future_cues for w in words):
        return "future"
    # finite past only: a participle ("is slated for June 24") carries Tense=Past too
    if any(w.tag_ == "VBD" for w in words):
        return "past"
    if any(w.lemma_ == "have" and w.dep_ == "aux" for w in words) and verb.tag_ == "VBN":
        return "past"
    return None


def _previous(history: list[tuple[int, Resolution]], span: Span) -> Resolution | None:
    if not history:
        return None
    sent_start, res = history[-1]
    doc = span.doc
    if doc.has_annotation("SENT_START"):
        sents_between = sum(1 for t in doc[sent_start:span.start] if t.is_sent_start)
        if sents_between > ANAPHORA_SENTENCES:
            return None
    return res


# ---------------------------------------------------------------- for the events component

def date_for_span(doc: Doc, start: int, end: int) -> tuple[DateMention | None, str]:
    """The date governing the clause at character offsets ``start:end``.

    Preference: a date inside the clause attached to one of its verbs, then any date inside it,
    then a date in the same sentence attached to a verb that dominates the clause. Returns
    ``(mention, "clause")``; else a synthetic mention of the publication date (or its estimate)
    with ``"published-fallback"``; else ``(None, "none")``.
    """
    mentions = doc._.dates or []
    verbs = ((doc._.notes or {}).get("time") or {}).get("verbs") or [None] * len(mentions)
    clause = doc.char_span(start, end, alignment_mode="expand")
    if clause is not None and len(clause) and mentions:
        clause_verbs = {t.i for t in clause if t.pos_ in VERBAL}
        root = clause.root
        dominating = {root.i} | {a.i for a in root.ancestors}
        sent = root.sent if doc.has_annotation("SENT_START") else doc[:]
        best: tuple[int, int, DateMention] | None = None
        for mention, verb in zip(mentions, verbs):
            inside = start <= mention.start and mention.end <= end
            in_sentence = sent.start_char <= mention.start < sent.end_char
            if inside and verb in clause_verbs:
                rank = 0
            elif inside:
                rank = 1
            elif in_sentence and verb is not None and verb in dominating:
                rank = 2
            else:
                continue
            distance = min(abs(mention.start - start), abs(mention.start - end))
            if best is None or (rank, distance) < best[:2]:
                best = (rank, distance, mention)
        if best is not None:
            return best[2], "clause"
    return _publication_fallback(doc)


def _publication_fallback(doc: Doc) -> tuple[DateMention | None, str]:
    article = doc._.article
    published = parse_iso_day(getattr(article, "published", None))
    if published:
        return DateMention(0, 0, "", published.isoformat(), "day", "exact",
                           anchor="published"), "published-fallback"
    estimate = doc._.published_estimate
    if estimate and estimate.get("value"):
        value = estimate["value"]
        return DateMention(0, 0, "", value, "day" if len(value) == 10 else "month", "approximate",
                           anchor="published_estimate"), "published-fallback"
    return None, "none"
