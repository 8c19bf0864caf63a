"""PLOVER's codings for parties a sentence leaves implicit.

Why: event data are coded at country level, and coders fill a role the text only implies from
where the act happens and who does it (``event_rules.json`` ``implicit_roles``):
- an act done *in* a country (a curfew in Abidjan, shelling in Jericho) is aimed at that country
  when no one else is named;
- a protest, a crackdown or a concession with no named target is domestic: protesters address
  their own government, a government coerces (or lifts a curfew on) its own population; so is
  violence or a release by the only state a report names towards people it does not name
  ("police fired on demonstrators");
- an attack nobody is named for is coded with the country where it happened;
- an unnamed group ("students", "workers") in a report that names one country acts for it;
- "other countries" in a speaker's report include the speaker's own side ("X announced that
  five other countries agreed": X agreed too).
Places are read from the actor layer's mentions, else from the knowledge base's place table
(capitals after "in" are places, not actors, so the actor layer rightly leaves them out).
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from .event_roles import RoleResolver, subject

_COUNTRY_CODE = re.compile(r"^[A-Z]{3}$")


class ImplicitRoles:
    """Implicit actor and recipient for one document's events (rules: ``implicit_roles``)."""

    def __init__(self, roles: RoleResolver, rules: dict) -> None:
        self.roles = roles
        self.index = roles.index
        cfg = rules["implicit_roles"]
        self.located_types = set(cfg["located_target"])
        self.domestic_types = set(cfg["domestic_target"])
        self.domestic_patient_types = set(cfg["domestic_patient"])
        self.group_doer_types = set(cfg["group_doer"])
        self.others = set(cfg["speaker_side"])
        self.physical = set(cfg["unclaimed_doer"])

    # -- places ----------------------------------------------------------------------------
    def located(self, verb: Token, deep: bool = True) -> list[str]:
        """The country where the act of ``verb``'s clause happens ("imposed a curfew in X",
        "rioted at a jail in X", "threatened to resume attacks in X"); a participle or a
        coordinated verb shares its main clause's place ("declared a state of siege in X,
        arresting opponents")."""
        found = self.roles.located_in(verb, deep)
        node = verb
        for _ in range(2):
            if found or node.dep_ not in ("advcl", "conj", "xcomp") or node.head is node:
                break
            if node.dep_ == "advcl" and any(c.dep_ == "mark" for c in node.children):
                break
            node = node.head
            found = self.roles.located_in(node, deep)
        return found

    # -- roles ----------------------------------------------------------------------------
    def recipient(self, ptype: str, action: str, verb: Token, actor: list[str]) -> list[str]:
        """A target for an act whose sentence names none."""
        if {ptype, action} & self.located_types:
            found = self.located(verb)
            if found:
                return found
        own = [a for a in actor if _COUNTRY_CODE.match(a)]
        if action in self.domestic_types:
            return own
        if action in self.domestic_patient_types and own and own == [self.index.sole_country] \
                and self._unnamed_patient(verb):
            return own  # "Egyptian police opened fire to disperse demonstrators"
        return []

    def _unnamed_patient(self, verb: Token) -> bool:
        """The act (or the purpose clause it serves) has an object that names no actor."""
        verbs = [verb] + [c for c in verb.children if c.dep_ in ("xcomp", "advcl", "conj")
                          and not any(m.dep_ == "mark" for m in c.children)]
        return any(obj.dep_ == "dobj" and obj.pos_ == "NOUN" and not self.index.in_tokens(obj.subtree)
                   for v in verbs for obj in v.children)

    def placed(self, ptype: str, action: str, verb: Token, actor: list[str]) -> list[str]:
        """An office holder the knowledge base cannot place who imposes a curfew or arrests
        opponents in a country acts for that country (domestic acts only)."""
        if not ({ptype, action} & self.domestic_types):
            return actor
        unplaced = [a for a in actor if self.index.kind(a) == "person"]
        if not unplaced:
            return actor
        where = self.located(verb)
        return [where[0] if a in unplaced and where else a for a in actor]

    def doer(self, ptype: str, action: str, verb: Token) -> list[str]:
        """The country of an unnamed group ("students", "workers", "fundamentalists"): where it
        acts, else the one country the report names."""
        head, patient = subject(verb)
        if head is None and patient is None and {ptype, action} & self.physical:
            # "a roadside bombing near Samarra killed ...": an attack no one is named for is
            # coded with the country where it happened
            return self.located(verb)
        if head is None or head.pos_ not in ("NOUN", "ADJ", "NUM") or \
                head.ent_type_ not in ("", "CARDINAL"):  # "students", "thousands of workers"
            return []
        named = self.index.in_tokens(head.subtree)
        if named:  # "workers affiliated with the Serbian Workers' Union": the union's country
            return [a for a in named if _COUNTRY_CODE.match(a)]
        if any(c.dep_ == "amod" and c.lower_ in self.others for c in head.children):
            # "X announced that five other countries agreed": "other" counts X's side in
            speaker = self.roles.reporter(head)
            if speaker:
                return speaker
        found = self.located(verb, deep=False)  # where the group acts, not where its object is
        if found or not ({ptype, action} & self.group_doer_types):
            return found
        sole = self.index.sole_country
        return [sole] if sole else []
