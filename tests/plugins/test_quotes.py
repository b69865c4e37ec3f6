"""The quote attributor: each quotation shape and each way of finding the speaker."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pressline import Pipeline

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = yaml.safe_load(
    (ROOT / "tests" / "fixtures" / "examples" / "tehran-moscow.expected.yaml").read_text("utf-8")
)
CONFIG = """
version: 1
name: quotes-test
steps:
  - uses: cleaner
  - uses: sectioner
  - id: entities
    uses: entity_tagger
  - id: quotes
    uses: quote_attributor
"""


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    path = tmp_path_factory.mktemp("quotes") / "quotes.yaml"
    path.write_text(CONFIG, encoding="utf-8")
    return Pipeline.load(path)


def quotes(pipeline: Pipeline, text: str) -> list[dict]:
    report = pipeline.run(text).to_dict()
    source = report["document"]["text"]
    for q in report["quotes"]["quotes"]:
        assert source[q["start"] : q["end"]] == q["text"]
    return report["quotes"]["quotes"]


def who(found: list[dict]) -> list[tuple[str, str | None, str]]:
    return [(q["text"].split()[0], q["speaker"], q["rule"]) for q in found]


def test_example_article(pipeline: Pipeline) -> None:
    text = (ROOT / "examples" / "tehran-moscow.txt").read_text("utf-8")
    found = quotes(pipeline, text)
    for must in EXPECTED["quotes"]["must"]:
        match = [q for q in found if q["text"].startswith(must["starts"])]
        assert len(match) == 1, must["starts"]
        assert match[0]["speaker"] == must["speaker"], must["starts"]
        assert match[0]["speaker_id"] and match[0]["cue"] == "said"
    for scare in EXPECTED["quotes"]["must_not"]:
        assert not any(q["text"] == scare["text"] for q in found)
    assert len(found) == len(EXPECTED["quotes"]["must"])


def test_named_after_and_before_the_quote(pipeline: Pipeline) -> None:
    text = (
        "Talks Resume\n\n"
        "Negotiators met in Geneva on Monday.\n"
        "“We are close to a deal on the main points,” said Maria Lopez, the chief negotiator.\n"
        "John Smith told reporters: “Nothing is agreed until everything is agreed.”\n"
    )
    found = quotes(pipeline, text)
    assert who(found) == [("We", "Maria Lopez", "named"), ("Nothing", "John Smith", "named")]
    assert [q["cue"] for q in found] == ["said", "told reporters"]


def test_pronoun_goes_to_the_subject_not_the_nearest_name(pipeline: Pipeline) -> None:
    text = (
        "Minister Visits\n\n"
        "Foreign Minister Anna Berg arrived in Oslo on Tuesday.\n"
        "“This visit matters to both countries,” she said after meeting Prime Minister "
        "Erik Dahl.\n"
        "She also praised the trade talks.\n"
        "“The agreement will create many new jobs,” she said.\n"
    )
    found = quotes(pipeline, text)
    assert who(found) == [("This", "Anna Berg", "pronoun"), ("The", "Anna Berg", "pronoun")]


def test_description_resolves_through_roles_and_nationality(pipeline: Pipeline) -> None:
    text = (
        "Envoys Meet\n\n"
        "French envoy Pierre Martin met his German counterpart Karl Weber in Vienna.\n"
        "Martin spoke first about energy prices.\n"
        "The German diplomat later raised the question of gas storage.\n"
        "“Storage must be shared fairly among all members,” he said.\n"
    )
    found = quotes(pipeline, text)
    assert who(found) == [("Storage", "Karl Weber", "pronoun")]


def test_description_in_the_cue(pipeline: Pipeline) -> None:
    text = (
        "Budget Passed\n\n"
        "President Laura Chen signed the budget on Friday.\n"
        "Senator Tom Hale voted against it.\n"
        "“It protects the programs that families rely on,” the president said.\n"
    )
    found = quotes(pipeline, text)
    assert who(found) == [("It", "Laura Chen", "description")]


def test_according_to(pipeline: Pipeline) -> None:
    text = (
        "Storm Damage\n\n"
        "Roads were closed across the region.\n"
        "“Hundreds of homes have lost power tonight,” according to Mark Olsen.\n"
    )
    assert who(quotes(pipeline, text)) == [("Hundreds", "Mark Olsen", "according_to")]


def test_quote_split_by_its_cue(pipeline: Pipeline) -> None:
    text = "Talks\n\n“We will not give up,” Lena Novak said, “and we will be back next year.”\n"
    found = quotes(pipeline, text)
    assert [q["speaker"] for q in found] == ["Lena Novak", "Lena Novak"]
    assert found[0]["text"] == "We will not give up,"
    assert found[1]["text"] == "and we will be back next year."


def test_multi_paragraph_quote_is_one_quotation(pipeline: Pipeline) -> None:
    text = (
        "Speech\n\n"
        "Mayor Sara Holm addressed the council on Monday.\n"
        "“We have spent three years preparing this plan for the city.\n"
        "“It will change how people travel, work and live,” she said.\n"
        "The council will vote next week.\n"
    )
    found = quotes(pipeline, text)
    assert len(found) == 1
    assert found[0]["text"].startswith("We have spent")
    assert found[0]["text"].endswith("work and live,")
    assert found[0]["speaker"] == "Sara Holm"


def test_nested_single_quotes_and_apostrophes(pipeline: Pipeline) -> None:
    text = (
        "Film\n\n"
        "Director Omar Said’s new film opened on Friday.\n"
        "“People keep asking me, ‘Why this story?’ and I tell them it’s mine,” "
        "Omar Said told the audience.\n"
    )
    found = quotes(pipeline, text)
    assert len(found) == 1
    assert "‘Why this story?’" in found[0]["text"]
    assert found[0]["speaker"] == "Omar Said"


def test_straight_and_single_quotation_marks(pipeline: Pipeline) -> None:
    text = (
        "Vote\n\n"
        '"The result is clear and we accept it," said Helen Park.\n'
        "‘We will respect the decision of the voters,’ said David Moss.\n"
    )
    assert who(quotes(pipeline, text)) == [
        ("The", "Helen Park", "named"),
        ("We", "David Moss", "named"),
    ]


def test_scare_quotes_and_titles_are_not_speech(pipeline: Pipeline) -> None:
    text = (
        "Review\n\n"
        "The minister called the plan a “historic step” for the region.\n"
        "Critics said the so-called “reform” changed nothing.\n"
        "She has read “War and Peace” twice.\n"
    )
    assert quotes(pipeline, text) == []


def test_quote_with_no_speaker(pipeline: Pipeline) -> None:
    text = "Notice\n\n“All flights are cancelled until further notice,” a spokesman said.\n"
    found = quotes(pipeline, text)
    assert who(found) == [("All", None, "unresolved")]
    assert found[0]["speaker_id"] is None


def test_continuation_paragraph(pipeline: Pipeline) -> None:
    text = (
        "Coach\n\n"
        "“We played our best game of the season today,” coach Ian Reed said.\n"
        "“The players deserve every bit of credit for this win.”\n"
    )
    assert who(quotes(pipeline, text)) == [
        ("We", "Ian Reed", "named"),
        ("The", "Ian Reed", "continuation"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Stray\n\nHe said “this never closes and the story goes on.\nA second paragraph.\n",
        "Stray\n\nThe 12” pipe burst.\nAnother paragraph follows here.\n",
        "Stray\n\n” An orphan closing mark.\n“ An orphan opening mark\n" + "Text. " * 200,
        "Stray\n\n" + "“" * 500 + "\n" + "”" * 500 + "\n",
    ],
)
def test_unbalanced_marks_never_raise_or_swallow(pipeline: Pipeline, text: str) -> None:
    found = quotes(pipeline, text)
    for q in found:
        assert "\n" not in q["text"] or q["text"].count("\n") <= 1
        assert len(q["text"]) < 200


def test_speakers_without_the_entity_taggers_references(tmp_path) -> None:
    # with no resolved references, the attributor resolves pronouns and descriptions itself
    path = tmp_path / "no-references.yaml"
    path.write_text(
        CONFIG.replace("uses: entity_tagger", "uses: entity_tagger\n    with: {references: false}"),
        encoding="utf-8",
    )
    text = (ROOT / "examples" / "tehran-moscow.txt").read_text("utf-8")
    found = quotes(Pipeline.load(path), text)
    expected = {m["starts"]: m["speaker"] for m in EXPECTED["quotes"]["must"]}
    got = {
        q["text"][: len(k)]: q["speaker"]
        for q in found
        for k in expected
        if q["text"].startswith(k)
    }
    assert got == expected
