"""Who stands where on a story's proposals, since when, and on what evidence.

**Proposals** are what the story's actors might do: intended, possible, hypothetical or
threatened events ("send military trainers to Ukraine"), labelled by their trigger and the words
after it up to the end of the phrase, and grouped across articles when their content words
overlap, so one proposal has one target per story.

**Stances** come from three places, all tied to a clause of text (the evidence):
- stance cues (``data/stance_cues.tsv``: "given their assent", "declined", "fear", "discussions
  about"), held by the actor who is the clause's subject before the cue, or by an explicit passive
  agent after it ("concerns raised by the governments of Spain, Italy, and Germany"), or, inside
  a reported claim without a subject of its own, by the claim's speaker;
- events (``data/event_stances.tsv``): an actor agreeing to, requesting or rejecting something;
- both only for actors in a holding position: a mention inside a prepositional phrase ("troops in
  Ukraine", "tensions between NATO and Russia", "among the countries invited are ...") holds
  nothing, which is why invited or merely mentioned actors get no stance.
People speak for the country they act for (the actor layer's ``country``). Groups stay groups:
members inherit a group's stance only where the actor layer expanded the group from the text.
"""
from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from .features import article_day, fold, parse_day, terms
from .spans import clause_spans, containing, sentence_spans, words_before

DATA = Path(__file__).resolve().parent / "data"
POLAR = ("support", "oppose")
_HOLDER_KINDS = {"country", "igo", "person", "organization", "group"}


# --------------------------------------------------------------------------- lexicons
@dataclass(frozen=True)
class Cue:
    text: str
    stance: str
    pattern: re.Pattern


@dataclass(frozen=True)
class StanceLexicon:
    cues: tuple[Cue, ...]
    negators: tuple[str, ...]
    concessives: tuple[str, ...]
    events: Mapping[tuple[str, str], str]
    grammar: Mapping[str, Any]


