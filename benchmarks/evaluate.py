"""Accuracy on every gold set in ../shared, through the real CLI, scored by ../shared/eval/score.py.

    python benchmarks/evaluate.py [--only seeds,plover,case,quotes,clusters] [--out DIR]

Prints each scorer's digest line plus timing; writes the scorers' full JSON to DIR
(default benchmarks/results/). Every figure in the README comes from this script.
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

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SCORE = SHARED / "eval" / "score.py"
DATA = SHARED / "data"
STORYLINE = [sys.executable, "-m", "storyline"]


def run(cmd, stdout=None, stdin=None) -> None:
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    result = subprocess.run([str(c) for c in cmd], stdout=stdout, stdin=stdin,
                            stderr=subprocess.PIPE, env=env, text=True)
    if result.returncode not in (0, 3):
        sys.stderr.write(result.stderr)
        raise SystemExit(f"command failed ({result.returncode}): {' '.join(map(str, cmd))}")


def to_file(cmd, path: Path, stdin_path: Path | None = None) -> float:
    started = time.perf_counter()
    with path.open("w", encoding="utf-8") as out:
        if stdin_path:
            with stdin_path.open(encoding="utf-8") as inp:
                run(cmd, stdout=out, stdin=inp)
        else:
            run(cmd, stdout=out)
    return time.perf_counter() - started


def score(args, out_json: Path) -> dict:
    digest = subprocess.run([sys.executable, str(SCORE), *map(str, args)], capture_output=True,
                            text=True, check=True).stdout.strip().splitlines()[-1]
    full = subprocess.run([sys.executable, str(SCORE), *map(str, args), "--json"],
                          capture_output=True, text=True, check=True).stdout
    out_json.write_text(full)
    return {"digest": digest, "scores": json.loads(full)}


def lines(path: Path) -> int:
    return sum(1 for _ in path.open(encoding="utf-8"))


def seeds(work: Path, out: Path) -> dict:
    pred = work / "seeds.jsonl"
    seconds = to_file([*STORYLINE, "analyze", DATA / "seeds", "--format", "jsonl"], pred)
    db = work / "seeds.db"
    run([*STORYLINE, "ingest", DATA / "seeds", "--db", db])
    stories = work / "seeds-stories.json"
    to_file([*STORYLINE, "stories", "--db", db, "--format", "json"], stories)
    result = score(["seeds", pred, stories], out / "seeds.json")
    return {**result, "seconds": seconds, "items": lines(pred)}


def converted(kind: str, source, gold_args, work: Path, out: Path, analyse="analyze") -> dict:
    """Convert a gold set to contract input, run storyline on it, score the output."""
    inputs = work / f"{kind}-input.jsonl"
    to_file([sys.executable, SCORE, f"{kind}-input", source], inputs)
    pred = work / f"{kind}-pred.jsonl"
    seconds = to_file([*STORYLINE, analyse, inputs, "--format", "jsonl"], pred)
    result = score([kind, pred, *gold_args], out / f"{kind}.json")
    return {**result, "seconds": seconds, "items": lines(inputs)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", default="seeds,plover,case,quotes,clusters")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results")
    args = parser.parse_args()
    if not SHARED.exists():
        raise SystemExit("../shared is not present: nothing to evaluate")
    args.out.mkdir(parents=True, exist_ok=True)
    wanted = args.only.split(",")
    polnear = DATA / "polnear" / "dev"
    jobs = {
        "seeds": lambda w: seeds(w, args.out),
        "plover": lambda w: converted("plover", DATA / "plover" / "gsr_dev.json",
                                      [DATA / "plover" / "gsr_dev.json"], w, args.out),
        "case": lambda w: converted("case", DATA / "case2021" / "dev.tsv",
                                    [DATA / "case2021" / "dev.tsv"], w, args.out),
        "quotes": lambda w: converted("quotes", polnear / "text",
                                      [polnear / "attributions", polnear / "text"], w, args.out),
        "clusters": lambda w: converted("clusters", DATA / "ecbplus", [DATA / "ecbplus"], w,
                                        args.out, analyse="cluster"),
    }
    summary = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in wanted:
            result = jobs[name](Path(tmp))
            summary[name] = {k: v for k, v in result.items() if k != "scores"}
            rate = result["items"] / result["seconds"] if result["seconds"] else 0
            print(f"{result['digest']}   [{result['items']} items, {result['seconds']:.1f} s, "
                  f"{rate:.1f} items/s]", flush=True)
    (args.out / "summary.json").write_text(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
