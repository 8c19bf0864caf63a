"""Attribution component: who said what, through whom (stub)."""
from __future__ import annotations

from spacy.tokens import Doc


def annotate_claims(doc: Doc) -> None:
    doc._.claims = []
