"""The actor network as GraphML (Gephi, Cytoscape, networkx read it).

Nodes are actors; a directed edge actor → recipient carries, per event type, how many events
link them and the modalities seen, so that intended and asserted actions stay distinguishable.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import IO, Iterable
from xml.sax.saxutils import quoteattr

NODE_KEYS = (("name", "string"), ("kind", "string"), ("country", "string"), ("articles", "int"))
EDGE_KEYS = (("type", "string"), ("events", "int"), ("asserted", "int"), ("modalities", "string"),
             ("articles", "string"))


def actor_network(articles: Iterable[dict]) -> tuple[dict[str, dict], dict[tuple, dict]]:
    nodes: dict[str, dict] = {}
    edges: dict[tuple, dict] = defaultdict(lambda: {"events": 0, "modalities": Counter(),
                                                    "articles": set()})
    for article in articles:
        for actor in article.get("actors", []):
            node = nodes.setdefault(actor["id"], {"name": actor.get("name") or actor["id"],
                                                  "kind": actor.get("kind") or "",
                                                  "country": actor.get("country") or "",
                                                  "articles": 0})
            node["articles"] += 1
        for event in article.get("events", []):
            for source in event.get("actor", []):
                for target in event.get("recipient", []):
                    edge = edges[(source, target, event["type"])]
                    edge["events"] += 1
                    edge["modalities"][event.get("modality") or "asserted"] += 1
                    edge["articles"].add(article["id"])
    for source, target, _ in edges:
        for actor_id in (source, target):
            nodes.setdefault(actor_id, {"name": actor_id, "kind": "", "country": "", "articles": 0})
    return nodes, dict(edges)


def write_graphml(articles: Iterable[dict], stream: IO[str]) -> None:
    nodes, edges = actor_network(articles)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                 '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
    for name, kind in NODE_KEYS:
        stream.write(f'  <key id="n_{name}" for="node" attr.name="{name}" attr.type="{kind}"/>\n')
    for name, kind in EDGE_KEYS:
        stream.write(f'  <key id="e_{name}" for="edge" attr.name="{name}" attr.type="{kind}"/>\n')
    stream.write('  <graph id="actors" edgedefault="directed">\n')
    for node_id, node in sorted(nodes.items()):
        stream.write(f"    <node id={quoteattr(node_id)}>\n")
        for name, _ in NODE_KEYS:
            stream.write(f'      <data key="n_{name}">{_text(node[name])}</data>\n')
        stream.write("    </node>\n")
    for i, ((source, target, type_), edge) in enumerate(sorted(edges.items())):
        values = {"type": type_, "events": edge["events"],
                  "asserted": edge["modalities"].get("asserted", 0),
                  "modalities": ";".join(f"{m}:{n}" for m, n in sorted(edge["modalities"].items())),
                  "articles": ";".join(sorted(edge["articles"]))}
        stream.write(f"    <edge id=\"e{i}\" source={quoteattr(source)} target={quoteattr(target)}>\n")
        for name, _ in EDGE_KEYS:
            stream.write(f'      <data key="e_{name}">{_text(values[name])}</data>\n')
        stream.write("    </edge>\n")
    stream.write("  </graph>\n</graphml>\n")


def _text(value) -> str:
    from xml.sax.saxutils import escape
    return escape(str(value))
