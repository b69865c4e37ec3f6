"""The cleaner: normalization, duplicate and boilerplate removal, and exact offsets."""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pressline.plugins.cleaner as cleaner_module
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pressline import ConfigError, Pipeline
from pressline.document import Document
from pressline.plugins.cleaner import (
    BOILERPLATE_RULES,
    RULE_NAMES,
    Cleaner,
    match_boilerplate,
    register_processors,
)
from pydantic import ValidationError

EXAMPLE = Path(__file__).parents[2] / "examples" / "tehran-moscow.txt"
HEADLINE = "Tehran, Moscow Determined to Upgrade Strategic Ties"


def clean(text: str, options: dict[str, Any] | None = None) -> tuple[Document, dict[str, Any]]:
    doc = Document(text)
    cleaner = Cleaner(options)
    cleaner.setup()
    cleaner.process(doc)
    return doc, cleaner.summarize(doc)


def line_number(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


STRAIGHT = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def assert_words_map_to_source(doc: Document, quotes: bool = False) -> None:
    """Every word of the clean text maps back to the source characters it came from."""
    for m in re.finditer(r"\S+", doc.text):
        s, e = doc.to_source(m.start(), m.end())
        source = unicodedata.normalize("NFC", doc.source[s:e])
        if quotes:
            source = source.translate(STRAIGHT)
        assert source == m.group(), (m.group(), s, e)


# -- the example article ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def example() -> tuple[Document, dict[str, Any]]:
    return clean(EXAMPLE.read_text(encoding="utf-8"))


def test_example_title_and_removals(example: tuple[Document, dict[str, Any]]) -> None:
    doc, summary = example
    assert summary["title"] == HEADLINE
    removed = summary["removed"]
    assert [(r["reason"], line_number(doc.source, r["start"])) for r in removed] == [
        ("duplicate", 4),
        ("duplicate", 5),
        ("boilerplate", 49),
        ("boilerplate", 51),
    ]
    for r in removed:
        assert doc.source[r["start"] : r["end"]] == r["text"]
        assert set(r) == {"start", "end", "text", "reason"}
    assert [r["text"] for r in removed[2:]] == [
        "Add new comment",
        "Read our comment policy before posting your viewpoints",
    ]
    # the duplicate lines are the headline, as written in the source (with its NBSP)
    assert [" ".join(r["text"].split()) for r in removed[:2]] == [HEADLINE, HEADLINE]
    assert summary["chars_out"] == len(doc.text)
    assert doc.data["removed"] == removed


def test_example_clean_text(example: tuple[Document, dict[str, Any]]) -> None:
    doc, _ = example
    assert "\xa0" not in doc.text
    assert "  " not in doc.text
    assert "\n\n\n" not in doc.text
    assert doc.text.count(HEADLINE) == 1
    assert doc.text.startswith(HEADLINE + "\n\nCooperation among independent countries")
    assert doc.text.endswith("countries that are under western sanctions.")
    assert all(line == line.strip() for line in doc.text.split("\n"))


def test_example_keeps_every_body_line(example: tuple[Document, dict[str, Any]]) -> None:
    doc, summary = example
    removed_lines = {line_number(doc.source, r["start"]) for r in summary["removed"]}
    clean_lines = set(doc.text.split("\n"))
    for number, line in enumerate(doc.source.split("\n"), start=1):
        if line.strip() and number not in removed_lines:
            assert " ".join(line.split()) in clean_lines, number


def test_example_offsets_map_to_source(example: tuple[Document, dict[str, Any]]) -> None:
    doc, _ = example
    assert_words_map_to_source(doc)
    start = doc.text.index("Nikolai Patrushev")
    s, e = doc.to_source(start, start + len("Nikolai Patrushev"))
    assert doc.source[s:e] == "Nikolai Patrushev"
    # a whole line maps to the source line without its trailing NBSP
    start = doc.text.index("Strategic Relations")
    s, e = doc.to_source(start, start + len("Strategic Relations"))
    assert doc.source[s:e] == "Strategic Relations"


def test_example_is_stable_when_cleaned_again(example: tuple[Document, dict[str, Any]]) -> None:
    doc, _ = example
    again, summary = clean(doc.text)
    assert again.text == doc.text
    assert summary["removed"] == []


# -- boilerplate rules -----------------------------------------------------------------------
FURNITURE = [
    ("comment_prompt", "Add new comment"),
    ("comment_prompt", "Leave a comment"),
    ("comment_prompt", "12 Comments"),
    ("comment_prompt", "Read our comment policy before posting your viewpoints"),
    ("comment_prompt", "Comments are closed."),
    ("comment_prompt", "Be the first to comment"),
    ("read_more", "Read more"),
    ("read_more", "Read More »"),
    ("read_more", "Read more: Iran and Russia sign energy deal"),
    ("read_more", "Continue reading"),
    ("read_more", "Story continues below advertisement"),
    ("click_here", "Click here to download the full report"),
    ("share_prompt", "Share"),
    ("share_prompt", "Share this article"),
    ("share_prompt", "Share on Facebook"),
    ("share_prompt", "Tweet"),
    ("share_prompt", "Print this page"),
    ("share_prompt", "Facebook Twitter WhatsApp Email"),
    ("subscribe_prompt", "Subscribe"),
    ("subscribe_prompt", "Sign up for our daily newsletter"),
    ("subscribe_prompt", "Subscribe to our YouTube channel"),
    ("subscribe_prompt", "Newsletter"),
    ("subscribe_prompt", "Already a subscriber? Log in"),
    ("cookie_notice", "We use cookies to improve your experience on our site."),
    (
        "cookie_notice",
        "By continuing to browse this website you agree to our use of cookies, as described "
        "in our privacy policy, which you can read at any time.",
    ),
    ("cookie_notice", "Accept all cookies"),
    ("copyright", "© 2022 Reuters"),
    ("copyright", "Copyright 2022 The Associated Press. All rights reserved."),
    ("copyright", "All rights reserved"),
    ("copyright", "Copyright © Tehran Times"),
    ("copyright", "(c) 2022 Tehran Times"),
    ("follow_us", "Follow us on Twitter"),
    ("follow_us", "Like us on Facebook"),
    ("follow_us", "Follow Al Jazeera English on Twitter and Instagram"),
    ("follow_us", "Follow us on Twitter @TehranTimes"),
    ("photo_credit", "Photo: Reuters"),
    ("photo_credit", "Photograph: AP"),
    ("photo_credit", "Image credit: Getty Images"),
    ("photo_credit", "(Photo by Jane Doe/Getty Images)"),
    ("photo_credit", "Jane Doe/AFP via Getty Images"),
    ("advertisement", "Advertisement"),
    ("advertisement", "ADVERTISEMENT - Scroll to continue"),
    ("advertisement", "Sponsored content"),
    ("advertisement", "Sponsored by Acme Corp"),
    ("related_links", "Related:"),
    ("related_links", "Related articles"),
    ("related_links", "RELATED: Iran, Russia discuss gas swap"),
    ("related_links", "You may also like"),
    ("navigation", "Skip to content"),
    ("navigation", "Skip to main content"),
    ("navigation", "Back to top"),
    ("sign_in", "Sign in"),
    ("sign_in", "Log in"),
    ("sign_in", "Sign in / Register"),
]

BODY_SENTENCES = [
    "Readers can add new comment on the site, the editor said in a statement on Monday.",
    "He declined to comment on the report.",
    "Comments by the minister angered lawmakers.",
    "Read more books, the minister urged students.",
    "Click fraud cost advertisers millions last year.",
    "Share prices fell 3 percent on Monday.",
    "Print newspapers are losing readers fast.",
    "More than 2 million people subscribe to the service, the company said.",
    "The party's newsletter criticized the plan.",
    "Regulators said the site uses cookies to track users without consent.",
    "Copyright law was changed in 2019.",
    "Follow the money on Twitter, he said.",
    "Photos by the agency showed the damage.",
    "Photo identification will be required at polling stations.",
    "Advertisement spending rose in the third quarter.",
    "Related talks will be held in Vienna next week.",
    "Latest figures show the economy shrank.",
    "Skip the queue, the airline tells passengers.",
    "Sign language interpreters joined the briefing.",
    "Search teams found the wreckage on Tuesday.",
    "(c) the right to appeal a decision",
    "The interview was conducted via AP.",
    "Like us, they struggled to cope.",
    "Join us in welcoming the new president.",
    "By using cookies, advertisers track users across sites, the report said.",
    "Related-party transactions rose 5 percent.",
    "Sponsored by the UN, the talks began on Monday.",
    "Read our policy on refugees, the minister said.",
    "Strategic Relations",
    "Dialogue-based Initiative",
]


@pytest.mark.parametrize(("rule", "line"), FURNITURE)
def test_builtin_rule_matches(rule: str, line: str) -> None:
    assert rule in match_boilerplate(line)


@pytest.mark.parametrize(("rule", "line"), FURNITURE)
def test_builtin_rule_removes_line(rule: str, line: str) -> None:
    text = f"First body sentence is here.\n\n  {line}\u00a0\n\nSecond body sentence is here."
    doc, summary = clean(text)
    assert [(r["text"], r["reason"]) for r in summary["removed"]] == [(line, "boilerplate")]
    r = summary["removed"][0]
    assert doc.source[r["start"] : r["end"]] == line
    assert doc.text == "First body sentence is here.\n\nSecond body sentence is here."


@pytest.mark.parametrize("sentence", BODY_SENTENCES)
def test_body_sentence_is_kept(sentence: str) -> None:
    assert match_boilerplate(sentence) == []
    doc, summary = clean(f"Headline of the story\n\n{sentence}")
    assert summary["removed"] == []
    assert doc.text.endswith(sentence)


def test_every_rule_family_is_tested_and_documented() -> None:
    assert set(RULE_NAMES) == {rule for rule, _ in FURNITURE}
    docstring = cleaner_module.__doc__ or ""
    for rule in BOILERPLATE_RULES:
        assert f"``{rule.name}``" in docstring, rule.name
        assert rule.description


def test_long_lines_are_never_boilerplate() -> None:
    line = "Add new comment " + "and more words " * 10
    assert len(line.split()) > 15
    assert match_boilerplate(line.strip()) == []


@pytest.mark.parametrize(
    "line",
    [
        "photo by " + "a/" * 3000,
        "follow " + "a " * 3000 + "on",
        "related " + " " * 3000 + "!",
        "read " + "comments " * 1500,
        "(photo by " + "(" * 3000,
        "by continuing " + "cookie " * 1500,
        "x" * 6000,
    ],
)
def test_rules_do_not_backtrack_catastrophically(line: str) -> None:
    # Lines this long are skipped by the cleaner, but a rule sees every short line of
    # every document: on these inputs a backtracking pattern would run for hours.
    for rule in BOILERPLATE_RULES:
        rule.regex.fullmatch(line)
    _, summary = clean(f"Headline\n{line}")
    # a line this long is never furniture, unless collapsing its spaces makes it short
    assert all(len(" ".join(r["text"].split())) <= 600 for r in summary["removed"])


# -- duplicates ------------------------------------------------------------------------------
def test_duplicate_lines_keep_the_first() -> None:
    text = (
        "The summit ended without a deal.\n"
        "Leaders will meet again in March.\n"
        "The summit  ended without a deal.\n"
        "Yes.\n"
        "Yes.\n"
        "No deal yet\n"
        "No deal yet"
    )
    doc, summary = clean(text)
    assert doc.text == (
        "The summit ended without a deal.\nLeaders will meet again in March.\n"
        "Yes.\nYes.\nNo deal yet"
    )
    assert [(r["text"], r["reason"]) for r in summary["removed"]] == [
        ("The summit  ended without a deal.", "duplicate"),
        ("No deal yet", "duplicate"),
    ]
    assert summary["removed"][1]["end"] == len(text)


def test_min_duplicate_words_and_switch() -> None:
    text = "No deal yet\nNo deal yet"
    doc, _ = clean(text, {"remove_duplicates": False})
    assert doc.text == text
    # a repeated paragraph goes wherever it repeats, if it is long enough
    para = "The two sides agreed to meet again after the holidays in Geneva."
    text = f"Headline\n\n{para}\nA second paragraph.\nA third one.\n{para}"
    doc, _ = clean(text)
    assert doc.text.count(para) == 1
    doc, _ = clean(text, {"min_duplicate_words": 20})
    assert doc.text.count(para) == 2


def test_short_lines_that_recur_far_apart_are_kept() -> None:
    # a table cell that later returns as a section heading, as in biographies' infoboxes
    text = (
        "Brock Holt\n\nTeams\n\nPittsburgh Pirates (2012)\n\nBoston Red Sox\n\n"
        "Holt is a baseball player.\n\nEarly career\n\nHe played in Texas.\n\n"
        "Pittsburgh Pirates (2012)\n\nHe was traded in 2012.\n\nBrock Holt\n\nMore text."
    )
    doc, summary = clean(text)
    assert summary["removed"] == []
    assert doc.text.count("Pittsburgh Pirates (2012)") == 2
    assert doc.text.count("Brock Holt") == 2  # far below the top: not a reprinted headline


def test_boilerplate_repeated_is_boilerplate_not_duplicate() -> None:
    _, summary = clean("Body text of the story.\nRead our comment policy\nRead our comment policy")
    assert [r["reason"] for r in summary["removed"]] == ["boilerplate", "boilerplate"]


# -- unicode and spaces ----------------------------------------------------------------------
def test_nfc_edits_only_the_changed_characters() -> None:
    text = "Cafe\u0301 owners in Montre\u0301al met on Monday."
    doc, _ = clean(text)
    assert doc.text == "Café owners in Montréal met on Monday."
    assert unicodedata.is_normalized("NFC", doc.text)
    for word in ("owners", "met", "Monday"):
        start = doc.text.index(word)
        s, e = doc.to_source(start, start + len(word))
        assert doc.source[s:e] == word
        # the map is exact character by character after the edit, not just per word
        assert (s, e) == (text.index(word), text.index(word) + len(word))
    start = doc.text.index("Montréal")
    s, e = doc.to_source(start, start + len("Montréal"))
    assert doc.source[s:e] == "Montre\u0301al"
    start = doc.text.index("al met")
    assert doc.to_source(start, start + 2) == (text.index("al met"), text.index("al met") + 2)


def test_nfc_reorders_and_composes_mark_clusters() -> None:
    text = "e\u0301\u0327 and a\u0308 and \u0301x"
    doc, _ = clean(text)
    assert doc.text == unicodedata.normalize("NFC", text)
    assert_words_map_to_source(doc)


def test_nfkc_and_no_normalization() -> None:
    doc, _ = clean("The \ufb01nance minister", {"normalize_unicode": "NFKC"})
    assert doc.text == "The finance minister"
    doc, _ = clean("Cafe\u0301 au lait", {"normalize_unicode": None})
    assert doc.text == "Cafe\u0301 au lait"


def test_odd_spaces_become_plain_spaces() -> None:
    text = (
        " \talpha\u00a0beta\u2009gamma\u202fdelta\tepsilon   zeta \u200beta"
        " th\u00adeta\u3000 \u00a0"
    )
    doc, summary = clean(text)
    assert doc.text == "alpha beta gamma delta epsilon zeta eta theta"
    assert summary["removed"] == []
    for word in ("alpha", "delta", "zeta", "eta"):
        start = doc.text.index(word)
        s, e = doc.to_source(start, start + len(word))
        assert doc.source[s:e] == word
    start = doc.text.index("theta")
    s, e = doc.to_source(start, start + len("theta"))
    assert doc.source[s:e] == "th\u00adeta"


def test_collapse_spaces_off_keeps_spacing() -> None:
    text = "alpha\u00a0beta  gamma "
    doc, _ = clean(text, {"collapse_spaces": False})
    assert doc.text == text


def test_blank_lines_collapse() -> None:
    text = "\n \n\u00a0\nalpha\n\n\n\nbeta\n  \n\t\ngamma\n\n"
    doc, summary = clean(text)
    assert doc.text == "alpha\n\nbeta\n\ngamma"
    assert summary["removed"] == []
    assert summary["title"] == "alpha"
    doc, _ = clean(text, {"collapse_blank_lines": False})
    assert doc.text == "\n\n\nalpha\n\n\n\nbeta\n\n\ngamma\n\n"


def test_blank_lines_around_a_removed_line_collapse() -> None:
    doc, _ = clean("Para one is here.\n\nAdd new comment\n\nPara two is here.\n")
    assert doc.text == "Para one is here.\n\nPara two is here."


@pytest.mark.parametrize("text", ["", " ", "\n", " \n\t\n\u00a0\n  ", "\u200b\n\n"])
def test_empty_and_blank_texts(text: str) -> None:
    doc, summary = clean(text)
    assert doc.text == ""
    assert summary == {"title": None, "removed": [], "chars_out": 0}


# -- options ---------------------------------------------------------------------------------
def test_drop_lines_and_patterns() -> None:
    text = (
        "Headline goes here\n"
        "  TEHRAN  times   staff \n"
        "Posted at 10:45 GMT\n"
        "Body text was posted at 10:45 GMT by the desk.\n"
        "Don\u2019t miss our podcast"
    )
    doc, summary = clean(
        text,
        {
            "drop_lines": ["Tehran Times staff", "Don't miss our podcast"],
            "drop_patterns": [r"posted at \d{1,2}:\d{2}(?: gmt)?"],
        },
    )
    assert doc.text == "Headline goes here\nBody text was posted at 10:45 GMT by the desk."
    assert [r["text"] for r in summary["removed"]] == [
        "TEHRAN  times   staff",
        "Posted at 10:45 GMT",
        "Don\u2019t miss our podcast",
    ]
    assert {r["reason"] for r in summary["removed"]} == {"boilerplate"}


def test_disable_rules_and_boilerplate_switch() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    doc, summary = clean(text, {"disable_rules": ["comment_prompt"]})
    assert [r["reason"] for r in summary["removed"]] == ["duplicate", "duplicate"]
    assert doc.text.endswith(
        "Add new comment\n\nRead our comment policy before posting your viewpoints"
    )
    doc, summary = clean(text, {"boilerplate": False})
    assert [r["reason"] for r in summary["removed"]] == ["duplicate", "duplicate"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"drop_line": ["x"]}, "drop_line"),
        ({"drop_patterns": ["(unclosed"]}, "not a valid regular expression"),
        ({"disable_rules": ["comments_prompt"]}, "did you mean 'comment_prompt'"),
        ({"disable_rules": ["nope"]}, "the built-in rules are: comment_prompt, read_more"),
        ({"min_duplicate_words": 0}, "min_duplicate_words"),
        ({"normalize_unicode": "NFD"}, "normalize_unicode"),
        ({"straighten_quotes": "sometimes"}, "straighten_quotes"),
    ],
)
def test_invalid_options(options: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError) as info:
        Cleaner(options)
    assert message in str(info.value)


