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

from .extensions import doc_ents
from ..kb import load_kb
from .event_lexicon import EventLexicon

# Clauses inside a noun phrase that name other parties ("the rebels who attacked Spain").
_PRUNE = {"relcl", "acl", "advcl", "ccomp", "xcomp", "appos", "parataxis"}
_CLAUSE_CLIMB = {"xcomp", "conj", "acomp", "pcomp"}
# Clauses that are not where an act happens: reported speech, relative and adverbial clauses,
# and the subject (whose own place is the doer's, not the act's).
_OWN_CLAUSE_STOP = {"ccomp", "relcl", "advcl", "parataxis", "nsubj", "nsubjpass", "csubj"}


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
        countries |= {a.country for a in actors.values() if a.country and a.kind != "igo"}
        countries |= _place_countries(doc)  # "east Beirut" names Lebanon
        # An office holder the knowledge base cannot place ("President X") in a report that
        # names a single country (itself or through a placed party or person) acts for that
        # country: PLOVER codes actors at country level.
        self.sole_country = next(iter(countries)) if len(countries) == 1 else None
        self.igo_officers = _igo_officers(doc.text, self.spans, actors)

    def plover_id(self, actor_id: str) -> str:
        actor = self.actors.get(actor_id)
        if actor is None or actor.kind in ("country", "igo"):
            return actor_id
        if actor.country:
            return actor.country
        if actor.kind == "person" and self.sole_country and _state_office(actor.role) \
                and actor_id not in self.igo_officers:
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
        # a mention starts inside one of the tokens and ends inside or at the end of one: a
        # token's end offset alone must not let in the next word ("(UNIFIL)" after "Lebanon")
        starts = {t.idx + k for t in toks for k in range(len(t.text))}
        ends = {t.idx + k for t in toks for k in range(1, len(t.text) + 1)}
        lo = bisect_left(self.starts, toks[0].idx)
        hi = toks[-1].idx + len(toks[-1].text)
        found: list[str] = []
        for start, end, actor_id in self.spans[lo:]:
            if start >= hi:
                break
            if start in starts and end in ends:
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


_STATE_SECTORS = {"GOV", "MIL", "JUD", "LEG"}
_QUALIFIERS = {"former", "acting", "interim", "outgoing", "then", "ex", "ex-", "late", "new"}


def _state_office(role: str | None) -> bool:
    """A title of the state ("President", "General"), not of a church or an IGO ("Archbishop",
    "Secretary General"): only those holders act for the country a report names."""
    words = (role or "").lower().split()
    while words and words[0] in _QUALIFIERS:  # "former Prime Minister"
        words = words[1:]
    entry = load_kb().roles_by_form.get(" ".join(words))
    return entry is not None and entry.sector in _STATE_SECTORS


def _place_countries(doc: Doc) -> set[str]:
    """Countries the report names through known places (cities, regions) only."""
    kb = load_kb()
    return {e.target for ent in doc_ents(doc) if ent.label_ in ("GPE", "LOC")
            for e in kb.lookup(ent.text) if e.kind == "place" and kb.is_country(e.target)}


def _igo_officers(text: str, spans: list[tuple], actors: dict) -> set[str]:
    """People titled by an international organisation ("Arab League Secretary-General X"):
    their office is not their country's."""
    found: set[str] = set()
    last_igo_end = None
    for start, end, actor_id in spans:
        actor = actors.get(actor_id)
        if actor is None:
            continue
        if actor.kind == "igo":
            last_igo_end = end
        elif actor.kind == "person" and last_igo_end is not None and 0 <= start - last_igo_end <= 30 \
                and not any(ch in text[last_igo_end:start] for ch in ",.;:()"):
            found.add(actor_id)
    return found


_KEPT_PREPS = {"of", "from"}  # "the majority of EU nations", "officials from Spain"


def phrase_tokens(head: Token, prune: set[str] = _PRUNE, preps: bool = True) -> list[Token]:
    """The tokens of the phrase headed by ``head`` without its embedded clauses (and, unless
    ``preps``, without prepositional phrases other than of/from: "troops in Ukraine" are not
    Ukraine's)."""
    out = [head]
    for child in head.children:
        if child.dep_ in prune and not (child.dep_ == "appos" and _listed(child)):
            continue
        if not preps and child.dep_ == "prep" and child.lower_ not in _KEPT_PREPS:
            continue
        out.extend(phrase_tokens(child, prune, preps))
    return out


