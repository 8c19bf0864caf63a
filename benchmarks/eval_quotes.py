"""PolNeAR attribution benchmark for storyline's claims layer (accuracy and speed).

    /work/venv/bin/python benchmarks/eval_quotes.py --part dev            # full dev, full pipeline
    /work/venv/bin/python benchmarks/eval_quotes.py --part train --limit 40 --offset 0 --cached

Builds the scorer's input (``score.py quotes-input``) for a subset of one PolNeAR part, runs the
storyline pipeline, writes ``pred.jsonl`` and scores it with ``score.py quotes``. A subset is scored
against a temporary folder holding only its texts and annotations, so recall is not diluted.

Speed is reported as a ratio against a baseline measured in the same run: the attribution
component's own time over the time of the bare spaCy parse (tagger, parser, NER) of the same texts.
``--cached`` parses once, keeps the parsed docs on disk, and reruns only the claims component
(for fast rule iteration); the default runs ``storyline.analysis.pipeline.analyze`` end to end.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SCORE = SHARED / "eval" / "score.py"
POLNEAR = SHARED / "data" / "polnear"


def subset_dirs(part: str, offset: int, limit: int | None, work: Path) -> tuple[Path, Path]:
    """Symlinked text/ and attributions/ folders holding the chosen slice of a PolNeAR part."""
    text_src, ann_src = POLNEAR / part / "text", POLNEAR / part / "attributions"
    stems = sorted(p.stem for p in text_src.glob("*.txt"))
    stems = stems[offset: offset + limit if limit else None]
    text_dir, ann_dir = work / "text", work / "attributions"
    text_dir.mkdir(parents=True, exist_ok=True)
    ann_dir.mkdir(parents=True, exist_ok=True)
    chosen = set(stems)
    for p in text_src.glob("*.txt"):
        if p.stem in chosen:
            (text_dir / p.name).symlink_to(p)
    for p in ann_src.glob("*.ann"):
        if p.stem.rsplit("_", 1)[0] in chosen or p.stem in chosen:
            (ann_dir / p.name).symlink_to(p)
    return text_dir, ann_dir


def input_rows(text_dir: Path) -> list[dict]:
    out = subprocess.run([sys.executable, str(SCORE), "quotes-input", str(text_dir)],
                         check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def run_cached(rows: list[dict], cache: Path) -> tuple[list[dict], float, float]:
    """Parse once (DocBin cache), then time only the attribution component."""
    from spacy.tokens import DocBin
    from storyline.analysis.attribution import annotate_claims
    from storyline.analysis.convert import doc_to_article
    from storyline.analysis.pipeline import _load_base
    from storyline.model import Article
    base = _load_base(None)
    articles = [Article(id=r["id"], text=r["text"], published=r.get("published"),
                        source=r.get("source")) for r in rows]
    parse_time = 0.0
    if cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(base.vocab))
    else:
        t0 = time.perf_counter()
        docs = list(base.pipe(a.text for a in articles))
        parse_time = time.perf_counter() - t0
        db = DocBin()
        for d in docs:
            db.add(d)
        db.to_disk(cache)
    preds, claim_time = [], 0.0
    for art, doc in zip(articles, docs):
        doc._.article, doc._.notes, doc._.actors = art, {}, []
        t0 = time.perf_counter()
        annotate_claims(doc)
        claim_time += time.perf_counter() - t0
        preds.append(doc_to_article(doc).to_dict())
    return preds, parse_time, claim_time


def run_full(rows: list[dict]) -> tuple[list[dict], float, float]:
    """The real pipeline; the attribution component is timed by wrapping it."""
    from storyline.analysis import attribution
    from storyline.analysis.pipeline import _load_base, analyze, load_nlp
    from storyline.model import Article
    articles = [Article(id=r["id"], text=r["text"], published=r.get("published"),
                        source=r.get("source")) for r in rows]
    base = _load_base(None)
    t0 = time.perf_counter()
    for _ in base.pipe(a.text for a in articles):
        pass
    parse_time = time.perf_counter() - t0
    spent = [0.0]
    original = attribution.annotate_claims

    def timed(doc):
        t = time.perf_counter()
        original(doc)
        spent[0] += time.perf_counter() - t
    attribution.annotate_claims = timed
    try:
        preds = [a.to_dict() for a in analyze(articles, nlp=load_nlp())]
    finally:
        attribution.annotate_claims = original
    return preds, parse_time, spent[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--part", default="dev", choices=["dev", "train", "annotator-training"])
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--cached", action="store_true", help="reuse a parsed DocBin; time claims only")
    ap.add_argument("--out", default=None, help="folder for pred.jsonl (default: a temp folder)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not POLNEAR.exists():
        sys.exit(f"PolNeAR not found at {POLNEAR}")
    out = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="eval_quotes_"))
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="subset_", dir=out))
    text_dir, ann_dir = subset_dirs(args.part, args.offset, args.limit, work)
    rows = input_rows(text_dir)
    if args.cached:
        cache = Path(tempfile.gettempdir()) / f"eval_quotes_{args.part}_{args.offset}_{args.limit}.spacy"
        preds, parse_time, claim_time = run_cached(rows, cache)
    else:
        preds, parse_time, claim_time = run_full(rows)
    pred_path = out / "pred.jsonl"
    with pred_path.open("w", encoding="utf-8") as fh:
        for p in preds:
            fh.write(json.dumps(p, ensure_ascii=False) + "\n")
    cmd = [sys.executable, str(SCORE), "quotes", str(pred_path), str(ann_dir), str(text_dir)]
    if args.json:
        cmd.append("--json")
    print(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
    n_claims = sum(len(p["claims"]) for p in preds)
    print(f"articles={len(preds)} claims={n_claims} pred={pred_path}")
    if parse_time:
        print(f"speed: spaCy parse {parse_time:.2f}s, attribution {claim_time:.2f}s, "
              f"ratio attribution/parse = {claim_time / parse_time:.3f}")
    else:
        print(f"speed: attribution {claim_time:.2f}s (parse cached; rerun without --cached for the ratio)")


if __name__ == "__main__":
    main()
