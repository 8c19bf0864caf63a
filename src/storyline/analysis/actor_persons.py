"""People: knowledge-base officials and spaCy PERSON entities, their titles and their country.

A person's country is the country they act for, taken in this order (the reason says which):
the knowledge base's tenure on the publication date; a title pattern before the name
("Lithuania PM Ingrida Šimonytė", "Ukraine's Commander-in-Chief Oleksandr Syrskyi", "French
President Emmanuel Macron", "National Security Council representative John Kirby"); an
appositive after it ("Macron, the French president,"); the nearest country mention in the same
sentence as a last resort. Unknown people are kept, with a slug id, never forced onto a KB row.
Within a document a bare surname ("Macron") joins the full name it shortens.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from .extensions import doc_ents
from ..kb import KnowledgeBase, SurfaceEntry, fold
from .actor_context import doc_text
from .actor_matching import KbMatch
from .actor_names import EntityLabels, person_signal, shape_problem, trim_name, use_problem
from .actor_registry import ActorRegistry

TITLE_WINDOW = 8
RANK_WORDS = {"deputy", "assistant", "vice", "acting", "principal", "under", "associate", "interim",
              "first", "chief", "special", "senior"}
FORMER_MARKERS = {"former", "ex", "late", "then", "onetime", "erstwhile"}
# The fallback country must precede the person closely, in the same phrase ("sanctions on Iran,
# Secretary of State Marco Rubio said" does not make Rubio Iranian).
FALLBACK_MAX_TOKENS = 6
QUOTE_MARKS = {"\u201c", "\u201d", '"', "\u00ab", "\u00bb"}

LEADING_JUNK = {"the", "a", "an", "former", "late", "then", "mr", "mr.", "mrs", "mrs.", "ms",
                "ms.", "dr", "dr.", "'s", "’s"}


def slugify(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


@dataclass
class PersonEvidence:
    country: str | None = None
    country_reason: str | None = None
    role: str | None = None
    organisation: str | None = None
    priority: int = 99          # lower wins: 0 KB tenure, 1 title, 2 appositive, 3 nearby country,
                                # 4 national office in an article about one country


@dataclass
class PersonCandidate:
    span: Span
    name: str
    kb_id: str | None = None
    evidence: list[PersonEvidence] = field(default_factory=list)
    origin: str = "spaCy PERSON entity"


def _clean_person_span(span: Span, kb: KnowledgeBase) -> Span | None:
    """Strip titles, articles and possessive markers that spaCy sometimes keeps in PERSON spans."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in LEADING_JUNK or doc[start].lower_ in kb.roles_by_form
                           or not (doc[start].text[:1].isupper() or doc[start].text[:1].isalpha())):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    if start >= end:
        return None
    return doc[start:end]


def _country_of_match(match: KbMatch, kb: KnowledgeBase) -> tuple[str | None, str | None]:
    """(country, organisation) a title-window KB match points to."""
    for entry in match.entries:
        if entry.kind in ("country", "demonym"):
            return entry.target, None
        if entry.kind == "place" and entry.target in kb.countries:
            return entry.target, None
        if entry.kind == "body":
            body = kb.government_bodies[entry.target]
            return body.country, None
        if entry.kind == "organisation":
            return None, entry.target
        if entry.kind == "movement":
            group = kb.non_state_groups[entry.target]
            return group.country, group.id
    return None, None


# "the country's foreign minister", "the nation's president": the country named last before
_COUNTRY_ANAPHOR = re.compile(r"\b(?:the|this|that) (?:country|nation)(?:'s|\u2019s)", re.IGNORECASE)


def antecedent_country(matches: list[KbMatch], kb: KnowledgeBase, before: int) -> str | None:
    """The country of the last country word, demonym or capital before character ``before``."""
    for match in sorted((m for m in matches if m.end <= before), key=lambda m: -m.end):
        for entry in match.entries:
            if entry.kind in ("country", "demonym") or (entry.kind == "place" and kb.is_country(entry.target)):
                return entry.target
    return None


def _is_location_modifier(match: KbMatch, doc: Doc) -> bool:
    """"the Berlin-based Carnegie Center": where an organisation sits, not whom a person serves."""
    return doc_text(doc)[match.end:match.end + 6].lower() == "-based"


