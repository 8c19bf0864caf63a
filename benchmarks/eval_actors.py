"""Actor-layer figures on PLOVER gold sentences: does the actor layer find the gold countries?

The full PLOVER score (``score.py plover``) needs events; this measures the actor layer alone:
for every gold sentence, the gold source/target country codes against the set of countries of
the sentence's actors (a country actor's id, else ``actor.country``; IGOs have none).

    cd /work/main && /work/venv/bin/python benchmarks/eval_actors.py [--show-misses]

Reports recall of gold source and target countries, and the share of predicted countries that
are some gold actor's country (a precision proxy: PLOVER gold codes only the event's two sides).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default=str(SHARED / "data/plover/gsr_dev.json"))
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(SHARED / "eval"))
    from score_plover import load_gold  # the scorer's own gold reading (codes, legacy mapping)

    from storyline.analysis.pipeline import analyze
    from storyline.model import Article

    gold = load_gold(args.gold)
    articles = [Article(id=g["id"], text=g["text"], published="2000-01-01") for g in gold]
    found = {"source": 0, "target": 0}
    total = {"source": 0, "target": 0}
    predicted = useful = 0
    for g, art in zip(gold, analyze(articles)):
        countries = set()
        for actor in art.actors:
            if actor.kind == "igo":
                continue
            code = actor.id if len(actor.id) == 3 and actor.id.isupper() else actor.country
            if code:
                countries.add(code)
        for side in ("source", "target"):
            total[side] += len(g[side])
            found[side] += len(g[side] & countries)
            if args.show_misses and g[side] - countries:
                print(f"miss {side} {sorted(g[side] - countries)} got {sorted(countries)}: {g['text'][:150]}")
        predicted += len(countries)
        useful += len(countries & (g["source"] | g["target"]))
    for side in ("source", "target"):
        print(f"{side} country recall: {found[side]}/{total[side]} = {found[side] / max(1, total[side]):.3f}")
    print(f"predicted countries that are a gold side's country: {useful}/{predicted} = "
          f"{useful / max(1, predicted):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
