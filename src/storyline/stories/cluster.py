"""Story clustering: online, incremental, with stable story ids.

Each arriving article is compared with the stories that share a distinctive term with it
(an inverted index keeps this sub-linear). Candidates are **ranked** by a weighted mix of
similarities — title, body TF-IDF, names and resolved actors, time proximity — and then a
**separate decision** says whether the best candidate is close enough or the article opens a
new story (weights: ``data/cluster_model.json``). An unknown date is never agreement: its time
features are zero, neither near nor far.

A story's id derives from its founding article's id, so re-running on the same corpus in the same
order gives the same ids; ``cluster_articles`` sorts its input first (date, then a hash of the id,
which keeps ids from leaking order) so its result does not depend on input order at all.
"""
from __future__ import annotations

import hashlib
import json
import math
from itertools import islice
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

from .features import (ArticleFeatures, DocumentFrequencies, article_day, article_features, dot,
                       top_terms, weigh)

MODEL_PATH = Path(__file__).resolve().parent / "data" / "cluster_model.json"
STATE_VERSION = 1
_SPACES = ("title", "body", "names")
_PREFIX = {"title": "", "body": "", "names": "@"}


@dataclass(frozen=True)
class ClusterModel:
    rank_weights: dict[str, float]
    decision_weights: dict[str, float]
    decision_bias: float
    time_scale_days: float
    centroid_terms: dict[str, int]
    query_terms: int
    shortlist: int = 25
    max_postings: int = 200

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> "ClusterModel":
        raw = json.loads(path.read_text(encoding="utf-8"))
        return cls(raw["rank_weights"], raw["decision_weights"], raw["decision_bias"],
                   raw["time_scale_days"], raw["centroid_terms"], raw["query_terms"],
                   raw.get("shortlist", 25), raw.get("max_postings", 200))


@lru_cache(maxsize=1)
def default_model() -> ClusterModel:
    return ClusterModel.load()


def story_id_for(founding_article_id: str) -> str:
    return "story-" + hashlib.sha1(founding_article_id.encode("utf-8")).hexdigest()[:12]


@dataclass
class StoryProfile:
    """What the clusterer remembers of a story: centroids (sums of unit vectors), actors, dates."""
    id: str
    articles: list[str] = field(default_factory=list)
    centroids: dict[str, dict[str, float]] = field(
        default_factory=lambda: {space: {} for space in _SPACES})
    actors: Counter = field(default_factory=Counter)
    first: date | None = None
    last: date | None = None
    norms: dict[str, float] = field(default_factory=dict)

    def norm(self, space: str) -> float:
        if space not in self.norms:
            self.norms[space] = math.sqrt(sum(w * w for w in self.centroids[space].values()))
        return self.norms[space]

    def similarities(self, space: str, vector: Mapping[str, float]) -> tuple[float, float]:
        """(cosine with the centroid, mean cosine with the members), from one dot product.

        The mean is average-link similarity (a sum of unit vectors / n). Unlike the centroid
        cosine it does not flatter a diffuse story: a story that has drifted across two
        look-alike events has a long, thin centroid and a low mean similarity.
        """
        centroid = self.centroids[space]
        if not vector or not centroid or not self.articles:
            return 0.0, 0.0
        product = dot(vector, centroid)
        norm = self.norm(space)
        return (product / norm if norm else 0.0), product / len(self.articles)

    def absorb(self, article_id: str, vectors: Mapping[str, Mapping[str, float]],
               actors: Iterable[str], day: date | None, limits: Mapping[str, int]) -> None:
        self.articles.append(article_id)
        for space in _SPACES:
            centroid = self.centroids[space]
            for term, weight in vectors[space].items():
                centroid[term] = centroid.get(term, 0.0) + weight
            limit = limits.get(space)
            if limit and len(centroid) > limit:
                # Bounded centroids keep memory flat on long-running stories.
                self.centroids[space] = {t: centroid[t] for t in top_terms(centroid, limit)}
        self.norms.clear()
        self.actors.update(actors)
        if day:
            self.first = min(self.first or day, day)
            self.last = max(self.last or day, day)

    def state(self) -> dict[str, Any]:
        return {"id": self.id, "articles": self.articles,
                "centroids": {s: {t: round(w, 6) for t, w in c.items()} for s, c in self.centroids.items()},
                "actors": dict(self.actors),
                "first": self.first.isoformat() if self.first else None,
                "last": self.last.isoformat() if self.last else None}

    @classmethod
    def from_state(cls, state: Mapping[str, Any]) -> "StoryProfile":
        return cls(id=state["id"], articles=list(state["articles"]),
                   centroids={s: dict(state["centroids"].get(s, {})) for s in _SPACES},
                   actors=Counter(state.get("actors") or {}),
                   first=date.fromisoformat(state["first"]) if state.get("first") else None,
                   last=date.fromisoformat(state["last"]) if state.get("last") else None)