def _window_evidence(window: Span, matches: list[KbMatch], kb: KnowledgeBase, role: str | None,
                     label: str, priority: int) -> PersonEvidence | None:
    """Country or organisation named in a title window; an ORG entity there is an affiliation."""
    doc = window.doc
    inside = [m for m in matches if m.start >= window.start_char and m.end <= window.end_char
              and not _is_location_modifier(m, doc)]
    for match in reversed(inside):
        country, organisation = _country_of_match(match, kb)
        if country or organisation:
            return PersonEvidence(country, f"{label} '{window.text}'", role, organisation, priority)
    if role and _COUNTRY_ANAPHOR.search(window.text):
        country = antecedent_country(matches, kb, window.start_char)
        if country:
            return PersonEvidence(country, f"{label} '{window.text}': 'the country' is {country}, "
                                  "the last country named before", role, None, priority)
    orgs = [e for e in doc_ents(doc) if e.label_ == "ORG" and e.start >= window.start and e.end <= window.end]
    if orgs:
        return PersonEvidence(None, None, role, slugify(orgs[-1].text), priority)
    if role:
        return PersonEvidence(None, None, role, None, priority)
    return None


@lru_cache(maxsize=1)
def title_vocabulary(kb: KnowledgeBase) -> frozenset[str]:
    """Lower-case words that may stand inside a title ("deputy foreign minister", "'s")."""
    words = {w.lower() for r in kb.roles for w in re.split(r"[\s\-]+", r.form)}
    return frozenset(words | FORMER_MARKERS | {"of", "for", "and", "the", "'s", "\u2019s", "deputy",
                                               "acting", "senior", "chief", "top", "interim", "new"})


@lru_cache(maxsize=1)
def _role_pattern(kb: KnowledgeBase) -> re.Pattern[str]:
    forms = sorted((fold(f).lower() for f in kb.roles_by_form), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, forms)) + r")(?!\w)")


def _find_role(text: str, kb: KnowledgeBase, nearest: str = "last") -> str | None:
    """The title in ``text`` nearest the name (``nearest``: "last" for words before the name,
    "first" for an appositive after it; "spokesman for Afghan President X" makes X President),
    with the rank words right before it ("deputy assistant secretary of state")."""
    folded = fold(text).lower()
    found = list(_role_pattern(kb).finditer(folded))
    if not found:
        return None
    best = found[-1] if nearest == "last" else found[0]
    role = kb.roles_by_form.get(best.group(0)) or next(r for f, r in kb.roles_by_form.items()
                                                       if fold(f).lower() == best.group(0))
    before = folded[:best.start()].split()
    ranks = []
    while before and before[-1] in RANK_WORDS and before[-1] not in role.role.lower().split():
        ranks.insert(0, before.pop().capitalize())
    return " ".join([*ranks, role.role])


def title_evidence(span: Span, matches: list[KbMatch], kb: KnowledgeBase) -> PersonEvidence | None:
    """Country and role from the title words right before a name."""
    doc = span.doc
    i = span.start - 1
    # the parser's sentence split is not trusted here: it sometimes starts a sentence at the name
    stop = max(0, span.start - TITLE_WINDOW)
    vocabulary = title_vocabulary(kb)
    while i >= stop:
        tok = doc[i]
        if tok.text in (",", ";", ":", "(", ")", ".", "!", "?", "\u201c", "\u201d", '"') or tok.is_space or tok.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ", "DET", "PRON"):
            break
        hyphenated = i > 0 and doc[i - 1].text == "-" and i + 1 < len(doc) and doc[i + 1].text == "-"
        if tok.pos_ == "ADP" and tok.lower_ not in ("of", "for") and not hyphenated:
            break  # "forces loyal to former Syrian President": "to" ends the title
        if tok.is_lower and tok.is_alpha and tok.lower_ not in vocabulary and not hyphenated \
                and tok.pos_ not in ("NOUN", "ADJ", "PROPN"):
            break  # a lower-case function word ends the title; nouns stay ("his Czech counterpart")
        i -= 1
    window = doc[i + 1:span.start]
    if not len(window):
        return None
    role = _find_role(window.text, kb)
    if role and any(t.lower_ in FORMER_MARKERS for t in window):
        role = f"former {role}"
    return _window_evidence(window, matches, kb, role, "title pattern", 1)


