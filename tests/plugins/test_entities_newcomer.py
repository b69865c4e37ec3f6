"""Entity classes a new user found on real wire copy, shown on short made-up articles."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pressline import Pipeline


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


def test_storm_opening_a_sentence_is_an_event(news: Pipeline) -> None:
    found = types(
        entities(
            news,
            "Storm Fenwick forced schools across the north to close on Tuesday. "
            "Storm Ciara hit Wales a week later.",
        )
    )
    assert found.get("Storm Fenwick") == "EVENT"
    assert found.get("Storm Ciara") == "EVENT"
    assert "Fenwick" not in found and "Ciara" not in found
    assert found.get("Wales") == "GPE"


def test_a_name_before_virus_or_fever_is_a_disease(news: Pipeline) -> None:
    found = types(
        entities(
            news,
            "The Marburg virus has killed 12 people in Rwanda, officials said. Lassa fever "
            "is endemic in the region, and doctors also track Crohn's disease.",
        )
    )
    assert "Marburg" not in found
    assert "Lassa" not in found
    assert "Crohn" not in found
    assert found.get("Rwanda") == "GPE"


def test_a_disease_named_once_by_its_noun_is_a_disease_in_its_other_mentions(
    news: Pipeline,
) -> None:
    found = types(
        entities(
            news,
            "Kenya confirmed four new cases of Marburg virus in Kisumu county. "
            "The ministry said Marburg, which is related to Ebola, was spreading.",
        )
    )
    assert "Marburg" not in found
    assert found.get("Kisumu") == "GPE"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Norsk Hydro ASA said profits rose.", "Norsk Hydro ASA"),
        ("Siemens AG said it would cut jobs.", "Siemens AG"),
        ("Eni SpA said output fell.", "Eni SpA"),
        ("Profits at Engie SA rose, the company said.", "Engie SA"),
        ("Analysts said Nokia Oyj and Volvo AB gained.", "Nokia Oyj"),
        ("Philips NV said demand was weak.", "Philips NV"),
    ],
)
def test_a_company_with_its_legal_form_is_one_org(news: Pipeline, text: str, name: str) -> None:
    found = entities(news, text)
    assert by_name(found, name)["type"] == "ORG"


def test_a_company_read_as_a_person_is_one_org_with_its_group_name(news: Pipeline) -> None:
    found = entities(
        news,
        "FRANKFURT, Oct 16 (Reuters) - Shares of Halden Brook fell 6% in early trading. "
        "Net income was 410 million euros, Halden Brook Group said in a filing.\n\n"
        '"Demand has cooled," Halden Brook said in a statement.',
    )
    firm = by_name(found, "Halden Brook Group")
    assert firm["type"] == "ORG"
    assert "Halden Brook" in firm["aliases"]
    assert all(e["type"] != "PERSON" for e in found)


def test_a_club_named_like_a_person_is_an_org(news: Pipeline) -> None:
    found = entities(news, "In Europe, Juventus and Paris Saint-Germain both won on Saturday.")
    assert by_name(found, "Paris Saint-Germain")["type"] == "ORG"


def test_a_school_and_its_town_are_two_entities(news: Pipeline) -> None:
    found = entities(
        news,
        "He studied at Oxford and taught at Yale before joining the firm. "
        "He grew up in Oxford, where his father ran a bakery.",
    )
    oxford = sorted((e["type"], len(e["mentions"])) for e in found if e["name"] == "Oxford")
    assert oxford == [("GPE", 1), ("ORG", 1)]


def test_a_town_with_its_country_stays_a_place_beside_the_school(news: Pipeline) -> None:
    found = entities(news, "She was born in Cambridge, England, and later studied at Cambridge.")
    assert sorted(e["type"] for e in found if e["name"] == "Cambridge") == ["GPE", "ORG"]


@pytest.mark.parametrize(
    "text",
    [
        "Officials in GENEVA and ZURICH met on Monday to discuss the appeal.",
        "GENEVA, March 4, 2024 (Reuters) - The agency said the appeal was underfunded.",
    ],
)
def test_a_known_town_in_capitals_is_a_place(news: Pipeline, text: str) -> None:
    found = types(entities(news, text))
    assert found.get("GENEVA") == "GPE"
    assert found.get("ZURICH", "GPE") == "GPE"


def test_a_town_without_its_accents_is_the_town(news: Pipeline) -> None:
    found = types(entities(news, "Talks in Sao Paulo ended as officials in ZURICH waited."))
    assert found.get("Sao Paulo") == "GPE"
    assert found.get("ZURICH") == "GPE"


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "May Chen, head of investor relations, said the company would hold a call.",
            "May Chen",
            "head of investor relations",
        ),
        ("June Okafor, the firm's spokeswoman, said sales rose.", "June Okafor", "spokeswoman"),
    ],
)
def test_a_month_that_is_a_given_name_keeps_its_place_in_the_name(
    news: Pipeline, text: str, name: str, role: str
) -> None:
    person = by_name(entities(news, text), name)
    assert person["type"] == "PERSON"
    assert any(role in r for r in person["roles"])


def test_the_month_before_a_name_after_a_date_word_stays_the_month(news: Pipeline) -> None:
    found = types(entities(news, "The vote is set for May. Chen, the party's leader, agreed."))
    assert "May Chen" not in found


def test_holidays_and_airport_codes_are_not_names(news: Pipeline) -> None:
    found = types(
        entities(
            news,
            "The group decorated a Christmas tree at its headquarters in Leeds. "
            "Flights from FRA to LHR were cancelled, and he flew from JFK to London.",
        )
    )
    assert "Christmas" not in found
    assert not {"FRA", "LHR", "JFK"} & set(found)
    assert found.get("London") == "GPE"
    assert found.get("Leeds") == "GPE"


def mention_texts(found: list[dict[str, Any]], name: str) -> list[str]:
    return [m["text"] for m in by_name(found, name)["mentions"]]


def test_pronouns_in_a_quotation_said_of_a_person_refer_to_that_person(news: Pipeline) -> None:
    found = entities(
        news,
        "The pianist Anna Berg opened the festival in Bergen. "
        '"She has done more for Norwegian music than anyone," Erik Lunde said of Maria Moen. '
        '"Her Fifth Symphony is a landmark."',
    )
    assert mention_texts(found, "Maria Moen") == ["She", "Maria Moen", "Her"]
    assert mention_texts(found, "Anna Berg") == ["Anna Berg"]


def test_a_pronoun_whose_gender_does_not_fit_the_person_spoken_of_stays_unresolved(
    news: Pipeline,
) -> None:
    found = entities(
        news,
        "The pianist Anna Berg opened the festival in Bergen. "
        '"He was a fine teacher," Erik Lunde said of Maria Moen.',
    )
    assert "He" not in mention_texts(found, "Anna Berg")
    assert "He" not in mention_texts(found, "Maria Moen")
    assert "He" not in mention_texts(found, "Erik Lunde")
