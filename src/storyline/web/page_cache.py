"""Rendered story pages, kept while the story they show is unchanged.

A story page is made from the story record and its articles' records. Stored articles never
change after ingest (re-ingesting adds nothing), so a digest of the story record alone names
the page exactly: when an ingest changes the story, the digest changes and the page is rebuilt.
The digest doubles as the page's ``ETag``, so a browser's repeat visit can be a 304.
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
