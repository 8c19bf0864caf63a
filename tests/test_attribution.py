"""The claims layer: who said what, through whom. Sentences written for these tests."""
from __future__ import annotations

import pytest

from storyline.analysis import extensions  # noqa: F401  (registers Doc._ attributes)
from storyline.analysis.attribution import annotate_claims
from storyline.analysis.attribution_quotes import quote_regions
from storyline.analysis.pipeline import _load_base
from storyline.model import Actor, Span


@pytest.fixture(scope="module")
def nlp():
    return _load_base(None)


def claims_of(nlp, text, actors=None):
    doc = nlp(text)
    doc._.notes = {}
    doc._.actors = actors or []
    annotate_claims(doc)
    return doc._.claims


def only(claims):
    assert len(claims) == 1, [c.to_dict() for c in claims]
    return claims[0]


def test_indirect_speech_keeps_that_clause_and_is_not_direct(nlp):
    c = only(claims_of(nlp, "The mayor said that the bridge would reopen in May."))
    assert c.speaker.text == "The mayor"
    assert c.cue.text == "said"
    assert c.content.text == "that the bridge would reopen in May"
    assert c.direct is False


def test_quotation_before_the_speaker_is_direct_speech(nlp):
    text = "“We will not back down from this fight,” the finance minister said on Tuesday."
    c = only(claims_of(nlp, text))
    assert c.speaker.text == "the finance minister"
    assert c.content.text == "“We will not back down from this fight,”"
    assert c.direct is True
    assert (c.speaker.start, c.speaker.end) == (text.index("the finance"), text.index(" said"))


def test_split_quotation_is_one_claim_from_first_to_last_mark(nlp):
    text = "“The harvest is lost,” the farmer said, “and nobody is coming to help us.”"
    c = only(claims_of(nlp, text))
    assert c.content.start == 0 and c.content.end == len(text)
    assert c.direct is True


def test_quotation_running_over_paragraphs_stays_one_content(nlp):
    text = ("The governor said: “The levee held for three days.\n\n"
            "“Then the river rose again and we ordered everyone out.”\n\nRescue teams arrived later.")
    c = only(claims_of(nlp, text))
    assert c.content.text.startswith("“The levee held")
    assert c.content.text.endswith("ordered everyone out.”")
    assert c.direct is True


def test_according_to_anonymous_officials(nlp):
    text = "The talks collapsed on Friday, according to two officials familiar with the matter."
    c = only(claims_of(nlp, text))
    assert c.cue.text == "according to"
    assert c.content.text == "The talks collapsed on Friday"
    assert c.speaker.text.startswith("two officials")
    assert c.speaker.kind == "anonymous"


def test_sources_cited_by_an_agency_speak_via_that_agency(nlp):
    text = ("The ceasefire could be announced within days, according to diplomatic sources "
            "cited by Reuters.")
    c = only(claims_of(nlp, text))
    assert c.speaker.text == "diplomatic sources"
    assert c.speaker.kind == "anonymous"
    assert c.via == ["Reuters"]


def test_as_reported_by_a_newspaper_makes_the_newspaper_the_speaker(nlp):
    text = "The ministry has ordered new tanks from a German firm, as reported by Le Monde."
    c = only(claims_of(nlp, text))
    assert c.speaker.text == "Le Monde"
    assert c.speaker.kind == "outlet"
    assert c.content.text == "The ministry has ordered new tanks from a German firm"


def test_speaker_telling_an_outlet_is_relayed_by_it(nlp):
    c = only(claims_of(nlp, "The senator told CNN that she would vote against the bill."))
    assert c.speaker.text == "The senator"
    assert c.via == ["CNN"]


def test_cognitive_cue_fear_is_an_attribution(nlp):
    c = only(claims_of(nlp, "Coastal farmers fear that the new dam will dry out their fields."))
    assert c.cue.text == "fear"
    assert c.speaker.text == "Coastal farmers"


def test_media_reports_are_the_press_speaking(nlp):
    c = only(claims_of(nlp, "Last week, media reports indicated that the minister had resigned."))
    assert c.speaker.text == "media reports"
    assert c.speaker.kind == "outlet"


def test_attribution_nested_in_reported_content_is_not_a_second_claim(nlp):
    text = "The diplomats said Paris hoped to lead a coalition of countries."
    c = only(claims_of(nlp, text))
    assert c.speaker.text == "The diplomats"
    assert "hoped to lead" in c.content.text


