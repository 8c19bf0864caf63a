"""PLOVER-style event records from analysed articles (``storyline export --format plover``).

PLOVER has no modality field: its categories carry it (manual §Auxiliary modes: "AGREE could be
SUPPORT + future ... the coder should always return the single event category"). So the export
folds what storyline keeps apart: an intended cooperation becomes AGREE, a threatened act
THREATEN, a refused one REJECT; the auxiliary modes PLOVER names (future, hypothetical, negation)
go to ``context`` and storyline's own ``modality`` stays as an extra field. Negated events are
left out unless asked for (the manual: "Negated events can be excluded").
"""
from __future__ import annotations

from typing import Any, Iterable, Iterator

COOPERATIVE = {"AID", "COOPERATE", "SUPPORT", "CONSULT", "RETREAT", "CONCEDE"}
FORCEFUL = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"}
AUXILIARY = {"intended": "future", "hypothetical": "hypothetical", "possible": "hypothetical",
             "negated": "negation", "threatened": "future"}


def _as_dict(article: Any) -> dict:
    return article.to_dict() if hasattr(article, "to_dict") else article


def plover_type(event_type: str, modality: str) -> str:
    """The single PLOVER category for a storyline event type under its modality."""
    if modality == "threatened" and event_type != "THREATEN":
        return "THREATEN"
    if modality == "intended" and event_type in COOPERATIVE - {"CONSULT"}:
        return "AGREE"
    if modality == "hypothetical" and event_type in FORCEFUL:
        return "THREATEN"
    return event_type


def _entity(actor_id: str, actors: dict[str, dict], evidence: dict | None) -> dict:
    actor = actors.get(actor_id) or {}
    text = actor.get("name") or actor_id
    if evidence:  # the words the evidence itself uses for this actor, as PLOVER's actorText
        for m in actor.get("mentions") or []:
            if evidence["start"] <= m["start"] and m["end"] <= evidence["end"]:
                text = m["text"]
                break
    country = actor.get("country")
    if actor.get("kind") == "country" or (not actor and len(actor_id) == 3 and actor_id.isupper()):
        country = actor_id
    return {"actorText": text, "code": actor_id, "country": country,
            "kind": actor.get("kind")}


def plover_records(articles: Iterable[Any], include_negated: bool = False) -> Iterator[dict]:
    """One PLOVER-style record per event, in article then event order."""
    for article in map(_as_dict, articles):
        actors = {a["id"]: a for a in article.get("actors") or []}
        for i, event in enumerate(article.get("events") or []):
            modality = event.get("modality") or "asserted"
            if modality == "negated" and event.get("type") != "REJECT" and not include_negated:
                continue
            evidence = event.get("evidence")
            date = (event.get("date") or {}).get("value") or article.get("published")
            context = [AUXILIARY[modality]] if modality in AUXILIARY else []
            yield {
                "id": f"{article.get('id')}-{i}",
                "date": date,
                "event": plover_type(event.get("type"), modality),
                "mode": event.get("mode"),
                "context": context,
                "source": [_entity(a, actors, evidence) for a in event.get("actor") or []],
                "target": [_entity(a, actors, evidence) for a in event.get("recipient") or []],
                "eventText": (event.get("trigger") or {}).get("text"),
                "text": evidence.get("text") if evidence else None,
                "articleId": article.get("id"),
                "url": article.get("url"),
                "publication": article.get("source"),
                "language": article.get("language", "en"),
                "modality": modality,
                "storylineType": event.get("type"),
                # the act itself before folding ("promised to send aid": AGREE, action AID)
                "action": event.get("action") or event.get("type"),
                "dateSource": event.get("date_source"),
                "claim": event.get("claim"),
            }
