"""Does a span spaCy tagged PERSON (or ORG) have the shape and use of a name of that kind?

The small English model tags many non-people PERSON: places ("Okinawa", "Da Nang"), products
("Nintendo Switch", "Thunderbolt 3"), acronyms ("JFK" the airport), teams ("the Browns"),
groups ("Europhiles"), headline fragments ("Glenn Beck Blasts Drudge"). Each test below is one
general property of names; the first that fails is the reason the candidate is dropped (kept in
``notes["actor_excluded"]``). Candidates the knowledge base knows as officials never come here.

Shape (every candidate): capitalised words, with name particles ("von der", "al-", "bin") and
suffixes ("Jr.", "III") allowed; no digit; not all upper case; not a plural noun.
Use in the article: not a name spaCy tags as a place, organisation or product more often than
as a person elsewhere in the same article; an unlinked name (one that is not the surname or
given name of a longer name in the article) is not the object of a locative preposition ("in
Okinawa"); a lone unlinked word is not an ISO 3166-2 subdivision, not a word the article also
writes in lower case ("Schools" vs "schools"), not a modifier naming a thing ("Patriot
missiles"), and not after an article ("the Thunder") — unless the article uses it as a person
once ("Mr. Rudolph", "Chin said"), which vouches for every mention (one sense per article).

ORG entities (``organisation_problem``): cut at a line break; no digit or calendar word; no
place, product, law or award head ("Platte River", "Falcon Heavy", "World Fantasy Award"); not
a name the article mostly tags as a place or person; a lone word is not a subdivision or the
object of "in".
"""
from __future__ import annotations

import calendar
import re
from collections import Counter, defaultdict

from spacy.tokens import Doc, Span

from .extensions import doc_ents
from ..kb import KnowledgeBase, fold
from .actor_context import doc_text

NON_PERSON_LABELS = ("GPE", "LOC", "FAC", "ORG", "PRODUCT", "NORP", "EVENT", "WORK_OF_ART", "LAW")
CALENDAR_WORDS = frozenset([*calendar.day_name, *calendar.month_name[1:]])
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
MODIFIER_DEPS = {"compound", "poss", "amod", "nmod"}
_CAMEL = re.compile(r"[a-z][A-Z]")                       # "SpaceX", "TikTok"
_CAMEL_NAME = re.compile(r"^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz)[A-Z]")  # "McDonald", "LeBron"


class EntityLabels:
    """How spaCy labelled each surface text across the article (one vote per entity)."""

    def __init__(self, doc: Doc) -> None:
        self.by_text: dict[str, Counter] = defaultdict(Counter)
        self.lower_words = {t.text for t in doc if t.is_lower and t.is_alpha}
        for ent in doc_ents(doc):
            text = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
            self.by_text[text][ent.label_] += 1

    def mostly_not_person(self, text: str, ties_lose: bool = False) -> str | None:
        votes = self.by_text.get(text)
        if not votes:
            return None
        other = sum(votes[label] for label in NON_PERSON_LABELS)
        if other > votes["PERSON"] or (ties_lose and other and other == votes["PERSON"]):
            label = max(NON_PERSON_LABELS, key=lambda lab: votes[lab])
            return f"'{text}' is tagged {label} elsewhere in the article"
        return None


def trim_name(span: Span, kb: KnowledgeBase) -> Span | None:
    """Drop leading lower-case words and title abbreviations ("rookie Emil Bemstrom",
    "DP Rigathi Gachagua"); None when nothing name-like is left."""
    start, end = span.start, span.end
    doc = span.doc
    abbreviations = [t.i for t in span[:-1] if kb.name_shape.get(t.text) == "title-abbreviation"]
    if abbreviations:  # "Browns DL Sheldon Richardson": the name follows the title
        start = abbreviations[-1] + 1
    while start < end - 1 and (
            (doc[start].is_lower and kb.name_shape.get(doc[start].text) != "particle")
            or any(e.kind in ("country", "demonym") for e in kb.lookup(doc[start].text))):
        start += 1  # "rookie Emil Bemstrom", "Myanmar Andrew Kirkwood"
    half = (end - start) // 2
    if half and (end - start) % 2 == 0 and doc[start:start + half].text == doc[start + half:end].text:
        end = start + half  # "David Gee David Gee": a byline repeated
    return doc[start:end] if start < end else None


