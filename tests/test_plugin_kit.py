"""The plugin author's kit: scaffold, test helpers, explain, extra hooks, and the guide."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pressline.hookspecs as hookspecs
import pytest
from pressline import Pipeline, Processor, Span
from pressline.errors import CODES
from pressline.host import PluginHost
from pressline.testing import check_processor, make_document, run_pipeline, run_processor

ROOT = Path(__file__).resolve().parents[1]
GUIDE = (ROOT / "plugins" / "README.md").read_text(encoding="utf-8")
TUTORIAL = ROOT / "examples" / "plugins" / "pressline-readability"
HOOKS = sorted(n for n in dir(hookspecs) if n.startswith(("register_", "read_", "pipeline_")))


# -- the guide ------------------------------------------------------------------------------
@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_is_documented_with_its_signature(hook: str) -> None:
    assert re.search(rf"^### `{hook}\(", GUIDE, re.M), f"no section for {hook}"


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_is_exercised_by_a_test(hook: str) -> None:
    # a hookimpl of it in a plugin the tests install or load
    sources = [p.read_text(encoding="utf-8") for p in (ROOT / "tests").rglob("*.py")]
    sources += [p.read_text(encoding="utf-8") for p in (ROOT / "examples").rglob("*.py")]
    assert any(re.search(rf"^def {hook}\(", s, re.M) for s in sources)


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_error_code_is_in_the_guide(code: str) -> None:
    assert f"| {code} |" in GUIDE


def test_tutorial_code_is_the_tested_code() -> None:
    blocks = re.findall(r"```(?:python|toml)\n(.*?)```", GUIDE, re.S)
    for path in ("pressline_readability.py", "tests/test_readability.py", "pyproject.toml"):
        assert (TUTORIAL / path).read_text(encoding="utf-8") in blocks, path


BUILTIN = PluginHost(entry_points=False)


def test_every_builtin_plugin_loads() -> None:
    assert {p.name: p.error for p in BUILTIN.list_plugins() if p.error} == {}
    assert {"cleaner", "sectioner", "entity_tagger", "timeline_builder", "quote_attributor"} <= set(
        BUILTIN.processors
    )


@pytest.mark.parametrize("name", sorted(BUILTIN.processors))
def test_builtin_processors_pass_check_processor(name: str) -> None:
    check_processor(BUILTIN.processors[name].cls)


# -- the tutorial plugin, installed ------------------------------------------------------------
@pytest.fixture(scope="module")
def tutorial_site(tmp_path_factory: pytest.TempPathFactory, pip_install) -> Path:
    target = tmp_path_factory.mktemp("tutorial-site")
    pip_install(target, TUTORIAL)
    return target


def test_tutorial_plugin_runs_from_yaml(tutorial_site, monkeypatch, tmp_path, cli) -> None:
    monkeypatch.syspath_prepend(str(tutorial_site))
    config = tmp_path / "readable.yaml"
    block = re.search(r"`readable.yaml`:\n\n```yaml\n(.*?)```", GUIDE, re.S).group(1)
    config.write_text(block, encoding="utf-8")
    result = cli("run", ROOT / "examples" / "tehran-moscow.txt", "-c", config, "-f", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    summary = report["readability"]
    assert [s["heading"] for s in summary["sections"]] == [
        None,
        "Strategic Relations",
        "Dialogue-based Initiative",
    ]
    assert 0 < summary["reading_ease"] < 60  # news prose is not easy reading
    for hard in summary["hard_sentences"]:
        assert report["document"]["text"][hard["start"] : hard["end"]] == hard["text"]


def test_tutorial_plugin_tests_pass(tutorial_site) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(TUTORIAL / "tests")],
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "PYTHONPATH": str(tutorial_site)},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 passed" in result.stdout


# -- plugins new ------------------------------------------------------------------------------
def test_scaffold_installs_and_its_tests_pass(cli, tmp_path, pip_install) -> None:
    result = cli("plugins", "new", "keyword-counter", "--dir", tmp_path)
    assert result.exit_code == 0, result.output
    package = tmp_path / "pressline-keyword-counter"
    assert sorted(p.name for p in package.iterdir()) == [
        "README.md",
        "pressline_keyword_counter.py",
        "pyproject.toml",
        "tests",
    ]
    site = tmp_path / "site"
    pip_install(site, package)
    env = {**__import__("os").environ, "PYTHONPATH": str(site)}
    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(package / "tests")],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert tests.returncode == 0, tests.stdout + tests.stderr
    listed = subprocess.run(
        [sys.executable, "-m", "pressline", "plugins", "list", "--json"],
        capture_output=True,
        text=True,
        env=env,
    )
    plugins = {p["name"]: p for p in json.loads(listed.stdout)}
    assert plugins["keyword_counter"]["distribution"] == "pressline-keyword-counter"
    again = cli("plugins", "new", "keyword-counter", "--dir", tmp_path)
    assert again.exit_code == 2 and "[PL507]" in again.stderr


@pytest.mark.parametrize("name", ["Keyword", "2fast", "a--b", "no spaces", "ünï"])
def test_scaffold_validates_the_name(cli, tmp_path, name: str) -> None:
    result = cli("plugins", "new", name, "--dir", tmp_path)
    assert result.exit_code == 2 and "[PL507]" in result.stderr
    assert list(tmp_path.iterdir()) == []


# -- pressline.testing -----------------------------------------------------------------------
class CapitalCounter(Processor):
    """Count capitalized words in body sentences."""

    name = "capital_counter"
    requires = ("sentences",)
    produces = ("capital_words",)

    def process(self, doc):
        spans = []
        for s in doc.layer("sentences"):
            for m in re.finditer(r"\b[A-Z][a-z]+", doc.text[s.start : s.end]):
                spans.append(Span(s.start + m.start(), s.start + m.end(), "CAP"))
        doc.add_layer("capital_words", spans)

    def summarize(self, doc):
        return {"count": len(doc.layer("capital_words"))}


def test_run_processor_runs_what_it_needs_first() -> None:
    report = run_processor(CapitalCounter, "Title Here\n\nAlice met Bob. They left.")
    assert [s["id"] for s in report.steps] == ["sectioner", "capital_counter"]
    assert report["capital_counter"] == {"count": 5}


def test_run_processor_validates_options() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        run_processor("sectioner", "Text.", max_heading_word=3)


def test_check_processor_lists_every_problem() -> None:
    class Sloppy(CapitalCounter):
        name = "sloppy"
        produces = ("capital_words", "never_written")

        class Options(CapitalCounter.Options):
            threshold: int  # no default, no description

    with pytest.raises(AssertionError) as info:
        check_processor(Sloppy)
    assert "option 'threshold' has no default" in str(info.value)
    assert "option 'threshold' has no description" in str(info.value)
    check_processor(CapitalCounter)


def test_make_document_and_run_pipeline() -> None:
    doc = make_document("One. Two.", sentences=[(0, 4), (5, 9, "S")])
    assert [s.label for s in doc.layer("sentences")] == ["", "S"]
    report = run_pipeline(
        {"version": 1, "name": "x", "steps": [{"uses": "sectioner"}]}, "Head\n\nBody one. Body two."
    )
    assert report["sectioner"]["sentences"] == 2


def test_pytest_fixture_is_registered(pressline) -> None:
    assert pressline.cli("--version").exit_code == 0
    report = pressline.run_processor("sectioner")
    assert pressline.layer_texts(report, "paragraphs")


# -- explain and the extra hooks ------------------------------------------------------------
def test_explain(cli) -> None:
    result = cli("explain", "news")
    assert result.exit_code == 0
    assert re.search(r"sectioner\s+sectioner\s+sectioner 0\.1\.0\s+-\s+paragraphs", result.stdout)
    bad = cli("explain", ROOT / "tests" / "fixtures" / "configs" / "PL301-requires.yaml")
    assert bad.exit_code == 2
    assert "needs_sentences" in bad.stdout and "Put it after 'sectioner'." in bad.stdout


@pytest.fixture
def extras(plugin_site, monkeypatch, pip_install):
    pip_install(plugin_site, ROOT / "tests" / "fixtures" / "plugins" / "pressline-extras")
    monkeypatch.syspath_prepend(str(plugin_site))
    monkeypatch.setenv("PYTHONPATH", str(plugin_site))
    sys.modules.pop("pressline_extras", None)
    return plugin_site


def test_plugin_command_format_and_reader(extras, cli, run_pressline, tmp_path) -> None:
    listed = {p["name"]: p for p in json.loads(cli("plugins", "list", "--json").stdout)}
    assert listed["extras"]["hooks"] == [
        "read_document",
        "register_commands",
        "register_report_formats",
    ]
    article = ROOT / "examples" / "tehran-moscow.txt"
    freq = run_pressline("wordfreq", article, "--top", "1")
    assert freq.returncode == 0, freq.stderr
    assert freq.stdout.decode().split() == ["73", "the"]
    help_text = run_pressline("--help").stdout.decode()
    assert "wordfreq" not in help_text and "plugins list" in help_text
    result = cli("run", article, "-f", "csv")
    assert result.stdout.splitlines() == [
        "section,paragraphs,sentences",
        ",11,11",
        "Strategic Relations,6,6",
        "Dialogue-based Initiative,13,13",
    ]
    srt = tmp_path / "talk.srt"
    srt.write_text(
        "1\n00:00:01,000 --> 00:00:03,000\nGood evening.\n\n"
        "2\n00:00:03,500 --> 00:00:06,000\nHere is the news.\n",
        encoding="utf-8",
    )
    report = json.loads(cli("run", srt, "-f", "json").stdout)
    assert "-->" not in report["document"]["text"]
    assert report["sectioner"]["sentences"] >= 1
    unknown = cli("nosuchcommand")
    assert unknown.exit_code == 2 and "No such command" in unknown.output


def test_pipeline_from_python_with_a_plugin_format(extras) -> None:
    report = Pipeline.load("news").run("Title\n\nBody.")
    assert report.render("csv").startswith("section,paragraphs,sentences")
