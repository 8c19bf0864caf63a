"""Organisations spaCy finds that the knowledge base does not know.

An ORG entity becomes an actor of kind ``organization`` with a slug id. A country word inside its
name gives the organisation its country ("Nigerian Union of Teachers" → NGA) but is not a mention
of the country acting: the country is only part of another name. An ORG whose head is a sector
noun ("the Serbian Parliament", "Israeli Army") is the country itself, resolved by the KB pass.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..kb import KnowledgeBase
from .actor_context import historical_marker
from .actor_matching import KbMatch
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
    for ent in doc.ents:
        if not is_named_organisation(ent, kb, matches):
            continue
        marker = historical_marker(ent, kb, published_year)
        if marker:
            registry.exclude(ent.start_char, ent.end_char, ent.text, marker)
            continue
        country, why = None, "no country evidence"
        for match in matches:
            if ent.start_char <= match.start and match.end <= ent.end_char:
                for entry in match.entries:
                    if entry.kind in ("country", "demonym", "body") or (
                            entry.kind == "place" and kb.is_country(entry.target)):
                        country = entry.target if entry.kind != "body" else \
                            kb.government_bodies[entry.target].country
                        why = f"country word '{match.text}' in the name"
                        break
        if registry.covers(ent.start_char, ent.end_char, kinds=("person", "outlet", "anonymous", "igo")):
            continue
        name = _strip_the(ent.text)
        if _joins_a_person(registry, ent, name):
            continue
        earlier = _longer_name_ending_with(registry, name)
        if earlier is not None:
            registry.add(earlier.id, earlier.name, earlier.kind, ent.start_char, ent.end_char, ent.text,
                         f"short form of organisation '{earlier.name}'", country=earlier.country)
            continue
        slug = slugify(name)
        if not slug:
            continue
        # a KB name inside the organisation's name (a country word, an outlet's name) was taken
        # as a mention of its own by the KB pass: undo it, it is only part of another name
        for draft in list(registry.drafts.values()):
            if draft.kind in ("person", "anonymous"):
                continue
            kept = [m for m in draft.mentions
                    if not (ent.start_char <= m.start and m.end <= ent.end_char)]
            for m in draft.mentions:
                if m not in kept:
                    registry.exclude(m.start, m.end, m.text, f"part of the organisation name '{ent.text}'")
            draft.mentions = kept
        registry.add(slug, name, "organization", ent.start_char, ent.end_char, ent.text,
                     f"spaCy ORG entity; country: {why}", country=country)


def _joins_a_person(registry: ActorRegistry, ent: Span, name: str) -> bool:
    """spaCy sometimes tags a bare surname ORG ("Chikwati said"): join the person it names."""
    if len(name.split()) != 1:
        return False
    for draft in registry.drafts.values():
        if draft.kind == "person" and len(draft.name.split()) > 1 and draft.name.split()[-1] == name:
            registry.add(draft.id, draft.name, "person", ent.start_char, ent.end_char, ent.text,
                         f"surname of '{draft.name}' (entity tagged ORG)")
            return True
    return False


def _longer_name_ending_with(registry: ActorRegistry, name: str):
    """"Central Command" after "U.S. Central Command" is the same organisation."""
    for draft in registry.drafts.values():
        if draft.kind == "organization" and draft.name != name and draft.name.endswith(" " + name):
            return draft
    return None
