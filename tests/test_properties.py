"""End to end: every span in a report cuts its own text back out of the source."""

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
