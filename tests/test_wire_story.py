"""A made-up wire story with a year-less dateline, checked for what a journalist checks first.

The story (``fixtures/articles/wire-geneva.txt``) carries each class of error that real wire
copy shows: dates governed by a past-tense reporting verb with a "would" clause after them,
a relative date ("the year before"), roles in appositions, organization names with their
acronyms, a role cue for a speaker ("the GHF chief said"), an unnamed spokesman, and disease
acronyms that are not organizations. It is run the way a user runs it, through the command
line with ``--date``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

STORY = Path(__file__).parent / "fixtures" / "articles" / "wire-geneva.txt"


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pressline",
            "run",
            str(STORY),
            "--date",
            "2025-03-03",
            "-f",
            "json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def timex(report: dict[str, Any], text: str, after: str = "") -> dict[str, Any]:
    """The first timex with this text that starts after the first occurrence of ``after``."""
    source = report["document"]["text"]
    floor = source.index(after) if after else 0
    for t in report["timeline"]["timexes"]:
        if t["text"] == text and t["start"] >= floor:
            return t
    raise AssertionError(f"no timex {text!r} after {after!r}")


def entity(report: dict[str, Any], name: str) -> dict[str, Any]:
    for e in report["entities"]["entities"]:
        if e["name"] == name:
            return e
    names = [e["name"] for e in report["entities"]["entities"]]
    raise AssertionError(f"no entity {name!r} in {names}")


def quote(report: dict[str, Any], opening: str) -> dict[str, Any]:
    for q in report["quotes"]["quotes"]:
        if opening in q["text"]:
            return q
    raise AssertionError(f"no quote with {opening!r}")


@pytest.mark.parametrize(
    ("text", "after", "value"),
    [
        ("March 3", "", "2025-03-03"),  # the dateline's year comes from --date
        ("Monday", "", "2025-03-03"),
        ("last year", "", "2024"),
        ("the year before", "", "2023"),  # relative to "in 2024", not to the article's date
        ("January", "The ministry said", "2025-01"),  # "said in January that it would leave"
        ("Friday", "", "2025-02-28"),  # "said on Friday that the money would not arrive"
        ("Feb. 14", "", "2025-02-14"),  # "said on Feb. 14 that it would hold"
        ("January", "Gavi", "2025-01"),  # "had delivered ... since January"
        ("April", "", "2025-04"),  # "would publish its next report in April": ahead
    ],
)
def test_dates_follow_the_verb_they_attach_to(
    report: dict[str, Any], text: str, after: str, value: str
) -> None:
    assert timex(report, text, after)["value"] == value


def test_organization_names_stay_whole(report: dict[str, Any]) -> None:
    unicef = entity(report, "United Nations Children's Fund")
    assert unicef["type"] == "ORG"
    assert "UNICEF" in unicef["aliases"]
    names = {e["name"] for e in report["entities"]["entities"]}
    assert "United Nations" not in names and "Fund" not in names
    assert entity(report, "U.S. State Department")["type"] == "ORG"
    assert entity(report, "Global Health Fund")["aliases"] == ["GHF"]
    gavi = [e for e in report["entities"]["entities"] if e["name"].startswith("Gavi")]
    assert gavi and gavi[0]["type"] == "ORG"


def test_diseases_are_not_organizations(report: dict[str, Any]) -> None:
    orgs = {e["name"] for e in report["entities"]["entities"] if e["type"] == "ORG"}
    assert not orgs & {"COVID-19", "COVID", "MERS", "HIV"}


def test_roles_come_from_appositions(report: dict[str, Any]) -> None:
    assert any("director-general" in r for r in entity(report, "Maria Keller")["roles"])
    assert any("executive director" in r for r in entity(report, "Tomas Brandt")["roles"])
    park = entity(report, "Linda Park")
    assert park["type"] == "PERSON"
    assert any("State Department official" in r for r in park["roles"])


def test_speakers_are_people(report: dict[str, Any]) -> None:
    assert quote(report, "We are losing ground")["speaker"] == "Maria Keller"
    assert quote(report, "We cannot vaccinate")["speaker"] == "Tomas Brandt"  # "the GHF chief"
    assert quote(report, "This is the worst gap")["speaker"] == "Linda Park"
    unnamed = quote(report, "Our priority")
    assert unnamed["speaker"] is None and unnamed["speaker_id"] is None
    assert "spokesman" in unnamed["description"]
    org_ids = {e["id"] for e in report["entities"]["entities"] if e["type"] != "PERSON"}
    assert not {q["speaker_id"] for q in report["quotes"]["quotes"]} & org_ids


def test_offsets_cut_back_out(report: dict[str, Any]) -> None:
    source = report["document"]["text"]
    assert source == STORY.read_text(encoding="utf-8")
    for e in report["entities"]["entities"]:
        for m in e["mentions"]:
            assert source[m["start"] : m["end"]] == m["text"]
    for q in report["quotes"]["quotes"]:
        assert source[q["start"] : q["end"]] == q["text"]
    for t in report["timeline"]["timexes"]:
        assert source[t["start"] : t["end"]] == t["text"]
