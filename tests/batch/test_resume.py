"""No data loss: a run killed with SIGKILL at any moment, then resumed, gives exactly the
output of a run that was never interrupted (no duplicates, no gaps, no torn lines)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import SLOW, errors, feed, folder_reports, reports

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

COUNT = 90
MARKS = {17: "EXPLODE", 63: "EXPLODE"}  # failures must be retried and recorded once


def start(source: Path, out: str, *extra: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "pressline", "batch", str(source), "-o", out]
    return subprocess.Popen(
        [*command, "-c", str(SLOW), "--workers", "2", *extra],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # so that cleanup can end anything left over
    )


def finish(process: subprocess.Popen[bytes]) -> None:
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 1, stderr.decode()  # the two marked documents failed


def written(out: str) -> int:
    """How many reports are complete so far."""
    path = Path(out)
    try:
        if path.is_dir():
            return sum(1 for p in path.glob("*.json"))
        return path.read_bytes().count(b"\n")
    except OSError:
        return 0


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def kill_when(process: subprocess.Popen[bytes], out: str, reports_written: int) -> int:
    """SIGKILL the run (its main process only, as `kill -9` would) once ``reports_written``
    reports are out; 0 kills it while it is still starting."""
    deadline = time.monotonic() + 60
    if reports_written == 0:
        time.sleep(0.3)
    while written(out) < reports_written and process.poll() is None:
        assert time.monotonic() < deadline, "the run never got that far"
        time.sleep(0.005)
    workers = children(process.pid) if sys.platform.startswith("linux") else []
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    # the workers die with it: none is left to hold on to anything
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{pid}").exists() and _alive(pid) for pid in workers):
        assert time.monotonic() < deadline, "a worker outlived its killed parent"
        time.sleep(0.05)
    return written(out)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return feed(tmp_path_factory.mktemp("feed") / "feed.jsonl", COUNT, marks=MARKS)


@pytest.fixture(scope="module")
def uninterrupted(source: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("whole") / "out.jsonl"
    finish(start(source, str(out)))
    assert len(reports(out)) == COUNT - len(MARKS)
    return out


def test_kill_and_resume_jsonl(source: Path, uninterrupted: Path, tmp_path: Path) -> None:
    out = str(tmp_path / "out.jsonl")
    process = start(source, out)
    # while it starts, after the first report, half-way (a failure done), near the end
    for threshold in (0, 1, 40, 75):
        kill_when(process, out, threshold)
        process = start(source, out, "--resume")
    finish(process)
    assert Path(out).read_bytes().endswith(b"\n")
    assert reports(Path(out)) == reports(uninterrupted)
    assert errors(tmp_path / "out.errors.jsonl") == errors(
        uninterrupted.with_name("out.errors.jsonl")
    )


def test_kill_and_resume_folder(source: Path, uninterrupted: Path, tmp_path: Path) -> None:
    out = f"{tmp_path / 'out'}/"
    process = start(source, out)
    for threshold in (10, 60):
        kill_when(process, out, threshold)
        process = start(source, out, "--resume")
    finish(process)
    assert [p.name for p in Path(out).iterdir() if p.name.startswith(".")] == []
    # the folder holds what the uninterrupted JSON Lines run wrote, one file per id
    whole = reports(uninterrupted)
    assert folder_reports(Path(out)) == {f"{r['document']['id']}.json": r for r in whole}
    assert errors(Path(out) / "errors.jsonl") == errors(uninterrupted.with_name("out.errors.jsonl"))
