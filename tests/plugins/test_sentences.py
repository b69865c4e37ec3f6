"""The sentence splitter: tricky cases, offsets, options and linear running time."""

from __future__ import annotations

import itertools

import pytest
from pressline.plugins.sectioner.sentences import SentenceSplitter, split_sentences

# (id, text, expected sentences)
CASES = [
    (
        "us-mid",
        "The U.S. government imposed new sanctions.",
        ["The U.S. government imposed new sanctions."],
    ),
    (
        "us-end",
        "The talks were held in the U.S. The next round is in Geneva.",
        ["The talks were held in the U.S.", "The next round is in Geneva."],
    ),
    (
        "un-before-title",
        "U.N. Secretary-General Antonio Guterres spoke first. He was brief.",
        ["U.N. Secretary-General Antonio Guterres spoke first.", "He was brief."],
    ),
    (
        "uk-lowercase-next",
        "Officials in the U.K. said nothing. Others did.",
        ["Officials in the U.K. said nothing.", "Others did."],
    ),
    (
        "titles",
        "Mr. Smith met Mrs. Jones, Dr. Lee and Prof. Kim. They talked.",
        ["Mr. Smith met Mrs. Jones, Dr. Lee and Prof. Kim.", "They talked."],
    ),
    (
        "military-titles",
        "Gen. Mark Milley, Col. Ann Wright and Lt. Sam Ross spoke. Sgt. Bo Diaz did not.",
        ["Gen. Mark Milley, Col. Ann Wright and Lt. Sam Ross spoke.", "Sgt. Bo Diaz did not."],
    ),
    (
        "political-titles",
        "Gov. Newsom, Sen. Padilla and Rep. Lee met. Rev. Al Green prayed.",
        ["Gov. Newsom, Sen. Padilla and Rep. Lee met.", "Rev. Al Green prayed."],
    ),
    (
        "jr-mid",
        "Martin Luther King Jr. was born in Atlanta. He was a pastor.",
        ["Martin Luther King Jr. was born in Atlanta.", "He was a pastor."],
    ),
    (
        "jr-end",
        "The award went to Sammy Davis Jr. The crowd stood.",
        ["The award went to Sammy Davis Jr.", "The crowd stood."],
    ),
    (
        "initials",
        "The book is by J. K. Rowling. It sold well.",
        ["The book is by J. K. Rowling.", "It sold well."],
    ),
    (
        "middle-initial",
        "Charles J. Fillmore was a linguist. He died in 2014.",
        ["Charles J. Fillmore was a linguist.", "He died in 2014."],
    ),
    (
        "months",
        "It was signed on Jan. 5, 2021, and took effect Aug. 1. Sept. 30 is the deadline.",
        ["It was signed on Jan. 5, 2021, and took effect Aug. 1.", "Sept. 30 is the deadline."],
    ),
    (
        "month-ends-sentence",
        "Prices rose 2% in Nov. Analysts were surprised.",
        ["Prices rose 2% in Nov.", "Analysts were surprised."],
    ),
    (
        "decimals",
        "Inflation rose 3.5 percent. Rates stayed at 4.25%. Oil hit $90.10 a barrel.",
        ["Inflation rose 3.5 percent.", "Rates stayed at 4.25%.", "Oil hit $90.10 a barrel."],
    ),
    (
        "times",
        "It began at 10.30 a.m. Monday. It ended at 2 p.m. Officials left at 5 p.m. GMT.",
        ["It began at 10.30 a.m. Monday.", "It ended at 2 p.m.", "Officials left at 5 p.m. GMT."],
    ),
    (
        "clock-lowercase",
        "The vote is at 9 a.m. on Friday.",
        ["The vote is at 9 a.m. on Friday."],
    ),
    (
        "ellipsis-mid",
        "He paused... and then went on.",
        ["He paused... and then went on."],
    ),
    (
        "ellipsis-end",
        "I don't know… Maybe next year.",
        ["I don't know…", "Maybe next year."],
    ),
    (
        "quote-continued",
        "“Boosting regional cooperation is the best way,” he said. He left.",
        ["“Boosting regional cooperation is the best way,” he said.", "He left."],
    ),
    (
        "quote-question-lowercase",
        "“Why should we wait?” he asked. Nobody answered.",
        ["“Why should we wait?” he asked.", "Nobody answered."],
    ),
    (
        "quote-exclamation-named",
        "“We will win!” Smith said. The crowd cheered.",
        ["“We will win!” Smith said.", "The crowd cheered."],
    ),
    (
        "quote-question-inverted",
        "“Is this the end?” asked Mr. Brown. It was not.",
        ["“Is this the end?” asked Mr. Brown.", "It was not."],
    ),
    (
        "quote-ends-sentence",
        "She called it “a relief.” Others were less pleased.",
        ["She called it “a relief.”", "Others were less pleased."],
    ),
    (
        "quote-question-new-sentence",
        "He asked: “Is it over?” The answer was no.",
        ["He asked: “Is it over?”", "The answer was no."],
    ),
    (
        "number-abbreviation",
        "He is ranked No. 5 in the world. No. 1 is Djokovic. No. He will not retire.",
        ["He is ranked No. 5 in the world.", "No. 1 is Djokovic.", "No.", "He will not retire."],
    ),
    (
        "company",
        "Apple Inc. said sales rose. Analysts praised Apple Inc. The shares rose.",
        ["Apple Inc. said sales rose.", "Analysts praised Apple Inc.", "The shares rose."],
    ),
    (
        "company-before-name",
        "Acme Corp. Chief Executive Jane Roe resigned. Ltd. firms were fined.",
        ["Acme Corp. Chief Executive Jane Roe resigned.", "Ltd. firms were fined."],
    ),
    (
        "eg-ie",
        "Some fruits, e.g. Apples, keep; i.e. They last. That helps.",
        ["Some fruits, e.g. Apples, keep; i.e. They last.", "That helps."],
    ),
    (
        "vs-etc",
        "It was Spain vs. Italy. Fans brought flags, drums, etc. It was loud.",
        ["It was Spain vs. Italy.", "Fans brought flags, drums, etc.", "It was loud."],
    ),
    (
        "saint",
        "St. Jerome translated the Bible. He lived in Bethlehem.",
        ["St. Jerome translated the Bible.", "He lived in Bethlehem."],
    ),
    (
        "footnotes",
        "He studied at Harrow until 1805. [6] He then went to Cambridge. [7] [8]",
        ["He studied at Harrow until 1805. [6]", "He then went to Cambridge. [7] [8]"],
    ),
    (
        "brand-lowercase-opener",
        "Sure. wikiHow is a collaborative effort.",
        ["Sure.", "wikiHow is a collaborative effort."],
    ),
    (
        "question-exclamation",
        "Is it over? Yes! It is. Really?! Yes.",
        ["Is it over?", "Yes!", "It is.", "Really?!", "Yes."],
    ),
    ("circa", "Norton (c. 1818 – 1880) was a citizen.", ["Norton (c. 1818 – 1880) was a citizen."]),
    (
        "phd",
        "She earned a Ph.D. in linguistics. She taught.",
        ["She earned a Ph.D. in linguistics.", "She taught."],
    ),
    (
        "parenthesised-sentence",
        "The vote passed. (Two members abstained.) The session ended.",
        ["The vote passed.", "(Two members abstained.)", "The session ended."],
    ),
    (
        "attribution-dash",
        "“We shall fight on the beaches.” — Winston Churchill",
        ["“We shall fight on the beaches.” — Winston Churchill"],
    ),
    (
        "list-number",
        "1. The first point is simple.",
        ["1. The first point is simple."],
    ),
    ("no-final-stop", "The storm passed. Power is back", ["The storm passed.", "Power is back"]),
    (
        "wrapped-lines",
        "The storm passed\nover the town. Power\nis back.",
        ["The storm passed\nover the town.", "Power\nis back."],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_tricky_cases(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_spans_are_offsets_into_the_text_and_trimmed() -> None:
    text = "  First one.   Second one?\n Third!  "
    spans = SentenceSplitter().split(text)
    assert [text[a:b] for a, b in spans] == ["First one.", "Second one?", "Third!"]
    assert spans[0][0] == 2


def test_a_range_is_split_on_its_own() -> None:
    text = "Ignore this. Split this. And this. Not this."
    start = text.index("Split")
    end = text.index(" Not")
    spans = SentenceSplitter().split(text, start, end)
    assert [text[a:b] for a, b in spans] == ["Split this.", "And this."]


@pytest.mark.parametrize("text", ["", "   ", "\n\n"])
def test_blank_text_has_no_sentences(text: str) -> None:
    assert SentenceSplitter().split(text) == []


def test_extra_abbreviations() -> None:
    text = "Cllr. Jones spoke. He left."
    assert split_sentences(text) == ["Cllr.", "Jones spoke.", "He left."]
    assert split_sentences(text, ["Cllr."]) == ["Cllr. Jones spoke.", "He left."]
    # An added abbreviation still ends a sentence before a typical opener.
    assert split_sentences("I met the Cllr. The meeting was short.", ["cllr"]) == [
        "I met the Cllr.",
        "The meeting was short.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "." * 200_000,
        "." * 200_000 + "x",
        "?!" * 100_000 + "x",
        ".)" * 100_000 + "x",
        ". [1]" * 50_000 + "x",
        "a. " * 100_000,
        "U.S. " * 50_000,
        "“Why?” Smith Jones Brown " * 20_000,
    ],
    ids=[
        "dots",
        "dots-then-letter",
        "marks",
        "dots-and-brackets",
        "footnotes",
        "initials",
        "acronyms",
        "quotes",
    ],
)
def test_pathological_input_is_split_without_backtracking(text: str) -> None:
    # Inputs that make a backtracking pattern or a quadratic loop run for hours; a linear
    # splitter returns at once. (Speed itself is measured in benchmarks/, not here.)
    spans = SentenceSplitter().split(text)
    assert spans, "a non-empty text has at least one sentence"
    assert all(0 <= a < b <= len(text) for a, b in spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in itertools.pairwise(spans))
