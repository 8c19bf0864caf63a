"""Actors component: entity mentions → stable actors with kind, country, role and mentions.

Resolution runs in a fixed order so that specific evidence wins over generic evidence:
country homonyms read in context ("Atlanta, Georgia" is a US state: ``actor_ambiguity``) →
knowledge-base matches (countries, demonyms, capitals as metonyms, seats of government, IGOs,
groups, government bodies, non-state groups, known outlets) → outlets named in a reporting
context → people (KB officials with tenure on the publication date, spaCy PERSON entities,
title patterns, appositives, surname coreference, "the French president" → the office holder)
→ anonymous sources → remaining spaCy ORG entities. PERSON and ORG entities must have the shape
and use of a name of their kind (``actor_names``). Every mention keeps its reason.

Decisions (each visible in the mention's reason):
- A demonym or country name in a title ("Ukrainian President Volodymyr Zelenskyy") is both the
  person's country and a mention of that country: the office acts for the state.
- A country word inside a larger name (an ORG entity or outlet: "Radio France International",
  "Nigerian Union of Teachers") is not a mention of the country; it gives the name its country.
- Capitals stand for their government when they act or own (subject, possessor, modifier,
  object of a non-locative preposition: "Paris hoped", "Kyiv's request", "the Paris
  initiatives", "ties with Moscow"); after a locative preposition or a movement verb ("talks in
  Paris", "visited Kyiv") they are places, listed in ``notes["places"]`` and not actors. Seats
  ("the Kremlin", "Downing Street") always stand for their government.
- Mentions with a historical marker ("Nazi German forces", "during WWII", "in 1944") are not
  actors (``notes["actor_excluded"]``).
- Small groups ("all Baltic states") expand to their members on the publication date; large
  blocs ("EU member states") stay one actor of kind ``group``.

Results:
- ``doc._.actors``: list of ``model.Actor``
- ``doc._.notes["actor_spans"]``: sorted ``(start_char, end_char, actor_id)`` for every mention
  (a group phrase gives one span per member; an office reference overlaps its country word)
- ``doc._.notes["actor_mentions"]``: the same with kind, sector and reason per mention
- ``doc._.notes["actor_excluded"]``: KB matches deliberately not made actors, with the reason
- ``doc._.notes["places"]``: place mentions that are not actors (``(start, end, country, text)``)
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from .extensions import doc_ents
from ..kb import KnowledgeBase, SurfaceEntry, load_kb
from ..model import Actor
from .actor_ambiguity import US_READINGS, other_readings
from .actor_context import capital_role, doc_text, historical_marker, is_language_use, is_prefixed, sector_of
from .actor_matching import KbMatch, coordinated_group_matches, find_kb_matches
from .actor_organisations import resolve_organisations
from .actor_persons import resolve_persons, slugify
from .actor_registry import ActorRegistry
from .actor_sources import resolve_anonymous, resolve_known_outlet, resolve_outlets


_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def publication_date(doc: Doc) -> str | None:
    """The article's date as an ISO day for tenure and membership look-ups; a month or a year
    stands for its middle; anything unreadable means no date (the latest KB rows are used)."""
    article = doc._.article
    published = getattr(article, "published", None) if article is not None else None
    match = _ISO_DATE.match(published.strip()) if isinstance(published, str) else None
    if not match:
        return None
    year, month, day = match.group(1), match.group(2), match.group(3)
    return f"{year}-{month or '07'}-{day or ('15' if month else '01')}"


def annotate_actors(doc: Doc) -> None:
    kb = load_kb()
    date = publication_date(doc)
    registry = ActorRegistry()
    places: list[tuple[int, int, str, str]] = []
    matches = find_kb_matches(doc_text(doc), kb)
    matches = sorted(matches + coordinated_group_matches(doc_text(doc), matches, kb),
                     key=lambda m: (m.start, -m.end))
    person_spans = [(e.start_char, e.end_char) for e in doc_ents(doc) if e.label_ == "PERSON"]
    readings = other_readings(doc, matches, kb)
    for match in matches:
        reading = readings.get((match.start, match.end))
        if reading is not None:
            registry.exclude(match.start, match.end, match.text, f"{reading[0]}: {reading[1]}")
            if reading[0] in US_READINGS:
                places.append((match.start, match.end, "USA", match.text))
            continue
        _resolve_kb_match(doc, kb, registry, match, date, places, person_spans, matches)
    matches = _reread(matches, readings)
    resolve_outlets(doc, kb, registry, matches)
    resolve_persons(doc, kb, registry, matches, date)
    resolve_anonymous(doc, kb, registry, matches)
    resolve_organisations(doc, kb, registry, matches, int(date[:4]) if date else None)
    doc._.actors = registry.actors()
    notes = doc._.notes if doc._.notes is not None else {}
    notes["actor_spans"] = registry.spans()
    notes["actor_mentions"] = registry.mention_details()
    notes["actor_excluded"] = registry.excluded
    notes["places"] = sorted(places)
    doc._.notes = notes


def _reread(matches: list[KbMatch], readings: dict[tuple[int, int], tuple[str, str]]) -> list[KbMatch]:
    """Later passes see a homonym in its other reading: a US state or town is a US place (it
    still gives "Georgia Gov. Brian Kemp" his country); a given name or river is no KB match."""
    result = []
    for match in matches:
        reading = readings.get((match.start, match.end))
        if reading is None:
            result.append(match)
        elif reading[0] in US_READINGS:
            entry = SurfaceEntry(match.text, "place", "USA", f"homonym: {reading[1]}")
            result.append(KbMatch(match.start, match.end, match.text, (entry,)))
    return result


def _inside_larger(match: KbMatch, spans: list[tuple[int, int]]) -> bool:
    return any(s <= match.start and match.end <= e and (e - s) > (match.end - match.start)
               for s, e in spans)


def _resolve_kb_match(doc: Doc, kb: KnowledgeBase, registry: ActorRegistry, match: KbMatch,
                      date: str | None, places: list, person_spans: list, matches: list[KbMatch]) -> None:
    span = doc.char_span(match.start, match.end, alignment_mode="expand")
    if span is None:
        return
    kinds = {e.kind for e in match.entries}
    if kinds == {"official"}:
        return  # resolved by the person pass, which needs all KB matches first
    if "outlet" in kinds and kinds <= {"outlet", "official"}:
        resolve_known_outlet(registry, kb, match)
        return
    if _inside_larger(match, person_spans) and "official" not in kinds:
        registry.exclude(match.start, match.end, match.text, "part of a person's name")
        return
    published_year = int(date[:4]) if date else None
    marker = historical_marker(span, kb, published_year)
    if marker:
        registry.exclude(match.start, match.end, match.text, marker)
        return
    entry = match.entries[0]
    if entry.kind in ("country", "demonym"):
        if is_prefixed(span):
            registry.exclude(match.start, match.end, match.text, "prefixed attitude (pro-/anti-)")
            return
        if entry.kind == "demonym" and is_language_use(span):
            registry.exclude(match.start, match.end, match.text, "language, not the country")
            return
        country = kb.country(entry.target)
        sector, _ = sector_of(span, kb)
        registry.add(country.alpha3, country.name, "country", match.start, match.end, match.text,
                     f"kb {entry.kind} '{entry.form}' ({country.source})", sector=sector)
    elif entry.kind == "place":
        _resolve_place(kb, registry, match, span, places)
    elif entry.kind == "organisation":
        org = kb.organisations[entry.target]
        if org.kind == "ngo":
            registry.add(slugify(org.name), org.name, "organization", match.start, match.end,
                         match.text, f"kb organisation ({org.source})")
        else:
            registry.add(org.id, org.name, "igo", match.start, match.end, match.text,
                         f"kb {org.kind} ({org.source})")
    elif entry.kind == "group":
        _resolve_group(kb, registry, match, entry, date)
    elif entry.kind == "movement":
        group = kb.non_state_groups[entry.target]
        registry.add(group.id, group.name, "organization", match.start, match.end, match.text,
                     f"kb non-state group ({group.source})", country=group.country, sector=group.sector)
    elif entry.kind == "body":
        body = kb.government_bodies[entry.target]
        country = kb.country(body.country)
        registry.add(country.alpha3, country.name, "country", match.start, match.end, match.text,
                     f"kb government body '{body.name}' ({body.source})", sector=body.sector)


def _resolve_place(kb: KnowledgeBase, registry: ActorRegistry, match: KbMatch, span,
                   places: list) -> None:
    """Seats stand for their government; capitals only when they act (see ``capital_role``);
    other cities, and capitals used as locations, are places that give country evidence."""
    rows = [p for e in match.of_kind("place") for p in kb.places
            if p.actor_id == e.target and p.form in (e.form, "the " + e.form)]
    metonym = next((p for p in rows if p.type in ("capital", "seat")), None)
    located = next((p for p in rows if p.type in ("city", "region") or kb.is_country(p.actor_id)), None)
    rule = "seat of government stands for its government"
    if metonym is not None and metonym.type == "capital":
        acts, rule = capital_role(span, kb)
        if not acts:
            metonym = None
            registry.exclude(match.start, match.end, match.text, rule)
    if metonym is None:
        if located is not None:
            places.append((match.start, match.end, located.actor_id or None, match.text))
        return
    target = metonym.actor_id
    kind = "country" if kb.is_country(target) else "igo"
    registry.add(target, kb.name_of(target), kind, match.start, match.end, match.text,
                 f"metonym: {rule} ({metonym.source})", sector=metonym.sector if kind == "country" else None)


def _resolve_group(kb: KnowledgeBase, registry: ActorRegistry, match: KbMatch, entry, date) -> None:
    group = kb.groups[entry.target]
    members = group.members_on(date)
    if group.expand and members:
        for member in members:
            country = kb.country(member)
            registry.add(member, country.name, "country", match.start, match.end, match.text,
                         f"member of group '{group.name}' on {date or 'latest table'} ({group.source})")
    else:
        registry.add(group.id, group.name, "group", match.start, match.end, match.text,
                     f"kb group, not expanded: {len(members)} members ({group.source})")


def actors_in_span(doc: Doc, start: int, end: int) -> list[Actor]:
    """Actors with a mention inside the character range [start, end) of ``doc.text``."""
    found = []
    for actor in doc._.actors or []:
        if any(m.start >= start and m.end <= end for m in actor.mentions):
            found.append(actor)
    return found
