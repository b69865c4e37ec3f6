"""Report formats: json, text (rich, 80 columns) and markdown; html in test_formats_html."""

from __future__ import annotations

import copy
import fcntl
import json
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from datetime import date
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from pressline import Pipeline
from pressline.plugins.formats import to_html, to_markdown, to_text
from rich.cells import cell_len

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "tehran-moscow.txt"
# The entities, timeline and quotes parts of the example's report, in the contract's
# shapes, as the entity tagger, timeline builder and quote finder are to give them.
SECTIONS = FIXTURES / "reports" / "tehran-moscow.sections.json"
ANSI = re.compile(r"\x1b\[")
STYLE = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(scope="module")
def example() -> dict:
    """The example's real report (whatever steps `news` has) with every part filled in."""
    text = EXAMPLE.read_text(encoding="utf-8")
    data = (
        Pipeline.load("news")
        .run(text, reference_date=date(2022, 11, 10), id="tehran-moscow")
        .to_dict()
    )
    data.update(json.loads(SECTIONS.read_text(encoding="utf-8")))
    return data


def bare(example: dict) -> dict:
    """The report as a pipeline without entity, timeline and quote steps gives it."""
    data = copy.deepcopy(example)
    for part in ("entities", "timeline", "quotes"):
        data.pop(part)
    return data


def widths(text: str) -> list[int]:
    return [cell_len(line) for line in text.splitlines()]


