"""Readers turn files into Articles, and bad files into problems, never into a crash.

Every input here is written by the test itself (sentences of our own).
"""
from __future__ import annotations

import gzip
import io
import json
import sys
import tracemalloc
from pathlib import Path

import pytest

from storyline.sources import ReadReport, read_paths
from storyline.sources.boilerplate import split_title, strip_furniture
from storyline.sources.normalize import normalize_text, text_id, to_day

PARAGRAPHS = [
    "The foreign ministers of Norway and Chile met in Oslo on Tuesday to discuss a joint fisheries accord.",
    "Officials said the draft would cap trawler quotas for five years and create a shared inspection fund.",
    "“We are close, but not there yet,” the Chilean minister told reporters after the four-hour meeting.",
    "Environmental groups welcomed the talks but warned that enforcement at sea remained the weak point.",
    "A second round is planned in Santiago next month, according to a statement from the Norwegian side.",
]
BODY = "\n\n".join(PARAGRAPHS)


def read_all(*paths, **kw):
    report = ReadReport()
    return list(read_paths([str(p) for p in paths], report=report, **kw)), report


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def article_page(*, charset: str = "utf-8", extra_head: str = "", paragraphs=PARAGRAPHS) -> str:
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return f"""<!DOCTYPE html><html><head><meta charset="{charset}">
<title>Norway and Chile near fisheries accord | The Harbour Gazette</title>
<link rel="canonical" href="https://gazette.example/world/fisheries-accord">
<meta property="og:site_name" content="The Harbour Gazette">
<meta property="article:published_time" content="2023-03-14T09:30:00+01:00">
{extra_head}</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Norway and Chile near fisheries accord</h1>
{body}</article>
<footer>Subscribe to our newsletter. All rights reserved.</footer></body></html>"""


# --- plain text -------------------------------------------------------------------------

def test_header_lines_in_any_order_become_fields(tmp_path):
    f = write(tmp_path / "accord.txt", "source The Harbour Gazette\ndate 2023-03-14\n"
              "title Fisheries accord near\nurl https://gazette.example/a\n\n" + BODY)
    [a], report = read_all(f)
    assert (a.source, a.published, a.title, a.url) == (
        "The Harbour Gazette", "2023-03-14", "Fisheries accord near", "https://gazette.example/a")
    assert a.text == BODY and report.problems == []


def test_date_header_sharing_a_line_with_the_first_sentence(tmp_path):
    f = write(tmp_path / "same-line.txt", " date 2023-03-14 " + BODY)
    [a], _ = read_all(f)
    assert a.published == "2023-03-14"
    assert a.text.startswith("The foreign ministers of Norway")


def test_a_file_without_headers_is_all_body_and_gets_a_file_url(tmp_path):
    f = write(tmp_path / "plain_123.txt", "Title IX cases rose sharply last year, the report said.\n\n" + BODY)
    [a], _ = read_all(f)
    assert a.title is None and a.published is None
    assert a.text.startswith("Title IX cases rose")  # a capitalised word is not a header key
    assert a.url == f.resolve().as_uri() and a.url.endswith("plain_123.txt")
    assert a.provenance["path"] == str(f)


def test_scraped_page_loses_furniture_and_keeps_its_title(tmp_path):
    page = ("Latest news\n\nNorway and Chile Near Fisheries Accord\n\n\n" + BODY +
            "\n\nRead more about the fisheries accord in our archive.\n\nShare this article\n\nSee all")
    [a], _ = read_all(write(tmp_path / "scraped.txt", page))
    assert a.title == "Norway and Chile Near Fisheries Accord"
    assert a.text.startswith("The foreign ministers")
    assert "Latest news" not in a.text and "See all" not in a.text and "Share this" not in a.text
    assert "Read more about the fisheries accord" in a.text  # a sentence, not a link label


def test_a_body_repeating_its_title_header_loses_the_repeat(tmp_path):
    [a], _ = read_all(write(tmp_path / "t.txt", "title Accord near\n\nAccord near\n\n" + BODY))
    assert a.title == "Accord near" and a.text == BODY


