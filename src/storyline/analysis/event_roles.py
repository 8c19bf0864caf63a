"""Who acts and who is acted upon: actor and recipient of an event from the dependency parse,
resolved to actor ids through the actor layer's mention spans.

Why syntax and not proximity: "Spain, Italy and Germany oppose drills in Ukraine" must give three
actors and no recipient Ukraine-as-actor; a passive ("was attacked by rebels") swaps the roles.
Ids are given at PLOVER's level: a person or body that acts for a country is coded as that
country (PLOVER codes "Russian President Boris Yeltsin" as RUS); IGOs and unaffiliated groups keep
their own id.
"""
from __future__ import annotations

from bisect import bisect_left
from typing import Iterable

from spacy.tokens import Doc, Token

from .event_lexicon import EventLexicon

# Clauses inside a noun phrase that name other parties ("the rebels who attacked Spain").
_PRUNE = {"relcl", "acl", "advcl", "ccomp", "xcomp", "appos", "parataxis"}
_CLAUSE_CLIMB = {"xcomp", "conj", "acomp", "pcomp"}


class ActorIndex:
    """Actor mentions of one document, for lookups by character range."""

    def __init__(self, doc: Doc) -> None:
        notes = doc._.notes or {}
        actors = {a.id: a for a in (doc._.actors or [])}
        spans = notes.get("actor_spans")
        if spans is None:
            spans = sorted((m.start, m.end, a.id) for a in actors.values() for m in a.mentions)
        self.spans = sorted(tuple(s) for s in spans)
        self.starts = [s[0] for s in self.spans]
        self.actors = actors
        countries = {a.id for a in actors.values() if a.kind == "country"}
        # An office holder the knowledge base cannot place ("President X") in a report that
        # names a single country acts for that country: PLOVER codes actors at country level.
        self.sole_country = next(iter(countries)) if len(countries) == 1 else None

    def plover_id(self, actor_id: str) -> str:
        actor = self.actors.get(actor_id)
        if actor is None or actor.kind in ("country", "igo"):
            return actor_id
        if actor.country:
            return actor.country
        if actor.kind == "person" and actor.role and self.sole_country:
            return self.sole_country
        return actor_id

    def kind(self, actor_id: str) -> str | None:
        actor = self.actors.get(actor_id)
        return actor.kind if actor else None

    def in_tokens(self, tokens: Iterable[Token]) -> list[str]:
        """Actor ids whose mention lies inside the given tokens, in text order."""
        toks = sorted(tokens, key=lambda t: t.i)
        if not toks or not self.spans:
            return []
        covered = {t.idx + k for t in toks for k in range(len(t.text) + 1)}
        lo = bisect_left(self.starts, toks[0].idx)
        hi = toks[-1].idx + len(toks[-1].text)
        found: list[str] = []
        for start, end, actor_id in self.spans[lo:]:
            if start >= hi:
                break
            if start in covered and end in covered:
                pid = self.plover_id(actor_id)
                if pid not in found:
                    found.append(pid)
        return found

    def before(self, char: int, kinds: set[str] | None) -> str | None:
        """The nearest actor mentioned before ``char`` (optionally of the given kinds)."""
        i = bisect_left(self.starts, char) - 1
        while i >= 0:
            actor_id = self.spans[i][2]
            if kinds is None or self.kind(actor_id) in kinds:
                return self.plover_id(actor_id)
            i -= 1
        return None


_KEPT_PREPS = {"of", "from"}  # "the majority of EU nations", "officials from Spain"


def phrase_tokens(head: Token, prune: set[str] = _PRUNE, preps: bool = True) -> list[Token]:
    """The tokens of the phrase headed by ``head`` without its embedded clauses (and, unless
    ``preps``, without prepositional phrases other than of/from: "troops in Ukraine" are not
    Ukraine's)."""
    out = [head]
    for child in head.children:
        if child.dep_ in prune:
            continue
        if not preps and child.dep_ == "prep" and child.lower_ not in _KEPT_PREPS:
            continue
        out.extend(phrase_tokens(child, prune, preps))
    return out


def clause_head(trigger: Token) -> Token:
    """The verb whose subject is the trigger's doer: adjectives and light-verb nouns climb up."""
    if trigger.pos_ == "ADJ" and trigger.dep_ in ("acomp", "amod", "oprd") and trigger.head is not trigger:
        return trigger.head
    return trigger


