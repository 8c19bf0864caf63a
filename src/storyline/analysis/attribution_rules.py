"""Attribution frames read off the dependency parse: cue, content and source head.

Each rule finds one construction and returns a ``Frame`` (character spans plus the source head
token); ``attribution`` then resolves speakers, merges quotations and enforces that a token
belongs to one attribution only (an attribution nested in another's content is not separate).

Constructions:
- a cue verb with a clausal complement: "X said (that) ...", "X told Y ...", "the Kremlin's
  spokesman claimed that ...", "... , X said." (complement before the verb);
- a cue verb with "to ..." (promise, refuse, hope to ...), or a noun-phrase object for verbs that
  are nearly always cues;
- a cue verb in a parenthetical: "The deal, he said, is dead";
- "according to X, ..." and "as reported by X" / "as X said" around a clause;
- a cue verb followed by ", “...”" or ": “...”" (the quote is the content).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from .attribution_lexicon import CueLexicon, lexicon_rows

_SUBJECTS = ("nsubj", "csubj")
_INHERIT_SUBJECT = ("conj", "xcomp", "advcl")
_CUE_MODIFIERS = ("aux", "auxpass", "neg")
_TRIM = " \t\r\n,;:.—–-"
_CLOSING_MARKS = "”\"»’'"
# "U.S." / "D.C." / "J." at the end of a span: the period belongs to the word.
_ABBREVIATION_END = re.compile(r"(?:\b[A-Za-z]\.[A-Za-z]\.|(?<![\w.])[A-Z]\.)$")
# "... honest and trustworthy, and": a conjunction left over where the parse cut the clause.
_DANGLING_CONJUNCTION = re.compile(r"\s(?:and|but|or|nor)$")
# "... accreditation bodies, which" / "... can't be president, while": a subordinate clause cut
# where the next attribution starts ("which he called ...") leaves its opening word behind.
_DANGLING_SUBORDINATOR = re.compile(
    r"\s*[,—–]\s*(?:(?:to|of|for|in|with|about) )?(?:who|whom|whose|which|that|while|whereas"
    r"|(?:even )?though|although|because|when|where)$", re.IGNORECASE)
# "... a new pool. ''" / "... a new pool. “": the opening mark of the next quotation.
_DANGLING_OPENER = re.compile(r"\s(?:''|[“\"«])$")
# A dateline before the story proper: "MACAU (Reuters) – ", "WASHINGTON — ".
_DATELINE = re.compile(r"^[A-Z][A-Z .,'’-]+(?:,[^()\n]{0,40})?(?:\([^()\n]{1,30}\))?\s*[–—-]{1,2}\s+")


@dataclass
class Frame:
    cue: tuple[int, int]
    content: tuple[int, int]
    source: Token | None
    rule: str
    anchor: Token
    via_tokens: list[Token] = field(default_factory=list)  # names relaying the speech ("told Reuters")
    speaker_is_relay: Token | None = None                   # "Reuters, citing sources, ..." -> Reuters
    source_span: tuple[int, int] | None = None              # the source's characters, when not read off the parse
    ends_at_next_speech: bool = False                       # content cut before the speaker's next act


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip spaces, clause punctuation, a dangling conjunction or opening quotation mark at the
    edges, but keep a closing quotation mark and the punctuation inside it (PolNeAR keeps “...,”
    whole) and an abbreviation's period ("... to the U.S.")."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        if text[end - 1] == "." and _ABBREVIATION_END.search(text, max(start, end - 12), end):
            break
        end -= 1
    dangling = _DANGLING_CONJUNCTION.search(text, max(start, end - 8), end)
    if dangling is None:
        dangling = _DANGLING_OPENER.search(text, max(start, end - 4), end)
    if dangling is None:
        dangling = _DANGLING_SUBORDINATOR.search(text, max(start, end - 24), end)
    if dangling is not None and dangling.start() > start:
        return trim(text, start, dangling.start())
    return start, end


from .extensions import doc_text  # noqa: E402,F401  (one cached copy of the text per Doc)


def skip_dateline(text: str, start: int, end: int) -> int:
    """Start of a span after a leading dateline ("MACAU (Reuters) – ")."""
    m = _DATELINE.match(text, start, end)
    return m.end() if m and m.end() < end else start


def _tok_range(first: Token, last: Token) -> tuple[int, int]:
    return first.idx, last.idx + len(last)


def subtree_range(tok: Token) -> tuple[int, int]:
    """Character range of a token's whole subtree."""
    return _tok_range(tok.left_edge, tok.right_edge)


