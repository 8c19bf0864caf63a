"""How fast the story page renders over an archive of 10,000 articles (target: < 300 ms).

    /work/venv/bin/python benchmarks/bench_story_page.py [--articles 10000] [--repeat 20]
        [--db benchmarks/results/story-page-10000.db] [--rebuild]

The archive is filled with synthetic, already-analysed articles (sentences generated from
templates of our own, about 2,000 characters each with actors, events, claims and dates at
realistic offsets) through ``Archive.ingest_articles(analysed=True)``, so the build measures
storage and clustering, not spaCy. It is built once and kept (``benchmarks/results/`` is
git-ignored); ``--rebuild`` starts over.

Timed, in the same run, for the story with the most articles and for a median story:
- ``page``: ``GET /stories/{id}`` through the ASGI app (routing, archive reads, shaping, Jinja)
  as a first view (page cache emptied before each request) and as a repeat view (the story is
  unchanged, so the cached page is served after re-reading and hashing the story record),
- ``api``: ``GET /api/stories/{id}`` (JSON),
- ``baseline``: the archive reads alone that the page needs (``story`` + ``article_records``),
and the page's cost as a ratio to that baseline; the story list (``GET /``) for reference.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Iterator

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

import pycountry  # noqa: E402

import storyline  # noqa: E402
from storyline.model import (Actor, Article, Claim, DateMention, DateValue, Event,  # noqa: E402
                             Span, Speaker)

EVENT_TYPES = ("AGREE", "CONSULT", "SUPPORT", "AID", "REQUEST", "ACCUSE", "REJECT", "THREATEN",
               "SANCTION", "MOBILIZE")
VERBS = {"AGREE": "agreed with", "CONSULT": "held talks with", "SUPPORT": "backed",
         "AID": "sent aid to", "REQUEST": "asked", "ACCUSE": "accused", "REJECT": "rebuffed",
         "THREATEN": "warned", "SANCTION": "imposed sanctions on", "MOBILIZE": "moved troops near"}
SYLLABLES = ("ka", "lo", "mi", "ren", "tu", "sa", "vor", "del", "an", "pi", "zu", "gor", "ba",
             "eth", "qui", "nar", "os", "lim")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def pseudo_word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))


class ArticleWriter:
    """Builds one article's text and its annotations together, so every offset is exact."""

    def __init__(self, article_id: str):
        self.id, self.parts, self.length = article_id, [], 0
        self.actors: dict[str, Actor] = {}
        self.events: list[Event] = []
        self.claims: list[Claim] = []
        self.dates: list[DateMention] = []

    def put(self, text: str) -> Span:
        span = Span(self.length, self.length + len(text), text)
        self.parts.append(text)
        self.length += len(text)
        return span

    def mention(self, country) -> Span:
        span = self.put(country.name)
        actor = self.actors.setdefault(country.alpha_3, Actor(country.alpha_3, country.name,
                                                              "country", country.alpha_3))
        actor.mentions.append(span)
        return span

    def sentence(self, rng: random.Random, cast: list, topic: str, day: str) -> None:
        a, b = rng.sample(cast, 2)
        kind = rng.choice(EVENT_TYPES)
        start = self.length
        who = rng.choice(cast)
        self.mention(who)
        cue = self.put(" said on ")
        day_text = f"{int(day[8:])} {MONTHS[int(day[5:7]) - 1]}"
        date_span = self.put(day_text)
        self.dates.append(DateMention(date_span.start, date_span.end, day_text, day))
        self.put(" that ")
        content_start = self.length
        self.mention(a)
        self.put(f" {VERBS[kind]} ")
        self.mention(b)
        self.put(f" over the {topic} plan, citing {pseudo_word(rng)} and "
                 f"{pseudo_word(rng)} concerns")
        content = Span(content_start, self.length, "".join(self.parts)[content_start:self.length])
        self.put(". ")
        evidence = Span(start, self.length - 1, "".join(self.parts)[start:self.length - 1])
        self.claims.append(Claim(Speaker(who.name, who.alpha_3, "country"),
                                 Span(cue.start + 1, cue.start + 5, "said"), content))
        self.events.append(Event(kind, "asserted", [a.alpha_3], [b.alpha_3], evidence,
                                 date=DateValue(day), claim=len(self.claims) - 1))

    def article(self, title: str, source: str, day: str) -> Article:
        return Article(id=self.id, text="".join(self.parts), title=title, source=source,
                       published=day, actors=list(self.actors.values()), events=self.events,
                       claims=self.claims, dates=self.dates, provenance={"path": "synthetic"})


