"""Datelines and bylines: found by the sectioner, reported, and a dateline's date used."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pressline import Pipeline

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"


def sectioner_of(text: str, **run: object) -> tuple[dict, dict]:
    report = Pipeline.load("news").run(text, **run).to_dict()
    return report["document"], report["sectioner"]


@pytest.mark.parametrize(
    ("dateline", "place", "when"),
    [
        ("TEHRAN, Nov. 10 (Reuters) —", "TEHRAN", "XXXX-11-10"),
        ("WASHINGTON —", "WASHINGTON", None),
        ("KYIV, Ukraine (AP) —", "KYIV, Ukraine", None),
        ("NEW DELHI:", "NEW DELHI", None),
        ("Paris, March 3, 2023 (AFP) -", "Paris", "2023-03-03"),
        ("BEIRUT, 10 November 2022 (Reuters) —", "BEIRUT", "2022-11-10"),
        ("SAN FRANCISCO, Calif., March 3, 2023 /PRNewswire/ --", "SAN FRANCISCO, Calif.",
         "2023-03-03"),
        ("Tehran, Nov 10, IRNA --", "Tehran", "XXXX-11-10"),
        ("GENEVA, 2023-03-03 —", "GENEVA", "2023-03-03"),
    ],
)  # fmt: skip
def test_datelines(dateline: str, place: str, when: str | None) -> None:
    text = (
        f"Officials Meet To Discuss The Deal\n\n{dateline} The talks began on time. "
        "It was the first meeting in years.\n"
    )
    document, sectioner = sectioner_of(text)
    found = sectioner["dateline"]
    assert found["text"] == dateline
    assert document["text"][found["start"] : found["end"]] == dateline
    assert (found["place"], found["date"]) == (place, when)


@pytest.mark.parametrize(
    "lede",
    [
        "BREAKING — A fire broke out downtown.",
        "However — and this matters — the vote failed.",
        "Smith, the mayor — who was absent — sent word.",
        "The city council voted 7-2 on Thursday night.",
        "TEHRAN, Feb. 30 — no such day.",
    ],
)
def test_no_dateline(lede: str) -> None:
    _, sectioner = sectioner_of(f"Officials Meet To Discuss The Deal\n\n{lede}\nMore text.\n")
    assert sectioner["dateline"] is None


def test_dateline_after_byline_and_date_lines_of_a_fixture() -> None:
    text = (ARTICLES / "dateline.txt").read_text(encoding="utf-8")
    document, sectioner = sectioner_of(text)
    assert sectioner["dateline"]["text"] == "WASHINGTON (Reuters) —"
    assert sectioner["byline"] is None
    assert document["reference_date"] is None  # no date in it


def test_byline_of_a_fixture() -> None:
    text = (ARTICLES / "byline.txt").read_text(encoding="utf-8")
    document, sectioner = sectioner_of(text)
    byline = sectioner["byline"]
    assert byline["text"] == "By Jane Doe"
    assert document["text"][byline["start"] : byline["end"]] == "By Jane Doe"
    assert sectioner["dateline"] is None
    assert sectioner["paragraphs"] == 9  # the byline stays a paragraph of the body


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("By Jane Doe and John Smith, Reuters", True),
        ("By JANE DOE | March 3, 2023", True),
        ("Reporting by Tom Evans; Editing by Sam Lee", True),
        ("By the end of the day, the council had voted. It was late.", False),
        ("By Friday the council had voted.", False),
        ("by train the team traveled to the city", False),
    ],
)
def test_bylines(line: str, found: bool) -> None:
    text = f"Officials Meet To Discuss The Deal\n\n{line}\n\nThe meeting was the first in years.\n"
    _, sectioner = sectioner_of(text)
    assert (sectioner["byline"] is not None) is found
    if found:
        assert sectioner["byline"]["text"] == line


WIRE = "Grain Ships Leave Odesa\n\nKYIV, Ukraine, March 3, 2023 (AP) — Ships left on Friday.\n"


def test_a_full_dateline_date_is_the_reference_date_when_nothing_better_exists() -> None:
    document, _ = sectioner_of(WIRE)
    assert (document["reference_date"], document["reference_date_from"]) == (
        "2023-03-03",
        "dateline",
    )


def test_the_date_flag_beats_the_dateline(cli, tmp_path) -> None:
    document, sectioner = sectioner_of(WIRE, reference_date=date(2023, 3, 4))
    assert (document["reference_date"], document["reference_date_from"]) == (
        "2023-03-04",
        "argument",
    )
    assert sectioner["dateline"]["date"] == "2023-03-03"  # still reported


def test_the_dateline_beats_the_config_default(tmp_path) -> None:
    config = tmp_path / "dated.yaml"
    config.write_text(
        "version: 1\nname: dated\nextends: news\nreference_date: 2000-01-01\nsteps: []\n"
    )
    pipeline = Pipeline.load(config)
    document = pipeline.run(WIRE).to_dict()["document"]
    assert (document["reference_date"], document["reference_date_from"]) == (
        "2023-03-03",
        "dateline",
    )
    undated = pipeline.run("Ships Leave\n\nKYIV (AP) — Ships left.\n").to_dict()["document"]
    assert undated["reference_date_from"] == "config"


def test_front_matter_beats_the_dateline(cli, tmp_path) -> None:
    path = tmp_path / "wire.md"
    path.write_text("---\ndate: 2023-03-05\n---\n" + WIRE, encoding="utf-8")
    result = cli("run", path, "-f", "json")
    assert '"reference_date_from": "front matter"' in result.stdout
