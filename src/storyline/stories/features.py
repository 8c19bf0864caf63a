"""What an article looks like to the story clusterer: term counts of its title, body and names,
the actors the analysis resolved, and its date.

Names matter most for telling apart two look-alike stories (two earthquakes, two rehab
check-ins): a capitalised word inside a sentence is a cheap, language-general proxy for a
proper name that works even before (or without) the actor layer; resolved actor ids, when the
analysis provides them, are added to the same name space so "Paris" and "France" agree.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

DATA = Path(__file__).resolve().parent / "data"
_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d[\d.,]*\d|\d")
_BREAK = re.compile(r"[.!?:;\"“”\n]")


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """English function words (data file with provenance in its header)."""
    words = set()
    for line in (DATA / "stopwords.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.add(line)
    return frozenset(words)


def fold(text: str) -> str:
    """Accents dropped, typographic apostrophes straightened (ASCII text passes untouched)."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c))


def stem(word: str) -> str:
    """A deliberately light stemmer: plural and possessive endings only.

    Heavier stemming merges words that separate stories ("trainers"/"training" is fine, but
    "arms"/"army" is not); plurals are the bulk of the useful conflation.
    """
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def terms(text: str) -> list[str]:
    """Content words of ``text``: lower-cased, folded, stop words and one-letter tokens dropped."""
    stops = stop_words()
    out = []
    for token in _WORD.findall(fold(text or "").lower()):
        token = token.strip("'-")
        if len(token) < 2 or token in stops:
            continue
        out.append(stem(token))
    return out


def capitalised_names(text: str) -> list[str]:
    """Capitalised words that do not open a sentence: a proxy for proper names.

    A run of capitalised words counts as one name as well as its words ("Tara Reid" → "tara reid",
    "tara", "reid"), so a shared full name weighs more than a shared surname.
    """
    stops = stop_words()
    text = fold(text or "")
    names: list[str] = []
    run: list[str] = []

    def close_run() -> None:
        names.extend(run)
        if len(run) > 1:
            names.append(" ".join(run))
        run.clear()

    previous_end = None
    for match in _WORD.finditer(text):
        word = match.group()
        gap = text[previous_end:match.start()] if previous_end is not None else "."
        opens_sentence = bool(_BREAK.search(gap))
        if gap.strip() and run:
            close_run()  # punctuation between two capitalised words ends the name
        if word[:1].isupper() and not opens_sentence and word.lower() not in stops and len(word) > 1:
            run.append(stem(word.lower()))
        elif run:
            close_run()
        previous_end = match.end()
    if run:
        close_run()
    return names


def parse_day(value: Any) -> date | None:
    """The day of an ISO date (``2024-06-06``, ``2024-06-06T10:00``); None for anything coarser."""
    if not value or not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def article_day(article: Mapping[str, Any]) -> date | None:
    """Publication day; an estimate only when it names a day. Unknown stays None."""
    day = parse_day(article.get("published"))
    if day is None:
        estimate = article.get("published_estimate") or {}
        day = parse_day(estimate.get("value") if isinstance(estimate, dict) else None)
    return day


# Kinds of actor that identify a story; outlets and anonymous sources do not.
_STORY_ACTOR_KINDS = {"country", "igo", "person", "organization", "group", None}


@dataclass
class ArticleFeatures:
    id: str
    day: date | None
    title: Counter = field(default_factory=Counter)
    body: Counter = field(default_factory=Counter)
    names: Counter = field(default_factory=Counter)
    actors: frozenset = frozenset()

    def vocabulary(self) -> set[str]:
        """The keys counted in document frequencies (names live in their own ``@`` space)."""
        return set(self.title) | set(self.body) | {"@" + n for n in self.names}


def article_features(article: Mapping[str, Any]) -> ArticleFeatures:
    title = article.get("title") or ""
    text = article.get("text") or ""
    if title and text.startswith(title):
        text = text[len(title):]  # converters often repeat the title as the first line
    actors = frozenset(a["id"] for a in article.get("actors") or []
                       if a.get("id") and a.get("kind") in _STORY_ACTOR_KINDS)
    names = Counter(capitalised_names(title) + capitalised_names(text))
    names.update({"#" + a: 2 for a in actors})
    title_terms = terms(title)
    return ArticleFeatures(
        id=str(article["id"]), day=article_day(article),
        title=Counter(title_terms), body=Counter(title_terms + terms(text)),
        names=names, actors=actors)


class DocumentFrequencies:
    """Document frequencies that grow as articles arrive (JSON-able)."""

    def __init__(self, counts: Mapping[str, int] | None = None, documents: int = 0):
        self.counts: Counter = Counter(counts or {})
        self.documents = documents

    def add(self, features: ArticleFeatures) -> None:
        self.documents += 1
        self.counts.update(features.vocabulary())

    def idf(self, key: str) -> float:
        """Smoothed idf (as scikit-learn's ``smooth_idf``): unseen terms get the highest weight."""
        return math.log((1 + self.documents) / (1 + self.counts.get(key, 0))) + 1.0

    def state(self) -> dict[str, Any]:
        return {"documents": self.documents, "counts": dict(self.counts)}

    @classmethod
    def from_state(cls, state: Mapping[str, Any] | None) -> "DocumentFrequencies":
        state = state or {}
        return cls(state.get("counts"), state.get("documents", 0))


def weigh(counts: Mapping[str, int], df: DocumentFrequencies, prefix: str = "") -> dict[str, float]:
    """Unit-length TF-IDF vector with sublinear term frequency."""
    vector = {t: (1.0 + math.log(c)) * df.idf(prefix + t) for t, c in counts.items() if c > 0}
    norm = math.sqrt(sum(w * w for w in vector.values()))
    return {t: w / norm for t, w in vector.items()} if norm else {}


def dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def top_terms(vector: Mapping[str, float], k: int) -> Iterable[str]:
    return (t for t, _ in sorted(vector.items(), key=lambda kv: (-kv[1], kv[0]))[:k])