def test_the_sections_fixture_fits_the_example(example) -> None:
    text = example["document"]["text"]
    for entity in example["entities"]["entities"]:
        assert entity["count"] == len(entity["mentions"])
        for mention in entity["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]
    for event in example["timeline"]["events"]:
        for key in ("timex", "sentence"):
            span = event[key]
            assert text[span["start"] : span["end"]] == span["text"]


# -- json -----------------------------------------------------------------------------------
def test_json_is_exactly_the_report(cli, example_path) -> None:
    result = cli("run", example_path, "--date", "2022-11-10", "-f", "json")
    report = json.loads(result.stdout)
    expected = (
        Pipeline.load("news")
        .run(EXAMPLE.read_text(encoding="utf-8"), reference_date=date(2022, 11, 10))
        .to_dict()
    )
    assert report["sectioner"] == expected["sectioner"]
    assert "meta" not in report["document"]  # the contract's shape, nothing added


# -- text -------------------------------------------------------------------------------------
def test_text_fits_80_columns_and_has_no_colour_when_piped(cli, example_path) -> None:
    result = cli("run", example_path, "--date", "2022-11-10")
    out = result.stdout
    assert max(widths(out)) <= 80
    assert not ANSI.search(out)
    assert out.startswith("Tehran, Moscow Determined to Upgrade Strategic Ties\n")
    assert "tehran-moscow · 5,648 chars · 2022-11-10 (from argument)" in out
    assert "  2. Strategic Relations — 6 paragraphs, 6 sentences" in out
    assert "  line 49   boilerplate  'Add new comment'" in out


def test_text_shows_entities_timeline_and_quotes_in_80_columns(example) -> None:
    out = to_text(example)
    assert max(widths(out)) <= 80
    assert "Entities (17):" in out and "  … and 5 more" in out
    assert re.search(r"Nikolai Patrushev\s+PERSON\s+5\s+Patrushev; Secretary of", out)
    assert "Timeline (5 events, 5 time expressions):" in out
    assert re.search(r"2022-02-24\s+February 24\s+Russia launched", out)
    assert "Quotes (7):" in out and "    — Ali Shamkhani" in out
    narrow = to_text(example, width=60)
    assert max(widths(narrow)) <= 60


def test_text_without_those_steps_leaves_them_out(example) -> None:
    out = to_text(bare(example))
    assert "Entities" not in out and "Timeline" not in out and "Quotes" not in out
    empty = bare(example)
    empty["entities"] = {"entities": []}
    empty["timeline"] = {"reference_date": None, "timexes": [], "events": []}
    out = to_text(empty)
    assert "Entities: none found." in out
    assert "Timeline: 0 time expressions, no dated events." in out


def test_text_with_wide_characters_and_long_names_fits(example) -> None:
    data = copy.deepcopy(example)
    data["sectioner"]["title"] = "東京で会議が開かれました。" * 6
    data["entities"]["entities"][0]["name"] = "Organisation " * 12
    data["entities"]["entities"][0]["roles"] = ["Secretary-General of " * 10]
    out = to_text(data)
    assert max(widths(out)) <= 80


def on_a_terminal(*args: str, columns: int = 100, env: dict | None = None) -> str:
    """Run ``pressline`` with a pseudo-terminal as its standard output."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-m", "pressline", *args],
        stdout=slave,
        stderr=subprocess.PIPE,
        env={**os.environ, **(env or {})},
    )
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the terminal closes when the process ends
            break
        if not chunk:
            break
        out += chunk
    process.wait(timeout=120)
    os.close(master)
    assert process.returncode == 0, process.stderr.read().decode()
    return out.decode("utf-8").replace("\r\n", "\n")


def test_text_colour_only_on_a_terminal(example_path, tmp_path) -> None:
    args = ("run", str(example_path), "--date", "2022-11-10")
    coloured = on_a_terminal(*args, env={"NO_COLOR": ""})
    assert ANSI.search(coloured)
    assert max(widths(STYLE.sub("", coloured))) <= 80
    narrow = on_a_terminal(*args, columns=60, env={"NO_COLOR": ""})
    assert max(widths(STYLE.sub("", narrow))) <= 60
    assert not ANSI.search(on_a_terminal(*args, env={"NO_COLOR": "1"}))
    target = tmp_path / "summary.txt"
    on_a_terminal(*args, "-o", str(target), env={"NO_COLOR": ""})
    written = target.read_text(encoding="utf-8")
    assert not ANSI.search(written)
    assert written.startswith("Tehran, Moscow Determined to Upgrade Strategic Ties\n")


def test_text_colours_on_request(example) -> None:
    coloured = to_text(example, color=True)
    assert ANSI.search(coloured)
    assert STYLE.sub("", coloured).splitlines()[:3] == to_text(example).splitlines()[:3]


def test_text_and_markdown_print_no_control_characters_from_the_article(example) -> None:
    data = copy.deepcopy(example)
    data["sectioner"]["title"] = "Title \x1b]0;pwned\x07 \x1b[2J\x9b31m end"
    data["entities"]["entities"][0]["name"] = "Iran\x1b[5m"
    text, markdown = to_text(data), to_markdown(data)
    for out in (text, markdown):
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", out)
    assert text.startswith("Title \ufffd]0;pwned\ufffd \ufffd[2J\ufffd31m end\n")
    assert markdown.startswith("# Title \ufffd\\]0;pwned\ufffd \ufffd\\[2J\ufffd31m end\n")


def test_text_of_a_web_page_shows_its_metadata(cli) -> None:
    pytest.importorskip("trafilatura", reason="reading HTML needs pip install 'pressline[html]'")
    out = cli("run", FIXTURES / "pages" / "council-budget.html").stdout
    assert max(widths(out)) <= 80
    assert "council-budget · 1,366 chars · 2023-03-03 (from html metadata)" in out
    assert "Jane Doe · The Riverside Ledger · https://www.riversideledger.example/" in out


def test_text_lists_layers_and_warnings(cli, tmp_path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Café Society\n\nThe café opened on Monday.\n".encode("cp1252"))
    out = cli("run", path, "--layers", "sentences").stdout
    assert "Layer sentences: 2 spans" in out
    assert "Warnings:\n  - " in out and "Windows-1252" in out


def test_text_survives_entries_that_break_the_contract(example) -> None:
    data = copy.deepcopy(example)
    data["entities"]["entities"][0]["mentions"].append({"start": 10**6, "end": 10**6 + 4})
    data["entities"]["entities"].append({"id": "X"})  # no name
    data["timeline"]["events"].append({"value": "soon", "start_date": "not a date"})
    data["quotes"]["quotes"].append({"start": 5, "end": 2, "text": "backwards"})
    out = to_text(data)
    assert "Entities (17):" in out and "Timeline (6 events" in out and "Quotes (7):" in out


# -- markdown -----------------------------------------------------------------------------------
def html_of(markdown: str) -> str:
    """The Markdown as a renderer that lets raw HTML through (as many do) would show it."""
    return MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)


def test_markdown_of_a_real_run(cli, example_path) -> None:
    result = cli("run", example_path, "--date", "2022-11-10", "-f", "markdown")
    assert result.exit_code == 0
    md = result.stdout
    assert md.startswith("# Tehran, Moscow Determined to Upgrade Strategic Ties\n")
    page = html_of(md)
    assert "<h1>Tehran, Moscow Determined to Upgrade Strategic Ties</h1>" in page
    assert "<h2>Sections</h2>" in page
    assert "<li><strong>Strategic Relations</strong> — 6 paragraphs, 6 sentences</li>" in page
    assert "<li><strong>Reference date:</strong> 2022-11-10 (from argument)</li>" in page


def test_markdown_tables_for_entities_and_timeline_and_quotes(example) -> None:
    md = to_markdown(example)
    page = html_of(md)
    assert page.count("<table>") == 2
    entity_rows = re.search(r"<h2>Entities</h2>\s*<table>.*?<tbody>(.*?)</tbody>", page, re.S)
    assert entity_rows.group(1).count("<tr>") == 17
    assert "<td><strong>Nikolai Patrushev</strong></td>" in page
    assert "<td>Secretary of National Security Council of Russia</td>" in page
    timeline = re.search(r"<h2>Timeline</h2>\s*<table>.*?<tbody>(.*?)</tbody>", page, re.S)
    assert timeline.group(1).count("<tr>") == 5
    assert "<td>2015-01-01 – 2015-12-31</td>" in page
    quotes = page[page.index("<h2>Quotes</h2>") :]
    assert quotes.count("<blockquote>") == 7
    assert "— <strong>Ebrahim Raisi</strong>" in page


def test_markdown_without_those_steps(example) -> None:
    md = to_markdown(bare(example))
    assert "## Entities" not in md and "## Timeline" not in md and "## Quotes" not in md
    assert "## Sections" in md


def test_markdown_escapes_the_article(example) -> None:
    data = copy.deepcopy(example)
    data["sectioner"]["title"] = "*Breaking* <script>alert(1)</script> | [link](http://x.test)"
    data["entities"]["entities"][0]["name"] = "A | B <img src=x onerror=alert(1)>"
    data["entities"]["entities"][0]["roles"] = ["`code` & _more_"]
    data["quotes"]["quotes"][0]["speaker"] = "# Not a heading"
    page = html_of(to_markdown(data))
    assert "<script" not in page and "<img" not in page and "<a href" not in page
    assert (
        "<h1>*Breaking* &lt;script&gt;alert(1)&lt;/script&gt; | [link](http://x.test)</h1>" in page
    )
    assert "<td><strong>A | B &lt;img src=x onerror=alert(1)&gt;</strong></td>" in page
    assert "<td>`code` &amp; _more_</td>" in page
    rows = re.search(r"<h2>Entities</h2>\s*<table>.*?<tbody>(.*?)</tbody>", page, re.S).group(1)
    assert all(row.count("<td") == 5 for row in rows.split("</tr>") if "<td" in row)


def test_text_markdown_and_html_describe_an_unnamed_speaker() -> None:
    text = (
        "Ministry keeps vaccine plan\n\n"
        "The plan stays, officials said on Monday.\n\n"
        "“Our priority is the health of every child,” a ministry spokesman said.\n"
    )
    data = Pipeline.load("news").run(text, reference_date=date(2025, 3, 3)).to_dict()
    (quote,) = data["quotes"]["quotes"]
    assert quote["speaker"] is None and quote["description"] == "a ministry spokesman"
    assert "— a ministry spokesman (not named)" in to_text(data, width=80, color=False)
    assert "> — **a ministry spokesman (not named)**" in to_markdown(data)
    assert "— a ministry spokesman (not named)" in to_html(data)
