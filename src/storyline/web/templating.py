"""The Jinja2 environment shared by every page: autoescaping always on, a few small filters."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, urlsplit

from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"


def path_part(value: object) -> str:
    """Quote an id for use as one URL path segment (ids may hold ``/`` or ``?``)."""
    return quote(str(value), safe="")


def web_url(value: object) -> str | None:
    """An article's own URL, only if it is http(s): ``javascript:`` links never reach a page."""
    text = str(value or "").strip()
    return text if urlsplit(text).scheme.lower() in ("http", "https") else None


def name_of(actor_id: object, names: dict) -> str:
    return str(names.get(actor_id) or actor_id)


def counted(n: int | None, singular: str, plural: str | None = None) -> str:
    """``1 article``, ``2 articles``, ``1 story``, ``3 stories``."""
    n = n or 0
    return f"{n:,} {singular if n == 1 else plural or singular + 's'}"


def excerpt(text: str | None, limit: int = 240) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def article_label(article: dict | None, article_id: str) -> str:
    """How a link to an article reads: its outlet, else its title, else its date, else its id."""
    article = article or {}
    published = article.get("published")
    return (article.get("source") or excerpt(article.get("title"), 60)
            or (f"article of {published}" if published else str(article_id)))


def make_templates() -> Jinja2Templates:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["id_path"] = path_part
    env.filters["excerpt"] = excerpt
    env.filters["web_url"] = web_url
    env.filters["name_of"] = name_of
    env.filters["counted"] = counted
    env.globals["article_label"] = article_label
    return Jinja2Templates(env=env)
