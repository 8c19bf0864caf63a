"""PLOVER JSON and CSV exports of analysed articles (sentences written for these tests)."""
from __future__ import annotations

import csv
import io

from storyline.analysis.pipeline import analyze_text
from storyline.export.plover import plover_records, plover_type
from storyline.export.tables import write_csv


def article(text: str) -> dict:
    return analyze_text(text, published="2025-02-01", id="a1").to_dict()


def test_plover_folds_intended_cooperation_into_agree_and_keeps_the_modality():
    assert plover_type("AID", "intended") == "AGREE"
    assert plover_type("ASSAULT", "threatened") == "THREATEN"
    assert plover_type("ASSAULT", "asserted") == "ASSAULT"
    assert plover_type("CONSULT", "intended") == "CONSULT"  # a scheduled meeting stays a meeting


def test_a_plover_record_names_source_target_and_the_article():
    records = list(plover_records([article("Ireland hoped to train Kenyan police.")]))
    assert len(records) == 1
    r = records[0]
    assert r["event"] == "AGREE" and r["modality"] == "intended" and r["storylineType"] == "AID"
    assert r["source"][0]["code"] == "IRL" and r["source"][0]["country"] == "IRL"
    assert r["target"][0]["country"] == "KEN"
    assert r["articleId"] == "a1" and r["date"] == "2025-02-01" and r["context"] == ["future"]
    assert r["eventText"] == "train"


def test_negated_events_are_left_out_unless_asked_for():
    a = article("Ghana did not attack Togo.")
    assert list(plover_records([a])) == []
    assert [r["event"] for r in plover_records([a], include_negated=True)] == ["ASSAULT"]


def test_csv_events_table_has_one_row_per_event_with_joined_actor_lists():
    a = article("Spain and Italy condemned Libya.")
    out = io.StringIO()
    assert write_csv([a], out, table="events") == len(a["events"]) == 1
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["type"] == "ACCUSE" and row["actor"] == "ESP;ITA" and row["recipient"] == "LBY"
    assert row["modality"] == "asserted" and row["evidence"] == "Spain and Italy condemned Libya."


def test_csv_actor_and_claim_tables_and_unknown_tables():
    a = article("Spain and Italy condemned Libya.")
    out = io.StringIO()
    write_csv([a], out, table="actors")
    ids = {r["id"] for r in csv.DictReader(io.StringIO(out.getvalue()))}
    assert {"ESP", "ITA", "LBY"} <= ids
    header = io.StringIO()
    assert write_csv([a], header, table="claims") == len(a["claims"])
    assert header.getvalue().startswith("article_id,claim,speaker")
    try:
        write_csv([a], io.StringIO(), table="stories")
    except ValueError as exc:
        assert "unknown table" in str(exc)
    else:
        raise AssertionError("an unknown table must be refused")


def test_a_promised_act_is_exported_as_agree_with_the_act_it_promises():
    a = article("Italy will send doctors to Albania.")
    record = next(plover_records([a]))
    assert (record["event"], record["action"], record["modality"]) == ("AGREE", "AID", "intended")
    out = io.StringIO()
    write_csv([a], out, table="events")
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert (row["type"], row["action"]) == ("AGREE", "AID")
