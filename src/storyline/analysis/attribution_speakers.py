"""Who is speaking: the source phrase of a claim, its intermediaries (``via``), its kind and actor.

The speaker keeps its own wording (``Speaker.text`` = the source phrase as written, e.g.
"one of the unnamed diplomats"); resolution to an actor goes through the actors layer
(``doc._.actors`` with mention offsets). When that layer has nothing, the kind is guessed from the
phrase itself: an unnamed "sources/officials/diplomats" head is anonymous, a "reports/media" head
is the press, and a named entity's label gives person/country/organization.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..model import Actor, Speaker
from .attribution_lexicon import cue_lexicon
from .attribution_rules import doc_text, skip_dateline

# Quantifier heads whose "of"-phrase names the real group ("one of the diplomats").
_PARTITIVE = {"one", "some", "many", "most", "several", "none", "all", "each", "two", "three",
              "both", "few", "any", "half", "majority", "number"}
_PERSON_PRONOUNS = {"he", "she", "him", "her", "i", "me"}
_GROUP_PRONOUNS = {"they", "them", "we", "us"}
_RELATIVE = {"who", "which", "that", "whom"}
# Intermediary verbs inside a source phrase: "sources cited by Reuters", "diplomats quoted by AFP".
_RELAY_VERBS = {"cite", "quote"}
_NER_KIND = {"PERSON": "person", "GPE": "country", "NORP": "country", "ORG": "organization"}


@dataclass
class SourcePhrase:
    head: Token          # syntactic head of the source noun phrase
    start: int           # character span of the speaker's own wording
    end: int
    via: list[str]
    refers: tuple[int, int] | None = None  # "Smith, who said": the antecedent's span, for the actor


def source_phrase(head: Token, cue: Token | None = None) -> SourcePhrase:
    """The whole source noun phrase around ``head`` (appositions and relative clauses included,
    as written), minus a relay phrase ("diplomatic sources cited by Reuters" -> "diplomatic
    sources", via ["Reuters"]) and minus any part holding the cue itself ("Smith, who said")."""
    if head.lower_ in _RELATIVE and head.head.dep_ == "relcl":
        # PolNeAR marks the relative pronoun itself as the source; the antecedent names the actor.
        antecedent = head.head.head
        return SourcePhrase(antecedent, head.idx, head.idx + len(head), [],
                            refers=(antecedent.left_edge.idx, antecedent.idx + len(antecedent)))
    if cue is not None and (clipped := _head_in_own_line(head, cue)) is not None:
        head = clipped
    via: list[str] = []
    cut = head.right_edge.i + 1
    for child in head.rights:
        relay = _relay_agent(child)
        holds_cue = cue is not None and child.left_edge.i <= cue.i <= child.right_edge.i
        if relay is not None or holds_cue:
            if relay is not None:
                via.append(relay)
            cut = min(cut, child.left_edge.i)
            break
    for child in head.lefts:
        if (child.dep_ == "poss" or any(g.dep_ == "case" for g in child.children)) \
                and _looks_like_outlet(child) and _is_anonymous_head(head):
            via.append(_subtree_text(child, strip_possessive=True))
    doc = head.doc
    first = head.left_edge.i
    if cue is not None and first <= cue.i < head.i:
        first = cue.i + 1
    last = max(head.i, cut - 1)
    if cue is not None and head.i < cue.i <= last:
        last = cue.i - 1  # a mis-attached quotation after the cue is not part of the speaker
    while last > first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    while first < last and (doc[first].is_punct or doc[first].is_space):
        first += 1
    start, end = doc[first].idx, doc[last].idx + len(doc[last])
    line_break = doc_text(doc).rfind("\n", start, end)
    if line_break >= 0 and line_break < head.idx:
        start = line_break + 1  # a timestamp or heading line glued to the subject
    return SourcePhrase(head, skip_dateline(doc_text(doc), start, end), end, via)


def _head_in_own_line(head: Token, cue: Token) -> Token | None:
    """A parse that takes a timestamp ("12:15 p.m."), a heading or a dateline ("WASHINGTON (AP)
    —") on an earlier line as the subject: the real subject is the phrase between the start of the
    cue's line (after any dateline) and the cue, so its root becomes the head."""
    text = doc_text(head.doc)
    line_start = text.rfind("\n", 0, cue.idx) + 1
    line_start = skip_dateline(text, line_start, cue.idx)
    if not head.idx < line_start <= cue.idx:
        return None
    span = head.doc.char_span(line_start, cue.idx, alignment_mode="contract")
    if span is None or not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in span):
        return None
    root = span.root
    return root if root.pos_ in ("NOUN", "PROPN", "PRON") else None


def _relay_agent(tok: Token) -> str | None:
    if tok.lemma_.lower() in _RELAY_VERBS:
        for child in tok.children:
            if child.dep_ == "agent":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return _subtree_text(obj)
    return None


def _subtree_text(tok: Token, strip_possessive: bool = False) -> str:
    toks = [t for t in tok.subtree if not (strip_possessive and t.dep_ == "case")]
    doc = tok.doc
    return doc_text(doc)[toks[0].idx: toks[-1].idx + len(toks[-1])].strip()


