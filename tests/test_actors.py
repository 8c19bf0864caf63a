"""Actor resolution on sentences written for these tests: who is acting, for which country."""
from __future__ import annotations

import pytest

from storyline.analysis.actors import actors_in_span
from storyline.analysis.pipeline import load_nlp, make_doc
from storyline.kb import load_kb
from storyline.model import Article


@pytest.fixture(scope="module")
def analyse():
    nlp = load_nlp()

    def run(text: str, published: str | None = "2024-05-30"):
        return nlp(make_doc(nlp, Article(id="t", text=text, published=published)))
    return run


def actors(doc) -> dict:
    return {a.id: a for a in doc._.actors}


def test_a_title_with_a_country_name_gives_an_unknown_official_his_country(analyse):
    doc = analyse("Estonia's Chief of Defence Andrus Merilo said the brigade was ready.")
    merilo = actors(doc)["andrus-merilo"]
    assert merilo.kind == "person" and merilo.country == "EST"
    assert "title pattern" in merilo.reason


def test_a_known_official_gets_role_and_country_from_tenure_on_the_publication_date(analyse):
    doc = analyse("Latvia PM Evika Siliņa said on Monday that Riga would send more instructors.")
    silina = actors(doc)["evika-silina"]
    assert (silina.country, silina.role) == ("LVA", "Prime Minister")
    assert "LVA" in actors(doc)


def test_the_same_name_resolves_to_different_offices_in_different_years(analyse):
    text = "Boris Johnson said the alliance must stay united."
    assert actors(analyse(text, "2017-03-01"))["boris-johnson"].role == "Foreign Secretary"
    assert actors(analyse(text, "2020-03-01"))["boris-johnson"].role == "Prime Minister"
    out_of_office = actors(analyse(text, "2024-03-01"))["boris-johnson"]
    assert out_of_office.role is None and out_of_office.country == "GBR"


def test_a_bare_surname_joins_the_full_name_in_the_same_article(analyse):
    doc = analyse("German Chancellor Olaf Scholz met farmers in Bavaria. Scholz said the subsidy stays.")
    scholz = actors(doc)["olaf-scholz"]
    assert [m.text for m in scholz.mentions] == ["Olaf Scholz", "Scholz"]
    assert scholz.country == "DEU"


def test_an_unknown_person_is_kept_without_a_forced_country(analyse):
    doc = analyse("Marta Kowalczyk, a farmer from the village, said the harvest came late this year.")
    person = actors(doc)["marta-kowalczyk"]
    assert person.kind == "person" and person.country is None


def test_demonym_modifiers_name_the_country_and_its_sector(analyse):
    doc = analyse("Dutch military instructors arrived on Monday, and the Polish government "
                  "welcomed them.")
    assert actors(doc)["NLD"].sector == "MIL"
    assert actors(doc)["POL"].sector == "GOV"


def test_a_capital_that_acts_is_its_government_but_a_meeting_place_is_not(analyse):
    doc = analyse("Moscow rejected the proposal. The ministers then met in Madrid to discuss it.")
    found = actors(doc)
    assert "RUS" in found and "metonym" in found["RUS"].reason
    assert "ESP" not in found
    assert any(p[3] == "Madrid" for p in doc._.notes["places"])


def test_seats_of_government_and_possessive_capitals_are_metonyms(analyse):
    doc = analyse("The Élysée said it was studying Washington's position.")
    assert {"FRA", "USA"} <= set(actors(doc))


def test_a_small_group_expands_to_its_members_with_the_group_as_reason(analyse):
    doc = analyse("All Nordic countries have pledged air defence systems.")
    found = actors(doc)
    assert {"DNK", "FIN", "ISL", "NOR", "SWE"} <= set(found)
    assert "Nordic countries" in found["ISL"].reason


def test_a_large_bloc_stays_one_group_actor(analyse):
    doc = analyse("Several EU member states oppose the plan.")
    found = actors(doc)
    assert found["eu-member-states"].kind == "group"
    assert "DEU" not in found


