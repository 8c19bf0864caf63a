"""Modality of an event: did it happen, or is it intended, threatened, hypothetical, possible or
denied? Read from the dependency parse around the event's trigger, with cues from
``lexicons/modality.tsv``.

Why: event coders' best-known failure is coding "France could soon send trainers" as trainers
sent. The reading climbs from the trigger through the clauses that govern it ("hoped to",
"is due to", "refused to", "does not intend to") collecting auxiliaries, negations and
conditional subordinators; it stops at a reporting verb, whose clause is the claim, not the event.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from .event_lexicon import EventLexicon, ModalityCue

# Modality precedence when several cues meet: a denial outranks a threat, which outranks a
# condition, which outranks mere possibility, which outranks an intention.
PRECEDENCE = ("negated", "threatened", "hypothetical", "possible", "intended", "asserted")
_CLIMB = {"xcomp", "acomp", "conj", "ccomp", "advcl", "pcomp"}


@dataclass
class ModalityReading:
    modality: str = "asserted"
    committed: bool = False       # the actor commits itself (will, plans to, agreed to)
    conditional_main: bool = False  # the event's clause has an if-clause (a conditional offer or threat)
    folds: str | None = None      # PLOVER type forced by a governor (REJECT, THREATEN)
    reported: bool = False        # the clause is the complement of a reporting verb
    governor: Token | None = None  # the verb that promised, threatened or refused the act
    cues: list[str] = field(default_factory=list)

    def add(self, modality: str, cue: str) -> None:
        self.cues.append(cue)
        if PRECEDENCE.index(modality) < PRECEDENCE.index(self.modality):
            self.modality = modality


def _clause_cues(head: Token, lex: EventLexicon, reading: ModalityReading, own: bool) -> None:
    """Auxiliaries, negation, adverbs and conditions attached to one clause head."""
    negations = 0
    for child in head.children:
        word = child.lower_
        if child.dep_ in ("aux", "auxpass"):
            cue = lex.cue("aux", word) or lex.cue("aux", child.lemma_.lower())
            if cue:
                reading.add(cue.modality, word)
                if cue.commits == "yes":
                    reading.committed = True
                elif cue.commits == "reported":
                    reading.committed = reading.committed or "would"
        elif child.dep_ == "neg" or (child.dep_ == "det" and lex.cue("neg", word)):
            negations += 1
            reading.add("negated", word)
        elif child.dep_ == "advmod" and lex.cue("adverb", word):
            reading.add(lex.cue("adverb", word).modality, word)
        elif child.dep_ == "advcl" and any(
                g.dep_ == "mark" and lex.cue("mark", g.lower_) for g in child.children):
            reading.conditional_main = True
            reading.add("hypothetical", "if-clause")
        elif child.dep_ == "mark" and lex.cue("mark", word) and head.dep_ == "advcl":
            reading.add("hypothetical", word)


def word_forms(token: Token) -> list[str]:
    """The lemma, then crude stems of the word: the small model lemmatises "hoped" as "hop"."""
    word = token.lower_
    forms = [token.lemma_.lower(), word]
    for suffix, cut in (("ed", 1), ("ed", 2), ("es", 1), ("s", 1), ("ing", 3)):
        if word.endswith(suffix) and len(word) > cut + 2:
            forms.append(word[:-cut])
    if word.endswith("ies") or word.endswith("ied"):
        forms.append(word[:-3] + "y")
    return forms


def governor_cue(token: Token, lex: EventLexicon) -> ModalityCue | None:
    if token.pos_ not in ("VERB", "ADJ", "AUX"):
        return None
    return next((c for f in word_forms(token) if (c := lex.cue("governor", f))), None)


def read_modality(trigger: Token, lex: EventLexicon, reporting: frozenset[str],
                  light: bool = False) -> ModalityReading:
    """The modality of the event whose clause is headed by ``trigger`` (a verb, adjective or noun)."""
    reading = ModalityReading()
    head = trigger
    # A nominal event ("no talks", "the planned deployment") takes the clause of its verb.
    if trigger.pos_ in ("NOUN", "PROPN"):
        for child in trigger.children:
            if child.dep_ == "det" and lex.cue("neg", child.lower_):
                reading.add("negated", child.lower_)
        if trigger.dep_ in ("dobj", "nsubjpass", "attr", "oprd") and trigger.head.pos_ in ("VERB", "AUX"):
            head = trigger.head
        else:
            return reading
    own_cue = governor_cue(trigger, lex)
    if own_cue and (trigger.pos_ == "ADJ" or light):  # "is due in Paris", "considering sanctions"  # "is due in Paris": the adjective itself schedules
        reading.add(own_cue.modality, trigger.lower_)
        reading.committed = reading.committed or own_cue.commits == "yes"
    for _ in range(8):
        _clause_cues(head, lex, reading, own=head is trigger)
        dep, parent = head.dep_, head.head
        if parent is head or dep not in _CLIMB:
            break
        if parent.lemma_.lower() in reporting and dep in ("ccomp", "advcl"):
            reading.reported = True
            break
        if dep == "advcl":
            break
        if dep in ("xcomp", "acomp", "pcomp", "ccomp"):
            cue = governor_cue(parent, lex)
            if cue:
                reading.add(cue.modality, parent.lower_)
                reading.committed = reading.committed or cue.commits == "yes"
                if cue.folds and not reading.folds:
                    reading.folds, reading.governor = cue.folds, parent
            elif dep == "ccomp":
                break
        head = parent
    if reading.committed == "would":
        reading.committed = reading.reported
    return reading
