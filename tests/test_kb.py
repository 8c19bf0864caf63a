"""The actor knowledge base: provenance on every row, tenure by date, groups, metonyms."""
from __future__ import annotations

import pycountry
import pytest

from storyline.kb import load_kb
from storyline.kb.tables import DATA_DIR, read_table


@pytest.fixture(scope="module")
def kb():
    return load_kb()


@pytest.mark.parametrize("table", sorted(p.name for p in DATA_DIR.glob("*.tsv")))
def test_every_row_of_every_table_says_where_it_came_from(table):
    rows = list(read_table(table))
    assert rows, f"{table} is empty"
    assert all(row.get("source") for row in rows), f"{table} has rows without a source"


def test_all_iso_countries_are_known_and_curated_codes_are_real(kb):
    assert all(c.alpha_3 in kb.countries for c in pycountry.countries)
    iso = {c.alpha_3 for c in pycountry.countries}
    assert {row["alpha3"] for row in read_table("countries.tsv")} - iso == {"XKX"}


def test_demonyms_and_short_names_resolve_to_iso_codes(kb):
    def countries(form):
        return {e.target for e in kb.lookup(form) if e.kind in ("country", "demonym")}
    assert countries("Lithuanian") == {"LTU"}
    assert countries("Ukrainians") == {"UKR"}
    assert countries("French") == {"FRA"}
    assert countries("Dutch") == {"NLD"}
    assert countries("Russia") == {"RUS"}          # pycountry's name is "Russian Federation"
    assert countries("Russian Federation") == {"RUS"}


def test_accent_free_spellings_find_the_same_person(kb):
    assert {e.target for e in kb.lookup("Simonyte")} == {"ingrida-simonyte"}
    assert {e.target for e in kb.lookup("Šimonytė")} == {"ingrida-simonyte"}


def test_the_same_name_holds_different_offices_in_2017_and_2020(kb):
    assert kb.tenure_on("boris-johnson", "2017-03-01").role == "Foreign Secretary"
    assert kb.tenure_on("boris-johnson", "2020-03-01").role == "Prime Minister"
    assert kb.tenure_on("boris-johnson", "2024-03-01") is None


def test_office_holders_change_with_the_date(kb):
    assert [t.person_id for t in kb.office_holders("President", "USA", "2016-06-01")] == ["barack-obama"]
    assert [t.person_id for t in kb.office_holders("President", "USA", "2024-06-01")] == ["joe-biden"]
    assert [t.person_id for t in kb.office_holders("Prime Minister", "GBR", "2024-06-01")] == ["rishi-sunak"]


def test_a_missing_date_means_the_latest_office(kb):
    assert kb.tenure_on("mark-rutte", None).organisation == "NATO"
    assert kb.tenure_on("mark-rutte", "2023-01-01").country == "NLD"


def test_igo_officials_act_for_no_country(kb):
    tenure = kb.tenure_on("jens-stoltenberg", "2022-01-01")
    assert tenure.country is None and tenure.organisation == "NATO"


def test_the_baltic_states_expand_to_three_members(kb):
    assert sorted(kb.group_members("baltic-states", "2024-05-30")) == ["EST", "LTU", "LVA"]
    assert kb.groups["baltic-states"].expand


def test_eu_membership_is_bounded_by_dates(kb):
    assert "GBR" in kb.group_members("eu-member-states", "2019-06-01")
    assert "GBR" not in kb.group_members("eu-member-states", "2021-06-01")
    assert "HRV" not in kb.group_members("eu-member-states", "2012-06-01")
    assert len(kb.group_members("eu-member-states", "2024-05-30")) == 27


def test_nato_grew_with_finland_and_sweden(kb):
    assert not {"FIN", "SWE"} & set(kb.group_members("nato-member-states", "2022-06-01"))
    assert "FIN" in kb.group_members("nato-member-states", "2023-06-01")
    assert "SWE" not in kb.group_members("nato-member-states", "2023-06-01")
    assert {"FIN", "SWE"} <= set(kb.group_members("nato-member-states", "2024-06-01"))


def test_capitals_and_seats_of_government_are_metonyms(kb):
    def places(form):
        return {(e.target, p.type) for e in kb.lookup(form) if e.kind == "place"
                for p in kb.places if p.form == form and p.actor_id == e.target}
    assert places("Kremlin") == {("RUS", "seat")}
    assert places("Kyiv") == {("UKR", "capital")}
    assert places("Kiev") == {("UKR", "capital")}
    assert places("Downing Street") == {("GBR", "seat")}
    assert places("Brussels") == {("EU", "capital"), ("BEL", "city")}


