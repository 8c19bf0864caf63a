"""The archive keeps what it is given exactly once, whole, and finds it again."""
from __future__ import annotations

import uuid

import pytest

import storyline
from storyline.model import Article

from .conftest import POSTGRES_URL, postgres_available

BRIEFING = ("The government of Norway announced on Monday that it will send two frigates to the "
            "Baltic Sea. Defence minister Kari Nordmann said the ships would join allied patrols.")
OTHER = ("Heavy rain flooded the river valley on Tuesday, and the regional council said hundreds "
         "of homes were evacuated while volunteers filled sandbags through the night.")


def _article(id_, text, published="2024-03-04", source="Test Wire"):
    return Article(id=id_, text=text, published=published, source=source, title=text[:40],
                   provenance={"path": f"mem://{id_}"})


def test_ingest_stores_an_article_and_reads_it_back_as_the_contract(archive):
    report = archive.ingest_articles([_article("norway-frigates", BRIEFING)])
    assert report.added == 1
    record = archive.article("norway-frigates")
    assert record["schema_version"] == 1
    assert record["text"] == BRIEFING
    assert record["published"] == "2024-03-04"
    assert record["story"]
    assert archive.counts()["articles"] == 1


def test_re_ingesting_the_same_article_adds_nothing(archive):
    archive.ingest_articles([_article("a1", BRIEFING)])
    again = archive.ingest_articles([_article("a1", BRIEFING), _article("copy-with-new-id", BRIEFING)])
    assert (again.added, again.unchanged) == (0, 2)
    assert archive.counts()["articles"] == 1


def test_a_republished_wire_copy_is_kept_as_a_duplicate_of_the_first(archive):
    copy = BRIEFING.replace("on Monday", "on Monday,") + " Reporting by a staff writer."
    archive.ingest_articles([_article("wire", BRIEFING), _article("reprint", copy, source="Other Daily")])
    reprint = archive.article("reprint")
    assert reprint["duplicate_of"] == "wire"
    assert reprint["story"] == archive.article("wire")["story"]
    assert archive.counts()["duplicates"] == 1


def test_an_interrupted_ingest_keeps_whole_batches_and_resumes_without_duplicates(archive):
    texts = [f"{BRIEFING} Item number {i} adds a distinct closing sentence about topic {i * 7}."
             for i in range(5)]
    texts = [f"Report {i}: " + OTHER.replace("Tuesday", f"day {i}") + f" Gauge {i} rose {i} metres."
             if i % 2 else t for i, t in enumerate(texts)]

    def stream_that_breaks():
        for i, text in enumerate(texts):
            if i == 3:
                raise KeyboardInterrupt  # the user presses Ctrl-C mid-ingest
            yield _article(f"n{i}", text)

    with pytest.raises(KeyboardInterrupt):
        archive.ingest_articles(stream_that_breaks(), batch_size=2)
    stored = {a["id"] for a in archive.articles(limit=100)}
    assert stored == {"n0", "n1"}  # the first whole batch; the half-read second batch is gone
    resumed = archive.ingest_articles([_article(f"n{i}", t) for i, t in enumerate(texts)], batch_size=2)
    assert resumed.unchanged == 2
    assert {a["id"] for a in archive.articles(limit=100)} == {f"n{i}" for i in range(5)}
    assert archive.counts()["articles"] == 5


def test_full_text_search_finds_words_and_ignores_query_syntax(archive):
    archive.ingest_articles([_article("norway", BRIEFING), _article("flood", OTHER)])
    assert [h["id"] for h in archive.search("frigates")] == ["norway"]
    assert [h["id"] for h in archive.search("sandbags")] == ["flood"]
    assert archive.search('frigates" OR "x') == []  # quotes are data, not FTS syntax
    assert "frigates" in archive.search("frigates")[0]["snippet"]


def test_stories_list_filters_by_outlet_and_unknown_sort_is_an_error(archive):
    archive.ingest_articles([_article("norway", BRIEFING), _article("flood", OTHER, source="River Post")])
    by_outlet = archive.stories(outlet="river post")
    assert [s["articles"] for s in by_outlet] == [["flood"]]
    with pytest.raises(ValueError):
        archive.stories(sort="sideways")


def test_rebuilding_stories_gives_the_same_story_ids(archive):
    archive.ingest_articles([_article("norway", BRIEFING), _article("flood", OTHER)])
    before = {a["id"]: a["story"] for a in archive.articles()}
    archive.rebuild_stories()
    assert {a["id"]: a["story"] for a in archive.articles()} == before


@pytest.mark.postgres
def test_postgresql_round_trip_and_search(nlp):
    if not postgres_available():
        pytest.skip("no PostgreSQL server answers on 127.0.0.1:5432")
    import psycopg
    schema = "t_" + uuid.uuid4().hex[:10]
    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        archive = storyline.open(f"{POSTGRES_URL}?options=-csearch_path%3D{schema}")
        archive._nlp = nlp
        archive.ingest_articles([_article("norway", BRIEFING), _article("flood", OTHER)])
        again = archive.ingest_articles([_article("norway", BRIEFING)])
        assert again.unchanged == 1
        assert archive.article("flood")["text"] == OTHER
        assert [h["id"] for h in archive.search("frigates")] == ["norway"]
        assert archive.counts()["articles"] == 2
        archive.close()
    finally:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


def test_a_first_ingest_groups_like_the_database_free_cluster_command(archive, nlp):
    from storyline.workflow import analyze_articles, cluster
    articles = [_article("norway", BRIEFING), _article("flood", OTHER),
                _article("norway-2", BRIEFING.replace("two frigates", "two frigates and a tanker")
                         + " The deployment begins in April.", published="2024-03-05")]
    expected = dict(cluster(analyze_articles(articles, nlp=nlp)))
    archive.ingest_articles(articles)
    assert {a["id"]: a["story"] for a in archive.articles()} == expected


def test_a_database_from_an_older_schema_is_refused_with_the_missing_columns_named(tmp_path):
    import sqlite3
    from storyline.store.database import SchemaMismatch
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE stories (id TEXT PRIMARY KEY, title TEXT)")
    with pytest.raises(SchemaMismatch, match="stories.summary"):
        storyline.open(str(path))


def test_two_writers_on_one_database_see_each_others_articles(tmp_path, nlp):
    first, second = storyline.open(str(tmp_path / "shared.db")), storyline.open(str(tmp_path / "shared.db"))
    first._nlp = second._nlp = nlp
    first.ingest_articles([_article("norway", BRIEFING)])
    second.ingest_articles([_article("flood", OTHER)])
    reprint = OTHER.replace("on Tuesday", "on Tuesday,") + " Reporting by a staff writer."
    first.ingest_articles([_article("flood-reprint", reprint)])  # first must know of "flood" now
    assert first.article("flood-reprint")["duplicate_of"] == "flood"
    assert {s["id"] for s in first.stories()} == {s["id"] for s in second.stories()}
