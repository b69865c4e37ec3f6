"""The clean-text -> source alignment: exact, composable, and never swallowing deletions."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from pressline import Document, Edit
from pressline.alignment import Alignment


def test_deletion_edges_map_outside_the_deleted_text() -> None:
    doc = Document("keep DROP keep")
    doc.edit([Edit(5, 10, "")])
    assert doc.text == "keep keep"
    # "keep" after the deletion starts after it; the first "keep " ends before it
    assert doc.to_source(5, 9) == (10, 14)
    assert doc.to_source(0, 5) == (0, 5)


def test_replacement_of_different_length() -> None:
    doc = Document("a   b\u00a0c")
    doc.edit([Edit(1, 4, " "), Edit(5, 6, " ")])
    assert doc.text == "a b c"
    assert doc.to_source(2, 3) == (4, 5)  # "b"
    assert doc.to_source(1, 2) == (1, 4)  # the collapsed run maps to the whole run
    assert doc.to_source(0, 5) == (0, 7)


def test_two_rounds_of_edits_compose() -> None:
    doc = Document("x  y  DUP\nz")
    doc.edit([Edit(1, 3, " ")])
    assert doc.text == "x y  DUP\nz"
    doc.edit([Edit(3, 8, "")])
    assert doc.text == "x y\nz"
    assert doc.to_source(4, 5) == (10, 11)
    assert doc.source[slice(*doc.to_source(2, 3))] == "y"


def test_empty_text() -> None:
    doc = Document("   ")
    doc.edit([Edit(0, 3, "")])
    assert doc.text == ""
    assert doc.to_source(0, 0) in {(0, 0), (3, 3)}


def test_lookups_are_binary_searches() -> None:
    # 100k segments: a linear scan per lookup would make this loop take minutes
    text = "ab " * 100_000
    edits = [Edit(i, i + 1, "") for i in range(2, len(text), 3)]
    align = Alignment.identity(len(text))
    clean, align = align.compose(edits, text)
    assert len(align.segments) == 100_000
    for n in range(0, len(clean), 7):
        assert text[align.start(n)] == clean[n]


WORD = st.text(alphabet="abcdefgé", min_size=1, max_size=6)
SEP = st.sampled_from([" ", "  ", "\u00a0", "\t", "\n", " \u00a0 ", "\n\n\n"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(WORD, SEP), min_size=1, max_size=40), st.data())
def test_every_word_maps_back_to_its_source(pieces, data) -> None:
    source = "".join(w + s for w, s in pieces)
    doc = Document(source)
    # collapse every separator run to one space, and delete some words outright
    edits = []
    pos = 0
    for word, sep in pieces:
        if data.draw(st.booleans(), label="delete") and len(pieces) > 1:
            edits.append(Edit(pos, pos + len(word) + len(sep), "", "dropped"))
        elif sep != " ":
            edits.append(Edit(pos + len(word), pos + len(word) + len(sep), " "))
        pos += len(word) + len(sep)
    doc.edit(edits)
    for match in re.finditer(r"\S+", doc.text):
        start, end = doc.to_source(match.start(), match.end())
        assert doc.source[start:end] == match.group()
    # a span over several words covers exactly their source, separators included
    words = list(re.finditer(r"\S+", doc.text))
    if len(words) >= 2:
        start, end = doc.to_source(words[0].start(), words[-1].end())
        assert doc.source[start:end].split() == [w for w in doc.source[start:end].split()]
        assert doc.source[start:].startswith(words[0].group())
        assert doc.source[:end].endswith(words[-1].group())


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet="ab \n", max_size=30),
    st.lists(
        st.tuples(st.integers(0, 30), st.integers(0, 3), st.sampled_from(["", "x", "yy"])),
        max_size=8,
    ),
)
def test_a_span_maps_as_its_start_and_its_end_do(text: str, raw_edits) -> None:
    # span() has a shortcut for ranges inside one copied segment; it must agree with
    # mapping the start and the end one by one, for every range, after any edits
    alignment = Alignment.identity(len(text))
    edits, pos = [], 0
    for start, length, replacement in sorted(raw_edits):
        start = max(start, pos)
        end = min(start + length, len(text))
        if start > len(text) or (start == end and not replacement):
            continue
        edits.append(Edit(start, end, replacement))
        pos = end + 1
    clean, alignment = alignment.compose(edits, text)
    for a in range(len(clean) + 1):
        for b in range(len(clean) + 1):
            s, e = alignment.start(a), alignment.end(b)
            assert alignment.span(a, b) == (s, max(s, e))