def test_igo_codes_are_short_upper_case(kb):
    for org in kb.organisations.values():
        if org.kind != "ngo":
            assert org.id.isupper() and " " not in org.id
    assert {e.target for e in kb.lookup("EUMAM")} == {"EUMAM"}
    assert kb.organisations["EUMAM"].parent == "EU"


def test_iso_names_come_from_pycountry_and_say_so(kb):
    assert "pycountry" in kb.countries["RUS"].source
    assert "Russian Federation" in kb.countries["RUS"].names
    jersey = kb.countries["JEY"]  # an ISO territory with no curated row still gets its name
    assert jersey.names == ("Jersey",) and "curated" not in jersey.source


def test_every_office_and_place_points_at_a_known_country_or_organisation(kb):
    for t in kb.tenures:
        assert (t.country in kb.countries) != (t.organisation in kb.organisations), t
        assert t.start is None or t.end is None or t.start < t.end, t
    for p in kb.places:
        assert not p.actor_id or p.actor_id in kb.countries or p.actor_id in kb.organisations, p
    for g in kb.groups.values():
        assert all(m.member in kb.countries for m in g.members), g.id


def test_a_person_never_holds_two_offices_of_the_same_kind_at_once(kb):
    by_person = {}
    for t in kb.tenures:
        by_person.setdefault((t.person_id, t.role), []).append(t)
    for spells in by_person.values():
        spells.sort(key=lambda t: t.start or "")
        for earlier, later in zip(spells, spells[1:]):
            assert earlier.end is not None and earlier.end <= (later.start or ""), (earlier, later)


MAJOR_OFFICES = [
    ("USA", "President"), ("FRA", "President"), ("DEU", "Chancellor"), ("GBR", "Prime Minister"),
    ("ITA", "Prime Minister"), ("JPN", "Prime Minister"), ("CAN", "Prime Minister"),
    ("IND", "Prime Minister"), ("CHN", "President"), ("RUS", "President"), ("BRA", "President"),
    ("TUR", "President"), ("AUS", "Prime Minister"), ("UKR", "President"),
    ("USA", "Secretary of State"), ("FRA", "Foreign Minister"), ("DEU", "Foreign Minister"),
    ("GBR", "Foreign Secretary"), ("ITA", "Foreign Minister"), ("JPN", "Foreign Minister"),
    ("CAN", "Foreign Minister"), ("IND", "External Affairs Minister"), ("UKR", "Foreign Minister"),
    ("FRA", "Defence Minister"), ("DEU", "Defence Minister"), ("GBR", "Defence Secretary"),
    ("JPN", "Defence Minister"), ("UKR", "Defence Minister"),
]


@pytest.mark.parametrize("country,role", MAJOR_OFFICES)
def test_major_offices_have_exactly_one_holder_every_month_2019_to_2025(kb, country, role):
    months = [f"{y}-{m:02d}-15" for y in range(2019, 2026) for m in range(1, 13) if (y, m) <= (2025, 6)]
    wrong = [(day, [t.person_id for t in kb.office_holders(role, country, day)]) for day in months
             if len(kb.office_holders(role, country, day)) != 1]
    assert not wrong, wrong[:3]


def test_office_holders_of_2019_and_2025_differ_where_governments_changed(kb):
    assert [t.person_id for t in kb.office_holders("Foreign Secretary", "GBR", "2020-06-01")] == ["dominic-raab"]
    assert [t.person_id for t in kb.office_holders("Prime Minister", "FRA", "2025-03-01")] == ["francois-bayrou"]
    assert [t.person_id for t in kb.office_holders("Defence Minister", "JPN", "2021-06-01")] == ["nobuo-kishi"]


def test_us_states_come_from_iso_3166_2_and_homonyms_name_their_country(kb):
    assert {r.code for r in kb.subdivisions["Georgia"]} >= {"US-GA"}
    assert kb.ambiguous_names["Georgia"].country == "GEO"
    assert "us-state" in kb.ambiguous_names["Georgia"].readings
    assert kb.anonymous_canonical.get("diplomat") == kb.anonymous_canonical.get("diplomats") == "diplomats"
