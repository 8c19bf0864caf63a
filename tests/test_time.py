"""The time layer: date expressions found in news sentences and resolved against the
publication date, the previous date in the text, or an estimated publication date."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import spacy

from storyline.analysis import extensions  # noqa: F401  (registers Doc._ attributes)
from storyline.analysis.pipeline import DEFAULT_MODELS, make_doc
from storyline.analysis.time import annotate_dates, date_for_span
from storyline.analysis.time_estimate import attach_context_dates
from storyline.analysis.time_resolve import Anchor, resolve
from storyline.analysis.time_grammar import find_date_expressions
from storyline.model import Article

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "storyline" / "examples"

# 2025-03-14 is a Friday; 2024-05-30 a Thursday.
FRIDAY = "2025-03-14"


@pytest.fixture(scope="module")
def nlp():
    for name in DEFAULT_MODELS:
        try:
            return spacy.load(name)
        except OSError:
            continue
    pytest.skip("no English spaCy model installed")


def analyse(nlp, text, published=FRIDAY, **provenance):
    doc = nlp(make_doc(nlp, Article(id="t", text=text, published=published,
                                    provenance=provenance)))
    annotate_dates(doc)
    return doc


def dates(nlp, text, published=FRIDAY, **provenance):
    return {m.text: m for m in analyse(nlp, text, published, **provenance)._.dates}


def value(nlp, text, expression, published=FRIDAY):
    found = dates(nlp, text, published)
    assert expression in found, f"{expression!r} not found in {sorted(found)}"
    return found[expression].value


# ---------------------------------------------------------------- absolute dates

@pytest.mark.parametrize("text, expression, expected", [
    ("The treaty was signed on 6 June 2024 in Brussels.", "6 June 2024", "2024-06-06"),
    ("The treaty was signed on June 6, 2024, in Brussels.", "June 6, 2024", "2024-06-06"),
    ("The filing is dated 2024-06-06.", "2024-06-06", "2024-06-06"),
    ("Inflation peaked in May 2023, the bank said.", "May 2023", "2023-05"),
    ("The company was founded in 2011.", "2011", "2011"),
    ("The port was closed from 2001 to 2019.", "2001 to 2019", "2001"),
])
def test_absolute_dates_need_no_anchor(nlp, text, expression, expected):
    assert value(nlp, text, expression, published=None) == expected


def test_a_day_and_month_take_the_year_the_tense_points_to(nlp):
    # published Friday 14 March 2025
    assert value(nlp, "The envoy is due in Berlin on 20 March.", "20 March") == "2025-03-20"
    assert value(nlp, "The envoy visited Berlin on 20 March.", "20 March") == "2024-03-20"
    assert value(nlp, "Talks collapsed in November.", "November") == "2024-11"
    # a passive participle is not a past tense: the sailing is still ahead
    assert value(nlp, "The ferry is slated to sail on 20 March.", "20 March") == "2025-03-20"
    assert value(nlp, "Elections will be held in November.", "November") == "2025-11"


def test_since_looks_back_and_a_month_can_name_its_year(nlp):
    # published December 2019: "since May" is May 2019, not the nearer-looking May 2020
    assert value(nlp, "The army has staged ten drills since May.", "May",
                 published="2019-12-18") == "2019-05"
    assert value(nlp, "The party won power in July last year.", "July last year") == "2024-07"
    assert value(nlp, "We set out on June 16 of last year.", "June 16 of last year") == "2024-06-16"


def test_a_weekday_in_the_date_picks_the_year(nlp):
    # 5 June was a Wednesday in 2024, not in 2025
    got = value(nlp, "Talks opened on Wednesday, June 5, in Geneva.", "Wednesday, June 5",
                published="2025-01-10")
    assert got == "2024-06-05"


def test_a_range_of_days_keeps_both_ends(nlp):
    m = dates(nlp, "The summit will take place on 6-7 June.", published="2024-05-30")["6-7 June"]
    assert (m.value, m.end_value, m.type) == ("2024-06-06", "2024-06-07", "range")


# ---------------------------------------------------------------- relative to publication

@pytest.mark.parametrize("text, expression, expected, granularity", [
    ("The ministers meet again next week.", "next week", "2025-W12", "week"),
    ("The ministers met last week.", "last week", "2025-W10", "week"),
    ("Prices rose last month.", "last month", "2025-02", "month"),
    ("The bill could pass next month.", "next month", "2025-04", "month"),
    ("Exports fell last year.", "last year", "2024", "year"),
    ("Parliament reconvenes today.", "today", "2025-03-14", "day"),
    ("The rebels withdrew yesterday.", "yesterday", "2025-03-13", "day"),
    ("The court rules tomorrow.", "tomorrow", "2025-03-15", "day"),
    ("The strike began two weeks ago.", "two weeks ago", "2025-W09", "week"),
    ("The ceasefire was agreed three days ago.", "three days ago", "2025-03-11", "day"),
])
def test_deictic_expressions_count_from_the_publication_date(nlp, text, expression, expected,
                                                             granularity):
    m = dates(nlp, text)[expression]
    assert (m.value, m.granularity, m.anchor) == (expected, granularity, "published")


def test_parts_of_a_period_are_approximate(nlp):
    found = dates(nlp, "Earlier this month the envoy resigned; a successor is expected later "
                       "this year, and the last talks were held in late January.")
    assert (found["Earlier this month"].value, found["Earlier this month"].type) == ("2025-03", "approximate")
    assert (found["later this year"].value, found["later this year"].type) == ("2025", "approximate")
    assert (found["late January"].value, found["late January"].type) == ("2025-01", "approximate")


def test_a_bare_weekday_looks_back_in_the_past_tense_and_ahead_in_the_future(nlp):
    assert value(nlp, "The minister resigned on Wednesday.", "Wednesday") == "2025-03-12"
    assert value(nlp, "The minister will resign on Wednesday.", "Wednesday") == "2025-03-19"
    assert value(nlp, "The protest happened last Saturday.", "last Saturday") == "2025-03-08"
    assert value(nlp, "Voting starts next Monday.", "next Monday") == "2025-03-17"


def test_a_weekday_on_the_publication_day_is_that_day(nlp):
    assert value(nlp, "The president said on Friday that talks would go on.", "Friday") == FRIDAY


def test_stretches_of_time_are_ranges_reaching_the_anchor(nlp):
    m = dates(nlp, "Fighting has intensified over the past six months.")["the past six months"]
    assert (m.value, m.end_value, m.type) == ("2024-09-14", "2025-03-14", "range")


# ---------------------------------------------------------------- relative to the previous date

def test_the_next_day_follows_the_last_date_named(nlp):
    found = dates(nlp, "The king arrives in Oslo on 6 June. He will address parliament the next "
                       "day.", published="2024-05-30")
    assert found["6 June"].value == "2024-06-06"
    assert (found["the next day"].value, found["the next day"].anchor) == ("2024-06-07", "previous date")


def test_later_and_earlier_count_from_the_previous_date(nlp):
    found = dates(nlp, "The dam burst on March 3, 2021. Three days later, the village was "
                       "evacuated. The week before, engineers had warned of cracks.", published=None)
    assert found["Three days later"].value == "2021-03-06"
    assert found["The week before"].value == "2021-W08"


def test_the_same_month_named_twice_is_one_month(nlp):
    found = analyse(nlp, "The accord is due to expire in October. Diplomats want a new deal "
                         "before October ends.")._.dates
    octobers = [m.value for m in found if m.text == "October"]
    assert octobers == ["2025-10", "2025-10"]


# ---------------------------------------------------------------- what is not a date

@pytest.mark.parametrize("text", [
    "The army may withdraw its troops and we will see what happens.",
    "Veterans marked the 80th anniversary of the landings.",
    "A 12-year-old girl was among the injured after a two-day siege.",
    "Officials counted 2,000 refugees and 1,500 tents.",
    "Protesters march on the capital every day.",
    "She promised voters a better tomorrow.",
])
def test_words_that_only_look_like_dates_are_not_dates(nlp, text):
    assert dates(nlp, text) == {}


def test_spans_are_tight_and_do_not_overlap(nlp):
    doc = analyse(nlp, "The summit opens on 6 June and closes in the coming days.",
                  published="2024-05-30")
    texts = [m.text for m in doc._.dates]
    assert texts == ["6 June", "the coming days"]
    ends = [(m.start, m.end) for m in doc._.dates]
    assert all(a[1] <= b[0] for a, b in zip(ends, ends[1:]))


# ---------------------------------------------------------------- no publication date

def test_without_an_anchor_relative_dates_are_unresolved(nlp):
    found = dates(nlp, "Yesterday the council voted to close the mine by 2030.", published=None)
    assert (found["Yesterday"].value, found["Yesterday"].type) == (None, "unresolved")
    assert found["2030"].value == "2030"


def test_a_dateline_gives_the_publication_date(nlp):
    doc = analyse(nlp, "Factory reopens after strike August 3, 2011 Workers returned on Monday "
                       "after a month-long walkout.", published=None)
    assert doc._.published_estimate["value"] == "2011-08-03"
    assert {m.text: m.value for m in doc._.dates}["Monday"] == "2011-08-01"


def test_a_narrative_date_at_the_top_is_not_a_dateline(nlp):
    doc = analyse(nlp, "On June 6, 1944, Allied troops landed in Normandy.", published=None)
    assert doc._.published_estimate is None


def test_named_month_and_last_month_place_the_article_in_the_following_month(nlp):
    text = ("Dockers walked out in late April, the union said. Last month, talks with the "
            "port authority resumed.")
    assert analyse(nlp, text, published=None)._.published_estimate is None  # no year anywhere
    doc = analyse(nlp, text, published=None, context_dates=["2023-05-10", "2023-05-12"])
    estimate = doc._.published_estimate
    assert estimate["value"] == "2023-05"
    assert "late April" in estimate["reason"] and "Last month" in estimate["reason"]
    found = {m.text: m for m in doc._.dates}
    assert (found["late April"].value, found["late April"].type) == ("2023-04", "approximate")
    assert found["Last month"].anchor == "published_estimate"


def test_undated_articles_read_in_a_batch_receive_the_others_dates():
    batch = [Article(id="a", text="…", published="2023-05-10"), Article(id="b", text="…"),
             Article(id="c", text="…", published="2023-05-12T08:00:00Z")]
    out = list(attach_context_dates(batch))
    assert [a.id for a in out] == ["a", "b", "c"]
    assert out[1].provenance["context_dates"] == ["2023-05-10", "2023-05-12"]
    assert "context_dates" not in out[0].provenance


def test_a_dated_past_event_gives_the_year_of_the_estimate(nlp):
    text = ("The mine closed in March 2022 after a flood. In late April miners protested, and "
            "last month the owners sold the site.")
    estimate = analyse(nlp, text, published=None)._.published_estimate
    assert estimate["value"] == "2022-05"


# ---------------------------------------------------------------- dates for events

def test_a_clause_gets_its_own_date_else_the_flagged_publication_date(nlp):
    text = "The rebels seized the town on Tuesday. Aid agencies are worried."
    doc = analyse(nlp, text)
    mention, source = date_for_span(doc, 0, text.index(".") + 1)
    assert (mention.value, source) == ("2025-03-11", "clause")
    start = text.index("Aid")
    mention, source = date_for_span(doc, start, len(text))
    assert (mention.value, source) == (FRIDAY, "published-fallback")


def test_without_any_date_there_is_no_fallback(nlp):
    doc = analyse(nlp, "Aid agencies are worried.", published=None)
    assert date_for_span(doc, 0, 10) == (None, "none")


# ---------------------------------------------------------------- the resolver on its own

def test_a_month_only_anchor_coarsens_day_level_results():
    (expr,) = find_date_expressions("yesterday")
    res = resolve(expr, Anchor(date(2024, 6, 15), precision="month", label="published_estimate",
                               exact=False))
    assert (res.value, res.granularity, res.type) == ("2024-06", "month", "approximate")


# ---------------------------------------------------------------- the seed articles

def _within(predicted: str, gold: str) -> bool:
    """Same rule as the scorer: the predicted period lies inside the gold period."""
    from datetime import timedelta

    def bounds(v):
        if "-W" in v:
            y, w = v.split("-W")
            first = date.fromisocalendar(int(y), int(w), 1)
            return first, first + timedelta(days=6)
        parts = [int(p) for p in v.split("-")]
        if len(parts) == 3:
            return date(*parts), date(*parts)
        if len(parts) == 2:
            nxt = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
            return date(parts[0], parts[1], 1), nxt - timedelta(days=1)
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    p, g = bounds(predicted), bounds(gold)
    return g[0] <= p[0] <= p[1] <= g[1]


@pytest.mark.skipif(not (SHARED / "gold" / "seeds.json").exists(), reason="shared gold absent")
def test_seed_articles_dates_match_the_gold(nlp):
    gold = json.loads((SHARED / "gold" / "seeds.json").read_text())["articles"]
    t0 = (EXAMPLES / "000_513fd030c96f58c0.txt").read_text().replace(" date 2024-05-30 ", "", 1)
    t4 = (EXAMPLES / "004_5def1f95143b3ebc.txt").read_text()
    docs = {"000_513fd030c96f58c0": analyse(nlp, t0, "2024-05-30"),
            "004_5def1f95143b3ebc": analyse(nlp, t4, None, context_dates=["2024-05-30"])}
    correct = total = 0
    for key, doc in docs.items():
        for g in gold[key]["dates"]:
            total += 1
            correct += any(g["text"].lower() in m.text.lower() and m.value and _within(m.value, g["value"])
                           for m in doc._.dates)
    assert correct / total >= 0.9
    estimate = docs["004_5def1f95143b3ebc"]._.published_estimate
    assert estimate and estimate["value"].startswith(gold["004_5def1f95143b3ebc"]["published_estimate_month"])


def test_an_impossible_calendar_day_stays_unresolved_and_the_article_survives():
    from storyline.analysis.pipeline import analyze_text
    for sentence in ("The vote is on June 31, officials said.",
                     "They met on Monday, April 31 in Rome.",
                     "The deadline is Feb 30, the ministry said."):
        article = analyze_text(sentence, published="2023-05-30")
        assert [d.value for d in article.dates] == [None], sentence
        assert article.dates[0].type == "unresolved"
