"""One picture per story: the contract's Story object, built from its articles' analyses.

Honest source counting is the point: a wire story republished by forty outlets is one
independent source carried by forty outlets, and two outlets quoting the same Reuters report are
one origin for that claim, not two. Duplicates (``duplicate_of``) therefore add outlets but not
independent sources, and a claim's origin is its first intermediary (``via[0]``) when it has one.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date
from typing import Any, Iterable, Mapping, Sequence
from urllib.parse import urlparse

from ..model import SCHEMA_VERSION
from .features import article_day, fold, terms
from .spans import clause_spans, containing, sentence_spans
from .stance import lexicon, story_stances

Article = Mapping[str, Any]


def outlet_of(article: Article) -> str | None:
    """The outlet's name: the given source, else the web host (file paths are not outlets)."""
    source = article.get("source")
    if source and not re.match(r"^(?:/|\w:\\|file:)", source):
        return source
    url = article.get("url") or ""
    host = urlparse(url).hostname if url.startswith(("http://", "https://")) else None
    if host:
        return host[4:] if host.startswith("www.") else host
    return None


def date_start(value: str | None) -> date | None:
    """First day of an ISO value: 2024-06-06, 2024-W23, 2024-W23-4, 2024-06, 2024, A/B."""
    if not value:
        return None
    value = value.split("/")[0]
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return date.fromisoformat(value)
        if m := re.fullmatch(r"(\d{4})-W(\d{2})(?:-(\d))?", value):
            return date.fromisocalendar(int(m[1]), int(m[2]), int(m[3] or 1))
        if re.fullmatch(r"\d{4}-\d{2}", value):
            return date.fromisoformat(value + "-01")
        if re.fullmatch(r"\d{4}", value):
            return date(int(value), 1, 1)
    except ValueError:
        return None
    return None


def story_title(articles: Sequence[Article]) -> str:
    """The earliest headline; without headlines, the opening sentence of the earliest article."""
    for article in articles:
        if article.get("title"):
            return article["title"].strip()
    for article in articles:
        text = article.get("text") or ""
        spans = sentence_spans(text)
        if spans:
            first = text[spans[0][0]:spans[0][1]]
            return first if len(first) <= 140 else first[:137].rsplit(" ", 1)[0] + "…"
    return "(untitled story)"


def story_actors(articles: Sequence[Article]) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for article in articles:
        for actor in article.get("actors") or []:
            entry = seen.setdefault(actor["id"], {"id": actor["id"], "name": actor.get("name"),
                                                  "kind": actor.get("kind"), "articles": 0, "mentions": 0})
            entry["articles"] += 1
            entry["mentions"] += len(actor.get("mentions") or [])
            if actor.get("country"):
                entry.setdefault("country", actor["country"])
    return sorted(seen.values(), key=lambda a: (-a["articles"], -a["mentions"], a["id"]))


def story_timeline(articles: Sequence[Article]) -> list[dict[str, Any]]:
    """Dated events, oldest first; the same event told by several articles is one entry
    (same resolved date, type, actors and recipients)."""
    breaks = lexicon().grammar["clause_breaks"]
    merged: dict[tuple, dict[str, Any]] = {}
    for article in articles:
        text = article.get("text") or ""
        sentences = sentence_spans(text)
        for index, event in enumerate(article.get("events") or []):
            when = event.get("date") or {}
            if not when.get("value") or when.get("type") == "unresolved" or not date_start(when["value"]):
                continue
            key = (when["value"], event.get("type"), tuple(sorted(event.get("actor") or [])),
                   tuple(sorted(event.get("recipient") or [])), event.get("modality"))
            anchor = (event.get("trigger") or event.get("evidence") or {}).get("start", 0)
            sentence = containing(sentences, anchor)
            span = (containing(clause_spans(text, sentence, breaks), anchor) if sentence else None) \
                or (event["evidence"]["start"], event["evidence"]["end"])
            evidence = {"article": str(article["id"]), "start": span[0], "end": span[1],
                        "text": text[span[0]:span[1]]}
            entry = merged.get(key)
            if entry is None:
                merged[key] = {
                    "date": {"value": when["value"], "granularity": when.get("granularity") or "day",
                             "type": when.get("type"), "estimated": event.get("date_source") == "published-fallback"},
                    "summary": evidence["text"], "type": event.get("type"), "modality": event.get("modality"),
                    "actors": list(event.get("actor") or []), "recipients": list(event.get("recipient") or []),
                    "events": [], "evidence": []}
                entry = merged[key]
            entry["events"].append({"article": str(article["id"]), "event": index})
            if evidence not in entry["evidence"]:
                entry["evidence"].append(evidence)
    granularity_rank = {"day": 0, "week": 1, "month": 2, "year": 3}
    return sorted(merged.values(), key=lambda e: (date_start(e["date"]["value"]),
                                                  granularity_rank.get(e["date"]["granularity"], 4),
                                                  e["events"][0]["article"], e["events"][0]["event"]))


