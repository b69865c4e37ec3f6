"""Every error code in the catalogue has a real input that triggers it."""

from __future__ import annotations

from pathlib import Path

import pytest
from pressline.errors import CODES

CONFIGS = Path(__file__).resolve().parents[1] / "fixtures" / "configs"

# code -> (arguments after `pressline`, exit code, fragments the message must contain)
CASES: dict[str, tuple[list[str], int, list[str]]] = {
    "PL100": (["config", "validate", "PL100-syntax.yaml"], 2, ["PL100-syntax.yaml:5", "YAML"]),
    "PL101": (["config", "validate", "no-such-config.yaml"], 2, ["does not exist"]),
    "PL102": (
        ["config", "validate", "PL102-unknown-key.yaml"],
        2,
        ["PL102-unknown-key.yaml:3", "Did you mean 'steps'?"],
    ),
    "PL103": (["config", "validate", "PL103-wrong-type.yaml"], 2, [":3", "must be a list"]),
    "PL104": (["config", "validate", "PL104-missing-version.yaml"], 2, ["version: 1"]),
    "PL105": (["config", "validate", "PL105-version.yaml"], 2, [":1", "Unsupported version"]),
    "PL106": (["config", "validate", "PL106-date.yaml"], 2, [":3", "YYYY-MM-DD"]),
    "PL107": (["config", "validate", "PL107-duplicate-key.yaml"], 2, [":6", "appears twice"]),
    "PL110": (
        ["config", "validate", "PL110-extends-missing.yaml"],
        2,
        ["PL110-extends-missing.yaml:3", "does not exist"],
    ),
    "PL111": (
        ["config", "validate", "PL111-after-unknown.yaml"],
        2,
        [":7", "Did you mean 'sectioner'?"],
    ),
    "PL120": (
        ["config", "validate", "news", "--set", "steps.sectionr.with.x=1"],
        2,
        ["--set", "Did you mean 'sectioner'?"],
    ),
    "PL201": (
        ["config", "validate", "PL201-unknown-processor.yaml"],
        2,
        [":5", "Did you mean 'sectioner'?"],
    ),
    "PL202": (["config", "validate", "PL202-duplicate-id.yaml"], 2, [":5", "used twice"]),
    "PL203": (["config", "validate", "PL203-step-key.yaml"], 2, [":5", "Unknown step key"]),
    "PL204": (
        ["config", "validate", "PL204-unknown-option.yaml"],
        2,
        [":6", "Did you mean 'max_heading_words'?"],
    ),
    "PL210": (["config", "validate", "PL210-missing-plugin.yaml"], 2, [":4", "no_such_plugin"]),
    "PL211": (["run", "-", "-c", "minimal"], 0, []),  # see test_host: a broken install
    "PL212": (
        ["config", "validate", "PL212-hook-typo.yaml"],
        2,
        [":4", "did you mean 'register_processors'?"],
    ),
    "PL213": (["config", "validate", "PL213-clash.yaml"], 2, [":4", "already registers"]),
    "PL214": (
        ["config", "validate", "PL214-invalid-processor.yaml"],
        2,
        [":4", "not a subclass of pressline.Processor"],
    ),
    "PL301": (
        ["config", "validate", "PL301-requires.yaml"],
        2,
        [":5", "needs 'sentences'", "Put it after 'sectioner'."],
    ),
    "PL302": (
        ["config", "validate", "PL302-late-cleaner.yaml"],
        2,
        [":5", "Move it before 'sectioner'."],
    ),
    "PL303": (["config", "validate", "PL303-no-steps.yaml"], 2, ["no enabled steps"]),
    "PL401": (["run", "ARTICLE", "-c", "PL401-undeclared_writer.yaml"], 1, ["'surprise'"]),
    "PL402": (["run", "ARTICLE", "-c", "PL402-raiser.yaml"], 1, ["always fails"]),
    "PL403": (["run", "ARTICLE", "-c", "PL403-sneaky_editor.yaml"], 1, ["changes_text"]),
    "PL404": (["run", "ARTICLE", "-c", "PL404-failing_setup.yaml"], 1, ["model file missing"]),
    "PL405": (["run", "ARTICLE", "-c", "PL405-bad_summary.yaml"], 1, ["JSON"]),
    "PL501": (["run", "no-such-article.txt"], 2, ["does not exist"]),
    "PL502": (["run", "."], 2, ["is a directory"]),
    "PL503": (["run", "BINARY"], 2, ["binary"]),
    "PL504": (["run", "UNDECODABLE"], 2, ["not valid UTF-8"]),
    "PL505": (["run", "ARTICLE", "--date", "2022-02-30"], 2, ["--date"]),
    "PL506": (["run", "ARTICLE", "-f", "yaml"], 2, ["Formats:"]),
    "PL507": (["plugins", "new", "Not A Name"], 2, ["not a valid plugin name"]),
    "PL508": (["run", "TWO_RECORDS"], 2, ["pressline batch"]),
    "PL509": ([], 2, []),  # see tests/plugins/test_readers_html.py: a missing extra
    "PL406": ([], 1, []),  # see tests/batch/test_batch.py: a worker that dies
    "PL407": ([], 1, []),  # see tests/batch/test_batch.py: a worker that hangs
    "PL510": (["batch", "ARTICLE", "-o", "reports.txt"], 2, ["-o"]),
    "PL511": ([], 2, []),  # see tests/batch/test_dask.py: an unreachable scheduler
}


def test_every_code_has_a_case() -> None:
    assert set(CASES) == set(CODES)


@pytest.mark.parametrize(
    "code", sorted(c for c in CASES if c not in ("PL211", "PL406", "PL407", "PL509", "PL511"))
)
def test_code(code: str, cli, example_path, tmp_path, monkeypatch) -> None:
    args, exit_code, fragments = CASES[code]
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    undecodable = tmp_path / "latin.txt"
    undecodable.write_bytes(b"caf\x81 \x8d\x90 \x9d" + b"\x01\x02" * 10)
    two = tmp_path / "two.jsonl"
    two.write_text('{"id": "a", "text": "One."}\n{"id": "b", "text": "Two."}\n')
    replace = {
        "ARTICLE": str(example_path),
        "BINARY": str(binary),
        "UNDECODABLE": str(undecodable),
        "TWO_RECORDS": str(two),
    }
    monkeypatch.chdir(CONFIGS)
    result = cli(*[replace.get(a, a) for a in args])
    assert result.exit_code == exit_code, result.output
    message = result.stderr if hasattr(result, "stderr") else result.output
    assert f"[{code}]" in message
    for fragment in fragments:
        assert fragment in message
    assert "Traceback" not in result.output
