"""What the story and article pages show is shaped from contract records by small functions.

The records here are written by hand (sentences of our own), so each test states exactly what a
reader must see, whatever the analysis currently finds.
"""
from __future__ import annotations

from storyline.web.actor_graph import EVENT_FAMILIES, actor_graph
from storyline.web.highlight import article_marks, segment_text
from storyline.web.stance_board import stance_board
from storyline.web.story_claims import story_claims
from storyline.web.timeline import timeline

TEXT = ("Norway will send two frigates to the Baltic Sea next week, defence minister Kari "
        "Nordmann said on Monday. Russia accused Oslo of provocation.")


def span(text: str, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(text, start + 1)
    return {"start": start, "end": start + len(text), "text": text}


def article(id_: str = "a1", source: str | None = "Nordic Wire") -> dict:
    return {
        "id": id_, "source": source, "text": TEXT,
        "actors": [{"id": "NOR", "name": "Norway", "kind": "country",
                    "mentions": [span("Norway"), span("Oslo")]},
                   {"id": "RUS", "name": "Russia", "kind": "country",
                    "mentions": [span("Russia")]}],
        "claims": [{"speaker": {"text": "Kari Nordmann", "actor": "kari-nordmann", "kind": "person",
                                **{k: span("Kari Nordmann")[k] for k in ("start", "end")}},
                    "cue": span("said"),
                    "content": span("Norway will send two frigates to the Baltic Sea next week"),
                    "direct": False, "via": []}],
        "events": [{"type": "MOBILIZE", "modality": "intended", "actor": ["NOR"],
                    "recipient": ["RUS"], "evidence": span("Norway will send two frigates")},
                   {"type": "ACCUSE", "modality": "asserted", "actor": ["RUS"],
                    "recipient": ["NOR"], "evidence": span("Russia accused Oslo of provocation")},
                   {"type": "SUPPORT", "modality": "negated", "actor": ["RUS"],
                    "recipient": ["NOR"], "evidence": span("Russia accused Oslo")}],
        "dates": [{**span("next week"), "value": "2024-W23"},
                  {**span("Monday"), "value": "2024-06-03"}],
    }


def test_the_highlighted_text_reads_exactly_as_the_article():
    segments = segment_text(TEXT, article_marks(article()))
    assert "".join(s.text for s in segments) == TEXT


def test_a_date_inside_a_claim_is_marked_as_both():
    segments = segment_text(TEXT, article_marks(article()))
    next_week = next(s for s in segments if s.text == "next week")
    assert {m.kind for m in next_week.marks} == {"date", "content"}
    assert "2024-W23" in next_week.title


def test_every_mention_of_an_actor_carries_its_id():
    segments = segment_text(TEXT, article_marks(article()))
    assert {s.text for s in segments if s.actor == "NOR"} == {"Norway", "Oslo"}


def test_offsets_outside_the_text_are_ignored_rather_than_trusted():
    bad = article()
    bad["dates"].append({"start": len(TEXT) - 2, "end": len(TEXT) + 50, "text": "?", "value": None})
    bad["dates"].append({"start": 10, "end": 5, "text": "?", "value": None})
    segments = segment_text(TEXT, article_marks(bad))
    assert "".join(s.text for s in segments) == TEXT


def test_each_actor_sits_in_the_column_of_its_stance():
    story = {"actors": [{"id": "ESP", "name": "Spain"}, {"id": "FRA", "name": "France"}],
             "stances": [
                 {"actor": "FRA", "target": "trainers", "stance": "support", "as_of": "2024-05-30",
                  "evidence": [{"article": "a1", "start": 0, "end": 5, "text": "Paris"}]},
                 {"actor": "ESP", "target": "trainers", "stance": "oppose", "as_of": "2024-06-02",
                  "evidence": []},
                 {"actor": "EST", "target": "air defence", "stance": "undecided", "as_of": None,
                  "evidence": []},
                 {"actor": "XXX", "target": "trainers", "stance": "maybe", "evidence": []}]}
    board = stance_board(story)
    assert [p.target for p in board] == ["trainers", "air defence"]
    trainers = board[0]
    assert [e.name for e in trainers.columns["support"]] == ["France"]
    assert [e.name for e in trainers.columns["oppose"]] == ["Spain"]
    assert trainers.columns["undecided"] == []
    assert trainers.columns["support"][0].as_of == "2024-05-30"


def test_an_actor_graph_colours_edges_by_event_family_and_leaves_out_negated_events():
    graph = actor_graph(article()["events"], {"NOR": "Norway", "RUS": "Russia"})
    assert {(e.source, e.target, e.family) for e in graph.edges} == {
        ("NOR", "RUS", "material-conflict"), ("RUS", "NOR", "verbal-conflict")}
    assert {n.id for n in graph.nodes} == {"NOR", "RUS"}
    assert all(0 <= n.x <= graph.width and 0 <= n.y <= graph.height for n in graph.nodes)


def test_every_plover_type_belongs_to_one_family():
    from storyline.model import PLOVER_TYPES
    assert set(EVENT_FAMILIES) == set(PLOVER_TYPES)


def test_a_claim_carried_by_two_outlets_is_shown_once_with_two_sources():
    wire, reprint = article("a1", "Nordic Wire"), article("a2", "Baltic Daily")
    wire["claims"].append({"speaker": {"text": "officials", "actor": None, "kind": "anonymous"},
                           "cue": span("accused"), "content": span("Oslo of provocation"),
                           "direct": False, "via": ["Nordic Wire"]})
    story = {"claims": [{"article": "a1", "claim": 0}, {"article": "a2", "claim": 0},
                        {"article": "a1", "claim": 1}, {"article": "a1", "claim": 9}]}
    claims = story_claims(story, {"a1": wire, "a2": reprint})
    assert len(claims) == 2
    first, second = claims
    assert first.source_count == 2 and first.chain == ["Kari Nordmann", "Nordic Wire"]
    assert second.source_count == 1 and second.chain == ["officials", "Nordic Wire"]


def test_a_timeline_entry_resolves_its_events_and_skips_dangling_references():
    story = {"timeline": [{"date": {"value": "2024-06-03", "granularity": "day"},
                           "summary": "Russia objects",
                           "events": [{"article": "a1", "event": 1},
                                      {"article": "gone", "event": 0},
                                      {"article": "a1", "event": 7}]}]}
    (entry,) = timeline(story, {"a1": article()})
    assert entry.date == "2024-06-03"
    assert [e.type for e in entry.events] == ["ACCUSE"]
    assert "RUS → NOR" in entry.events[0].label


def test_a_long_timeline_can_be_cut_to_its_latest_entries():
    story = {"timeline": [{"date": {"value": f"2024-06-{day:02d}"}, "summary": str(day),
                           "events": []} for day in range(1, 31)]}
    latest = timeline(story, {}, latest=5)
    assert [e.date for e in latest] == [f"2024-06-{day}" for day in range(26, 31)]
