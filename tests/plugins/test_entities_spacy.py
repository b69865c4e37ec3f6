"""The entity tagger's spaCy backend, with a blank pipeline and an entity ruler (no download)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pressline import Pipeline

spacy = pytest.importorskip(
    "spacy", reason="spaCy is not installed; the spacy backend needs pip install 'pressline[spacy]'"
)

PATTERNS = [
    {"label": "PERSON", "pattern": "President Ebrahim Raisi"},
    {"label": "PERSON", "pattern": "Raisi"},
    {"label": "PERSON", "pattern": "Mr. Nikolai Patrushev"},
    {"label": "PERSON", "pattern": "Patrushev"},
    {"label": "GPE", "pattern": "Moscow's"},
    {"label": "GPE", "pattern": "Moscow"},
    {"label": "ORG", "pattern": "the United Nations"},
    {"label": "ORG", "pattern": "UN"},
    {"label": "DATE", "pattern": "Wednesday"},
]


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    base = tmp_path_factory.mktemp("spacy")
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(PATTERNS)
    nlp.to_disk(base / "model")
    config = {
        "version": 1,
        "name": "spacy-test",
        "extends": "minimal",
        "steps": [
            {
                "id": "entities",
                "uses": "entity_tagger",
                "with": {"backend": "spacy", "spacy_model": str(base / "model")},
            }
        ],
    }
    path = base / "spacy.yaml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return Pipeline.load(path)


def test_spacy_spans_go_through_grouping_and_roles(pipeline: Pipeline) -> None:
    text = (
        "President Ebrahim Raisi met Mr. Nikolai Patrushev on Wednesday. Raisi praised "
        "Moscow's role at the United Nations, and Patrushev thanked the UN."
    )
    report = pipeline.run(text).to_dict()
    source = report["document"]["text"]
    found = {e["name"]: e for e in report["entities"]["entities"]}
    assert set(found) == {"Ebrahim Raisi", "Nikolai Patrushev", "Moscow", "United Nations"}
    raisi = found["Ebrahim Raisi"]
    assert raisi["type"] == "PERSON" and raisi["roles"] == ["President"]
    assert raisi["aliases"] == ["Raisi"]
    patrushev = found["Nikolai Patrushev"]
    assert patrushev["roles"] == [] and patrushev["aliases"] == ["Patrushev"]
    assert [m["text"] for m in found["Moscow"]["mentions"]] == ["Moscow"]  # no "'s"
    assert found["United Nations"]["aliases"] == ["UN"]  # no leading "the"
    for e in found.values():
        for m in e["mentions"]:
            assert source[m["start"] : m["end"]] == m["text"]
    # DATE is the timeline's, not an entity type
    assert all(e["type"] != "DATE" for e in found.values())


def test_spacy_backend_adds_references(pipeline: Pipeline) -> None:
    report = pipeline.run("President Ebrahim Raisi spoke first. He said little.").to_dict()
    raisi = report["entities"]["entities"][0]
    assert [(m["text"], m["kind"]) for m in raisi["mentions"]] == [
        ("Ebrahim Raisi", "name"),
        ("He", "pronoun"),
    ]


def test_a_saved_pipeline_directory_is_accepted(tmp_path: Path) -> None:
    from pressline.plugins.entities import EntityTagger

    nlp = spacy.blank("en")
    nlp.to_disk(tmp_path / "blank")
    options = EntityTagger.Options(backend="spacy", spacy_model=str(tmp_path / "blank"))
    assert options.spacy_model == str(tmp_path / "blank")
