"""Readers on the real fixtures in ../shared/data (skipped where that folder is absent)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from storyline.sources import ReadReport, read_paths

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DATA = SHARED / "data"
pytestmark = [pytest.mark.shared,
              pytest.mark.skipif(not SHARED.exists(), reason="needs ../shared (shared data sets)")]


def read_all(*paths):
    report = ReadReport()
    return list(read_paths([str(p) for p in paths], report=report)), report


def test_seed_articles_have_clean_bodies_dates_and_matching_urls():
    articles, report = read_all(DATA / "seeds")
    assert report.problems == [] and len(articles) == 2
    first, second = articles
    assert first.text.startswith("France could soon send") and first.published == "2024-05-30"
    assert first.url.endswith("/000_513fd030c96f58c0.txt")
    assert "Latest news" not in second.text and "See all" not in second.text
    assert second.title.startswith("France Extends Invitations")
    assert second.text.startswith("French General Staff Commander")
    assert second.published is None and second.url.endswith("/004_5def1f95143b3ebc.txt")


def test_legacy_charset_feeds_decode():
    portuguese, _ = read_all(DATA / "feeds" / "rss-parser" / "encoding.rss")
    assert portuguese[0].source == "Jornal de Notícias - Últimas Notícias"
    assert portuguese[0].title == "Mãe de utente é a nova presidente da Raríssimas"
    [polish], report = read_all(DATA / "feeds" / "rss-parser" / "latin2.rss")
    assert polish.title == "ZAŻÓŁĆ GĘSLĄ JAŹŃ" and polish.text.startswith("Szedł sasza")
    assert report.problems == []


def test_all_feeds_read_one_article_per_entry():
    articles, report = read_all(DATA / "feeds")
    assert report.problems == []
    assert len(articles) == 40 + 1 + 55 + 10 + 31
    assert all(a.url and a.url.startswith("http") for a in articles)
    reuters = [a for a in articles if a.source == "Reuters: World News"]
    assert len(reuters) == 10 and all(a.published == "2018-01-30" for a in reuters)


def test_news_warc_matches_the_index_and_the_gold_bodies():
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from bench_extract import token_prf

    index = json.loads((DATA / "warc" / "constructed" / "news-sample.index.json").read_text())
    gold = json.loads((DATA / "html" / "ground-truth.json").read_text())
    articles, report = read_all(DATA / "warc" / "constructed" / "news-sample.warc.gz")
    assert report.problems == [] and report.skipped == {"warc: warcinfo record": 1, "warc: request record": 30}
    assert [a.url for a in articles] == [row["url"] for row in index]
    f1 = [token_prf(a.text, gold[row["id"]]["articleBody"])[2] for a, row in zip(articles, index)]
    assert sum(f1) / len(f1) > 0.9


def test_clipped_warc_keeps_the_partial_page_and_says_it_was_cut():
    [article], report = read_all(DATA / "warc" / "resiliparse" / "clipped.warc.gz")
    assert article.provenance["truncated"] is True and article.url.startswith("http://www.houstonpress.com/")
    [(_, reason)] = report.problems
    assert reason.startswith("truncated WARC/gzip after 0 complete records")


def test_other_resiliparse_warcs_read_without_problems():
    plain, report = read_all(DATA / "warc" / "resiliparse" / "warcfile.warc")
    packed, _ = read_all(DATA / "warc" / "resiliparse" / "warcfile.warc.gz")
    assert [a.id for a in plain] == [a.id for a in packed] and len(plain) == 16
    assert report.skipped["warc: request record"] == 17 and report.problems == []
    quirky, report = read_all(DATA / "warc" / "resiliparse" / "clueweb-quirk.warc.gz",
                              DATA / "warc" / "resiliparse" / "block-sized-records.warc.gz")
    assert len(quirky) == 29 and report.problems == []
    assert report.skipped["warc: unknown record"] == 3


def test_html_pages_yield_text_title_and_date():
    pages = sorted((DATA / "html" / "html").glob("*.html.gz"))[:12]
    articles, report = read_all(*pages)
    assert report.problems == [] and len(articles) == 12
    assert all(a.title and a.published and len(a.text) > 200 for a in articles)
    from_page = [a for a in articles if a.url.startswith("http")]  # the page's canonical URL
    assert len(from_page) >= 10
    assert all(a.url.startswith("file://") for a in articles if a not in from_page)


def test_voa_jsonl_keeps_ids_and_days():
    articles, report = read_all(DATA / "voa" / "dev.jsonl")
    assert report.problems == [] and len(articles) == 68
    raw = [json.loads(line) for line in (DATA / "voa" / "dev.jsonl").read_text().splitlines()]
    assert [a.id for a in articles] == [str(r["id"]) for r in raw]
    assert all(a.published is None or len(a.published) == 10 for a in articles)
