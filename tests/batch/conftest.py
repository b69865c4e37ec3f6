"""Corpora, configs and comparisons for the batch tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
FAULTY = FIXTURES / "faulty.yaml"  # sectioner, then steps that fail on marker words
SLOW = FIXTURES / "slow.yaml"  # sectioner, a short sleep, and the EXPLODE step
EXAMPLE = HERE.parents[1] / "examples" / "tehran-moscow.txt"


def article(n: int, extra: str = "") -> str:
    """A short news article, different for each ``n``."""
    return (
        f"Grain talks resume in round {n}\n\n"
        f"Negotiators met on Tuesday for the {n}th time. They agreed to meet again.{extra}\n\n"
        "Markets\n\n"
        f"Prices fell by {n % 7} per cent after the announcement.\n"
    )


def write_jsonl(path: Path, records: list[Any]) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            line = record if isinstance(record, str) else json.dumps(record, ensure_ascii=False)
            handle.write(line + "\n")
    return path


def feed(path: Path, count: int, *, marks: dict[int, str] | None = None) -> Path:
    """A JSON Lines feed of ``count`` articles; ``marks`` adds a marker word to some."""
    marks = marks or {}
    return write_jsonl(
        path,
        [
            {"id": f"art-{n:03d}", "text": article(n, f" {marks[n]}" if n in marks else "")}
            for n in range(count)
        ],
    )


def reports(path: Path) -> list[dict[str, Any]]:
    """The reports of a JSON Lines output, with step timings zeroed (they always differ)."""
    lines = path.read_bytes().split(b"\n")
    assert lines[-1] == b"", "the output must end with a complete line"
    return [without_timings(json.loads(line)) for line in lines[:-1]]


def folder_reports(folder: Path) -> dict[str, dict[str, Any]]:
    return {
        p.name: without_timings(json.loads(p.read_text(encoding="utf-8")))
        for p in sorted(folder.glob("*.json"))
    }


def without_timings(report: dict[str, Any]) -> dict[str, Any]:
    for step in report["pipeline"]["steps"]:
        step["seconds"] = 0.0
    return report


def errors(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder with every kind of input ``batch`` reads, and files it must pass over."""
    root = tmp_path / "corpus"
    (root / "nested" / "deeper").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "a-plain.txt").write_text(article(1), encoding="utf-8")
    (root / "b-front.md").write_text(
        "---\nid: front-matter-id\ndate: 2022-11-09\ntitle: Front matter\n---\n" + article(2),
        encoding="utf-8",
    )
    (root / "c-one.json").write_text(
        json.dumps({"id": "json-one", "text": article(3), "date": "2021-05-04"}),
        encoding="utf-8",
    )
    (root / "d-list.json").write_text(
        json.dumps([{"id": "list-a", "text": article(4)}, {"text": article(5)}]),
        encoding="utf-8",
    )
    write_jsonl(
        root / "nested" / "e-feed.jsonl",
        [
            {"id": "rec-1", "text": article(6), "date": "2020-01-02", "section": "world"},
            "",
            {"text": article(7)},
        ],
    )
    (root / "nested" / "deeper" / "f-page.html").write_text(
        "<!DOCTYPE html><html><head><title>Grain talks</title></head><body><article>"
        "<h1>Grain talks resume</h1><p>Negotiators met on Tuesday for the eighth time, and "
        "they agreed that they would meet again within a fortnight to settle the "
        "remaining questions.</p><p>Prices fell by two per cent after the news.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    (root / "nested" / "notes.csv").write_text("not,a,document\n", encoding="utf-8")
    (root / ".hidden" / "secret.txt").write_text("never read", encoding="utf-8")
    (root / ".dotfile.txt").write_text("never read", encoding="utf-8")
    return root