def appositive_evidence(span: Span, matches: list[KbMatch], kb: KnowledgeBase) -> PersonEvidence | None:
    """"Macron, the French president," — country and role from the appositive after a name."""
    doc = span.doc
    if span.end + 1 >= span.sent.end or doc[span.end].text != "," or doc[span.end + 1].pos_ == "CCONJ":
        return None
    j = span.end + 1
    while j < min(span.sent.end, span.end + 1 + TITLE_WINDOW) and doc[j].text not in (",", ".", ";"):
        j += 1
    window = doc[span.end + 1:j]
    role_end = _role_end(window, kb)
    if role_end is None:
        return None
    role = _find_role(window.text, kb, nearest="first")
    if any(t.lower_ in FORMER_MARKERS for t in window[:max(1, role_end - window.start)]):
        role = f"former {role}"
    # a country after the role counts only through "of"/"for" ("president of Armenia", "spokesman
    # for the Czech Foreign Ministry"), not "on"/"at"/"to" ("adviser on U.S.-China ties",
    # "ambassador to Ukraine" serves the sending country)
    tail = doc[role_end:window.end]
    cut = role_end
    connector = None
    for tok in tail:
        if tok.lower_ in ("of", "for", "the") or tok.ent_type_ in ("GPE", "NORP", "ORG"):
            if tok.lower_ in ("of", "for"):
                connector = tok.lower_
            if tok.ent_type_:
                ent = next((e for e in doc_ents(doc) if e.start <= tok.i < e.end), None)
                if connector == "for" and ent is not None and ent.label_ == "GPE":
                    break  # "special envoy for North Korea": a portfolio, not the side served
                cut = ent.end if ent is not None else tok.i + 1
                break
            cut = tok.i + 1
            continue
        break
    limited = doc[window.start:max(cut, role_end)]
    evidence = _window_evidence(limited, matches, kb, role, "appositive", 2)
    if evidence is not None and not evidence.country and not evidence.organisation:
        orgs = [e for e in doc_ents(doc) if e.label_ == "ORG" and e.start >= window.start and e.end <= window.end]
        if orgs:  # "vice president of studies at the Observer Research Foundation"
            evidence.organisation = slugify(orgs[0].text)
    return evidence


def _role_end(window: Span, kb: KnowledgeBase) -> int | None:
    """Token index just after the first title word in the window, if any."""
    vocabulary = {r.form.lower() for r in kb.roles}
    for tok in window:
        if tok.lower_ in vocabulary or tok.lemma_.lower() in vocabulary:
            end = tok.i + 1
            while end < window.end and f"{window.doc[tok.i:end + 1].text.lower()}" in vocabulary:
                end += 1
            return end
    return None


def nearest_country(span: Span, registry: ActorRegistry, kb: KnowledgeBase) -> PersonEvidence | None:
    """Last resort: a country word a few words before the name in the same phrase ("Guatemalan
    journalist Jose Ruben Zamora"), with no verb, clause punctuation or quote in between.
    Farther mentions are left alone: they are usually the sentence's topic, not the person's side."""
    doc = span.doc
    start = span.start
    while start > max(0, span.start - FALLBACK_MAX_TOKENS):
        tok = doc[start - 1]
        if tok.pos_ in ("VERB", "AUX") or tok.text in QUOTE_MARKS or tok.is_space \
                or tok.text in (",", ";", ":", "(", ")", ".", "!", "?"):
            break
        start -= 1
    lo, hi = doc[start].idx, span.start_char
    best = None
    for draft in registry.drafts.values():
        if draft.kind != "country":
            continue
        for m in draft.mentions:
            if lo <= m.start and m.end <= hi and (best is None or m.end > best[0]):
                best = (m.end, draft.id, m.text)
    if best:
        return PersonEvidence(best[1], f"country word '{best[2]}' shortly before the name (fallback)",
                              None, None, 3)
    return None


def office_country(span: Span, registry: ActorRegistry, role: str) -> PersonEvidence | None:
    """"President Jovenel Moise" with no country named: a national office acts for the country
    the sentence names before the name (nearest), else the country the article is about (named
    at least twice, and twice as often as any other)
    (a country named after the name is usually the other side: "... Ouattara consider France")."""
    sent = span.sent
    in_sentence = [(span.start_char - m.end, d.id) for d in registry.drafts.values()
                   if d.kind == "country" for m in d.mentions
                   if sent.start_char <= m.start and m.end <= span.start_char]
    if in_sentence:
        country = min(in_sentence)[1]
        return PersonEvidence(country, f"national office '{role}': {country} named earlier in the sentence "
                              "(fallback)", None, None, 4)
    counts = sorted(((len(d.mentions), d.id) for d in registry.drafts.values() if d.kind == "country"),
                    reverse=True)
    if counts and counts[0][0] >= 2 and (len(counts) == 1 or counts[0][0] >= 2 * counts[1][0]):
        return PersonEvidence(counts[0][1], f"national office '{role}': {counts[0][1]} is the country "
                              "the article is about (fallback)", None, None, 4)
    return None


