"""Section headings on news pages: what is a heading and what only looks short.

Each fixture under ``tests/fixtures/articles/headings-*.txt`` is a made-up page with one
or more classes of short paragraph that are not headings (captions, quotations, list
items, table rows, Q&A labels, short sentences, end matter) beside real headings of
several shapes.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pressline import Pipeline
from pressline.document import Document
from pressline.plugins.sectioner import Sectioner

ARTICLES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"
BODY = (
    "The council approved the plan after a long debate on Tuesday evening, and officials "
    "said work would begin next spring in the northern districts of the city."
)
BODY2 = (
    "Residents who spoke to reporters were divided, with some welcoming the investment and "
    "others warning that rents in the area would rise sharply as a result."
)


def headings(text: str) -> list[str]:
    doc = Document(text)
    sectioner = Sectioner()
    sectioner.process(doc)
    return [s["heading"] for s in sectioner.summarize(doc)["sections"] if s["heading"]]


def page_with(line: str) -> str:
    """A short page with ``line`` as a paragraph of its own between two body paragraphs."""
    return f"Council Backs City Plan\n\n{BODY}\n\n{line}\n\n{BODY2}\n\n{BODY}\n"


def article(name: str) -> str:
    return (ARTICLES / f"headings-{name}.txt").read_text(encoding="utf-8")


# -- one paragraph at a time ----------------------------------------------------------------
@pytest.mark.parametrize(
    "line",
    [
        # real headings of several shapes
        "Early life",
        "Reaction",
        "Background",
        "What happens next",
        "The road ahead",
        "Response from the opposition",
        "Strategic Relations",
        "EARLY YEARS",
        "2. Early life",
        "2014",
        "Legacy and honours",
    ],
)
def test_real_headings(line: str) -> None:
    assert headings(page_with(line)) == [line]


@pytest.mark.parametrize(
    "line",
    [
        # captions
        "Mayor Jane Doe speaks at a rally in Springfield on Monday",
        "Jane Doe at the council meeting in 2021",
        "Jane Doe (left) with John Roe",
        "The new bridge, seen from the east bank",
        "Photo: John Roe",
        "Image: City of Springfield",
        "John Roe/Reuters",
        # captions naming what the picture shows
        "Map of the flooded districts",
        "An aerial view of the damaged barrier",
        "A statue of the founder in the main square",
        # quotations
        '"We will not give up"',
        "“A turning point”",
        "'Enough is enough'",
        # list items
        "- More buses",
        "* Lower fares",
        "• Longer hours",
        # Q&A and speaker labels
        "Q: What happens now",
        "A: Nobody knows yet",
        "Wikinews: Why did you run",
        # end matter and page furniture
        "Related news",
        "Sources",
        "External links",
        "Read more",
        "Advertisement",
        "See also",
        # timestamps, datelines, bylines
        "Updated 10:42 GMT",
        "March 3, 2025",
        "By Jane Doe",
        "GENEVA (Reuters)",
        # final question and exclamation marks, lead-ins
        "What Happens Next?",
        "Vote Now!",
        "The plan includes:",
        # short sentences
        "The vote is on Friday",
        "She won",
        "Officials declined to comment",
        "Nobody was hurt",
        "Police arrested two men",
        "Nobody wants to lose it",
        "Talks resume next week",
        # answers in an interview
        "Yes",
        "Okay",
        "Not at all",
        "No comment",
        # credits and copyright lines
        "Reporting by Jane Doe; Editing by John Roe",
        "(Additional reporting by Jane Doe)",
        "© 2025 Riverton Herald",
        # negations: a clause
        "Prices haven’t moved",
        "Funding still not agreed",
    ],
)
def test_short_paragraphs_that_are_not_headings(line: str) -> None:
    assert headings(page_with(line)) == []


# -- whole pages ------------------------------------------------------------------------------
def test_wire_story_captions_quotes_and_end_matter() -> None:
    # A caption without a credit, a quotation paragraph, a short sentence, "Related news"
    # and "Sources" with their link lists; three real headings.
    assert headings(article("wire")) == ["Background", "Reaction", "What happens next"]


def test_interview_labels_answers_and_a_name_caption() -> None:
    # "Anna Berg" is the caption of a photo just above the "Interview" heading: of two
    # headings in a row, the one made only of names is the caption.
    assert headings(article("interview")) == ["Interview", "Plans for the summer"]


def test_lists_tables_and_numbered_headings() -> None:
    # A heading over a bulleted or numbered list is still a heading; the items, the
    # table rows and a numbered list are not; "1. Early life" with its body is.
    assert headings(article("lists")) == [
        "What goes in the blue bin",
        "Collection days",
        "1. Early life",
        "2. Career",
    ]


def test_numbered_list_items_are_not_headings() -> None:
    text = (
        "How to Bake Bread at Home\n\n" + BODY + "\n\n1. Preheat the oven\n\n"
        "2. Mix the flour and water\n\n3. Knead the dough\n\n" + BODY2 + "\n"
    )
    assert headings(text) == []


def test_infobox_rows_and_photo_captions_in_a_biography() -> None:
    assert headings(article("bio")) == [
        "Early life",
        "Career",
        "Personal life",
        "Awards and honours",
    ]


def test_short_sentences_are_not_headings() -> None:
    assert headings(article("short")) == ["A Shop Worth Saving"]


def test_web_page_lines_timestamps_and_widgets() -> None:
    # One paragraph per line, as copied from a web page: Title Case headings are found;
    # "Updated 10:42 GMT", "Share", "Advertisement", "Read more", "Most Popular" are not.
    assert headings(article("web")) == ["Why Workers Are Striking", "What It Means for Shoppers"]


def test_a_run_of_short_lines_is_a_list() -> None:
    text = (
        "What the Shop Sells\n\n" + BODY + "\n\nFresh bread\n\nLocal cheese\n\n"
        "Garden Tools\n\n" + BODY2 + "\n"
    )
    assert headings(text) == []


def test_a_heading_after_a_question_paragraph_is_an_interruption() -> None:
    # In an interview, a question waits for its answer: a short line between them is a
    # caption, not a heading.
    text = (
        "Wikinews Interviews a Baker\n\n" + BODY + "\n\nWhat made you open the shop?\n\n"
        "The Old Bakery\n\n" + BODY2 + "\n"
    )
    assert headings(text) == []


def test_headings_through_the_pipeline() -> None:
    report = Pipeline.load("news").run(article("wire"), reference_date=date(2025, 3, 4))
    sections = report.to_dict()["sectioner"]["sections"]
    assert [s["heading"] for s in sections] == [None, "Background", "Reaction", "What happens next"]
    text = report.to_dict()["document"]["text"]
    for s in sections[1:]:
        assert text[s["heading_start"] : s["heading_end"]] == s["heading"]


def test_a_page_opening_with_a_caption_has_no_title() -> None:
    text = "A statue of Jane Doe in Riverton\n\n" + BODY + "\n\nEarly life\n\n" + BODY2 + "\n"
    doc = Document(text)
    sectioner = Sectioner()
    sectioner.process(doc)
    summary = sectioner.summarize(doc)
    assert summary["title"] is None
    assert [s["heading"] for s in summary["sections"] if s["heading"]] == ["Early life"]
