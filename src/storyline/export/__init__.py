"""Exports the field uses: PLOVER JSON, CSV tables, GraphML actor networks, contract JSONL."""
from __future__ import annotations

import json
from typing import IO, Iterable


def write_export(format: str, articles: Iterable[dict], stream: IO[str], table: str = "events") -> None:
    if format == "plover":
        from .plover import plover_records
        stream.write("[\n")
        for i, record in enumerate(plover_records(articles)):
            stream.write((",\n" if i else "") + json.dumps(record, ensure_ascii=False))
        stream.write("\n]\n")
    elif format == "csv":
        from .tables import write_csv
        write_csv(articles, stream, table=table)
    elif format == "graphml":
        from .graphml import write_graphml
        write_graphml(articles, stream)
    elif format == "jsonl":
        for record in articles:
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        raise ValueError(f"unknown export format {format!r}: use plover, csv, graphml or jsonl")
