"""Spark spreads analysis over executors; the archive stores the result without re-analysing."""
from __future__ import annotations

import json
import shutil

import pytest

pytest.importorskip("pyspark")
if not shutil.which("java"):
    pytest.skip("Spark needs a Java runtime", allow_module_level=True)

from storyline.scale.spark import analyze_with_spark  # noqa: E402
from storyline.workflow import read_analysed  # noqa: E402

TEXTS = {
    "a.txt": "date 2024-02-01\ntitle Port strike\n\nDock workers in Rotterdam began a strike on "
             "Thursday, the union said, demanding higher wages.",
    "b.txt": "date 2024-02-02\ntitle Port strike spreads\n\nThe strike spread to Antwerp on Friday "
             "as the union called on workers across Belgium to join.",
    "c.txt": "date 2024-02-03\n\nFarmers blocked roads near Brussels with tractors on Saturday.",
}


def test_spark_analyses_every_file_and_the_archive_stores_it_as_is(tmp_path, archive):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, body in TEXTS.items():
        (corpus / name).write_text(body, encoding="utf-8")
    out = tmp_path / "analysed"
    count = analyze_with_spark([str(corpus)], out, master="local[2]", partitions=2)
    assert count == 3
    records = [json.loads(line) for part in sorted(out.glob("part-*")) for line in part.open()]
    assert sorted(r["published"] for r in records) == ["2024-02-01", "2024-02-02", "2024-02-03"]
    assert all(r["schema_version"] == 1 for r in records)

    report = archive.ingest_articles(read_analysed([str(out)]), analysed=True)
    assert report.added == 3
    stored = archive.article(records[0]["id"])
    assert stored["actors"] == records[0]["actors"] and stored["events"] == records[0]["events"]


def test_a_broken_analysed_line_is_named_and_skipped(tmp_path):
    bad = tmp_path / "analysed.jsonl"
    bad.write_text('{"id": "x"}\nnot json\n', encoding="utf-8")
    problems = []
    assert list(read_analysed([str(bad)], on_problem=lambda w, r: problems.append(w))) == []
    assert problems == [f"{bad}:1", f"{bad}:2"]