def test_historical_references_are_not_story_actors(analyse):
    doc = analyse("The memorial recalls how Nazi German forces burned the village during World War II. "
                  "German officials laid a wreath on Tuesday.")
    germany = actors(doc)["DEU"]
    assert [m.text for m in germany.mentions] == ["German"]
    assert germany.mentions[0].start > doc.text.index("Tuesday") - 40
    assert any("Nazi" in x["reason"] for x in doc._.notes["actor_excluded"])


def test_attitudes_are_not_countries(analyse):
    doc = analyse("Pro-Russian separatists shelled the town.")
    assert "RUS" not in actors(doc)


def test_a_known_outlet_and_an_organisation_in_a_reporting_context_are_outlets(analyse):
    doc = analyse("The talks stalled, as reported by Reuters. The Swedish newspaper Dagens Nyheter reported "
                  "that Stockholm would wait.")
    found = actors(doc)
    assert found["reuters"].kind == "outlet"
    assert found["dagens-nyheter"].kind == "outlet"


def test_unnamed_sources_are_anonymous_actors(analyse):
    doc = analyse("A senior official who asked not to be named said the deal was close. "
                  "Two officials familiar with the talks confirmed it, according to diplomatic sources.")
    anonymous = {a.id: a for a in doc._.actors if a.kind == "anonymous"}
    assert set(anonymous) == {"anonymous-officials", "anonymous-sources"}
    # one unnamed-officials actor; each mention keeps its own wording
    assert [m.text for m in anonymous["anonymous-officials"].mentions] == [
        "A senior official", "Two officials familiar with the talks"]


def test_named_officials_are_not_anonymous(analyse):
    doc = analyse("Foreign Minister Margus Tsahkna said the officials were wrong.")
    assert not [a for a in doc._.actors if a.kind == "anonymous" and "Tsahkna" in a.mentions[0].text]


def test_a_country_word_inside_an_organisation_name_is_not_the_country_acting(analyse):
    doc = analyse("The Nigerian Union of Teachers called a strike on Monday.")
    found = actors(doc)
    assert "NGA" not in found
    union = next(a for a in doc._.actors if a.kind == "organization")
    assert union.country == "NGA"


def test_actor_spans_are_sorted_and_every_actor_has_a_reason(analyse):
    text = "France and Germany signed the accord, the Kremlin said."
    doc = analyse(text)
    spans = doc._.notes["actor_spans"]
    assert spans == sorted(spans)
    assert {(text[s:e], a) for s, e, a in spans} >= {("France", "FRA"), ("Germany", "DEU"),
                                                      ("Kremlin", "RUS")}
    assert all(a.reason for a in doc._.actors)
    first_clause = text.index(",")
    assert {a.id for a in actors_in_span(doc, 0, first_clause)} == {"FRA", "DEU"}


def test_an_article_without_a_date_uses_the_latest_tenure(analyse):
    doc = analyse("Mark Rutte said allies must spend more.", published=None)
    assert actors(doc)["mark-rutte"].role == "Secretary General"


def test_an_office_without_a_name_is_its_holder_on_the_publication_date(analyse):
    text = "The French president met the chancellor on Monday."
    assert "francois-hollande" in actors(analyse(text, "2016-05-01"))
    later = actors(analyse(text, "2024-05-01"))
    assert "emmanuel-macron" in later and "francois-hollande" not in later
    assert "office reference" in later["emmanuel-macron"].reason


def test_a_country_far_from_a_name_does_not_become_the_persons_country(analyse):
    doc = analyse("The new sanctions on Iran took effect on Monday, and Priya Raman said she welcomed them.")
    assert actors(doc)["priya-raman"].country is None


def test_a_leaders_surname_inside_someone_elses_name_is_not_the_leader(analyse):
    doc = analyse("Sarah Macron, a teacher in Lyon, said the school would reopen.")
    found = actors(doc)
    assert "emmanuel-macron" not in found
    assert found["sarah-macron"].kind == "person"


