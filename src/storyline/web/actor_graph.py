"""Who acts on whom in a story: an SVG-ready graph drawn on the server (no script needed).

Edges come from the events of the story's articles (each actor → each recipient), merged by
direction and event family, and coloured by family. Nodes sit on a circle: with the few dozen
actors a story has, a circle keeps every edge visible and the layout stable between visits.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterable

# PLOVER's event types grouped into the quad-class families of its codebook
# (openeventdata/PLOVER, PLOVER_MANUAL: cooperation, verbal conflict, material conflict).
EVENT_FAMILIES: dict[str, str] = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"),
                    "cooperative"),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN"), "verbal-conflict"),
    **dict.fromkeys(("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"), "material-conflict"),
}
FAMILY_LABELS = {"cooperative": "cooperative", "verbal-conflict": "verbal conflict",
                 "material-conflict": "material conflict"}
MAX_NODES = 30
WIDTH, HEIGHT, MARGIN = 640, 460, 70


@dataclass
class Node:
    id: str
    name: str
    x: float
    y: float
    degree: int

    @property
    def radius(self) -> float:
        return 9 + min(self.degree, 12)


@dataclass
class Edge:
    source: str
    target: str
    family: str
    types: dict[str, int]
    path: str = ""

    @property
    def count(self) -> int:
        return sum(self.types.values())

    @property
    def title(self) -> str:
        kinds = ", ".join(f"{t} ×{n}" for t, n in sorted(self.types.items()))
        return f"{self.source} → {self.target} ({FAMILY_LABELS[self.family]}): {kinds}"


@dataclass
class ActorGraph:
    nodes: list[Node]
    edges: list[Edge]
    width: int = WIDTH
    height: int = HEIGHT


def story_events(articles: Iterable[dict[str, Any]]) -> Iterable[dict[str, Any]]:
    for article in articles:
        yield from article.get("events") or []


def actor_graph(events: Iterable[dict[str, Any]], names: dict[str, str]) -> ActorGraph:
    """Merge events into directed, family-coloured edges and lay the busiest actors on a circle."""
    merged: dict[tuple[str, str, str], Counter] = {}
    for event in events:
        family = EVENT_FAMILIES.get(event.get("type") or "")
        if family is None or event.get("modality") == "negated":
            continue
        for source in event.get("actor") or []:
            for target in event.get("recipient") or []:
                if source and target and source != target:
                    merged.setdefault((source, target, family), Counter())[event["type"]] += 1
    degree: Counter = Counter()
    for (source, target, _), types in merged.items():
        degree[source] += sum(types.values())
        degree[target] += sum(types.values())
    kept = [a for a, _ in sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_NODES]]
    nodes = _circle(kept, degree, names)
    where = {n.id: n for n in nodes}
    edges = [Edge(s, t, f, dict(types)) for (s, t, f), types in sorted(merged.items())
             if s in where and t in where]
    bends: Counter = Counter()
    for edge in edges:
        bends[(edge.source, edge.target)] += 1
        pair = (edge.source, edge.target)
        edge.path = _curve(where[edge.source], where[edge.target], bends[pair])
    return ActorGraph(nodes, edges)


def _circle(ids: list[str], degree: Counter, names: dict[str, str]) -> list[Node]:
    cx, cy = WIDTH / 2, HEIGHT / 2
    r = min(cx, cy) - MARGIN
    nodes = []
    for i, actor in enumerate(ids):
        angle = -math.pi / 2 + 2 * math.pi * i / max(len(ids), 1)
        x, y = (cx, cy) if len(ids) == 1 else (cx + r * math.cos(angle), cy + r * math.sin(angle))
        nodes.append(Node(actor, names.get(actor) or actor, round(x, 1), round(y, 1),
                          degree[actor]))
    return nodes


def _curve(a: Node, b: Node, nth: int) -> str:
    """A quadratic curve bowed to one side, so A→B and B→A (and each family) stay apart.

    The curve stops at the target's rim so the arrowhead is visible.
    """
    dx, dy = b.x - a.x, b.y - a.y
    length = math.hypot(dx, dy) or 1.0
    bow = 18 * nth
    mx, my = (a.x + b.x) / 2 - dy / length * bow, (a.y + b.y) / 2 + dx / length * bow
    tx, ty = b.x - mx, b.y - my
    t_len = math.hypot(tx, ty) or 1.0
    ex, ey = b.x - tx / t_len * (b.radius + 3), b.y - ty / t_len * (b.radius + 3)
    return f"M{a.x:.1f},{a.y:.1f} Q{mx:.1f},{my:.1f} {ex:.1f},{ey:.1f}"