def test_every_option_is_described() -> None:
    for name, field in Cleaner.Options.model_fields.items():
        assert field.description, name
    assert Cleaner.Options().fix_mojibake is False
    assert Cleaner.Options().straighten_quotes is False


def test_straighten_quotes() -> None:
    text = "\u201cHi,\u201d she said. It\u2019s \u2018fine\u2019, \u201eja\u201c."
    doc, _ = clean(text, {"straighten_quotes": True})
    assert doc.text == '"Hi," she said. It\'s \'fine\', "ja".'
    # one character for one character: every offset maps to itself
    for i in range(len(doc.text)):
        assert doc.to_source(i, i + 1) == (i, i + 1)
    doc, _ = clean(text)
    assert doc.text == text


def test_straighten_quotes_with_normalization() -> None:
    text = "\u201cCafe\u0301\u201d owners"
    doc, _ = clean(text, {"straighten_quotes": True})
    assert doc.text == '"Café" owners'
    start = doc.text.index("owners")
    assert doc.source[slice(*doc.to_source(start, start + 6))] == "owners"


def test_fix_mojibake() -> None:
    text = "The caf\u00c3\u00a9 is open\u00c2\u00a0now, he said."
    doc, summary = clean(text, {"fix_mojibake": True})
    assert doc.text == "The café is open now, he said."
    assert summary["removed"] == []
    for word in ("The", "is", "he", "said."):
        start = doc.text.index(word)
        s, e = doc.to_source(start, start + len(word))
        assert doc.source[s:e] == word
    doc, _ = clean(text)
    assert "\u00c3\u00a9" in doc.text


