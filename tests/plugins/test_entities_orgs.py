"""Organization names kept whole, companies, ministries, diseases that are not
organizations, and sports teams named after places, on made-up news copy."""

from __future__ import annotations

from typing import Any

import pytest
from entity_checks import ARTICLES, by_name, tag, types
from pressline import Pipeline


@pytest.fixture(scope="module")
def health(news: Pipeline) -> list[dict[str, Any]]:
    return tag(news, (ARTICLES / "entities-health.txt").read_text(encoding="utf-8"))


def test_a_name_with_a_possessive_inside_and_its_acronym(health: list[dict[str, Any]]) -> None:
    unicef = by_name(health, "United Nations Children's Fund")
    assert unicef["type"] == "ORG" and unicef["aliases"] == ["UNICEF"]
    assert {"United Nations", "Fund", "Children"}.isdisjoint(types(health))


def test_a_name_the_bracketed_acronym_spells(health: list[dict[str, Any]]) -> None:
    cepi = by_name(health, "Coalition for Epidemic Preparedness Innovations")
    assert cepi["type"] == "ORG" and cepi["aliases"] == ["CEPI"]


def test_a_name_with_its_description(health: list[dict[str, Any]]) -> None:
    assert by_name(health, "Gavi, the Vaccine Alliance")["type"] == "ORG"


def test_diseases_are_not_names(health: list[dict[str, Any]]) -> None:
    names = {n.casefold() for n in types(health)}
    assert names.isdisjoint({"ebola", "mpox", "covid", "covid-19", "h5n1", "hiv"})


def test_government_bodies_and_companies(health: list[dict[str, Any]]) -> None:
    found = types(health)
    assert found["U.S. State Department"] == "ORG"
    assert found["Treasury"] == "ORG"
    assert found["Acme Corp"] == "ORG" and found["Example Inc."] == "ORG"


def test_a_possessive_after_a_name_still_ends_it(news: Pipeline) -> None:
    found = types(
        tag(
            news,
            "Russia's Foreign Ministry protested. Officials of Michigan State "
            "University's Art Museum agreed. The Women's World Cup opens in June.",
        )
    )
    assert found["Russia"] == "GPE" and found["Foreign Ministry"] == "ORG"
    assert found["Michigan State University"] == "ORG"
    assert found["Women's World Cup"] == "EVENT"


def test_companies_that_read_as_people(news: Pipeline) -> None:
    found = types(
        tag(
            news,
            "Shares of Goldman Sachs fell after Morgan Stanley cut its rating. Gerald "
            "Ford spoke later. Ford said he disagreed. The Bundesbank said rates would rise.",
        )
    )
    assert found["Goldman Sachs"] == "ORG" and found["Morgan Stanley"] == "ORG"
    assert found["Gerald Ford"] == "PERSON"
    assert found["Bundesbank"] == "ORG"


def test_bodies_named_by_their_head_say_things(news: Pipeline) -> None:
    found = types(tag(news, "Congress said it would vote. The Treasury said no."))
    assert found == {"Congress": "ORG", "Treasury": "ORG"}


def test_companies_by_the_words_around_them(news: Pipeline) -> None:
    found = types(
        tag(
            news,
            "Shares of Harlow Barnes fell 3 percent after Dean Fitch analyst John Smith "
            "cut his rating. Mary Jones spokesman Tom Lee said nothing.",
        )
    )
    assert found["Harlow Barnes"] == "ORG" and found["Dean Fitch"] == "ORG"
    assert found["John Smith"] == "PERSON"
    assert found["Mary Jones"] == "PERSON"  # a person's spokesman is her aide


def test_places_that_play_are_teams(news: Pipeline) -> None:
    found = types(
        tag(
            news,
            "LONDON, Aug 24 (Reuters) - Manchester City lost to Leeds at home. Real Madrid "
            "drew with Bayern Munich, and Stoke City drew 1-1 with Hull City. Leicester "
            "defeated Chelsea 2-0. Germany beat Brazil. Leeds manager Tom Smith was happy.",
        )
    )
    for team in (
        "Manchester City",
        "Leeds",
        "Real Madrid",
        "Bayern Munich",
        "Stoke City",
        "Hull City",
        "Leicester",
        "Chelsea",
    ):
        assert found[team] == "ORG", team
    # national sides are their country; a city that does not play stays a place
    assert found["Germany"] == "GPE" and found["Brazil"] == "GPE"
    assert found["LONDON"] == "GPE"  # the dateline


def test_cities_in_news_stay_places(news: Pipeline) -> None:
    found = types(
        tag(
            news,
            "Officials in Leeds said the council met. Crowds gathered in Mexico City and "
            "Madrid. Munich hosted the talks.",
        )
    )
    assert found == {"Leeds": "GPE", "Mexico City": "GPE", "Madrid": "GPE", "Munich": "GPE"}
