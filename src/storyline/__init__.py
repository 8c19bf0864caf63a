"""storyline: news in, a sourced and structured picture of each developing story out.

Library first::

    import storyline
    archive = storyline.open("storyline.db")          # or "postgresql://root@127.0.0.1/test"
    archive.ingest(["articles/"])
    for story in archive.stories(): ...

    for article in storyline.analyze_paths(["a.html"]):  # no database
        print(article.to_dict())
"""
from __future__ import annotations

__version__ = "0.1.0"


def open(db: str | None = None):  # noqa: A001 - mirrors sqlite_utils/datasette style
    """Open (creating if needed) the story archive at ``db`` (a path or SQLAlchemy URL)."""
    from .store.archive import Archive
    return Archive(db)


def analyze_paths(paths, report=None):
    """Read articles from files/folders and analyse them (no database)."""
    from .analysis import analyze
    from .sources import read_paths
    return analyze(read_paths(paths, report=report))