def test_fix_mojibake_without_ftfy(monkeypatch: pytest.MonkeyPatch) -> None:
    # a missing extra is a config problem, reported before any document is read
    monkeypatch.setitem(sys.modules, "ftfy", None)
    with pytest.raises(ConfigError) as info:
        Pipeline.load("news", sets=["steps.cleaner.with.fix_mojibake=true"])
    assert info.value.codes == ["PL204"]
    assert "pip install 'pressline[fix]'" in str(info.value)


# -- the processor contract ------------------------------------------------------------------
def test_declarations_and_registration() -> None:
    assert Cleaner.name == "cleaner"
    assert Cleaner.changes_text is True
    assert Cleaner.requires == ()
    assert Cleaner.produces == ("removed",)
    registered: list[type] = []
    register_processors(registered.append)
    assert registered == [Cleaner]


def test_title_is_the_first_non_empty_line() -> None:
    _, summary = clean("\n\n  A headline\u00a0here \n\nBody.")
    assert summary["title"] == "A headline here"


def test_second_cleaning_step_adds_to_removed() -> None:
    doc = Document("Body of the story goes here.\nAdd new comment")
    first = Cleaner()
    first.process(doc)
    second = Cleaner({"drop_lines": ["Body of the story goes here."]})
    second.process(doc)
    assert doc.text == ""
    assert [r["text"] for r in second.summarize(doc)["removed"]] == [
        "Body of the story goes here.",
        "Add new comment",
    ]


