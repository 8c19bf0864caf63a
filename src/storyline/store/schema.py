"""SQLAlchemy Core schema. The full analysed Article and Story records are kept as JSON
(``record``) so the contract round-trips exactly; the narrow tables beside them exist to be
queried (by actor, outlet, date, event type) without parsing JSON."""
from __future__ import annotations

from sqlalchemy import (Boolean, Column, Index, Integer, LargeBinary, MetaData, String, Table,
                        Text)

metadata = MetaData()

articles = Table(
    "articles", metadata,
    Column("id", String(200), primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("url", Text), Column("source", String(300)), Column("title", Text),
    Column("published", String(10), index=True),
    Column("text", Text, nullable=False),
    Column("duplicate_of", String(200), index=True),
    Column("story_id", String(64), index=True),
    Column("record", Text, nullable=False),
    Column("minhash", LargeBinary),
    Column("provenance", Text),
    Column("ingested_at", String(32), nullable=False),
    Column("seq", Integer, nullable=False, index=True),
)

actors = Table(
    "actors", metadata,
    Column("id", String(200), primary_key=True),
    Column("name", Text, nullable=False), Column("kind", String(20)),
    Column("country", String(3)), Column("role", Text), Column("sector", String(20)),
)

article_actors = Table(
    "article_actors", metadata,
    Column("article_id", String(200), primary_key=True),
    Column("actor_id", String(200), primary_key=True, index=True),
    Column("mentions", Integer, nullable=False),
)

events = Table(
    "events", metadata,
    Column("article_id", String(200), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("type", String(16), index=True), Column("modality", String(16)),
    Column("mode", Text), Column("actor", Text), Column("recipient", Text),
    Column("date", String(32)), Column("evidence", Text), Column("claim", Integer),
)

claims = Table(
    "claims", metadata,
    Column("article_id", String(200), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("speaker", Text), Column("speaker_actor", String(200), index=True),
    Column("speaker_kind", String(20)), Column("direct", Boolean),
    Column("via", Text), Column("content", Text),
)

dates = Table(
    "dates", metadata,
    Column("article_id", String(200), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("text", Text), Column("value", String(32)),
    Column("granularity", String(8)), Column("type", String(16)),
)

stories = Table(
    "stories", metadata,
    Column("id", String(64), primary_key=True),
    Column("title", Text),
    Column("first_seen", String(10)), Column("last_seen", String(10), index=True),
    Column("n_articles", Integer, nullable=False),
    Column("record", Text, nullable=False),
    # the record without timeline and claims: what story lists need, a fraction of the size
    Column("summary", Text, nullable=False),
)

story_actors = Table(
    "story_actors", metadata,
    Column("story_id", String(64), primary_key=True),
    Column("actor_id", String(200), primary_key=True, index=True),
)

meta = Table(
    "meta", metadata,
    Column("key", String(100), primary_key=True),
    Column("value", Text),
)

Index("ix_articles_source", articles.c.source)

CHILD_TABLES = (article_actors, events, claims, dates)
