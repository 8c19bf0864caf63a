"""Cue and source-noun lexicons for the attribution layer, loaded once from ``lexicons/``.

Two cue sources are merged: a hand-written list (``cues_hand.tsv``) and word counts derived from
PolNeAR *train* gold cues (``cues_polnear_train.tsv``, see ``attribution_cues_derive``). A derived
verb becomes a cue when it is mostly used as one (share of its occurrences inside gold cue spans);
the syntactic frame (a that-clause, a quote, "to ..." after the verb) does the rest of the filtering.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LEXICONS = Path(__file__).with_name("lexicons")

# A derived verb is a cue when at least this share of its train occurrences sit in gold cues ...
MIN_CUE_SHARE = 0.2
MIN_CUE_COUNT = 3
# ... and may take a plain noun-phrase object as content when it is nearly always a cue.
MIN_OBJECT_SHARE = 0.25
# A derived noun ("criticism", "claim", "hope") is a cue when this share of its train occurrences
# sit in gold cues; its complement ("criticism of X", "the claim that ...") does the rest.
MIN_NOUN_SHARE = 0.2
MIN_NOUN_COUNT = 5


@dataclass(frozen=True)
class CueLexicon:
    clause: frozenset[str]        # verbs whose that-clause / quote is the content
    infinitive: frozenset[str]    # verbs whose "to ..." complement is the content
    noun_object: frozenset[str]   # verbs whose noun-phrase object can be the content
    naming: frozenset[str]        # verbs whose object + predicate is the content ("call X Y")
    nouns: frozenset[str]         # nouns whose "that"-clause or "of/for/to ..." is the content
    source_kind: dict[str, str]   # source head noun lemma -> anonymous | outlet
    setting_nouns: frozenset[str] = frozenset()  # "in an interview": where it was said, not what
    evidential: frozenset[str] = frozenset()     # "X seems to ...": sourceless judgements


def _rows(name: str) -> list[dict[str, str]]:
    with (LEXICONS / name).open(encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def lexicon_rows(name: str) -> list[dict[str, str]]:
    """Rows of a TSV file in ``lexicons/`` (``#`` lines are provenance notes)."""
    return _rows(name)


@lru_cache(maxsize=1)
def cue_lexicon() -> CueLexicon:
    clause, infinitive, noun_object, naming, nouns, evidential = set(), set(), set(), set(), set(), set()
    for row in _rows("cues_hand.tsv"):
        frames = row["frames"].split(",")
        if "clause" in frames:
            clause.add(row["lemma"])
        if "infinitive" in frames:
            infinitive.add(row["lemma"])
        if "object" in frames:
            noun_object.add(row["lemma"])
        if "naming" in frames:
            naming.add(row["lemma"])
        if "noun" in frames:
            nouns.add(row["lemma"])
        if "evidential" in frames:
            evidential.add(row["lemma"])
    for row in _rows("cues_polnear_train.tsv"):
        in_cue, total = int(row["in_cue"]), int(row["total"])
        share = in_cue / total
        if row["pos"] == "NOUN" and in_cue >= MIN_NOUN_COUNT and share >= MIN_NOUN_SHARE:
            nouns.add(row["lemma"])
        if row["pos"] != "VERB":
            continue
        if in_cue >= MIN_CUE_COUNT and share >= MIN_CUE_SHARE:
            clause.add(row["lemma"])
            infinitive.add(row["lemma"])
            if share >= MIN_OBJECT_SHARE:
                noun_object.add(row["lemma"])
    source_kind = {row["noun"]: row["kind"] for row in _rows("attribution_source_nouns.tsv")}
    setting = frozenset(row["noun"] for row in _rows("attribution_setting_nouns.tsv"))
    return CueLexicon(frozenset(clause), frozenset(infinitive), frozenset(noun_object),
                      frozenset(naming), frozenset(nouns), source_kind, setting,
                      frozenset(evidential))
