"""Rendered story pages, kept while the story they show is unchanged.

A story page is made from the story record and its articles' records. Stored articles never
change after ingest (re-ingesting adds nothing), and a story is re-synthesised only when its
articles change, so ``story_version`` (a digest of the story's membership, dates, title and
stances, cheap even for a story of hundreds of articles whose full record runs to megabytes)
names the page: an ingest that touches the story changes it and the page is rebuilt. The
version doubles as the page's ``ETag``, so a browser's repeat visit can be a 304.
"""
from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from typing import Any


def digest(record: Any) -> str:
    text = json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def story_version(story: dict[str, Any]) -> str:
    return digest({key: story.get(key) for key in (
        "id", "title", "first_seen", "last_seen", "articles", "duplicates", "sources",
        "stances")} | {"timeline": len(story.get("timeline") or []),
                       "claims": len(story.get("claims") or [])})


class PageCache:
    """A small LRU of page bodies (a big story's page is a few hundred kB)."""

    def __init__(self, capacity: int = 64):
        self.capacity = capacity
        self._pages: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        with self._lock:
            body = self._pages.get(key)
            if body is not None:
                self._pages.move_to_end(key)
            return body

    def put(self, key: str, body: bytes) -> None:
        with self._lock:
            self._pages[key] = body
            self._pages.move_to_end(key)
            while len(self._pages) > self.capacity:
                self._pages.popitem(last=False)
