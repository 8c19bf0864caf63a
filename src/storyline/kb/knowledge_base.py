"""The actor knowledge base: every table loaded once, indexed by the surface forms text uses.

Countries come from pycountry (ISO 3166-1 names, recorded as ``pycountry <version>``) merged with
the curated ``countries.tsv`` (short names, demonyms). Everything else is a curated table under
``data/`` with a ``source`` column. ``load_kb()`` is cached: one instance per process.
"""
from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from .records import (AmbiguousName, Country, GovernmentBody, Group, Lexicon, Membership,
                      NonStateGroup, Organisation, Outlet, Place, Role, Subdivision, Tenure)
from .tables import read_table, split_list

PYCOUNTRY_SOURCE = f"pycountry {getattr(pycountry, '__version__', '')}".strip()


def fold(text: str) -> str:
    """Drop accents ("Šimonytė" → "Simonyte") and normalise apostrophes, keeping case."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True)
class SurfaceEntry:
    """What a piece of text can mean: ``kind`` says which table, ``target`` the row's id."""
    form: str
    kind: str        # country | demonym | place | organisation | group | official | outlet | body
                     # | movement (non-state group)
    target: str
    source: str


class KnowledgeBase:
    def __init__(self) -> None:
        self.countries: dict[str, Country] = _load_countries()
        self.places: list[Place] = [Place(r["form"], r["actor_id"], r["type"], r["source"],
                                          r.get("sector") or "GOV")
                                    for r in read_table("places.tsv")]
        self.organisations: dict[str, Organisation] = {
            r["id"]: Organisation(r["id"], r["name"], tuple(split_list(r["aliases"])), r["kind"],
                                  r["parent"] or None, r["source"])
            for r in read_table("igos.tsv")}
        self.groups: dict[str, Group] = _load_groups()
        self.tenures: list[Tenure] = _load_tenures(set(self.organisations))
        self.outlets: dict[str, Outlet] = {
            r["id"]: Outlet(r["id"], r["name"], tuple(split_list(r["aliases"])),
                            r["country"] or None, r["source"])
            for r in read_table("outlets.tsv")}
        self.non_state_groups: dict[str, NonStateGroup] = {
            r["id"]: NonStateGroup(r["id"], r["name"], tuple(split_list(r["aliases"])),
                                   r["country"] or None, r["sector"], r["source"])
            for r in read_table("non_state_groups.tsv")}
        self.roles: list[Role] = [Role(r["form"], r["role"], r["sector"], r["source"])
                                  for r in read_table("roles.tsv")]
        self.government_bodies: dict[str, GovernmentBody] = {
            r["name"]: GovernmentBody(r["name"], r["country"], r["sector"], r["source"])
            for r in read_table("government_bodies.tsv")}
        self.sectors = _lexicon("sectors.tsv", "head", "sector")
        self.anonymous_heads = _lexicon("anonymous_sources.tsv", "head", "kind")
        self.anonymous_canonical = _lexicon("anonymous_sources.tsv", "head", "canonical")
        self.anonymity_cues = _lexicon("anonymity_cues.tsv", "cue", "cue")
        self.historical_markers = _lexicon("historical_markers.tsv", "marker", "scope")
        self.locative_cues = _lexicon("locative_cues.tsv", "word", "kind")
        self.reporting_cues = _lexicon("reporting_cues.tsv", "cue", "position")
        self.name_blockers = _lexicon("name_blockers.tsv", "word", "source")
        self.outlet_name_heads = _lexicon("outlet_name_heads.tsv", "word", "source")
        self.name_shape = _lexicon("name_shape.tsv", "word", "kind")
        self.state_offices = _lexicon("state_offices.tsv", "role", "source")
        self.ambiguous_names = _load_ambiguous_names()
        self.subdivisions: dict[str, tuple[Subdivision, ...]] = _load_subdivisions(self.countries)
        self.surface: dict[str, list[SurfaceEntry]] = self._index_surface_forms()
        self.roles_by_form: dict[str, Role] = {r.form.lower(): r for r in self.roles}

    # -- lookups -----------------------------------------------------------------------------
    def country(self, alpha3: str) -> Country | None:
        return self.countries.get(alpha3)

    def is_country(self, code: str | None) -> bool:
        return bool(code) and code in self.countries

    def name_of(self, actor_id: str) -> str:
        if actor_id in self.countries:
            return self.countries[actor_id].name
        if actor_id in self.organisations:
            return self.organisations[actor_id].name
        return actor_id

    def tenures_of(self, person_id: str) -> list[Tenure]:
        return [t for t in self.tenures if t.person_id == person_id]

    def tenure_on(self, person_id: str, date: str | None) -> Tenure | None:
        """The office a person holds on ``date`` (None: the latest office in the table)."""
        tenures = self.tenures_of(person_id)
        if not tenures:
            return None
        if date is not None:
            holding = [t for t in tenures if t.holds_on(date)]
            return holding[0] if holding else None
        return max(tenures, key=lambda t: (t.end is None, t.start or ""))

    def office_holders(self, role: str, country: str, date: str | None) -> list[Tenure]:
        """Who held ``role`` for ``country`` on ``date`` ("the French president" in 2016 vs 2024)."""
        return [t for t in self.tenures
                if t.role.lower() == role.lower() and country in (t.country, t.organisation)
                and t.holds_on(date)]

    def group_members(self, group_id: str, date: str | None) -> list[str]:
        group = self.groups.get(group_id)
        return group.members_on(date) if group else []

    def lookup(self, form: str) -> list[SurfaceEntry]:
        return self.surface.get(form) or self.surface.get(fold(form)) or []

    # -- index -------------------------------------------------------------------------------
    def _index_surface_forms(self) -> dict[str, list[SurfaceEntry]]:
        index: dict[str, list[SurfaceEntry]] = defaultdict(list)

        def add(form: str, kind: str, target: str, source: str) -> None:
            for variant in {form, fold(form)}:
                entry = SurfaceEntry(variant, kind, target, source)
                if entry not in index[variant]:
                    index[variant].append(entry)

        for c in self.countries.values():
            for name in c.names:
                add(name, "country", c.alpha3, c.source)
            for demonym in c.demonyms:
                add(demonym, "demonym", c.alpha3, c.source)
        for p in self.places:
            add(p.form, "place", p.actor_id, p.source)
        for o in self.organisations.values():
            for name in (o.name, *o.aliases):
                add(name, "organisation", o.id, o.source)
        for g in self.groups.values():
            for form in g.forms:
                add(form, "group", g.id, g.source)
        for t in self.tenures:
            for name in (t.name, *t.aliases):
                add(name, "official", t.person_id, t.source)
        for o in self.outlets.values():
            for name in (o.name, *o.aliases):
                add(name, "outlet", o.id, o.source)
        for g in self.non_state_groups.values():
            for name in (g.name, *g.aliases):
                add(name, "movement", g.id, g.source)
        for b in self.government_bodies.values():
            add(b.name, "body", b.name, b.source)
        return dict(index)


