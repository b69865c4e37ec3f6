"""Speakers are people: role cues, unnamed sources, organizations speaking, and the cue
shapes wire copy uses, on made-up wire stories (``fixtures/articles/quotes-*.txt``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pressline import Pipeline

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"
DAY = date(2025, 3, 3)


@pytest.fixture(scope="module")
def no_references(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    # the entity tagger resolves no descriptions: the attributor's own role matching works
    path = tmp_path_factory.mktemp("quotes") / "no-references.yaml"
    path.write_text(
        "version: 1\nname: no-references\nextends: news\nsteps:\n"
        "  - id: entities\n    with: {references: false}\n",
        encoding="utf-8",
    )
    return Pipeline.load(path)


def run(pipeline: Pipeline, text: str) -> dict[str, Any]:
    report = pipeline.run(text, reference_date=DAY).to_dict()
    source = report["document"]["text"]
    for q in report["quotes"]["quotes"]:
        assert source[q["start"] : q["end"]] == q["text"]
        assert "description" in q
    return report


def article(name: str) -> str:
    return (ARTICLES / f"quotes-{name}.txt").read_text(encoding="utf-8")


def by_opening(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {" ".join(q["text"].split()[:3]): q for q in report["quotes"]["quotes"]}


def entity_types(report: dict[str, Any]) -> dict[str, str]:
    return {e["id"]: e["type"] for e in report["entities"]["entities"]}


@pytest.mark.parametrize("config", ["news", "no_references"])
def test_a_role_cue_goes_to_the_person_named_in_that_role(
    config: str, request: pytest.FixtureRequest
) -> None:
    report = run(request.getfixturevalue(config), article("roles"))
    quotes = by_opening(report)
    chief = quotes["We cannot vaccinate"]  # "the EF chief": executive director of the EF
    assert (chief["speaker"], chief["description"]) == ("John Roe", "the EF chief")
    ceo = quotes["We let our"]  # "the company's chief executive"
    assert ceo["speaker"] == "Jane Doe"
    assert ceo["description"] == "the company's chief executive"
    assert ceo["cue"] == "told reporters"
    assert quotes["We have seen"]["speaker"] == "Mark Hill"  # "the spokesman", named before
    types = entity_types(report)
    assert all(types[q["speaker_id"]] == "PERSON" for q in quotes.values())


def test_an_unnamed_source_is_nobody_with_its_description(news: Pipeline) -> None:
    report = run(news, article("unnamed"))
    quotes = by_opening(report)
    expected = {
        "Our priority is": "a ministry spokesman",
        "We will not": "a ministry spokesman",  # "he said" right after: the same man
        "Nobody has told": "a spokeswoman for the agency",
        "We are still": "a spokeswoman for the agency",  # a paragraph of her quote
        "The vaccines will": "officials",
        "There is no": "the diplomat",  # "A senior diplomat said ...", unnamed
    }
    assert {k: (q["speaker"], q["speaker_id"], q["description"]) for k, q in quotes.items()} == {
        k: (None, None, d) for k, d in expected.items()
    }


def test_an_organization_speaks_only_for_itself(news: Pipeline) -> None:
    report = run(news, article("organizations"))
    quotes = by_opening(report)
    assert quotes["We will publish"]["speaker"] == "Health Ministry"  # "the ministry said"
    assert quotes["Demand fell in"]["speaker"] == "Acme Inc"  # "said in a filing"
    assert quotes["The programme is"]["speaker"] == "UNICEF"
    assert all(q["speaker_id"] for q in quotes.values())


@pytest.mark.parametrize(
    ("opening", "speaker", "cue"),
    [
        ("We are close", "Anna Berg", "said"),  # said X, the council's chief negotiator
        ("Nothing is agreed", "Tom Hale", "told Reuters"),
        ("Hundreds of homes", "Lena Novak", "according to"),
        ("The vote was", "Erik Dahl", "said"),  # X said in a statement: “…”
        ("He has done", "Peter Smith", "said"),  # Smith said of Jones
        ("It will take", "Peter Smith", "added"),  # he added
        ("My client has", "Sarah Blake", "said"),  # said Jones's lawyer, Sarah Blake
        ("The numbers are", "Maria Keller", "said"),  # Keller, who has led ..., said
        ("We have spent", "Maria Keller", "said"),  # over two paragraphs, then "she said"
    ],
)
def test_speaker_shapes_of_wire_copy(news: Pipeline, opening: str, speaker: str, cue: str) -> None:
    quote = by_opening(run(news, article("speakers")))[opening]
    assert (quote["speaker"], quote["cue"], quote["description"]) == (speaker, cue, None)


def test_a_quote_over_two_paragraphs_is_one(news: Pipeline) -> None:
    quote = by_opening(run(news, article("speakers")))["We have spent"]
    assert quote["text"].endswith("work and live,")


def test_who_a_description_qualifies_is_not_the_speaker(news: Pipeline) -> None:
    text = (
        "Trial opens\n\n"
        "Mark Jones went on trial on Monday.\n\n"
        "\u201cHe has done nothing wrong in all these years,\u201d a spokeswoman for Jones "
        "said.\n\n"
        "\u201cThe evidence will speak for itself in court,\u201d Jones's lawyer said.\n"
    )
    quotes = by_opening(run(news, text))
    assert quotes["He has done"]["speaker"] is None
    assert quotes["He has done"]["description"] == "a spokeswoman for Jones"
    assert quotes["The evidence will"]["speaker"] is None
    assert quotes["The evidence will"]["description"] == "Jones's lawyer"


def test_an_ambiguous_role_is_left_unresolved(no_references: Pipeline) -> None:
    text = (
        "Trusts meet\n\n"
        "Maria Keller, head of the Example Fund, and John Roe, head of the Sample Trust, met "
        "in Rome on Monday.\n\n"
        "\u201cNothing was agreed at all today,\u201d the chief said.\n\n"
        "\u201cWe agreed on a timetable for the talks,\u201d the Sample Trust chief said.\n"
    )
    quotes = by_opening(run(no_references, text))
    vague = quotes["Nothing was agreed"]
    assert (vague["speaker"], vague["description"]) == (None, "the chief")
    assert quotes["We agreed on"]["speaker"] == "John Roe"


def test_an_indefinite_role_needs_its_organization(no_references: Pipeline) -> None:
    text = (
        "Briefing\n\n"
        "Pentagon spokesman Mark Hill briefed reporters on Monday.\n\n"
        "\u201cThe ministry has no comment on the report,\u201d a spokesman for the ministry "
        "said.\n"
    )
    quote = run(no_references, text)["quotes"]["quotes"][0]
    assert (quote["speaker"], quote["description"]) == (None, "a spokesman for the ministry")


def test_the_speaker_comes_after_an_opening_adverbial_and_from_a_document(
    news: Pipeline,
) -> None:
    text = (
        "Figures delayed\n\n"
        "PARIS (Reuters) - The Health Ministry said on Monday it would act. Emmanuel Macron "
        "met Vladimir Putin in Moscow.\n\n"
        'In a statement on Monday, the ministry said: "We will publish the figures next '
        'week."\n\n'
        'After meeting Putin, Macron told reporters: "We had a frank and useful exchange of '
        'views."\n\n'
        '"We are not going to change our plans at all," a statement from the ministry said.\n'
    )
    quotes = by_opening(run(news, text))
    assert quotes["We will publish"]["speaker"] == "Health Ministry"
    assert quotes["We had a"]["speaker"] == "Emmanuel Macron"
    assert quotes["We are not"]["speaker"] == "Health Ministry"
