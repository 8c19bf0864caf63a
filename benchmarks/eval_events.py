"""Score storyline's event layer on the shared gold sets (PLOVER GSR dev, CASE 2021 dev, seeds).

    /work/venv/bin/python benchmarks/eval_events.py [plover] [case] [seeds] [--limit N]

Needs ../shared next to the repository (skips a set whose files are missing). Writes the
predictions to a temporary folder and prints each scorer's digest line plus the predicted event
count per sentence (the over-generation signal dictionary coders are known for).
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from storyline.analysis.pipeline import analyze
from storyline.model import Article

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SCORE = SHARED / "eval" / "score.py"


def _score(*args: str) -> str:
    return subprocess.run([sys.executable, str(SCORE), *args], capture_output=True, text=True,
                          check=False).stdout


def _analyze(lines: list[dict], out: Path) -> float:
    articles = [Article(id=d["id"], text=d["text"], published=d.get("published")) for d in lines]
    events = 0
    with out.open("w") as fh:
        for a in analyze(articles):
            events += len(a.events)
            fh.write(json.dumps(a.to_dict()) + "\n")
    return events / max(1, len(articles))


def _inputs(kind: str, gold: Path, limit: int | None) -> list[dict]:
    text = _score(f"{kind}-input", str(gold))
    lines = [json.loads(x) for x in text.splitlines() if x.strip()]
    return lines[:limit] if limit else lines


def run_set(name: str, gold: Path, tmp: Path, limit: int | None) -> None:
    if not gold.exists():
        print(f"{name}: skipped ({gold} missing)")
        return
    pred = tmp / f"{name}.jsonl"
    per_sentence = _analyze(_inputs(name, gold, limit), pred)
    digest = _score(name, str(pred), str(gold)).strip().splitlines()
    for line in digest[:-1]:  # the actor/recipient country P/R behind the digest's F1
        if "countries:" in line:
            print(f"{name}: {line.strip()}")
    print(digest[-1] if digest else f"{name}: scorer printed nothing")
    print(f"{name}: predicted events per input {per_sentence:.2f}")


def run_seeds(tmp: Path) -> None:
    articles = []
    for f in sorted((REPO / "src" / "storyline" / "examples").glob("*.txt")):
        text, published = f.read_text(encoding="utf-8"), None
        header = re.match(r"\s*date (\d{4}-\d\d-\d\d)\s*", text)
        if header:
            published, text = header.group(1), text[header.end():]
        articles.append({"id": f.stem, "text": text, "published": published})
    pred = tmp / "seeds.jsonl"
    _analyze(articles, pred)
    stories = tmp / "stories.json"
    stories.write_text("[]")
    out = _score("seeds", str(pred), str(stories), "--json")
    print("seeds: events_recall=", json.loads(out).get("events", {}).get("recall")
          if out.strip().startswith("{") else out[-300:])


def main(argv: list[str]) -> None:
    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else None
    wanted = [a for a in argv if a in ("plover", "case", "seeds")] or ["plover", "case", "seeds"]
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        if "plover" in wanted:
            run_set("plover", SHARED / "data" / "plover" / "gsr_dev.json", tmp, limit)
        if "case" in wanted:
            run_set("case", SHARED / "data" / "case2021" / "dev.tsv", tmp, limit)
        if "seeds" in wanted:
            run_seeds(tmp)


if __name__ == "__main__":
    main(sys.argv[1:])