def _known_outlets(doc: Doc) -> set[str]:
    """Names this document itself shows acting as the press: kind ``outlet`` in the actors layer,
    and agents of "reported by" / "cited by" / "quoted by"."""
    notes = doc._.notes if doc._.notes is not None else {}
    if "attribution_outlets" in notes:
        return notes["attribution_outlets"]
    names = {m.text.lower() for a in (doc._.actors or []) if a.kind == "outlet" for m in a.mentions}
    names |= {a.name.lower() for a in (doc._.actors or []) if a.kind == "outlet"}
    for tok in doc:
        if tok.dep_ == "agent" and tok.head.lemma_.lower() in ("report", "cite", "quote"):
            for obj in tok.children:
                if obj.dep_ == "pobj" and any(t.pos_ == "PROPN" for t in obj.subtree):
                    names.add(_subtree_text(obj).lower())
    notes["attribution_outlets"] = names
    return names


def _looks_like_outlet(tok: Token) -> bool:
    return _subtree_text(tok, strip_possessive=True).lower() in _known_outlets(tok.doc)


def _is_anonymous_head(head: Token) -> bool:
    return cue_lexicon().source_kind.get(head.lemma_.lower()) == "anonymous"


def _group_head(head: Token) -> Token:
    """"one of the unnamed diplomats" -> "diplomats"."""
    if head.lower_ in _PARTITIVE:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return obj
    return head


class SpeakerResolver:
    """Turns source phrases into ``Speaker`` records for one document."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.actors: dict[str, Actor] = {a.id: a for a in (doc._.actors or [])}
        self.recent: list[tuple[int, Speaker]] = []  # resolved speakers so far, by offset
        self.ents = list(doc.ents)  # Doc.ents rebuilds its list on every access

    def _actor_at(self, start: int, end: int, head: Token) -> Actor | None:
        covering, inside = None, []
        for actor in self.actors.values():
            for m in actor.mentions:
                if m.start >= start and m.end <= end:
                    inside.append(actor)
                    if m.start <= head.idx < m.end:
                        covering = actor
        return covering or (inside[0] if inside else None)

    def speaker(self, phrase: SourcePhrase) -> Speaker:
        doc = self.doc
        text = doc_text(doc)[phrase.start:phrase.end]
        head = _group_head(phrase.head)
        lex = cue_lexicon()
        if phrase.head.lower_ in _PERSON_PRONOUNS | _GROUP_PRONOUNS | {"it"}:
            actor, kind = self._antecedent(phrase.head)
            sp = Speaker(text, actor, kind, phrase.start, phrase.end)
            return sp
        start, end = phrase.refers or (phrase.start, phrase.end)
        actor = self._actor_at(start, end, phrase.head)
        noun_kind = lex.source_kind.get(head.lemma_.lower())
        ents = [e for e in self.ents if e.start_char >= start and e.end_char <= end]
        has_person = any(e.label_ == "PERSON" for e in ents)
        if noun_kind == "anonymous" and not has_person:
            kind = "anonymous"
            if actor is not None and (actor.kind == "outlet" or actor.name.lower() in
                                      {v.lower() for v in phrase.via}):
                actor = None
        elif actor is not None:
            kind = actor.kind
        elif noun_kind == "outlet" or text.lower() in _known_outlets(doc):
            kind = "outlet"
        else:
            kind = self._kind_from_entities(ents, phrase.head)
        sp = Speaker(text, actor.id if actor else None, kind, phrase.start, phrase.end)
        self.recent.append((phrase.start, sp))
        return sp

    def _kind_from_entities(self, ents: list, head: Token) -> str | None:
        for ent in ents:
            if ent.start <= head.i < ent.end and ent.label_ in _NER_KIND:
                return _NER_KIND[ent.label_]
        if head.pos_ == "PROPN" and head.ent_type_ in _NER_KIND:
            return _NER_KIND[head.ent_type_]
        return None

    def _antecedent(self, pronoun: Token) -> tuple[str | None, str | None]:
        """Nearest earlier speaker of a compatible kind (a person for he/she); else the nearest
        earlier person entity's actor. Only looks back within the document."""
        want_person = pronoun.lower_ in _PERSON_PRONOUNS
        for start, sp in reversed(self.recent):
            if start >= pronoun.idx:
                continue
            if want_person and sp.kind == "person":
                return sp.actor, "person"
            if not want_person and sp.kind in ("country", "organization", "group", "igo",
                                               "anonymous"):
                return sp.actor, sp.kind
        if want_person:
            for ent in reversed(self.ents):
                if ent.end_char <= pronoun.idx and ent.label_ == "PERSON":
                    actor = self._actor_at(ent.start_char, ent.end_char, ent.root)
                    return (actor.id if actor else None), "person"
            return None, "person"
        return self._plural_antecedent(pronoun)

    def _plural_antecedent(self, pronoun: Token) -> tuple[str | None, str | None]:
        """"... concerns raised by the governments of Spain, Italy and Germany. They fear ...":
        the nearest earlier plural noun phrase (within two sentences) that names actors."""
        doc = self.doc
        sent_starts = 0
        for i in range(pronoun.i - 1, max(-1, pronoun.i - 120), -1):
            tok = doc[i]
            if tok.is_sent_start:
                sent_starts += 1
                if sent_starts > 2:
                    break
            if tok.tag_ in ("NNS", "NNPS") and tok.lower_ not in _GROUP_PRONOUNS:
                start = tok.left_edge.idx
                end = tok.right_edge.idx + len(tok.right_edge)
                if end > pronoun.idx:
                    continue
                named = sorted(((m.start, a) for a in self.actors.values() for m in a.mentions
                                if m.start >= start and m.end <= end), key=lambda x: x[0])
                if named:
                    return named[0][1].id, named[0][1].kind
        return None, None
