"""Finding a batch's documents: folders, globs, files, JSON Lines and JSON lists."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pressline.errors import InputError
from pressline.inputs import discover, iter_tasks

from .conftest import write_jsonl


def keys(inputs: list[str], **kw) -> list[str]:
    return [task.key for task in iter_tasks(discover(inputs), **kw)]


def test_a_folder_is_walked_in_order_by_extension(corpus: Path) -> None:
    found = keys([str(corpus)])
    rel = [k.replace(str(corpus) + "/", "") for k in found]
    assert rel == [
        "a-plain.txt",
        "b-front.md",
        "c-one.json",
        "d-list.json#1",
        "d-list.json#2",
        "nested/e-feed.jsonl:1",
        "nested/e-feed.jsonl:3",  # the blank line 2 is no record
        "nested/deeper/f-page.html",
    ]


def test_globs_files_and_duplicates(corpus: Path) -> None:
    plain = str(corpus / "a-plain.txt")
    found = keys([str(corpus / "**" / "*.jsonl"), plain, str(corpus / "*.txt")])
    assert found == [
        f"{corpus}/nested/e-feed.jsonl:1",
        f"{corpus}/nested/e-feed.jsonl:3",
        plain,  # named twice, read once
    ]


def test_a_file_named_on_the_command_line_is_read_whatever_its_extension(
    corpus: Path,
) -> None:
    notes = corpus / "nested" / "notes.csv"
    assert keys([str(notes)]) == [str(notes)]


def test_excluded_paths_are_not_read(corpus: Path) -> None:
    found = keys([str(corpus)], exclude=[str(corpus / "nested")])
    assert not any("nested" in k for k in found)


@pytest.mark.parametrize(
    ("arg", "message"),
    [
        ("missing.txt", "does not exist"),
        ("nothing/*.jsonl", "matches no file"),
        ("-", "cannot read standard input"),
    ],
)
def test_an_input_that_names_nothing_is_an_error(tmp_path: Path, arg: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        discover([str(tmp_path / arg) if arg != "-" else arg])
    assert caught.value.code == "PL501"
    assert message in str(caught.value)


def test_json_lines_are_read_lazily(tmp_path: Path) -> None:
    feed = write_jsonl(tmp_path / "feed.jsonl", [{"id": "a", "text": "x"}] * 3)
    tasks = iter_tasks(discover([str(feed)]))
    first = next(tasks)
    # lines written after the first was taken are still found: nothing was read ahead
    # beyond what the file buffer holds, and nothing was parsed
    with feed.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "late", "text": "y"}) + "\n")
    rest = list(tasks)
    assert first.line == 1 and first.data == b'{"id": "a", "text": "x"}\n'
    assert [t.line for t in rest] == [2, 3, 4]
    assert first.kind == "record" and first.input_format == "jsonl"


def test_a_bom_and_crlf_lines(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(b'\xef\xbb\xbf{"id": "a", "text": "x"}\r\n\r\n{"id": "b", "text": "y"}')
    tasks = list(iter_tasks(discover([str(feed)])))
    assert [json.loads(t.data)["id"] for t in tasks] == ["a", "b"]
    assert [t.key for t in tasks] == [f"{feed}:1", f"{feed}:3"]