def synthetic_articles(n: int, seed: int = 7) -> Iterator[Article]:
    rng = random.Random(seed)
    countries = list(pycountry.countries)
    outlets = [f"The {pseudo_word(rng).title()} {kind}" for kind in ("Times", "Post", "Wire",
                                                                     "Herald", "Daily")] * 4
    topics = [(pseudo_word(rng) + " " + pseudo_word(rng), rng.sample(countries, rng.randint(4, 9)),
               rng.randint(0, 700)) for _ in range(max(1, n // 25))]
    for i in range(n):
        topic, cast, first_day = rng.choice(topics)
        day_number = 738000 + first_day + rng.randint(0, 30)
        day = time.strftime("%Y-%m-%d", time.gmtime((day_number - 719163) * 86400))
        writer = ArticleWriter(f"synthetic-{i:06d}")
        for _ in range(rng.randint(10, 16)):
            writer.sentence(rng, cast, topic, day)
        yield writer.article(f"{cast[0].name} and the {topic} plan: report {i}",
                             rng.choice(outlets), day)


def build(db: Path, n: int) -> None:
    db.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    archive = storyline.open(str(db))
    started = time.perf_counter()
    done = 0

    def progress(k: int) -> None:
        nonlocal done
        done += k
        if done % 1000 < k:
            print(f"  built {done:,}/{n:,} articles ({time.perf_counter() - started:.0f} s)",
                  flush=True)
    archive.ingest_articles(synthetic_articles(n), batch_size=2000, analysed=True,
                            progress=progress)
    archive.close()


def timings(fn, repeat: int) -> list[float]:
    for _ in range(3):
        fn()
    out = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        out.append((time.perf_counter() - started) * 1000)
    return out


def describe(ms: list[float]) -> str:
    ordered = sorted(ms)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return f"median {statistics.median(ms):7.1f} ms  p95 {p95:7.1f} ms"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--db", type=Path, default=None)
    ap.add_argument("--rebuild", action="store_true")
    args = ap.parse_args()
    db = args.db or REPO / "benchmarks" / "results" / f"story-page-{args.articles}.db"
    if args.rebuild or not db.exists():
        print(f"building {db} with {args.articles:,} synthetic articles …", flush=True)
        build(db, args.articles)

    from fastapi.testclient import TestClient

    from storyline.web.app import create_app
    archive = storyline.open(str(db))
    counts = archive.counts()
    print(f"archive: {counts['articles']:,} articles, {counts['stories']:,} stories, "
          f"{counts['actors']:,} actors")
    by_size = archive.stories(sort="activity", limit=100_000)
    largest, median = by_size[0], by_size[len(by_size) // 2]
    from storyline.web.page_cache import PageCache
    app = create_app(archive)
    client = TestClient(app)

    def first_view(path: str) -> None:
        app.state.page_cache = PageCache()  # as if nobody had opened this story yet
        client.get(path)
    worst = 0.0
    for label, story in (("largest", largest), ("median", median)):
        sid = story["id"]
        page = client.get(f"/stories/{sid}")
        assert page.status_code == 200, page.text[:500]

        def baseline() -> None:
            archive.article_records(archive.story(sid)["articles"])
        page_ms = timings(lambda: first_view(f"/stories/{sid}"), args.repeat)
        warm_ms = timings(lambda: client.get(f"/stories/{sid}"), args.repeat)
        api_ms = timings(lambda: client.get(f"/api/stories/{sid}"), args.repeat)
        base_ms = timings(baseline, args.repeat)
        worst = max(worst, statistics.median(page_ms))
        print(f"\n{label} story {sid}: {len(story['articles'])} articles, "
              f"page {len(page.text):,} bytes")
        print(f"  page     GET /stories/{{id}}      {describe(page_ms)}  (first view)")
        print(f"  page     GET /stories/{{id}}      {describe(warm_ms)}  (repeat view, cached)")
        print(f"  api      GET /api/stories/{{id}}  {describe(api_ms)}")
        print(f"  baseline archive reads only     {describe(base_ms)}")
        print(f"  page / baseline = {statistics.median(page_ms) / statistics.median(base_ms):.2f}×")
    list_ms = timings(lambda: client.get("/"), args.repeat)
    print(f"\nstory list GET /                  {describe(list_ms)}")
    verdict = "meets" if worst < 300 else "MISSES"
    print(f"\nslowest median first view of a story page: {worst:.1f} ms — {verdict} the 300 ms "
          f"target (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
