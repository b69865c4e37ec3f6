"""Grouping mentions into people when many share a family name: each full name is one
person, "Anna J. Berg" is "Anna Berg", and a family name alone is the person last named
in full before it; on made-up articles of many people."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pressline import Pipeline

FIRSTS = ["Anna", "Lars", "Maria", "Peter", "Ingrid", "Tomas", "Karin", "Erik"]
LASTS = ["Berg", "Lund", "Holm", "Dahl", "Strand"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.load("news")


def _people(pipeline: Pipeline, text: str) -> list[dict[str, Any]]:
    report = pipeline.run(text, reference_date=date(2024, 5, 1)).to_dict()
    people: list[dict[str, Any]] = []
    for e in report["entities"]["entities"]:
        for m in e["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]
        if e["type"] == "PERSON":
            people.append(e)
    return people


def _article(rounds: int) -> str:
    """Every person named in full, then by the family name alone, in each round (a
    paragraph said twice would be dropped as a repeat: each round has its own day)."""
    paragraphs = []
    for n in range(rounds):
        for last in LASTS:
            for first in FIRSTS:
                middle = f" {first[0]}." if n % 2 else ""
                paragraphs.append(
                    f"{first}{middle} {last} spoke at the meeting on {DAYS[n % len(DAYS)]}. "
                    f"{last} said the plan was good."
                )
    return "Town council meets\n\n" + "\n\n".join(paragraphs)


@pytest.mark.parametrize("rounds", [1, 3])
def test_many_people_sharing_family_names_are_each_one_person(
    pipeline: Pipeline, rounds: int
) -> None:
    text = _article(rounds)
    people = _people(pipeline, text)
    assert len(people) == len(FIRSTS) * len(LASTS)
    for person in people:
        names = [m["text"] for m in person["mentions"]]
        first, last = names[0].split()[0], names[0].split()[-1]
        # every mention is this person's full name (with or without the initial) or the
        # family name alone, said right after the full name
        assert all(n == last or (n.split()[0], n.split()[-1]) == (first, last) for n in names)
        assert names.count(last) == rounds
        assert len(names) == 2 * rounds


def test_a_family_name_alone_is_the_person_last_named_before_it(pipeline: Pipeline) -> None:
    text = (
        "Council news\n\n"
        "Anna Berg opened the meeting. Lars Berg disagreed. Berg left early.\n\n"
        "Anna Berg closed the meeting. Berg thanked everyone."
    )
    people = _people(pipeline, text)
    by_name = {p["name"]: [(m["text"], m["start"]) for m in p["mentions"]] for p in people}
    lars_berg = text.index("Berg left")
    anna_berg = text.index("Berg thanked")
    assert ("Berg", lars_berg) in by_name["Lars Berg"]
    assert ("Berg", anna_berg) in by_name["Anna Berg"]


def test_a_first_name_alone_is_the_person_last_named_with_it(pipeline: Pipeline) -> None:
    text = (
        "Council news\n\n"
        "Ingrid Lund and Ingrid Holm met on Monday. Ingrid said it went well.\n\n"
        "Ingrid Lund spoke later. Ingrid was pleased."
    )
    people = _people(pipeline, text)
    by_name = {p["name"]: [(m["text"], m["start"]) for m in p["mentions"]] for p in people}
    assert ("Ingrid", text.index("Ingrid said")) in by_name["Ingrid Holm"]
    assert ("Ingrid", text.index("Ingrid was")) in by_name["Ingrid Lund"]
