"""Engines for the two supported backends: embedded SQLite (default) and PostgreSQL."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import MetaData, create_engine, event, inspect, text
from sqlalchemy.engine import Engine

DEFAULT_DB = "storyline.db"


def database_url(db: str | None) -> str:
    """Accept a file path, ``sqlite:///…`` or ``postgresql://…`` and return a SQLAlchemy URL."""
    db = db or DEFAULT_DB
    if db.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    if "://" in db:
        return db
    return "sqlite:///" + str(Path(db).expanduser())


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # WAL: readers never block the ingest
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()
        return engine
    return create_engine(url, pool_pre_ping=True)


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def create_search_index(engine: Engine) -> None:
    """Full-text search: FTS5 on SQLite, a tsvector GIN index on PostgreSQL."""
    with engine.begin() as conn:
        if is_sqlite(engine):
            conn.execute(text(
                "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
                "article_id UNINDEXED, title, text, tokenize='unicode61 remove_diacritics 2')"))
        else:
            conn.execute(text(
                "CREATE INDEX IF NOT EXISTS ix_articles_fts ON articles USING GIN "
                "(to_tsvector('english', coalesce(title, '') || ' ' || text))"))


class SchemaMismatch(RuntimeError):
    pass


def check_schema(engine: Engine, metadata: MetaData) -> None:
    """Refuse a database whose tables lack columns this version writes (made by an older
    storyline), naming them, instead of failing half-way through an ingest."""
    inspector = inspect(engine)
    missing = []
    for table in metadata.sorted_tables:
        if inspector.has_table(table.name):
            present = {c["name"] for c in inspector.get_columns(table.name)}
            missing += [f"{table.name}.{c.name}" for c in table.columns if c.name not in present]
    if missing:
        raise SchemaMismatch(
            f"{engine.url.render_as_string(hide_password=True)} was made by an older storyline "
            f"(missing columns: {', '.join(missing)}); ingest into a new database")