def test_brussels_acting_is_the_eu_but_a_meeting_in_brussels_is_in_belgium(analyse):
    acting = actors(analyse("Brussels warned Budapest that the funds would stay frozen."))
    assert {"EU", "HUN"} <= set(acting) and "BEL" not in acting
    meeting = analyse("The ministers met in Brussels on Monday.")
    assert "EU" not in actors(meeting)
    assert ("BEL", "Brussels") in {(p[2], p[3]) for p in meeting._.notes["places"]}


def test_a_counterpart_takes_the_country_named_before_him(analyse):
    doc = analyse("Polish Foreign Minister Radosław Sikorski and his Czech counterpart Jan Lipavský "
                  "met in Prague.")
    assert actors(doc)["jan-lipavsky"].country == "CZE"
    assert actors(doc)["radoslaw-sikorski"].country == "POL"


def test_an_appositive_spokesman_for_a_ministry_acts_for_its_country(analyse):
    doc = analyse("“We will not send troops,” said Jan Novak, a spokesman for the Czech Foreign Ministry.")
    novak = actors(doc)["jan-novak"]
    assert (novak.country, novak.role) == ("CZE", "Spokesperson")
    assert "appositive" in novak.reason


def test_an_ambassador_to_a_country_does_not_act_for_it(analyse):
    doc = analyse("Maria Olsen, the ambassador to Ukraine, met the press on Monday.")
    assert actors(doc)["maria-olsen"].country != "UKR"


def test_sources_of_things_are_not_anonymous_informants(analyse):
    doc = analyse("Solar panels and other renewable energy sources grew fast, military sources said.")
    anonymous = {a.id for a in doc._.actors if a.kind == "anonymous"}
    assert anonymous == {"anonymous-sources"}


def test_a_name_shaped_like_a_newspaper_is_an_outlet_with_its_country(analyse):
    doc = analyse("The Cambodia Daily said the court had adjourned.")
    daily = actors(doc)["cambodia-daily"]
    assert (daily.kind, daily.country) == ("outlet", "KHM")
    assert "KHM" not in actors(doc)  # the country word is part of the outlet's name


def test_a_shared_surname_goes_to_the_person_named_last_before_it(analyse):
    doc = analyse("Bill Clinton spoke first. Then Hillary Clinton took the stage. "
                  "Clinton said the campaign was strong.", published="2016-09-20")
    assert [m.text for m in actors(doc)["hillary-clinton"].mentions] == ["Hillary Clinton", "Clinton"]
    assert [m.text for m in actors(doc)["bill-clinton"].mentions] == ["Bill Clinton"]


def test_names_that_contain_a_country_word_are_not_that_country(analyse):
    doc = analyse("Latin American envoys met in New Mexico to discuss the Paris Agreement and "
                  "shipping in the South China Sea.")
    assert not {"USA", "MEX", "FRA", "CHN"} & set(actors(doc))


def test_a_month_or_an_unreadable_date_still_resolves(analyse):
    assert actors(analyse("Liz Truss said the budget stands.", "2022-10"))["liz-truss"].role == "Prime Minister"
    assert actors(analyse("Liz Truss said the budget stands.", "2023-05"))["liz-truss"].role is None
    assert "liz-truss" in actors(analyse("Liz Truss said the budget stands.", "sometime"))


def test_a_destination_is_a_place_but_a_recipient_is_a_government(analyse):
    assert "UKR" not in actors(analyse("The minister flew to Kyiv on Monday."))
    assert "UKR" in actors(analyse("Berlin sent more air defence systems to Kyiv."))


def test_an_agreement_named_after_a_capital_is_not_its_government(analyse):
    found = actors(analyse("All parts of the Doha agreement must be implemented, the envoy said."))
    assert "QAT" not in found
    assert "FRA" in actors(analyse("Resistance to the Paris initiatives is growing."))


