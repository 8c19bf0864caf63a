"""The story as a briefing a journalist can check: every line ends with where it was read
(``[article-id:start–end]``, character offsets into that article's text)."""
from __future__ import annotations

from typing import Any, Mapping

from .stance import overall_stance
from .synthesis import outlet_of

QUOTE_CHARS = 180


def _quote(text: str | None, limit: int = QUOTE_CHARS) -> str:
    text = " ".join((text or "").split())
    if len(text) > limit:
        text = text[:limit - 1].rsplit(" ", 1)[0] + "…"
    return "“" + text.replace("|", "\\|") + "”"


def _where(article: str, start: Any, end: Any) -> str:
    return f"[{article}:{start}–{end}]" if start is not None else f"[{article}]"


def _actor_label(actor_id: str, names: Mapping[str, str]) -> str:
    name = names.get(actor_id)
    return f"{name} ({actor_id})" if name and name != actor_id else actor_id


def _header(story: Mapping[str, Any], articles: Mapping[str, Mapping[str, Any]]) -> list[str]:
    originals = [a for a in story.get("articles", []) if a not in {d["id"] for d in story.get("duplicates", [])}]
    span = " – ".join(d for d in dict.fromkeys([story.get("first_seen"), story.get("last_seen")]) if d)
    outlets = ", ".join(f"{o['name']} ({o['articles']})" for o in story.get("outlets", [])) or "outlets not given"
    lines = [f"# {story.get('title') or story['id']}", "",
             f"Story `{story['id']}`" + (f" · {span}" if span else "") +
             f" · {len(originals)} article(s), {story.get('independent_sources', len(originals))} independent"
             f" source(s), {len(story.get('duplicates', []))} republished cop(ies) · outlets: {outlets}", ""]
    return lines


def _as_of(stance: Mapping[str, Any]) -> str:
    if stance.get("as_of"):
        return stance["as_of"]
    return f"{stance['as_of_estimate']} (est.)" if stance.get("as_of_estimate") else "—"


def _stances(story: Mapping[str, Any], names: Mapping[str, str]) -> list[str]:
    stances = story.get("stances") or []
    if not stances:
        return ["## Where the actors stand", "", "No stance found in the text.", ""]
    lines = ["## Where the actors stand", ""]
    proposals = story.get("proposals") or []
    if proposals:
        lines.append("Proposals under discussion: " + "; ".join(
            f"**{p['target']}**" + (f" (also: {', '.join(sorted(set(p['phrases']) - {p['target']}))})"
                                    if len(set(p["phrases"])) > 1 else "")
            for p in proposals[:5]))
        lines.append("")
    overall = overall_stance(stances)
    lines += ["| Actor | Stance | On | Since | As of | Evidence |", "|---|---|---|---|---|---|"]
    for s in stances:
        first = s["evidence"][0]
        more = f" (+{len(s['evidence']) - 1} more below)" if len(s["evidence"]) > 1 else ""
        marker = "" if overall.get(s["actor"]) == s["stance"] else " (minority reading)"
        lines.append(f"| {_actor_label(s['actor'], names)} | {s['stance']}{marker} | {s['target']} | "
                     f"{s.get('since') or '—'} | {_as_of(s)} | "
                     f"{_quote(first['text'], 120)} {_where(first['article'], first['start'], first['end'])}{more} |")
    lines += ["", "### Stance evidence", ""]
    for s in stances:
        for e in s["evidence"]:
            lines.append(f"- {_actor_label(s['actor'], names)} — {s['stance']} — {_quote(e['text'])} "
                         f"({e.get('reason', 'evidence')}) {_where(e['article'], e['start'], e['end'])}")
    return lines + [""]


def _timeline(story: Mapping[str, Any], names: Mapping[str, str]) -> list[str]:
    lines = ["## Timeline", ""]
    entries = story.get("timeline") or []
    if not entries:
        return lines + ["No dated events found.", ""]
    for entry in entries:
        when = entry["date"]
        note = f" ({when['granularity']})" if when.get("granularity") not in (None, "day") else ""
        if when.get("estimated"):
            note += " (publication date)"
        who = ", ".join(_actor_label(a, names) for a in entry.get("actors") or []) or "—"
        whom = ", ".join(_actor_label(a, names) for a in entry.get("recipients") or [])
        where = " ".join(_where(e["article"], e["start"], e["end"]) for e in entry.get("evidence", []))
        lines.append(f"- **{when['value']}**{note} · {entry.get('type', '')} ({entry.get('modality', '')}) · "
                     f"{who}{' → ' + whom if whom else ''}: {_quote(entry['summary'])} {where}")
    return lines + [""]


def _claims(story: Mapping[str, Any]) -> list[str]:
    lines = ["## Who claims what", ""]
    claims = story.get("claims") or []
    if not claims:
        return lines + ["No attributed claims found.", ""]
    shown: set[int] = set()
    for c in claims:
        if c.get("group") in shown:
            continue
        shown.add(c.get("group"))
        chain = " → ".join(c.get("chain") or [c.get("speaker") or "?"])
        also = " ".join(_where(a["article"], None, None) for a in c.get("also") or [])
        sources = c.get("independent_sources", 1)
        lines.append(f"- **{c.get('speaker') or 'unknown'}** ({'direct quote' if c.get('direct') else 'reported'};"
                     f" chain: {chain}; {sources} independent source{'s' if sources != 1 else ''}): "
                     f"{_quote(c.get('text'))} {_where(c['article'], c.get('start'), c.get('end'))}"
                     + (f" also in {also}" if also else ""))
    return lines + [""]


def _sources(story: Mapping[str, Any], articles: Mapping[str, Mapping[str, Any]]) -> list[str]:
    lines = ["## Articles", ""]
    duplicates = {d["id"]: d for d in story.get("duplicates", [])}
    for article_id in story.get("articles", []):
        a = articles.get(article_id) or {}
        published = a.get("published") or (a.get("published_estimate") or {}).get("value")
        if published and not a.get("published"):
            published = f"{published} (estimated)"
        copy = f" — copy of [{duplicates[article_id]['duplicate_of']}]" if article_id in duplicates else ""
        lines.append(f"- [{article_id}] {a.get('title') or '(no title)'} — {outlet_of(a) or 'outlet unknown'}"
                     f" — {published or 'date unknown'}{copy}" + (f" — {a['url']}" if a.get("url") else ""))
    return lines + [""]


def story_markdown(story: Mapping[str, Any], articles: Mapping[str, Mapping[str, Any]]) -> str:
    names = {a["id"]: a.get("name") for a in story.get("actors") or []}
    names.update({s["actor"]: s.get("name") for s in story.get("stances") or [] if s.get("name")})
    lines = (_header(story, articles) + _stances(story, names) + _timeline(story, names)
             + _claims(story) + _sources(story, articles))
    lines.append("Offsets `[article:start–end]` are character positions in that article's text.")
    return "\n".join(lines) + "\n"
