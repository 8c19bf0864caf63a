"""Find event triggers in a parsed sentence: words of the predicate lexicon whose reading's
conditions hold ("send" + troops + to Ukraine → AID; "hold" + talks → CONSULT).

Why conditions: most event verbs are ambiguous between political and everyday senses ("send a
letter", "an earthquake killed eight"); the reading is chosen from the object noun, particles and
the kind of doer, all listed in the lexicon, never from the sentence at hand.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .event_lexicon import EventLexicon, Predicate
from .event_modality import word_forms
from .event_roles import subject


@dataclass
class Trigger:
    """One event predicate in the text and how it is read."""
    token: Token                  # the word carrying the event type (noun of a light verb)
    predicate: Predicate
    clause: Token                 # the token whose clause gives doer and modality
    light: Token | None = None    # the light verb ("extended" in "extended invitations")
    bare_noun: bool = False       # a nominal event without a governing verb
    absorbed: bool = False        # coded as part of a governing speech act
    suppressed: bool = False      # a commitment/refusal verb that only lends its modality
    embedded: list["Trigger"] = field(default_factory=list)  # the acts it governs
    content: Token | None = None  # for a reported obligation: the clause saying who must act

    @property
    def type(self) -> str:
        return self.predicate.type

    @property
    def tokens(self) -> list[Token]:
        return [t for t in (self.light, self.token) if t is not None]


def direct_object(verb: Token, lex: EventLexicon) -> Token | None:
    """The verb's object head; "a number of personnel" gives "personnel"."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj is None:
        obj = next((g for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"
                    for g in c.children if g.dep_ == "pobj"), None) if verb.lemma_ == "agree" else None
    quantities = lex.words("quantity_nouns")
    for _ in range(2):
        if obj is not None and (obj.lemma_.lower() in quantities or obj.pos_ == "NUM"):
            nxt = next((g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                        for g in c.children if g.dep_ == "pobj"), None)
            obj = nxt or obj
    return obj


