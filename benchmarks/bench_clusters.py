"""Story clustering: quality, time and memory on real data, against baselines run in the same process.

    python benchmarks/bench_clusters.py [--datasets ecbplus,mstream,fwd] [--limit N] [--no-memory]

Datasets (from ../shared/data): ECB+ dev topics (462 documents, 40 gold clusters, hard negatives:
two look-alike events per topic), MStream ``News`` (11,109 Google News headlines, 152 gold
clusters, text pre-processed: lower case, no stop words, no dates) and fwd-news (10,037 dated
headlines, no gold: speed and memory only). Articles are clustered on title and text alone
(no spaCy pass), the way ``cluster_articles`` sees them before the actor layer adds actors.

Systems:
- ``storyline batch``: ``cluster_articles`` (document frequencies over the batch, then online).
- ``storyline incremental``: ``StoryIndex.add`` one article at a time, frequencies growing, as
  the archive ingests (same arrival order).
- ``baseline single-pass``: plain TF-IDF (scikit-learn ``TfidfVectorizer``, English stop words,
  sublinear tf) and one pass assigning each document to the most similar centroid when the
  cosine is at least ``--baseline-threshold`` (0.3), else a new cluster.
- ``baseline average-link`` (ECB+ only, the reference system of the issue): TF-IDF and
  scikit-learn agglomerative clustering, cosine, average link, distance threshold 0.85.
Reported: BCubed P/R/F1, pairwise F1, NMI, ARI, cluster count; seconds and peak traced memory
(tracemalloc, a second run) with ratios to the single-pass baseline; seconds are CPU seconds
(``time.process_time``), since wall time on a shared machine measures the neighbours.
"""
from __future__ import annotations

import argparse
import gc
import hashlib
import json
import subprocess
import sys
import time
import tracemalloc
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


# ----------------------------------------------------------------------------- data
def load_ecbplus(limit: int | None) -> tuple[list[dict], dict[str, str]]:
    folder = SHARED / "data" / "ecbplus"
    out = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "clusters-input", str(folder)],
                         capture_output=True, text=True, check=True).stdout
    articles = [json.loads(line) for line in out.splitlines() if line.strip()]
    gold = {p.stem: d.name for d in folder.iterdir() if d.is_dir() for p in d.iterdir() if p.is_file()}
    return articles[:limit] if limit else articles, gold


def load_mstream(limit: int | None) -> tuple[list[dict], dict[str, str]]:
    articles, gold = [], {}
    for line in (SHARED / "data" / "headlines" / "mstream" / "News").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        articles.append({"id": row["Id"], "title": row["textCleaned"], "text": row["textCleaned"], "published": None})
        gold[row["Id"]] = str(row["clusterNo"])
    return articles[:limit] if limit else articles, gold


def load_fwd(limit: int | None) -> tuple[list[dict], dict[str, str]]:
    rows = json.loads((SHARED / "data" / "headlines" / "fwd-news" / "headlines.json").read_text(encoding="utf-8"))
    articles = []
    for i, row in enumerate(rows):
        try:
            day = datetime.strptime(row["published"], "%B %d, %Y %I:%M %p").date().isoformat()
        except (KeyError, TypeError, ValueError):
            day = None
        articles.append({"id": f"fwd-{i}", "title": row["title"], "text": row["title"], "published": day,
                         "source": row.get("domain"), "url": row.get("link")})
    return (articles[:limit] if limit else articles), {}


# ----------------------------------------------------------------------------- systems
def storyline_batch(articles: list[dict]) -> dict[str, str]:
    from storyline.stories.cluster import cluster_articles
    return cluster_articles(articles)


def storyline_incremental(articles: list[dict]) -> dict[str, str]:
    from storyline.stories.cluster import StoryIndex, arrival_order
    index = StoryIndex()
    return {str(a["id"]): index.add(a) for a in sorted(articles, key=arrival_order)}


def baseline_single_pass(threshold: float) -> Callable[[list[dict]], dict[str, str]]:
    def run(articles: list[dict]) -> dict[str, str]:
        from sklearn.feature_extraction.text import TfidfVectorizer
        ordered = sorted(articles, key=lambda a: (a.get("published") is None, a.get("published") or "",
                                                  hashlib.sha1(str(a["id"]).encode()).hexdigest()))
        docs = [f"{a.get('title') or ''} {a.get('text') or ''}" for a in ordered]
        matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(docs).tocsr()
        centroids: list[dict[int, float]] = []
        norms: list[float] = []
        postings: dict[int, set[int]] = defaultdict(set)
        result = {}
        for row, article in enumerate(ordered):
            start, end = matrix.indptr[row], matrix.indptr[row + 1]
            vector = dict(zip(matrix.indices[start:end].tolist(), matrix.data[start:end].tolist()))
            scores: Counter = Counter()
            for term, weight in vector.items():
                for c in postings.get(term, ()):
                    scores[c] += weight * centroids[c].get(term, 0.0)
            best, best_score = None, 0.0
            for c, s in scores.items():
                s /= norms[c]
                if s > best_score:
                    best, best_score = c, s
            if best is None or best_score < threshold:
                best = len(centroids)
                centroids.append({})
                norms.append(0.0)
            centroid = centroids[best]
            for term, weight in vector.items():
                centroid[term] = centroid.get(term, 0.0) + weight
                postings[term].add(best)
            norms[best] = sum(w * w for w in centroid.values()) ** 0.5
            result[str(article["id"])] = f"c{best}"
        return result
    return run