def cue_range(verb: Token, extra: tuple[Token, ...] = ()) -> tuple[int, int]:
    """The verb with its auxiliaries, negation, an adverb between them and a particle."""
    doc = verb.doc
    parts = [verb, *extra] + [c for c in verb.children
                              if c.dep_ in _CUE_MODIFIERS and c.i < verb.i and c.lower_ != "to"]
    parts += [c for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1]
    allowed = {t.i for t in parts}
    lo = min(allowed)
    while lo > 0 and doc[lo - 1].dep_ == "advmod" and doc[lo - 1].head.i in allowed \
            and doc[lo - 1].lower_ not in ("as", "how", "when", "why", "where"):
        lo -= 1
        allowed.add(lo)
    hi = max(allowed)
    if hi + 1 < len(doc) and doc[hi + 1].text == ":":
        hi += 1
        allowed.add(hi)
    if any(i not in allowed and doc[i].dep_ != "advmod" for i in range(lo, hi + 1)):
        lo = hi = verb.i  # something else (a subject, "has he said") sits inside: the verb alone
        for t in extra:
            lo, hi = min(lo, t.i), max(hi, t.i)
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, inherited from the governing verb for "X declined, saying ...",
    "X stood up and said ..." and "X wanted to say ...". Passives give their "by" agent."""
    tok = verb
    for _ in range(4):
        for child in tok.children:
            if child.dep_ in _SUBJECTS:
                if child.dep_ == "nsubj" and child.lower_ == "it" and _has_expletive_frame(tok):
                    return None
                return child
            if child.dep_ == "nsubjpass":
                return _agent(tok)
        if tok.dep_ == "agent":
            return None
        if tok.dep_ in _INHERIT_SUBJECT and tok.head is not tok and not _has_mark_as(tok):
            tok = tok.head
            continue
        return _agent(tok)
    return None


def _agent(verb: Token) -> Token | None:
    """The "by" object of a passive; the last one when the parser split a name
    ("by Welt am Sonntag")."""
    for child in verb.children:
        if child.dep_ == "agent":
            objs = [obj for obj in child.children if obj.dep_ == "pobj"]
            if objs:
                return objs[-1]
    return None


def _has_expletive_frame(verb: Token) -> bool:
    return any(c.dep_ in ("ccomp", "xcomp") for c in verb.children) and verb.lemma_ in ("seem", "appear")


def _mark_as(verb: Token) -> Token | None:
    """The "as" of "as reported by X" / "as X said" (parsed as mark, or as advmod around odd
    spacing)."""
    return next((c for c in verb.children
                 if c.lower_ == "as" and c.dep_ in ("mark", "advmod") and c.i < verb.i), None)


def _has_mark_as(verb: Token) -> bool:
    return _mark_as(verb) is not None


def _clause_complement(verb: Token) -> Token | None:
    """The that-/quote clause; also one level down when the parser hung it on an adverb
    ("said earlier that ...")."""
    text = doc_text(verb.doc)
    comps = [c for c in verb.children if c.dep_ == "ccomp"]
    # a sentence glued over a blank line: the quote closing the previous paragraph is not it
    comps = [c for c in comps if "\n\n" not in text[min(c.idx, verb.idx):max(c.idx, verb.idx)]] or comps
    if len(comps) > 1:  # "“A,” she said, but “B,” said X": a clause that is a speech of its own
        comps = [c for c in comps if not _own_speech(c)] or comps
    if comps:
        return comps[0]
    for child in verb.children:
        if child.dep_ in ("advmod", "npadvmod") and child.i > verb.i:
            for grand in child.children:
                if grand.dep_ == "ccomp":
                    return grand
    return None


def _own_speech(comp: Token) -> bool:
    """A complement that is itself a verb with a subject and a clause of its own ("she said")."""
    return comp.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in comp.children) and any(
        c.dep_ == "ccomp" for c in comp.children)


_TRAILING_MODIFIERS = ("npadvmod", "advcl", "appos", "relcl", "conj")


def _clause_range(comp: Token, lex: CueLexicon) -> tuple[int, int]:
    """A reported clause without what the writer tacked on after a comma: "..., a 16-point
    margin", "..., putting them ahead", "..., which votes on March 1", and without a coordinated
    clause that is another attribution ("... and more than 4 in 10 said ...")."""
    end_tok = _clause_end(comp, lex)
    return comp.left_edge.idx, end_tok.idx + len(end_tok)


def _clause_end(comp: Token, lex: CueLexicon) -> Token:
    """Last token of ``comp``'s subtree that still belongs to what was reported."""
    doc = comp.doc
    end_tok = comp.right_edge
    speech = _speaker_goes_on(comp, lex)
    if speech is not None:
        end_tok = doc[max(comp.i, speech.i - 1)]
    for tok in reversed(list(comp.subtree)):
        if tok.i > end_tok.i:
            continue
        if tok.i <= comp.i:
            break
        if tok.right_edge.i != end_tok.i or tok.dep_ not in _TRAILING_MODIFIERS:
            continue
        before = doc[tok.left_edge.i - 1] if tok.left_edge.i > 0 else None
        if tok.dep_ == "conj":
            if _has_own_attribution(tok, lex):
                end_tok = doc[max(comp.i, tok.left_edge.i - 1)]
            continue
        if before is not None and before.text in (",", "—", "–") and before.i > comp.i:
            end_tok = doc[before.i - 1]
    return end_tok


