"""Speed of the actors component against the spaCy parse it runs on, in the same run.

    cd /work/main && /work/venv/bin/python benchmarks/bench_actors.py [N]

Parses N VOA articles (default 20) with the base spaCy pipeline once, then times
``annotate_actors`` over the parsed docs. Target: actors cost under 15% of the spaCy parse.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def main() -> int:
    from storyline.analysis.actors import annotate_actors
    from storyline.analysis.pipeline import load_nlp, make_doc
    from storyline.model import Article

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    path = SHARED / "data/voa/dev.jsonl"
    rows = [json.loads(line) for line in path.open(encoding="utf-8")][:n]
    nlp = load_nlp()
    base = [name for name in nlp.pipe_names if not name.startswith("storyline")]
    start = time.perf_counter()
    docs = []
    for row in rows:
        doc = make_doc(nlp, Article(id=row["id"], text=row["text"], published=row.get("published")))
        for name in base:
            doc = nlp.get_pipe(name)(doc)
        docs.append(doc)
    parse = time.perf_counter() - start
    annotate_actors(docs[0])  # load the knowledge base and compile its pattern outside the timing
    start = time.perf_counter()
    for doc in docs:
        annotate_actors(doc)
    actors = time.perf_counter() - start
    chars = sum(len(d.text) for d in docs)
    print(f"{len(docs)} articles, {chars:,} chars: spaCy parse {parse:.2f}s, actors {actors:.2f}s, "
          f"ratio {actors / parse:.3f} (target < 0.15)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
