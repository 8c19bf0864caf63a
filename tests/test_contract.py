"""Every record storyline emits keeps the public JSON contract, offsets included."""
from __future__ import annotations

from storyline.contract import validate_article, validate_story
from storyline.workflow import analyze_paths

from .conftest import EXAMPLES

WRITTEN = """date 2024-09-12
title Ministers meet over grain corridor

Turkey's foreign minister met his Ukrainian counterpart in Ankara on Tuesday, officials said.
"We will not accept any blockade of the Black Sea," the minister told reporters, according to
the state news agency. Russia warned that it could halt the talks next week if the shipments
continued, while the European Union said it would send additional aid to Kyiv.
"""


def test_the_bundled_examples_analyse_into_valid_contract_articles(nlp):
    articles = [a.to_dict() for a in analyze_paths([str(EXAMPLES)], nlp=nlp)]
    assert len(articles) == 2
    for record in articles:
        assert validate_article(record) == [], record["id"]


def test_a_written_article_with_quotes_threats_and_dates_is_contract_valid(tmp_path, nlp):
    path = tmp_path / "grain.txt"
    path.write_text(WRITTEN, encoding="utf-8")
    [record] = [a.to_dict() for a in analyze_paths([str(path)], nlp=nlp)]
    assert record["published"] == "2024-09-12"
    assert record["title"] == "Ministers meet over grain corridor"
    assert record["text"].startswith("Turkey's foreign minister")
    assert validate_article(record) == []


def test_the_validator_catches_offsets_that_do_not_point_at_their_text():
    record = {"schema_version": 1, "id": "x", "url": None, "source": None, "title": None,
              "published": "2024-01-01", "published_estimate": None, "language": "en",
              "text": "France said so.", "duplicate_of": None,
              "actors": [{"id": "FRA", "name": "France", "kind": "country", "country": "FRA",
                          "role": None, "mentions": [{"start": 0, "end": 6, "text": "Franc"}]}],
              "events": [{"type": "SEND", "modality": "asserted", "actor": ["DEU"], "recipient": [],
                          "evidence": {"start": 0, "end": 15, "text": "France said so."}}],
              "claims": [], "dates": []}
    problems = validate_article(record)
    assert any("mentions[0]" in p for p in problems)
    assert any("type 'SEND'" in p for p in problems)
    assert any("'DEU' is not among the actors" in p for p in problems)


def test_stories_from_the_archive_keep_the_story_contract(archive):
    archive.ingest([str(EXAMPLES)])
    stories = archive.stories(detail=True)
    assert stories
    for story in stories:
        assert validate_story(story) == []
        assert validate_story(archive.story(story["id"])) == []