def _load_countries() -> dict[str, Country]:
    curated = {r["alpha3"]: r for r in read_table("countries.tsv")}
    countries: dict[str, Country] = {}
    iso = {c.alpha_3: c for c in pycountry.countries}
    for alpha3 in sorted(set(iso) | set(curated)):
        row = curated.get(alpha3)
        record = iso.get(alpha3)
        names: list[str] = []
        if row:
            names += [row["short_name"], *split_list(row["other_names"])]
        if record is not None:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(record, attr, None)
                if value and "," not in value and value not in names:
                    names.append(value)
        sources = [row["source"]] if row else []
        if record is not None:
            sources.append(PYCOUNTRY_SOURCE)
        countries[alpha3] = Country(
            alpha3=alpha3,
            name=row["short_name"] if row else getattr(record, "common_name", None) or record.name,
            names=tuple(dict.fromkeys(n for n in names if n)),
            demonyms=tuple(split_list(row["demonyms"])) if row else (),
            source="; ".join(sources))
    return countries


def _load_subdivisions(countries: dict[str, Country]) -> dict[str, tuple[Subdivision, ...]]:
    """ISO 3166-2 subdivision names (states, provinces, prefectures) from pycountry: a
    gazetteer of places for telling "Georgia" the US state from the country, and "Okinawa"
    from a person. Only names written in Latin letters without a comma are indexed."""
    alpha2 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    found: dict[str, list[Subdivision]] = defaultdict(list)
    for sub in pycountry.subdivisions:
        if "," in sub.name or sub.country_code not in alpha2:
            continue
        found[sub.name].append(Subdivision(sub.name, alpha2[sub.country_code], sub.type,
                                           sub.code, PYCOUNTRY_SOURCE))
    return {name: tuple(rows) for name, rows in found.items()}


def _load_ambiguous_names() -> dict[str, AmbiguousName]:
    return {r["form"]: AmbiguousName(r["form"], r["country"], tuple(split_list(r["readings"])),
                                     tuple(split_list(r["cues_before"])),
                                     tuple(split_list(r["cues_after"])), r["source"])
            for r in read_table("ambiguous_names.tsv")}


def _load_groups() -> dict[str, Group]:
    members: dict[str, list[Membership]] = defaultdict(list)
    for r in read_table("group_members.tsv"):
        members[r["group"]].append(Membership(r["member"], r["start"] or None, r["end"] or None,
                                              r["source"]))
    groups = {}
    for r in read_table("groups.tsv"):
        forms = [r["name"]]
        for alias in split_list(r["aliases"]):
            for head in split_list(r["heads"]):
                forms.append(f"{alias} {head}")
        groups[r["id"]] = Group(r["id"], r["name"], tuple(dict.fromkeys(forms)),
                                r["expand"] == "yes", tuple(members[r["id"]]), r["source"],
                                tuple(split_list(r["aliases"])))
    return groups


def _load_tenures(organisation_ids: set[str]) -> list[Tenure]:
    tenures = []
    for r in read_table("officials.tsv"):
        code = r["country"] or None
        is_org = code in organisation_ids
        tenures.append(Tenure(
            person_id=r["id"], name=r["name"], aliases=tuple(split_list(r["aliases"])),
            country=None if is_org else code, organisation=code if is_org else None,
            role=r["role"], sector=r["sector"] or "GOV", start=r["start"] or None,
            end=r["end"] or None, source=r["source"]))
    return tenures


def _lexicon(table: str, key: str, value: str) -> Lexicon:
    lex = Lexicon(table.removesuffix(".tsv"))
    for r in read_table(table):
        lex.entries[r[key]] = r[value]
        lex.sources[r[key]] = r["source"]
    return lex


@lru_cache(maxsize=1)
def load_kb() -> KnowledgeBase:
    """The process-wide knowledge base (tables are read once)."""
    return KnowledgeBase()
