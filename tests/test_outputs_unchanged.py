"""Each step's output on the example article is the one recorded in tests/fixtures/golden.

Speed work must not change what the steps find. When a change is meant to change the
output, record the report again and say in the commit what changed:

    python benchmarks/check_outputs.py record tests/fixtures/golden --only tehran-moscow
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from pressline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "fixtures" / "golden" / "tehran-moscow.json"
EXAMPLE = ROOT / "examples" / "tehran-moscow.txt"
RECORD = "python benchmarks/check_outputs.py record tests/fixtures/golden --only tehran-moscow"


@pytest.fixture(scope="module")
def reports() -> tuple[dict, dict]:
    text = EXAMPLE.read_text(encoding="utf-8")
    report = Pipeline.load("news").run(text, reference_date=date(2022, 11, 10), id="tehran-moscow")
    now = json.loads(report.to_json(layers="all"))
    for step in now["pipeline"]["steps"]:
        step.pop("seconds", None)
    return json.loads(GOLDEN.read_text(encoding="utf-8")), now


def _first_difference(old: object, new: object, path: str) -> str:
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(set(old) | set(new)):
            if old.get(key) != new.get(key):
                return _first_difference(old.get(key), new.get(key), f"{path}/{key}")
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        for n, (a, b) in enumerate(zip(old, new, strict=True)):
            if a != b:
                return _first_difference(a, b, f"{path}/{n}")
    return f"{path}: {json.dumps(old)[:200]} became {json.dumps(new)[:200]}"


PARTS = ("document", "pipeline", "warnings", "layers")
STEPS = ("cleaner", "sectioner", "entities", "timeline", "quotes")


@pytest.mark.parametrize("part", [*PARTS, *STEPS])
def test_each_part_of_the_example_report_is_unchanged(reports, part: str) -> None:
    golden, now = reports
    assert part in golden, f"the golden report has no {part!r}; record it: {RECORD}"
    assert now.get(part) == golden[part], (
        f"{part} changed on the example article, first at "
        f"{_first_difference(golden[part], now.get(part), part)}; if that is meant, record "
        f"the report again: {RECORD}"
    )


def test_the_report_has_no_part_the_golden_one_lacks(reports) -> None:
    golden, now = reports
    assert sorted(set(now) - {"pressline"}) == sorted(set(golden) - {"pressline"})
