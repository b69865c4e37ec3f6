"""Roles from appositions and descriptions, and later descriptions that refer back to the
person holding the role, on made-up wire copy."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pressline import Pipeline
from pressline.document import Document
from pressline.plugins.entities import EntityTagger
from pressline.plugins.sectioner import Sectioner

ARTICLES = Path(__file__).parent.parent / "fixtures" / "articles"


def entities(pipeline: Pipeline, text: str) -> list[dict[str, Any]]:
    report = pipeline.run(text, reference_date=date(2025, 6, 9)).to_dict()
    return report["entities"]["entities"]


def by_name(found: list[dict[str, Any]], name: str) -> dict[str, Any]:
    hits = [e for e in found if e["name"] == name]
    assert len(hits) == 1, (name, [e["name"] for e in found])
    return hits[0]


def references(text: str) -> dict[str, list[str]]:
    """{person: the descriptions that refer to them}, from the tagger's document data."""
    doc = Document(text)
    for step in (Sectioner(), EntityTagger()):
        step.process(doc)
    return {
        e["name"]: [r["text"] for r in e["references"] if r["kind"] == "description"]
        for e in doc.data["entities"]
        if e["type"] == "PERSON"
    }


@pytest.mark.parametrize(
    ("text", "person", "role"),
    [
        (
            "Jane Doe, the agency's director-general, said prices rose.",
            "Jane Doe",
            "agency's director-general",
        ),
        (
            "John Roe, executive director of the Example Fund (EF), said so.",
            "John Roe",
            "executive director of the Example Fund",
        ),
        (
            "Jane Doe, 54, a former State Department official, said talks failed.",
            "Jane Doe",
            "former State Department official",
        ),
        (
            "A former State Department official, Jane Doe, said talks failed.",
            "Jane Doe",
            "former State Department official",
        ),
        (
            "The talks stalled, said a senior Pentagon official, Mark Lee.",
            "Mark Lee",
            "senior Pentagon official",
        ),
        ("Foreign Minister Jane Doe met her counterpart.", "Jane Doe", "Foreign Minister"),
        (
            "Anna Berg, who heads the agency, declined to comment.",
            "Anna Berg",
            "head of the agency",
        ),
        (
            "John Smith, the company's chief executive, said sales fell.",
            "John Smith",
            "company's chief executive",
        ),
    ],
)
def test_roles_in_appositions_and_descriptions(
    news: Pipeline, text: str, person: str, role: str
) -> None:
    assert role in by_name(entities(news, text), person)["roles"]


def test_descriptions_that_are_not_roles_give_none(news: Pipeline) -> None:
    found = entities(
        news,
        "Jane Doe, who lives in Oslo, said prices rose. In a statement, Mark Lee agreed. "
        "Peter Hall, the son of a farmer, spoke last.",
    )
    for name in ("Jane Doe", "Mark Lee", "Peter Hall"):
        assert by_name(found, name)["roles"] == []


def test_a_person_whose_family_name_is_a_name_head(news: Pipeline) -> None:
    found = entities(
        news,
        "A former State Department official, Linda Park, said aid was cut. Crowds "
        "gathered in Central Park. “This is the worst gap,” Park said.",
    )
    park = by_name(found, "Linda Park")
    assert park["type"] == "PERSON" and park["aliases"] == ["Park"]
    assert by_name(found, "Central Park")["type"] == "FAC"


def test_later_descriptions_refer_to_the_role_holder() -> None:
    refs = references((ARTICLES / "entities-roles.txt").read_text(encoding="utf-8"))
    assert refs["Erik Vandermeer"] == ["the director-general"]  # same role noun
    assert refs["Sofia Marchetti"] == ["the ESC chief"]  # the acronym, a head noun
    assert refs["Daniel Okafor"] == ["the former official"]  # role noun and rank word
    # nobody named holds the spokeswoman's role
    assert not any("spokeswoman" in r for rs in refs.values() for r in rs)


def test_descriptions_need_a_matching_role() -> None:
    refs = references(
        "Sofia Marchetti, executive director of the European Shippers Council (ESC), "
        "spoke first. The ESC spokesman disagreed. The former director left. "
        "Then the head of the port spoke."
    )
    # a spokesman is not the director; "former" is not her rank; "of" describes another
    assert refs["Sofia Marchetti"] == []


def test_quotes_credit_the_role_holder(news: Pipeline) -> None:
    text = (ARTICLES / "entities-roles.txt").read_text(encoding="utf-8")
    report = news.run(text, reference_date=date(2025, 6, 9)).to_dict()
    speakers = {q["text"][:12]: q["speaker"] for q in report["quotes"]["quotes"]}
    assert speakers["We have a de"] == "Erik Vandermeer"
    assert speakers["Our members "] == "Sofia Marchetti"
    assert speakers["The ministry"] == "Daniel Okafor"


def test_a_bare_description_needs_exactly_one_person_who_fits() -> None:
    refs = references(
        "Aid chiefs meet\n\n"
        "BERNE, May 4 (Reuters) - Ana Ruiz, the director-general of the Example Health "
        "Agency, met Tom Bell, executive director of the Sample Relief Fund (SRF), on Monday."
        "\n\nThe chief said the talks were useful. The SRF chief said money would come. "
        "The director-general said more was needed. The executive director agreed.\n"
    )
    assert refs["Ana Ruiz"] == ["The director-general"]
    # "the chief" fits both heads, so it is left unresolved
    assert refs["Tom Bell"] == ["The SRF chief", "The executive director"]
