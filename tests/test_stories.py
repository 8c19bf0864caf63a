"""Articles become stories: the same event groups together, look-alikes stay apart, ids are
stable, and the Story tells who said what through whom, counting sources honestly."""
from __future__ import annotations

import json
import random
import re

from storyline.stories.briefing import story_markdown
from storyline.stories.cluster import StoryIndex, build_index, cluster_articles, time_features
from storyline.stories.features import article_features
from storyline.stories.synthesis import synthesize_story

from .stories_support import actor, article, claim, event

FLOOD = [
    article("flood-1", "The river Lenna burst its banks in Korvala on Monday, flooding hundreds of homes. "
            "Mayor Ilse Brandt ordered the evacuation of the old town as water levels kept rising.",
            published="2024-04-01", title="Lenna floods Korvala old town"),
    article("flood-2", "Rescue teams in Korvala used boats to reach residents trapped by the Lenna flood. "
            "Mayor Ilse Brandt said the evacuation of the old town was going well.",
            published="2024-04-02", title="Boats reach trapped residents in Korvala"),
    article("flood-3", "Water from the Lenna began to recede in Korvala on Wednesday; Mayor Ilse Brandt "
            "warned that the old town would stay closed until engineers inspect the flood damage.",
            published="2024-04-03", title="Lenna flood recedes, Korvala counts damage"),
]
CHESS = [
    article("chess-1", "Grandmaster Tomas Ekberg won the Hallstad chess open on Sunday after a tense "
            "final round against Mirela Voss, taking the title with a queen sacrifice.",
            published="2024-04-01", title="Ekberg wins Hallstad chess open"),
    article("chess-2", "Tomas Ekberg's queen sacrifice against Mirela Voss decided the Hallstad open, "
            "the tournament director said, calling the final round the best in years.",
            published="2024-04-02", title="Queen sacrifice decides Hallstad open"),
]


def test_articles_about_one_event_form_one_story_and_another_event_another():
    assignment = cluster_articles(FLOOD + CHESS)
    assert len({assignment[a["id"]] for a in FLOOD}) == 1
    assert len({assignment[a["id"]] for a in CHESS}) == 1
    assert assignment["flood-1"] != assignment["chess-1"]


def test_batch_clustering_does_not_depend_on_input_order():
    articles = FLOOD + CHESS
    expected = cluster_articles(articles)
    for seed in range(3):
        shuffled = articles[:]
        random.Random(seed).shuffle(shuffled)
        assert cluster_articles(shuffled) == expected


def test_an_incremental_index_resumes_from_its_json_state_with_the_same_ids():
    whole = StoryIndex()
    ids_whole = [whole.add(a) for a in FLOOD + CHESS]
    first = StoryIndex()
    ids_first = [first.add(a) for a in FLOOD[:2]]
    resumed = StoryIndex.from_state(json.loads(json.dumps(first.state())))
    ids_resumed = [resumed.add(a) for a in FLOOD[2:] + CHESS]
    assert ids_first + ids_resumed == ids_whole
    assert resumed.add(FLOOD[0]) == ids_whole[0]  # adding again changes nothing


def test_an_unknown_date_is_never_agreement():
    index = StoryIndex()
    index.add(FLOOD[0])
    story = next(iter(index.stories.values()))
    assert time_features(None, story, 7.0) == (0.0, 0.0)
    near, far = time_features(story.first, story, 7.0)
    assert near == 1.0 and far == 0.0


def test_resolved_actors_join_articles_that_name_them_differently():
    text_a = "Officials in Paris confirmed the naval exercise near Toulon would go ahead in May."
    text_b = "France confirmed its navy will hold the exercise off the southern coast in May."
    a = article("a", text_a, actors=[actor("FRA", "France", "country", text_a, ["Paris"])])
    b = article("b", text_b, actors=[actor("FRA", "France", "country", text_b, ["France"])])
    index = StoryIndex()
    story = index.stories[index.add(a)]
    features = article_features(b)
    assert index.similarity(features, index.vectors(features), story)["actors"] == 1.0


def _story_with_wire_copies():
    text = ("Reuters reported that officials expect the Korvala dam to reopen on 12 April. "
            "The dam operator agreed to pay for repairs.")
    wire_claim = claim(text, "officials", None, "anonymous", "expect",
                       "the Korvala dam to reopen on 12 April", via=["Reuters"])
    reopen = event(text, "AGREE", "asserted", ["dam-operator"], "The dam operator agreed to pay for repairs.",
                   "agreed", date={"value": "2024-04-12", "granularity": "day", "type": "exact", "end": None})
    payment = event(text, "AID", "intended", ["dam-operator"], "The dam operator agreed to pay for repairs.", "pay")
    first = article("dam-1", text, published="2024-04-05", source="Korvala Post", claims=[wire_claim],
                    events=[reopen, payment], title="Dam to reopen")
    second = article("dam-2", text, published="2024-04-06", source="Lenna Herald", claims=[wire_claim],
                     events=[reopen, payment], title="Dam reopening")
    copy = article("dam-3", text, published="2024-04-06", source="Valley Times", duplicate_of="dam-1")
    return [first, second], [copy]


def test_a_story_counts_outlets_of_copies_but_not_as_independent_sources():
    originals, copies = _story_with_wire_copies()
    story = synthesize_story("story-dam", originals, copies)
    assert story["schema_version"] == 1
    assert set(story["sources"]) == {"Korvala Post", "Lenna Herald", "Valley Times"}
    assert story["independent_sources"] == 2
    assert story["articles"] == ["dam-1", "dam-2", "dam-3"]
    assert story["first_seen"] == "2024-04-05" and story["last_seen"] == "2024-04-06"


def test_two_outlets_quoting_the_same_wire_are_one_origin_for_the_claim():
    originals, copies = _story_with_wire_copies()
    claims = synthesize_story("story-dam", originals, copies)["claims"]
    assert len(claims) == 2
    assert all(c["independent_sources"] == 1 for c in claims)
    assert claims[0]["chain"] == ["officials", "Reuters", "Korvala Post"]


def test_the_same_event_told_twice_is_one_timeline_entry_in_date_order():
    originals, copies = _story_with_wire_copies()
    timeline = synthesize_story("story-dam", originals, copies)["timeline"]
    assert len(timeline) == 1
    assert timeline[0]["date"]["value"] == "2024-04-12"
    assert {e["article"] for e in timeline[0]["events"]} == {"dam-1", "dam-2"}


def test_the_briefing_quotes_only_text_found_at_the_offsets_it_gives():
    originals, copies = _story_with_wire_copies()
    text = originals[0]["text"]
    originals[0]["actors"] = [actor("dam-operator", "dam operator", "organization", text)]
    story = synthesize_story("story-dam", originals, copies)
    md = story_markdown(story, {a["id"]: a for a in originals + copies})
    assert md.startswith("# Dam to reopen")
    assert "| Actor | Stance |" in md and "## Timeline" in md and "## Who claims what" in md
    assert "| dam operator (dam-operator) | support | pay for repairs |" in md
    for art_id, start, end in re.findall(r"\[(dam-\d):(\d+)–(\d+)\]", md):
        quoted = text[int(start):int(end)]
        assert " ".join(quoted.split())[:60].rstrip("…") in md


def test_a_rebuilt_index_keeps_taking_articles_one_by_one():
    index, assignment = build_index(FLOOD[:2] + CHESS)
    assert index.add(FLOOD[2]) == assignment["flood-1"]
    state = json.loads(json.dumps(index.state()))
    assert StoryIndex.from_state(state).story_of["chess-2"] == assignment["chess-1"]
