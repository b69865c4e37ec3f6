"""The sectioner through its public API: ``Sectioner(options).process(doc)`` and ``summarize``."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pressline.document import Document, Edit
from pressline.plugins.sectioner import Sectioner, register_processors
from pydantic import ValidationError

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE.parent.parent / "examples" / "tehran-moscow.txt"
ARTICLES = HERE.parent / "fixtures" / "articles"

TITLE = "Tehran, Moscow Determined to Upgrade Strategic Ties"
STANDFIRST = (
    "Cooperation among independent countries is the strongest response to the policy of "
    "sanctions and destabilization pursued by the US and its allies, Raisi said"
)


def run(text: str | Document, **options: Any) -> tuple[Document, dict[str, Any]]:
    doc = text if isinstance(text, Document) else Document(text)
    sectioner = Sectioner(options)
    sectioner.process(doc)
    return doc, sectioner.summarize(doc)


def article(name: str) -> str:
    return (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")


def texts(doc: Document, layer: str, part: str | None = None) -> list[str]:
    return [
        doc.text[s.start : s.end]
        for s in doc.layer(layer)
        if part is None or s.attrs.get("part") == part
    ]


def emulate_cleaning(raw: str) -> Document:
    """What the cleaner does to the example, through the document's edit API: drop the two
    repeated headline lines and the comment-widget lines, turn NBSPs into spaces, trim
    lines and collapse blank-line runs."""
    doc = Document(raw)
    edits: list[Edit] = []
    pos = 0
    seen_title = False
    blank_run = 0
    furniture = {"Add new comment", "Read our comment policy before posting your viewpoints"}
    for line in raw.split("\n"):
        end = pos + len(line)
        stripped = line.replace("\xa0", " ").strip()
        drop = stripped in furniture or (stripped == TITLE and seen_title)
        seen_title = seen_title or stripped == TITLE
        blank_run = blank_run + 1 if not stripped else 0
        if drop or blank_run > 1:
            edits.append(Edit(pos, min(end + 1, len(raw)), "", "duplicate"))
        else:
            for m in re.finditer(r"\xa0", line):
                edits.append(Edit(pos + m.start(), pos + m.end(), " ", "whitespace"))
            tail = len(line) - len(line.rstrip(" \xa0"))
            if tail:
                edits = [e for e in edits if e.start < end - tail]
                edits.append(Edit(end - tail, end, "", "whitespace"))
        pos = end + 1
    doc.edit(edits)
    return doc


@pytest.fixture(scope="module")
def raw_example() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


def cleaned_docs(raw: str) -> list[Document]:
    docs = [emulate_cleaning(raw)]
    try:
        from pressline.plugins.cleaner import Cleaner
    except ImportError:
        return docs
    doc = Document(raw)
    Cleaner().process(doc)
    return [*docs, doc]


# -- the example article ------------------------------------------------------------------
@pytest.mark.parametrize("which", [0, 1], ids=["emulated-cleaning", "cleaner"])
def test_example_after_cleaning(raw_example: str, which: int) -> None:
    docs = cleaned_docs(raw_example)
    if which >= len(docs):
        pytest.skip("the cleaner is not installed")
    doc, summary = run(docs[which])

    assert summary["title"] == TITLE
    assert summary["standfirst"] == STANDFIRST
    assert [(s["heading"], s["paragraphs"]) for s in summary["sections"]] == [
        (None, 11),
        ("Strategic Relations", 6),
        ("Dialogue-based Initiative", 13),
    ]
    assert summary["paragraphs"] == 30
    assert summary["sentences"] == 30
    assert sum(s["sentences"] for s in summary["sections"]) == 30
    # Every body paragraph of this article is one sentence.
    paragraphs = [(p.start, p.end) for p in doc.layer("paragraphs")]
    body = [(s.start, s.end) for s in doc.layer("sentences") if s.attrs["part"] == "body"]
    assert body == paragraphs
    # Title, standfirst and headings are sentences too, but not body sentences.
    parts = [s.attrs["part"] for s in doc.layer("sentences")]
    assert parts.count("title") == 1
    assert parts.count("standfirst") == 1
    assert parts.count("heading") == 2
    # Offsets of the summary point into the source as read.
    for section in summary["sections"][1:]:
        heading = raw_example[section["heading_start"] : section["heading_end"]]
        assert heading == section["heading"]
        assert raw_example[section["start"] : section["end"]].startswith(heading)
    first = summary["sections"][0]
    assert raw_example[first["start"] :].startswith("President Ebrahim Raisi underlined")
    assert raw_example[: first["end"]].endswith(
        "“Creating a multipolar world is in the interest of all countries,” he said."
    )


def test_example_headings_are_not_body_sentences(raw_example: str) -> None:
    doc, _ = run(emulate_cleaning(raw_example))
    headings = texts(doc, "headings")
    assert headings == ["Strategic Relations", "Dialogue-based Initiative"]
    body = set(texts(doc, "sentences", "body"))
    assert not body & set(headings)


def test_example_quotations_the_sentence_goes_on_past_are_not_split(raw_example: str) -> None:
    doc, _ = run(emulate_cleaning(raw_example))
    sentences = texts(doc, "sentences")
    quoted = [s for s in sentences if ",” he said" in s or ",” he added" in s]
    assert len(quoted) >= 4
    for s in sentences:
        assert not s.startswith(("he said", "he added", "”"))
        assert s.count("“") == s.count("”")


def test_example_raw_text(raw_example: str) -> None:
    doc, summary = run(raw_example)
    assert summary["title"] == doc.text[doc.data["title"].start : doc.data["title"].end]
    assert summary["title"].replace("\xa0", " ") == TITLE
    assert summary["standfirst"] == STANDFIRST
    sections = summary["sections"]
    # The two repeated headline lines are neither paragraphs nor headings.
    assert [s["heading"] for s in sections] == [
        None,
        "Strategic Relations",
        "Dialogue-based Initiative",
    ]
    assert [s["paragraphs"] for s in sections[:2]] == [11, 6]
    # Uncleaned, the comment-widget lines at the end stay body text: not a heading.
    assert sections[2]["paragraphs"] == 13 + 2
    assert "Add new comment" not in texts(doc, "headings")


def test_offsets_are_identity_without_cleaning(raw_example: str) -> None:
    doc, summary = run(raw_example)
    for name in ("paragraphs", "sentences", "sections", "headings"):
        for span in doc.layer(name):
            start, end = doc.to_source(span.start, span.end)
            assert doc.source[start:end] == doc.text[span.start : span.end]
    for section in summary["sections"]:
        if section["heading"] is not None:
            assert (
                doc.source[section["heading_start"] : section["heading_end"]] == section["heading"]
            )


# -- article shapes -------------------------------------------------------------------------
def test_byline_and_date_lines_are_body_paragraphs_not_headings() -> None:
    doc, summary = run(article("byline"))
    assert summary["title"] == "City Council Approves New Budget After Marathon Session"
    assert summary["standfirst"].startswith("Spending on parks and libraries rises")
    assert texts(doc, "headings") == ["What Changes", "What Comes Next"]
    paragraphs = texts(doc, "paragraphs")
    assert paragraphs[:2] == ["By Jane Doe", "Published March 3, 2023"]
    assert [(s["heading"], s["paragraphs"], s["sentences"]) for s in summary["sections"]] == [
        (None, 5, 5),
        ("What Changes", 3, 3),
        ("What Comes Next", 1, 2),
    ]
    assert "Road repairs on Elm St. and Main St. will wait until 2025." in texts(doc, "sentences")


def test_dateline_wire_copy() -> None:
    doc, summary = run(article("dateline"))
    assert summary["title"] == "Senate Passes Stopgap Funding Bill Hours Before Deadline"
    assert summary["standfirst"] is None  # the lede runs on with the body
    assert summary["paragraphs"] == 5
    assert texts(doc, "headings") == []
    sentences = texts(doc, "sentences", "body")
    assert sentences[0].startswith("WASHINGTON (Reuters) — The U.S. Senate on Friday")
    assert sentences[0].endswith("sign into law.")
    assert "Sen. Mitch McConnell, the Republican leader, voted for it." in sentences
    assert "Rep. Jane Smith of the U.K.-born caucus said the vote was “a relief.”" in sentences
    assert sentences[-1].endswith("at 10.30 a.m. by the Appropriations Committee.")
    assert summary["sentences"] == 8


def test_related_link_lines_are_not_headings() -> None:
    doc, summary = run(article("related"))
    assert summary["title"] == "Heat Wave Breaks Records Across Southern Europe"
    assert texts(doc, "headings") == []
    assert len(summary["sections"]) == 1
    paragraphs = texts(doc, "paragraphs")
    assert "Related: How cities are adapting to extreme heat" in paragraphs
    assert summary["paragraphs"] == 6
    assert summary["standfirst"] is None


def test_photo_captions_are_not_headings() -> None:
    doc, summary = run(article("captions"))
    assert summary["title"] == "Thousands March in Capital Over Rising Prices"
    assert texts(doc, "headings") == ["Government Response"]
    paragraphs = texts(doc, "paragraphs")
    assert (
        "Protesters gather outside parliament on Saturday. (Photo: Jane Doe/Reuters)" in paragraphs
    )
    # A caption between a heading and its text does not stop the heading.
    assert summary["sections"][1]["paragraphs"] == 3


def test_one_paragraph_wire_story_has_no_title() -> None:
    doc, summary = run(article("wire"))
    assert summary["title"] is None
    assert summary["standfirst"] is None
    assert summary["paragraphs"] == 1
    assert summary["sentences"] == 3
    assert texts(doc, "sentences")[0].endswith("the Office for National Statistics said Wednesday.")
    assert len(summary["sections"]) == 1 and summary["sections"][0]["heading"] is None


def test_text_without_headline() -> None:
    doc, summary = run(article("no_headline"))
    assert summary["title"] is None
    assert summary["paragraphs"] == 4
    assert summary["sentences"] == 5
    assert texts(doc, "sentences")[-1] == (
        "“We were lucky this time,” said Mr. Okafor, who runs a shop by the harbor."
    )


def test_hard_wrapped_paragraphs_are_joined() -> None:
    text = article("hardwrapped")
    doc, summary = run(text)
    assert summary["title"] == "Scientists Map the Ocean Floor in Unprecedented Detail"
    assert texts(doc, "headings") == ["How the Data Will Be Used"]
    paragraphs = texts(doc, "paragraphs")
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("A new survey") and paragraphs[0].endswith("than Denmark.")
    assert (
        "Dr. Ingrid Berg, who led the work,\nsaid the resolution was about 5 m in shallow waters."
        in (texts(doc, "sentences"))
    )
    assert [s["sentences"] for s in summary["sections"]] == [4, 2]
    # Forcing one paragraph per line reads every wrapped line as a paragraph.
    _, by_line = run(text, paragraphs="line")
    assert by_line["paragraphs"] == 10


def test_sentences_never_cross_paragraphs() -> None:
    text = (
        "Headline Here\n\nThe deck, set apart from the body by blank lines.\n\n"
        "First paragraph has no stop\nSecond paragraph ends here.\nThird."
    )
    doc, summary = run(text)
    assert summary["standfirst"] == "The deck, set apart from the body by blank lines."
    paragraphs = [(p.start, p.end) for p in doc.layer("paragraphs")]
    assert len(paragraphs) == 3
    for s in doc.layer("sentences"):
        if s.attrs["part"] == "body":
            assert any(a <= s.start and s.end <= b for a, b in paragraphs)
    assert summary["sentences"] == 3


def test_standfirst_with_a_full_stop_set_apart_from_a_run_on_body() -> None:
    text = (
        "Rail Strike Halts Trains Across the Country\n\n"
        "Unions say the walkout will last three days unless talks resume.\n"
        "Rail Strike Halts Trains Across the Country\n\n"
        "No trains ran on Monday morning.\nCommuters crowded onto buses.\n"
    )
    doc, summary = run(text)
    assert (
        summary["standfirst"] == "Unions say the walkout will last three days unless talks resume."
    )
    assert summary["paragraphs"] == 2
    # The repeated headline is furniture: its sentence is the title's, not the body's.
    assert texts(doc, "sentences", "body") == [
        "No trains ran on Monday morning.",
        "Commuters crowded onto buses.",
    ]


def test_a_lede_is_not_a_standfirst() -> None:
    # Every paragraph is set apart by blank lines: a first paragraph ending in a full
    # stop cannot be told from a deck, so it stays body text.
    text = (
        "Rail Strike Halts Trains Across the Country\n\n"
        "Unions say the walkout will last three days unless talks resume.\n\n"
        "No trains ran on Monday morning.\n\nCommuters crowded onto buses.\n"
    )
    _, summary = run(text)
    assert summary["standfirst"] is None
    assert summary["paragraphs"] == 3


# -- headings ---------------------------------------------------------------------------------
SENTENCE_CASE = """Ada Lovelace