def _names_something_else(text: str, kb: KnowledgeBase) -> bool:
    entries = kb.lookup(text)
    return bool(entries) and not any(e.kind == "official" for e in entries)


def _official_id(text: str, kb: KnowledgeBase) -> str | None:
    ids = {e.target for e in kb.lookup(text) if e.kind == "official"}
    return ids.pop() if len(ids) == 1 else None


def resolve_persons(doc: Doc, kb: KnowledgeBase, registry: ActorRegistry, matches: list[KbMatch],
                    date: str | None) -> None:
    candidates: list[PersonCandidate] = []
    taken: list[tuple[int, int]] = []

    def overlaps(a: int, b: int) -> bool:
        return any(s < b and a < e for s, e in taken)

    # 1. officials the KB knows by name (full names always; bare surnames need support below)
    full_names_in_doc = set()
    for match in matches:
        officials = match.of_kind("official")
        if not officials or len(match.entries) != len(officials):
            continue
        span = doc.char_span(match.start, match.end, alignment_mode="expand")
        if span is None:
            continue
        if len(span) > 1:
            full_names_in_doc.add(officials[0].target)
    ents = [e for e in doc_ents(doc) if e.label_ == "PERSON"]
    ent_spans = {(e.start_char, e.end_char) for e in ents}
    for match in matches:
        officials = match.of_kind("official")
        if not officials or len(match.entries) != len(officials):
            continue
        span = doc.char_span(match.start, match.end, alignment_mode="expand")
        if span is None or registry.covers(match.start, match.end):
            continue
        if len({e.target for e in officials}) > 1:
            continue  # "Clinton": which one is decided by the full names in the article
        person_id = officials[0].target
        single = len(span) == 1
        if single:
            containing = [e for e in ents if e.start_char <= match.start and match.end <= e.end_char]
            if any(len(e) > 1 and not _official_id(_clean_person_span(e, kb).text if _clean_person_span(e, kb) else e.text, kb)
                   for e in containing):
                continue  # "Bandar Abbas" is not Mahmoud Abbas: the larger name is someone (somewhere) else
            in_person_ent = bool(containing)
            titled = title_evidence(span, matches, kb)
            holds = kb.tenure_on(person_id, date) is not None
            if not (person_id in full_names_in_doc or (holds and (in_person_ent or titled))):
                continue
        candidates.append(PersonCandidate(span, kb.tenures_of(person_id)[0].name, person_id))
        taken.append((span.start_char, span.end_char))
    # 2. every other PERSON entity, and names right after a title that NER missed
    ents = ents + _titled_names(doc, kb, ents)
    pending: list[tuple[Span, str]] = []
    for ent in ents:
        span = _clean_person_span(ent, kb)
        span = trim_name(span, kb) if span is not None else None
        if span is None or overlaps(span.start_char, span.end_char):
            continue
        if registry.covers(span.start_char, span.end_char):
            continue  # a country, place or organisation the KB resolved ("Kyiv" tagged PERSON)
        if not any(t.text[:1].isupper() for t in span) or (len(span) == 1 and span[0].tag_ == "NNPS"):
            continue
        if span[0].text in kb.name_blockers.entries or _names_something_else(span.text, kb):
            continue  # "Cyclone Jude", "Boko Haram", "Banja Luka": not people
        known = _official_id(span.text, kb)
        why = None if known else shape_problem(span, kb)
        if why:
            registry.exclude(span.start_char, span.end_char, span.text, f"not a person: {why}")
            continue
        origin = "spaCy PERSON entity" if ent.label_ == "PERSON" else "title-case name after a title"
        pending.append((span, origin))
        taken.append((span.start_char, span.end_char))
    labels = EntityLabels(doc)
    names = [_words(c.span.text) for c in candidates] + [_words(s.text) for s, _ in pending]
    problems, vouched = {}, set()
    for span, _ in pending:
        known = _official_id(span.text, kb)
        linked = _is_part_of_longer(_words(span.text), names)
        problems[span.start] = None if known else use_problem(span, kb, labels, linked)
        if known or linked or person_signal(span, kb):
            vouched.add(span.text)
    # one sense per article: a name used as a person once ("Chin said") is a person in all its
    # mentions; a name most of whose mentions are not people is not a person anywhere
    by_text: dict[str, list[str | None]] = {}
    for span, _ in pending:
        by_text.setdefault(span.text, []).append(problems[span.start])
    for span, origin in pending:
        why = None if span.text in vouched else problems[span.start]
        others = [w for w in by_text[span.text] if w]
        if why is None and span.text not in vouched and others and 2 * len(others) >= len(by_text[span.text]):
            why = f"most mentions of '{span.text}' are not a person ({others[0]})"
        if why:
            registry.exclude(span.start_char, span.end_char, span.text, f"not a person: {why}")
            continue
        candidates.append(PersonCandidate(span, span.text, _official_id(span.text, kb), origin=origin))
    _link_surnames(candidates)
    for cand in candidates:
        ev = title_evidence(cand.span, matches, kb)
        if ev:
            cand.evidence.append(ev)
        ev = appositive_evidence(cand.span, matches, kb)
        if ev:
            cand.evidence.append(ev)
    _register(candidates, kb, registry, date)
    resolve_office_references(doc, kb, registry, matches, date)


