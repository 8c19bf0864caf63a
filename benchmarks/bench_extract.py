"""HTML article-body extraction: storyline's reader vs. a whole-page baseline.

Run (from the repo root; reads ../shared/data/html, 181 pages with gold bodies)::

    /work/venv/bin/python benchmarks/bench_extract.py [--limit N] [--data DIR]

For every page, both extractors see the same decoded HTML:
- ``storyline``: ``storyline.sources.html.extract_page`` (trafilatura + our clean-up),
- ``baseline``: all visible text of the page via lxml (``html_to_text``), no extraction.
Quality is token-level precision/recall/F1 against the gold ``articleBody``
(lower-cased word tokens, multiset overlap), averaged per page; a page where an
extractor returns nothing scores 0.  Speed is pages per second of extraction
only (decoding excluded), measured in the same run.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import time
from collections import Counter
from pathlib import Path

from storyline.sources.html import decode_html, extract_page, html_to_text

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "html"
_TOKEN = re.compile(r"\w+")


def token_prf(predicted: str, gold: str) -> tuple[float, float, float]:
    pred, ref = Counter(_TOKEN.findall(predicted.lower())), Counter(_TOKEN.findall(gold.lower()))
    overlap = sum((pred & ref).values())
    if not pred and not ref:
        return 1.0, 1.0, 1.0
    p = overlap / sum(pred.values()) if pred else 0.0
    r = overlap / sum(ref.values()) if ref else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages (sorted by id)")
    args = ap.parse_args()
    gold = json.loads((args.data / "ground-truth.json").read_text("utf-8"))
    ids = sorted(gold)[: args.limit or None]
    pages = []
    for page_id in ids:
        data = gzip.decompress((args.data / "html" / f"{page_id}.html.gz").read_bytes())
        pages.append((page_id, decode_html(data)[0], gold[page_id]["articleBody"]))

    extract_page(pages[0][1])  # warm-up: the first call imports trafilatura
    scores: dict[str, list[tuple[float, float, float]]] = {"storyline": [], "baseline": []}
    seconds = {"storyline": 0.0, "baseline": 0.0}
    found = Counter()
    for _, html, body in pages:
        start = time.perf_counter()
        page = extract_page(html)
        seconds["storyline"] += time.perf_counter() - start
        scores["storyline"].append(token_prf(page.text if page else "", body))
        if page:
            found.update(k for k in ("title", "published", "sitename", "url") if getattr(page, k))
        start = time.perf_counter()
        whole = html_to_text(html)
        seconds["baseline"] += time.perf_counter() - start
        scores["baseline"].append(token_prf(whole, body))

    n = len(pages)
    print(f"pages: {n} from {args.data}")
    print(f"{'extractor':<10} {'precision':>9} {'recall':>7} {'F1':>6} {'pages/s':>8}")
    f1 = {}
    for name, rows in scores.items():
        p, r, f = (statistics.fmean(col) for col in zip(*rows))
        f1[name] = f
        print(f"{name:<10} {p:9.3f} {r:7.3f} {f:6.3f} {n / seconds[name]:8.1f}")
    print(f"F1 ratio storyline/baseline: {f1['storyline'] / f1['baseline']:.2f}; "
          f"speed ratio: {seconds['baseline'] / seconds['storyline']:.2f}")
    print("metadata found: " + ", ".join(f"{k} {found[k]}/{n}" for k in ("title", "published", "sitename", "url")))


if __name__ == "__main__":
    main()
