"""Actors component: entity mentions → stable actors (stub until the actors layer lands)."""
from __future__ import annotations

from spacy.tokens import Doc

from ..model import Actor


def annotate_actors(doc: Doc) -> None:
    doc._.actors = []


def actors_in_span(doc: Doc, start: int, end: int) -> list[Actor]:
    """Actors with a mention inside the character range [start, end) of ``doc.text``."""
    found = []
    for actor in doc._.actors or []:
        if any(m.start >= start and m.end <= end for m in actor.mentions):
            found.append(actor)
    return found
