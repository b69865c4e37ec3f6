"""Saved news web pages: the article's text, title and date, without the page's furniture."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from pressline import Pipeline

pytest.importorskip("trafilatura", reason="reading HTML needs pip install 'pressline[html]'")

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
COUNCIL = PAGES / "council-budget.html"  # UTF-8, with article:published_time and JSON-LD
GRAIN = PAGES / "grain-wire.html"  # windows-1252, no date metadata, a dateline

# What the council page shows around its article, which must not reach the report.
FURNITURE = [
    "Skip to main content",
    "We use cookies",
    "Subscribe for $1 a week",
    "Obituaries",
    "Elm Street bridge closed overnight",  # the breaking-news ticker
    "Share on Facebook",
    "Photo: Sam Lee",
    "Budget hearing draws record crowd",  # related links, inline and below
    "School board names a new superintendent",
    "Get the Ledger’s morning newsletter",
    "RiversideResident42",  # the comments
    "Thank you for the library hours",
    "Add new comment",
    "Tigers win first state title",  # most read
    "All rights reserved",
    "Advertisement",
]


@pytest.fixture(scope="module")
def council() -> dict:
    pipeline = Pipeline.load("news")
    return pipeline.run_document(pipeline.read(COUNCIL)).to_dict()


def test_pressline_run_page_html(run_pressline, tmp_path) -> None:
    result = run_pressline("run", COUNCIL, "-f", "json", "-o", tmp_path / "report.json")
    assert result.returncode == 0, result.stderr.decode()
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["sectioner"]["title"] == "City Council Approves New Budget After Marathon Session"
    assert report["document"]["reference_date"] == "2023-03-03"
    assert "RiversideResident42" not in report["document"]["text"]
    summary = run_pressline("run", COUNCIL)
    assert summary.returncode == 0 and summary.stderr == b""  # trafilatura's log stays quiet
    assert b"2023-03-03 (from html metadata)" in summary.stdout


def test_a_saved_page_gives_the_article_title_and_published_date(council) -> None:
    document = council["document"]
    text = document["text"]
    assert text.startswith("City Council Approves New Budget After Marathon Session\n\n")
    assert council["sectioner"]["title"] == (
        "City Council Approves New Budget After Marathon Session"
    )
    assert document["reference_date"] == "2023-03-03"  # published, not modified (03-06)
    assert document["reference_date_from"] == "html metadata"
    for sentence in (
        "The city council voted 7-2 on Thursday night to approve a $1.2 billion budget",
        "Mayor Dana Ruiz called the vote “a turning point",
        "The parks department gets 40 new positions",
        "Evans said he would bring the road repairs back",
    ):
        assert sentence in text
    for furniture in FURNITURE:
        assert furniture not in text, furniture


def test_the_page_structure_becomes_standfirst_and_sections(council) -> None:
    sectioner = council["sectioner"]
    assert sectioner["standfirst"] == (
        "Spending on parks and libraries rises for the first time in a decade, while road "
        "repairs are put off again"
    )
    assert [s["heading"] for s in sectioner["sections"]] == [
        None,
        "What changes",
        "What comes next",
    ]
    assert [s["paragraphs"] for s in sectioner["sections"]] == [4, 3, 2]


def test_offsets_are_into_the_extracted_text_and_the_report_says_so(council) -> None:
    text = council["document"]["text"]
    assert council["document"]["chars"] == len(text)
    for section in council["sectioner"]["sections"]:
        if section["heading"]:
            assert text[section["heading_start"] : section["heading_end"]] == section["heading"]
    (warning,) = council["warnings"]
    assert "council-budget.html is HTML" in warning and "extracted" in warning


def test_page_metadata_is_kept_beside_the_text() -> None:
    doc = Pipeline.load("news").read(COUNCIL)
    assert doc.meta["format"] == "html"
    assert doc.meta["author"] == "Jane Doe"
    assert doc.meta["site"] == "The Riverside Ledger"
    assert doc.meta["url"].endswith("/local/2023/03/03/city-council-approves-new-budget")


def test_date_flag_beats_the_page_metadata(cli) -> None:
    result = cli("run", COUNCIL, "--date", "2023-03-04", "-f", "json")
    document = json.loads(result.stdout)["document"]
    assert (document["reference_date"], document["reference_date_from"]) == (
        "2023-03-04",
        "argument",
    )


def test_standard_input_with_input_format_html(cli) -> None:
    result = cli("run", "-", "--input-format", "html", "-f", "json", input=COUNCIL.read_bytes())
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["document"]["id"] == "stdin"
    assert report["document"]["reference_date"] == "2023-03-03"
    assert "RiversideResident42" not in report["document"]["text"]


def test_a_page_on_standard_input_is_recognised_without_the_flag(cli) -> None:
    result = cli("run", "-", "-f", "json", input=COUNCIL.read_bytes())
    report = json.loads(result.stdout)
    assert report["document"]["reference_date_from"] == "html metadata"


def test_legacy_charset_page_with_its_date_in_the_dateline(cli) -> None:
    report = json.loads(cli("run", GRAIN, "-f", "json").stdout)
    document = report["document"]
    assert document["text"].startswith("Ukraine’s grain exports resume after café-side talks\n\n")
    assert "the port of Odesa on Friday" in document["text"]
    for furniture in ("Log in", "farmer_joe", "120 days is not enough", "five charts", "Trending"):
        assert furniture not in document["text"]
    # no date in the page's metadata: the dateline gives it
    assert report["sectioner"]["dateline"]["text"] == "KYIV, Ukraine, March 3, 2023 (AP) —"
    assert (document["reference_date"], document["reference_date_from"]) == (
        "2023-03-03",
        "dateline",
    )


def test_a_page_without_an_article_is_an_empty_document_with_a_warning(cli, tmp_path) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<!DOCTYPE html><html><head><title>x</title></head><body></body></html>")
    result = cli("run", page, "-f", "json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["document"]["text"] == ""
    assert any("No article text was found" in w for w in report["warnings"])


def test_without_the_html_extra_the_error_says_what_to_install(cli, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # as if not installed
    result = cli("run", COUNCIL)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "[PL509]" in result.stderr and "pip install 'pressline[html]'" in result.stderr