def time_features(day: date | None, story: StoryProfile, scale: float) -> tuple[float, float]:
    """(near, far): both zero when either date is unknown, so no date is no agreement."""
    if day is None or story.first is None:
        return 0.0, 0.0
    gap = max((story.first - day).days, (day - story.last).days, 0)
    near = math.exp(-gap / scale)
    return near, 1.0 - near


@dataclass(frozen=True)
class Candidate:
    story: StoryProfile
    features: dict[str, float]
    rank: float
    decision: float


class StoryIndex:
    """Online story assignment; ``state()`` is JSON-able and ``from_state`` resumes it."""

    def __init__(self, model: ClusterModel | None = None):
        self.model = model or default_model()
        self.df = DocumentFrequencies()
        self.stories: dict[str, StoryProfile] = {}
        self.story_of: dict[str, str] = {}
        # term → story ids, most recently updated last (a dict keeps insertion order), so a
        # query can walk only the freshest ``max_postings`` stories of a very common term.
        self._postings: dict[str, dict[str, None]] = defaultdict(dict)
        self.frozen_df = False  # batch mode: frequencies known up front, not grown per article

    # --- persistence -----------------------------------------------------------------------
    @classmethod
    def from_state(cls, state: Mapping[str, Any] | None, model: ClusterModel | None = None) -> "StoryIndex":
        index = cls(model)
        if not state:
            return index
        if state.get("version") != STATE_VERSION:
            raise ValueError(f"story index state version {state.get('version')!r} is not {STATE_VERSION}")
        index.df = DocumentFrequencies.from_state(state.get("df"))
        for raw in state.get("stories", []):
            story = StoryProfile.from_state(raw)
            index.stories[story.id] = story
            for article_id in story.articles:
                index.story_of[article_id] = story.id
            index._post(story)
        return index

    def state(self) -> dict[str, Any]:
        return {"version": STATE_VERSION, "df": self.df.state(),
                "stories": [s.state() for s in self.stories.values()]}

    # --- assignment ------------------------------------------------------------------------
    def _post(self, story: StoryProfile) -> None:
        for space in ("body", "names"):
            for term in story.centroids[space]:
                posting = self._postings[_PREFIX[space] + term]
                posting.pop(story.id, None)
                posting[story.id] = None

    def vectors(self, features: ArticleFeatures) -> dict[str, dict[str, float]]:
        return {space: weigh(getattr(features, space), self.df, _PREFIX[space]) for space in _SPACES}

    def candidates(self, features: ArticleFeatures,
                   vectors: Mapping[str, Mapping[str, float]]) -> list[Candidate]:
        """Stories sharing a distinctive term with the article, best ranked first.

        A cheap first pass accumulates the body and name dot products through the inverted
        index; only the ``shortlist`` stories with the highest of those get the full features.
        """
        overlap: Counter = Counter()
        for space in ("body", "names"):
            prefix = _PREFIX[space]
            for term in top_terms(vectors[space], self.model.query_terms):
                weight = vectors[space][term]
                posting = self._postings.get(prefix + term, {})
                for story_id in islice(reversed(posting), self.model.max_postings):
                    overlap[story_id] += weight * self.stories[story_id].centroids[space].get(term, 0.0)
        found = []
        for story_id, _ in overlap.most_common(self.model.shortlist):
            story = self.stories[story_id]
            feats = self.similarity(features, vectors, story)
            rank = sum(self.model.rank_weights.get(k, 0.0) * v for k, v in feats.items())
            decision = self.model.decision_bias + sum(
                self.model.decision_weights.get(k, 0.0) * v for k, v in feats.items())
            found.append(Candidate(story, feats, rank, decision))
        found.sort(key=lambda c: (-c.rank, c.story.id))
        return found

    def similarity(self, features: ArticleFeatures, vectors: Mapping[str, Mapping[str, float]],
                   story: StoryProfile) -> dict[str, float]:
        near, far = time_features(features.day, story, self.model.time_scale_days)
        shared_actors = 0.0
        if features.actors and story.actors:
            shared_actors = len(features.actors & set(story.actors)) / min(len(features.actors), len(story.actors))
        body, body_mean = story.similarities("body", vectors["body"])
        if vectors["names"] and story.centroids["names"]:
            names, names_mean = story.similarities("names", vectors["names"])
        else:
            # Text without capitalisation (or without any name) says nothing about names: the
            # body stands in for them, as an unknown date stands neither near nor far.
            names, names_mean = body, body_mean
        return {"title": story.similarities("title", vectors["title"])[0], "body": body, "names": names,
                "body_mean": body_mean, "names_mean": names_mean,
                "actors": shared_actors, "time_near": near, "time_far": far}

    def add(self, article: Mapping[str, Any]) -> str:
        """Assign an (analysed, non-duplicate) article to a story; returns the story id."""
        article_id = str(article["id"])
        if article_id in self.story_of:
            return self.story_of[article_id]
        return self.add_features(article_features(article))

    def add_features(self, features: ArticleFeatures) -> str:
        article_id = features.id
        if article_id in self.story_of:
            return self.story_of[article_id]
        if not self.frozen_df:
            self.df.add(features)
        vectors = self.vectors(features)
        ranked = self.candidates(features, vectors)
        if ranked and ranked[0].decision > 0:
            story = ranked[0].story
        else:
            story = StoryProfile(id=story_id_for(article_id))
            self.stories[story.id] = story
        story.absorb(article_id, vectors, features.actors, features.day, self.model.centroid_terms)
        self._post(story)
        self.story_of[article_id] = story.id
        return story.id

    def __len__(self) -> int:
        return len(self.stories)