def shape_problem(span: Span, kb: KnowledgeBase) -> str | None:
    """Why the words of ``span`` cannot be a person's name, or None."""
    doc = span.doc
    before = doc_text(doc)[max(0, span.start_char - 5):span.start_char].lower()
    if before.endswith(("pro-", "anti-")) or not span.text[:1].isalpha():
        return "prefixed attitude (pro-/anti-), not a person"
    words = [t for t in span if not t.is_punct]
    if any(ch.isdigit() for t in words for ch in t.text):
        return "a digit in the name"
    for tok in words:
        kind = kb.name_shape.get(tok.text)
        if kind in ("particle", "suffix"):
            continue
        after_hyphen = tok.i > span.start and tok.doc[tok.i - 1].text == "-"
        if tok.text[:1].islower() and "-" not in tok.text and not after_hyphen:
            return f"lower-case word '{tok.text}' inside the name"
        if tok.pos_ in ("VERB", "AUX") and tok.i > span.start:
            return f"verb '{tok.text}' inside the name (a headline fragment)"
    if len(words) > 1 and kb.name_shape.get(words[-1].text) in ("not-a-name-tail", "place-or-product-tail"):
        return f"ends in '{words[-1].text}': a place, body or product"
    if _in_title_case_line(span) and len(words) > 2:
        return "inside a title-case headline: the span runs into the headline's words"
    if len(words) == 1 and _CAMEL.search(words[0].text) and not _CAMEL_NAME.match(words[0].text):
        return f"inner capital in '{words[0].text}': a brand, not a name"
    letters = [t for t in words if t.is_alpha and kb.name_shape.get(t.text) != "suffix"]
    if letters and all(t.is_upper and len(t) > 1 for t in letters):
        return "all upper case: an acronym, not a name"
    last = words[-1] if words else None
    if last is not None and last.tag_ == "NNPS" and last.lemma_.lower() != last.lower_:
        return f"plural '{last.text}': a group, not a person"
    return None


def use_problem(span: Span, kb: KnowledgeBase, labels: EntityLabels, linked: bool) -> str | None:
    """Why the way the article uses ``span`` shows it is not a person, or None. ``linked``: the
    words are part of a longer person name in the article (their use then says nothing)."""
    doc = span.doc
    text = fold(span.text)
    signal = len(span) == 1 and person_signal(span, kb)
    why = None if signal else labels.mostly_not_person(span.text, ties_lose=len(span) == 1 and not linked)
    if why:
        return why
    if linked or signal:
        return None
    if all(t.pos_ in ("NOUN", "ADJ") and t.tag_ not in ("NNP", "NNPS") for t in span if not t.is_punct):
        return "tagged as common nouns, not a name"
    root = span.root
    prep = kb.name_shape.get(root.head.lower_) if root.dep_ == "pobj" else None
    if prep == "not-a-name-prep" or (prep == "not-a-name-prep-single" and len(span) == 1):
        return f"a place: object of '{root.head.text}'"
    if root.dep_ == "pobj" and kb.locative_cues.get(root.head.lower_) == "direction" \
            and kb.locative_cues.get(root.head.head.lemma_.lower()) == "motion-verb":
        return f"a place: destination of '{root.head.head.text}'"
    if len(span) == 1:
        if text in kb.subdivisions or span.text in kb.subdivisions:
            rows = kb.subdivisions.get(span.text) or kb.subdivisions.get(text)
            return f"ISO 3166-2 subdivision of {rows[0].country} ({rows[0].source})"
        if span.text.lower() in labels.lower_words:
            return f"'{span.text.lower()}' is a common word in this article"
        head = root.head
        if root.dep_ == "compound" and head.pos_ == "NOUN" and head.i > root.i \
                and head.lower_ not in kb.roles_by_form and head.lower_ not in kb.anonymous_heads:
            return f"names a '{head.text}' by its name, not a person"
        before = doc[span.start - 1] if span.start > 0 else None
        if before is not None and before.lower_ in DETERMINERS and before.pos_ == "DET" \
                and root.dep_ not in MODIFIER_DEPS:
            return f"after the article '{before.text}': a thing or team, not a person"
    return None