def _speaker_goes_on(comp: Token, lex: CueLexicon) -> Token | None:
    """"X said he would offer a prayer but did not suggest ...", "..., claiming that ...": a
    subjectless speech verb (or a verb in the cue verb's own finite form) coordinated into the
    reported clause is the speaker's next act (the parser hangs it on the nearest verb), so the
    content stops before it."""
    cue_verb = comp.head
    for tok in comp.subtree:
        if tok.i <= comp.i or tok.pos_ != "VERB" or tok.dep_ not in ("conj", "advcl"):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children):
            continue
        speech = tok.lemma_.lower() in lex.clause and _clause_complement(tok) is not None
        if not (speech or _same_finite_form(tok, cue_verb) or speaking_participle(tok, lex)):
            continue
        first = tok.left_edge
        while first.i > comp.i and doc_prev(first).dep_ in ("cc", "punct"):
            first = doc_prev(first)
        return first
    return None


def speaking_participle(tok: Token, lex: CueLexicon) -> bool:
    """"X said A, pointing to B" / "..., describing the team as ...": a participle of a cue verb
    set off by a comma or dash is the speaker's next act (wherever the parser hangs it), not
    part of what was said."""
    if tok.dep_ != "advcl" or tok.tag_ != "VBG" or tok.left_edge.i == 0:
        return False
    lemma = tok.lemma_.lower()
    return tok.doc[tok.left_edge.i - 1].text in (",", "—", "–") and (
        lemma in lex.clause or lemma in lex.naming or lemma in lex.noun_object)


def _same_finite_form(tok: Token, cue_verb: Token) -> bool:
    """"She said she has released her returns and called on him to do the same": a finite verb
    in the cue verb's form (both "said"/"called"), coordinated to a clause verb of another form
    ("has released"), continues the speaker's actions rather than the reported clause."""
    return (tok.dep_ == "conj" and tok.tag_ in ("VBD", "VBZ") and tok.tag_ == cue_verb.tag_
            and tok.head.tag_ != tok.tag_ and not any(c.dep_ in ("aux", "auxpass")
                                                     for c in tok.children))