def test_the_title_nearest_the_name_is_the_persons_role(analyse):
    doc = analyse("A spokesman for Afghan President Ashraf Ghani said the talks had failed.",
                  published="2020-05-30")
    ghani = actors(doc)["ashraf-ghani"]
    assert (ghani.country, ghani.role) == ("AFG", "President")


def test_coordinated_group_words_share_the_head_noun(analyse):
    found = actors(analyse("Nordic and Baltic states pledged more air defence."))
    assert {"DNK", "FIN", "ISL", "NOR", "SWE", "EST", "LVA", "LTU"} <= set(found)


# Robustness on everyday news wording: names that are not people, organisations that are not
# organisations, country names that mean something else, unnamed sources, "the country".

def people(doc) -> set[str]:
    return {a.id for a in doc._.actors if a.kind == "person"}


def excluded(doc) -> dict[str, str]:
    return {e["text"]: e["reason"] for e in doc._.notes["actor_excluded"]}


# --- names that are not people -------------------------------------------------------------

def test_an_acronym_is_not_a_person(analyse):
    doc = analyse("Passengers waited for hours at JFK before the flight left. Mara Quill, a nurse "
                  "from Ohio, said the JFK staff were kind.")
    assert "jfk" not in people(doc)
    assert "mara-quill" in people(doc)


def test_a_title_word_or_abbreviation_before_a_name_is_not_part_of_it(analyse):
    doc = analyse("Veteran rookie Tomas Vidal scored twice, and Browns DL Hektor Amsel was injured.")
    assert {"tomas-vidal", "hektor-amsel"} <= people(doc)
    assert not any("rookie" in p or "dl" in p.split("-") for p in people(doc))


def test_a_product_or_a_place_head_ends_no_persons_name(analyse):
    doc = analyse("Fishing boats swarmed Whitsun Reef again, while shoppers lined up for the Nintendo "
                  "Switch, said Oren Baptiste, a trader.")
    assert people(doc) == {"oren-baptiste"}


def test_a_place_after_in_or_a_motion_verb_is_not_a_person(analyse):
    doc = analyse("She was born in Okinawa and returned to Kismayo in 2017, said Leyla Omar.")
    assert people(doc) == {"leyla-omar"}


def test_a_lone_name_used_as_a_person_once_is_a_person_everywhere(analyse):
    doc = analyse("Chin opened an agency in Tokyo last year. Chin said clients were friendly.")
    assert "chin" in people(doc)


def test_a_name_modifying_a_thing_is_not_a_person(analyse):
    doc = analyse("Ministers debated the Schengen rules and the Schengen system for hours.")
    assert "schengen" not in people(doc)
    assert any(reason.startswith("not a person") for reason in excluded(doc).values())


def test_a_title_case_headline_does_not_become_a_long_name(analyse):
    doc = analyse("Senator Dana Whitlock Slams Critics For Blocking Flood Relief Money\n\n"
                  "Dana Whitlock said on Monday the money was needed.")
    assert "dana-whitlock" in people(doc)
    assert not any(p.startswith("dana-whitlock-") for p in people(doc))


def test_a_plural_of_people_is_a_group_not_a_person(analyse):
    doc = analyse("Virginia Democrats met on Monday, and Republicans walked out.")
    assert not people(doc)


# --- organisations that are not organisations ----------------------------------------------

def test_products_laws_and_places_tagged_org_are_not_organisations(analyse):
    doc = analyse("The committee reviewed the Maritime Traffic Safety Law. Rescuers searched the "
                  "Boni Forest, and the Falcon Heavy launched from Florida. The Heritage Foundation "
                  "criticised the plan.")
    orgs = {a.name for a in doc._.actors if a.kind == "organization"}
    assert "Heritage Foundation" in orgs
    assert not orgs & {"Maritime Traffic Safety Law", "Boni Forest", "Falcon Heavy"}


def test_an_organisation_name_stops_at_a_line_break(analyse):
    doc = analyse("Shares of Amazon\n\nSince the report, analysts at Nomura Holdings cut targets.")
    names = {a.name for a in doc._.actors}
    assert not any("\n" in name for name in names)


