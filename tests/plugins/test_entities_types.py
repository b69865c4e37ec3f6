"""The type each name gets, on made-up news copy: works, awards, events and storms,
abbreviations that name nothing, institutions, teams, coordinated names and roles."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pressline import Pipeline

ARTICLES = Path(__file__).parent.parent / "fixtures" / "articles"


@pytest.fixture(scope="module")
def news() -> Pipeline:
    return Pipeline.load("news")


def tag(pipeline: Pipeline, text: str) -> list[dict[str, Any]]:
    report = pipeline.run(text, reference_date=date(2025, 5, 12)).to_dict()
    source = report["document"]["text"]
    for e in report["entities"]["entities"]:
        for m in e["mentions"]:
            assert source[m["start"] : m["end"]] == m["text"]
    return report["entities"]["entities"]


def types(found: list[dict[str, Any]]) -> dict[str, str]:
    return {e["name"]: e["type"] for e in found}


def by_name(found: list[dict[str, Any]], name: str) -> dict[str, Any]:
    hits = [e for e in found if e["name"] == name]
    assert len(hits) == 1, (name, types(found))
    return hits[0]


@pytest.fixture(scope="module")
def culture(news: Pipeline) -> list[dict[str, Any]]:
    return tag(news, (ARTICLES / "entities-culture.txt").read_text(encoding="utf-8"))


def test_awards_and_pieces_of_music_are_works(culture: list[dict[str, Any]]) -> None:
    found = types(culture)
    assert found["Halvorsen Composition Prize"] == "WORK_OF_ART"
    assert found["Third Symphony"] == "WORK_OF_ART"


def test_games_series_and_storms_are_events(culture: list[dict[str, Any]]) -> None:
    found = types(culture)
    for name in ("Winter Olympics", "Paralympics", "World Series", "Hurricane Delia"):
        assert found[name] == "EVENT", name


def test_abbreviations_that_name_nothing(culture: list[dict[str, Any]]) -> None:
    assert {"PhD", "MBA", "TV", "CD"}.isdisjoint(types(culture))
    assert types(culture)["Kelso Fund"] == "ORG"


def test_a_storm_is_named_by_its_kind(news: Pipeline) -> None:
    found = types(
        tag(
            news,
            "Schools closed on Monday as Typhoon Haiyan neared the coast. Officials said "
            "Cyclone Idai had killed hundreds in March. The Storm Centre said it would stay open.",
        )
    )
    assert found["Typhoon Haiyan"] == "EVENT" and found["Cyclone Idai"] == "EVENT"
    assert found.get("Storm Centre") != "EVENT"


def test_acronyms_of_bodies_stay_organizations(news: Pipeline) -> None:
    found = types(
        tag(
            news,
            "The company's CEO told NBC that GDP would grow. Its IPO was handled by the "
            "NFL's bank, and the BBC reported it on TV.",
        )
    )
    assert found.get("NBC") == "ORG" and found.get("NFL") == "ORG"
    assert {"CEO", "GDP", "IPO", "TV"}.isdisjoint(found)
