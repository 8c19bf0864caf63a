"""The event layer: who did what to whom, and whether it really happened.

Every sentence here was written for these tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from storyline.analysis.pipeline import analyze_text

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def events(text: str, published: str = "2025-03-10"):
    return analyze_text(text, published=published).events


def only(text: str, published: str = "2025-03-10"):
    found = events(text, published)
    assert found, f"no event found in {text!r}"
    return found[0]


def test_a_plain_past_attack_is_asserted_with_doer_and_target():
    e = only("Chad attacked Sudan on Monday.")
    assert (e.type, e.modality) == ("ASSAULT", "asserted")
    assert e.actor == ["TCD"] and e.recipient == ["SDN"]


def test_could_makes_an_act_possible_not_done():
    e = only("Norway could send engineers to Ghana.")
    assert (e.type, e.modality) == ("AID", "possible")
    assert e.actor == ["NOR"] and e.recipient == ["GHA"]


def test_a_hoped_for_act_is_intended_and_not_yet_an_agreement():
    e = only("Officials said Portugal hoped to train Angolan police.")
    assert e.type == "AID" and e.modality == "intended"


def test_a_committed_future_cooperation_is_coded_agree_as_plover_does():
    e = only("Japan will provide emergency aid to Nepal.")
    assert e.type == "AGREE" and e.modality == "intended"
    assert e.recipient == ["NPL"]


def test_a_threat_to_impose_sanctions_is_threatened_and_coded_threaten():
    e = only("Brazil threatened to impose sanctions on Paraguay.")
    assert (e.type, e.modality) == ("THREATEN", "threatened")
    assert e.actor == ["BRA"]


def test_a_conditional_act_is_hypothetical():
    found = events("If Peru closes the border, Chile would send troops to the region.")
    kinds = {(e.type, e.modality) for e in found}
    assert any(m == "hypothetical" for _, m in kinds), kinds


def test_a_simple_negation_keeps_the_type_and_marks_it_negated():
    e = only("Kenya did not attack Somalia.")
    assert (e.type, e.modality) == ("ASSAULT", "negated")


def test_a_refusal_is_a_negated_act_coded_reject():
    e = only("Austria refused to deploy soldiers to Mali.")
    assert (e.type, e.modality) == ("REJECT", "negated")
    assert e.actor == ["AUT"]


def test_a_demand_for_withdrawal_is_one_request_not_a_retreat():
    found = events("Egypt demanded the withdrawal of Libyan forces.")
    assert [e.type for e in found] == ["REQUEST"]
    assert found[0].mode == "yield"


def test_compound_actors_are_all_kept():
    e = only("Spain, Italy and Germany criticized the plan.")
    assert e.type == "ACCUSE"
    assert set(e.actor) == {"ESP", "ITA", "DEU"}


def test_a_nominal_predicate_carried_by_a_light_verb_is_an_event():
    e = only("Finland extended invitations to Estonia.")
    assert e.type == "REQUEST" and e.actor == ["FIN"]


def test_a_passive_swaps_doer_and_target():
    e = only("Armenia was attacked by Azerbaijan.")
    assert e.type == "ASSAULT" and e.actor == ["AZE"] and e.recipient == ["ARM"]


def test_an_earthquake_that_kills_is_no_assault():
    assert not [e for e in events("A strong earthquake killed twelve people in the valley.")
                if e.type == "ASSAULT"]


def test_the_clause_date_wins_and_a_missing_one_falls_back_flagged():
    dated = only("Canada will host Mexico on 14 April.")
    undated = only("Canada hosted Mexico.")
    assert undated.date_source == "published-fallback" and undated.date.value == "2025-03-10"
    if dated.date_source == "clause":  # the time layer resolves "14 April"
        assert dated.date.value == "2025-04-14"


def test_an_event_knows_the_words_that_triggered_it_and_its_sentence():
    text = "Rain fell. Turkey condemned the raid by Syria."
    e = only(text)
    assert e.trigger.text == "condemned"
    assert text[e.evidence.start:e.evidence.end] == e.evidence.text == "Turkey condemned the raid by Syria."


def test_empty_and_eventless_documents_do_not_fail():
    assert events("") == []
    assert events("The weather was mild.") == []


def test_a_reported_would_is_an_intention_and_due_to_schedules_an_act():
    e = only("Officials said Belgium would initially send medics to Kenya.")
    assert (e.type, e.modality) == ("AGREE", "intended")  # said ... would: the actor's commitment
    e = only("Belgium would initially send medics to Kenya.")
    assert (e.type, e.modality) == ("AID", "intended")  # a projection, not yet a promise
    e = only("Austria is due to meet Slovenia next week.")
    assert (e.type, e.modality) == ("CONSULT", "intended")


def test_an_event_inside_a_reported_statement_points_to_its_claim():
    a = analyze_text('Poland will send engineers to Moldova, the minister said.', published="2025-03-10")
    assert a.claims, "the attribution layer must find the minister's claim"
    assert a.events and a.events[0].claim == 0


def test_a_demand_that_another_party_act_is_a_request_to_that_party():
    e = only("Greece declared that Turkey must withdraw its ships.")
    assert e.type == "REQUEST" and e.actor == ["GRC"] and e.recipient == ["TUR"]


def test_the_bundled_seed_article_keeps_the_trainers_possible():
    examples = Path(__file__).resolve().parents[1] / "src" / "storyline" / "examples"
    text = (examples / "000_513fd030c96f58c0.txt").read_text(encoding="utf-8")
    text = text.split("2024-05-30", 1)[1]
    found = events(text, published="2024-05-30")
    first = found[0]
    assert (first.type, first.modality, first.actor, first.recipient) == ("AID", "possible", ["FRA"], ["UKR"])
    due = next(e for e in found if e.trigger.text == "due")
    assert due.date.value == "2024-06-06" and due.date_source == "clause"


# -- roles: who is acted upon ---------------------------------------------------------------

def test_the_us_in_capitals_is_a_country_not_the_pronoun_us():
    e = only("Mexico said the US must lift its tariffs.")
    assert e.type == "REQUEST" and e.actor == ["MEX"] and e.recipient == ["USA"]


def test_the_object_noun_names_the_recipient_through_its_prepositions():
    e = only("Canada announced a suspension of trade talks with Ecuador.")
    assert (e.type, e.actor, e.recipient) == ("SANCTION", ["CAN"], ["ECU"])
    e = only("Sweden began the withdrawal of its troops from Mali.")
    assert (e.type, e.actor, e.recipient) == ("RETREAT", ["SWE"], ["MLI"])


def test_of_names_the_victim_of_a_nominal_attack():
    e = only("Turkey launched an invasion of Cyprus in 1974.")
    assert (e.type, e.actor, e.recipient) == ("ASSAULT", ["TUR"], ["CYP"])


def test_a_demanded_act_points_at_its_doer_not_at_the_place_it_leaves():
    e = only("Norway demanded the withdrawal of Russian forces from Georgia.")
    assert e.type == "REQUEST" and e.recipient == ["RUS"]


def test_a_complaint_over_raids_is_aimed_at_the_raiders():
    e = only("Peru complained to the United Nations about Chilean border raids.")
    assert e.type == "ACCUSE" and "CHL" in e.recipient


def test_a_demand_in_the_passive_is_aimed_at_the_party_that_must_change():
    e = only("Togo demanded that sanctions on Benin be lifted.")
    assert e.type == "REQUEST" and e.recipient == ["BEN"]


def test_the_condition_of_a_threat_names_its_target():
    e = only("Farmers threatened to block highways unless Argentina lowered export taxes.")
    assert e.type == "THREATEN" and e.recipient == ["ARG"]


def test_a_group_named_by_a_known_place_acts_for_its_country():
    e = only("Ugandan troops attacked Darfur rebels on Sunday.")
    assert (e.actor, e.recipient) == (["UGA"], ["SDN"])


# -- roles PLOVER leaves implicit -----------------------------------------------------------

def test_a_protest_in_a_country_is_by_and_against_that_country():
    e = only("Thousands of students demonstrated in Kenya on Friday.")
    assert (e.type, e.actor, e.recipient) == ("PROTEST", ["KEN"], ["KEN"])


def test_a_crackdown_with_no_named_target_is_domestic():
    e = only("Bolivian police arrested forty opposition activists on Tuesday.")
    assert (e.type, e.actor, e.recipient) == ("COERCE", ["BOL"], ["BOL"])


def test_an_attack_on_a_known_city_is_aimed_at_its_country():
    e = only("Ghanaian troops shelled villages near Aleppo on Monday.")
    assert (e.type, e.actor, e.recipient) == ("ASSAULT", ["GHA"], ["SYR"])


def test_an_unclaimed_bombing_is_coded_with_the_country_it_hit_and_counted_once():
    found = [e for e in events("A roadside bomb near Kandahar killed two Canadian soldiers "
                               "and wounded three others.") if e.type == "ASSAULT"]
    assert len(found) == 1
    assert (found[0].actor, found[0].recipient) == (["AFG"], ["CAN"])


def test_an_ethnic_group_is_coded_by_the_country_it_lives_in():
    e = only("Ethnic Hungarians in Slovakia staged a rally on Sunday.")
    assert e.type == "PROTEST" and e.actor == ["SVK"]


def test_other_countries_in_a_report_include_the_reporting_side():
    e = only("Brazil announced that two other countries will send doctors to Haiti.")
    assert (e.type, e.action, e.actor, e.recipient) == ("AGREE", "AID", ["BRA"], ["HTI"])


def test_a_churchman_is_not_taken_for_the_country_he_criticises():
    e = only("Archbishop Paulo Mendes condemned the sanctions against Nigeria.")
    assert e.type == "ACCUSE" and "NGA" not in e.actor


def test_a_folded_event_keeps_the_act_it_promises():
    e = only("Japan will provide emergency aid to Nepal.")
    assert (e.type, e.action) == ("AGREE", "AID")
    assert only("Chad attacked Sudan on Monday.").action is None  # nothing folded


def test_talks_a_delegation_travels_for_are_the_travellers_consultation():
    e = only("Kenyan and Somali negotiators returned to Nairobi for talks.")
    assert e.type == "CONSULT" and set(e.actor) == {"KEN", "SOM"}


def test_a_participle_after_a_refusal_is_a_second_act_not_its_content():
    found = {e.type: e for e in events("Chile rejected the Bolivian proposal, urging new negotiations.")}
    assert {"REJECT", "REQUEST"} <= set(found)
    assert found["REJECT"].actor == ["CHL"] and found["REJECT"].recipient == ["BOL"]


def test_an_office_holder_stands_for_the_one_country_named_unless_an_igo_titles_him():
    e = only("Former Prime Minister Jan Kowalski demanded early elections in Poland.")
    assert e.actor == ["POL"]
    e = only("Arab League Secretary-General Amr Salem urged the African Union to support Sudan.")
    assert "SDN" not in e.actor and "ARAB" in e.actor


def test_lifting_a_curfew_or_calling_off_a_strike_is_a_concession():
    e = only("Peru lifted the curfew in Lima on Sunday.")
    assert e.type == "CONCEDE" and e.actor == ["PER"]
    found = events("The Kenyan teachers' union called off its strike on Monday.")
    assert [e.type for e in found] == ["CONCEDE"]


def test_forcing_people_out_of_their_homes_is_an_expulsion():
    e = only("Myanmar troops forced out thousands of villagers from their homes.")
    assert e.type == "ASSAULT" and e.mode == "cleansing"


def test_defacing_websites_is_a_cyber_attack():
    e = only("Hackers defaced hundreds of Estonian government websites.")
    assert (e.type, e.mode) == ("COERCE", "cyber")


def test_a_proposal_an_act_is_about_does_not_swallow_its_rejection():
    e = next(e for e in events("Ghana rejected a Nigerian proposal for holding joint talks.")
             if e.type == "REJECT")
    assert e.actor == ["GHA"] and e.recipient == ["NGA"]


def test_a_message_saying_another_party_must_act_is_a_demand():
    e = only("Portugal sent a letter to Angola that it must release the journalists.")
    assert (e.type, e.actor, e.recipient) == ("REQUEST", ["PRT"], ["AGO"])


def test_a_mediation_effort_between_two_states_is_aimed_at_both():
    e = only("Oman launched a mediation effort between Yemen and Saudi Arabia.")
    assert e.type == "CONSULT" and e.actor == ["OMN"] and set(e.recipient) == {"YEM", "SAU"}


def test_days_of_war_games_are_the_games():
    e = only("Greek and Egyptian warships launched ten days of war games.")
    assert e.type == "COOPERATE" and set(e.actor) == {"GRC", "EGY"}


def test_a_concession_is_made_where_it_applies_or_at_home():
    e = only("Serbia eased emergency measures on Friday in Kosovo province.")
    assert (e.type, e.actor, e.recipient) == ("CONCEDE", ["SRB"], ["XKX"])
    e = only("The Ghanaian nurses' union called off its strike on Monday.")
    assert (e.type, e.recipient) == ("CONCEDE", ["GHA"])


def test_people_an_ing_clause_places_in_a_country_belong_to_it():
    e = only("Canada will provide food aid to refugees fleeing the fighting in Sudan.")
    assert (e.type, e.action, e.recipient) == ("AGREE", "AID", ["SDN"])


def test_an_investigation_of_crimes_is_aimed_at_those_who_committed_them():
    e = only("Uganda is investigating alleged war crimes by Ugandan soldiers against Congolese villagers.")
    assert e.type == "ACCUSE" and e.recipient == ["UGA"]
    e = only("Kenya is investigating alleged abuses by Somali troops against Kenyan civilians.")
    assert e.type == "ACCUSE" and e.recipient == ["SOM"]


def test_a_body_a_participle_places_in_a_country_acts_for_it():
    e = only("A newspaper based in Beirut violated the ban.")
    assert e.type == "REJECT" and e.actor == ["LBN"]


def test_lifting_economic_sanctions_is_a_material_retreat_not_a_verbal_concession():
    e = only("Germany lifted its sanctions against South Africa.")
    assert (e.type, e.mode, e.actor, e.recipient) == ("RETREAT", "ease", ["DEU"], ["ZAF"])


def test_a_meeting_place_is_not_a_party_unless_no_party_is_named():
    e = only("The Iranian foreign minister met his Saudi counterpart in Beijing.")
    assert (e.type, e.actor, e.recipient) == ("CONSULT", ["IRN"], ["SAU"])
    e = only("The Kenyan president is due in Ghana on Friday.")
    assert e.type == "CONSULT" and e.recipient == ["GHA"]


def test_strikes_on_a_target_are_attacks_and_strikes_on_a_day_are_labour_strikes():
    e = only("Israel's strikes on Gaza continued on Monday.")
    assert (e.type, e.actor, e.recipient) == ("ASSAULT", ["ISR"], ["PSE"])
    e = only("Nigerian workers began a strike on Monday.")
    assert e.type == "PROTEST"


def test_a_list_with_a_serial_comma_keeps_every_member():
    e = only("Spain, Italy, and Germany imposed sanctions on Belarus.")
    assert (e.type, set(e.actor), e.recipient) == ("SANCTION", {"ESP", "ITA", "DEU"}, ["BLR"])


def test_double_object_gifts_are_aid_to_the_first_object():
    e = only("Japan gave Vietnam two patrol boats.")
    assert (e.type, e.actor, e.recipient) == ("AID", ["JPN"], ["VNM"])
    e = only("The United States sent Ukraine more air defence systems.")
    assert (e.type, e.actor, e.recipient) == ("AID", ["USA"], ["UKR"])


def test_a_riot_described_by_a_participle_stays_one_riot():
    found = events("Inmates rioted at a prison in Chile, setting fire to their mattresses.")
    assert [e.type for e in found] == ["PROTEST"]


def test_a_city_names_the_country_an_unplaced_office_holder_acts_for():
    e = only("Speaking in Nairobi, President Samuel Kiprono condemned the attack on the convoy.")
    assert e.type == "ACCUSE" and e.actor == ["KEN"]
    e = only("A newspaper based in Caracas has violated a ban by General Ramon Ortega.")
    assert (e.type, e.actor, e.recipient) == ("REJECT", ["VEN"], ["VEN"])


def test_a_share_of_a_group_is_that_group():
    e = only("One third of ethnic Serb fighters operating in Kosovo have been demobilized.")
    assert e.type == "RETREAT" and e.recipient == ["XKX"]


def test_aid_delivered_or_an_embassy_opened_in_a_city_is_aimed_at_its_country():
    e = only("Norway established diplomatic relations with and opened an embassy in Baghdad.")
    assert (e.type, e.actor, e.recipient) == ("SUPPORT", ["NOR"], ["IRQ"])
    e = only("The Red Cross delivered food aid in Mosul on Tuesday.")
    assert (e.type, e.recipient) == ("AID", ["IRQ"])


def test_an_investigation_into_an_allegation_is_aimed_at_who_alleged_it():
    e = only("Uganda's human rights commission completed its investigation into an allegation "
             "by the Kenyan police.")
    assert (e.type, e.actor, e.recipient) == ("ACCUSE", ["UGA"], ["KEN"])


def test_where_the_object_is_does_not_place_an_unnamed_doer():
    # the mission is in Mali (so the act is aimed there), but the council is not Malian
    e = only("The council agreed to a one-year extension of the mission in Mali (MINUSMA).")
    assert e.type == "AGREE" and e.recipient == ["MLI"] and "MLI" not in e.actor
