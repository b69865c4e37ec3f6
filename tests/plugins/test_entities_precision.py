"""Precision of the entity tagger's newer rules: a club named with its city only where the
text speaks of sport, lone given names that are also towns, titles of nobility; on
made-up articles."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from entity_checks import ARTICLES, mentions, tag
from pressline import Pipeline


def run(pipeline: Pipeline, text: str) -> list[dict[str, Any]]:
    return tag(pipeline, text, date(2025, 3, 3))


@pytest.fixture(scope="module")
def places(news: Pipeline) -> dict[str, str]:
    text = (ARTICLES / "entities-places-not-clubs.txt").read_text(encoding="utf-8")
    return mentions(run(news, text))


@pytest.mark.parametrize("name", ["Levico Terme", "Eureka Springs", "Hôpital Cochin"])
def test_a_place_of_two_words_is_no_club_without_sport(places: dict[str, str], name: str) -> None:
    assert places.get(name) not in ("ORG", None), places
    assert places[name] == "GPE"


def test_a_person_with_a_family_name_like_a_town_is_no_club(places: dict[str, str]) -> None:
    assert places.get("Stolmy Pimentel") == "PERSON", places
    assert places.get("Pimentel") == "PERSON"


def test_a_kibbutz_is_no_organization(places: dict[str, str]) -> None:
    assert places.get("Kibbutz Ginosar") != "ORG", places


@pytest.mark.parametrize(
    "text",
    [
        "PSV Eindhoven beat Vitesse Arnhem on Sunday.",
        "Vitesse Arnhem drew 1-1 with PSV Eindhoven on Sunday.",
        "The coach was pleased. PSV Eindhoven and Vitesse Arnhem meet again next month.",
        "Results of Dutch matches on Sunday:\n\nPSV Eindhoven 2 Vitesse Arnhem 1\n",
    ],
)
def test_a_club_with_its_city_where_the_text_speaks_of_sport(news: Pipeline, text: str) -> None:
    found = mentions(run(news, text))
    assert found.get("PSV Eindhoven") == found.get("Vitesse Arnhem") == "ORG", found


def test_a_word_of_sport_nearby_is_not_enough_for_a_person_named_like_a_town(
    news: Pipeline,
) -> None:
    text = (
        "The club finished the season in third place. It traded Jerry Sands and "
        "Stolmy Pimentel to Pittsburgh for a young pitcher."
    )
    found = mentions(run(news, text))
    assert found.get("Stolmy Pimentel") != "ORG", found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("After the vote I met Anna outside the hall.", "Anna"),
        ("Mary and I walked home after the meeting.", "Mary"),
    ],
)
def test_a_lone_given_name_that_is_also_a_town_is_a_person(
    news: Pipeline, text: str, name: str
) -> None:
    assert mentions(run(news, text)).get(name) == "PERSON"


def test_a_given_name_that_is_a_town_stays_a_place_with_a_place_cue(news: Pipeline) -> None:
    found = mentions(run(news, "Prices rose in Florence. The hotels of Anna, Spain, were full."))
    assert found.get("Florence") == "GPE"
    assert found.get("Anna") == "GPE", found


def test_a_title_of_nobility_before_a_name_like_a_town(news: Pipeline) -> None:
    text = (
        "The Marquis de Lafayette reached the harbour in June. Lafayette stayed a week. "
        "Count von Stauffenberg was arrested that night. Baron Hamilton said nothing."
    )
    found = run(news, text)
    people = {e["name"]: e for e in found if e["type"] == "PERSON"}
    assert [m["text"] for m in people["de Lafayette"]["mentions"]] == ["de Lafayette", "Lafayette"]
    assert people["de Lafayette"]["roles"] == ["Marquis"]
    assert "von Stauffenberg" in people and "Hamilton" in people, people.keys()
    assert "GPE" not in {e["type"] for e in found}
