"""Reuters-style wire copy: club names with their city, ministries with two fields,
parties, companies and their units, players with their country in brackets, on
made-up stories."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from entity_checks import ARTICLES, mentions, tag, types
from pressline import Pipeline


def story(pipeline: Pipeline, name: str) -> list[dict[str, Any]]:
    return tag(pipeline, (ARTICLES / name).read_text(encoding="utf-8"), date(1996, 8, 30))


@pytest.fixture(scope="module")
def sport(news: Pipeline) -> list[dict[str, Any]]:
    return story(news, "entities-reuters-sport.txt")


@pytest.fixture(scope="module")
def markets(news: Pipeline) -> list[dict[str, Any]]:
    return story(news, "entities-reuters-markets.txt")


@pytest.fixture(scope="module")
def politics(news: Pipeline) -> list[dict[str, Any]]:
    return story(news, "entities-reuters-politics.txt")


@pytest.mark.parametrize(
    "club", ["PSV Eindhoven", "Vitesse Arnhem", "Sparta Rotterdam", "NAC Breda", "Ajax Amsterdam"]
)
def test_a_club_named_with_its_city_is_one_organization(
    sport: list[dict[str, Any]], club: str
) -> None:
    assert mentions(sport).get(club) == "ORG", mentions(sport)
    assert not {"Eindhoven", "Arnhem", "Breda", "Vitesse"} & set(types(sport))


def test_the_club_alone_later_is_the_same_team(sport: list[dict[str, Any]]) -> None:
    ajax = [e for e in sport if e["name"] == "Ajax Amsterdam"]
    assert len(ajax) == 1
    assert [m["text"] for m in ajax[0]["mentions"]] == ["Ajax Amsterdam", "Ajax"]


def test_a_city_after_a_preposition_and_a_person_named_like_a_city_stay(
    sport: list[dict[str, Any]],
) -> None:
    found = mentions(sport)
    assert found["Rotterdam"] == "GPE"
    assert found["Irving Berlin"] == "PERSON"


def test_players_and_their_countries_in_brackets(sport: list[dict[str, Any]]) -> None:
    found = mentions(sport)
    assert found["Pete Sampras"] == found["Tim Henman"] == "PERSON"
    assert found["U.S."] == found["Britain"] == found["Netherlands"] == "GPE"
    assert found["Dutch"] == "NORP"


def test_a_given_name_spelled_like_a_month(sport: list[dict[str, Any]]) -> None:
    assert mentions(sport).get("Jan Siemerink") == "PERSON"


def test_a_ministry_of_two_fields_is_one_name(markets: list[dict[str, Any]]) -> None:
    found = types(markets)
    assert found["Ministry of Trade and Industry"] == "ORG"
    assert found["Ministry of Foreign Affairs and Trade"] == "ORG"
    assert "Industry" not in found and "Ministry of Trade" not in found


def test_companies_and_their_units(markets: list[dict[str, Any]]) -> None:
    found = types(markets)
    for org in ("Bundesbank", "Chrysler Corp", "General Motors Corp", "Opel", "Osram"):
        assert found.get(org) == "ORG", (org, found)
    assert found["Deutsche Telekom"] == "ORG"


def test_a_party_of_a_person_is_the_party_and_the_person(
    politics: list[dict[str, Any]],
) -> None:
    found = types(politics)
    assert found["Labour Party"] == "ORG" and found["Shimon Peres"] == "PERSON"
    assert found["Conservative Party"] == "ORG" and found["John Major"] == "PERSON"
    assert found["Office of the Prime Minister"] == "ORG"
    assert found["Likud"] == found["Hamas"] == "ORG"
