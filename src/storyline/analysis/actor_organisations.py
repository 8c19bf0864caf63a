"""Organisations spaCy finds that the knowledge base does not know.

An ORG entity becomes an actor of kind ``organization`` with a slug id. A country word inside its
name gives the organisation its country ("Nigerian Union of Teachers" → NGA) but is not a mention
of the country acting: the country is only part of another name. An ORG whose head is a sector
noun ("the Serbian Parliament", "Israeli Army") is the country itself, resolved by the KB pass.
Entities that are places, products, laws or dates spaCy tagged ORG are dropped with the reason
(see ``actor_names.organisation_problem``).
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from .extensions import doc_ents
from ..kb import KnowledgeBase, fold
from .actor_context import historical_marker
from .actor_matching import KbMatch
from .actor_names import EntityLabels, clean_entity, organisation_problem
from .actor_persons import slugify, title_vocabulary
from .actor_registry import ActorRegistry


def is_named_organisation(ent: Span, kb: KnowledgeBase, matches: list[KbMatch]) -> bool:
    """A real ORG name, not a country + sector noun phrase spaCy happened to tag ORG, and not
    a string of KB names ("the U.S. State Department" is the US government)."""
    if ent.label_ != "ORG" or kb.lookup(_strip_the(ent.text)):
        return False
    covered = sum(m.end - m.start for m in matches
                  if ent.start_char <= m.start and m.end <= ent.end_char)
    letters = len(_strip_the(ent.text).replace(" ", "").replace(".", ""))
    if covered and covered >= letters - 1:
        return False
    if ent.root.lower_ in kb.sectors or ent.root.dep_ == "amod" or (len(ent) == 1 and ent.root.pos_ == "ADJ"):
        return False
    if len(ent) == 1 and ent.root.dep_ in ("compound", "amod") and ent.root.head.lower_ in kb.sectors:
        return False  # "Allied soldiers": a modifier of people, like a demonym, not a named body
    if ent.root.lower_ in kb.roles_by_form:
        return False  # "Turkish Presidential Advisor": a title, not an organisation
    if all(t.lower_ in title_vocabulary(kb) or t.lower_ in kb.sectors for t in ent if t.pos_ != "DET"):
        return False  # "Defense" of "Defense Secretary Lloyd Austin": part of a title
    return any(t.text[:1].isupper() for t in ent)


def _strip_the(text: str) -> str:
    """The bare name: no leading article, no trailing possessive ("Kyiv’s" → "Kyiv")."""
    text = text[4:] if text.lower().startswith("the ") else text
    for suffix in ("'s", "\u2019s", "'", "\u2019"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


def resolve_organisations(doc: Doc, kb: KnowledgeBase, registry: ActorRegistry,
                          matches: list[KbMatch], published_year: int | None = None) -> None:
    labels = EntityLabels(doc)
    for ent in doc_ents(doc):
        ent = clean_entity(ent, kb) if ent.label_ == "ORG" else None
        if ent is None or not is_named_organisation(ent, kb, matches):
            continue
        marker = historical_marker(ent, kb, published_year)
        if marker:
            registry.exclude(ent.start_char, ent.end_char, ent.text, marker)
            continue
        country, why = country_in_name(ent, matches, kb)
        if registry.covers(ent.start_char, ent.end_char, kinds=("person", "outlet", "anonymous", "igo")):
            continue
        name = _strip_the(ent.text)
        if _joins_a_person(registry, ent, name):
            continue
        earlier = longer_name_ending_with(registry, name)
        if earlier is not None:
            registry.add(earlier.id, earlier.name, earlier.kind, ent.start_char, ent.end_char, ent.text,
                         f"short form of organisation '{earlier.name}'", country=earlier.country)
            continue
        why = organisation_problem(ent, kb, labels)
        if why:
            registry.exclude(ent.start_char, ent.end_char, ent.text, f"not an organisation: {why}")
            continue
        slug = slugify(name)
        if not slug:
            continue
        registry.absorb(ent.start_char, ent.end_char, ent.text)
        registry.add(slug, name, "organization", ent.start_char, ent.end_char, ent.text,
                     f"spaCy ORG entity; country: {why}", country=country)


def country_in_name(ent: Span, matches: list[KbMatch], kb: KnowledgeBase) -> tuple[str | None, str]:
    """The country a name carries ("Nigerian Union of Teachers", "The Phnom Penh Post").
    A government body's name inside another name says nothing ("the National Congress Party"
    is not the US Congress)."""
    for match in matches:
        if ent.start_char <= match.start and match.end <= ent.end_char:
            for entry in match.entries:
                if entry.kind in ("country", "demonym") or (
                        entry.kind == "place" and kb.is_country(entry.target)):
                    return entry.target, f"country word '{match.text}' in the name"
    return None, "no country evidence"


def _joins_a_person(registry: ActorRegistry, ent: Span, name: str) -> bool:
    """spaCy sometimes tags a person ORG: a bare surname ("Chikwati said") or a full name
    ("Mason Rudolph") whose surname names a person elsewhere in the article joins that person."""
    words = fold(name).split()  # "O’Brien" is "O'Brien"
    if len(words) > 3 or (len(words) > 1 and not all(t.pos_ == "PROPN" for t in ent if t.pos_ != "DET")):
        return False
    for draft in registry.drafts.values():
        if draft.kind != "person":
            continue
        draft_words = fold(draft.name).split()
        same = (len(words) == 1 and len(draft_words) > 1 and draft_words[-1] == words[0]) or \
               (len(words) > 1 and draft_words[-1] == words[-1])
        if same:
            if len(words) > len(draft_words):
                draft.name = name
            registry.add(draft.id, draft.name, "person", ent.start_char, ent.end_char, ent.text,
                         f"same person as '{draft.name}' (entity tagged ORG)")
            return True
    return False


def longer_name_ending_with(registry: ActorRegistry, name: str, kinds=("organization", "outlet")):
    """"Central Command" after "U.S. Central Command", "the Post" after "The New York Post":
    the same organisation or outlet."""
    for draft in registry.drafts.values():
        if draft.kind in kinds and draft.name != name and draft.name.endswith(" " + name):
            return draft
    return None
