"""Which language an article is written in, so that the English pipeline only codes English.

An English model run over German or Chinese text still produces entities and parses — all of
them junk — so non-English articles are kept (with their language) but not coded. Detection is
deliberately simple: the share of each language's function words among the first words of the
text (lists in ``lexicons/language_function_words.tsv``), and the writing system for scripts
that are not Latin.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path

LEXICON = Path(__file__).parent / "lexicons" / "language_function_words.tsv"
SAMPLE_WORDS = 400
MIN_WORDS = 15
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# Scripts that identify a language family on their own (Unicode character-name prefixes).
SCRIPTS = {"CYRILLIC": "ru", "ARABIC": "ar", "CJK": "zh", "HIRAGANA": "ja", "KATAKANA": "ja",
           "HANGUL": "ko", "GREEK": "el", "HEBREW": "he", "DEVANAGARI": "hi", "THAI": "th"}


@lru_cache(maxsize=1)
def function_words() -> dict[str, frozenset[str]]:
    table = {}
    for line in LEXICON.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, words = line.split("\t", 1)
            table[code] = frozenset(words.split())
    return table


def _dominant_script(text: str) -> str | None:
    counts: Counter[str] = Counter()
    letters = 0
    for char in text[:4000]:
        if char.isalpha():
            letters += 1
            name = unicodedata.name(char, "")
            for prefix, code in SCRIPTS.items():
                if name.startswith(prefix):
                    counts[code] += 1
                    break
    if letters and counts:
        code, n = counts.most_common(1)[0]
        if n / letters > 0.5:
            return code
    return None


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text to tell."""
    script = _dominant_script(text)
    if script:
        return script
    words = [w.lower() for w in WORD.findall(text[:20000])][:SAMPLE_WORDS]
    if len(words) < MIN_WORDS:
        return None  # a headline or one short sentence is too little evidence to overrule
    scores = {code: sum(w in vocabulary for w in words) / len(words)
              for code, vocabulary in function_words().items()}
    best = max(scores, key=scores.get)
    if scores[best] < 0.08:
        return None
    # English wins ties and near-ties: loan words and names make other scores noisy.
    if best != "en" and scores[best] < scores["en"] * 1.3:
        return "en"
    return best
