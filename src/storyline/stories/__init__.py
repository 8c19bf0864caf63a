"""The stories layer: near-duplicates, story clusters, stances, and the synthesised Story.

Modules, from raw articles to a briefing:
``dedup`` (MinHash near-duplicates) → ``features`` (what an article looks like to the clusterer)
→ ``cluster`` (online story assignment, stable ids) → ``stance`` (proposals and who stands where)
→ ``synthesis`` (the contract's Story) → ``briefing`` (markdown a journalist reads).
"""