class TriggerFinder:
    def __init__(self, lex: EventLexicon, has_actor) -> None:
        self.lex = lex
        self.has_actor = has_actor  # callable(Token) -> bool: the phrase names a known actor
        self.hazards = lex.words("hazard_nouns")
        self.hazard_doers = self.hazards | lex.words("hazard_objects")
        self.violence = lex.words("violence_cues")
        self.physical = frozenset(lex.rules["physical_types"]["types"])
        self.frames = lex.words("frame_nouns")

    # -- conditions -------------------------------------------------------------------------
    def _object_ok(self, token: Token, cls: str) -> bool:
        obj = direct_object(token, self.lex)
        if cls == "none":
            return obj is None
        if obj is None:
            return False
        if cls == "any":
            return True
        if cls == "actor":
            return self.has_actor(obj) or obj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
        words = self.lex.object_class(cls)
        lemmas = {obj.lemma_.lower(), obj.lower_} | {c.lemma_.lower() for c in obj.children
                                                     if c.dep_ in ("compound", "amod")}
        return bool(lemmas & words)

    def _doer_is_hazard(self, token: Token, sent_lemmas: set[str]) -> bool:
        doer, patient = subject(token)
        if doer is not None:
            if sent_lemmas & self.violence:  # "a bomb blast killed": the blast is an attack
                return False
            return doer.lemma_.lower() in self.hazard_doers or doer.lower_ in self.hazard_doers
        if patient is not None or token.dep_ in ("acl", "relcl", "advcl", "conj", "xcomp"):
            # "eight people were killed": a disaster unless the sentence speaks of violence
            return bool(sent_lemmas & self.hazards) and not (sent_lemmas & self.violence)
        return False

    def _condition_ok(self, token: Token, p: Predicate, sent_lemmas: set[str]) -> bool:
        cond = p.condition
        if not cond:
            return True
        if cond.startswith("obj="):
            return self._object_ok(token, cond[4:])
        if cond.startswith("mod="):
            words = self.lex.object_class(cond[4:])
            return any(c.lemma_.lower() in words or c.lower_ in words for c in token.children
                       if c.dep_ in ("compound", "amod", "nmod"))
        if cond == "agent":
            return not self._doer_is_hazard(token, sent_lemmas)
        if cond == "violent":
            return bool((sent_lemmas - {token.lemma_.lower()}) & self.violence)
        if cond == "eval":
            return token.dep_ in ("attr", "oprd")
        if cond == "noof":
            return not any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
        if cond == "clause":
            return any(c.dep_ == "ccomp" for c in token.children)
        if cond.startswith("prep="):  # "strikes on Gaza": the reading needs that preposition
            wanted = set(cond[5:].split("|"))
            return any(c.dep_ == "prep" and c.lower_ in wanted and any(
                g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME") for g in c.children)
                for c in token.children)  # "a strike on Monday" is no attack
        if cond == "to":
            return any(c.dep_ in ("prep", "dative") and c.lower_ in ("to", "for", "into")
                       for c in token.children)
        return True

    def _particle_ok(self, token: Token, p: Predicate) -> bool:
        if not p.particle:
            return True
        return any(c.lower_ == p.particle for c in token.children)

    # -- readings ---------------------------------------------------------------------------
    def _pos(self, token: Token) -> str | None:
        if token.pos_ == "VERB" and token.dep_ not in ("aux", "auxpass", "amod", "compound"):
            return "VERB"
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ not in ("compound", "npadvmod"):
            return "NOUN"
        if token.pos_ == "NOUN" and token.dep_ == "compound" and \
                token.head.lemma_.lower() in self.lex.words("frame_nouns"):
            return "NOUN"  # "a mediation effort": the modifier names the act
        if token.pos_ == "ADJ":
            return "ADJ"
        return None

    def reading(self, token: Token, sent_lemmas: set[str]) -> Predicate | None:
        pos = self._pos(token)
        if pos is None:
            return None
        readings = next((r for form in word_forms(token) if (r := self.lex.readings(form, pos))), ())
        ordered = sorted(readings, key=lambda p: (p.particle is None, p.condition is None))
        for p in ordered:
            if self._particle_ok(token, p) and self._condition_ok(token, p, sent_lemmas):
                if p.type in ("ASSAULT", "COERCE") and p.pos == "VERB" and self._hazard_doer(token, sent_lemmas):
                    return None  # "floods forced thousands to flee", "an earthquake struck"
                return p
        return None

    def _hazard_doer(self, token: Token, sent_lemmas: set[str]) -> bool:
        doer, _ = subject(token)
        return doer is not None and not (sent_lemmas & self.violence) and (
            doer.lemma_.lower() in self.hazard_doers or doer.lower_ in self.hazard_doers)

    def find(self, sent: Span) -> list[Trigger]:
        sent_lemmas = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
        readings = {t.i: p for t in sent if (p := self.reading(t, sent_lemmas)) is not None}
        found: dict[int, Trigger] = {}
        consumed: set[int] = set()
        for i, p in readings.items():
            token = sent.doc[i]
            if p.type != "LIGHT":
                continue
            obj = direct_object(token, self.lex)
            if obj is not None and obj.i not in readings and obj.lemma_.lower() in self.frames:
                # "launched a mediation effort": the frame noun's modifier names the act
                obj = next((c for c in obj.children if c.dep_ == "compound" and c.i in readings), obj)
            q = readings.get(obj.i) if obj is not None else None
            if q is not None and q.type != "LIGHT" and q.pos == "NOUN" and q.condition != "eval":
                found[obj.i] = Trigger(obj, q, clause=token, light=token)
                consumed.add(obj.i)
        for i, p in readings.items():
            token = sent.doc[i]
            if p.type == "LIGHT" or i in consumed:
                continue
            if p.pos == "NOUN":
                trig = self._nominal(token, p, readings)
                if trig is not None:
                    found[i] = trig
                continue
            found[i] = Trigger(token, p, clause=token)
        for trig in self._obligations(sent):
            found.setdefault(trig.token.i, trig)
        return [found[i] for i in sorted(found)]

    def _obligations(self, sent: Span) -> list[Trigger]:
        """"X declared that Y must drop barriers": a reported obligation on another party is a
        demand by the speaker (event_rules.json ``obligation``)."""
        rule = self.lex.rules.get("obligation") or {}
        modals = set(rule.get("modals", ()))
        reporting = self.lex.words("reporting_verbs")
        message_nouns = frozenset(rule.get("message_nouns", ()))
        out = []
        for tok in sent:
            if tok.dep_ != "aux" or tok.lower_ not in modals:
                continue
            clause = tok.head
            speech = clause.head
            if clause.dep_ in ("acl", "ccomp") and speech.lemma_.lower() in message_nouns \
                    and speech.head.pos_ == "VERB":
                speech = speech.head  # "issued a reminder to Iraq that it must cooperate"
            elif clause.dep_ != "ccomp" or speech.lemma_.lower() not in reporting:
                continue
            doer, _ = subject(clause)
            speaker, _ = subject(speech)
            if doer is None or speaker is None or not self.has_actor(doer):
                continue
            p = Predicate(speech.lemma_.lower(), "VERB", rule.get("type", "REQUEST"), "change",
                          None, None, rule.get("_source", "obligation rule"))
            out.append(Trigger(speech, p, clause=speech, content=clause))
        return out

    def _nominal(self, noun: Token, p: Predicate, readings: dict) -> Trigger | None:
        """A noun heads an event when a verb carries it or when it names its doer."""
        if p.condition == "eval":
            return Trigger(noun, p, clause=noun.head, bare_noun=True)
        anchor = noun.head if noun.dep_ == "compound" else noun  # "a mediation effort"
        head = anchor.head
        if p.type not in self.physical and anchor.dep_ == "dobj" and head.pos_ == "VERB" \
                and head.i not in readings:
            return None  # a verbal act as object of an unrelated verb ("perceive a threat")
        if p.type in self.physical or noun.head.i in readings:
            sent_lemmas = {t.lemma_.lower() for t in noun.sent}
            if p.type == "ASSAULT" and sent_lemmas & self.hazards and not sent_lemmas & self.violence:
                return None  # "the battle to contain the wildfires"
            return Trigger(noun, p, clause=noun, bare_noun=True)
        if self._owned(noun) or self._purpose(anchor):
            return Trigger(noun, p, clause=noun, bare_noun=True)
        return None

    def _purpose(self, noun: Token) -> bool:
        """"Negotiators return to Geneva for talks": the act a journey is for is the travellers'
        (``event_rules.json`` ``purpose_verbs``)."""
        prep = noun.head
        return noun.dep_ == "pobj" and prep.lower_ == "for" and prep.head is not prep and \
            prep.head.lemma_.lower() in self.lex.words("purpose_verbs")

    def _owned(self, noun: Token) -> bool:
        for child in noun.children:
            if child.dep_ in ("poss", "amod", "compound") and self.has_actor(child):
                return True
            if child.dep_ == "prep" and child.lower_ in ("of", "by", "from", "between", "among"):
                if any(self.has_actor(g) for g in child.children if g.dep_ == "pobj"):
                    return True
        return False
