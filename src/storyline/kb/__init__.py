"""storyline's actor knowledge base: versioned TSV tables with provenance, loaded once.

``load_kb()`` returns the cached :class:`KnowledgeBase` (countries, capitals and seats of
government, international organisations, groups with dated membership, officials with dated
tenure, outlets, and the small lexicons the actor resolver applies).
"""
from .knowledge_base import KnowledgeBase, SurfaceEntry, fold, load_kb

__all__ = ["KnowledgeBase", "SurfaceEntry", "fold", "load_kb"]
