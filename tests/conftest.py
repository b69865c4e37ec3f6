"""Shared fixtures: the example article, CLI runners, and real plugin packages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "tehran-moscow.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PLUGIN_PACKAGES = FIXTURES / "plugins"


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests start without the developer's PRESSLINE_* settings."""
    for key in list(os.environ):
        if key.startswith("PRESSLINE_"):
            monkeypatch.delenv(key)


@pytest.fixture
def example_path() -> Path:
    return EXAMPLE


@pytest.fixture
def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture
def cli():
    """Invoke the CLI in-process: ``cli("run", path, "-f", "json")`` -> click Result."""
    from pressline.cli import cli as command

    runner = CliRunner()

    def invoke(*args: str, input: str | bytes | None = None, env: dict | None = None):
        return runner.invoke(
            command, [str(a) for a in args], input=input, env=env, catch_exceptions=False
        )

    return invoke


def _pip_install(target: Path, *packages: Path) -> None:
    """Install packages with pip into ``target`` (no dependencies, no network)."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--no-compile",
            "--target",
            str(target),
            *map(str, packages),
        ],
        check=True,
        capture_output=True,
    )


@pytest.fixture(scope="session")
def pip_install():
    """``pip_install(target, *packages)``: a real pip install into a folder of its own."""
    return _pip_install


@pytest.fixture(scope="session")
def plugin_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example plugin packages, really installed with pip into their own folder."""
    target = tmp_path_factory.mktemp("plugin-site")
    _pip_install(
        target, *(PLUGIN_PACKAGES / p for p in ("pressline-wordcount", "pressline-broken"))
    )
    return target


@pytest.fixture
def installed_plugins(plugin_site: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Make the installed plugin packages visible to this test (and its subprocesses)."""
    monkeypatch.syspath_prepend(str(plugin_site))
    monkeypatch.setenv("PYTHONPATH", str(plugin_site))
    for name in ("pressline_wordcount", "pressline_broken"):
        sys.modules.pop(name, None)
    return plugin_site


@pytest.fixture
def run_pressline():
    """Run ``python -m pressline`` as a real subprocess."""

    def run(
        *args: str, input: bytes | None = None, cwd: Path | None = None, env: dict | None = None
    ) -> subprocess.CompletedProcess:
        full_env = {**os.environ, **(env or {})}
        return subprocess.run(
            [sys.executable, "-m", "pressline", *map(str, args)],
            input=input,
            capture_output=True,
            cwd=cwd,
            env=full_env,
            timeout=120,
        )

    return run