def test_one_of_the_unnamed_officials_is_anonymous(nlp):
    text = "“The deal is nearly done,” said one of the unnamed officials."
    c = only(claims_of(nlp, text))
    assert c.speaker.text == "one of the unnamed officials"
    assert c.speaker.kind == "anonymous"
    assert c.direct is True


def test_pronoun_speaker_resolves_to_the_person_named_before(nlp):
    text = "Maria Lopez chaired the meeting.\n\nShe said the budget would be cut by a tenth."
    start = text.index("Maria Lopez")
    lopez = Actor(id="maria-lopez", name="Maria Lopez", kind="person",
                  mentions=[Span(start, start + 11, "Maria Lopez")])
    c = only(claims_of(nlp, text, actors=[lopez]))
    assert c.speaker.text == "She"
    assert c.speaker.actor == "maria-lopez"
    assert c.speaker.kind == "person"


def test_speaker_takes_the_actor_of_its_phrase(nlp):
    text = "The Kremlin's spokesman claimed that the exercise was a provocation."
    start = text.index("Kremlin")
    russia = Actor(id="RUS", name="Russia", kind="country", mentions=[Span(start, start + 7, "Kremlin")])
    c = only(claims_of(nlp, text, actors=[russia]))
    assert c.speaker.actor == "RUS"
    assert c.speaker.text == "The Kremlin's spokesman"


def test_narrative_without_attribution_has_no_claims(nlp):
    assert claims_of(nlp, "The army crossed the river on Monday and took the bridge.") == []


def test_works_without_any_actor_layer_output(nlp):
    doc = nlp("Officials said the road was closed.")
    doc._.notes = None
    doc._.actors = None
    annotate_claims(doc)
    assert doc._.claims and doc._.claims[0].speaker.actor is None


def test_quote_regions_pair_curly_and_straight_marks():
    text = 'He said “yes” and then "no".'
    regions = [(r.start, r.end) for r in quote_regions(text)]
    assert [text[s:e] for s, e in regions] == ["“yes”", '"no"']


def test_participle_spelling_out_the_statement_is_one_speech_act(nlp):
    text = ("The envoy emphasized the government's position, stating that no troops "
            "would be sent abroad.")
    c = only(claims_of(nlp, text))
    assert c.cue.text == "stating"
    assert c.speaker.text == "The envoy"


def test_they_refers_back_to_the_named_governments(nlp):
    text = ("Several members object because of concerns raised by the governments of Spain and "
            "Italy. They fear that the drills could escalate the war.")
    start = text.index("Spain")
    spain = Actor(id="ESP", name="Spain", kind="country", mentions=[Span(start, start + 5, "Spain")])
    claims = [c for c in claims_of(nlp, text, actors=[spain]) if c.cue.text == "fear"]
    assert len(claims) == 1
    assert claims[0].speaker.text == "They"
    assert claims[0].speaker.actor == "ESP"


def test_headline_name_colon_is_an_attribution(nlp):
    text = ("Mayor Ortiz: ‘The Harbor Will Stay Open.’\n\n"
            "The harbor authority met on Monday to discuss the dredging budget.")
    claims = [c for c in claims_of(nlp, text) if c.cue.text == ":"]
    c = only(claims)
    assert c.speaker.text == "Mayor Ortiz"
    assert c.content.text == "‘The Harbor Will Stay Open.’"


def test_headline_label_is_not_a_speaker(nlp):
    text = "Update: Storm closes the coastal highway.\n\nCrews were out all night."
    assert [c for c in claims_of(nlp, text) if c.cue.text == ":"] == []


def test_headline_topic_after_on_is_not_part_of_the_speaker(nlp):
    text = "Lindqvist on the Pension Reform: It Comes Too Late.\n\nThe vote is next week."
    c = only([c for c in claims_of(nlp, text) if c.cue.text == ":"])
    assert c.speaker.text == "Lindqvist"
    assert c.content.text == "It Comes Too Late"


def test_transcript_turn_in_capitals_is_an_attribution(nlp):
    text = ("The interview was aired on Sunday.\n\n"
            "HOLLAND: We never promised lower fares this year.")
    c = only([c for c in claims_of(nlp, text) if c.cue.text == ":"])
    assert c.speaker.text == "HOLLAND"
    assert c.content.text == "We never promised lower fares this year"