# -- property: every clean word maps back to its source --------------------------------------
WORDS = ["alpha", "beta", "gamma", "dé", "nai\u0308ve", "cafe\u0301", "e\u0301\u0327", "\u0301x"]
WORDS += ["\u0308", "Zoë", "o\u0302\u0323", "qu\u2019il", "\u201cbien\u201d"]
SEPARATORS = [" ", "  ", "\u00a0", "\t", " \u00a0 ", "\u2009"]


@st.composite
def texts(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(0, 8))):
        words = draw(st.lists(st.sampled_from(WORDS), max_size=6))
        line = draw(st.sampled_from(["", " ", "\u00a0", "\t"]))
        for word in words:
            line += word + draw(st.sampled_from(SEPARATORS))
        lines.append(line)
        if lines and draw(st.booleans()):
            lines.append(draw(st.sampled_from(lines)))  # a duplicate line
    return "\n".join(lines)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(texts(), st.booleans())
def test_clean_words_map_to_source(text: str, quotes: bool) -> None:
    doc, summary = clean(text, {"straighten_quotes": quotes})
    assert_words_map_to_source(doc, quotes)
    assert "\u00a0" not in doc.text
    assert "\t" not in doc.text
    assert "  " not in doc.text
    assert unicodedata.is_normalized("NFC", doc.text)
    for r in summary["removed"]:
        assert doc.source[r["start"] : r["end"]] == r["text"]
        assert r["reason"] in ("duplicate", "boilerplate")
    again, _ = clean(doc.text, {"straighten_quotes": quotes})
    assert again.text == doc.text
