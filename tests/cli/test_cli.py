"""The command line, in-process (CliRunner) and as a real subprocess."""

from __future__ import annotations

import json
import sys

import pytest
from pressline import __version__


def test_run_text_summary(cli, example_path) -> None:
    result = cli("run", example_path, "--date", "2022-11-10")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("Tehran, Moscow Determined to Upgrade Strategic Ties\n")
    assert "2022-11-10 (from argument)" in out
    assert "Strategic Relations — 6 paragraphs" in out
    assert "line 49" in out


def test_run_json_to_file_atomically(cli, example_path, tmp_path) -> None:
    target = tmp_path / "report.json"
    result = cli(
        "run",
        example_path,
        "--date",
        "2022-11-10",
        "-f",
        "json",
        "-o",
        target,
        "--layers",
        "sentences,paragraphs",
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    report = json.loads(target.read_text(encoding="utf-8"))
    assert report["document"]["reference_date"] == "2022-11-10"
    assert report["document"]["reference_date_from"] == "argument"
    assert set(report["layers"]) == {"sentences", "paragraphs"}
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_stdin(cli, example_text) -> None:
    result = cli("run", "-", "-f", "json", input=example_text.encode("utf-8"))
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["document"]["source"] == "-"
    assert report["document"]["id"] == "stdin"
    assert report["document"]["reference_date"] is None


def test_empty_file_is_a_correct_run(cli, tmp_path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = cli("run", empty, "-f", "json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["sectioner"]["sentences"] == 0
    assert report["warnings"] == ["The document is empty."]


def test_crlf_bom_and_legacy_encoding(cli, tmp_path) -> None:
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes("\ufeffHeadline\r\n\r\nBody one.\r\nBody two.\r\n".encode())
    report = json.loads(cli("run", crlf, "-f", "json").stdout)
    assert report["document"]["text"] == "Headline\n\nBody one.\nBody two.\n"
    assert report["sectioner"]["title"] == "Headline"
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\u00e9 society\n\nThe caf\u00e9 opened.\n".encode("cp1252"))
    result = cli("run", latin, "-f", "json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert "café" in report["document"]["text"]
    assert "decoded as Windows-1252" in report["warnings"][0]


def test_bad_config_and_set_exit_2(cli, example_path) -> None:
    result = cli("run", example_path, "--set", "steps.nope.with.x=1")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ")
    assert "Traceback" not in result.output


def test_unknown_layer(cli, example_path) -> None:
    result = cli("run", example_path, "--layers", "sentencez")
    assert result.exit_code == 2
    assert "[PL506]" in result.stderr and "sentences" in result.stderr


def test_debug_shows_traceback(cli, example_path) -> None:
    result = cli("--debug", "run", "missing.txt")
    assert result.exit_code == 2
    assert "Traceback" in result.stderr


def test_plugins_show_and_config_commands(cli) -> None:
    shown = cli("plugins", "show", "sectioner")
    assert shown.exit_code == 0
    assert "max_heading_words: int" in shown.stdout and "produces: paragraphs" in shown.stdout
    plugin = cli("plugins", "show", "readers")
    assert "hooks: read_document" in plugin.stdout
    missing = cli("plugins", "show", "sectionr")
    assert missing.exit_code == 2 and "Did you mean 'sectioner'?" in missing.stderr
    raw = cli("config", "show", "news")
    assert "uses: cleaner" in raw.stdout and raw.stdout.startswith("# The default pipeline")
    resolved = cli("config", "show", "news", "--resolved")
    assert "max_heading_words:" in resolved.stdout
    schema = json.loads(cli("config", "schema").stdout)
    assert "sectioner" in schema["properties"]["steps"]["items"]["properties"]["uses"]["enum"]


def test_config_schema_validates_the_builtin_configs(cli) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    import yaml
    from pressline.config import builtin_config_path

    schema = json.loads(cli("config", "schema").stdout)
    for name in ("news", "minimal"):
        data = yaml.safe_load(builtin_config_path(name).read_text())
        jsonschema.validate(data, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(
            {"version": 1, "steps": [{"uses": "sectioner", "with": {"max_heading_word": 3}}]},
            schema,
        )


def test_subprocess_run_and_version(run_pressline, example_path) -> None:
    result = run_pressline("run", example_path, "--date", "2022-11-10", "-f", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["sectioner"]["paragraphs"] == 30
    version = run_pressline("--version")
    assert version.stdout.decode().strip() == f"pressline, version {__version__}"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["run", "missing.txt"], 2, "missing.txt does not exist"),
        (["run", "."], 2, "is a directory"),
        (["run", "EXAMPLE", "--date", "10/11/2022"], 2, "--date '10/11/2022' is not a date"),
        (["run", "EXAMPLE", "-c", "no-such.yaml"], 2, "does not exist"),
        (["run"], 2, "Missing argument 'INPUT'"),
    ],
)
def test_subprocess_bad_inputs_one_line(run_pressline, example_path, args, code, message):
    result = run_pressline(*[str(example_path) if a == "EXAMPLE" else a for a in args])
    assert result.returncode == code
    err = result.stderr.decode()
    assert message in err
    assert "Traceback" not in err
    if args[0] == "run" and len(args) > 1:
        assert len(err.strip().splitlines()) == 1


def test_help_imports_no_plugin_code(run_pressline) -> None:
    code = (
        "import sys\n"
        "from pressline.cli import cli\n"
        "try:\n    cli.main(['--help'], standalone_mode=False)\n"
        "except SystemExit:\n    pass\n"
        "loaded = [m for m in sys.modules\n"
        "          if m.startswith('pressline.plugins') or m == 'pydantic']\n"
        "print('LOADED', loaded)\n"
    )
    import subprocess

    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "LOADED []" in result.stdout, result.stdout + result.stderr