def test_noun_cue_with_a_light_verb_takes_its_complement(nlp):
    c = only(claims_of(nlp, "The union voiced support for the nurses' strike."))
    assert c.cue.text == "voiced support for"
    assert c.speaker.text == "The union"
    assert c.content.text == "the nurses' strike"


def test_possessor_of_a_noun_cue_is_its_source(nlp):
    text = "The minister's claim that exports had doubled was disputed by economists."
    c = only([c for c in claims_of(nlp, text) if c.cue.text == "claim"])
    assert c.speaker.text == "The minister"
    assert c.content.text == "that exports had doubled"


def test_sourceless_noun_cue_is_left_alone(nlp):
    assert claims_of(nlp, "Criticism of the new stadium grew over the summer.") == []


def test_reported_clause_does_not_swallow_the_headline_above(nlp):
    text = ("Port strike ends after nine days.\n\n"
            "A union statement said the dockers would return to work on Thursday.")
    c = only(claims_of(nlp, text))
    assert c.content.text == "the dockers would return to work on Thursday"


def test_speaker_going_on_to_another_speech_act_ends_the_content(nlp):
    text = "The coach said he would rest three players and added that the captain was fit."
    first, second = claims_of(nlp, text)
    assert first.content.text == "he would rest three players"
    assert (second.cue.text, second.speaker.text) == ("added", "The coach")
    assert second.content.text == "that the captain was fit"


def test_object_content_runs_over_the_verbs_complement(nlp):
    text = "The senator accused the agency of hiding the report."
    c = only(claims_of(nlp, text))
    assert c.content.text == "the agency of hiding the report"


def test_setting_of_a_statement_is_not_its_content(nlp):
    text = "The governor praised the rescue teams in an interview."
    c = only(claims_of(nlp, text))
    assert c.content.text == "the rescue teams"


def test_addressee_of_an_urging_is_part_of_the_content(nlp):
    c = only(claims_of(nlp, "The bishop urged the rebels to lay down their arms."))
    assert c.content.text == "the rebels to lay down their arms"


def test_dangling_conjunction_is_trimmed():
    from storyline.analysis.attribution_rules import trim
    text = "the plan is fair and"
    assert text[slice(*trim(text, 0, len(text)))] == "the plan is fair"


def test_quote_closing_the_previous_paragraph_is_not_joined(nlp):
    text = ("She called it “a good start.”\n\n"
            "Okafor said, “We will need twice as many nurses by spring.”")
    claims = [c for c in claims_of(nlp, text) if c.speaker.text == "Okafor"]
    c = only(claims)
    assert c.content.text == "“We will need twice as many nurses by spring.”"


def test_seeming_is_a_sourceless_judgement_over_the_whole_clause(nlp):
    c = only(claims_of(nlp, "The ferry company seemed to be losing patience with the port."))
    assert c.cue.text == "seemed"
    assert c.speaker.text == "" and c.speaker.start is None
    assert c.content.text == "The ferry company seemed to be losing patience with the port"


def test_appearing_on_television_is_not_a_judgement(nlp):
    assert claims_of(nlp, "The mayor appeared at the ceremony in a red coat.") == []


def test_object_noun_with_a_that_clause_is_part_of_the_cue(nlp):
    text = "The auditor expressed amazement that the accounts did not balance."
    c = only(claims_of(nlp, text))
    assert c.cue.text == "expressed amazement"
    assert c.content.text == "that the accounts did not balance"


def test_cue_inside_a_quotation_belongs_to_the_quoted_speech(nlp):
    text = "“I think the bridge is safe,” the engineer said."
    c = only(claims_of(nlp, text))
    assert c.cue.text == "said"
    assert c.content.text == "“I think the bridge is safe,”"


def test_finished_quote_before_the_next_speech_is_not_joined(nlp):
    text = ("The mayor called the plan “a good start.” He added, “We will need twice as many "
            "nurses by spring.”")
    added = only([c for c in claims_of(nlp, text) if c.cue.text == "added"])
    assert added.content.text == "“We will need twice as many nurses by spring.”"


