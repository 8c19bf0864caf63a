"""Store: the archive of articles, analyses and stories (SQLite by default, PostgreSQL by URL)."""
from .archive import Archive, IngestReport

__all__ = ["Archive", "IngestReport"]