def doc_prev(tok: Token) -> Token:
    return tok.doc[tok.i - 1]


def _next_speech_cut(comp: Token, lex: CueLexicon) -> bool:
    """Whether ``_clause_end`` stopped the content before another act of speech."""
    return _speaker_goes_on(comp, lex) is not None or any(
        t.dep_ == "conj" and _has_own_attribution(t, lex) for t in comp.subtree if t.i > comp.i)


def _has_own_attribution(tok: Token, lex: CueLexicon) -> bool:
    return any(t.pos_ == "VERB" and t.lemma_.lower() in lex.clause
               and any(c.dep_ == "nsubj" for c in t.children) for t in tok.subtree)


def _infinitive_complement(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("xcomp", "ccomp") and any(g.dep_ == "aux" and g.lower_ == "to"
                                                      for g in child.children):
            return child
    return None


def _infinitive_range(verb: Token, inf: Token, lex: CueLexicon) -> tuple[int, int]:
    """"urged him to resign": the addressee before "to" is part of what was urged; the rest is
    trimmed like a reported clause."""
    start, end = _clause_range(inf, lex)
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative") and verb.i < c.i < inf.i), None)
    if obj is not None:
        start = obj.left_edge.idx
    return start, end


def _that_clause(noun: Token) -> Token | None:
    """"expressed amusement that ...", "made the observation that ...": an object noun with a
    that-clause names the act; the clause is what was said or held."""
    return next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.i > noun.i
                 and c.left_edge.lower_ == "that"), None)  # "that" is not always parsed as mark


