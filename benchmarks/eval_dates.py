"""Measure the time layer alone (spaCy model + ``annotate_dates``), without the other components.

    /work/venv/bin/python benchmarks/eval_dates.py            # seeds + VOA dev + MEANTIME
    /work/venv/bin/python benchmarks/eval_dates.py --quick    # seeds only

Reports:
- seeds: ``score.py seeds`` dates accuracy and the published check, on the two bundled seed
  articles (000 with its header date, 004 without one; 004 gets the publication dates of the
  other seed as ``context_dates``, as a batch reader would pass them);
- VOA dev (publication date known) and MEANTIME (none given; datelines in the text): mention
  counts by type, unresolved mentions, years implausibly far from the anchor, estimate coverage;
- VOA dev with the publication date hidden: how often an estimate is made and how often its
  month is the true one (the estimator's precision on unseen text; no context dates given);
- speed: time spent in ``annotate_dates`` as a ratio of the spaCy parse of the same texts
  (baseline measured in the same run).
Needs ``../shared`` next to the repo; parts whose data is missing are skipped.
"""
from __future__ import annotations

import glob
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import spacy

from storyline.analysis import extensions  # noqa: F401
from storyline.analysis.pipeline import DEFAULT_MODELS, make_doc
from storyline.analysis.time import annotate_dates
from storyline.analysis.time_estimate import parse_iso_day
from storyline.model import Article

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "src" / "storyline" / "examples"


def load():
    for name in DEFAULT_MODELS:
        try:
            return spacy.load(name)
        except OSError:
            pass
    sys.exit("no spaCy model")


def run(nlp, articles):
    """Analyse; return (docs, parse seconds, time-layer seconds)."""
    t0 = time.perf_counter()
    docs = list(nlp.pipe((make_doc(nlp, a) for a in articles), batch_size=8))
    t1 = time.perf_counter()
    for doc in docs:
        annotate_dates(doc)
    return docs, t1 - t0, time.perf_counter() - t1


def seeds(nlp):
    header = " date 2024-05-30 "
    t0 = (EXAMPLES / "000_513fd030c96f58c0.txt").read_text()
    t0 = t0[len(header):] if t0.startswith(header) else t0
    arts = [Article(id="000_513fd030c96f58c0", text=t0, published="2024-05-30"),
            Article(id="004_5def1f95143b3ebc", text=(EXAMPLES / "004_5def1f95143b3ebc.txt").read_text(),
                    provenance={"context_dates": ["2024-05-30"]})]
    docs, _, _ = run(nlp, arts)
    with tempfile.TemporaryDirectory() as tmp:
        pred, stories = Path(tmp) / "pred.jsonl", Path(tmp) / "stories.json"
        pred.write_text("".join(json.dumps({
            "id": d._.article.id, "text": d.text, "published": d._.article.published,
            "published_estimate": d._.published_estimate, "actors": [], "claims": [], "events": [],
            "dates": [m.to_dict() for m in d._.dates]}) + "\n" for d in docs))
        stories.write_text("")
        out = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "seeds", str(pred),
                              str(stories), "--json"], capture_output=True, text=True).stdout
    result = json.loads(out)
    print(f"seeds: dates_acc={result['dates']['accuracy']:.3f} "
          f"({result['dates']['correct']}/{result['dates']['gold']}); "
          f"004 estimate={docs[1]._.published_estimate}")


def corpus(nlp, name, articles):
    docs, parse_s, time_s = run(nlp, articles)
    stats = Counter()
    for doc in docs:
        article = doc._.article
        anchor = parse_iso_day(article.published)
        estimate = doc._.published_estimate
        stats["articles"] += 1
        stats["estimated"] += bool(estimate)
        ref_year = anchor.year if anchor else (int(estimate["value"][:4]) if estimate else None)
        for m in doc._.dates:
            stats["mentions"] += 1
            stats[m.type] += 1
            if m.value and ref_year and not (ref_year - 1000 < int(m.value[:4]) <= ref_year + 30):
                stats["implausible_year"] += 1
    print(f"{name}: " + " ".join(f"{k}={v}" for k, v in sorted(stats.items()))
          + f" | parse {parse_s:.1f}s, time layer {time_s:.2f}s (ratio {time_s / parse_s:.3f})")


def hidden(nlp, rows):
    articles = [Article(id=r["id"], text=r["text"]) for r in rows]
    docs, _, _ = run(nlp, articles)
    made = right = 0
    for doc, row in zip(docs, rows):
        estimate = doc._.published_estimate
        if estimate:
            made += 1
            right += row["published"][:10].startswith(estimate["value"])
    print(f"voa-dev, published hidden: estimates={made}/{len(rows)} right_month={right}/{made}")


def main():
    nlp = load()
    if (SHARED / "eval" / "score.py").exists():
        seeds(nlp)
    if "--quick" in sys.argv:
        return
    voa = SHARED / "data" / "voa" / "dev.jsonl"
    if voa.exists():
        rows = [json.loads(line) for line in voa.open()]
        corpus(nlp, "voa-dev", [Article(id=r["id"], text=r["text"], published=r["published"])
                                for r in rows])
        hidden(nlp, rows)
    meantime = sorted(glob.glob(str(SHARED / "data" / "meantime_en" / "*" / "*.json")))
    if meantime:
        texts = [json.load(open(p))["text"] for p in meantime]
        corpus(nlp, "meantime (non-empty, no published)",
               [Article(id=str(i), text=t) for i, t in enumerate(texts) if t.strip()])


if __name__ == "__main__":
    main()
