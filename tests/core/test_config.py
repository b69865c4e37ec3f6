"""Configs: extends, overrides, placement, and all problems reported at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from pressline import ConfigError, Pipeline

CONFIGS = Path(__file__).resolve().parents[1] / "fixtures" / "configs"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_three_problems_reported_together(cli) -> None:
    result = cli("config", "validate", CONFIGS / "three-problems.yaml")
    assert result.exit_code == 2
    err = result.stderr
    assert "(3 problems)" in err
    assert "three-problems.yaml:8" in err and "Did you mean 'max_heading_words'?" in err
    assert "three-problems.yaml:9" in err and "Move it before 'sectioner'." in err
    assert "three-problems.yaml:10" in err and "[PL201] Unknown processor 'entity_taggr'" in err


def test_builtin_configs_are_valid(cli) -> None:
    for name in ("news", "minimal"):
        result = cli("config", "validate", name)
        assert result.exit_code == 0, result.output
        assert result.output.startswith("OK:")


def test_extends_replaces_appends_and_disables(tmp_path: Path) -> None:
    config = write(
        tmp_path / "mine.yaml",
        """
version: 1
name: mine
extends: news
reference_date: 2022-11-10
steps:
  - id: sectioner
    with: {max_heading_words: 6}
  - id: cleaner
    enabled: false
  - id: second_pass
    uses: sectioner
    after: cleaner
""",
    )
    pipeline = Pipeline.load(config)
    assert [s.id for s in pipeline.steps][:3] == ["cleaner", "second_pass", "sectioner"]
    assert [s.enabled for s in pipeline.steps][:3] == [False, True, True]
    assert pipeline.steps[2].processor.options.max_heading_words == 6
    assert str(pipeline.reference_date) == "2022-11-10"
    resolved = pipeline.resolved()
    assert resolved["steps"][2]["with"]["max_heading_words"] == 6


def test_one_processor_twice_under_two_ids(example_text: str, tmp_path: Path) -> None:
    config = write(
        tmp_path / "twice.yaml",
        """
version: 1
name: twice
steps:
  - uses: cleaner
  - uses: sectioner
  - id: loose
    uses: sectioner
    with: {detect_headings: false}
""",
    )
    report = Pipeline.load(config).run(example_text).to_dict()
    assert len(report["sectioner"]["sections"]) == 3
    assert len(report["loose"]["sections"]) == 1


def test_set_overrides_are_validated(tmp_path: Path) -> None:
    pipeline = Pipeline.load("news", sets=["steps.sectioner.with.max_heading_words=5"])
    assert pipeline.steps[1].processor.options.max_heading_words == 5
    with pytest.raises(ConfigError) as info:
        Pipeline.load("news", sets=["steps.sectioner.with.max_heading_words=lots"])
    assert info.value.codes == ["PL204"]
    assert "--set steps.sectioner.with.max_heading_words=lots" in str(info.value)
    with pytest.raises(ConfigError) as info:
        Pipeline.load("news", sets=["steps.sectioner.enabled=maybe"])
    assert info.value.codes == ["PL103"]


def test_yaml_is_loaded_safely(tmp_path: Path) -> None:
    config = write(
        tmp_path / "evil.yaml",
        """
version: 1
name: !!python/object/apply:os.system ["echo pwned"]
steps: [{uses: sectioner}]
""",
    )
    with pytest.raises(ConfigError) as info:
        Pipeline.load(config)
    assert info.value.codes[0] == "PL100"
    assert "evil.yaml:3" in str(info.value) and "not allowed" in str(info.value)


def test_config_plugin_file_relative_to_config(example_text: str) -> None:
    config = CONFIGS / "ordered-plugin.yaml"
    pipeline = Pipeline.load(config)
    result = pipeline.run(example_text).to_dict()
    assert result["needs_sentences"]["sentences"] > 30


def test_unknown_builtin_name_suggests() -> None:
    with pytest.raises(ConfigError) as info:
        Pipeline.load("nwes")
    assert "Did you mean 'news'?" in str(info.value)
