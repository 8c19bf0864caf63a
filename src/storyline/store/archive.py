"""The archive: one object that the CLI, the web app and Python code all use.

Ingest is idempotent (an article already stored — same id or same normalised text — adds
nothing), transactional per batch (an interrupted ingest leaves only whole batches behind and
resumes where it stopped), and keeps near-duplicates as ``duplicate_of`` rather than analysing
them into a story twice.
"""
from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable, Iterable, Iterator

import orjson
from sqlalchemy import and_, delete, func, insert, select, text, update
from sqlalchemy.engine import Connection

from ..model import Article
from . import schema as t
from .database import (check_schema, create_search_index, database_url, is_sqlite,
                       make_engine)

STORY_INDEX_KEY = "story_index"
ProgressHook = Callable[[int], None]


@dataclass
class IngestReport:
    added: int = 0
    duplicates: int = 0
    unchanged: int = 0
    actors: int = 0
    stories: int = 0
    problems: list[tuple[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"added": self.added, "duplicates": self.duplicates, "unchanged": self.unchanged,
                "actors": self.actors, "stories": self.stories,
                "problems": [{"path": p, "reason": r} for p, r in self.problems]}


def content_hash(text_: str) -> str:
    """Hash of the text with Unicode and whitespace differences folded away."""
    folded = " ".join(unicodedata.normalize("NFC", text_).split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def _dumps(value: Any) -> str:
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode("utf-8")


def _loads(value: str | bytes) -> Any:
    """Records are JSON text; orjson parses a large story several times faster than ``json``."""
    return orjson.loads(value)


class Archive:
    """Articles, their analyses and the stories they form, in SQLite or PostgreSQL."""

    def __init__(self, db: str | None = None, nlp=None):
        self.url = database_url(db)
        self.engine = make_engine(self.url)
        t.metadata.create_all(self.engine)
        check_schema(self.engine, t.metadata)
        create_search_index(self.engine)
        self._nlp = nlp
        self._dedup = None
        self._stories = None
        self._cached_seq = -1  # the articles.seq the in-memory indexes reflect

    # ------------------------------------------------------------------ ingest
    def ingest(self, paths: Iterable[str], progress: ProgressHook | None = None,
               on_problem: Callable[[str, str], None] | None = None,
               batch_size: int = 32) -> IngestReport:
        """Read files/folders (any supported format) and ingest every article found."""
        from ..sources import ReadReport, read_paths
        read_report = ReadReport()
        report = IngestReport()
        articles = read_paths(list(paths), report=read_report, on_problem=on_problem)
        self.ingest_articles(articles, progress=progress, batch_size=batch_size, report=report,
                             on_problem=on_problem)
        report.problems[:0] = list(read_report.problems)
        return report

    def ingest_articles(self, articles: Iterable[Article], progress: ProgressHook | None = None,
                        batch_size: int = 32, report: IngestReport | None = None,
                        on_problem: Callable[[str, str], None] | None = None,
                        analysed: bool = False) -> IngestReport:
        """Analyse and store articles that are not stored yet, one transaction per batch.

        ``analysed=True`` stores records that already carry their analysis (e.g. produced by
        the Spark job in ``storyline.scale``) without analysing them again.
        """
        from ..analysis.pipeline import MAX_TEXT_CHARS
        report = report or IngestReport()
        was_empty = self.counts()["articles"] == 0
        pending: list[tuple[Article, str]] = []
        seen: set[str] = set()

        def problem(where: str, reason: str) -> None:
            report.problems.append((where, reason))
            if on_problem:
                on_problem(where, reason)

        for article in articles:
            where = str(article.provenance.get("path") or article.id)
            if not article.text.strip():
                problem(where, "article has no text")
                continue
            if len(article.text) > MAX_TEXT_CHARS:
                problem(where, f"article text too large ({len(article.text):,} characters)")
                continue
            digest = content_hash(article.text)
            if digest in seen or article.id in seen or self._stored(article.id, digest):
                report.unchanged += 1
                if progress:
                    progress(1)
                continue
            seen.update((digest, article.id))
            pending.append((article, digest))
            if len(pending) >= batch_size:
                self._ingest_batch(pending, report, analysed)
                if progress:
                    progress(len(pending))
                pending = []
        if pending:
            self._ingest_batch(pending, report, analysed)
            if progress:
                progress(len(pending))
        if was_empty and report.added > 1:
            # A first ingest is a whole corpus at once: group it as a batch, which weighs words
            # over every article instead of over those seen so far (same ids as `cluster`).
            self.rebuild_stories()
        with self.engine.connect() as conn:
            report.actors = conn.scalar(select(func.count()).select_from(t.actors)) or 0
            report.stories = conn.scalar(select(func.count()).select_from(t.stories)) or 0
        return report

    def _stored(self, article_id: str, digest: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(t.articles.c.id).where(
                (t.articles.c.id == article_id) | (t.articles.c.content_hash == digest))
            ).first() is not None

    def _nlp_pipeline(self):
        if self._nlp is None:
            from ..analysis.pipeline import load_nlp
            self._nlp = load_nlp()
        return self._nlp

    def _dedup_index(self, conn: Connection):
        if self._dedup is None:
            from ..stories.dedup import NearDuplicateIndex
            index = NearDuplicateIndex()
            rows = conn.execute(select(t.articles.c.id, t.articles.c.minhash)
                                .where(t.articles.c.duplicate_of.is_(None))
                                .order_by(t.articles.c.seq))
            for article_id, signature in rows:
                if signature:
                    index.add(article_id, bytes(signature))
            self._dedup = index
        return self._dedup

    def _story_index(self, conn: Connection):
        """The story index, parsed once and then kept in memory across batches (its state is
        still written with every batch, so an interrupted ingest resumes from it)."""
        if self._stories is None:
            from ..stories.cluster import StoryIndex
            state = conn.scalar(select(t.meta.c.value).where(t.meta.c.key == STORY_INDEX_KEY))
            self._stories = StoryIndex.from_state(_loads(state) if state else None)
        return self._stories

    def _ingest_batch(self, batch: list[tuple[Article, str]], report: IngestReport,
                      already_analysed: bool = False) -> None:
        from ..analysis.pipeline import analyze
        if already_analysed:
            analysed = [a for a, _ in batch]
        else:
            analysed = list(analyze([a for a, _ in batch], nlp=self._nlp_pipeline()))
        try:
            with self.engine.begin() as conn:
                seq = conn.scalar(select(func.max(t.articles.c.seq))) or 0
                if seq != self._cached_seq:  # another process wrote since: reload the indexes
                    self._dedup = self._stories = None
                dedup = self._dedup_index(conn)
                stories = self._story_index(conn)
                touched: set[str] = set()
                for article, (_, digest) in zip(analysed, batch):
                    seq += 1
                    signature = dedup.signature(article.text)
                    original = dedup.find(signature)
                    if original:
                        article.duplicate_of = original
                        story_id = conn.scalar(select(t.articles.c.story_id)
                                               .where(t.articles.c.id == original))
                        report.duplicates += 1
                    else:
                        dedup.add(article.id, signature)
                        story_id = stories.add(article.to_dict())
                        report.added += 1
                    self._insert_article(conn, article, digest, signature, story_id, seq)
                    if story_id:
                        touched.add(story_id)
                self._put_meta(conn, STORY_INDEX_KEY, _dumps(stories.state()))
                for story_id in sorted(touched):
                    self._synthesize(conn, story_id)
            self._cached_seq = seq
        except BaseException:
            # the in-memory indexes may hold rows that were rolled back: reload them next time
            self._dedup = self._stories = None
            raise

    def _insert_article(self, conn: Connection, article: Article, digest: str,
                        signature: bytes, story_id: str | None, seq: int) -> None:
        record = article.to_dict()
        record["story"] = story_id
        conn.execute(insert(t.articles).values(
            id=article.id, content_hash=digest, url=article.url, source=article.source,
            title=article.title, published=article.published, text=article.text,
            duplicate_of=article.duplicate_of, story_id=story_id, record=_dumps(record),
            minhash=signature, provenance=_dumps(article.provenance),
            ingested_at=datetime.now(timezone.utc).isoformat(timespec="seconds"), seq=seq))
        for actor in article.actors:
            self._upsert_actor(conn, actor)
        if article.actors:
            conn.execute(insert(t.article_actors), [
                {"article_id": article.id, "actor_id": a.id, "mentions": len(a.mentions)}
                for a in _unique_by_id(article.actors)])
        if article.events:
            conn.execute(insert(t.events), [
                {"article_id": article.id, "idx": i, "type": e.type, "modality": e.modality,
                 "mode": e.mode, "actor": _dumps(e.actor), "recipient": _dumps(e.recipient),
                 "date": e.date.value if e.date else None, "evidence": e.evidence.text,
                 "claim": e.claim} for i, e in enumerate(article.events)])
        if article.claims:
            conn.execute(insert(t.claims), [
                {"article_id": article.id, "idx": i, "speaker": c.speaker.text,
                 "speaker_actor": c.speaker.actor, "speaker_kind": c.speaker.kind,
                 "direct": c.direct, "via": _dumps(c.via), "content": c.content.text}
                for i, c in enumerate(article.claims)])
        if article.dates:
            conn.execute(insert(t.dates), [
                {"article_id": article.id, "idx": i, "text": d.text, "value": d.value,
                 "granularity": d.granularity, "type": d.type}
                for i, d in enumerate(article.dates)])
        if is_sqlite(self.engine):
            conn.execute(text("INSERT INTO articles_fts(article_id, title, text) "
                              "VALUES (:id, :title, :text)"),
                         {"id": article.id, "title": article.title or "", "text": article.text})

    def _upsert_actor(self, conn: Connection, actor) -> None:
        exists = conn.execute(select(t.actors.c.id).where(t.actors.c.id == actor.id)).first()
        if not exists:
            conn.execute(insert(t.actors).values(
                id=actor.id, name=actor.name, kind=actor.kind, country=actor.country,
                role=actor.role, sector=actor.sector))

    def _put_meta(self, conn: Connection, key: str, value: str) -> None:
        if conn.execute(select(t.meta.c.key).where(t.meta.c.key == key)).first():
            conn.execute(update(t.meta).where(t.meta.c.key == key).values(value=value))
        else:
            conn.execute(insert(t.meta).values(key=key, value=value))

    def _synthesize(self, conn: Connection, story_id: str) -> None:
        from ..stories.synthesis import synthesize_story
        rows = conn.execute(select(t.articles.c.record).where(t.articles.c.story_id == story_id)
                            .order_by(t.articles.c.seq)).scalars()
        records = [_loads(r) for r in rows]
        originals = [r for r in records if not r.get("duplicate_of")]
        duplicates = [r for r in records if r.get("duplicate_of")]
        story = synthesize_story(story_id, originals, duplicates)
        conn.execute(delete(t.stories).where(t.stories.c.id == story_id))
        conn.execute(delete(t.story_actors).where(t.story_actors.c.story_id == story_id))
        conn.execute(insert(t.stories).values(
            id=story_id, title=story.get("title"), first_seen=story.get("first_seen"),
            last_seen=story.get("last_seen"), n_articles=len(story.get("articles", [])),
            record=_dumps(story), summary=_dumps(story_summary(story))))
        actor_ids = sorted({a["id"] for a in story.get("actors", [])})
        if actor_ids:
            conn.execute(insert(t.story_actors),
                         [{"story_id": story_id, "actor_id": a} for a in actor_ids])

    def rebuild_stories(self) -> int:
        """Re-cluster every stored article from scratch, as a batch (same corpus → same story
        ids). Incremental ingest weighs words by the documents seen so far; a rebuild weighs
        them over the whole archive, which groups better once the archive has grown."""
        from ..stories.cluster import build_index
        with self.engine.begin() as conn:
            rows = conn.execute(select(t.articles.c.id, t.articles.c.record,
                                       t.articles.c.duplicate_of).order_by(t.articles.c.seq)).all()
            originals = (_loads(record) for _, record, duplicate_of in rows
                         if duplicate_of is None)
            index, assigned = build_index(originals)
            self._stories = None  # replaced below; reloaded from the new state when needed
            for article_id, _, duplicate_of in rows:
                if duplicate_of is not None:
                    assigned[article_id] = assigned.get(duplicate_of)
            for article_id, story_id in assigned.items():
                conn.execute(update(t.articles).where(t.articles.c.id == article_id)
                             .values(story_id=story_id))
            conn.execute(delete(t.stories))
            conn.execute(delete(t.story_actors))
            self._put_meta(conn, STORY_INDEX_KEY, _dumps(index.state()))
            story_ids = sorted({s for s in assigned.values() if s})
            for story_id in story_ids:
                self._synthesize(conn, story_id)
            return len(story_ids)

    # ------------------------------------------------------------------ reads
    def article(self, article_id: str) -> dict | None:
        with self.engine.connect() as conn:
            record = conn.scalar(select(t.articles.c.record).where(t.articles.c.id == article_id))
        return _loads(record) if record else None

    def article_records(self, ids: Iterable[str]) -> dict[str, dict]:
        """Many full article records in a few queries (the story page reads every member)."""
        ids, found = list(ids), {}
        with self.engine.connect() as conn:
            for start in range(0, len(ids), 500):
                rows = conn.execute(select(t.articles.c.id, t.articles.c.record)
                                    .where(t.articles.c.id.in_(ids[start:start + 500])))
                found.update((article_id, _loads(record)) for article_id, record in rows)
        return found

    def articles(self, q: str | None = None, limit: int = 50, offset: int = 0,
                 story: str | None = None) -> list[dict]:
        c = t.articles.c
        query = select(c.id, c.title, c.source, c.published, c.url, c.duplicate_of, c.story_id)
        if story:
            query = query.where(c.story_id == story)
        if q:
            query = query.where(c.id.in_(self._search_ids(q, limit=10_000)))
        query = query.order_by(c.published.desc(), c.seq.desc()).limit(limit).offset(offset)
        with self.engine.connect() as conn:
            return [{"id": r.id, "title": r.title, "source": r.source, "published": r.published,
                     "url": r.url, "duplicate_of": r.duplicate_of, "story": r.story_id}
                    for r in conn.execute(query)]

    def iter_articles(self) -> Iterator[dict]:
        """Every stored article record, in ingest order."""
        with self.engine.connect() as conn:
            for record in conn.execute(select(t.articles.c.record)
                                       .order_by(t.articles.c.seq)).scalars():
                yield _loads(record)

    def _search_ids(self, q: str, limit: int) -> list[str]:
        q = q.replace("\x00", " ")  # neither SQLite FTS5 nor PostgreSQL accepts a NUL in a query
        with self.engine.connect() as conn:
            if is_sqlite(self.engine):
                rows = conn.execute(text(
                    "SELECT article_id FROM articles_fts WHERE articles_fts MATCH :q "
                    "ORDER BY rank LIMIT :n"), {"q": _fts5_query(q), "n": limit})
            else:
                rows = conn.execute(text(
                    "SELECT id FROM articles WHERE to_tsvector('english', coalesce(title, '') "
                    "|| ' ' || text) @@ plainto_tsquery('english', :q) LIMIT :n"),
                    {"q": q, "n": limit})
            return [r[0] for r in rows]

    def search(self, q: str, limit: int = 20) -> list[dict]:
        """Full-text search over titles and bodies; each hit with a short snippet."""
        ids = self._search_ids(q, limit)
        if not ids:
            return []
        c = t.articles.c
        with self.engine.connect() as conn:
            rows = {r.id: r for r in conn.execute(
                select(c.id, c.title, c.source, c.published, c.text, c.story_id)
                .where(c.id.in_(ids)))}
        return [{"id": i, "title": rows[i].title, "source": rows[i].source,
                 "published": rows[i].published, "story": rows[i].story_id,
                 "snippet": _snippet(rows[i].text, q)} for i in ids if i in rows]

    def stories(self, q: str | None = None, actor: str | None = None, outlet: str | None = None,
                since: str | None = None, until: str | None = None, sort: str = "activity",
                limit: int = 50, offset: int = 0, detail: bool = False) -> list[dict]:
        """Stories, newest activity first; filters combine with AND."""
        s = t.stories.c
        query = select(s.record if detail else s.summary)
        conditions = []
        if actor:
            conditions.append(s.id.in_(select(t.story_actors.c.story_id)
                                       .where(t.story_actors.c.actor_id == actor)))
        if outlet:
            conditions.append(s.id.in_(select(t.articles.c.story_id)
                                       .where(func.lower(t.articles.c.source) == outlet.lower())))
        if since:
            conditions.append(s.last_seen >= since)
        if until:
            conditions.append(s.first_seen <= until)
        if q:
            ids = self._search_ids(q, limit=10_000)
            conditions.append(s.id.in_(select(t.articles.c.story_id)
                                       .where(t.articles.c.id.in_(ids))))
        if conditions:
            query = query.where(and_(*conditions))
        order = {"activity": (s.n_articles.desc(), s.last_seen.desc(), s.id),
                 "recent": (s.last_seen.desc(), s.n_articles.desc(), s.id),
                 "oldest": (s.first_seen, s.id)}.get(sort)
        if order is None:
            raise ValueError(f"unknown sort {sort!r}: use activity, recent or oldest")
        query = query.order_by(*order).limit(limit).offset(offset)
        with self.engine.connect() as conn:
            return [_loads(r) for r in conn.execute(query).scalars()]

    def story(self, story_id: str) -> dict | None:
        with self.engine.connect() as conn:
            record = conn.scalar(select(t.stories.c.record).where(t.stories.c.id == story_id))
        return _loads(record) if record else None

    def actors(self, story: str | None = None, limit: int = 1000) -> list[dict]:
        a, aa = t.actors.c, t.article_actors.c
        query = (select(a.id, a.name, a.kind, a.country, a.role, func.count(aa.article_id))
                 .join(t.article_actors, aa.actor_id == a.id)
                 .group_by(a.id, a.name, a.kind, a.country, a.role))
        if story:
            query = query.where(aa.article_id.in_(select(t.articles.c.id)
                                                  .where(t.articles.c.story_id == story)))
        query = query.order_by(func.count(aa.article_id).desc(), a.id).limit(limit)
        with self.engine.connect() as conn:
            return [{"id": r[0], "name": r[1], "kind": r[2], "country": r[3], "role": r[4],
                     "articles": r[5]} for r in conn.execute(query)]

    def actor(self, actor_id: str) -> dict | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.actors).where(t.actors.c.id == actor_id)).first()
            if not row:
                return None
            n_articles = conn.scalar(select(func.count()).select_from(t.article_actors)
                                     .where(t.article_actors.c.actor_id == actor_id))
            story_rows = conn.execute(
                select(t.stories.c.id, t.stories.c.title, t.stories.c.summary)
                .where(t.stories.c.id.in_(select(t.story_actors.c.story_id)
                                          .where(t.story_actors.c.actor_id == actor_id)))
                .order_by(t.stories.c.last_seen.desc())).all()
        stances = []
        for story_id, _title, record in story_rows:
            for stance in _loads(record).get("stances", []):
                if stance.get("actor") == actor_id:
                    stances.append({"story": story_id, **stance})
        stances.sort(key=lambda s: s.get("as_of") or "")
        return {"id": row.id, "name": row.name, "kind": row.kind, "country": row.country,
                "role": row.role, "sector": row.sector, "articles": n_articles,
                "stories": [{"id": i, "title": ti} for i, ti, _ in story_rows],
                "stances": stances}

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            def count(table, *where):
                query = select(func.count()).select_from(table)
                for w in where:
                    query = query.where(w)
                return conn.scalar(query) or 0
            return {"articles": count(t.articles), "stories": count(t.stories),
                    "actors": count(t.actors),
                    "duplicates": count(t.articles, t.articles.c.duplicate_of.is_not(None)),
                    "events": count(t.events), "claims": count(t.claims)}

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Archive":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def story_summary(story: dict) -> dict:
    """A Story without its timeline and claims detail (the contract allows lists to omit them)."""
    return {k: v for k, v in story.items() if k not in ("timeline", "claims")}


def _unique_by_id(actors) -> list:
    merged: dict[str, Any] = {}
    for actor in actors:
        if actor.id in merged:
            merged[actor.id].mentions = merged[actor.id].mentions + actor.mentions
        else:
            merged[actor.id] = type(actor)(**{**actor.__dict__, "mentions": list(actor.mentions)})
    return list(merged.values())


def _fts5_query(q: str) -> str:
    """Quote each word so user input can never be read as FTS5 syntax."""
    words = [w.replace('"', '""') for w in q.split()]
    return " ".join(f'"{w}"' for w in words) or '""'


def _snippet(body: str, q: str, width: int = 160) -> str:
    lowered = body.lower()
    positions = [lowered.find(w.lower()) for w in q.split() if lowered.find(w.lower()) >= 0]
    start = max(0, min(positions) - width // 3) if positions else 0
    piece = " ".join(body[start:start + width].split())
    return ("…" if start else "") + piece + ("…" if start + width < len(body) else "")
