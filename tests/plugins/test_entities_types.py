"""The type each name gets, on made-up news copy: works, awards, events and storms,
abbreviations that name nothing, institutions, teams, coordinated names and roles."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from entity_checks import ARTICLES, by_name, tag, types
from pressline import Pipeline


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


def test_works_by_the_words_around_them(culture: list[dict[str, Any]]) -> None:
    found = types(culture)
    # "his opera 'Stillwater'" (also a town's name), "his book Quiet Rooms", "the
    # documentary Silent Hours (2016)", "the novel The Long Field"
    for name in ("Stillwater", "Quiet Rooms", "Silent Hours", "Long Field"):
        assert found[name] == "WORK_OF_ART", name


def test_a_work_named_again_without_a_cue(news: Pipeline) -> None:
    found = tag(
        news,
        "The critic praised her novel Ardent Tides last year. Sales of Ardent Tides doubled "
        "after the prize, the publisher said. She wrote Glasswork in 2011.",
    )
    work = by_name(found, "Ardent Tides")
    assert work["type"] == "WORK_OF_ART" and len(work["mentions"]) == 2
    assert types(found)["Glasswork"] == "WORK_OF_ART"


def test_a_person_or_a_country_after_a_work_noun_keeps_its_type(news: Pipeline) -> None:
    found = types(
        tag(
            news,
            "In the film Tom Hanks plays a pilot. The documentary France made about the "
            "war won an award.",
        )
    )
    assert found["Tom Hanks"] == "PERSON" and found["France"] == "GPE"


def test_schools_and_employers_by_context(culture: list[dict[str, Any]]) -> None:
    found = types(culture)
    # "studied at Cambridge", "teaching at Harvard", "educated at Harrow"
    for name in ("Cambridge", "Harvard", "Harrow"):
        assert found[name] == "ORG", name
    assert found["Moravia"] in ("GPE", "LOC") and found["Brno"] == "GPE"


@pytest.fixture(scope="module")
def frankfurt(news: Pipeline) -> list[dict[str, Any]]:
    text = (ARTICLES / "entities-frankfurt.txt").read_text(encoding="utf-8")
    report = news.run(text, reference_date=date(2025, 10, 14)).to_dict()
    return report["entities"]["entities"]


def test_an_employer_after_a_job_and_at(frankfurt: list[dict[str, Any]]) -> None:
    found = types(frankfurt)
    assert found["Metzler"] == "ORG"  # "an analyst at Metzler in Frankfurt"
    assert found["Frankfurt"] == "GPE"


def test_a_town_stays_a_town_without_such_words(news: Pipeline) -> None:
    found = types(
        tag(
            news,
            "She graduated from Oxford in 1990. Police in Leeds said a man from Leeds was "
            "held at Leeds station.",
        )
    )
    assert found["Oxford"] == "ORG" and found["Leeds"] == "GPE"


def test_two_names_joined_by_and_are_two(frankfurt: list[dict[str, Any]]) -> None:
    found = types(frankfurt)
    assert found["Goldman Sachs"] == "ORG" and found["Deutsche Bank"] == "ORG"
    assert not any(" and " in name for name in found)


def test_one_name_with_and_inside_stays_whole(news: Pipeline) -> None:
    found = types(
        tag(
            news,
            "The Food and Drug Administration approved it, the Competition and Markets "
            "Authority said, and so did Bosnia and Herzegovina. Anna Weber and Deutsche Bank "
            "declined to comment.",
        )
    )
    assert found["Food and Drug Administration"] == "ORG"
    assert found["Competition and Markets Authority"] == "ORG"
    assert found["Bosnia and Herzegovina"] == "GPE"
    assert found["Anna Weber"] == "PERSON" and found["Deutsche Bank"] == "ORG"


def test_the_office_before_a_title_is_part_of_the_role(
    frankfurt: list[dict[str, Any]], news: Pipeline
) -> None:
    assert by_name(frankfurt, "Lars Klingbeil")["roles"] == ["Finance Minister"]
    found = tag(
        news,
        "Then President Joe Alder signed it. Health Secretary Mia Lund said on Monday the "
        "Finance Ministry agreed. Security Council members met later.",
    )
    assert by_name(found, "Joe Alder")["roles"] == ["President"]
    assert by_name(found, "Mia Lund")["roles"] == ["Health Secretary"]
    assert types(found)["Finance Ministry"] == "ORG"
    assert types(found)["Security Council"] == "ORG"


def test_teams_named_after_their_city(culture: list[dict[str, Any]]) -> None:
    sox = by_name(culture, "Boston Red Sox")
    assert sox["type"] == "ORG" and sox["aliases"] == ["Red Sox"]
    assert len(sox["mentions"]) == 3
    assert types(culture)["Houston Astros"] == "ORG"


def test_a_name_joined_to_an_organization_is_one(news: Pipeline) -> None:
    found = types(
        tag(news, "Analysts at Harbin Securities and Kovalt said the figures beat forecasts.")
    )
    assert found["Harbin Securities"] == "ORG" and found["Kovalt"] == "ORG"


def test_airport_codes_are_not_towns(news: Pipeline) -> None:
    found = types(
        tag(news, "Siemens led the DAX higher on Monday, and the company's IPO was delayed.")
    )
    assert found.get("DAX") != "GPE" and "IPO" not in found


def test_regions_named_as_places(news: Pipeline) -> None:
    found = types(
        tag(
            news,
            "The composer drew on the folk music of Bohemia and of Silesia, and later "
            "toured Anatolia. He was born in Flanders.",
        )
    )
    assert found["Bohemia"] == "GPE" and found["Silesia"] == "GPE"
    assert found["Anatolia"] == "LOC" and found["Flanders"] == "GPE"
