"""Output files: names that cannot escape DIR/, complete lines, and what --resume finds."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from pressline.errors import UsageError
from pressline.outputs import DirectoryOutput, JsonlOutput, file_stem, open_output

from .conftest import article, errors, feed, folder_reports, reports, write_jsonl

HOSTILE_IDS = [
    "../../etc/passwd",
    "/etc/passwd",
    "..",
    ".",
    "",
    "   ",
    "a/b",
    "a_b",
    "a\\b",
    "Report",
    "report",
    "REPORT",
    "CON",
    "nul.txt",
    ".hidden",
    "-rf",
    "x" * 300,
    "Ünïcödé",
    "Ünïcödé",  # the same id twice
    "tab\there\nnewline",
    "C:\\Windows\\system32",
]


@pytest.mark.parametrize("doc_id", HOSTILE_IDS)
def test_file_stems_are_plain_names(doc_id: str) -> None:
    stem = file_stem(doc_id)
    assert stem and "/" not in stem and "\\" not in stem and os.sep not in stem
    assert not stem.startswith((".", "-"))
    assert stem not in (".", "..")
    assert len(stem.encode("utf-8")) <= 120
    assert file_stem(doc_id) == stem  # the same id, the same name


def test_hostile_ids_stay_inside_the_folder(cli, tmp_path: Path) -> None:
    records = [{"id": doc_id, "text": article(n)} for n, doc_id in enumerate(HOSTILE_IDS)]
    records.append({"id": 7, "text": article(99)})  # a number is an id too
    source = write_jsonl(tmp_path / "hostile.jsonl", records)
    out = tmp_path / "deep" / "out"
    result = cli("batch", source, "-o", f"{out}/", "-c", "minimal", "--workers", "2")
    assert result.exit_code == 0, result.output

    written = sorted(p.name for p in out.iterdir())
    assert len(written) == len(records)
    assert all(name.endswith(".json") and not name.startswith(".") for name in written)
    # nothing was written anywhere else
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deep", "hostile.jsonl"]
    assert sorted(p.name for p in (tmp_path / "deep").iterdir()) == ["out"]
    # names differ even where a case-blind file system would see one
    assert len({name.casefold() for name in written}) == len(written)
    by_name = folder_reports(out)
    ids = sorted(r["document"]["id"] for r in by_name.values())
    # an empty id is no id: the record is named after its file and line
    assert ids == sorted(str(r["id"]) or f"hostile-{n}" for n, r in enumerate(records, 1))
    # the first of a clashing pair keeps the plain name, in input order
    assert by_name["Report.json"]["document"]["id"] == "Report"

    # the same inputs give the same names
    again = tmp_path / "again"
    result = cli("batch", source, "-o", f"{again}/", "-c", "minimal", "--workers", "1")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in again.iterdir()) == written


def test_a_torn_last_line_is_cut_away_on_resume(cli, tmp_path: Path) -> None:
    source = feed(tmp_path / "feed.jsonl", 12)
    whole = tmp_path / "whole.jsonl"
    assert cli("batch", source, "-o", whole, "-c", "minimal", "--workers", "1").exit_code == 0

    lines = whole.read_bytes().splitlines(keepends=True)
    torn = tmp_path / "torn.jsonl"
    torn.write_bytes(b"".join(lines[:5]) + lines[5][: len(lines[5]) // 2])
    result = cli("batch", source, "-o", torn, "-c", "minimal", "--workers", "1", "--resume")
    assert result.exit_code == 0, result.output
    assert "7 written" in result.output and "5 already done" in result.output
    assert reports(torn) == reports(whole)


def test_resume_of_a_file_that_is_not_ours_is_refused(tmp_path: Path) -> None:
    stranger = tmp_path / "out.jsonl"
    stranger.write_text('{"name": "not a report"}\n', encoding="utf-8")
    with pytest.raises(UsageError, match=r"line 1 .* is not a pressline report"):
        JsonlOutput(stranger).start(resume=True)


def test_existing_output_needs_resume(cli, tmp_path: Path) -> None:
    source = feed(tmp_path / "feed.jsonl", 2)
    for target in (tmp_path / "out.jsonl", f"{tmp_path / 'dir'}/"):
        assert cli("batch", source, "-o", target, "-c", "minimal", "--workers", "1").exit_code == 0
        result = cli("batch", source, "-o", target, "-c", "minimal", "--workers", "1")
        assert result.exit_code == 2
        assert "[PL510]" in result.output and "--resume" in result.output


def test_output_must_be_jsonl_or_a_folder(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"\.jsonl file .* or a folder"):
        open_output(tmp_path / "reports.txt")
    assert isinstance(open_output(tmp_path / "r.jsonl"), JsonlOutput)
    assert isinstance(open_output(f"{tmp_path / 'new'}/"), DirectoryOutput)
    assert isinstance(open_output(tmp_path), DirectoryOutput)  # an existing folder


def test_folder_resume_ignores_strangers_and_leftovers(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "notes.json").write_text('{"mine": true}', encoding="utf-8")
    (folder / ".a.json.x1y2.tmp").write_text("half a rep", encoding="utf-8")
    output = DirectoryOutput(folder)
    assert output.start(resume=False) == set()  # no reports there, so no --resume needed
    assert not (folder / ".a.json.x1y2.tmp").exists()
    assert output.name_for("notes", "src") != "notes.json"  # never overwrites a file


def test_lines_never_hold_a_raw_line_break(cli, tmp_path: Path) -> None:
    text = "Title\n\nA line\u2028separator, a paragraph\u2029separator and a next\x85line.\n"
    source = write_jsonl(tmp_path / "feed.jsonl", [{"id": "breaks", "text": text}])
    out = tmp_path / "out.jsonl"
    assert cli("batch", source, "-o", out, "-c", "minimal", "--workers", "1").exit_code == 0
    raw = out.read_text(encoding="utf-8")
    assert len(raw.splitlines()) == 1  # str.splitlines() breaks at all three
    assert json.loads(raw)["document"]["text"] == text
    assert errors(tmp_path / "out.errors.jsonl") == []