def subject(trigger: Token) -> tuple[Token | None, Token | None]:
    """(doer phrase head, passive patient head) for a verbal clause, climbing control verbs."""
    verb = clause_head(trigger)
    for _ in range(6):
        deps = {c.dep_: c for c in verb.children}
        if "nsubj" in deps:
            return deps["nsubj"], None
        if "nsubjpass" in deps:
            agent = next((g for c in verb.children if c.dep_ == "agent"
                          for g in c.children if g.dep_ == "pobj"), None)
            return agent, deps["nsubjpass"]
        if verb.dep_ in ("relcl", "acl") and verb.head is not verb:
            return verb.head, None
        if verb.dep_ in _CLAUSE_CLIMB or verb.dep_ == "advcl":
            verb = verb.head
            continue
        break
    return None, None


class RoleResolver:
    """Turns syntactic roles into actor ids, resolving pronouns to earlier actors."""

    def __init__(self, doc: Doc, lex: EventLexicon) -> None:
        self.doc = doc
        self.index = ActorIndex(doc)
        self.lex = lex
        rules = lex.rules["pronouns"]
        self.person_pronouns = set(rules["person"])
        self.group_pronouns = set(rules["group"])
        self.speaker_pronouns = set(rules["speaker"])
        self.reporting = lex.words("reporting_verbs")
        self.claims = doc._.claims or []

    def ids(self, head: Token | None, prune: set[str] = _PRUNE) -> list[str]:
        if head is None:
            return []
        if head.pos_ == "PRON" or head.lower_ in self.person_pronouns | self.group_pronouns:
            return self.pronoun(head)
        if head.lower_ in ("who", "which", "that") and head.head.dep_ == "relcl":
            return self.ids(head.head.head)
        found = self.index.in_tokens(phrase_tokens(head, prune, preps=False))
        # "security forces in Guinea", "students throughout Indonesia": a group named only by
        # where it is acts for that place (PLOVER's convention).
        return found or self.index.in_tokens(phrase_tokens(head, prune, preps=True))

    def pronoun(self, pron: Token) -> list[str]:
        word = pron.lower_
        if word in self.speaker_pronouns:
            for claim in self.claims:
                if claim.content.start <= pron.idx < claim.content.end and claim.speaker.actor:
                    return [self.index.plover_id(claim.speaker.actor)]
        # "X said he would ...": the pronoun stands for the reporting verb's subject.
        node = pron.head
        for _ in range(6):
            if node.dep_ in ("ccomp", "xcomp", "conj", "advcl") and node.head is not node:
                parent = node.head
                if parent.lemma_.lower() in self.reporting:
                    subj = next((c for c in parent.children if c.dep_ == "nsubj"), None)
                    if subj is not None and subj.pos_ != "PRON":
                        found = self.index.in_tokens(phrase_tokens(subj))
                        if found:
                            return found
                node = parent
            else:
                break
        kinds = {"person"} if word in self.person_pronouns else {
            "country", "igo", "organization", "group"}
        found = self.index.before(pron.idx, kinds)
        return [found] if found else []

    def doer_and_patient(self, trigger: Token) -> tuple[list[str], list[str]]:
        doer, patient = subject(trigger)
        return self.ids(doer), self.ids(patient)

    def object_ids(self, verb: Token, preps: Iterable[str]) -> list[str]:
        """Actors among the direct/indirect objects and the prepositional objects of ``preps``."""
        preps = set(preps)
        found: list[str] = []
        for child in verb.children:
            heads: list[Token] = []
            if child.dep_ in ("dobj", "dative", "iobj", "oprd") and child.pos_ != "ADP":
                heads.append(child)
            elif child.dep_ in ("prep", "dative") and child.lower_ in preps:
                heads.extend(g for g in child.children if g.dep_ in ("pobj", "pcomp"))
            for head in heads:
                for actor_id in self.ids(head):
                    if actor_id not in found:
                        found.append(actor_id)
        return found

    def noun_owner(self, noun: Token) -> list[str]:
        """The doer of a nominal event: "Spain's opposition", "French objections", "talks by X"."""
        found: list[str] = []
        for child in noun.children:
            heads: list[Token] = []
            if child.dep_ in ("poss", "amod", "compound", "nmod"):
                heads.append(child)
            elif child.dep_ == "prep" and child.lower_ in ("of", "by", "from", "among", "between"):
                heads.extend(g for g in child.children if g.dep_ == "pobj")
            for head in heads:
                for actor_id in self.ids(head):
                    if actor_id not in found:
                        found.append(actor_id)
        return found

