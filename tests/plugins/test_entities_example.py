"""The entity tagger on the example article, against its expected results."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
import yaml
from pressline import Pipeline

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = yaml.safe_load(
    (ROOT / "tests" / "fixtures" / "examples" / "tehran-moscow.expected.yaml").read_text("utf-8")
)["entities"]


@pytest.fixture(scope="module")
def report() -> dict:
    text = (ROOT / "examples" / "tehran-moscow.txt").read_text("utf-8")
    return (
        Pipeline.load("news")
        .run(text, reference_date="2022-11-10", id="tehran-moscow")
        .to_dict(layers=["entities"])
    )


@pytest.fixture(scope="module")
def entities(report: dict) -> list[dict]:
    return report["entities"]["entities"]


def find(entities: list[dict], must: dict) -> dict:
    names = [must["name"], *must.get("accept_names", [])]
    hits = [e for e in entities if e["name"] in names]
    assert len(hits) == 1, f"{must['name']}: {[e['name'] for e in entities]}"
    return hits[0]


@pytest.mark.parametrize("must", EXPECTED["must"], ids=lambda m: m["name"])
def test_every_must_entity(entities: list[dict], must: dict) -> None:
    entity = find(entities, must)
    assert entity["type"] == must["type"]
    aliases = set(entity["aliases"])
    assert set(must.get("aliases", [])) <= aliases
    assert aliases <= set(must.get("aliases", [])) | set(must.get("accept_aliases", []))
    assert set(must.get("roles", [])) <= set(entity["roles"])


def test_no_must_not_is_tagged(entities: list[dict]) -> None:
    forbidden = {s.casefold() for s in EXPECTED["must_not"]}
    for e in entities:
        assert e["name"].casefold() not in forbidden
        for m in e["mentions"]:
            assert m["text"].casefold() not in forbidden, m


def test_mention_counts_meet_the_minimums(entities: list[dict]) -> None:
    for name, minimum in EXPECTED["mention_counts_at_least"].items():
        entity = find(entities, {"name": name})
        assert entity["count"] == len(entity["mentions"])
        assert entity["count"] >= minimum, (name, [m["text"] for m in entity["mentions"]])


def test_name_mentions_of_the_people(entities: list[dict]) -> None:
    # every written name is found: "Patrushev" five times, "Shamkhani" four, "Raisi" twice
    for name, surname, times in [
        ("Nikolai Patrushev", "Patrushev", 5),
        ("Ali Shamkhani", "Shamkhani", 4),
        ("Ebrahim Raisi", "Raisi", 2),
    ]:
        entity = find(entities, {"name": name})
        names = [m["text"] for m in entity["mentions"] if m["kind"] == "name"]
        assert len(names) == times and all(surname in n for n in names)
        others = [m for m in entity["mentions"] if m["kind"] != "name"]
        assert all(m["type"] is None and m["kind"] in ("pronoun", "description") for m in others)
    spans = [(m["start"], m["end"]) for e in entities for m in e["mentions"]]
    spans.sort()
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))  # no overlaps


def test_descriptions_refer_to_people_in_the_document_data() -> None:
    from pressline.document import Document
    from pressline.plugins.cleaner import Cleaner
    from pressline.plugins.entities import EntityTagger
    from pressline.plugins.sectioner import Sectioner

    doc = Document((ROOT / "examples" / "tehran-moscow.txt").read_text("utf-8"))
    for step in (Cleaner(), Sectioner(), EntityTagger()):
        step.process(doc)
    by_name = {e["name"]: e for e in doc.data["entities"]}
    for name, description in [
        ("Ali Shamkhani", "The Iranian security official"),
        ("Nikolai Patrushev", "The Russian official"),
    ]:
        refs = [r["text"] for r in by_name[name]["references"] if r["kind"] == "description"]
        assert refs == [description]
        for r in by_name[name]["references"]:
            assert doc.text[r["start"] : r["end"]] == r["text"]


def test_hyphenated_pairs_and_possessives(report: dict, entities: list[dict]) -> None:
    source = report["document"]["text"]
    tehran = find(entities, {"name": "Tehran"})
    moscow = find(entities, {"name": "Moscow"})
    pairs = [source.find("Tehran-Moscow", m["start"] - 1) for m in tehran["mentions"]]
    assert sum(1 for m, p in zip(tehran["mentions"], pairs, strict=True) if p == m["start"]) == 2
    assert all(m["text"] == "Moscow" for m in moscow["mentions"])
    assert any(source[m["end"] : m["end"] + 2] == "’s" for m in moscow["mentions"])
    iran_russia = source.index("Iran-Russia")
    starts = {m["start"] for e in entities for m in e["mentions"]}
    assert iran_russia in starts and iran_russia + len("Iran-") in starts


def test_mentions_are_source_offsets(report: dict, entities: list[dict]) -> None:
    source = report["document"]["text"]
    ids = [e["id"] for e in entities]
    assert ids == [f"e{n}" for n in range(1, len(ids) + 1)]
    firsts = [min(m["start"] for m in e["mentions"] if m["kind"] == "name") for e in entities]
    assert firsts == sorted(firsts)
    for e in entities:
        for m in e["mentions"]:
            assert source[m["start"] : m["end"]] == m["text"]
    layer = report["layers"]["entities"]
    assert {s["label"] for s in layer} <= {e["type"] for e in entities}
    assert len(layer) == sum(1 for e in entities for m in e["mentions"] if m["kind"] == "name")


def test_headline_and_headings_only_known_names(entities: list[dict], report: dict) -> None:
    source = report["document"]["text"]
    title_end = source.index("\n")
    in_title = sorted(m["text"] for e in entities for m in e["mentions"] if m["start"] < title_end)
    assert in_title == ["Moscow", "Tehran"]
