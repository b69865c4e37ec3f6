"""The README's examples work as written."""

from __future__ import annotations

import re
from pathlib import Path

from pressline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    start = README.index(f"## {title}")
    end = README.find("\n## ", start + 1)
    return README[start : end if end != -1 else None]


def test_first_plugin_runs_from_yaml(tmp_path: Path) -> None:
    code = re.search(r"```python\n(.*?)```", section("A first plugin"), re.S).group(1)
    (tmp_path / "shouting.py").write_text(code, encoding="utf-8")
    (tmp_path / "shouting.yaml").write_text(
        "version: 1\nname: shouting\nextends: news\nplugins: [./shouting.py]\n"
        "steps:\n  - uses: shout_finder\n",
        encoding="utf-8",
    )
    text = "Headline\n\nA calm first sentence.\nTHIS IS WRITTEN IN CAPITALS.\nA calm end."
    report = Pipeline.load(tmp_path / "shouting.yaml").run(text).to_dict()
    found = report["shout_finder"]["sentences"]
    assert [s["text"] for s in found] == ["THIS IS WRITTEN IN CAPITALS."]


def test_quick_start_has_exactly_two_commands() -> None:
    blocks = re.findall(r"```\n(.*?)```", section("Quick start"), re.S)
    commands = [b.strip() for b in blocks if b.strip().startswith("python3 -m venv")]
    assert len(commands) == 2
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci  # CI runs the README's test command


def test_config_example_is_valid(tmp_path: Path) -> None:
    yaml_blocks = re.findall(r"```yaml\n(.*?)```", section("Pipelines are YAML"), re.S)
    mine = next(b for b in yaml_blocks if "extends: news" in b)
    (tmp_path / "my-news.yaml").write_text(mine, encoding="utf-8")
    pipeline = Pipeline.load(tmp_path / "my-news.yaml")
    assert pipeline.steps[1].processor.options.max_heading_words == 8
