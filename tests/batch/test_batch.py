"""`pressline batch` and `Pipeline.run_many`: inputs, outputs, failures and progress."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest
from pressline import Pipeline, ProcessingError
from pressline.progress import Progress, Summary

from .conftest import FAULTY, article, errors, feed, reports, without_timings

HTML = importlib.util.find_spec("trafilatura") is not None


def test_every_input_kind_to_jsonl(cli, corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = cli("batch", corpus, "-o", out, "--workers", "2", "-c", "minimal")
    # without the html extra, the page is a failed document that names the extra
    assert result.exit_code == (0 if HTML else 1), result.output
    found = {r["document"]["source"].replace(f"{corpus}/", ""): r for r in reports(out)}
    expected = [
        "a-plain.txt",
        "b-front.md",
        "c-one.json",
        "d-list.json#1",
        "d-list.json#2",
        "nested/e-feed.jsonl:1",
        "nested/e-feed.jsonl:3",
    ] + (["nested/deeper/f-page.html"] if HTML else [])
    assert list(found) == expected  # input order, whatever the workers did
    doc = {key: report["document"] for key, report in found.items()}
    assert doc["a-plain.txt"]["id"] == "a-plain"
    # files go through the reader plugins: front matter gives the id and the date
    assert doc["b-front.md"]["id"] == "front-matter-id"
    assert doc["b-front.md"]["reference_date"] == "2022-11-09"
    assert doc["c-one.json"]["id"] == "json-one"
    assert doc["c-one.json"]["reference_date"] == "2021-05-04"
    assert [doc["d-list.json#1"]["id"], doc["d-list.json#2"]["id"]] == ["list-a", "d-list-2"]
    # a record's own date is its reference date; a record without an id gets file-line
    assert doc["nested/e-feed.jsonl:1"]["id"] == "rec-1"
    assert doc["nested/e-feed.jsonl:1"]["reference_date"] == "2020-01-02"
    assert doc["nested/e-feed.jsonl:3"]["id"] == "e-feed-3"
    assert doc["nested/e-feed.jsonl:3"]["reference_date"] is None
    assert doc["nested/e-feed.jsonl:1"]["text"] == article(6)
    for report in found.values():
        assert report["sectioner"]["paragraphs"] >= 1
    failed = errors(tmp_path / "out.errors.jsonl")
    assert [e["code"] for e in failed] == ([] if HTML else ["PL509"])


def test_folder_output_matches_pressline_run(cli, corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "reports"
    result = cli("batch", corpus / "a-plain.txt", corpus / "b-front.md", "-o", f"{out}/")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["a-plain.json", "front-matter-id.json"]
    for name, source in (("a-plain.json", "a-plain.txt"), ("front-matter-id.json", "b-front.md")):
        single = cli("run", corpus / source, "-f", "json")
        assert single.exit_code == 0, single.output
        batch_report = (out / name).read_text(encoding="utf-8")
        assert without_timings(json.loads(batch_report)) == without_timings(
            json.loads(single.stdout)
        )
        assert batch_report.endswith("}\n")  # the text `run -f json -o` writes


def test_failures_are_recorded_and_the_rest_carry_on(cli, tmp_path: Path) -> None:
    marks = {3: "EXPLODE", 7: "CRASHNOW", 11: "HANGNOW", 15: "EXPLODE"}
    source = feed(tmp_path / "feed.jsonl", 20, marks=marks)
    with source.open("a", encoding="utf-8") as handle:
        handle.write('{"id": "broken", "text": \n')  # line 21
        handle.write('{"id": "textless"}\n')  # line 22
    out = tmp_path / "out.jsonl"
    result = cli(
        "batch", source, "-o", out, "-c", FAULTY, "--workers", "2", "--timeout-per-doc", "1"
    )
    assert result.exit_code == 1, result.output
    assert "16 written" in result.output and "6 failed" in result.output
    written = [r["document"]["id"] for r in reports(out)]
    assert written == [f"art-{n:03d}" for n in range(20) if n not in marks]
    failed = errors(tmp_path / "out.errors.jsonl")
    summary = [(e["id"], e["step"], e["error"], e["code"]) for e in failed]
    assert summary == [
        ("art-003", "exploder", "RuntimeError", "PL402"),
        ("art-007", "crasher", "WorkerCrashed", "PL406"),
        ("art-011", "hanger", "Timeout", "PL407"),
        ("art-015", "exploder", "RuntimeError", "PL402"),
        ("feed-21", "read", "InputError", "PL508"),
        ("textless", "read", "InputError", "PL508"),
    ]
    assert failed[0]["source"] == f"{source}:4"
    assert "marker word" in failed[0]["message"]
    assert "exit code 3" in failed[1]["message"]
    assert "line 21" in failed[4]["message"]


def test_fail_fast_stops_at_the_first_failure(cli, tmp_path: Path) -> None:
    source = feed(tmp_path / "feed.jsonl", 60, marks={5: "EXPLODE", 30: "EXPLODE"})
    out = tmp_path / "out.jsonl"
    result = cli("batch", source, "-o", out, "-c", FAULTY, "--workers", "2", "--fail-fast")
    assert result.exit_code == 1
    assert "stopped early (--fail-fast)" in result.output
    assert [r["document"]["id"] for r in reports(out)] == [f"art-{n:03d}" for n in range(5)]
    assert [e["id"] for e in errors(tmp_path / "out.errors.jsonl")] == ["art-005"]


def test_the_same_output_whatever_the_worker_count(cli, tmp_path: Path) -> None:
    source = feed(tmp_path / "feed.jsonl", 80, marks={10: "EXPLODE"})
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"out-{workers}.jsonl"
        result = cli("batch", source, "-o", out, "-c", FAULTY, "--workers", workers)
        assert result.exit_code == 1
        outputs.append((reports(out), errors(tmp_path / f"out-{workers}.errors.jsonl")))
    assert outputs[0] == outputs[1]
    assert len(outputs[0][0]) == 79


def test_progress_as_json_lines(tmp_path: Path, run_pressline) -> None:
    source = feed(tmp_path / "feed.jsonl", 30, marks={2: "EXPLODE"})
    result = run_pressline(
        "batch", source, "-o", tmp_path / "o.jsonl", "-c", FAULTY, "--progress", "json"
    )
    assert result.returncode == 1
    lines = [json.loads(line) for line in result.stderr.decode().splitlines()]
    assert all(line["event"] in ("progress", "summary") for line in lines)
    final = lines[-1]
    assert final["event"] == "summary"
    assert (final["documents"], final["written"], final["failed"]) == (30, 29, 1)
    assert final["words"] > 0 and final["errors"].endswith("o.errors.jsonl")
    assert result.stdout == b""


def test_quiet_without_a_terminal_but_for_the_summary(tmp_path: Path, run_pressline) -> None:
    source = feed(tmp_path / "feed.jsonl", 3)
    result = run_pressline("batch", source, "-o", tmp_path / "o.jsonl", "--workers", "1")
    assert result.returncode == 0, result.stderr
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("3 documents in ") and "words/s" in lines[0]


class _Terminal:
    def __init__(self) -> None:
        self.text = ""

    def isatty(self) -> bool:
        return True

    def write(self, text: str) -> None:
        self.text += text

    def flush(self) -> None:
        pass


def test_the_progress_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    terminal = _Terminal()
    meter = Progress("bar", terminal, total_bytes=lambda: 1000, interval=0)
    meter.total_bytes = 1000
    for _ in range(4):
        meter.update(True, 100, 600, 100)
    meter.update(False, 0, 0, 100)
    drawn = terminal.text.split("\r")[-1]
    assert drawn.startswith(" 50%") and "█" in drawn
    for fact in ("5 docs", "docs/s", "words/s", "1 errors", "ETA "):
        assert fact in drawn
    meter.finish(Summary(documents=5, written=4, failed=1, output="o.jsonl", errors="e.jsonl"))
    assert terminal.text.endswith("4 written to o.jsonl, 1 failed (see e.jsonl).\n")


def test_usage_errors_exit_2(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = feed(tmp_path / "feed.jsonl", 1)
    out = tmp_path / "o.jsonl"
    cases = [
        (["batch", tmp_path / "missing.txt", "-o", out], "PL501"),
        (["batch", source, "-o", tmp_path / "o.txt"], "PL510"),
        (["batch", source, "-o", out, "-c", "no-such-config"], "PL101"),
        (["batch", source, "-o", out, "--scheduler", "x", "--executor", "local"], "PL510"),
    ]
    # without Dask, the dask executor says how to install it
    monkeypatch.setitem(sys.modules, "distributed", None)
    dask = ["batch", source, "-o", out, "--executor", "dask"]
    cases.append((dask, "pip install 'pressline[dask]'"))
    for args, expected in cases:
        result = cli(*args)
        assert result.exit_code == 2, (args, result.output)
        assert expected in result.output
        assert len(result.output.strip().splitlines()) == 1, result.output
    assert not out.exists()


def test_run_many_on_workers_gives_the_same_reports(example_text: str) -> None:
    pipeline = Pipeline.load("news")
    texts = [example_text, article(1), article(2), "", example_text[:900]]

    def dicts(reports_) -> list[dict]:
        return [without_timings(r.to_dict(layers="all")) for r in reports_]

    here = dicts(pipeline.run_many(texts))
    there = dicts(pipeline.run_many(iter(texts), workers=2))
    assert there == here
    assert [r["document"]["id"] for r in there] == [f"document-{n}" for n in range(1, 6)]


def test_run_many_failures(tmp_path: Path) -> None:
    pipeline = Pipeline.load(FAULTY)
    texts = ["A\n\nfine.", "B\n\nEXPLODE", "C\n\nCRASHNOW", "D\n\nfine."]
    failures: list = []
    ids = [r.document.id for r in pipeline.run_many(texts, workers=2, on_error=failures.append)]
    assert ids == ["document-1", "document-4"]
    assert [(f.id, f.step, f.error) for f in failures] == [
        ("document-2", "exploder", "RuntimeError"),
        ("document-3", "crasher", "WorkerCrashed"),
    ]
    # without on_error, the failure is raised in its turn, after the reports before it
    seen = []
    with pytest.raises(ProcessingError, match="marker word") as caught:
        for report in pipeline.run_many(texts, workers=1):
            seen.append(report.document.id)
    assert seen == ["document-1"] and caught.value.step == "exploder"
    # in this process, on_error works the same way (a crash would end this process)
    failures.clear()
    here = pipeline.run_many(texts[:2] + texts[3:], on_error=failures.append)
    ids = [r.document.id for r in here]
    assert ids == ["document-1", "document-3"] and failures[0].step == "exploder"