def resolve_office_references(doc: Doc, kb: KnowledgeBase, registry: ActorRegistry,
                              matches: list[KbMatch], date: str | None) -> None:
    """"the Ukrainian president", "France's foreign minister" with no name after them: the
    person holding that office on the publication date, when the KB knows exactly one."""
    text = doc_text(doc)
    roles_longest_first = sorted(kb.roles_by_form, key=len, reverse=True)
    anaphors = [KbMatch(m.start(), m.end(), m.group(0),
                        (SurfaceEntry(m.group(0), "country", country, "antecedent"),))
                for m in _COUNTRY_ANAPHOR.finditer(text)
                for country in [antecedent_country(matches, kb, m.start())] if country]
    for match in matches + anaphors:
        countries = [e.target for e in match.entries if e.kind in ("country", "demonym")]
        if len(countries) != 1:
            continue
        after = doc.char_span(match.end, min(len(text), match.end + 40), alignment_mode="contract")
        if after is None:
            continue
        rest = after.text
        rest = rest[2:] if rest[:2] in ("'s", "\u2019s") else rest
        rest = rest.lstrip()
        role = next((form for form in roles_longest_first
                     if rest.lower().startswith(form) and not rest[len(form):len(form) + 1].isalnum()), None)
        if role is None:
            continue
        offset = match.end + (len(after.text) - len(rest))
        role_span = doc.char_span(offset, offset + len(role), alignment_mode="expand")
        if role_span is None or registry.covers(role_span.start_char, role_span.end_char):
            continue
        following = doc[role_span.end] if role_span.end < len(doc) else None
        if following is not None and (following.pos_ == "PROPN" or following.ent_type_ == "PERSON"):
            continue  # a name follows: the person pass handled it as a title
        holders = {t.person_id: t for t in kb.office_holders(kb.roles_by_form[role].role, countries[0], date)}
        if len(holders) != 1:
            continue
        tenure = next(iter(holders.values()))
        start = match.start
        registry.add(tenure.person_id, tenure.name, "person", start, role_span.end_char,
                     text[start:role_span.end_char],
                     f"office reference: '{match.text}' {tenure.role} of {countries[0]} on {date or 'latest table'} "
                     f"({tenure.source})", country=tenure.country, role=tenure.role, sector=tenure.sector)


def _words(text: str) -> list[str]:
    return fold(text).replace("\u2019", "'").split()


def _titled_names(doc: Doc, kb: KnowledgeBase, ents: list[Span]) -> list[Span]:
    """"Defence Minister Hanno Pevkur" where NER saw no PERSON: two or three title-case proper
    nouns right after a title word are a name."""
    found = []
    titles = {form for form in kb.roles_by_form if " " not in form}
    taken = {i for e in doc_ents(doc) for i in range(e.start, e.end) if e.label_ in ("PERSON", "GPE", "NORP")}
    i = 0
    while i < len(doc) - 2:
        tok = doc[i]
        if tok.lower_ in titles and tok.text[:1].isupper():
            j = i + 1
            while j < len(doc) and j - i <= 3 and doc[j].pos_ == "PROPN" and doc[j].is_title \
                    and j not in taken and doc[j].lower_ not in kb.roles_by_form:
                j += 1
            if j - i >= 3:  # at least two name tokens
                found.append(doc[i + 1:j])
                i = j
                continue
        i += 1
    return found