def test_a_trailing_related_block_of_headlines_is_cut():
    text = BODY + "\n\nRelated articles\n\nChile elects new fisheries chief\n\nOslo port strike ends"
    assert strip_furniture(text) == BODY


def test_a_list_of_headlines_has_no_title():
    assert split_title("Storm hits coast\n\nMarkets close higher\n\nElection date set")[0] is None


def test_normalisation_keeps_quotes_and_paragraphs_but_not_odd_spaces():
    raw = ("  Caf\u0065\u0301 talks\u00a0 resumed\u200b today.\r\n"
           "They said \u201cyes\u201d.\r\n\r\n\r\n\tNext  paragraph. ")
    assert normalize_text(raw) == "Café talks resumed today.\nThey said \u201cyes\u201d.\n\nNext paragraph."


def test_id_is_a_hash_of_the_normalised_text_unless_given(tmp_path):
    write(tmp_path / "a.txt", BODY.replace(" ", "\u00a0", 3))
    write(tmp_path / "b.jsonl", json.dumps({"text": BODY}) + "\n" + json.dumps({"id": 42, "text": BODY}) + "\n")
    (a, b, c), _ = read_all(tmp_path)
    assert a.id == b.id == text_id(BODY) and len(a.id) == 16
    assert c.id == "42"


@pytest.mark.parametrize("value,day", [("2023-03-14", "2023-03-14"), ("2023-03-14T23:30:00-05:00", "2023-03-14"),
                                       ("Tue, 14 Mar 2023 23:30:00 -0500", "2023-03-14"), ("14/03/2023", None),
                                       ("2023-02-30", None), (None, None)])
def test_published_is_the_day_as_written(value, day):
    assert to_day(value) == day


# --- HTML -------------------------------------------------------------------------------

def test_html_page_gives_body_title_date_outlet_and_canonical_url(tmp_path):
    [a], report = read_all(write(tmp_path / "page.html", article_page()))
    assert a.text.startswith("The foreign ministers") and "Subscribe" not in a.text
    assert "Sport" not in a.text
    assert a.title.startswith("Norway and Chile near fisheries accord")
    assert (a.published, a.source, a.url) == ("2023-03-14", "The Harbour Gazette",
                                              "https://gazette.example/world/fisheries-accord")
    assert a.text.count("\n\n") == len(PARAGRAPHS) - 1
    assert report.problems == []


def test_broken_html_still_yields_the_article(tmp_path):
    broken = article_page().replace("</p>", "").replace("</article>", "<div><span>")[:-30]
    [a], _ = read_all(write(tmp_path / "broken.htm", broken))
    assert "Chilean minister told reporters" in a.text