def baseline_average_link(articles: list[dict]) -> dict[str, str]:
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer
    docs = [f"{a.get('title') or ''} {a.get('text') or ''}" for a in articles]
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(docs).toarray()
    labels = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                     distance_threshold=0.85).fit_predict(matrix)
    return {str(a["id"]): f"c{label}" for a, label in zip(articles, labels)}


# ----------------------------------------------------------------------------- metrics
def scores(pred: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score
    items = [i for i in gold if i in pred]
    cells = Counter((pred[i], gold[i]) for i in items)
    ps, gs = Counter(pred[i] for i in items), Counter(gold[i] for i in items)
    n = len(items)
    p = sum(cells[(pred[i], gold[i])] / ps[pred[i]] for i in items) / n
    r = sum(cells[(pred[i], gold[i])] / gs[gold[i]] for i in items) / n
    pairs = lambda c: sum(v * (v - 1) // 2 for v in c.values())
    tp, pp, gp = pairs(cells), pairs(ps), pairs(gs)
    pw_p, pw_r = (tp / pp if pp else 0.0), (tp / gp if gp else 0.0)
    return {"bcubed_p": p, "bcubed_r": r, "bcubed_f1": 2 * p * r / (p + r) if p + r else 0.0,
            "pairwise_f1": 2 * pw_p * pw_r / (pw_p + pw_r) if pw_p + pw_r else 0.0,
            "nmi": normalized_mutual_info_score([gold[i] for i in items], [pred[i] for i in items]),
            "ari": adjusted_rand_score([gold[i] for i in items], [pred[i] for i in items]),
            "clusters": len(ps), "gold_clusters": len(gs)}


def measure(system: Callable, articles: list[dict], memory: bool) -> tuple[dict[str, str], float, float | None]:
    gc.collect()
    started = time.process_time()  # CPU time: the machine is shared, wall time is noise
    result = system(articles)
    seconds = time.process_time() - started
    peak = None
    if memory:
        gc.collect()
        tracemalloc.start()
        system(articles)
        peak = tracemalloc.get_traced_memory()[1] / 2 ** 20
        tracemalloc.stop()
    return result, seconds, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--datasets", default="ecbplus,mstream,fwd")
    parser.add_argument("--limit", type=int, default=None, help="first N items of each data set")
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc run")
    parser.add_argument("--baseline-threshold", type=float, default=0.3)
    args = parser.parse_args()
    if not SHARED.exists():
        raise SystemExit(f"{SHARED} not found")
    import sklearn.cluster, sklearn.feature_extraction.text  # noqa: F401  (imports are not timed)
    import storyline.stories.cluster  # noqa: F401
    loaders = {"ecbplus": load_ecbplus, "mstream": load_mstream, "fwd": load_fwd}
    report = {}
    for name in args.datasets.split(","):
        articles, gold = loaders[name](args.limit)
        systems = {"baseline single-pass": baseline_single_pass(args.baseline_threshold),
                   "storyline batch": storyline_batch, "storyline incremental": storyline_incremental}
        if name == "ecbplus":
            systems["baseline average-link"] = baseline_average_link
        print(f"\n== {name}: {len(articles)} items" + (f", {len(set(gold.values()))} gold clusters" if gold else ""))
        rows = {}
        for label, system in systems.items():
            pred, seconds, peak = measure(system, articles, not args.no_memory)
            rows[label] = {"seconds": seconds, "peak_mib": peak,
                           **(scores(pred, gold) if gold else {"clusters": len(set(pred.values()))})}
        base = rows["baseline single-pass"]
        for label, row in rows.items():
            quality = (f"BCubed P {row['bcubed_p']:.3f} R {row['bcubed_r']:.3f} F1 {row['bcubed_f1']:.3f} "
                       f"pairwise F1 {row['pairwise_f1']:.3f} NMI {row['nmi']:.3f} ARI {row['ari']:.3f} "
                       if gold else "")
            memory = (f"peak {row['peak_mib']:.1f} MiB (x{row['peak_mib'] / base['peak_mib']:.2f})"
                      if row["peak_mib"] is not None else "")
            print(f"{label:24s} {quality}clusters {row['clusters']}  "
                  f"{row['seconds']:.2f}s (x{row['seconds'] / base['seconds']:.2f})  {memory}")
        report[name] = rows
    print("\n" + json.dumps(report))


if __name__ == "__main__":
    main()
