"""Analyse a corpus with Apache Spark: files are spread over executors, each executor loads the
spaCy pipeline once per partition and writes contract Article JSONL.

The expensive step (analysis) is what scales out; storing and story grouping stay in the archive:

    storyline analyze CORPUS/ --spark --output analysed/      # part-*.jsonl, one Article a line
    storyline ingest analysed/ --analysed                     # stores without re-analysing

Needs the ``spark`` extra (``pip install storyline[spark]``) and a Java runtime. With the default
``local[*]`` master it runs on this machine's cores; pass a cluster URL to run on a cluster whose
executors have storyline installed.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Iterable, Iterator

from ..sources import ReadReport
from ..sources.discover import discover


PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])


def _analyse_partition(paths: Iterable[str]) -> Iterator[str]:
    from ..workflow import analyze_articles, read
    for article in analyze_articles(read(list(paths)), mark_duplicates=False):
        yield json.dumps(article.to_dict(), ensure_ascii=False)


def analyze_with_spark(paths: list[str], output: str | Path, master: str = "local[*]",
                       partitions: int | None = None) -> int:
    """Analyse every supported file under ``paths``; returns the number of articles written."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:  # the optional extra is not installed
        raise RuntimeError("Spark support needs the 'spark' extra: pip install 'storyline[spark]'") from exc
    files = [found.name for found in discover(paths, ReadReport()) if found.path is not None]
    if not files:
        raise ValueError("no readable input files under " + ", ".join(map(str, paths)))
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # local executors: this environment
    spark = (SparkSession.builder.master(master).appName("storyline-analyze")
             .config("spark.pyspark.python", sys.executable)  # executors use this environment
             .config("spark.executorEnv.PYTHONPATH", PACKAGE_ROOT)  # … and find this storyline
             .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
             .getOrCreate())
    try:
        context = spark.sparkContext
        rdd = context.parallelize(files, partitions or max(1, min(len(files),
                                                                  context.defaultParallelism * 2)))
        analysed = rdd.mapPartitions(_analyse_partition).cache()
        count = analysed.count()
        analysed.saveAsTextFile(str(output))
        return count
    finally:
        spark.stop()