def test_gzipped_html_and_a_truncated_one(tmp_path):
    packed = gzip.compress(article_page().encode())
    good = write(tmp_path / "a.html.gz", packed)
    cut = write(tmp_path / "b.html.gz", packed[: len(packed) // 2])
    articles, report = read_all(good, cut)
    assert len(articles) == 1
    assert report.problems == [(str(cut), "truncated gzip (compressed data ends early)")]


def test_declared_legacy_charset_is_used(tmp_path):
    page = article_page(charset="windows-1252", paragraphs=[p.replace("Chile", "Chilé") for p in PARAGRAPHS])
    [a], report = read_all(write(tmp_path / "legacy.html", page.encode("cp1252")))
    assert "Chilé" in a.text
    assert a.provenance["encoding"] == "cp1252 (declared)"


def test_a_wrong_declared_charset_falls_back_to_detection(tmp_path):
    page = article_page(paragraphs=[p.replace("minister", "ministre à Genève") for p in PARAGRAPHS])
    [a], _ = read_all(write(tmp_path / "mislabelled.html", page.encode("cp1252")))
    assert "ministre à Genève" in a.text
    assert a.provenance["encoding"] == "cp1252 (detected; declared charset failed)"


def test_a_gzip_that_expands_beyond_the_cap_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("STORYLINE_MAX_FILE_BYTES", "100000")
    bomb = write(tmp_path / "bomb.html.gz", gzip.compress(b"<p>" + b"a" * 1_000_000 + b"</p>"))
    [(where, reason)] = read_all(bomb)[1].problems
    assert reason.startswith("decompresses to more than the size limit")


# --- JSONL and stdin --------------------------------------------------------------------

def test_jsonl_bad_lines_are_problems_naming_the_line(tmp_path):
    lines = [json.dumps({"id": "x1", "title": "Accord", "text": BODY, "published": "2023-03-14T08:00:00Z",
                         "source": "Gazette", "url": "https://gazette.example/x1"}),
             "{not json",
             json.dumps({"id": "x3", "title": "No body"}),
             "",
             json.dumps(["a", "list"]),
             json.dumps({"id": "x6", "text": "Talks resumed in Oslo on Friday."})]
    f = write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    articles, report = read_all(f)
    assert [a.id for a in articles] == ["x1", "x6"]
    assert articles[0].published == "2023-03-14" and articles[0].provenance["line"] == 1
    assert [where for where, _ in report.problems] == [f"{f}:2", f"{f}:3", f"{f}:5"]
    assert "bad JSON" in report.problems[0][1] and report.problems[1][1] == "no text"


def test_dash_reads_jsonl_from_stdin(monkeypatch):
    data = (json.dumps({"id": "s1", "text": "Ministers met in Oslo."}) + "\n").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    [a], report = read_all("-")
    assert a.id == "s1" and a.provenance["path"] == "-" and report.files == 1


# --- feeds ------------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="{enc}"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>{feed}</title><link>https://gazette.example</link><description>News</description>
<item><title>{title}</title><link>https://gazette.example/1</link>
<pubDate>Tue, 14 Mar 2023 23:30:00 -0500</pubDate>
<description>Short teaser.</description>
<content:encoded><![CDATA[<p>{p1}</p><p>{p2}</p>]]></content:encoded></item>
<item><title>Only a summary</title><link>https://gazette.example/2</link>
<description>&lt;p&gt;Quotas will be &lt;b&gt;capped&lt;/b&gt; for five years.&lt;/p&gt;</description></item>
</channel></rss>"""


def test_rss_entries_prefer_full_content_and_keep_the_local_day(tmp_path):
    f = write(tmp_path / "feed.rss", RSS.format(enc="utf-8", feed="Harbour Gazette", title="Accord near",
                                                p1=PARAGRAPHS[0], p2=PARAGRAPHS[1]))
    (a, b), report = read_all(f)
    assert a.text == PARAGRAPHS[0] + "\n\n" + PARAGRAPHS[1]
    assert (a.title, a.url, a.source, a.published) == ("Accord near", "https://gazette.example/1",
                                                       "Harbour Gazette", "2023-03-14")
    assert b.text == "Quotas will be capped for five years." and b.published is None
    assert report.problems == []


def test_feed_in_a_declared_legacy_charset(tmp_path):
    feed = RSS.format(enc="ISO-8859-2", feed="Gazeta Łódzka", title="Zażółć gęślą jaźń",
                      p1="Minister spotkał się w Gdańsku z rybakami.", p2="Rozmowy potrwają do piątku.")
    [a, _], _ = read_all(write(tmp_path / "pl.xml", feed.encode("iso-8859-2")))
    assert a.title == "Zażółć gęślą jaźń" and a.source == "Gazeta Łódzka"
    assert "Gdańsku" in a.text


def test_malformed_feed_is_reported_but_recovered_entries_are_kept(tmp_path):
    feed = RSS.format(enc="utf-8", feed="Gazette", title="Accord & more", p1=PARAGRAPHS[0], p2=PARAGRAPHS[1])
    articles, report = read_all(write(tmp_path / "bad.rss", feed.replace("</channel></rss>", "<item><title>cut")))
    assert [a.title for a in articles] == ["Accord & more", "Only a summary"]
    assert report.problems[0][1].startswith("malformed XML: <unknown>:4:")
    assert report.problems[0][1].endswith("kept 3 entries it recovered")


def test_xml_that_is_not_a_feed(tmp_path):
    f = write(tmp_path / "catalog.xml", "<?xml version='1.0'?><catalog><book id='1'>Sea charts</book></catalog>")
    assert read_all(f)[1].problems == [(str(f), "no RSS/Atom entries (not a feed?)")]


def test_atom_feed(tmp_path):
    atom = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Gazette Atom</title><id>urn:g</id><updated>2023-03-15T00:00:00Z</updated>
<entry><title>Accord near</title><link href="https://gazette.example/atom/1"/><id>urn:1</id>
<updated>2023-03-15T01:00:00Z</updated>
<content type="html">&lt;p&gt;{PARAGRAPHS[2]}&lt;/p&gt;</content></entry></feed>"""
    [a], _ = read_all(write(tmp_path / "g.atom", atom))
    assert (a.source, a.url, a.published) == ("Gazette Atom", "https://gazette.example/atom/1", "2023-03-15")
    assert a.text == PARAGRAPHS[2]


# --- WARC -------------------------------------------------------------------------------

def make_warc(path: Path, pages: int = 2) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=path.name.endswith(".gz"))
        writer.write_record(writer.create_warcinfo_record("crawl", {"software": "test"}))
        for n in range(pages):
            uri = f"https://gazette.example/story/{n}"
            request = io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
            writer.write_record(writer.create_warc_record(uri, "request", payload=request))
            html = article_page(paragraphs=[f"Story {n}: {p}" for p in PARAGRAPHS]).encode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(html),
                                                          http_headers=headers))
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://gazette.example/logo.png", "response",
                                                      payload=io.BytesIO(b"\x89PNG\r\n"), http_headers=image))
    return path


