"""Who stands where on a story's proposal, read from cues, events and claims."""
from __future__ import annotations

from storyline.stories.stance import find_proposals, lexicon, overall_stance, story_stances

from .stories_support import actor, article, claim, event

TEXT = ("Norway plans to send engineers to Chile next month. "
        "Sweden has declined to take part in the mission. "
        "Finland is weighing whether to join, officials said. "
        "Among the countries invited are Denmark and Iceland. "
        "The plan faces concerns raised by the governments of Greece and Portugal. "
        "Austria does not intend to send soldiers abroad. "
        "Analysts warned of tensions between Brazil and Argentina.")
COUNTRIES = [("NOR", "Norway"), ("SWE", "Sweden"), ("FIN", "Finland"), ("DNK", "Denmark"),
             ("ISL", "Iceland"), ("GRC", "Greece"), ("PRT", "Portugal"), ("AUT", "Austria"),
             ("BRA", "Brazil"), ("ARG", "Argentina"), ("CHL", "Chile")]


def _stances(articles):
    return overall_stance(story_stances(articles)[1])


def _proposing(text: str, sentence: str, trigger: str, holder: str = "NOR") -> dict:
    """The intended event that puts a proposal on the table."""
    return event(text, "AID", "intended", [holder], sentence, trigger)


def _mission_article():
    actors = [actor(code, name, "country", TEXT) for code, name in COUNTRIES]
    plan = _proposing(TEXT, "Norway plans to send engineers to Chile next month.", "send")
    return article("mission", TEXT, actors=actors, events=[plan])


def test_cues_give_support_opposition_and_indecision_to_the_clause_subject():
    stances = _stances([_mission_article()])
    assert stances["NOR"] == "support"
    assert stances["SWE"] == "oppose"
    assert stances["FIN"] == "undecided"


def test_invited_and_merely_mentioned_countries_get_no_stance():
    stances = _stances([_mission_article()])
    for code in ("DNK", "ISL", "BRA", "ARG", "CHL"):
        assert code not in stances, code


def test_a_passive_agent_holds_the_concern_it_raised():
    stances = _stances([_mission_article()])
    assert stances["GRC"] == "oppose" and stances["PRT"] == "oppose"


def test_a_negated_intention_is_opposition():
    assert _stances([_mission_article()])["AUT"] == "oppose"


def test_without_a_proposal_under_discussion_there_is_no_stance():
    text = "Sweden has declined to comment on the weather. Finland welcomed the spring."
    actors = [actor("SWE", "Sweden", "country", text), actor("FIN", "Finland", "country", text)]
    assert _stances([article("a", text, actors=actors)]) == {}


def test_going_ahead_despite_concerns_is_not_opposition():
    text = "Norway will send engineers to Chile despite concerns at home."
    stances = _stances([article("a", text, actors=[actor("NOR", "Norway", "country", text)],
                                events=[_proposing(text, text, "send")])])
    assert stances == {"NOR": "support"}


def test_a_reported_claim_without_its_own_subject_speaks_for_the_speaker():
    text = ("Chile may deploy troops to the border. "
            "A spokesman for Mexico said the deployment would be a grave danger to the region.")
    actors = [actor("MEX", "Mexico", "country", text), actor("CHL", "Chile", "country", text)]
    said = claim(text, "A spokesman for Mexico", "MEX", "country", "said",
                 "the deployment would be a grave danger to the region")
    plan = event(text, "MOBILIZE", "possible", ["CHL"], "Chile may deploy troops to the border.", "deploy")
    stances = _stances([article("a", text, actors=actors, claims=[said], events=[plan])])
    assert stances == {"MEX": "oppose", "CHL": "support"}


def test_a_minister_speaks_for_her_country():
    text = "Chile asked for help to send a field hospital. Defence minister Ana Ruiz said she was ready to send a field hospital."
    ruiz = actor("ana-ruiz", "Ana Ruiz", "person", text, country="URY")
    plan = event(text, "AID", "hypothetical", [], "Chile asked for help to send a field hospital.", "send")
    assert _stances([article("a", text, actors=[ruiz], events=[plan])]) == {"URY": "support"}


def test_events_carry_stance_but_talks_do_not():
    text = ("Chile would send engineers to Peru. Canada rejected the proposal on Monday. "
            "Peru held talks with Chile about it.")
    actors = [actor("CAN", "Canada", "country", text), actor("PER", "Peru", "country", text),
              actor("CHL", "Chile", "country", text)]
    events = [event(text, "AID", "intended", [], "Chile would send engineers to Peru.", "send"),
              event(text, "REJECT", "asserted", ["CAN"], "Canada rejected the proposal on Monday.", "rejected"),
              event(text, "CONSULT", "asserted", ["PER"], "Peru held talks with Chile about it.", "held talks",
                    recipients=["CHL"])]
    assert _stances([article("a", text, actors=actors, events=events)]) == {"CAN": "oppose"}


def test_near_identical_proposals_become_one_target():
    one = "Norway intends to send engineers to Chile."
    two = "Oslo would send military engineers to Chile within weeks."
    articles = [
        article("a", one, events=[event(one, "AID", "intended", ["NOR"], one, "send")]),
        article("b", two, events=[event(two, "AID", "intended", ["NOR"], two, "send")]),
    ]
    proposals = find_proposals(articles)
    assert len(proposals) == 1
    assert proposals[0].label == "send engineers to Chile"


def test_a_changed_stance_keeps_both_readings_and_the_latest_wins_a_tie():
    early = "Peru is considering whether to send engineers."
    late = "Peru agreed to send engineers after a cabinet vote."
    plan = _proposing(early, early, "send", holder="CHL")
    articles = [article("jan", early, published="2024-01-10", actors=[actor("PER", "Peru", "country", early)],
                        events=[plan]),
                article("feb", late, published="2024-02-10", actors=[actor("PER", "Peru", "country", late)])]
    _, entries = story_stances(articles)
    by_stance = {e["stance"]: e for e in entries if e["actor"] == "PER"}
    assert by_stance["undecided"]["as_of"] == "2024-01-10"
    assert by_stance["support"]["as_of"] == "2024-02-10"
    assert overall_stance(entries)["PER"] == "support"


def test_every_stance_has_evidence_that_is_verbatim_text():
    art = _mission_article()
    _, entries = story_stances([art])
    assert entries
    for entry in entries:
        for e in entry["evidence"]:
            assert art["text"][e["start"]:e["end"]] == e["text"]


def test_the_cue_lexicon_is_data_with_provenance():
    lex = lexicon()
    assert any(c.stance == "support" for c in lex.cues)
    assert any(c.stance == "oppose" for c in lex.cues)
    assert any(c.stance == "undecided" for c in lex.cues)
    assert "not" in lex.negators and "despite" in lex.concessives