def arrival_order(article: Mapping[str, Any]) -> tuple:
    """Dated articles first, oldest first; ties and undated ones by a hash of the id.

    Hashing the id (rather than sorting on it) keeps whatever structure ids have — ECB+ ids name
    their topic — from deciding which articles meet first.
    """
    day = article_day(article)
    digest = hashlib.sha1(str(article["id"]).encode("utf-8")).hexdigest()
    return (day is None, day or date.min, digest)


def build_index(articles: Iterable[Mapping[str, Any]], model: ClusterModel | None = None
                ) -> tuple["StoryIndex", dict[str, str]]:
    """Batch clustering that also returns the index, ready to take further articles one by one
    (for an archive rebuilding its stories from scratch): (index, {article id: story id}).

    Document frequencies are taken over the whole batch first (so early articles are weighed
    like late ones), then the articles stream through the index in ``arrival_order``.
    """
    ordered = sorted(articles, key=arrival_order)
    index = StoryIndex(model)
    for article in ordered:
        # Features are computed again in the second pass rather than kept: holding every
        # article's term counts would make memory grow with the batch.
        index.df.add(article_features(article))
    index.frozen_df = True
    assignment = {str(a["id"]): index.add(a) for a in ordered}
    index.frozen_df = False  # from here on, frequencies grow with each new article
    return index, assignment


def cluster_articles(articles: list[Mapping[str, Any]], model: ClusterModel | None = None) -> dict[str, str]:
    """Batch clustering (no database): {article id: story id}, independent of input order."""
    return build_index(articles, model)[1]