def test_warc_html_responses_become_articles_with_the_target_uri(tmp_path):
    articles, report = read_all(make_warc(tmp_path / "crawl.warc.gz"))
    assert [a.url for a in articles] == ["https://gazette.example/story/0", "https://gazette.example/story/1"]
    assert articles[1].text.startswith("Story 1: The foreign ministers")
    assert articles[1].provenance["record"] == 5 and articles[1].provenance["offset"] > 0
    assert report.skipped == {"warc: warcinfo record": 1, "warc: request record": 2,
                              "warc: non-HTML record": 1}
    assert report.problems == []


def test_plain_and_gzipped_warc_give_the_same_articles(tmp_path):
    plain, _ = read_all(make_warc(tmp_path / "c.warc"))
    packed, _ = read_all(make_warc(tmp_path / "c.warc.gz"))
    assert [a.id for a in plain] == [a.id for a in packed]


@pytest.mark.parametrize("name", ["whole.warc.gz", "whole.warc"])
@pytest.mark.parametrize("fraction,at_least", [(0.3, 0), (0.5, 1), (0.75, 2), (0.9, 2)])
def test_truncated_warc_keeps_the_records_read(tmp_path, name, fraction, at_least):
    whole = make_warc(tmp_path / name, pages=3).read_bytes()
    cut = write(tmp_path / f"cut-{name}", whole[: int(len(whole) * fraction)])
    articles, report = read_all(cut)
    assert at_least <= len(articles) <= 3
    assert [a.url for a in articles] == [f"https://gazette.example/story/{n}" for n in range(len(articles))]
    [(where, reason)] = report.problems
    assert where == str(cut) and reason.startswith("truncated WARC/gzip after ")


def test_garbage_named_warc_is_a_problem(tmp_path):
    f = write(tmp_path / "junk.warc", "this is not an archive\n" * 20)
    articles, report = read_all(f)
    assert articles == [] and report.problems[0][0] == str(f)
    assert "WARC" in report.problems[0][1]