def _read_tsv(path: Path) -> list[dict[str, str]]:
    lines = [l for l in path.read_text(encoding="utf-8").splitlines() if l and not l.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _cue_pattern(cue: str) -> re.Pattern:
    words = [re.escape(w[:-1]) + r"[\w'-]*" if w.endswith("*") else re.escape(w) for w in cue.split()]
    return re.compile(r"(?<![\w'])" + r"\s+".join(words) + r"(?![\w])")


@lru_cache(maxsize=1)
def lexicon() -> StanceLexicon:
    cues, negators, concessives = [], [], []
    for row in _read_tsv(DATA / "stance_cues.tsv"):
        if row["stance"] == "negator":
            negators.append(row["cue"])
        elif row["stance"] == "concessive":
            concessives.append(row["cue"])
        else:
            cues.append(Cue(row["cue"], row["stance"], _cue_pattern(row["cue"])))
    events = {}
    for row in _read_tsv(DATA / "event_stances.tsv"):
        for modality in row["modalities"].split(","):
            events[(row["type"], modality.strip())] = row["stance"]
    grammar = json.loads((DATA / "stance_grammar.json").read_text(encoding="utf-8"))
    # Longest cues first, so "discussions about" wins over a shorter cue inside it.
    cues.sort(key=lambda c: -len(c.text))
    return StanceLexicon(tuple(cues), tuple(negators), tuple(concessives), events, grammar)


# --------------------------------------------------------------------------- proposals
@dataclass
class Proposal:
    """One thing under discussion in a story, with the phrases that name it."""
    label: str
    terms: set[str]
    phrases: list[str] = field(default_factory=list)
    mentions: list[tuple[str, int, int]] = field(default_factory=list)  # (article, start, end)


def proposal_phrase(text: str, start: int, grammar: Mapping[str, Any]) -> str:
    """The trigger and the words after it, up to the end of the phrase."""
    rest = text[start:start + 200]
    cut = len(rest)
    lowered = rest.lower()
    for stop in grammar["proposal_stops"]:
        at = lowered.find(stop, 1)
        if at > 0:
            cut = min(cut, at)
    words = rest[:cut].split()[:grammar["proposal_max_words"]]
    return " ".join(words).strip(" ,.;:’'\"”“")


def find_proposals(articles: Sequence[Mapping[str, Any]]) -> list[Proposal]:
    """Proposals of a story, most often named first; near-identical phrasings grouped."""
    grammar = lexicon().grammar
    found: list[Proposal] = []
    for article in articles:
        text = article.get("text") or ""
        for event in article.get("events") or []:
            if (event.get("modality") not in grammar["proposal_modalities"]
                    or event.get("type") not in grammar["proposal_types"]):
                continue
            trigger = event.get("trigger") or {}
            if trigger.get("start") is None:
                continue
            phrase = proposal_phrase(text, trigger["start"], grammar)
            content = {root(t) for t in terms(phrase)}
            if len(content) < 2:
                continue  # "finance" alone names no proposal
            found.append(Proposal(phrase, content, [phrase],
                                  [(str(article["id"]), trigger["start"], trigger["start"] + len(phrase))]))
    return _group_proposals(found)


def root(word: str) -> str:
    """A crude root for grouping phrasings: trainers/training/train, deployment/deployed/deploy."""
    for suffix in ("ments", "ment", "ions", "ion", "ers", "er", "ing", "ed", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[:-len(suffix)]
    return word


def _group_proposals(proposals: list[Proposal]) -> list[Proposal]:
    """Single-link grouping: two phrasings are one proposal when they share two content words."""
    groups: list[Proposal] = []
    for proposal in proposals:
        joined = [g for g in groups if len(g.terms & proposal.terms) >= 2]
        if not joined:
            groups.append(proposal)
            continue
        head = joined[0]
        for other in joined[1:]:
            head.terms |= other.terms
            head.phrases += other.phrases
            head.mentions += other.mentions
            groups.remove(other)
        head.terms |= proposal.terms
        head.phrases += proposal.phrases
        head.mentions += proposal.mentions
    for group in groups:
        counts = Counter(p.lower() for p in group.phrases)
        # The most repeated phrasing names the group; ties go to the first one read.
        best = min(group.phrases, key=lambda p: (-counts[p.lower()], group.phrases.index(p)))
        group.label = best
    groups.sort(key=lambda g: (-len(g.phrases), g.label))
    return groups


# --------------------------------------------------------------------------- holders
@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    holder: str
    actor: str


def holder_of(actor: Mapping[str, Any]) -> str | None:
    """Who holds a stance for this actor: a person speaks for their country."""
    kind = actor.get("kind")
    if kind not in _HOLDER_KINDS:
        return None
    if kind == "person" and actor.get("country"):
        return actor["country"]
    return actor.get("id")


def article_mentions(article: Mapping[str, Any]) -> list[Mention]:
    mentions = []
    for actor in article.get("actors") or []:
        holder = holder_of(actor)
        if holder:
            for m in actor.get("mentions") or []:
                mentions.append(Mention(m["start"], m["end"], holder, actor["id"]))
    return sorted(mentions, key=lambda m: (m.start, m.end))


def _eligible(text: str, mention: Mention, previous: Mention | None, previous_ok: bool,
              grammar: Mapping[str, Any]) -> bool:
    """A mention holds a stance unless it sits in a prepositional phrase (or is coordinated
    with one that does: "between NATO and Russia")."""
    before = words_before(text, mention.start, 6)
    while before and (before[-1] in grammar["determiners"] or before[-1].endswith(("'s", "’s"))):
        before.pop()
    if not before:
        return True
    word = before[-1]
    if word in grammar["prepositions"]:
        return False
    if word in grammar["coordinators"] and previous is not None and mention.start - previous.end <= 20:
        return previous_ok  # a list shares the position of its first member
    return True


def _coordinated(text: str, mentions: list[Mention], index: int) -> list[Mention]:
    """The mention and those listed with it ("Spain, Italy, and Germany")."""
    chain = [mentions[index]]
    for step in (-1, 1):
        i = index
        while 0 <= i + step < len(mentions):
            a, b = (mentions[i + step], mentions[i]) if step < 0 else (mentions[i], mentions[i + step])
            gap = text[a.end:b.start].lower().strip()
            gap = re.sub(r"^(?:the|all|its|their)\s+|\s+(?:the|all)$", "", gap)
            if gap in {",", "and", ", and", "or", ", or", "as well as", "&"} or (
                    a.holder == b.holder and len(gap) <= 3):
                chain.append(mentions[i + step])
                i += step
            else:
                break
    return chain


# --------------------------------------------------------------------------- evidence
@dataclass(frozen=True)
class Evidence:
    holder: str
    stance: str
    article: str
    start: int
    end: int
    text: str
    date: str | None
    reason: str  # "cue 'declined'", "event REJECT", "claim speaker"
    estimate: str | None = None  # the article's estimated publication (e.g. "2024-06") when no day is known


def _evidence_date(article: Mapping[str, Any], start: int, end: int) -> str | None:
    """When the stance held: a day named in the sentence, if not after publication; else the
    publication day. (An intended event's own date is when it would happen, not when anyone
    stood anywhere, so it is not used.)"""
    published = article_day(article)
    for d in article.get("dates") or []:
        if start <= d.get("start", -1) < end and d.get("granularity") == "day":
            day = parse_day(d.get("value"))
            if day and (published is None or day <= published):
                return day.isoformat()
    return published.isoformat() if published else None


def _estimated_publication(article: Mapping[str, Any]) -> str | None:
    estimate = article.get("published_estimate")
    return estimate.get("value") if isinstance(estimate, dict) else None


def _cue_hits(clause_text: str, lex: StanceLexicon) -> list[tuple[int, int, str, str]]:
    """(start, end, stance, cue) within the clause, longest cues first, no overlaps."""
    folded = fold(clause_text).lower()
    if len(folded) != len(clause_text):  # a ligature or the like: keep offsets true to the text
        folded = clause_text.lower()
    taken: list[tuple[int, int]] = []
    hits = []
    for cue in lex.cues:
        for m in cue.pattern.finditer(folded):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            hits.append((m.start(), m.end(), cue.stance, cue.text))
    return sorted(hits)


def _negated(before: list[str], lex: StanceLexicon) -> bool:
    """A negator among the three words before a cue ("does not intend to", "won't back")."""
    window = before[-3:]
    joined = " ".join(window)
    for negator in lex.negators:
        if " " in negator:
            hit = negator in joined
        elif negator.startswith("n'"):
            hit = any(w.endswith(negator) for w in window)
        else:
            hit = negator in window
        if hit:
            return True
    return False


def _concessive(before_text: str, lex: StanceLexicon) -> bool:
    window = " ".join(before_text.split()[-5:])
    return any(re.search(r"(?<![\w])" + re.escape(c) + r"(?![\w])", window) for c in lex.concessives)


def clause_evidence(article: Mapping[str, Any]) -> list[Evidence]:
    """Stance evidence from cues in each clause of one article."""
    lex = lexicon()
    grammar = lex.grammar
    text = article.get("text") or ""
    mentions = article_mentions(article)
    ok: dict[Mention, bool] = {}
    for i, m in enumerate(mentions):
        prev = mentions[i - 1] if i else None
        ok[m] = _eligible(text, m, prev, ok.get(prev, True) if prev else True, grammar)
    claims = article.get("claims") or []
    actors_by_id = {a["id"]: a for a in article.get("actors") or []}
    out: list[Evidence] = []
    for sentence in sentence_spans(text):
        for c_start, c_end in clause_spans(text, sentence, grammar["clause_breaks"]):
            clause = text[c_start:c_end]
            verdicts: dict[str, list[tuple[str, str]]] = defaultdict(list)
            for h_start, h_end, stance, cue in _cue_hits(clause, lex):
                at, after = c_start + h_start, c_start + h_end
                before_words = words_before(text[c_start:at], at - c_start, 6)
                if stance in POLAR and _negated(before_words, lex):
                    stance = "oppose" if stance == "support" else "support"
                holders = _passive_agents(text, mentions, after, c_end, grammar)
                if not holders and not _concessive(text[c_start:at], lex):
                    holders = _subject_before(text, mentions, ok, c_start, at)
                    if not holders:
                        holders = _claim_speaker(claims, actors_by_id, c_start, c_end)
                for holder in holders:
                    verdicts[holder].append((stance, cue))
            for holder, found in verdicts.items():
                stance = _clause_stance([s for s, _ in found])
                cues = ", ".join(sorted({c for s, c in found if s == stance}))
                out.append(Evidence(holder, stance, str(article["id"]), c_start, c_end, clause,
                                    _evidence_date(article, c_start, c_end), f"cue '{cues}'"))
    return out


def _clause_stance(stances: list[str]) -> str:
    """Polar cues outweigh deliberation ("would consider it a provocation" is opposition)."""
    polar = [s for s in stances if s in POLAR]
    if not polar:
        return "undecided"
    counts = Counter(polar)
    return max(polar, key=lambda s: (counts[s], -polar.index(s)))  # ties: the first cue read


def _passive_agents(text: str, mentions: list[Mention], cue_end: int, clause_end: int,
                    grammar: Mapping[str, Any]) -> list[str]:
    """Agents of "concerns raised by X, Y and Z": mentions after a nearby "by"."""
    window = text[cue_end:clause_end]
    words = list(re.finditer(r"[\w'’-]+", window))[:grammar["passive_agent_window"] + 1]
    for w in words:
        if w.group().lower() in grammar["passive_agent"]:
            by_at = cue_end + w.end()
            agents = [m for m in mentions if by_at <= m.start < clause_end]
            if agents:
                first = mentions.index(agents[0])
                return _unique(m.holder for m in _coordinated(text, mentions, first))
    return []


def _subject_before(text: str, mentions: list[Mention], ok: Mapping[Mention, bool],
                    clause_start: int, cue_start: int) -> list[str]:
    """The nearest holding mention before the cue in the clause, with its coordinated list."""
    before = [i for i, m in enumerate(mentions) if clause_start <= m.start and m.end <= cue_start and ok[m]]
    if not before:
        return []
    return _unique(m.holder for m in _coordinated(text, mentions, before[-1]) if ok[m])


def _claim_speaker(claims: Sequence[Mapping[str, Any]], actors_by_id: Mapping[str, Any],
                   start: int, end: int) -> list[str]:
    """A clause inside a reported claim with no subject of its own speaks for the speaker."""
    for claim in claims:
        spans = [claim.get("content") or {}, claim.get("cue") or {}]
        lo = min((s["start"] for s in spans if s.get("start") is not None), default=None)
        hi = max((s["end"] for s in spans if s.get("end") is not None), default=None)
        if lo is None or not (lo < end and start < hi):
            continue
        speaker = claim.get("speaker") or {}
        actor = actors_by_id.get(speaker.get("actor")) if speaker.get("actor") else None
        holder = holder_of(actor) if actor else None
        if holder is None and speaker.get("actor") and re.fullmatch(r"[A-Z]{2,5}", speaker["actor"]):
            holder = speaker["actor"]
        if holder:
            return [holder]
    return []


def event_evidence(article: Mapping[str, Any]) -> list[Evidence]:
    """Stance evidence from events: their actors agree to, request, reject ... something."""
    lex = lexicon()
    text = article.get("text") or ""
    actors_by_id = {a["id"]: a for a in article.get("actors") or []}
    sentences = sentence_spans(text)
    out = []
    for event in article.get("events") or []:
        stance = lex.events.get((event.get("type"), event.get("modality")))
        if not stance:
            continue
        if event.get("modality") in lex.grammar["proposal_modalities"] and event.get("type") not in (
                "AID", "COOPERATE", "AGREE", "SUPPORT", "MOBILIZE", "CONCEDE", "REQUEST"):
            continue
        anchor = (event.get("trigger") or event.get("evidence") or {}).get("start")
        if anchor is None:
            continue
        sentence = containing(sentences, anchor) or (anchor, anchor + 1)
        clause = containing(clause_spans(text, sentence, lex.grammar["clause_breaks"]), anchor) or sentence
        for actor_id in event.get("actor") or []:
            actor = actors_by_id.get(actor_id)
            holder = holder_of(actor) if actor else (actor_id if re.fullmatch(r"[A-Z]{2,5}", actor_id) else None)
            if holder:
                out.append(Evidence(holder, stance, str(article["id"]), clause[0], clause[1],
                                    text[clause[0]:clause[1]], _evidence_date(article, *clause),
                                    f"event {event['type']} ({event.get('modality')})"))
    return out


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


# --------------------------------------------------------------------------- story level
def story_stances(articles: Sequence[Mapping[str, Any]]) -> tuple[list[Proposal], list[dict[str, Any]]]:
    """(proposals, contract stance entries) for one story's original articles.

    A stance is always a stance *on* one of the story's proposals: a clause that shares no
    content word with any of them gives none, and a story without proposals has no stances.
    """
    proposals = find_proposals(articles)
    evidence: dict[tuple[str, str, int], Evidence] = {}
    for article in articles:
        # Cue evidence first: when a cue and an event read the same clause, the cue's reading
        # (which sees negation and concession) is kept.
        for item in clause_evidence(article) + event_evidence(article):
            if item.date is None:
                item = replace(item, estimate=_estimated_publication(article))
            evidence.setdefault((item.holder, item.article, item.start), item)
    names = {a["id"]: a.get("name") for art in articles for a in art.get("actors") or []}
    grouped: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
    for item in evidence.values():
        target = _target_of(item.text, proposals)
        if target is not None:
            grouped[(item.holder, target, item.stance)].append(item)
    entries = []
    for (holder, target, stance), items in grouped.items():
        items.sort(key=lambda e: (e.date or "9999", e.article, e.start))
        dates = [e.date for e in items if e.date]
        estimates = [e.estimate for e in items if e.estimate and not e.date]
        entries.append({
            "actor": holder, "name": names.get(holder) or holder, "target": target, "stance": stance,
            "as_of": max(dates) if dates else None, "since": min(dates) if dates else None,
            "as_of_estimate": None if dates else (max(estimates) if estimates else None),
            "evidence": [{"article": e.article, "start": e.start, "end": e.end, "text": e.text,
                          "reason": e.reason} for e in items]})
    order = {"support": 0, "oppose": 1, "undecided": 2}
    rank = {p.label: i for i, p in enumerate(proposals)}
    entries.sort(key=lambda s: (rank[s["target"]], order.get(s["stance"], 3),
                                -len(s["evidence"]), s["actor"]))
    return proposals, entries


def _target_of(clause: str, proposals: Sequence[Proposal]) -> str | None:
    """The proposal a clause speaks about: most shared content words, the story's main
    proposal on a tie; None when it shares none (a stance on nothing under discussion)."""
    if not proposals:
        return None
    words = {root(t) for t in terms(clause)}
    best = max(proposals, key=lambda p: len(p.terms & words))  # first (main) wins ties
    if best.terms & words:
        return best.label
    lowered = " " + fold(clause).lower() + " "
    if any(re.search(r"(?<![\w])" + re.escape(a) + r"(?![\w])", lowered)
           for a in lexicon().grammar["proposal_anaphora"]):
        return proposals[0].label  # "this endeavor": the story's main proposal
    return None


def overall_stance(entries: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """Per actor, the stance with most evidence, then the latest (the scorer's reading)."""
    best: dict[str, tuple] = {}
    for e in entries:
        key = (len(e["evidence"]), e.get("as_of") or "")
        if e["actor"] not in best or key > best[e["actor"]][0]:
            best[e["actor"]] = (key, e["stance"])
    return {actor: stance for actor, (_, stance) in best.items()}
