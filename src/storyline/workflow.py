"""Database-free jobs shared by the library and the CLI: analyse files, group them into stories.

Duplicates are marked within one run the same way the archive marks them across runs.
"""
from __future__ import annotations

from typing import Callable, Iterable, Iterator

from .model import Article

ProblemHook = Callable[[str, str], None]


def read(paths: Iterable[str], report=None, on_problem: ProblemHook | None = None
         ) -> Iterator[Article]:
    from .sources import read_paths
    return read_paths(list(paths), report=report, on_problem=on_problem)


def analyze_articles(articles: Iterable[Article], on_problem: ProblemHook | None = None,
                     nlp=None, mark_duplicates: bool = True) -> Iterator[Article]:
    """Analyse articles in input order; a near-copy of an earlier one gets ``duplicate_of``.

    Articles too large to analyse are reported through ``on_problem`` and skipped.
    """
    from .analysis.pipeline import MAX_TEXT_CHARS, analyze
    from .stories.dedup import NearDuplicateIndex

    def admissible(stream: Iterable[Article]) -> Iterator[Article]:
        for article in stream:
            where = str(article.provenance.get("path") or article.id)
            if not article.text.strip():
                _report(on_problem, where, "article has no text")
            elif len(article.text) > MAX_TEXT_CHARS:
                _report(on_problem, where, f"article text too large ({len(article.text):,} "
                        f"characters; limit {MAX_TEXT_CHARS:,}, set STORYLINE_MAX_TEXT_CHARS)")
            else:
                yield article

    index = NearDuplicateIndex() if mark_duplicates else None
    for article in analyze(admissible(articles), nlp=nlp):
        if index is not None:
            signature = index.signature(article.text)
            original = index.find(signature)
            if original and original != article.id:
                article.duplicate_of = original
            else:
                index.add(article.id, signature)
        yield article


def analyze_paths(paths: Iterable[str], report=None, on_problem: ProblemHook | None = None,
                  nlp=None) -> Iterator[Article]:
    return analyze_articles(read(paths, report, on_problem), on_problem=on_problem, nlp=nlp)


def cluster(articles: Iterable[Article]) -> list[tuple[str, str | None]]:
    """(article id, story id) per article in input order; duplicates join their original's story."""
    from .stories.cluster import cluster_articles
    analysed = list(articles)
    originals = [a.to_dict() for a in analysed if not a.duplicate_of]
    assignment = cluster_articles(originals)
    return [(a.id, assignment.get(a.duplicate_of or a.id)) for a in analysed]


def _report(hook: ProblemHook | None, where: str, reason: str) -> None:
    if hook:
        hook(where, reason)


def read_analysed(paths: Iterable[str], on_problem: ProblemHook | None = None) -> Iterator[Article]:
    """Contract Article JSONL written earlier (by ``analyze`` or the Spark job), not re-analysed.

    A folder is read as Spark writes it: every ``part-*`` file inside, in name order.
    """
    import json
    from pathlib import Path

    from .model import article_from_dict
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        files.extend(sorted(path.glob("part-*")) if path.is_dir() else [path])
    for path in files:
        try:
            handle = path.open(encoding="utf-8")
        except OSError as exc:
            _report(on_problem, str(path), f"cannot read: {exc.strerror or exc}")
            continue
        with handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    article = article_from_dict(json.loads(line))
                except (ValueError, KeyError, TypeError) as exc:
                    _report(on_problem, f"{path}:{number}", f"not an analysed Article record ({exc})")
                    continue
                article.provenance = {**article.provenance, "analysed_file": str(path), "line": number}
                yield article
