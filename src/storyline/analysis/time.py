"""Time component: date expressions resolved against the publication date (stub)."""
from __future__ import annotations

from spacy.tokens import Doc


def annotate_dates(doc: Doc) -> None:
    doc._.dates = []
    doc._.published_estimate = None