Augusta Ada King was an English mathematician and writer.

Early life

She was born in London in 1815. Her father left soon after.

He never returned

Her mother raised her alone.

How did you first hear of her

Through an old book.

Later work and legacy

She worked with Charles Babbage on the Analytical Engine.

Add new comment

Read our comment policy before posting your viewpoints
"""


def test_sentence_case_headings_versus_short_body_sentences() -> None:
    doc, summary = run(SENTENCE_CASE)
    assert summary["title"] == "Ada Lovelace"
    assert texts(doc, "headings") == ["Early life", "Later work and legacy"]
    paragraphs = texts(doc, "paragraphs")
    assert "He never returned" in paragraphs
    assert "How did you first hear of her" in paragraphs
    # Furniture at the end is followed by no prose, so it opens no section.
    assert "Add new comment" in paragraphs
    assert [s["heading"] for s in summary["sections"]] == [
        None,
        "Early life",
        "Later work and legacy",
    ]


def test_consecutive_headings_and_section_spans() -> None:
    text = "Report Title\n\nIntro text here.\n\nPart One\n\nChapter A\n\nBody of chapter A."
    doc, summary = run(text)
    assert texts(doc, "headings") == ["Part One", "Chapter A"]
    sections = doc.layer("sections")
    assert [(s.label, s.attrs["paragraphs"]) for s in sections] == [
        ("", 1),
        ("Part One", 0),
        ("Chapter A", 1),
    ]
    assert doc.text[sections[1].start : sections[1].end] == "Part One"
    assert doc.text[sections[2].start : sections[2].end] == "Chapter A\n\nBody of chapter A."
    assert sections[2].attrs["heading"] == [sections[2].start, sections[2].start + len("Chapter A")]
    assert summary["sections"][1]["heading_start"] == text.index("Part One")


def test_heading_layers_and_labels(raw_example: str) -> None:
    doc, _ = run(emulate_cleaning(raw_example))
    assert {s.label for s in doc.layer("paragraphs")} == {"paragraph"}
    assert {s.label for s in doc.layer("headings")} == {"heading"}
    assert {s.label for s in doc.layer("sentences")} == {"sentence"}
    assert {s.attrs["part"] for s in doc.layer("sentences")} == {
        "title",
        "standfirst",
        "heading",
        "body",
    }
    title = doc.data["title"]
    assert doc.text[title.start : title.end] == TITLE
    assert doc.data["standfirst"] is not None


# -- options ----------------------------------------------------------------------------------
def test_switching_detection_off(raw_example: str) -> None:
    doc = emulate_cleaning(raw_example)
    _, summary = run(doc, detect_headings=False)
    assert [s["heading"] for s in summary["sections"]] == [None]
    assert summary["paragraphs"] == 32  # the two headings read as paragraphs

    doc = emulate_cleaning(raw_example)
    _, summary = run(doc, detect_standfirst=False)
    assert summary["standfirst"] is None
    assert summary["sections"][0]["paragraphs"] == 12

    doc = emulate_cleaning(raw_example)
    _, summary = run(doc, detect_title=False)
    assert summary["title"] is None
    assert summary["standfirst"] is None


def test_blank_line_paragraphs_option(raw_example: str) -> None:
    _, summary = run(emulate_cleaning(raw_example), paragraphs="blank_line")
    assert [s["paragraphs"] for s in summary["sections"]] == [1, 1, 1]


def test_max_heading_words() -> None:
    text = (
        "Title Line\n\nSome text here.\n\nA Rather Long Heading of Seven Words\n\nMore text here."
    )
    doc, _ = run(text)
    assert texts(doc, "headings") == ["A Rather Long Heading of Seven Words"]
    doc, _ = run(text, max_heading_words=5)
    assert texts(doc, "headings") == []


def test_extra_abbreviations_option() -> None:
    text = "Cllr. Jones spoke at length. He left."
    _, summary = run(text)
    assert summary["sentences"] == 3
    _, summary = run(text, extra_abbreviations=["Cllr."])
    assert summary["sentences"] == 2


@pytest.mark.parametrize(
    "options",
    [
        {"paragraph": "line"},
        {"paragraphs": "sentence"},
        {"max_heading_words": 0},
        {"detect_title": "sometimes"},
        {"extra_abbreviations": "Cllr."},
    ],
)
def test_invalid_options_are_rejected(options: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        Sectioner(options)


def test_options_have_defaults_and_descriptions() -> None:
    options = Sectioner().options
    assert options.paragraphs == "auto"
    assert options.detect_title and options.detect_standfirst and options.detect_headings
    assert options.max_heading_words == 12
    assert options.extra_abbreviations == []
    for name, field in Sectioner.Options.model_fields.items():
        assert field.description, name


# -- contract ---------------------------------------------------------------------------------
def test_processor_contract_and_registration() -> None:
    assert Sectioner.name == "sectioner"
    assert Sectioner.requires == ()
    assert set(Sectioner.produces) == {
        "paragraphs",
        "sentences",
        "sections",
        "headings",
        "title",
        "standfirst",
        "dateline",
        "byline",
    }
    registered: list[type] = []
    register_processors(registered.append)
    assert registered == [Sectioner]


@pytest.mark.parametrize("text", ["", "\n\n  \n", "Just one line"])
def test_degenerate_texts(text: str) -> None:
    doc, summary = run(text)
    assert summary["title"] is None
    assert summary["standfirst"] is None
    if text.strip():
        assert summary["paragraphs"] == 1
        assert summary["sentences"] == 1
    else:
        assert summary == {
            "title": None,
            "standfirst": None,
            "sections": [],
            "paragraphs": 0,
            "sentences": 0,
            "dateline": None,
            "byline": None,
            "sentence_spans": [],
        }
        assert doc.layer("sentences") == []


_ALPHABET = "ab AB.?!…“”\"'()[]1\n\n\n,:;—-\xa0"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=300))
def test_layers_tile_the_text_in_order(text: str) -> None:
    doc, summary = run(text)
    units = [*doc.layer("paragraphs"), *doc.layer("headings")]
    for name in ("title", "standfirst"):
        if doc.data[name] is not None:
            units.append(doc.data[name])
    sentences = doc.layer("sentences")
    last = 0
    for s in sentences:
        piece = doc.text[s.start : s.end]
        assert piece and piece == piece.strip()
        assert s.start >= last
        last = s.end
    for u in units:
        piece = doc.text[u.start : u.end]
        assert piece and piece == piece.strip()
        inside = [s for s in sentences if u.start <= s.start and s.end <= u.end]
        # The sentences of a unit cover all of its text but the spaces between them.
        covered = "".join(doc.text[s.start : s.end] for s in inside)
        assert "".join(covered.split()) == "".join(piece.split())
    assert summary["paragraphs"] == len(doc.layer("paragraphs"))
    assert summary["sentences"] == sum(s["sentences"] for s in summary["sections"])
