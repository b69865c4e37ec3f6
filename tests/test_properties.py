"""End to end: every span in a report cuts its own text back out of the source, on
articles of words and on documents made of the shapes that stress a step (long runs of
dates, quotes, names, titles, digits, brackets, one huge paragraph, many tiny ones)."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st
from pressline import Pipeline

PIPELINE = Pipeline.load("news")

WORDS = [
    "Minister",
    "said",
    "U.S.",
    "Mr.",
    "Tehran",
    "3.5",
    "caf\u00e9",
    "cafe\u0301",
    "“Yes,”",
    "he",
    "on",
    "Wednesday.",
    "Read",
    "more",
    "Add",
    "new",
    "comment",
    "war?",
    "end!",
]
SPACES = [" ", "  ", "\u00a0", " \u00a0", "\t", "\u2009"]


@st.composite
def articles(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(1, 12))):
        words = draw(st.lists(st.sampled_from(WORDS), min_size=0, max_size=14))
        line = ""
        for word in words:
            line += word + draw(st.sampled_from(SPACES))
        lines.append(line)
        if draw(st.integers(0, 4)) == 0:
            lines.append(draw(st.sampled_from(lines)))  # a repeated line
        if draw(st.integers(0, 3)) == 0:
            lines.append("")
    return "\n".join(lines)


def normalized(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).replace("\u00a0", " ").split())


@settings(max_examples=150, deadline=None)
@given(articles())
def test_report_spans_are_the_source_text(text: str) -> None:
    report = PIPELINE.run(text)
    data = report.to_dict(layers="all")
    source = data["document"]["text"]
    assert source == text
    doc = report.document
    removed = data["cleaner"]["removed"]

    def as_source_has_it(start: int, end: int) -> str:
        # the source's text of a span, less the lines the cleaner removed inside it
        pieces, pos = [], start
        for r in removed:
            if start <= r["start"] and r["end"] <= end:
                pieces.append(source[pos : r["start"]])
                pos = r["end"]
        pieces.append(source[pos:end])
        return " ".join(pieces)

    for name, spans in data["layers"].items():
        for span, clean in zip(spans, doc.layer(name), strict=True):
            piece = as_source_has_it(span["start"], span["end"])
            assert normalized(piece) == normalized(doc.text[clean.start : clean.end]), name
    for removed in data["cleaner"]["removed"]:
        assert source[removed["start"] : removed["end"]] == removed["text"]
    for section in data["sectioner"]["sections"]:
        if section["heading"] is not None:
            cut = source[section["heading_start"] : section["heading_end"]]
            assert normalized(cut) == section["heading"]


# -- adversarial shapes ----------------------------------------------------------------
SHAPES = {
    "dates": ["on Monday, March 3, 2024 and ", "Nov. 9 ", "last week ", "2022-11-10 ", "1990s "],
    "quotes": ['"We will," said Smith. ', '"No," he said. ', "\u201cYes,\u201d she told AP. "],
    "unbalanced": ['He said "yes and ', "\u201cno ", "\u2018maybe ", "' ", '" '],
    "capitalized": ["Alpha ", "Bravo ", "The ", "Of ", "North ", "Royal ", "Grand "],
    "names": ["John Smith ", "Mary Jones ", "Ali Hassan ", "Raisi ", "Patrushev "],
    "titles": ["President ", "Minister ", "General ", "Dr. ", "Mr. ", "Prime ", "Sir "],
    "digits": ["1 ", "22 ", "4,444 ", "5.55 ", "66% ", "11:30 ", "$40 ", "3.5m "],
    "brackets": ["( ", ") ", "[1] ", "(AP) ", "((( ", "]]] ", "{x ", "(a (b [c] "],
    "prose": ["The council met. ", "It voted, and he said so. ", "Read more. "],
    "table": ["| Team | P | Pts | ", "| Arsenal FC | 38 | 89 | ", "| 1 | 2 | "],
}
SEPARATORS = ["", " ", "\n", "\n\n", "\n\n\n"]


@st.composite
def shaped(draw: st.DrawFn) -> str:
    """A document of runs of shapes: each run a shape's pieces drawn again and again,
    the runs joined on one line, by line breaks or as many tiny paragraphs."""
    parts = []
    for _ in range(draw(st.integers(1, 6))):
        pieces = SHAPES[draw(st.sampled_from(sorted(SHAPES)))]
        run = draw(st.lists(st.sampled_from(pieces), min_size=1, max_size=40))
        glue = draw(st.sampled_from(["", "", "\n\n"]))  # "\n\n": tiny paragraphs
        parts.append(glue.join(run))
        parts.append(draw(st.sampled_from(SEPARATORS)))
    return "".join(parts)


def _cuts_back(source: str, item: dict, what: str) -> None:
    assert 0 <= item["start"] <= item["end"] <= len(source), what
    assert source[item["start"] : item["end"]] == item["text"], what


@settings(max_examples=80, deadline=None)
@given(shaped())
def test_shaped_documents_report_spans_that_cut_back(text: str) -> None:
    data = PIPELINE.run(text, reference_date="2024-03-10").to_dict(layers="all")
    source = data["document"]["text"]
    assert source == text
    for entity in data["entities"]["entities"]:
        for mention in entity["mentions"]:
            _cuts_back(source, mention, "entity mention")
    for timex in data["timeline"]["timexes"]:
        _cuts_back(source, timex, "timex")
    for event in data["timeline"]["events"]:
        _cuts_back(source, event["timex"], "event timex")
        _cuts_back(source, event["sentence"], "event sentence")
        sentence, timex = event["sentence"], event["timex"]
        assert sentence["start"] <= timex["start"] <= timex["end"] <= sentence["end"]
    for quote in data["quotes"]["quotes"]:
        _cuts_back(source, quote, "quote")
    for removed in data["cleaner"]["removed"]:
        _cuts_back(source, removed, "removed")
    for section in data["sectioner"]["sections"]:
        assert 0 <= section["start"] <= section["end"] <= len(source)
        if section["heading"] is not None:
            cut = source[section["heading_start"] : section["heading_end"]]
            assert normalized(cut) == section["heading"]
    for name, spans in data["layers"].items():
        for span in spans:
            assert 0 <= span["start"] <= span["end"] <= len(source), name
