"""Plugin discovery: built-ins, entry points and files, each loaded in isolation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pressline import Pipeline, PluginLoadError
from pressline.host import PluginHost

CONFIGS = Path(__file__).resolve().parents[1] / "fixtures" / "configs"


def test_builtins_register_like_any_plugin() -> None:
    host = PluginHost(entry_points=False)
    assert {"cleaner", "sectioner"} <= set(host.processors)
    assert host.plugins["cleaner"].distribution == "pressline"
    assert host.plugins["cleaner"].hooks == ["register_processors"]
    assert host.plugins["readers"].hooks == ["read_document"]


def test_installed_plugin_is_listed_and_runs(installed_plugins, cli, example_path, tmp_path):
    result = cli("plugins", "list", "--json")
    assert result.exit_code == 0
    listed = {p["name"]: p for p in json.loads(result.stdout)}
    word = listed["word_counter"]
    assert word["distribution"] == "pressline-wordcount"
    assert word["version"] == "1.2.0"
    assert word["processors"] == ["word_counter"]
    assert word["hooks"] == ["register_processors"]
    assert word["error"] is None
    assert listed["broken"]["error"].startswith("failed to import: ModuleNotFoundError")
    assert listed["cleaner"]["error"] is None

    config = tmp_path / "counted.yaml"
    config.write_text(
        "version: 1\nname: counted\nextends: news\nsteps:\n"
        "  - id: words\n    uses: word_counter\n    with: {min_words: 30}\n"
    )
    result = cli("run", example_path, "-c", config, "-f", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["words"]["long_sentences"] >= 5
    first = report["words"]["first"]
    assert report["document"]["text"][first["start"] : first["end"]] == first["text"]
    assert [s["id"] for s in report["pipeline"]["steps"]][-1] == "words"
    assert report["pipeline"]["steps"][-1]["plugin"] == "word_counter"
    # the broken plugin is one warning, not a failure
    assert result.stderr.count("Warning: plugin 'broken'") == 1


def test_broken_plugin_does_not_break_help(installed_plugins, run_pressline):
    result = run_pressline("--help")
    assert result.returncode == 0
    assert b"Usage: pressline" in result.stdout
    assert result.stderr == b""


def test_broken_plugin_fails_only_pipelines_that_use_it(installed_plugins, tmp_path):
    config = tmp_path / "uses-broken.yaml"
    config.write_text("version: 1\nname: x\nsteps:\n  - uses: broken_thing\n")
    with pytest.raises(Exception) as info:
        Pipeline.load(config)
    assert "broken (failed to import: ModuleNotFoundError" in str(info.value)
    assert Pipeline.load("minimal").run("Title\n\nBody.").to_dict()["sectioner"]["title"]


def test_strict_mode_fails_on_load_errors(installed_plugins, monkeypatch, run_pressline):
    monkeypatch.setenv("PRESSLINE_STRICT_PLUGINS", "1")
    with pytest.raises(PluginLoadError) as info:
        PluginHost()
    assert info.value.code == "PL211"
    result = run_pressline("plugins", "list", env={"PRESSLINE_STRICT_PLUGINS": "1"})
    assert result.returncode == 2
    assert b"[PL211] plugin 'broken' failed to import" in result.stderr


def test_disable_and_allow_list(installed_plugins, monkeypatch):
    monkeypatch.setenv("PRESSLINE_DISABLE_PLUGINS", "broken,pressline-wordcount")
    host = PluginHost()
    assert "word_counter" not in host.processors
    assert host.load_errors == []
    monkeypatch.delenv("PRESSLINE_DISABLE_PLUGINS")
    monkeypatch.setenv("PRESSLINE_LOAD_PLUGINS", "word_counter")
    host = PluginHost()
    assert "word_counter" in host.processors and "broken" not in host.plugins
    monkeypatch.setenv("PRESSLINE_LOAD_PLUGINS", "")
    assert "word_counter" not in PluginHost().plugins


def test_misspelled_hook_is_an_error() -> None:
    host = PluginHost(entry_points=False)
    info = host.load_config_plugin("hook_typo.py", CONFIGS)
    assert info.code == "PL212"
    assert "did you mean 'register_processors'?" in info.error
    assert host.pm.hook.register_processors.get_hookimpls()  # the others still registered
    host.pm.check_pending()


def test_trace_hooks(monkeypatch, capsys) -> None:
    monkeypatch.setenv("PRESSLINE_TRACE_HOOKS", "1")
    Pipeline.load("minimal").run("Title\n\nBody.")
    assert "pipeline_started" in capsys.readouterr().err


def test_pipeline_observers_see_every_document() -> None:
    pipeline = Pipeline.load(CONFIGS / "observed.yaml")
    observer = pipeline.host.plugins["observer"]
    assert observer.hooks == ["pipeline_finished", "pipeline_started"]
    reports = list(pipeline.run_many(["One\n\nFirst body.", "Two\n\nSecond body."]))
    assert len(reports) == 2
    module = pipeline.host.pm.get_plugin("observer")
    assert module.EVENTS == [
        ("started", "document-1"),
        ("finished", "document-1:1"),
        ("started", "document-2"),
        ("finished", "document-2:1"),
    ]
