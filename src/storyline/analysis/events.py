"""Events component: who did what to whom, with modality (stub)."""
from __future__ import annotations

from spacy.tokens import Doc


def annotate_events(doc: Doc) -> None:
    doc._.events = []
