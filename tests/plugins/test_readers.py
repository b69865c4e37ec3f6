"""The built-in readers: plain text, front matter, JSON and JSON Lines (HTML: test_readers_html)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from pressline import Pipeline
from pressline.errors import InputError, UsageError
from pressline.plugins.readers import input_format, iter_documents


def report_of(cli, *args) -> dict:
    result = cli("run", *args, "-f", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


ARTICLE = "Headline Of The Story\n\nThe first paragraph says what happened on Wednesday.\n"


# -- plain text -------------------------------------------------------------------------------
def test_utf8_bom_and_crlf_give_the_text_as_python_reads_it(cli, tmp_path) -> None:
    path = write(tmp_path, "a.txt", "\ufeffCafé Owners Protest\r\n\r\nThey met.\r\n".encode())
    report = report_of(cli, path)
    assert report["document"]["text"] == "Café Owners Protest\n\nThey met.\n"
    assert report["warnings"] == []


@pytest.mark.parametrize(
    ("text", "encoding", "label"),
    [
        ("Café society\n\nThe café’s “naïve” owner paid £100 — or €120.\n", "cp1252", "1252"),
        ("Президент Ирана встретился с Патрушевым в Тегеране в среду.\n", "cp1251", "1251"),
        ("Президент Ирана встретился с Патрушевым в Тегеране в среду.\n", "koi8_r", "KOI8-R"),
        ("東京で会議が開かれました。大統領は話しました。\n", "shift_jis", "CP932"),
    ],
)
def test_legacy_encodings_are_detected_with_a_warning(cli, tmp_path, text, encoding, label):
    path = write(tmp_path, "legacy.txt", text.encode(encoding))
    report = report_of(cli, path)
    assert report["document"]["text"] == text
    (warning,) = report["warnings"]
    assert "is not valid UTF-8" in warning and label in warning


def test_undetectable_and_binary_inputs_are_refused(cli, tmp_path) -> None:
    garbage = write(tmp_path, "garbage.txt", b"caf\x81 \x8d\x90 \x9d" + b"\x01\x02" * 10)
    result = cli("run", garbage)
    assert result.exit_code == 2
    assert "[PL504]" in result.stderr and "not valid UTF-8" in result.stderr
    binary = write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = cli("run", binary)
    assert result.exit_code == 2 and "[PL503]" in result.stderr


def test_format_is_chosen_by_flag_extension_and_content() -> None:
    assert input_format("a.HTML", b"") == "html"
    assert input_format("a.md", b"") == "markdown"
    assert input_format("a.jsonl", b"") == "jsonl"
    assert input_format("a.json", b"") == "json"
    assert input_format("a.txt", b"<!DOCTYPE html><html>") == "text"  # the name decides
    assert input_format("-", b"\n  <!doctype HTML>\n<html>") == "html"
    assert input_format("-", b"Just text") == "text"
    assert input_format("page.txt", b"", "HTML") == "html"
    with pytest.raises(UsageError, match=r"Unknown input format 'docx'.*html, json"):
        input_format("a.docx", b"", "docx")


def test_unknown_input_format_is_a_usage_error(cli, example_path) -> None:
    result = cli("run", example_path, "--input-format", "pdf")
    assert result.exit_code == 2
    assert "[PL506]" in result.stderr and "Input formats:" in result.stderr


# -- front matter -----------------------------------------------------------------------------
FRONT = """---
title: Tehran, Moscow Determined to Upgrade Strategic Ties
date: 2022-11-10
url: https://example.org/news/tehran-moscow
id: tm-2022-11-10
source: Example Times
tags: [iran, russia]
---
Tehran, Moscow Determined to Upgrade Strategic Ties

