"""Outlets and anonymous sources as actors of their own kinds.

Outlets: rows of the curated ``outlets.tsv`` wherever named, plus spaCy ORG entities in a
reporting context ("as reported by X", "X reported", "told X", "X's sources").
Anonymous sources: noun phrases headed by a source noun ("diplomatic sources", "EU diplomatic
circles") or by a person noun with an anonymity cue ("one of the unnamed diplomats", "a senior
official", "officials familiar with the matter", "the diplomats"), naming no person.

Identity rule: an unnamed source is known only by what it is and whom it serves, so the id is
``anonymous-<canonical head>`` plus the country or IGO the phrase names: "officials familiar
with the talks", "a senior official" and "the officials" are one actor ``anonymous-officials``;
"senior Israeli officials" is ``anonymous-officials-isr`` (country ISR), "EU diplomatic sources"
``anonymous-sources-eu``. The country word stays a mention of the country too (the state speaks
through its officials). A phrase with a country and no anonymity cue ("Israeli officials said")
is not anonymous at all: it is the country, sector from the head noun (GOV). The exact wording
stays in each mention's text (and in the claim's speaker text).
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from .extensions import doc_ents
from ..kb import KnowledgeBase
from .actor_matching import KbMatch
from .actor_organisations import country_in_name, longer_name_ending_with
from .actor_persons import slugify
from .actor_registry import ActorRegistry

QUANTIFIERS = {"one", "two", "three", "several", "some", "many", "most", "all", "each", "both",
               "few", "number"}
SLUG_SKIP_POS = {"DET", "PRON", "PART", "PUNCT", "ADP", "NUM", "CCONJ"}


def resolve_known_outlet(registry: ActorRegistry, kb: KnowledgeBase, match: KbMatch) -> None:
    outlet = kb.outlets[match.of_kind("outlet")[0].target]
    registry.add(outlet.id, outlet.name, "outlet", match.start, match.end, match.text,
                 f"kb outlet ({outlet.source})", country=outlet.country)


def resolve_outlets(doc: Doc, kb: KnowledgeBase, registry: ActorRegistry, matches: list[KbMatch]) -> None:
    """Organisations named in a reporting context become outlets (known ones are already in)."""
    for ent in doc_ents(doc):
        if ent.label_ not in ("ORG", "PERSON", "WORK_OF_ART") or registry.covers(
                ent.start_char, ent.end_char, kinds=("person", "outlet", "anonymous", "igo", "organization")):
            continue
        cue = reporting_cue(ent, kb)
        if cue is None and ent.label_ == "ORG" and ent[-1].text in kb.outlet_name_heads.entries:
            cue = f"outlet-like name ending '{ent[-1].text}'"
        if ent.label_ != "ORG" and (cue is None or kb.reporting_cues.get(cue) != "medium"):
            continue  # "told Anna Smith": people are told things too; only "the newspaper X" counts
        if cue:
            name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
            earlier = longer_name_ending_with(registry, name, kinds=("outlet",))
            if earlier is not None:
                registry.add(earlier.id, earlier.name, "outlet", ent.start_char, ent.end_char, ent.text,
                             f"short form of outlet '{earlier.name}'", country=earlier.country)
                continue
            country, why = country_in_name(ent, matches, kb)
            registry.absorb(ent.start_char, ent.end_char, ent.text)
            registry.add(slugify(name), name, "outlet", ent.start_char, ent.end_char, ent.text,
                         f"organisation in reporting context '{cue}'; country: {why}", country=country)


def reporting_cue(ent: Span, kb: KnowledgeBase) -> str | None:
    doc = ent.doc
    before = doc[max(ent.sent.start, ent.start - 4):ent.start].text.lower()
    for cue, position in kb.reporting_cues.entries.items():
        if position in ("before", "medium") and before.endswith(cue):
            return cue
    head = ent.root.head
    if ent.root.dep_ in ("nsubj",) and kb.reporting_cues.get(head.lemma_.lower()) == "after":
        return head.lemma_
    return None


def resolve_anonymous(doc: Doc, kb: KnowledgeBase, registry: ActorRegistry, matches: list[KbMatch]) -> None:
    for chunk in doc.noun_chunks:
        root = chunk.root
        kind = kb.anonymous_heads.get(root.lower_)
        if kind is None:
            continue
        following = doc[chunk.end] if chunk.end < len(doc) else None
        if following is not None and following.lower_ in ("of", "for"):
            continue  # "sources of revenue", "a source for the dye": not people
        if any(t.tag_ in ("JJS", "RBS") or t.lower_ in ("top", "main", "major", "primary") for t in chunk):
            continue  # "the top two sources": a ranking, not an unnamed informant
        if any(e.label_ == "PERSON" for e in chunk.ents):
            continue
        span = _with_quantifier(chunk)
        right = doc[chunk.end:min(chunk.end + 6, len(doc))].text.lower()
        # the cue must be a modifier or a following phrase, never the head itself ("official")
        modifiers = " ".join(t.lower_ for t in span if t.i != root.i)
        cued = any(cue in modifiers.split() or (" " in cue and cue in modifiers) or
                   right.startswith(cue) or (" " in cue and cue in right)
                   for cue in kb.anonymity_cues.entries)
        definite_plain = kind == "definite" and chunk[0].lower_ == "the" and \
            all(t.pos_ in ("DET", "NOUN") for t in chunk)
        if kind != "always" and not (cued or definite_plain):
            continue
        if kind == "always" and not cued and not _modifiers_fit_people(chunk, kb):
            continue  # "renewable energy sources": things, not informants
        if _names_a_person(chunk):
            continue
        words = [t for t in chunk if t.pos_ not in SLUG_SKIP_POS and t.lower_ not in QUANTIFIERS
                 and t.tag_ != "POS"]
        trailing_cue = next((cue for cue in kb.anonymity_cues.entries
                             if " " not in cue and right.startswith(cue)), None)
        if trailing_cue:
            # "officials familiar with the talks": the cue phrase is part of who they are
            span = doc[span.start:_phrase_end(chunk)]
            words = [*words, doc[chunk.end]]
        if not slugify(" ".join(t.text for t in words)):
            continue
        side = _side_named(chunk, matches, kb)
        canonical = kb.anonymous_canonical.get(root.lower_) or slugify(root.lemma_)
        actor_id = "-".join(["anonymous", canonical, *([side.lower()] if side else [])])
        name = f"anonymous {canonical}" + (f" ({kb.name_of(side)})" if side else "")
        registry.add(actor_id, name, "anonymous", span.start_char, span.end_char, span.text,
                     f"anonymous source: head '{root.text}' ({kb.anonymous_heads.sources[root.lower_]})"
                     + ("" if kind == "always" else " with anonymity cue"),
                     country=side if kb.is_country(side) else None)


def _side_named(chunk: Span, matches: list[KbMatch], kb: KnowledgeBase) -> str | None:
    """The country or international organisation an anonymous phrase names ("senior Israeli
    officials" → ISR, "EU diplomatic sources" → EU), the last one if several."""
    side = None
    for match in matches:
        if chunk.start_char <= match.start and match.end <= chunk.end_char:
            for entry in match.entries:
                if entry.kind in ("country", "demonym") and kb.is_country(entry.target):
                    side = entry.target
                elif entry.kind == "place" and kb.is_country(entry.target):
                    side = entry.target  # "Kremlin sources", "Washington officials"
                elif entry.kind == "organisation" and kb.organisations[entry.target].kind != "ngo":
                    side = entry.target
    return side


def _modifiers_fit_people(chunk: Span, kb: KnowledgeBase) -> bool:
    """Every content word before the head could describe informants: a name, a country word,
    a possessor, a sector ("military sources", "Reuters' sources", "Kremlin sources")."""
    for tok in chunk:
        if tok.i >= chunk.root.i or tok.pos_ in ("DET", "NUM", "PRON", "PART", "PROPN", "PUNCT"):
            continue
        if tok.tag_ == "POS" or tok.ent_type_ in ("NORP", "GPE", "ORG") or tok.lower_ in kb.sectors:
            continue
        return False
    return True


def _names_a_person(chunk: Span) -> bool:
    """"a senior analyst, Jane Roe," or "senior official John Doe": the source has a name."""
    doc = chunk.doc
    after = doc[chunk.end:min(chunk.end + 3, chunk.sent.end)]
    return any(e.label_ == "PERSON" for e in chunk.ents) or \
        any(t.ent_type_ == "PERSON" and t.ent_iob_ == "B" for t in after)


def _phrase_end(chunk: Span, limit: int = 8) -> int:
    """End of the chunk's right-hand modifiers ("familiar with the matter"), at most ``limit``
    tokens past the chunk and never past a comma or the sentence end."""
    end = chunk.end
    doc = chunk.doc
    for tok in chunk.root.rights:
        if tok.i < chunk.end or tok.dep_ not in ("amod", "acl", "prep", "relcl"):
            continue
        last = max(t.i for t in tok.subtree) + 1
        end = max(end, last)
    end = min(end, chunk.end + limit, chunk.sent.end)
    for i in range(chunk.end, end):
        if doc[i].text in (",", ";", ":"):
            return i
    return end


def _with_quantifier(chunk: Span) -> Span:
    """"one of the unnamed diplomats": include the partitive quantifier in the mention."""
    doc = chunk.doc
    head = chunk.root.head
    if chunk.root.dep_ == "pobj" and head.lower_ == "of" and head.i == chunk.start - 1 \
            and head.head.lower_ in QUANTIFIERS and head.head.i == head.i - 1:
        return doc[head.head.i:chunk.end]
    return chunk
