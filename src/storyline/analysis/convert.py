"""The single converter from an annotated ``Doc`` to the contract's Article record."""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ..model import Article


def doc_to_article(doc: Doc) -> Article:
    source: Article = doc._.article
    estimate = doc._.published_estimate if not source.published else None
    return replace(
        source,
        actors=list(doc._.actors or []),
        dates=list(doc._.dates or []),
        claims=list(doc._.claims or []),
        events=list(doc._.events or []),
        published_estimate=estimate or source.published_estimate,
    )