President Ebrahim Raisi met Nikolai Patrushev in Tehran on Wednesday.
"""


@pytest.mark.parametrize("name", ["article.md", "article.txt"])
def test_front_matter_gives_id_date_and_meta_and_the_text_is_the_body(cli, tmp_path, name):
    path = write(tmp_path, name, FRONT)
    report = report_of(cli, path)
    document = report["document"]
    body = FRONT.split("---\n", 2)[2]
    assert document["text"] == body
    assert document["id"] == "tm-2022-11-10"
    assert document["reference_date"] == "2022-11-10"
    assert document["reference_date_from"] == "front matter"
    assert report["sectioner"]["title"] == "Tehran, Moscow Determined to Upgrade Strategic Ties"
    for section in report["sectioner"]["sections"]:  # offsets are into the body
        assert document["text"][section["start"] : section["end"]].startswith("President")
    doc = Pipeline.load("news").read(path)
    assert doc.meta["url"] == "https://example.org/news/tehran-moscow"
    assert doc.meta["source"] == "Example Times"
    assert doc.meta["fields"] == {"tags": ["iran", "russia"]}


def test_date_flag_beats_front_matter(cli, tmp_path) -> None:
    path = write(tmp_path, "a.md", FRONT)
    report = report_of(cli, path, "--date", "2022-11-11")
    assert report["document"]["reference_date"] == "2022-11-11"
    assert report["document"]["reference_date_from"] == "argument"


def test_front_matter_beats_the_config_default(tmp_path) -> None:
    config = write(tmp_path, "dated.yaml", "version: 1\nname: dated\nextends: news\n"
                   "reference_date: 2000-01-01\nsteps: []\n")  # fmt: skip
    pipeline = Pipeline.load(config)
    report = pipeline.run_document(pipeline.read(write(tmp_path, "a.md", FRONT))).to_dict()
    assert report["document"]["reference_date_from"] == "front matter"
    plain = pipeline.run_document(pipeline.read(write(tmp_path, "b.txt", ARTICLE))).to_dict()
    assert plain["document"]["reference_date"] == "2000-01-01"
    assert plain["document"]["reference_date_from"] == "config"


def test_a_rule_at_the_top_of_plain_text_is_not_front_matter(cli, tmp_path) -> None:
    text = "---\nNote: this is a reprint.\n---\n" + ARTICLE
    report = report_of(cli, write(tmp_path, "rule.txt", text))
    assert report["document"]["text"] == text
    assert report["document"]["reference_date"] is None


def test_markdown_without_front_matter_is_read_whole(cli, tmp_path) -> None:
    report = report_of(cli, write(tmp_path, "plain.md", ARTICLE))
    assert report["document"]["text"] == ARTICLE
    assert report["document"]["id"] == "plain"


def test_invalid_front_matter_in_markdown_is_an_input_error(cli, tmp_path) -> None:
    path = write(tmp_path, "bad.md", "---\ntitle: [unclosed\ndate: 2022-11-10\n---\nBody.\n")
    result = cli("run", path)
    assert result.exit_code == 2
    assert "[PL508]" in result.stderr
    assert "front matter of" in result.stderr and "not valid YAML (line 3)" in result.stderr


def test_a_front_matter_date_that_is_no_date_is_a_warning(cli, tmp_path) -> None:
    path = write(tmp_path, "a.md", "---\ntitle: X\ndate: last Tuesday\n---\n" + ARTICLE)
    report = report_of(cli, path)
    assert report["document"]["reference_date"] is None
    assert any("'last Tuesday'" in w and "not a date" in w for w in report["warnings"])


def test_front_matter_on_standard_input_with_input_format(cli) -> None:
    result = cli("run", "-", "--input-format", "markdown", "-f", "json", input=FRONT.encode())
    report = json.loads(result.stdout)
    assert report["document"]["id"] == "tm-2022-11-10"
    assert report["document"]["source"] == "-"


# -- JSON and JSON Lines ----------------------------------------------------------------------
RECORD = {
    "id": "wire-7",
    "text": "Budget Passes\r\n\r\nThe council voted on Thursday.\r\n",
    "date": "2023-03-03",
    "title": "Budget Passes",
    "desk": "local",
}


def test_a_json_record_is_a_document(cli, tmp_path) -> None:
    path = write(tmp_path, "record.json", json.dumps(RECORD))
    report = report_of(cli, path)
    assert report["document"]["id"] == "wire-7"
    assert report["document"]["text"] == "Budget Passes\n\nThe council voted on Thursday.\n"
    assert report["document"]["reference_date"] == "2023-03-03"
    assert report["document"]["reference_date_from"] == "json record"
    assert report["document"]["source"] == str(path)
    doc = Pipeline.load("news").read(path)
    assert doc.meta["title"] == "Budget Passes" and doc.meta["fields"] == {"desk": "local"}


def test_a_jsonl_input_with_one_record_is_a_document(cli, tmp_path) -> None:
    path = write(tmp_path, "one.jsonl", "\n" + json.dumps(RECORD) + "\n\n")
    report = report_of(cli, path, "--date", "2023-03-04")
    assert report["document"]["id"] == "wire-7"
    assert report["document"]["reference_date_from"] == "argument"
    assert report["sectioner"]["title"] == "Budget Passes"


def test_a_jsonl_input_with_several_records_points_to_batch(cli, tmp_path) -> None:
    lines = [json.dumps({**RECORD, "id": f"r{n}"}) for n in range(3)]
    path = write(tmp_path, "many.jsonl", "\n".join(lines) + "\n")
    result = cli("run", path)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "holds 3 records" in result.stderr and "pressline batch" in result.stderr
    docs = list(iter_documents(str(path), path.read_bytes(), lines=True))
    assert [d.id for d in docs] == ["r0", "r1", "r2"]
    assert all(d.reference_date == date(2023, 3, 3) for d in docs)


def test_records_without_ids_are_numbered_when_there_are_several(tmp_path) -> None:
    data = json.dumps([{"text": "One."}, {"text": "Two."}]).encode()
    docs = list(iter_documents("batch.json", data, lines=False))
    assert [d.id for d in docs] == ["batch-1", "batch-2"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.jsonl", '{"id": 1, "text": "ok"}\n{"id": 2, "text": }\n', "not valid JSON (line 2"),
        ("notext.json", '{"id": "x", "body": "..."}', 'has no "text" string'),
        ("list.jsonl", '["text"]\n', "is a JSON list, not an object"),
        ("empty.jsonl", "\n\n", "holds no records"),
    ],
)
def test_malformed_records_are_input_errors(cli, tmp_path, name, content, message) -> None:
    result = cli("run", write(tmp_path, name, content))
    assert result.exit_code == 2
    assert "[PL508]" in result.stderr and message in result.stderr


def test_reader_errors_are_pressline_errors(tmp_path) -> None:
    path = write(tmp_path, "notext.json", "{}")
    with pytest.raises(InputError) as info:
        Pipeline.load("minimal").read(path)
    assert info.value.exit_code == 2


# -- a plugin's reader wins -------------------------------------------------------------------
CSV_READER = """
import csv, io
from pressline import Document, hookimpl

@hookimpl
def read_document(path, data, options):
    if not path.endswith(".csv"):
        return None
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    return Document(rows[0]["text"], id=rows[0]["id"], source_name=path)
"""


def test_a_plugin_can_add_an_input_format(cli, tmp_path) -> None:
    write(tmp_path, "csv_reader.py", CSV_READER)
    config = write(
        tmp_path, "csv.yaml", "version: 1\nname: csv\nextends: news\nplugins: [./csv_reader.py]\n"
    )
    path = write(tmp_path, "rows.csv", 'id,text\nrow-1,"Headline\n\nBody text."\n')
    report = report_of(cli, path, "-c", config)
    assert report["document"]["id"] == "row-1"
    assert report["document"]["text"] == "Headline\n\nBody text."
    # the built-in readers still read everything else
    assert report_of(cli, write(tmp_path, "a.md", FRONT), "-c", config)["document"]["id"] == (
        "tm-2022-11-10"
    )
