"""Entity classes a new user found on real wire copy, shown on short made-up articles."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pressline import Pipeline


@pytest.fixture(scope="module")
def news() -> Pipeline:
    return Pipeline.load("news")


def entities(pipeline: Pipeline, text: str) -> list[dict[str, Any]]:
    report = pipeline.run(text, reference_date=date(2024, 5, 16)).to_dict()
    return report["entities"]["entities"]


def types(found: list[dict[str, Any]]) -> dict[str, str]:
    return {e["name"]: e["type"] for e in found}


def by_name(found: list[dict[str, Any]], name: str) -> dict[str, Any]:
    hits = [e for e in found if e["name"] == name]
    assert len(hits) == 1, (name, [e["name"] for e in found])
    return hits[0]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Grace Mbeki, the agency's regional director-general, said the outbreak was "
            "the largest. Mbeki added that more staff were coming.",
            "Grace Mbeki",
            "agency's regional director-general",
        ),
        (
            "Hope Tanaka, the bank's chief economist, said rates would stay high.",
            "Hope Tanaka",
            "bank's chief economist",
        ),
    ],
)
def test_opening_given_name_with_role_apposition_is_a_person(
    news: Pipeline, text: str, name: str, role: str
) -> None:
    found = entities(news, text)
    person = by_name(found, name)
    assert person["type"] == "PERSON"
    assert role in person["roles"]
