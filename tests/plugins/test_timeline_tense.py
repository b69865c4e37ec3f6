"""The tense of the verb a date attaches to, and dates counted from the last one named,
through the news pipeline on a short made-up wire story."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pressline import Pipeline

ARTICLE = Path(__file__).resolve().parents[1] / "fixtures" / "articles" / "timeline-tense.txt"
REF = date(2025, 3, 3)  # a Monday


def _values() -> list[tuple[str, str]]:
    text = ARTICLE.read_text(encoding="utf-8")
    report = Pipeline.load("news").run(text, reference_date=REF).to_dict()
    return [(t["text"], t["value"]) for t in report["timeline"]["timexes"]]


def test_past_reporting_verbs_put_the_date_behind() -> None:
    values = _values()
    # "ended ... on Friday", "agreed in February that it would", "said on Feb. 14 that it
    # would", "told reporters on Thursday that ... would", "met in January"
    for expected in [
        ("Friday", "2025-02-28"),
        ("February", "2025-02"),
        ("Feb. 14", "2025-02-14"),
        ("Thursday", "2025-02-27"),
        ("January", "2025-01"),
    ]:
        assert expected in values, (expected, values)


def test_future_verbs_look_ahead() -> None:
    values = _values()
    # "will meet ... on Friday", "plans to present ... in May", "is expected to publish ...
    # on Tuesday", "is due on Feb. 20"
    for expected in [
        ("Friday", "2025-03-07"),
        ("May", "2025-05"),
        ("Tuesday", "2025-03-04"),
        ("Feb. 20", "2026-02-20"),
    ]:
        assert expected in values, (expected, values)


def test_the_year_before_counts_from_the_last_year_named() -> None:
    values = _values()
    assert ("2024", "2024") in values
    assert ("the year before", "2023") in values
