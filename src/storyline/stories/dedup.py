"""Near-duplicate articles: the same wire copy republished by many outlets.

A republished copy must not count as an independent source, yet its outlet still matters
("carried by 40 outlets"), so the store keeps it as ``duplicate_of`` the first copy seen and
the story counts its outlet. MinHash over word shingles (datasketch) with an LSH index keeps
the look-up sub-linear; the candidate is then confirmed on the estimated Jaccard similarity,
because LSH banding alone lets some pairs below the threshold through.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Union

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE_WORDS = 3
# Texts shorter than this share too few shingles for MinHash to say anything trustworthy:
# two unrelated one-line items would look identical as often as not.
MIN_WORDS = 8
_SEED = 1
# datasketch 2 made the permutation scheme explicit; stored signatures only compare under the
# scheme that made them, so it is pinned (and omitted for datasketch 1.x, which had one scheme).
_SCHEME = "affine32"
_WORD = re.compile(r"\w+")

TextOrSignature = Union[str, bytes]


def _words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _WORD.findall(text.lower())


def _new_minhash(num_perm: int, hashvalues=None) -> MinHash:
    try:
        return MinHash(num_perm=num_perm, seed=_SEED, hashvalues=hashvalues, scheme=_SCHEME)
    except TypeError:  # datasketch < 2
        return MinHash(num_perm=num_perm, seed=_SEED, hashvalues=hashvalues)


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Overlapping word n-grams; punctuation, case and accents do not make copies differ."""
    words = _words(text)
    if len(words) < MIN_WORDS:
        return set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


class NearDuplicateIndex:
    """Finds an earlier article whose text is near-identical (estimated Jaccard ≥ threshold)."""

    def __init__(self, threshold: float = 0.8, num_perm: int = NUM_PERM):
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._order: dict[str, int] = {}       # article id → insertion rank (earliest wins)
        self._minhashes: dict[str, MinHash] = {}

    def signature(self, text: str) -> bytes:
        """The MinHash of ``text`` as bytes (little-endian uint64s); empty for too-short texts."""
        grams = shingles(text)
        if not grams:
            return b""
        mh = _new_minhash(self.num_perm)
        mh.update_batch([g.encode("utf-8") for g in sorted(grams)])
        return mh.hashvalues.astype("<u8").tobytes()

    def _minhash(self, text_or_signature: TextOrSignature) -> MinHash | None:
        sig = (self.signature(text_or_signature) if isinstance(text_or_signature, str)
               else bytes(text_or_signature))
        if not sig:
            return None
        values = np.frombuffer(sig, dtype="<u8").astype(np.uint64)
        if len(values) != self.num_perm:
            raise ValueError(f"signature has {len(values)} hash values, index expects {self.num_perm}")
        return _new_minhash(self.num_perm, values)

    def find(self, text_or_signature: TextOrSignature) -> str | None:
        """Id of the earliest indexed article near-identical to this one, or None."""
        mh = self._minhash(text_or_signature)
        if mh is None:
            return None
        matches = [key for key in self._lsh.query(mh)
                   if self._minhashes[key].jaccard(mh) >= self.threshold]
        return min(matches, key=self._order.__getitem__) if matches else None

    def add(self, article_id: str, text_or_signature: TextOrSignature) -> None:
        """Index an article (re-adding an id is a no-op; too-short texts are not indexed)."""
        if article_id in self._order:
            return
        mh = self._minhash(text_or_signature)
        if mh is None:
            return
        self._order[article_id] = len(self._order)
        self._minhashes[article_id] = mh
        self._lsh.insert(article_id, mh)

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._order