def _listed(appos: Token) -> bool:
    """"Spain, Italy, and Germany": the parser takes "Italy" for an apposition of "Spain"; a
    coordinated apposition is the middle of a list."""
    return any(g.dep_ in ("cc", "conj") for g in appos.children)


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
        if head.lower_ in ("who", "which", "that") and head.head.dep_ == "relcl":
            return self.ids(head.head.head)  # "guerrillas who overran it": the guerrillas
        if head.pos_ == "PRON" or (head.lower_ in self.person_pronouns | self.group_pronouns
                                   and not head.text.isupper()):  # "the US" is no pronoun
            return self.pronoun(head)
        whole = self._partitive_whole(head)
        if whole is not None:  # "one third of ethnic Albanian guerrillas": the guerrillas
            return self.ids(whole, prune)
        if self.is_event_noun(head):
            # an act stands for its doer: "the withdrawal of Serbian forces from Bosnia" (the
            # forces), "war crimes by Croatian extremists against Serbs" (the extremists)
            found = self.index.in_tokens(phrase_tokens(head, prune | {"prep"})) or \
                self._by_agent(head) or self.of_complement(head)
            if found:
                return found
        resident = self.residence(head)
        if resident:
            return resident
        found = self.index.in_tokens(phrase_tokens(head, prune, preps=False))
        # "security forces in Guinea", "students throughout Indonesia", "Darfur rebels": a group
        # named only by where it is acts for that place (PLOVER's convention).
        return found or self._by_agent(head) or \
            self.index.in_tokens(phrase_tokens(head, prune, preps=True)) or \
            self.place_country(head, phrase_tokens(head, prune, preps=False)) or \
            self._placed_by_participle(head)

    def _partitive_whole(self, head: Token) -> Token | None:
        """The group a quantity or part is taken from ("hundreds of students", "most of the
        rebels", "members of the union"), when that group is what the phrase is about."""
        lemma = head.lemma_.lower()
        if head.pos_ != "NUM" and lemma not in self.lex.words("quantity_nouns") \
                and lemma not in self.lex.words("partitive_heads"):
            return None
        return next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")), None)

    def _by_agent(self, noun: Token) -> list[str]:
        return [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"
                for g in c.children if g.dep_ == "pobj" for a in self.ids(g)]

    def _placed_by_participle(self, head: Token) -> list[str]:
        """"refugees fleeing the war in Liberia", "a newspaper based in Beirut": people or
        bodies a participle places in a country belong to it."""
        if head.pos_ != "NOUN":
            return []
        for acl in (c for c in head.children if c.dep_ == "acl" and c.tag_ in ("VBG", "VBN")):
            found = self.located_in(acl)
            if found:
                return found
        return []

    def located_in(self, verb: Token, deep: bool = True) -> list[str]:
        """The first country a locative phrase in ``verb``'s own clause names (``deep``: also
        inside its objects, "imposed a curfew in X"; else only on the verb, "protested in X")."""
        locative = self.lex.words("locative_preps")
        frontier, seen = [verb], 0
        while frontier and seen < 40:
            node = frontier.pop(0)
            seen += 1
            for child in node.children:
                if child.dep_ in _OWN_CLAUSE_STOP:
                    continue
                if child.dep_ == "prep" and child.lower_ in locative:
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            found = self.place_country(obj)
                            if found:
                                return found
                if deep:
                    frontier.append(child)
        return []

    def place_country(self, head: Token, tokens: list[Token] | None = None) -> list[str]:
        """The country a phrase places its head in: a country mention, else a known place (the
        knowledge base's place table; capitals after "in" are places, not actors, so the actor
        layer rightly leaves them out)."""
        tokens = tokens if tokens is not None else phrase_tokens(head)
        found = [a for a in self.index.in_tokens(tokens) if self.index.kind(a) == "country"]
        if found:
            return found[:1]
        kb = load_kb()
        wanted = {t.i for t in tokens}
        for ent in doc_ents(head.doc):
            if ent.start not in wanted or ent.label_ not in ("GPE", "LOC", "FAC", "NORP", "ORG"):
                continue
            for form in (ent.text, ent.text.removeprefix("the ").removeprefix("The ")):
                codes = [e.target for e in kb.lookup(form) if e.kind in ("country", "place")
                         and kb.is_country(e.target)]
                if codes:
                    return codes[:1]
        return []

    def is_event_noun(self, token: Token) -> bool:
        """A noun naming an act ("withdrawal"), not a doer ("protesters")."""
        lemma = token.lemma_.lower()
        return token.pos_ == "NOUN" and bool(self.lex.readings(lemma, "NOUN")) and \
            lemma not in self.lex.words("agent_nouns")

    def of_complement(self, noun: Token) -> list[str]:
        """Actors of the "of" complement of a noun ("the invasion of Lebanon")."""
        found: list[str] = []
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        found.extend(r for r in self.ids(obj) if r not in found)
        return found

    def residence(self, head: Token) -> list[str]:
        """"Ethnic Albanians in southern Serbia", "the Kurds of Iraq", "ethnic Albanian
        guerrillas operating in Macedonia": PLOVER codes a people by the country it lives in
        when the phrase says where (rules ``residence``)."""
        people = self.index.in_tokens([head])
        demonym = any(e.kind == "demonym" for e in load_kb().lookup(head.text))  # "Albanians"
        if not self.is_ethnic(head) and not (people and demonym):
            return []
        people = people or self.index.in_tokens(phrase_tokens(head, preps=False))
        preps = [c for c in head.children if c.dep_ == "prep"]
        preps += [g for c in head.children if c.dep_ == "acl" for g in c.children if g.dep_ == "prep"]
        for prep in preps:
            if prep.lower_ in ("in", "of", "inside", "within", "from"):
                place = [a for a in self.index.in_tokens(phrase_tokens(prep))
                         if self.index.kind(a) == "country" and a not in people]
                if place:
                    return place[:1]
        return []

    def is_ethnic(self, head: Token | None) -> bool:
        """"ethnic Albanians", "ethnic Albanian guerrillas": a people, not a state."""
        cues = self.lex.words("residence")
        mods = [c for c in head.children if c.dep_ in ("amod", "compound")] if head is not None else []
        return any(m.lower_ in cues or any(g.lower_ in cues for g in m.children) for m in mods)

    def pronoun(self, pron: Token) -> list[str]:
        word = pron.lower_
        if word in self.speaker_pronouns:
            for claim in self.claims:
                if claim.content.start <= pron.idx < claim.content.end and claim.speaker.actor:
                    return [self.index.plover_id(claim.speaker.actor)]
        # "X said he would ...": the pronoun stands for the reporting verb's subject.
        found = self.reporter(pron)
        if found:
            return found
        kinds = {"person"} if word in self.person_pronouns else {
            "country", "igo", "organization", "group"}
        found = self.index.before(pron.idx, kinds)
        return [found] if found else []

    def reporter(self, token: Token) -> list[str]:
        """The named subject of the reporting verb whose clause holds ``token``."""
        node = token.head
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
        return []

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
                # a clause after the preposition ("deported for travelling on a ship") names
                # circumstances, not the party acted upon
                heads.extend(g for g in child.children if g.dep_ == "pobj")
            for head in heads:
                for actor_id in self.ids(head):
                    if actor_id not in found:
                        found.append(actor_id)
        return found

    def prep_objects(self, noun: Token, preps: Iterable[str], depth: int = 2) -> list[str]:
        """Parties a noun's own prepositions point at: "granted asylum to X", "a suspension of
        air links with X", "the withdrawal of forces from X" (through "of" complements)."""
        preps = set(preps)
        found: list[str] = []
        for child in noun.children:
            if child.dep_ != "prep":
                continue
            for obj in (g for g in child.children if g.dep_ == "pobj"):
                if child.lower_ in preps:
                    found.extend(r for r in self.ids(obj) if r not in found)
                elif child.lower_ == "of" and depth > 1:
                    found.extend(r for r in self.prep_objects(obj, preps, depth - 1) if r not in found)
        return found

    def noun_owner(self, noun: Token, of: bool = True) -> list[str]:
        """The doer of a nominal event: "Spain's opposition", "French objections", "talks by X"
        (and, unless ``of`` is False, "the protest of students")."""
        owner_preps = {"by", "from", "among", "between"} | ({"of"} if of else set())
        found: list[str] = []
        for child in noun.children:
            heads: list[Token] = []
            if child.dep_ in ("poss", "amod", "compound", "nmod"):
                heads.append(child)
            elif child.dep_ == "prep" and child.lower_ in owner_preps:
                heads.extend(g for g in child.children if g.dep_ == "pobj")
            for head in heads:
                for actor_id in self.ids(head):
                    if actor_id not in found:
                        found.append(actor_id)
        return found

