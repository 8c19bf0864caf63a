"""The command line: a thin layer where each command maps onto a library call.

Data goes to stdout, progress and errors to stderr. Exit codes: 0 success, 1 failure,
3 finished but some inputs were bad (each named on stderr).
"""
from __future__ import annotations

import json
import os
import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Iterator, List, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

app = typer.Typer(no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
                  help="storyline: news in, a sourced picture of each developing story out.")
err = Console(stderr=True, highlight=False)
EXIT_PARTIAL = 3
EXAMPLES = Path(__file__).parent / "examples"
DB_HELP = "database: a SQLite file path (default storyline.db) or postgresql://user@host/db"


class Format(str, Enum):
    json = "json"
    jsonl = "jsonl"
    md = "md"
    text = "text"


class ExportFormat(str, Enum):
    plover = "plover"
    csv = "csv"
    graphml = "graphml"
    jsonl = "jsonl"


class Problems:
    """Collects bad inputs and prints each to stderr as it happens."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, where: str, reason: str) -> None:
        self.count += 1
        err.print(f"[red]error[/red]: {where}: {reason}", soft_wrap=True)

    def exit(self) -> None:
        if self.count:
            err.print(f"{self.count} input problem(s); the rest was processed.")
            raise typer.Exit(EXIT_PARTIAL)


@contextmanager
def progress(label: str) -> Iterator:
    """A live counter on stderr when it is a terminal; silent in pipes and CI logs."""
    if not err.is_terminal:
        yield lambda n=1: None
        return
    with Progress(SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(),
                  TextColumn("{task.completed} articles"), TimeElapsedColumn(),
                  console=err, transient=True) as bar:
        task = bar.add_task(label, total=None)
        yield lambda n=1: bar.advance(task, n)


def _print_json(value) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def _print_jsonl(value) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")


def _print_rows(rows: list[dict], format: Format, line) -> None:
    """A list result as tab-separated text (``line`` makes one row's fields), JSONL or JSON."""
    if format == Format.text:
        for row in rows:
            sys.stdout.write("\t".join(str(v) for v in line(row)) + "\n")
    elif format == Format.jsonl:
        for row in rows:
            _print_jsonl(row)
    else:
        _print_json(rows)


def _open(db: Optional[str]):
    import storyline
    try:
        return storyline.open(db)
    except Exception as exc:  # a wrong URL, a server that does not answer
        err.print(f"[red]error[/red]: cannot open database {db or 'storyline.db'}: {exc}")
        raise typer.Exit(1)


@app.command()
def analyze(paths: List[str] = typer.Argument(..., help="files, folders, or - for JSONL on stdin"),
            format: Format = typer.Option(Format.jsonl, "--format", "-f"),
            spark: bool = typer.Option(False, "--spark", help="analyse with Apache Spark (extra 'spark')"),
            master: str = typer.Option("local[*]", help="with --spark: the Spark master URL"),
            output: Optional[Path] = typer.Option(None, "--output", "-o",
                                                  help="with --spark: folder for part-*.jsonl")):
    """Analyse articles and print one contract Article per line (no database)."""
    from .workflow import analyze_paths
    if spark:
        from .scale.spark import analyze_with_spark
        if output is None:
            err.print("[red]error[/red]: --spark needs --output FOLDER")
            raise typer.Exit(1)
        try:
            count = analyze_with_spark(paths, output, master=master)
        except (RuntimeError, ValueError) as exc:
            err.print(f"[red]error[/red]: {exc}")
            raise typer.Exit(1)
        err.print(f"{count} articles analysed into {output}")
        return
    problems = Problems()
    with progress("analysing") as tick:
        for article in analyze_paths(paths, on_problem=problems):
            record = article.to_dict()
            _print_jsonl(record) if format != Format.json else _print_json(record)
            sys.stdout.flush()
            tick()
    problems.exit()


@app.command()
def ingest(paths: List[str] = typer.Argument(..., help="files, folders, or - for JSONL on stdin"),
           db: Optional[str] = typer.Option(None, help=DB_HELP),
           analysed: bool = typer.Option(False, "--analysed",
                                         help="inputs are Article JSONL from analyze/--spark: store "
                                              "without analysing again")):
    """Store articles with their analyses and assign them to stories (idempotent)."""
    archive = _open(db)
    problems = Problems()
    with progress("ingesting") as tick:
        if analysed:
            from .workflow import read_analysed
            report = archive.ingest_articles(read_analysed(paths, on_problem=problems),
                                             progress=tick, on_problem=problems, analysed=True)
        else:
            report = archive.ingest(paths, progress=tick, on_problem=problems)
    err.print(f"added {report.added}, near-duplicates {report.duplicates}, "
              f"already stored {report.unchanged}; archive: {report.stories} stories, "
              f"{report.actors} actors")
    problems.exit()


@app.command()
def search(query: str, db: Optional[str] = typer.Option(None, help=DB_HELP),
           limit: int = 20, format: Format = typer.Option(Format.text, "--format", "-f")):
    """Full-text search over stored articles."""
    _print_rows(_open(db).search(query, limit=limit), format,
                lambda h: (h["id"], h["published"] or "-", h["title"] or "", h["snippet"]))


@app.command()
def stories(db: Optional[str] = typer.Option(None, help=DB_HELP),
            q: Optional[str] = typer.Option(None, help="full-text filter"),
            actor: Optional[str] = None, outlet: Optional[str] = None,
            since: Optional[str] = None, until: Optional[str] = None,
            sort: str = "activity", limit: int = 50,
            rebuild: bool = typer.Option(False, "--rebuild",
                                         help="re-cluster the whole archive first (as a batch)"),
            format: Format = typer.Option(Format.json, "--format", "-f")):
    """List stories (contract Story objects, without timeline and claims detail)."""
    archive = _open(db)
    if rebuild:
        err.print(f"{archive.rebuild_stories()} stories after re-clustering the archive")
    try:
        found = archive.stories(q=q, actor=actor, outlet=outlet, since=since, until=until,
                                  sort=sort, limit=limit)
    except ValueError as exc:
        err.print(f"[red]error[/red]: {exc}")
        raise typer.Exit(1)
    _print_rows(found, format, lambda s: (
        s["id"], f"{s.get('first_seen') or '-'}..{s.get('last_seen') or '-'}",
        f"{len(s.get('articles', []))} articles", s.get("title") or ""))


@app.command()
def story(story_id: str = typer.Argument(..., metavar="ID"),
          db: Optional[str] = typer.Option(None, help=DB_HELP),
          format: Format = typer.Option(Format.json, "--format", "-f")):
    """One story in full: JSON (the contract) or md (a readable briefing)."""
    archive = _open(db)
    found = archive.story(story_id)
    if found is None:
        err.print(f"[red]error[/red]: no story {story_id!r} in {archive.url}")
        raise typer.Exit(1)
    if format == Format.md:
        from .stories.briefing import story_markdown
        articles = {a: archive.article(a) for a in found.get("articles", [])}
        sys.stdout.write(story_markdown(found, articles))
    else:
        _print_json(found)


@app.command()
def actors(db: Optional[str] = typer.Option(None, help=DB_HELP),
           story: Optional[str] = typer.Option(None, help="only actors of this story"),
           format: Format = typer.Option(Format.text, "--format", "-f")):
    """Actors in the archive (or in one story), most mentioned first."""
    _print_rows(_open(db).actors(story=story), format,
                lambda a: (a["id"], a["kind"], a["country"] or "-", a["articles"], a["name"]))


@app.command()
def cluster(paths: List[str] = typer.Argument(..., help="files, folders, or - for JSONL on stdin"),
            format: Format = typer.Option(Format.jsonl, "--format", "-f")):
    """Group input articles into stories without a database: {"id", "story"} per line."""
    from .workflow import analyze_paths
    from .workflow import cluster as cluster_articles
    problems = Problems()
    with progress("analysing") as tick:
        analysed = []
        for article in analyze_paths(paths, on_problem=problems):
            analysed.append(article)
            tick()
    for article_id, story_id in cluster_articles(analysed):
        _print_jsonl({"id": article_id, "story": story_id})
    problems.exit()


@app.command()
def export(format: ExportFormat = typer.Option(..., "--format", "-f"),
           db: Optional[str] = typer.Option(None, help=DB_HELP),
           story: Optional[str] = typer.Option(None, help="only the articles of this story"),
           table: str = typer.Option("events", help="csv: events, actors or claims"),
           output: Optional[Path] = typer.Option(None, "--output", "-o", help="file (default stdout)")):
    """Export stored analyses: PLOVER JSON, CSV, GraphML (actor network) or contract JSONL."""
    from .export import write_export
    archive = _open(db)
    records = archive.iter_articles()
    if story:
        members = set((archive.story(story) or {}).get("articles", []))
        if not members:
            err.print(f"[red]error[/red]: no story {story!r}")
            raise typer.Exit(1)
        records = (r for r in records if r["id"] in members or r.get("story") == story)
    stream = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        write_export(format.value, records, stream, table=table)
    except ValueError as exc:
        err.print(f"[red]error[/red]: {exc}")
        raise typer.Exit(1)
    finally:
        if output:
            stream.close()


@app.command()
def serve(db: Optional[str] = typer.Option(None, help=DB_HELP),
          host: str = typer.Option("127.0.0.1", help="interface to bind (default: this machine only)"),
          port: int = 8000,
          token: Optional[str] = typer.Option(None, help="token for writes (or STORYLINE_TOKEN)")):
    """Serve the web UI and JSON API."""
    from .web import serve as serve_web
    serve_web(db, host=host, port=port, token=token or os.environ.get("STORYLINE_TOKEN"))


@app.command()
def demo(db: str = typer.Option("storyline.db", help=DB_HELP),
         serve_ui: bool = typer.Option(True, "--serve/--no-serve", help="serve the web UI after"),
         port: int = 8000):
    """The main job on the bundled examples: ingest them, summarise, serve the UI."""
    archive = _open(db)
    problems = Problems()
    with progress("ingesting examples") as tick:
        report = archive.ingest([str(EXAMPLES)], progress=tick, on_problem=problems)
    counts = archive.counts()
    sys.stdout.write(
        f"database: {archive.url}\n"
        f"articles: {counts['articles']} stored ({report.added} new, "
        f"{report.duplicates} near-duplicates, {report.unchanged} already stored)\n"
        f"actors found: {counts['actors']}\nevents: {counts['events']}\n"
        f"claims: {counts['claims']}\nstories: {counts['stories']}\n")
    for s in archive.stories(limit=5):
        sys.stdout.write(f"  story {s['id']}: {s.get('title')} ({len(s.get('articles', []))} "
                         f"articles, {len(s.get('stances', []))} stances)\n")
    sys.stdout.flush()
    if serve_ui:
        from .web import serve as serve_web
        token = os.environ.get("STORYLINE_TOKEN")
        err.print(f"serving http://127.0.0.1:{port}/ (Ctrl-C to stop)")
        serve_web(db, host="127.0.0.1", port=port, token=token)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
