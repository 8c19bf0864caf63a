"""Analysis: one spaCy pass per article; small components annotate the same ``Doc``.

Order of components (each reads what the earlier ones wrote on ``doc._``):
``storyline_actors`` → ``storyline_time`` → ``storyline_attribution`` → ``storyline_events``.
``convert.doc_to_article`` turns the annotated Doc into the contract's Article.
"""
from .pipeline import analyze, load_nlp

__all__ = ["analyze", "load_nlp"]
