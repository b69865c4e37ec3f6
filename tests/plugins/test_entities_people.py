"""People the tagger used to miss: family names with an elided or joined particle
(d'Alembert, al-Sabunji), rulers' numbers after a title (Charles I), long Arabic names,
names with diacritics; on a made-up article."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pressline import Pipeline

ARTICLES = Path(__file__).parent.parent / "fixtures" / "articles"


@pytest.fixture(scope="module")
def found() -> dict[str, str]:
    text = (ARTICLES / "entities-people.txt").read_text(encoding="utf-8")
    report = Pipeline.load("news").run(text, reference_date=date(2025, 5, 5)).to_dict()
    out: dict[str, str] = {}
    entities: list[dict[str, Any]] = report["entities"]["entities"]
    for e in entities:
        for m in e["mentions"]:
            if m["kind"] == "name":
                assert text[m["start"] : m["end"]] == m["text"]
                out[m["text"]] = e["type"]
    return out


@pytest.mark.parametrize(
    "name",
    [
        "Jean le Rond d'Alembert",
        "Pierre d'Avrainville",
        "Chiara d'Onofrio",
        "Wajiha al-Sabunji",
        "Muhammad Salim al-Hajj Husayn Kadir",
        "Antonín Dvořák",
    ],
)
def test_names_with_particles_and_diacritics_are_whole_people(
    found: dict[str, str], name: str
) -> None:
    assert found.get(name) == "PERSON", found


def test_a_rulers_number_after_a_title(found: dict[str, str]) -> None:
    assert found.get("Charles I") == "PERSON", found


def test_the_pronoun_after_a_place_is_not_a_number(found: dict[str, str]) -> None:
    assert found.get("Paris") == "GPE"
    assert "Paris I" not in found and "I" not in found
