"""Typed records of the actor knowledge base (one per table row, provenance kept)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Country:
    alpha3: str
    name: str                     # the short English name journalists use ("Russia")
    names: tuple[str, ...]        # every name form, ISO ones included
    demonyms: tuple[str, ...]     # adjective and people forms ("French", "Ukrainians")
    source: str


@dataclass(frozen=True)
class Place:
    """A capital, seat of government or city that can stand for (or locate) an actor."""
    form: str
    actor_id: str
    type: str                     # capital | seat | city | region
    source: str
    sector: str = "GOV"           # what a seat stands for ("the Pentagon" → MIL)


@dataclass(frozen=True)
class Organisation:
    """An international organisation, one of its bodies, a mission or an international NGO."""
    id: str
    name: str
    aliases: tuple[str, ...]
    kind: str                     # igo | body | mission | ngo
    parent: str | None
    source: str


def within(start: str | None, end: str | None, date: str | None) -> bool:
    """Whether a bounded period [start, end) covers ``date``; with no date, whether it is current
    as the tables stand (no end recorded)."""
    if date is None:
        return end is None
    return (start is None or start <= date) and (end is None or date < end)


@dataclass(frozen=True)
class Membership:
    member: str
    start: str | None
    end: str | None
    source: str

    def holds_on(self, date: str | None) -> bool:
        """Membership on ``date`` (ISO day); with no date, membership as of today's table."""
        return within(self.start, self.end, date)


@dataclass(frozen=True)
class Group:
    id: str
    name: str
    forms: tuple[str, ...]        # full phrases ("Baltic states", "Baltics")
    expand: bool                  # expand to member countries in text
    members: tuple[Membership, ...]
    source: str
    aliases: tuple[str, ...] = ()  # the modifier alone ("Baltic"), for "Nordic and Baltic states"

    def members_on(self, date: str | None) -> list[str]:
        return [m.member for m in self.members if m.holds_on(date)]


@dataclass(frozen=True)
class Tenure:
    """One person in one office for a bounded time."""
    person_id: str
    name: str
    aliases: tuple[str, ...]
    country: str | None           # ISO alpha-3 the person acts for, None for IGO officials
    organisation: str | None      # IGO id for IGO officials ("NATO")
    role: str
    sector: str
    start: str | None
    end: str | None
    source: str

    def holds_on(self, date: str | None) -> bool:
        return within(self.start, self.end, date)


@dataclass(frozen=True)
class NonStateGroup:
    """An armed group, movement or party: its own actor, based in a country."""
    id: str
    name: str
    aliases: tuple[str, ...]
    country: str | None
    sector: str
    source: str


@dataclass(frozen=True)
class Outlet:
    id: str
    name: str
    aliases: tuple[str, ...]
    country: str | None
    source: str


@dataclass(frozen=True)
class Role:
    form: str
    role: str
    sector: str
    source: str


@dataclass(frozen=True)
class GovernmentBody:
    name: str
    country: str
    sector: str
    source: str


@dataclass(frozen=True)
class Lexicon:
    """A word list with one attribute per entry (sectors, anonymous heads, markers, cues)."""
    name: str
    entries: dict[str, str] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)

    def get(self, word: str) -> str | None:
        return self.entries.get(word) if word in self.entries else self.entries.get(word.lower())

    def __contains__(self, word: str) -> bool:
        return word in self.entries or word.lower() in self.entries


@dataclass(frozen=True)
class Subdivision:
    """An ISO 3166-2 subdivision (US state, Japanese prefecture, ...): a place, never an actor."""
    name: str
    country: str                  # ISO alpha-3 of the country it belongs to
    type: str                     # "State", "Province", ...
    code: str                     # ISO 3166-2 code ("US-GA")
    source: str


@dataclass(frozen=True)
class AmbiguousName:
    """A country name that also names something else ("Georgia" the US state, "Jordan" a given
    name, "Niger" the river); the cues say when the other reading is meant."""
    form: str
    country: str
    readings: tuple[str, ...]     # us-state | given-name | river | other
    cues_before: tuple[str, ...]  # words right before the name that select the other reading
    cues_after: tuple[str, ...]   # words right after it
    source: str
