"""The event layer's data: predicate lexicon, modality cues and rules, loaded once.

Why data files: which words head a PLOVER event, which auxiliaries make it hypothetical and how
PLOVER folds modality into its categories are linguistic facts to be reviewed and extended by
people who never read the code (see ``lexicons/events.tsv``, ``modality.tsv``,
``event_rules.json``; every row names its source).
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parent / "lexicons"


@dataclass(frozen=True)
class Predicate:
    """One reading of a word as an event predicate ("send" + troops → AID)."""
    lemma: str
    pos: str          # VERB | NOUN | ADJ
    type: str         # PLOVER type, or LIGHT (a light verb that carries its object noun's event)
    mode: str | None
    particle: str | None
    condition: str | None
    source: str


@dataclass(frozen=True)
class ModalityCue:
    """A word that changes whether an event is real: ``could`` → possible, ``refuse`` → negated."""
    cue: str
    kind: str         # aux | neg | mark | governor | adverb
    modality: str
    commits: str      # yes | no | reported
    folds: str | None  # a PLOVER type the event becomes (REJECT for refusals)
    source: str


@dataclass(frozen=True)
class EventLexicon:
    predicates: dict[tuple[str, str], tuple[Predicate, ...]]
    cues: dict[str, dict[str, ModalityCue]]
    rules: dict = field(hash=False)

    def readings(self, lemma: str, pos: str) -> tuple[Predicate, ...]:
        return self.predicates.get((lemma, pos), ())

    def cue(self, kind: str, word: str) -> ModalityCue | None:
        return self.cues.get(kind, {}).get(word)

    def words(self, key: str) -> frozenset[str]:
        """A word list of ``event_rules.json`` (``hazard_nouns``, ``reporting_verbs`` …)."""
        return _word_set(self, key)

    def object_class(self, name: str) -> frozenset[str]:
        return frozenset(self.rules["object_classes"].get(name, ()))


def _word_set(lexicon: EventLexicon, key: str) -> frozenset[str]:
    entry = lexicon.rules.get(key, {})
    return frozenset(entry.get("words", ()) if isinstance(entry, dict) else entry)


def _rows(path: Path):
    with path.open(encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return csv.DictReader(lines, delimiter="\t")


@lru_cache(maxsize=1)
def load_event_lexicon(directory: str | None = None) -> EventLexicon:
    base = Path(directory) if directory else LEXICON_DIR
    predicates: dict[tuple[str, str], list[Predicate]] = {}
    for row in _rows(base / "events.tsv"):
        p = Predicate(row["lemma"].strip().lower(), row["pos"].strip(), row["type"].strip(),
                      row["mode"].strip() or None, row["particle"].strip() or None,
                      row["condition"].strip() or None, row["source"].strip())
        predicates.setdefault((p.lemma, p.pos), []).append(p)
    cues: dict[str, dict[str, ModalityCue]] = {}
    for row in _rows(base / "modality.tsv"):
        c = ModalityCue(row["cue"].strip().lower(), row["kind"].strip(), row["modality"].strip(),
                        (row["commits"] or "no").strip(), row["folds"].strip() or None,
                        row["source"].strip())
        cues.setdefault(c.kind, {})[c.cue] = c
    rules = json.loads((base / "event_rules.json").read_text(encoding="utf-8"))
    return EventLexicon({k: tuple(v) for k, v in predicates.items()}, cues, rules)