# --- country names that mean something else ------------------------------------------------

def test_georgia_the_us_state_is_not_the_country(analyse):
    doc = analyse("Georgia Gov. Brian Kemp signed the bill in Atlanta, Georgia. Georgia voters were "
                  "divided.")
    found = actors(doc)
    assert "GEO" not in found
    assert found["brian-kemp"].country == "USA"
    assert any(p[3] == "Georgia" and p[2] == "USA" for p in doc._.notes["places"])


def test_georgia_the_country_stays_the_country(analyse):
    doc = analyse("Georgia and Armenia signed a border deal in Tbilisi. Georgia said it would hold talks.")
    assert "GEO" in actors(doc)


def test_a_given_name_or_a_river_is_not_the_country(analyse):
    doc = analyse("Flooding along the Niger River displaced thousands, Chad Miller of the relief "
                  "agency said. Chad and Niger later asked for aid.")
    found = actors(doc)
    assert [m.text for m in found["NER"].mentions] == ["Niger"]
    assert [m.text for m in found["TCD"].mentions] == ["Chad"]


def test_a_town_named_after_a_country_is_a_us_town(analyse):
    doc = analyse("Residents of Lebanon, Pennsylvania, cleaned up after the storm.")
    assert "LBN" not in actors(doc)


def test_the_us_state_table_comes_from_iso_3166_2():
    kb = load_kb()
    georgia = kb.subdivisions["Georgia"]
    assert any(row.code == "US-GA" and row.country == "USA" for row in georgia)
    assert "pycountry" in georgia[0].source
    assert kb.ambiguous_names["Georgia"].country == "GEO"


# --- unnamed sources -----------------------------------------------------------------------

def test_unnamed_sources_are_one_actor_per_kind_and_side(analyse):
    doc = analyse("Officials familiar with the talks said a deal was close. Later the officials "
                  "said it had collapsed. Senior Israeli officials, speaking on condition of "
                  "anonymity, denied that.")
    found = actors(doc)
    assert len(found["anonymous-officials"].mentions) == 2
    assert found["anonymous-officials-isr"].country == "ISR"
    assert "ISR" in found  # the country word is still the country


def test_a_country_and_no_anonymity_cue_is_the_country_not_an_anonymous_source(analyse):
    doc = analyse("Israeli officials said the talks had failed.")
    found = actors(doc)
    assert "ISR" in found and found["ISR"].sector == "GOV"
    assert not [a for a in doc._.actors if a.kind == "anonymous"]


# --- "the country" -------------------------------------------------------------------------

def test_the_countrys_minister_gets_the_country_named_before(analyse):
    doc = analyse("Protests spread across Kenya on Monday. Jane Wambui, the country's health "
                  "minister, said hospitals were full.")
    assert actors(doc)["jane-wambui"].country == "KEN"


def test_the_countrys_president_is_the_office_holder_of_the_country_named_before(analyse):
    doc = analyse("A court in Zimbabwe jailed a reporter who had criticized the country's president.",
                  published="2024-05-01")
    assert actors(doc)["emmerson-mnangagwa"].country == "ZWE"


def test_a_national_title_without_a_country_takes_the_country_the_sentence_named_before(analyse):
    doc = analyse("Sudan's cabinet, led by Prime Minister Halim Osman, dissolved the old ruling party.")
    assert actors(doc)["halim-osman"].country == "SDN"


def test_an_envoy_title_without_a_country_gets_no_guessed_country(analyse):
    doc = analyse("Ambassador Lena Moor spoke after Kenya and Uganda signed the accord.")
    assert actors(doc)["lena-moor"].country is None


def test_a_country_acts_for_itself():
    from storyline.analysis.pipeline import analyze_text
    article = analyze_text("Norway and Chile signed a fisheries accord on Monday.", published="2024-03-04")
    countries = {a.id: a.country for a in article.actors if a.kind == "country"}
    assert countries == {"NOR": "NOR", "CHL": "CHL"}