def test_quote_with_its_own_speech_is_not_joined_to_the_one_before(nlp):
    text = "“The roof leaks,” she said. “The heating fails too,” she added."
    claims = claims_of(nlp, text)
    assert [c.content.text for c in claims] == ["“The roof leaks,”", "“The heating fails too,”"]


def test_object_glued_to_a_quoted_label_is_part_of_the_content(nlp):
    c = only(claims_of(nlp, "The senator called the budget “a disgrace.”"))
    assert c.content.text == "the budget “a disgrace.”"


def test_relative_pronoun_is_the_source_and_the_antecedent_the_actor(nlp):
    text = "The talks were led by Maria Lopez, who said that a deal was close."
    start = text.index("Maria Lopez")
    lopez = Actor(id="maria-lopez", name="Maria Lopez", kind="person",
                  mentions=[Span(start, start + 11, "Maria Lopez")])
    c = only(claims_of(nlp, text, actors=[lopez]))
    assert c.speaker.text == "who"
    assert c.speaker.actor == "maria-lopez"
    assert c.content.text == "that a deal was close"


def test_question_put_by_an_unnamed_asker_has_no_source(nlp):
    text = "Asked about the strike, the minister said talks would resume."
    claims = claims_of(nlp, text)
    question = only([c for c in claims if c.cue.text.lower() == "asked about"])
    assert question.speaker.text == "" and question.speaker.start is None
    assert question.content.text == "the strike"
    said = only([c for c in claims if c.cue.text == "said"])
    assert said.speaker.text == "the minister"


def test_passive_question_keeps_the_person_asked_out_of_the_source(nlp):
    c = only(claims_of(nlp, "She was asked if the plan would survive."))
    assert c.cue.text == "was asked"
    assert c.speaker.start is None
    assert c.content.text == "if the plan would survive"


def test_wanting_something_done_is_a_stated_aim(nlp):
    c = only(claims_of(nlp, "The growers want the ministry to lift the export ban."))
    assert c.cue.text == "want"
    assert c.content.text == "the ministry to lift the export ban"


def test_time_of_the_saying_is_not_part_of_what_was_said(nlp):
    c = only(claims_of(nlp, "The mayor said on Friday the bridge would reopen in May."))
    assert c.content.text == "the bridge would reopen in May"


def test_sentence_opening_connective_is_left_out_of_the_content(nlp):
    text = "Still, the harvest will be late this year, according to the farmers' union."
    c = only(claims_of(nlp, text))
    assert c.content.text == "the harvest will be late this year"


def test_dateline_taken_as_subject_gives_way_to_the_real_speaker(nlp):
    text = "BERLIN (AP) — Chancellor Weber said the talks would continue."
    c = only(claims_of(nlp, text))
    assert c.speaker.text == "Chancellor Weber"


def test_quoted_fragment_runs_on_to_the_end_of_the_sentence(nlp):
    c = only(claims_of(nlp, "The coach said “nobody is safe” until the season ends."))
    assert c.content.text == "“nobody is safe” until the season ends"


def test_prepositional_content_keeps_what_the_verb_adds_after_it(nlp):
    c = only(claims_of(nlp, "The unions railed against the budget for cutting pensions."))
    assert c.content.text == "the budget for cutting pensions"


def test_doubled_apostrophes_are_quotation_marks(nlp):
    text = "''We will not close the mill,'' the owner said."
    c = only(claims_of(nlp, text))
    assert c.content.text == "''We will not close the mill,''"
    assert c.direct is True


def test_opening_mark_of_the_next_quotation_is_not_part_of_the_content(nlp):
    text = "The owner said the mill would stay open. ''We have orders until spring,'' he added."
    c = only([c for c in claims_of(nlp, text) if c.cue.text == "said"])
    assert c.content.text == "the mill would stay open"


def test_a_mark_that_can_only_open_starts_a_new_quotation():
    text = "She said ''we tried. ''Nobody listened,'' she added."
    regions = [text[r.start:r.end] for r in quote_regions(text) if r.closed]
    assert regions == ["''Nobody listened,''"]


def test_partly_quoted_content_running_on_joins_the_next_quotation(nlp):
    text = ("Members pay more “because they expect good service,” the manager said. "
            "“Public courses cannot keep up.”")
    c = only(claims_of(nlp, text))
    assert c.content.text.startswith("Members pay more")
    assert c.content.text.endswith("“Public courses cannot keep up.”")


