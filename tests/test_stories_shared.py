"""The stories layer on the shared data: ECB+ story grouping and the seeds' stance picture.

Both read ../shared and skip cleanly without it. Floors sit a little below the measured figures
(ECB+ dev BCubed F1 0.906 text-only; seeds stance F1 1.0) so that only a real regression fails.
"""
from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter

import pytest

from storyline.stories.cluster import cluster_articles
from storyline.stories.stance import overall_stance
from storyline.stories.synthesis import synthesize_story

from .conftest import EXAMPLES

pytestmark = pytest.mark.shared


def _bcubed_f1(pred: dict[str, str], gold: dict[str, str]) -> float:
    cells = Counter((pred[i], gold[i]) for i in gold)
    ps, gs = Counter(pred[i] for i in gold), Counter(gold.values())
    p = sum(cells[(pred[i], gold[i])] / ps[pred[i]] for i in gold) / len(gold)
    r = sum(cells[(pred[i], gold[i])] / gs[gold[i]] for i in gold) / len(gold)
    return 2 * p * r / (p + r)


def test_ecbplus_dev_topics_group_into_their_events(shared):
    folder = shared / "data" / "ecbplus"
    out = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), "clusters-input", str(folder)],
                         capture_output=True, text=True, check=True).stdout
    articles = [json.loads(line) for line in out.splitlines() if line.strip()]
    gold = {p.stem: d.name for d in folder.iterdir() if d.is_dir() for p in d.iterdir() if p.is_file()}
    assert _bcubed_f1(cluster_articles(articles), gold) >= 0.88


def test_the_seed_articles_make_one_story_with_the_gold_stances(shared, nlp):
    from storyline.sources import read_paths
    from storyline.analysis.pipeline import analyze
    articles = [a.to_dict() for a in analyze(read_paths([str(p) for p in sorted(EXAMPLES.glob("*.txt"))]), nlp=nlp)]
    assert len(set(cluster_articles(articles).values())) == 1
    gold = json.loads((shared / "gold" / "seeds.json").read_text(encoding="utf-8"))["story"]
    stances = overall_stance(synthesize_story("seeds", articles)["stances"])
    tp = sum(stances.get(actor) == label for actor, label in gold["stances"].items())
    fp = sum(1 for actor, label in stances.items()
             if (actor in gold["stances"] and label != gold["stances"][actor])
             or (actor in gold["no_stance"] and label not in gold["no_stance_allows"]))
    fn = len(gold["stances"]) - tp
    assert 2 * tp / (2 * tp + fp + fn) >= 0.9
    for invited in gold["no_stance"]:
        assert stances.get(invited) in (None, *gold["no_stance_allows"]), invited
