"""The command line as a user runs it: data on stdout, problems on stderr, honest exit codes."""
from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from typer.testing import CliRunner

from storyline.cli import EXIT_PARTIAL, app
from storyline.model import PLOVER_TYPES

from .conftest import EXAMPLES

runner = CliRunner()


@pytest.fixture(autouse=True)
def _shared_pipeline(nlp):
    """The CLI loads the pipeline once per process; the fixture makes that the test session's."""


def test_analyze_prints_one_contract_article_per_line_in_input_order():
    result = runner.invoke(app, ["analyze", str(EXAMPLES), "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["url"].rsplit("/", 1)[-1] for r in records] == sorted(p.name for p in EXAMPLES.iterdir())
    first, second = records
    assert first["published"] == "2024-05-30"
    assert first["text"].startswith("France could soon send")
    assert "Latest news" not in second["text"] and "See all" not in second["text"]


def test_a_bad_file_is_named_on_stderr_and_the_rest_is_still_analysed(tmp_path):
    (tmp_path / "good.txt").write_text("Chile and Peru signed a fishing accord on Monday.", "utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (tmp_path / "empty.txt").write_text("", "utf-8")
    result = runner.invoke(app, ["analyze", str(tmp_path)])
    assert result.exit_code == EXIT_PARTIAL
    assert len(result.stdout.splitlines()) == 1
    assert "bad.txt" in result.stderr and "empty.txt" in result.stderr


def test_ingest_twice_adds_nothing_the_second_time(tmp_path):
    db = str(tmp_path / "cli.db")
    first = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", db])
    assert first.exit_code == 0, first.stderr
    assert "added 2" in first.stderr
    second = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", db])
    assert "added 0" in second.stderr and "already stored 2" in second.stderr
    stories = json.loads(runner.invoke(app, ["stories", "--db", db]).stdout)
    story = json.loads(runner.invoke(app, ["story", stories[0]["id"], "--db", db]).stdout)
    assert story["id"] == stories[0]["id"]
    missing = runner.invoke(app, ["story", "no-such-story", "--db", db])
    assert missing.exit_code == 1 and "no story" in missing.stderr


def test_exports_are_well_formed(tmp_path):
    db = str(tmp_path / "cli.db")
    runner.invoke(app, ["ingest", str(EXAMPLES), "--db", db])
    graph = runner.invoke(app, ["export", "--format", "graphml", "--db", db])
    root = ET.fromstring(graph.stdout)
    nodes = root.findall(".//{http://graphml.graphdrawing.org/xmlns}node")
    assert len(nodes) >= 1
    lines = runner.invoke(app, ["export", "--format", "jsonl", "--db", db]).stdout.splitlines()
    assert len(lines) == 2
    plover = runner.invoke(app, ["export", "--format", "plover", "--db", db])
    assert plover.exit_code == 0, plover.stderr
    records = json.loads(plover.stdout)
    assert records and all(r["event"] in PLOVER_TYPES for r in records)
    csv_out = runner.invoke(app, ["export", "--format", "csv", "--db", db])
    assert csv_out.exit_code == 0, csv_out.stderr


def test_cluster_gives_each_input_article_a_story():
    result = runner.invoke(app, ["cluster", str(EXAMPLES)])
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 2 and all(r["story"] for r in rows)


def test_python_dash_m_reads_jsonl_from_stdin():
    line = json.dumps({"id": "stdin-1", "text": "Kenya and Ethiopia agreed to reopen the border."})
    result = subprocess.run([sys.executable, "-m", "storyline", "analyze", "-"], input=line,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["id"] == "stdin-1"
