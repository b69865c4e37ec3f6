"""What relative expressions count from, through the news pipeline on a made-up story
(``fixtures/articles/timeline-anchors.txt``, Monday 2024-06-10): a unit finer than the
last date mentioned ("the month before" after a year) stays unresolved rather than
counting from the article date, a value counted from the article date for want of a
date anchors nothing, and "earlier in the day/year" is the reference date's unless a
date of the same or the sentence before says otherwise (and, in a past clause, never a
date after the reference date)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pressline import Pipeline

ARTICLE = Path(__file__).resolve().parents[1] / "fixtures" / "articles" / "timeline-anchors.txt"
REF = date(2024, 6, 10)  # a Monday


def timexes(text: str, ref: date = REF) -> list[tuple[str, str]]:
    report = Pipeline.load("news").run(text, reference_date=ref).to_dict()
    source = report["document"]["text"]
    out = []
    for t in report["timeline"]["timexes"]:
        assert source[t["start"] : t["end"]] == t["text"]
        out.append((t["text"], t["value"]))
    return out


@pytest.fixture(scope="module")
def article() -> list[tuple[str, str]]:
    return timexes(ARTICLE.read_text(encoding="utf-8"))


def value(found: list[tuple[str, str]], text: str, nth: int = 0) -> str:
    return [v for t, v in found if t == text][nth]


def test_a_finer_unit_after_a_year_is_not_counted_from_the_article_date(article) -> None:
    # "the month before" 2012 cannot be told from a year: not 2024-05 (the dateline's)
    assert value(article, "The month before") == "XXXX-XX"


def test_the_chain_after_it_runs_from_the_year_named(article) -> None:
    assert value(article, "A year earlier") == "2011"
    assert value(article, "The previous year") == "2010"
    assert value(article, "That year") == "2010"


def test_a_finer_date_before_a_coarser_one_still_anchors(article) -> None:
    assert value(article, "Tuesday") == "2024-06-04"
    assert value(article, "The next day") == "2024-06-05"


def test_earlier_in_the_day_in_a_past_clause_is_not_a_later_day(article) -> None:
    assert value(article, "late Thursday") == "2024-06-13"
    assert value(article, "earlier in the day") == "2024-06-10"
    assert value(article, "0930 GMT") == "2024-06-10T09:30"


def test_earlier_in_the_year_ignores_a_year_named_sentences_back(article) -> None:
    assert value(article, "last year") == "2023"
    assert value(article, "earlier in the year") == "2024"


def test_earlier_in_the_year_follows_a_year_of_the_sentence_before() -> None:
    found = timexes("Loss\n\nIn 2019 the firm made a loss. Earlier in the year, it sold a unit.\n")
    assert ("Earlier in the year", "2019") in found
    found = timexes("Loss\n\nOn Tuesday, the firm posted results. Earlier in the day, it fell.\n")
    assert ("Earlier in the day", "2024-06-04") in found


def test_a_month_named_with_its_year_anchors_the_month_before() -> None:
    found = timexes("Mine\n\nThe mine closed in March 2012. The month before, workers struck.\n")
    assert ("The month before", "2012-02") in found


def test_a_value_counted_from_the_article_date_anchors_nothing() -> None:
    found = timexes("Strike\n\nTwo days later the strike ended. The next day workers returned.\n")
    # both count from the article date: the first is a guess, not a date the text gave
    assert found == [("Two days later", "2024-06-12"), ("The next day", "2024-06-11")]


def test_two_years_after_a_noun_stays_a_duration() -> None:
    found = dict(timexes("Mall\n\nThe mall closed two years after the opening.\n"))
    assert found.get("two years") == "P2Y"