def test_inner_single_quote_before_a_doubled_closing_mark():
    text = "He said, ''She told me 'you can win.''' Then he left."
    regions = [text[r.start:r.end] for r in quote_regions(text)]
    assert regions == [text[text.index("''"):text.index(" Then")]]


def test_connective_before_a_parenthetical_speech_is_left_out(nlp):
    c = only(claims_of(nlp, "Still, he said, the plant will close in March."))
    assert c.content.text == "the plant will close in March"


def test_quotation_before_a_speech_verb_without_a_parsed_clause_is_its_content(nlp):
    # the parser gives "asked" no clause here: the quotation closing right before the speaker is it
    c = only(claims_of(nlp, "“Who will pay for the repairs?” the councillor asked."))
    assert c.speaker.text == "the councillor"
    assert c.content.text == "“Who will pay for the repairs?”"
    assert c.direct is True


def test_question_quote_goes_on_after_the_speech_sentence(nlp):
    text = "“Who will pay for the repairs?” the councillor asked. “Not the residents.”"
    c = only(claims_of(nlp, text))
    assert c.content.start == 0 and c.content.end == len(text)


def test_abbreviation_in_the_speech_does_not_end_it_before_the_next_quotation(nlp):
    text = ("“The bridge is safe,” the engineer said at a hearing in Albany, N.Y. "
            "“We checked every cable last spring.”")
    c = only(claims_of(nlp, text))
    assert c.content.start == 0 and c.content.end == len(text)


def test_participle_of_a_speech_verb_after_a_comma_is_not_what_was_said(nlp):
    text = "The union said the shift rota was unfair to night workers, pointing to a survey of its members."
    said = next(c for c in claims_of(nlp, text) if c.cue.text == "said")
    assert said.content.text == "the shift rota was unfair to night workers"


def test_content_cut_before_a_nested_speech_drops_the_dangling_relative_word(nlp):
    claims = claims_of(nlp, "The senator said the plan would hurt dairy farmers, who she said had suffered enough.")
    first = next(c for c in claims if c.speaker.text == "The senator")
    assert first.content.text == "the plan would hurt dairy farmers"
    claims = claims_of(nlp, "Officials said the border would stay open, even though the army says it is unsafe.")
    first = next(c for c in claims if c.speaker.text == "Officials")
    assert first.content.text == "the border would stay open"


def test_a_speech_parsed_inside_another_speech_keeps_its_own_quotation(nlp):
    # "she said" is parsed as the clause of the second "said": each speaker keeps one quotation
    text = "“The orchard is lost,” she said, but despite the frost, “we will replant in April,” said the grower."
    claims = claims_of(nlp, text)
    by_speaker = {c.speaker.text: c.content.text for c in claims}
    assert by_speaker["she"] == "“The orchard is lost,”"
    assert "she said" not in by_speaker["the grower"]
    assert by_speaker["the grower"].endswith("“we will replant in April,”")


def test_the_listener_of_told_is_not_what_was_said(nlp):
    # "told Reuters" / "told reporters" names who heard it; with no clause or quotation there is
    # nothing said, but "told a story" is a telling
    assert claims_of(nlp, "The lawyer told Reuters.") == []
    assert claims_of(nlp, "The lawyer told reporters on the steps of the court.") == []
    assert only(claims_of(nlp, "The farmer told a story about the flood.")).content.text \
        == "a story about the flood"
    c = only(claims_of(nlp, "“We will appeal the ruling,” the lawyer told Reuters."))
    assert c.content.text == "“We will appeal the ruling,”"


def test_as_someone_told_an_outlet_comments_on_the_main_clause(nlp):
    c = only(claims_of(nlp, "As the minister told Reuters, the mine will close in May."))
    assert c.speaker.text == "the minister"
    assert c.content.text == "the mine will close in May"


def test_a_quotation_closing_the_previous_paragraph_is_not_the_next_speakers_clause(nlp):
    # the parser glues the two paragraphs into one sentence and hangs the quote on "said"
    text = ("“Then, I intend to leave quickly.”\n\n"
            "Morales, who calls the plan a “fraud,” said he doesn’t believe it will work.")
    said = next(c for c in claims_of(nlp, text) if c.cue.text == "said")
    assert said.content.text == "he doesn’t believe it will work"