def clean_entity(ent: Span, kb: KnowledgeBase) -> Span | None:
    """The entity cut at its first line break (NER runs across headings: "Amazon\\n\\nSince") and
    without leading lower-case words other than "the" and name particles ("earlier MacBook Pro",
    but "al-Shabab")."""
    doc = ent.doc
    end = ent.end
    for tok in ent:
        if "\n" in tok.text or "\n" in tok.whitespace_ and tok.i + 1 < ent.end:
            end = tok.i if "\n" in tok.text else tok.i + 1
            break
    start = ent.start
    while start < end - 1 and doc[start].is_lower and doc[start].lower_ != "the" \
            and doc[start].text not in kb.name_shape.entries and doc[start + 1].text != "-":
        start += 1
    if start >= end:
        return None
    return ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label=ent.label_)


def organisation_problem(ent: Span, kb: KnowledgeBase, labels: EntityLabels) -> str | None:
    """Why an ORG entity is not an organisation, or None."""
    words = [t for t in ent if not t.is_punct and t.lower_ != "the"]
    if not words:
        return "no words"
    if any(ch.isdigit() for t in words for ch in t.text):
        return "a number in the name: a model, product or date"
    if any(t.text in CALENDAR_WORDS for t in words):
        return "a calendar word: a date or period"
    if kb.name_shape.get(words[-1].text) in ("not-an-org-tail", "place-or-product-tail"):
        return f"ends in '{words[-1].text}': a place, product, law or award"
    if len(words) > 2 and _in_title_case_line(ent):
        return "inside a title-case headline"
    text = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
    votes = labels.by_text.get(text)
    if votes:
        other = {lab: votes[lab] for lab in ("GPE", "LOC", "FAC", "PERSON", "NORP")}
        label = max(other, key=other.get)
        if other[label] > votes["ORG"]:
            return f"'{text}' is tagged {label} elsewhere in the article"
    root = ent.root
    if len(words) == 1:
        if text in kb.subdivisions and root.dep_ not in ("poss", "nsubj"):
            return f"ISO 3166-2 subdivision of {kb.subdivisions[text][0].country}"
        before = ent.doc[ent.start - 1] if ent.start > 0 else None
        if root.dep_ == "pobj" and kb.name_shape.get(root.head.lower_) == "not-a-name-prep" \
                and ent[0].lower_ != "the" and not (before is not None and before.pos_ == "DET"):
            return f"a place: object of '{root.head.text}'"
    return None


def person_signal(span: Span, kb: KnowledgeBase) -> bool:
    """A lone name used as a person: after an honorific or kin word ("Mr. Rudolph", "my wife
    Kimberly"), or the subject of a verb people do ("Chin said")."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and kb.name_shape.get(before.text) == "person-before":
        return True
    root = span.root
    return root.dep_ in ("nsubj", "nsubjpass") and kb.name_shape.get(root.head.lemma_.lower()) == "person-verb"


def _in_title_case_line(span: Span) -> bool:
    """Headlines in title case ("Glenn Beck Blasts Critics for Mocking Him"): NER runs names
    into the capitalised words around them. A headline is a short line of its own, mostly in
    title case, that does not end like a sentence."""
    text = doc_text(span.doc)
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    line = text[start:end if end >= 0 else len(text)].strip()
    words = [w for w in line.split() if w[:1].isalpha() and len(w) > 3]
    if not words or len(line.split()) > 25 or line[-1:] in ")":
        return False
    return len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)
