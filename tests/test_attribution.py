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