def _claim_origin(claim: Mapping[str, Any], article: Article) -> str:
    via = claim.get("via") or []
    return fold(via[0]).lower() if via else (fold(outlet_of(article) or "").lower() or f"article:{article['id']}")


def story_claims(articles: Sequence[Article], carriers: Mapping[str, list[str]]) -> list[dict[str, Any]]:
    """Every claim with its chain (speaker → intermediaries → outlet); claims that say the same
    thing from the same speaker are grouped and their independent origins counted."""
    rows = []
    for article in articles:
        outlet = outlet_of(article)
        for index, claim in enumerate(article.get("claims") or []):
            speaker = claim.get("speaker") or {}
            content = claim.get("content") or {}
            chain = [speaker.get("text")] + list(claim.get("via") or [])
            if outlet and fold(outlet).lower() not in {fold(c or "").lower() for c in chain}:
                chain.append(outlet)
            rows.append({"article": str(article["id"]), "claim": index,
                         "speaker": speaker.get("text"), "speaker_actor": speaker.get("actor"),
                         "speaker_kind": speaker.get("kind"), "text": content.get("text"),
                         "start": content.get("start"), "end": content.get("end"),
                         "direct": claim.get("direct"), "via": list(claim.get("via") or []),
                         "chain": [c for c in chain if c],
                         "_origin": _claim_origin(claim, article),
                         "_terms": set(terms(content.get("text") or "")),
                         "_who": speaker.get("actor") or fold(speaker.get("text") or "").lower()})
    groups: list[list[dict]] = []
    by_speaker: dict[str, list[list[dict]]] = defaultdict(list)  # only one speaker's claims can match
    for row in rows:
        for group in by_speaker[row["_who"]]:
            head = group[0]
            union = head["_terms"] | row["_terms"]
            if head["article"] != row["article"] and union and \
                    len(head["_terms"] & row["_terms"]) / len(union) >= 0.5:
                group.append(row)
                break
        else:
            groups.append([row])
            by_speaker[row["_who"]].append(groups[-1])
    out = []
    for number, group in enumerate(groups):
        origins = {r["_origin"] for r in group}
        outlets = {o for r in group for o in carriers.get(r["article"], [])}
        for row in group:
            clean = {k: v for k, v in row.items() if not k.startswith("_")}
            clean.update(group=number, independent_sources=len(origins), carried_by=len(outlets) or None,
                         also=[{"article": r["article"], "claim": r["claim"]} for r in group if r is not row])
            out.append(clean)
    return out


def synthesize_story(story_id: str, articles: Sequence[Article], duplicates: Iterable[Article] = ()) -> dict[str, Any]:
    """The contract Story (schema_version 1) for ``articles`` (originals) and their duplicates."""
    originals = sorted(articles, key=lambda a: (article_day(a) or date.max, str(a["id"])))
    duplicates = sorted(duplicates, key=lambda a: (article_day(a) or date.max, str(a["id"])))
    days = [d for d in (article_day(a) for a in list(originals) + list(duplicates)) if d]
    # Outlets carrying each original: its own and those of its republished copies.
    carriers: dict[str, list[str]] = defaultdict(list)
    for article in originals:
        if outlet_of(article):
            carriers[str(article["id"])].append(outlet_of(article))
    for copy in duplicates:
        if outlet_of(copy) and copy.get("duplicate_of"):
            carriers[str(copy["duplicate_of"])].append(outlet_of(copy))
    outlet_counts = Counter(o for a in list(originals) + list(duplicates) if (o := outlet_of(a)))
    independent = {outlet_of(a) or f"article:{a['id']}" for a in originals}
    title = story_title(originals or duplicates)
    proposals, stances = story_stances(originals)
    return {
        "schema_version": SCHEMA_VERSION,
        "id": story_id,
        "title": title,
        "first_seen": min(days).isoformat() if days else None,
        "last_seen": max(days).isoformat() if days else None,
        "articles": [str(a["id"]) for a in originals] + [str(a["id"]) for a in duplicates],
        "duplicates": [{"id": str(a["id"]), "duplicate_of": a.get("duplicate_of"), "source": outlet_of(a)}
                       for a in duplicates],
        "sources": list(outlet_counts),
        "outlets": [{"name": name, "articles": n} for name, n in outlet_counts.most_common()],
        "independent_sources": len(independent),
        "actors": story_actors(originals),
        "proposals": [{"target": p.label, "phrases": p.phrases,
                       "mentions": [{"article": a, "start": s, "end": e} for a, s, e in p.mentions]}
                      for p in proposals],
        "stances": stances,
        "timeline": story_timeline(originals),
        "claims": story_claims(originals, carriers),
    }
