"""Events component: who did what to whom (PLOVER types), when, and whether it really happened.

One pass per sentence over the dependency parse:
1. triggers from the predicate lexicon (``event_triggers``), light verbs carrying nominal
   predicates ("extended invitations");
2. a speech act about another act is coded as the speech act ("demanded the withdrawal" →
   REQUEST, mode yield), while a commitment, threat or refusal lends its modality to the act it
   governs ("refused to deploy" → the deployment, negated, coded REJECT);
3. modality from auxiliaries, negation, governors and conditions (``event_modality``), then
   PLOVER's own folding of modality into its categories (intended aid → AGREE, threatened or
   conditional force → THREATEN, refused cooperation → REJECT); the unfolded act stays visible
   in ``mode`` where PLOVER has one, and in ``doc._.notes["event_actions"]``;
4. actor and recipient from syntax, resolved through the actor layer (``event_roles``), then
   the roles PLOVER leaves implicit (``event_defaults``: a curfew in X is aimed at X, a protest
   with no named target at the protesters' own government);
5. the clause's date (``time.date_for_span`` when the time layer offers it), else a flagged
   fallback to the publication date; the claim the trigger sits in.
Verbal acts with no identifiable party are dropped (physical acts — attacks, protests, arrests,
deployments — may stand without a named doer), and one act mentioned twice in a sentence is kept
once: dictionary coders are known to over-generate. Never fails on a document whose other layers
are empty.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span as SpacySpan, Token

from .extensions import doc_text
from ..model import DateValue, Event, Span
from .event_defaults import ImplicitRoles
from .event_lexicon import EventLexicon, load_event_lexicon
from .event_modality import ModalityReading, governor_cue, read_modality
from .event_roles import RoleResolver, clause_head, phrase_tokens, subject
from .event_triggers import Trigger, TriggerFinder

# Dependencies through which an act is the content of a governing predicate.
_EMBED = {"xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "acl", "attr", "oprd", "nsubjpass",
          "advcl", "dative", "appos"}
_COMPLEMENT = {"xcomp", "ccomp", "pcomp", "acomp", "advcl"}


@dataclass
class _Draft:
    trigger: Trigger
    type: str
    action: str
    mode: str | None
    reading: ModalityReading
    actor: list[str]
    recipient: list[str]
    depth: int
    implicit: bool = False  # a role was filled by PLOVER's implicit-role conventions


def annotate_events(doc: Doc) -> None:
    doc._.events = []
    if doc._.notes is None:
        doc._.notes = {}
    if not len(doc) or not doc.has_annotation("DEP"):
        return
    lex = load_event_lexicon()
    extractor = EventExtractor(doc, lex)
    events, actions = [], []
    for sent in doc.sents:
        for draft in extractor.sentence_events(sent):
            events.append(extractor.to_event(draft, sent))
            actions.append(draft.action)
    doc._.events = events
    doc._.notes["event_actions"] = actions


class EventExtractor:
    def __init__(self, doc: Doc, lex: EventLexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.roles = RoleResolver(doc, lex)
        self.implicit = ImplicitRoles(self.roles, lex.rules)
        self.finder = TriggerFinder(lex, lambda tok: bool(self.roles.ids(tok)))
        self.reporting = lex.words("reporting_verbs")
        self.rules = lex.rules
        from . import time as time_layer
        self.date_for_span = getattr(time_layer, "date_for_span", None)

    # -- governing acts ----------------------------------------------------------------------
    def _governor(self, trig: Trigger, by_token: dict[int, Trigger]) -> tuple[Trigger | None, str]:
        """The trigger that governs this one and the first dependency on the way up."""
        node = trig.light if trig.light is not None else trig.token
        first_dep = node.dep_
        own = {t.i for t in trig.tokens}
        for _ in range(6):
            if node.dep_ == "conj" and node.head is not node:
                node = node.head  # "finance, arm and train": siblings, not governor and content
                if node.i in by_token and node.i not in own:
                    return None, ""
                continue
            if node.dep_ not in _EMBED or node.head is node:
                return None, ""
            if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ != "to" for c in node.children):
                return None, ""
            if node.dep_ == "advcl" and node.tag_ == "VBG" and not self._physical(by_token.get(node.head.i)):
                return None, ""  # "rejected the plan, urging talks": two acts, not one in another;
                # but "rioted, setting fire to mattresses" describes the riot
            parent = node.head
            if parent.i in by_token and parent.i not in own:
                return by_token[parent.i], first_dep
            if parent.lemma_.lower() in self.reporting:
                return None, ""
            if parent.pos_ in ("NOUN", "PROPN"):
                # "rejected a proposal for signing a pact": the act is the proposal's content,
                # not the complement that "rejected" lends its modality to
                first_dep = "nominal"
            node = parent
        return None, ""

    def _physical(self, trig: Trigger | None) -> bool:
        return trig is not None and trig.type in self.rules["physical_types"]["types"]

    def _resolve_governance(self, triggers: list[Trigger]) -> None:
        by_token: dict[int, Trigger] = {}
        for trig in triggers:
            for tok in trig.tokens:
                by_token.setdefault(tok.i, trig)
        for trig in triggers:
            gov, dep = self._governor(trig, by_token)
            if gov is None:
                continue
            cue = governor_cue(gov.token, self.lex)
            if cue and dep in _COMPLEMENT and gov.light is None:
                gov.suppressed = True  # "agreed to send", "refused to deploy": the act is the event
            else:
                trig.absorbed = True
                gov.embedded.append(trig)

    # -- one sentence ------------------------------------------------------------------------
    def sentence_events(self, sent: SpacySpan) -> list[_Draft]:
        triggers = self.finder.find(sent)
        self._resolve_governance(triggers)
        drafts = [self._draft(t) for t in triggers if not (t.absorbed or t.suppressed)]
        physical = set(self.rules["physical_types"]["types"])
        drafts = [d for d in drafts if d is not None and (d.actor or d.recipient or d.action in physical)]
        return _deduplicate(sorted(drafts, key=lambda d: (d.depth, d.trigger.token.i)))

    def _draft(self, trig: Trigger) -> _Draft | None:
        p = trig.predicate
        modal_head = trig.light if trig.light is not None else trig.token
        if trig.predicate.condition == "eval":  # the act is the speaker's verdict, not the clause
            speech = self._reporting_head(trig.token)
            reading = read_modality(speech, self.lex, self.reporting) if speech is not None \
                else ModalityReading()
        else:
            reading = read_modality(modal_head, self.lex, self.reporting, light=trig.light is not None)
        actor, recipient = self._roles(trig)
        for inner in trig.embedded:  # "demonstrated to demand the resignation of X": aimed at X
            if recipient:
                break
            recipient = [r for r in self._roles(inner)[1] if r not in actor]
        if reading.governor is not None:
            # "X agreed that their countries should cooperate", "X warned that police will ...":
            # the one who promises, threatens or refuses is the actor of the coded event.
            promiser, _ = self.roles.doer_and_patient(reading.governor)
            if promiser:
                recipient = [r for r in recipient + [a for a in actor if a not in promiser]
                             if r not in promiser] if ptype_is_speech(reading) else recipient
                actor = promiser
        action = p.type
        if action == "ASSAULT" and self._crowd_doer(trig):
            action, p = "PROTEST", replace(p, type="PROTEST", mode="riot")
        ptype = self._fold(action, reading)
        actor, recipient, implicit = self._complete_roles(trig, reading, ptype, action, actor, recipient)
        mode = p.mode
        modes = self.rules["absorbing_governor"]["modes"]
        if ptype != action:  # folded: the mode names the act that was promised, threatened, refused
            mode = (modes.get(ptype) or {}).get(action, (modes.get(ptype) or {}).get("default"))
        elif trig.embedded and ptype in modes and not mode:
            mode = modes[ptype].get(trig.embedded[0].type, modes[ptype].get("default"))
        return _Draft(trig, ptype, action, mode, reading, actor, recipient, _depth(modal_head), implicit)

    def _complete_roles(self, trig: Trigger, reading: ModalityReading, ptype: str, action: str,
                        actor: list[str], recipient: list[str]) -> tuple[list[str], list[str], bool]:
        """Fill the roles the syntax left open: the target a threat's condition names, then
        PLOVER's implicit-role conventions (``event_defaults``); says whether any was implicit."""
        clause = self._clause_verb(trig)
        explicit = bool(actor), bool(recipient)
        if not actor:
            actor = self.implicit.doer(ptype, action, clause)
        else:
            actor = self.implicit.placed(ptype, action, clause, actor)
            if self.roles.is_ethnic(subject(clause)[0]):  # "ethnic Albanians demonstrated in Serbia"
                actor = self.implicit.located(clause) or actor
        if not recipient and ptype in self.rules["clausal_recipient"]["types"]:
            recipient = self._condition_subject(trig, reading)
        if not recipient:
            recipient = self.implicit.recipient(ptype, action, clause, actor)
        implicit = (not explicit[0] and bool(actor)) or (not explicit[1] and bool(recipient))
        return actor, recipient, implicit

    def _fold(self, action: str, reading: ModalityReading) -> str:
        folding = self.rules["folding"]
        if reading.folds == "PLEDGE":  # agreed, promised, offered to act
            if reading.modality == "negated":
                return folding["negated_intention"]
            return folding["pledged"].get(action, action)
        if reading.folds:
            return reading.folds
        if reading.modality == "threatened":
            return folding["threatened"]
        if reading.modality == "negated":
            if reading.committed or action == "AGREE":
                return folding["negated_intention"]
            return action
        if reading.conditional_main and reading.modality in ("intended", "possible", "hypothetical"):
            return folding["conditional"].get(action, action)
        if reading.modality == "intended" and reading.committed:
            return folding["committed_intention"].get(action, action)
        return action

    # -- roles -------------------------------------------------------------------------------
    def _preps(self, ptype: str) -> list[str]:
        preps = self.rules["recipient_preps"]
        venue = set(self.rules["venue_preps"].get(ptype, ()))
        return [p for p in preps.get(ptype) or preps["default"] if p not in venue]

    def _roles(self, trig: Trigger) -> tuple[list[str], list[str]]:
        actor, recipient = self._named_roles(trig)
        venue = self.rules["venue_preps"].get(trig.type)
        if venue and not recipient:  # "Zelensky is due in France": the host, when no one else
            verb = trig.light if trig.light is not None else trig.token
            hosts = self.roles.object_ids(verb, venue) + self.roles.object_ids(clause_head(verb), venue)
            recipient = [r for r in dict.fromkeys(hosts) if r not in actor]
        return actor, recipient

    def _named_roles(self, trig: Trigger) -> tuple[list[str], list[str]]:
        preps = self._preps(trig.type)
        roles = self.roles
        if trig.predicate.condition == "eval":
            return self._evaluator(trig.token), []
        if trig.bare_noun:
            noun = trig.token
            owner, of_ids = roles.noun_owner(noun, of=False), roles.of_complement(noun)
            if owner or trig.type in self.rules["of_patient"]["types"]:
                # "Israel's invasion of Lebanon", "the arrest of five Kenyans": "of" names the patient
                actor, recipient = owner or self._clause_doer(noun), list(of_ids)
            else:  # "the protest of students": "of" names the doer
                actor, recipient = of_ids or self._clause_doer(noun), []
            recipient += [r for r in roles.prep_objects(noun, preps) if r not in recipient]
            if not recipient and actor and trig.token.head.pos_ in ("VERB", "AUX", "ADP"):
                verb = trig.token.head if trig.token.head.pos_ != "ADP" else trig.token.head.head
                recipient = roles.object_ids(verb, preps)
            return actor, [r for r in recipient if r not in actor]
        if trig.content is not None:  # a reported obligation: the speaker demands, the obliged is the recipient
            actor, _ = roles.doer_and_patient(trig.token)
            doer, _ = subject(trig.content)
            return actor, [r for r in roles.ids(doer) if r not in actor]
        verb = trig.light if trig.light is not None else trig.token
        actor, patient = roles.doer_and_patient(verb)
        if not actor and patient and governor_cue(verb, self.lex):
            actor, patient = patient, []  # "Vietnam is committed to", "Syria is prepared to"
        recipient = list(patient)
        for r in roles.object_ids(verb, preps) + roles.object_ids(clause_head(verb), preps):
            if r not in recipient:
                recipient.append(r)
        if not recipient and trig.type in self.rules["clausal_recipient"]["types"]:
            recipient = self._clause_party(verb)
        if not recipient:  # "granted asylum to X", "a suspension of air links with X"
            for obj in (c for c in verb.children if c.dep_ == "dobj"):
                recipient.extend(r for r in roles.prep_objects(obj, preps) if r not in recipient)
        if not recipient:  # "finance, arm and train a Ukrainian brigade" share their object
            for sibling in verb.conjuncts:
                recipient.extend(r for r in roles.object_ids(sibling, preps) if r not in recipient)
        if not recipient:  # "signed paperwork allowing French instructors to visit"
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if obj is not None and not roles.is_event_noun(obj):  # an act's parties are its own
                recipient = [r for r in roles.index.in_tokens(obj.subtree) if r not in actor]
        if trig.light is not None:
            own = roles.prep_objects(trig.token, preps)
            if trig.type in self.rules["of_patient"]["types"]:  # "mounted an invasion of X"
                own += [r for r in roles.of_complement(trig.token) if r not in own]
            recipient = [r for r in recipient if r not in roles.ids(trig.token) or r in own]
            recipient += [r for r in own if r not in recipient]
        return actor, recipient

    def _clause_verb(self, trig: Trigger) -> Token:
        """Where the act's clause is: its light verb, the verb of a nominal act ("staged
        demonstrations in X"), else the trigger's clause head."""
        if trig.light is not None:
            return trig.light
        node = trig.token
        if trig.bare_noun:  # "stopped work on the first day of a strike": the clause of "stopped"
            for _ in range(5):
                if node.dep_ in ("dobj", "nsubjpass", "attr", "pobj", "prep", "oprd") and \
                        node.head is not node:
                    node = node.head
                    if node.pos_ in ("VERB", "AUX"):
                        return node
                else:
                    break
            return trig.token
        return clause_head(node)

    def _clause_party(self, verb: Token) -> list[str]:
        """"demanded that the US match the offer", "demanded that control of the ministry be
        handed over": the party the clause says must act or undergo the change; also a clause
        complementing the act's object noun ("insisted on its demand that Burundi grant")."""
        clauses = [c for c in verb.children if c.dep_ == "ccomp"]
        for child in verb.children:
            nouns = [child] if child.dep_ == "dobj" else \
                [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" else []
            clauses += [c for n in nouns for c in n.children if c.dep_ in ("acl", "ccomp")
                        and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
        for clause in clauses:
            doer, patient = subject(clause)
            found = self.roles.ids(doer) or self.roles.ids(patient)
            if found:
                return found
        return []

    def _condition_subject(self, trig: Trigger, reading: ModalityReading) -> list[str]:
        """"X threatened to strike unless Israel rescinded the law": the party the condition
        asks to act is the one the threat or demand is aimed at."""
        marks = self.lex.cues.get("mark", {})
        for verb in (trig.light or trig.token, reading.governor):
            if verb is None:
                continue
            for child in verb.children:
                if child.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in marks
                                                 for g in child.children):
                    found = self.roles.ids(subject(child)[0])
                    if found:
                        return found
        return []

    def _crowd_doer(self, trig: Trigger) -> bool:
        """A mob that lynches or villagers who clash riot (PLOVER PROTEST mode riot)."""
        if trig.predicate.pos != "VERB":
            return False
        doer, _ = subject(trig.token)
        return doer is not None and doer.lemma_.lower() in self.lex.words("crowd_doers")

    def _clause_doer(self, noun: Token) -> list[str]:
        """"Israeli troops remained on alert": a bare nominal act is done by its clause's subject."""
        node = noun
        if node.dep_ == "pobj" and node.head.dep_ == "prep":
            node = node.head
        if node.dep_ not in ("dobj", "prep", "attr", "oprd") or node.head.pos_ not in ("VERB", "AUX"):
            return []
        doer, _ = subject(node.head)
        return self.roles.ids(doer)

    def _reporting_head(self, token: Token) -> Token | None:
        node = token
        for _ in range(8):
            if node.head is node:
                return None
            node = node.head
            if node.lemma_.lower() in self.reporting:
                return node
        return None

    def _evaluator(self, noun: Token) -> list[str]:
        """Who calls something a danger or a provocation: the subject of "consider", else the
        speaker of the reported clause."""
        verb = noun.head
        doer, _ = subject(verb)
        if doer is not None and verb.lemma_.lower() != "be":
            found = self.roles.ids(doer)
            if found:
                return found
        node = verb
        for _ in range(6):
            if node.head is node:
                break
            if node.dep_ in ("ccomp", "conj", "xcomp", "advcl") and node.head.lemma_.lower() in self.reporting:
                speaker = next((c for c in node.head.children if c.dep_ == "nsubj"), None)
                return self.roles.ids(speaker)
            node = node.head
        for claim in self.doc._.claims or []:
            if claim.content.start <= noun.idx < claim.content.end and claim.speaker.actor:
                return [self.roles.index.plover_id(claim.speaker.actor)]
        return []

    # -- output ------------------------------------------------------------------------------
    def to_event(self, draft: _Draft, sent: SpacySpan) -> Event:
        trig = draft.trigger
        evidence = _trimmed(sent)
        tokens = sorted(trig.tokens, key=lambda t: t.i)
        if len(tokens) == 2 and tokens[1].i - tokens[0].i > 4:
            tokens = [trig.token]
        t_start, t_end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        date, source = self._date(trig, sent)
        return Event(type=draft.type, modality=draft.reading.modality, actor=draft.actor,
                     recipient=draft.recipient, evidence=evidence, mode=draft.mode, date=date,
                     claim=self._claim(t_start), trigger=Span(t_start, t_end, doc_text(self.doc)[t_start:t_end]),
                     date_source=source, action=draft.action if draft.action != draft.type else None)

    def _claim(self, start: int) -> int | None:
        for i, claim in enumerate(self.doc._.claims or []):
            if claim.content.start <= start < claim.content.end:
                return i
        return None

    def _date(self, trig: Trigger, sent: SpacySpan) -> tuple[DateValue | None, str]:
        head = trig.light if trig.light is not None else clause_head(trig.token)
        clause = phrase_tokens(head, {"ccomp", "parataxis", "relcl"})
        start = min(t.idx for t in clause)
        end = max(t.idx + len(t.text) for t in clause)
        found = None
        if self.date_for_span is not None:
            try:
                found = self.date_for_span(self.doc, start, end)
            except (ValueError, OverflowError, RecursionError) as exc:
                # a date the time layer cannot resolve must not cost the article its events;
                # the failure stays visible in the notes
                self.doc._.notes.setdefault("errors", []).append(f"date_for_span: {exc!r}")
                found = None
        if isinstance(found, tuple):  # the time layer answers (mention, "clause"|"published-fallback")
            found = found[0] if len(found) > 1 and found[1] == "clause" else None
        if found is None:
            inside = [d for d in (self.doc._.dates or []) if d.value and start <= d.start and d.end <= end]
            if inside:
                found = min(inside, key=lambda d: abs(d.start - trig.token.idx))
        if found is not None:
            value = found.date if hasattr(found, "date") else found
            if isinstance(value, DateValue) and value.value:
                return value, "clause"
        article = self.doc._.article
        published = getattr(article, "published", None) if article is not None else None
        if published:
            return DateValue(published, "day", "exact"), "published-fallback"
        return None, "published-fallback"


def ptype_is_speech(reading: ModalityReading) -> bool:
    """A threat or refusal is addressed to the party that would undergo the act."""
    return reading.folds in ("THREATEN", "REJECT")


def _depth(token: Token) -> int:
    depth = 0
    while token.head is not token and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def _trimmed(sent: SpacySpan) -> Span:
    text = sent.text
    lead = len(text) - len(text.lstrip())
    body = text.strip()
    start = sent.start_char + lead
    return Span(start, start + len(body), body)


def _deduplicate(drafts: list[_Draft]) -> list[_Draft]:
    """One event per act: a second mention of the same type adds nothing unless it names other
    parties ("the attack killed five" is one ASSAULT)."""
    kept: list[_Draft] = []
    for d in drafts:
        named = next((k for k in kept if k.type == d.type and (k.actor or k.recipient)), None)
        if named is not None and d.implicit != named.implicit and (d.actor or d.recipient):
            # "a bombing near X killed one soldier and wounded two others": one attack; the
            # parties the text names win, the implicit ones only fill what it leaves open
            told, guessed = (named, d) if d.implicit else (d, named)
            told.actor = told.actor or guessed.actor
            told.recipient = told.recipient or guessed.recipient
            kept[kept.index(named)] = told
            continue
        twin = next((k for k in kept if k.type == d.type and set(d.actor) <= set(k.actor)
                     and set(d.recipient) <= set(k.recipient)), None)
        if twin is not None:
            continue
        grown = next((k for k in kept if k.type == d.type and set(k.actor) <= set(d.actor)
                      and set(k.recipient) <= set(d.recipient)), None)
        if grown is not None:  # a later mention names the parties better: keep its roles
            grown.actor, grown.recipient = d.actor, d.recipient
            continue
        same = next((k for k in kept if k.type == d.type and not k.actor and not k.recipient), None)
        if same is not None:
            kept[kept.index(same)] = d
            continue
        kept.append(d)
    return kept