def _is_part_of_longer(words: list[str], names: list[list[str]]) -> bool:
    """Are ``words`` the surname or given name of a longer name in the article?"""
    return any(len(other) > len(words) and (other[-len(words):] == words or other[:len(words)] == words)
               for other in names)


def _link_surnames(candidates: list[PersonCandidate]) -> None:
    """"Macron" after "Emmanuel Macron": a shorter name that ends a longer one joins it; a lone
    first name joins the only person in the article who has it."""
    full = sorted((c for c in candidates if len(_words(c.name)) > 1), key=lambda c: -len(c.name))
    for cand in candidates:
        words = _words(cand.span.text)
        longer = [o for o in full if o is not cand and len(_words(o.name)) > len(words)]
        by_surname = [o for o in longer if _words(o.name)[-len(words):] == words]
        # a lone first name ("Hillary") joins the one person in the article who has it
        by_first_name = {o.kb_id or o.name: o for o in longer
                         if len(words) == 1 and _words(o.name)[0] == words[0]}
        if len({o.kb_id or o.name for o in by_surname}) > 1:
            # "Clinton" with Bill and Hillary in the article: the one named last before it
            before = [o for o in by_surname if o.span.start < cand.span.start]
            by_surname = sorted(before, key=lambda o: -o.span.start) or by_surname
        match = by_surname[0] if by_surname else (
            next(iter(by_first_name.values())) if len(by_first_name) == 1 else None)
        if match is not None:
            cand.kb_id = match.kb_id or cand.kb_id
            cand.name = match.name


def _register(candidates: list[PersonCandidate], kb: KnowledgeBase, registry: ActorRegistry,
              date: str | None) -> None:
    by_person: dict[str, list[PersonCandidate]] = {}
    for cand in candidates:
        pid = cand.kb_id or slugify(cand.name)
        if not pid:
            continue
        by_person.setdefault(pid, []).append(cand)
    for pid, cands in by_person.items():
        evidence = [e for c in cands for e in c.evidence]
        tenure = kb.tenure_on(pid, date) if cands[0].kb_id else None
        former = None
        if cands[0].kb_id and tenure is None:
            past = [t for t in kb.tenures_of(pid) if date and t.start and t.start <= date]
            former = max(past, key=lambda t: t.start or "") if past else None
        if tenure:
            evidence.append(PersonEvidence(
                tenure.country, f"kb tenure: {tenure.role} {tenure.start or ''}..{tenure.end or ''} "
                f"({tenure.source})", tenure.role, tenure.organisation, 0))
        if not any(e.country or e.organisation for e in evidence):
            fallback = nearest_country(cands[0].span, registry, kb)
            if fallback:
                evidence.append(fallback)
        if not any(e.country or e.organisation for e in evidence):
            office = next((e for e in evidence if e.priority == 1 and e.role in kb.state_offices), None)
            if office is not None:
                fallback = office_country(cands[0].span, registry, office.role)
                if fallback:
                    evidence.append(fallback)
        if cands[0].kb_id and tenure is None:
            # known person outside any office on this date: their KB country, without the role
            other = former or kb.tenure_on(pid, None)
            evidence.append(PersonEvidence(other.country, f"kb person, not in office on {date}: "
                                           f"{other.role} {other.start or ''}..{other.end or ''} "
                                           f"({other.source})", None, other.organisation, 2))
        evidence.sort(key=lambda e: e.priority)
        with_country = [e for e in evidence if e.country]
        country = with_country[0].country if with_country else None
        roles = [e.role for e in evidence if e.role]
        role = roles[0] if roles else None
        name = max((c.name for c in cands), key=len)
        if cands[0].kb_id:
            name = kb.tenures_of(pid)[0].name
        why = with_country[0].country_reason if with_country else "no country evidence"
        source = "kb official" if cands[0].kb_id else cands[0].origin
        for c in cands:
            registry.add(pid, name, "person", c.span.start_char, c.span.end_char, c.span.text,
                         f"{source}; country: {why}", country=country, role=role,
                         sector=tenure.sector if tenure else None)