def _object(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "dobj" and child.pos_ not in ("PRON",):
            return child
    return None


_ADDRESSEE_VERBS = ("tell",)


def _named_addressee(verb: Token, obj: Token) -> bool:
    """"Clinton told ABC News." / "he told reporters on Monday": the object of "tell" is who
    heard it (a listener or relay), not what was said, unless it names a telling ("told a
    story", ``attribution_told_things.tsv``)."""
    return verb.lemma_.lower() in _ADDRESSEE_VERBS and obj.lemma_.lower() not in _told_things()


@lru_cache(maxsize=1)
def _told_things() -> frozenset[str]:
    return frozenset(row["noun"] for row in lexicon_rows("attribution_told_things.tsv"))


_OBJECT_COMPLEMENTS = ("prep", "advcl", "xcomp", "oprd", "ccomp")


def _object_range(verb: Token, obj: Token, lex: CueLexicon) -> tuple[int, int]:
    """"accused Obama of exploitation", "dismissed the actions to regulate gun sales": PolNeAR's
    content runs on over what the parser hangs on the verb after the object, up to a comma;
    a time or place phrase ("on Friday", "in an interview") is the writer's, not the content.
    (Cutting every non-argument preposition, or the object's own comma-trailing comments, lost
    more matches on PolNeAR train than it won.)"""
    doc = verb.doc
    last = obj.right_edge
    for child in verb.rights:
        if child.i <= obj.i:
            continue
        if child.dep_ not in _OBJECT_COMPLEMENTS or doc[child.left_edge.i - 1].is_punct:
            break
        if child.dep_ == "prep" and any(t.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC")
                                        or t.lemma_.lower() in lex.setting_nouns
                                        for t in child.children):
            break
        last = child.right_edge
    return obj.left_edge.idx, last.idx + len(last)


_TOPIC_PREPS = ("for", "about", "on", "of", "against", "to")


def _prep_object(verb: Token) -> Token | None:
    """"called for a ban", "talked about the economy": the object of the verb's own preposition
    (right after the verb), which PolNeAR counts as the cue's content."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in _TOPIC_PREPS and child.i <= verb.i + 2:
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def content_prep(verb: Token) -> Token:
    return next(c for c in verb.children if c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS
                and c.i <= verb.i + 2)


def _outside(sent: Span, inner: tuple[int, int]) -> tuple[int, int]:
    """The sentence without a phrase at its start or end (a phrase in the middle: the whole
    sentence, which is the outer span of a split content)."""
    text = doc_text(sent.doc)
    s, e = _paragraph_part(text, sent.start_char, sent.end_char, inner)
    s, e = trim(text, s, e)
    s = skip_connective(text, s, e)
    before = trim(text, s, inner[0])
    after = trim(text, inner[1], e)
    if before[1] - before[0] <= 0:
        return after
    if after[1] - after[0] <= 0 or _COORDINATION.match(text, after[0], after[1]):
        return before  # "X has won 758 delegates, according to a tally, but his path ..."
    return s, e


# A clause coordinated after a mid-sentence "according to X": the attribution covers the part before.
_COORDINATION = re.compile(r"(?:but|and|while|though|although|whereas|yet)\b", re.IGNORECASE)


def _skip_leading_time(doc: Doc, start: int, end: int) -> int:
    """"said on Friday he met ...", "said Tuesday his actions ...": a time phrase right after the
    cue belongs to the saying (the parser often hangs it on the clause), not to what was said."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) < 3:
        return start
    i = 0
    if len(span) > 1 and span[0].pos_ == "ADP" and span[1].ent_type_ in ("DATE", "TIME"):
        i = 1
    if span[i].ent_type_ not in ("DATE", "TIME") or span[i].ent_iob_ != "B":
        return start
    while i < len(span) and span[i].ent_type_ in ("DATE", "TIME") and (
            span[i].ent_iob_ == "I" or i == 0 or span[i - 1].pos_ == "ADP"):
        i += 1
    if i >= len(span) - 1 or span[i].is_punct:
        return start
    return span[i].idx


def skip_connective(text: str, start: int, end: int) -> int:
    """Start of a span after a sentence-opening connective and its comma ("Still, ...")."""
    comma = text.find(",", start, min(end, start + 24))
    if comma > start and text[start:comma].strip().lower() in _connectives():
        return trim(text, comma + 1, end)[0]
    return start


@lru_cache(maxsize=1)
def _connectives() -> frozenset[str]:
    return frozenset(row["connective"] for row in lexicon_rows("attribution_connectives.tsv"))


def _paragraph_part(text: str, start: int, end: int, inner: tuple[int, int]) -> tuple[int, int]:
    """A sentence as parsed may run over a blank line (headline glued to the lead); keep the
    paragraph holding ``inner``."""
    para_start = text.rfind("\n\n", start, inner[0])
    para_end = text.find("\n\n", inner[1], end)
    return (para_start + 2 if para_start >= 0 else start), (para_end if para_end >= 0 else end)


_QUESTION_VERBS = ("ask",)


def is_unnamed_question(verb: Token) -> bool:
    """A participle ("Asked about ...") or passive ("was asked") question verb: the asker is
    unnamed (``attribution_questions``), and the person asked is not the source."""
    if verb.lemma_.lower() not in _QUESTION_VERBS:
        return False
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ == "advcl" and not any(
        c.dep_ in ("nsubj", "aux") for c in verb.children)


def verb_frames(sent: Span, lex: CueLexicon) -> list[Frame]:
    frames = []
    text = doc_text(sent.doc)
    for verb in sent:
        if verb.pos_ != "VERB":
            continue
        lemma = verb.lemma_.lower()
        if lemma not in lex.clause and lemma not in lex.infinitive and lemma not in lex.naming:
            continue
        if is_unnamed_question(verb):
            continue  # "Asked about X, the minister said": attribution_questions owns it
        if _has_mark_as(verb) and verb.dep_ == "advcl" and (reported := _as_reported(verb, sent)):
            frames.extend(reported)
            continue
        content = None
        rule = ""
        comp = _clause_complement(verb) if lemma in lex.clause else None
        if comp is not None:
            content, rule = _clause_range(comp, lex), "clause"
        elif lemma in lex.infinitive and (inf := _infinitive_complement(verb)) is not None:
            content, rule = _infinitive_range(verb, inf, lex), "infinitive"
        elif verb.dep_ == "parataxis" and lemma in lex.clause and verb.head.i != verb.i:
            content, rule = _outside_subtree(verb, sent), "parenthetical"
        elif lemma in lex.clause and (q := _quote_after(verb)) is not None:
            content, rule = q, "quote-after"
        elif lemma in lex.naming and (named := _naming(verb)) is not None:
            content, rule = named, "naming"
        elif lemma in lex.clause and (rest := _after_colon(verb, sent)) is not None:
            content, rule = rest, "colon"
        elif (obj := _object(verb)) is not None and (clause := _that_clause(obj)) is not None:
            content, rule = _clause_range(clause, lex), "object-clause"
        elif lemma in lex.noun_object and obj is not None and not _named_addressee(verb, obj):
            content, rule = _object_range(verb, obj, lex), "object"
        elif lemma in lex.noun_object and (obj is None or not _named_addressee(verb, obj)) \
                and (pobj := _prep_object(verb)) is not None:
            content, rule = _object_range(verb, pobj, lex), "prep-object"
        elif lemma in lex.clause and (q := _quote_before(verb)) is not None:
            content, rule = q, "quote-before"
        if content is None:
            continue
        content = trim(text, *within_paragraph(text, content, verb.idx))
        content = (skip_connective(text, *content), content[1])
        if rule == "clause" and content[0] > verb.idx:
            content = (_skip_leading_time(sent.doc, *content), content[1])
        if content[1] - content[0] < 2 and rule not in ("quote-after", "quote-before"):
            continue
        source = subject_of(verb)
        if source is None:
            continue
        extra = (content_prep(verb),) if rule == "prep-object" else ()
        cue = cue_range(verb, extra)
        if rule == "object-clause":  # "made the observation that ...": the noun is in the cue
            cue = (cue[0], obj.idx + len(obj))
        frames.append(Frame(cue, content, source, rule, verb, via_tokens=_told_outlet(verb),
                            ends_at_next_speech=comp is not None and _next_speech_cut(comp, lex)))
    return frames


def within_paragraph(text: str, content: tuple[int, int], cue: int) -> tuple[int, int]:
    """A parsed content stays in the cue's paragraph: the parser glues a headline to the lead
    ("Headline.\n\nA report said ...") and a blank line is never inside reported clause syntax
    (quotations running over paragraphs are joined later, by the quotation pass)."""
    start, end = content
    para_start = text.rfind("\n\n", 0, cue)
    para_end = text.find("\n\n", cue)
    if para_start >= 0 and start < para_start + 2 <= end:
        start = para_start + 2
    if 0 <= para_end < end and start < para_end:
        end = para_end
    return start, end


def _outside_subtree(verb: Token, sent: Span) -> tuple[int, int]:
    head = verb.head
    clause = subtree_range(head)
    inner = subtree_range(verb)
    text = doc_text(sent.doc)
    s, e = trim(text, *clause)
    s = skip_connective(text, s, e)  # "Still, he said, officials must ...": the content follows
    if inner[1] >= e:
        return s, inner[0]
    if inner[0] <= s:
        return inner[1], e
    return s, e


def _quote_after(verb: Token) -> tuple[int, int] | None:
    """"X said: “...”" / "X told reporters, “...”": the quote right after the verb phrase.
    "called Trump “unhinged”" / "dubbed him “the little senator”": an object glued to the quote
    (no comma) is what the quote is said of, and part of the content."""
    doc = verb.doc
    last = verb
    named = None
    for child in verb.rights:
        if child.dep_ in ("dative", "dobj", "prep", "npadvmod", "advmod") and child.i <= last.i + 4:
            last = child.right_edge
            named = child if child.dep_ == "dobj" and named is None else named
        else:
            break
    i = last.i + 1
    if i < len(doc) and doc[i].text in (",", ":"):
        i += 1
        named = None
    while i < len(doc) and doc[i].is_space:
        i += 1
    if i < len(doc) and doc[i].text in ("“", '"', "«", "''", "``"):
        if named is not None and named.right_edge.i == i - 1 and verb.lemma_.lower() != "tell":
            return named.left_edge.idx, doc[i].idx + 1
        return doc[i].idx, doc[i].idx + 1  # widened to the whole quotation by the quote pass
    return None


def _quote_before(verb: Token) -> tuple[int, int] | None:
    """"“A,” said X" / "“A,” X said" where the parser missed the quote as the verb's clause
    (it takes "“Trump needs to ...”" for an object or xcomp): a quotation closing on a comma,
    question or exclamation mark right before the speech is its content. Only the closing mark
    is returned; the quotation pass widens it to the whole quotation."""
    doc = verb.doc
    first = verb
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS and c.i < verb.i), None)
    if subject is not None:
        first = subject.left_edge
    for child in verb.children:  # "“A,” he once said": auxiliaries and adverbs before the verb
        if child.i < verb.i and child.dep_ in ("aux", "advmod", "neg") and child.i < first.i:
            first = child
    i = first.i - 1
    if i < 1 or doc[i].text not in ("”", '"', "''") or doc[i - 1].text not in (",", "?", "!"):
        return None
    return doc[i].idx, doc[i].idx + len(doc[i])


