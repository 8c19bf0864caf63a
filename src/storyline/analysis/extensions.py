"""Custom attributes that ride on the spaCy ``Doc`` (spaCy's ``Doc._`` mechanism).

``doc._.article``  the input Article (id, published date, title …) — set before the pipe
``doc._.actors``   list[model.Actor]            (actors component)
``doc._.dates``    list[model.DateMention]      (time component)
``doc._.published_estimate`` dict | None        (time component)
``doc._.claims``   list[model.Claim]            (attribution component)
``doc._.events``   list[model.Event]            (events component)
``doc._.notes``    dict for components to share intermediate results (e.g. actor index by token)
"""
from spacy.tokens import Doc

_FIELDS = {
    "article": None,
    "actors": None,
    "dates": None,
    "published_estimate": None,
    "claims": None,
    "events": None,
    "notes": None,
}


def register_extensions() -> None:
    for name, default in _FIELDS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register_extensions()


def doc_text(doc: Doc) -> str:
    """``Doc.text`` rebuilds the whole string on every access: one cached copy per document."""
    text = doc.user_data.get("storyline_text")
    if text is None:
        text = doc.user_data["storyline_text"] = doc.text
    return text


def doc_ents(doc: Doc) -> tuple:
    """``Doc.ents`` rebuilds its list on every access: one cached tuple per document (the
    components only read entities; none of them changes ``doc.ents``)."""
    ents = doc.user_data.get("storyline_ents")
    if ents is None:
        ents = doc.user_data["storyline_ents"] = tuple(doc.ents)
    return ents
