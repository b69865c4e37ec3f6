"""Cues that are hard to read: a speaker named by a long organization name ("the U.S.
Agency for International Development said"), abbreviations inside the cue, and a cue
whose subject cannot be read at all, which still gives the quotation (speaker null)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pressline import Pipeline

ARTICLE = Path(__file__).resolve().parents[1] / "fixtures" / "articles" / "quotes-long-names.txt"


@pytest.fixture(scope="module")
def quotes() -> dict[str, dict[str, Any]]:
    text = ARTICLE.read_text(encoding="utf-8")
    report = Pipeline.load("news").run(text, reference_date=date(2025, 3, 3)).to_dict()
    source = report["document"]["text"]
    found = {}
    for q in report["quotes"]["quotes"]:
        assert source[q["start"] : q["end"]] == q["text"]
        found[q["text"].split()[1]] = q
    return found


def test_a_long_organization_name_with_us_and_for_is_the_speaker(quotes) -> None:
    q = quotes["request"]
    assert q["cue"] == "said"
    assert q["speaker"] is not None
    assert "Agency for International Development" in q["speaker"]


def test_a_name_with_of_and_the_is_one_subject(quotes) -> None:
    q = quotes["have"]
    assert q["cue"] == "said"
    assert q["speaker"] is not None
    # (how much of the name is one entity is the entity tagger's call)
    assert q["speaker"].startswith("United Nations")


def test_an_organization_name_before_said_in_a_statement(quotes) -> None:
    q = quotes["warehouses"]
    assert q["speaker"] is not None
    assert "Red Cross" in q["speaker"]


def test_a_cue_whose_subject_cannot_be_read_keeps_the_quote(quotes) -> None:
    q = quotes["told"]
    assert q["cue"] == "said"
    assert q["speaker"] is None


def test_an_abbreviated_title_does_not_end_the_cue(quotes) -> None:
    assert quotes["will"]["speaker"] == "Helen Banda"


def test_the_quote_is_kept_when_it_is_the_only_paragraph() -> None:
    text = (
        "Talks\n\n"
        '"The request is under review," the U.S. Agency for International Development said.\n'
    )
    report = Pipeline.load("news").run(text, reference_date=date(2025, 3, 3)).to_dict()
    assert [q["text"] for q in report["quotes"]["quotes"]] == ["The request is under review,"]