def _naming(verb: Token) -> tuple[int, int] | None:
    """"called Trump a fascist" / "described the field as “very good”": object and predicate."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    pred = [c for c in verb.children if c.i > obj.i and (
        c.dep_ in ("oprd", "xcomp", "ccomp", "attr") or (c.dep_ == "prep" and c.lower_ == "as"))]
    if not pred:
        return None
    return _tok_range(obj.left_edge, pred[-1].right_edge)


def _after_colon(verb: Token, sent: Span) -> tuple[int, int] | None:
    """"X notes: It would be difficult ...": what follows the colon, to the end of its paragraph."""
    doc = verb.doc
    i = verb.i + 1
    while i < len(doc) and doc[i].dep_ == "prt":
        i += 1
    if i + 1 >= len(doc) or doc[i].text != ":":
        return None
    text = doc_text(doc)
    start = doc[i + 1].idx
    para_end = text.find("\n", start)
    end = para_end if para_end >= 0 else len(text)
    return (start, end) if end - start > 3 else None


def _told_outlet(verb: Token) -> list[Token]:
    """"X told Reuters" / "X said in an interview with CNN": the named addressee relays."""
    out = []
    if verb.lemma_.lower() == "tell":
        for child in verb.children:
            if child.dep_ in ("dobj", "dative") and child.pos_ == "PROPN":
                out.append(child)
    return out


def _as_reported(verb: Token, sent: Span) -> list[Frame]:
    """"..., as reported by Welt am Sonntag." / "As X said, ...": the clause around is the content.
    A verb with a complement of its own ("as he urges voters to ...") is a temporal "as", and
    its own frame, not a comment on the main clause."""
    source = _agent(verb) or next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    if source is None or any(c.dep_ in ("ccomp", "xcomp", "dobj") and not _named_addressee(verb, c)
                             for c in verb.children):  # "As X told Reuters, ..." is a comment
        return []
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    extra = tuple(t for t in (agent,) if t is not None)
    phrase = subtree_range(verb)
    content = _outside(sent, phrase)
    if content[1] - content[0] < 2:
        return []
    return [Frame(cue_range(verb, extra), content, source, "as-reported", verb,
                  source_span=_split_agent_span(agent))]


def _split_agent_span(agent: Token | None) -> tuple[int, int] | None:
    """"by Welt am Sonntag" parsed as two objects ("Welt am" + "Sonntag"): the name is all of them."""
    objs = [c for c in agent.children if c.dep_ == "pobj"] if agent is not None else []
    if len(objs) < 2:
        return None
    return _tok_range(objs[0].left_edge, objs[-1].right_edge)


def according_frames(sent: Span) -> list[Frame]:
    frames = []
    for tok in sent:
        if tok.lower_ != "according":
            continue
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        if to is None:
            continue
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if obj is None:
            continue
        phrase = _tok_range(tok, to.right_edge)
        content = _outside(sent, phrase)
        if content[1] - content[0] < 2:
            continue
        frames.append(Frame(_tok_range(tok, to), content, obj, "according-to", tok))
    return frames
