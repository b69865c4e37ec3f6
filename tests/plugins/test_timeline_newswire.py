"""Newswire expressions through the news pipeline on a short made-up earnings story:
quarters and the quarter a year before, ranges written short, times in GMT, a half in
a number, the first week of a month, and decades joined by "and"."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pressline import Pipeline

ARTICLE = Path(__file__).resolve().parents[1] / "fixtures" / "articles" / "timeline-earnings.txt"
REF = date(2025, 3, 3)  # a Monday


@pytest.fixture(scope="module")
def timexes() -> dict[str, tuple[str, str]]:
    text = ARTICLE.read_text(encoding="utf-8")
    report = Pipeline.load("news").run(text, reference_date=REF).to_dict()
    source = report["document"]["text"]
    found = {}
    for t in report["timeline"]["timexes"]:
        assert source[t["start"] : t["end"]] == t["text"]
        found[t["text"]] = (t["type"], t["value"])
    return found


def test_the_quarter_and_the_year_earlier_quarter(timexes) -> None:
    assert timexes["the fourth quarter"] == ("DATE", "2024-Q4")
    # "the year" is the one the story is speaking of, the year of that quarter
    assert timexes["the second half of the year"] == ("DATE", "2024-H2")
    assert timexes["the quarter"] == ("DATE", "2024-Q4")
    assert timexes["the year-earlier quarter"] == ("DATE", "2023-Q4")


def test_short_ranges_give_both_ends(timexes) -> None:
    assert timexes["2022"] == ("DATE", "2022")
    assert timexes["23"] == ("DATE", "2023")
    assert timexes["March 10"] == ("DATE", "2025-03-10")
    assert timexes["11"] == ("DATE", "2025-03-11")


def test_times_of_day(timexes) -> None:
    assert timexes["1030 GMT"] == ("TIME", "2025-03-03T10:30")
    assert timexes["overnight"] == ("TIME", "2025-03-02TNI")


def test_durations_and_dates_of_the_future(timexes) -> None:
    assert timexes["year-end"] == ("DATE", "2025")
    assert timexes["the next 2 1/2 years"] == ("DURATION", "P2.5Y")
    assert timexes["earlier in the day"] == ("DATE", "2025-03-03")
    assert timexes["the first week of April"] == ("DATE", "2025-W14")
    assert timexes["three straight months"] == ("DURATION", "P3M")
    assert timexes["April 24"] == ("DATE", "2025-04-24")


def test_decades_joined_by_and(timexes) -> None:
    assert timexes["the 1990s"] == ("DATE", "199")
    assert timexes["2000s"] == ("DATE", "200")
    assert timexes["20s"] == ("DATE", "202")


def test_no_amounts_are_times(timexes) -> None:
    for text in timexes:
        assert "$" not in text and "percent" not in text
