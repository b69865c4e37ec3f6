"""Helpers for the entity tagger's tests: run the news pipeline, read its entities."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from pressline import Pipeline

ARTICLES = Path(__file__).parent.parent / "fixtures" / "articles"


def tag(
    pipeline: Pipeline, text: str, reference_date: date = date(2025, 5, 12)
) -> list[dict[str, Any]]:
    """The report's entities for ``text``, each mention checked to cut back out of it."""
    report = pipeline.run(text, reference_date=reference_date).to_dict()
    source = report["document"]["text"]
    for e in report["entities"]["entities"]:
        for m in e["mentions"]:
            assert source[m["start"] : m["end"]] == m["text"]
    return report["entities"]["entities"]


def types(found: list[dict[str, Any]]) -> dict[str, str]:
    return {e["name"]: e["type"] for e in found}


def by_name(found: list[dict[str, Any]], name: str) -> dict[str, Any]:
    hits = [e for e in found if e["name"] == name]
    assert len(hits) == 1, (name, types(found))
    return hits[0]


def mentions(found: list[dict[str, Any]]) -> dict[str, str]:
    """Each mention's text and its entity's type."""
    return {m["text"]: e["type"] for e in found for m in e["mentions"]}
