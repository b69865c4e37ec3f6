"""The default pipeline on the example article, against its expected results."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from pressline import Pipeline

EXPECTED = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "examples" / "tehran-moscow.expected.yaml").read_text(
        encoding="utf-8"
    )
)


@pytest.fixture(scope="module")
def report() -> dict:
    text = (Path(__file__).parents[1] / "examples" / "tehran-moscow.txt").read_text("utf-8")
    return (
        Pipeline.load("news")
        .run(text, reference_date=EXPECTED["reference_date"], id="tehran-moscow")
        .to_dict(layers="all")
    )


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def test_cleaner(report: dict) -> None:
    must = EXPECTED["cleaner"]["must"]
    source = report["document"]["text"]
    cleaner = report["cleaner"]
    assert cleaner["title"] == must["title"]
    duplicates = [r for r in cleaner["removed"] if r["reason"] == "duplicate"]
    boilerplate = [r for r in cleaner["removed"] if r["reason"] == "boilerplate"]
    assert len(duplicates) == must["removed_duplicate_headline_lines"]
    assert [line_of(source, r["start"]) for r in duplicates] == [4, 5]
    assert [r["text"] for r in boilerplate] == must["removed_boilerplate"]
    assert [line_of(source, r["start"]) for r in boilerplate] == [49, 51]
    assert len(cleaner["removed"]) == 4  # and nothing else
    for removed in cleaner["removed"]:
        assert source[removed["start"] : removed["end"]] == removed["text"]


def test_sectioner(report: dict) -> None:
    must = EXPECTED["sectioner"]["must"]
    sec = report["sectioner"]
    assert sec["title"] == must["title"]
    assert sec["standfirst"] == must["standfirst"]
    got = [{"heading": s["heading"], "paragraphs": s["paragraphs"]} for s in sec["sections"]]
    assert got == must["sections"]
    assert sec["paragraphs"] == must["paragraphs"]
    assert sec["sentences"] == must["body_sentences"]


def test_section_spans_and_layers_are_source_offsets(report: dict) -> None:
    source = report["document"]["text"]
    for section in report["sectioner"]["sections"]:
        if section["heading"]:
            assert source[section["start"] :].startswith(section["heading"])
            assert source[section["heading_start"] : section["heading_end"]] == section["heading"]
    body = [s for s in report["layers"]["sentences"]]
    texts = [source[s["start"] : s["end"]] for s in body]
    assert any(
        t.startswith("“Boosting regional cooperation") and t.endswith("reported.") for t in texts
    )
    for span in body:
        piece = source[span["start"] : span["end"]]
        assert piece == piece.strip() and "\n" not in piece


def test_sentence_spans_need_no_layers(report: dict) -> None:
    spans = report["sectioner"]["sentence_spans"]
    assert spans == [{"start": s["start"], "end": s["end"]} for s in report["layers"]["sentences"]]
    # the title, the standfirst and the two headings are sentences of their own
    assert len(spans) == EXPECTED["sectioner"]["must"]["body_sentences"] + 4


def test_report_is_json_and_matches_schema(report: dict) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from pressline.schema import report_schema

    jsonschema.validate(json.loads(json.dumps(report)), report_schema())


ARTICLES = sorted((Path(__file__).parent / "fixtures" / "articles").glob("*.txt"))


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_reports_of_other_articles_match_the_schema(path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from pressline.schema import report_schema

    report = Pipeline.load("news").run(path.read_text("utf-8"), id=path.stem)
    data = json.loads(report.to_json(layers="all"))
    jsonschema.validate(data, report_schema())
    source = data["document"]["text"]
    for entity in data["entities"]["entities"]:
        for mention in entity["mentions"]:
            assert source[mention["start"] : mention["end"]] == mention["text"]
    for timex in data["timeline"]["timexes"]:
        assert source[timex["start"] : timex["end"]] == timex["text"]