# --- bad input and folders --------------------------------------------------------------

def test_empty_and_binary_files_are_named_problems(tmp_path):
    empty = write(tmp_path / "empty.txt", b"")
    blank = write(tmp_path / "blank.html", b"  \n\n ")
    binary = write(tmp_path / "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    articles, report = read_all(empty, blank, binary)
    assert articles == []
    assert report.problems == [(str(empty), "empty file"), (str(blank), "empty file"),
                               (str(binary), "binary file (NUL bytes)")]


def test_undeclared_legacy_text_is_detected_and_says_so(tmp_path):
    text = "The minister’s café visit — “a résumé of naïve façades” — drew crowds in Besançon.\n" * 3
    [a], report = read_all(write(tmp_path / "legacy.txt", text.encode("cp1252")))
    assert "naïve façades" in a.text
    assert a.provenance["encoding"] == "cp1252 (detected; not valid UTF-8 and no declared charset)"


def test_undecodable_bytes_are_a_problem(tmp_path):
    import random
    rnd = random.Random(7)
    f = write(tmp_path / "noise.txt", bytes(rnd.randrange(128, 256) for _ in range(4000)))
    articles, report = read_all(f)
    assert articles == []
    assert report.problems == [(str(f), "not valid UTF-8 and no declared charset; charset detection failed")]


def test_a_50_mb_file_is_refused_without_reading_it_all(tmp_path, monkeypatch):
    monkeypatch.setenv("STORYLINE_MAX_FILE_BYTES", str(1024 * 1024))
    big = tmp_path / "huge.txt"
    with open(big, "wb") as fh:
        fh.write(b"Ministers met again in Oslo today.\n" * 1000)
        fh.truncate(50 * 1024 * 1024)
    tracemalloc.start()
    articles, report = read_all(big)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert articles == [] and peak < 8 * 1024 * 1024
    assert report.problems == [
        (str(big), "file larger than the size limit 1.0 MB (set STORYLINE_MAX_FILE_BYTES to raise it)")]


def test_one_bad_file_does_not_stop_the_run_and_problems_are_streamed(tmp_path):
    write(tmp_path / "a.txt", BODY)
    write(tmp_path / "b.txt", b"")
    write(tmp_path / "c.txt", PARAGRAPHS[0])
    seen = []
    articles, report = read_all(tmp_path, tmp_path / "missing.txt", on_problem=lambda p, r: seen.append((p, r)))
    assert len(articles) == 2 and report.files == 3 and report.articles == 2
    assert seen == report.problems == [(str(tmp_path / "b.txt"), "empty file"),
                                       (str(tmp_path / "missing.txt"), "no such file or folder")]


def test_folders_are_walked_sorted_lazily_skipping_hidden_and_unknown(tmp_path):
    for n in range(1500):
        write(tmp_path / f"d{n % 3}" / f"{n:04d}.txt", f"Report number {n} from the harbour.")
    write(tmp_path / ".hidden.txt", "secret")
    write(tmp_path / ".git" / "x.txt", "secret")
    write(tmp_path / "notes.pdf", b"%PDF-1.4")
    report = ReadReport()
    stream = read_paths([tmp_path], report=report)
    first = next(stream)
    assert first.text == "Report number 0 from the harbour." and report.files == 1  # lazy: one file read
    rest = list(stream)
    texts = [first.text] + [a.text for a in rest]
    assert len(texts) == 1500 and texts[1] == "Report number 3 from the harbour."
    assert "secret" not in texts
    assert report.skipped == {"unknown extension .pdf": 1} and report.problems == []


def test_unknown_extension_named_explicitly_is_sniffed(tmp_path):
    page = write(tmp_path / "download", article_page())
    [a], _ = read_all(page)
    assert a.url == "https://gazette.example/world/fisheries-accord"


def test_a_single_path_string_is_one_path(tmp_path):
    f = write(tmp_path / "one.txt", BODY)
    assert [a.text for a in read_paths(str(f))] == [BODY]

