"""Peak memory of `pressline batch` streaming a large JSON Lines corpus.

    python benchmarks/memory.py [--size 1000000000] [--workers N] [--keep DIR]

Writes a corpus of about ``--size`` bytes (copies of the example article with their own
ids and dates) to a temporary folder, runs `pressline batch` over it into a JSON Lines
file there, and samples the resident memory of the batch process and its workers every
0.1 s (finding the workers once a second). It prints the peak of the whole process tree
and of the main process, then deletes the folder (the corpus, the reports). Linux only
(it reads /proc).
The target: a 1 GB corpus in under 500 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from corpus import pressline_command, write_corpus


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _tree(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, parent in parents.items() if parent in frontier]
        found += frontier
    return found


def measure(size: int = 1_000_000_000, workers: int | None = None) -> dict:
    """Peak memory (bytes) of the tree and of the main process, and the run's summary."""
    folder = Path(tempfile.mkdtemp(prefix="pressline-memory-"))
    try:
        corpus = folder / "corpus.jsonl"
        records = write_corpus(corpus, size=size)
        command = pressline_command(
            "batch", str(corpus), "-o", str(folder / "reports.jsonl"), "--progress", "json"
        )
        if workers:
            command += ["--workers", str(workers)]
        process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
        peak = {"tree": 0, "main": 0}

        def sample() -> None:
            pids: list[int] = []
            looked = 0.0
            while process.poll() is None:
                if time.monotonic() - looked > 1.0:  # workers change seldom; /proc is slow
                    pids, looked = _tree(process.pid), time.monotonic()
                peak["tree"] = max(peak["tree"], sum(_rss(pid) for pid in pids))
                peak["main"] = max(peak["main"], _rss(process.pid))
                time.sleep(0.1)

        watcher = threading.Thread(target=sample, daemon=True)
        watcher.start()
        _, stderr = process.communicate()
        watcher.join()
        summary = json.loads(stderr.strip().splitlines()[-1])
        return {
            "corpus_bytes": corpus.stat().st_size,
            "records": records,
            "peak_tree": peak["tree"],
            "peak_main": peak["main"],
            "summary": summary,
        }
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1_000_000_000, help="corpus bytes")
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()
    if not os.path.exists("/proc/self/status"):
        raise SystemExit("memory.py reads /proc: run it on Linux")
    result = measure(args.size, args.workers)
    summary = result["summary"]
    print(
        f"{result['corpus_bytes'] / 1e6:,.0f} MB corpus ({result['records']:,} records) in "
        f"{summary['seconds']:,.0f} s: peak memory {result['peak_tree'] / 1e6:,.0f} MB "
        f"(main process {result['peak_main'] / 1e6:,.0f} MB, the rest its workers)"
    )


if __name__ == "__main__":
    main()
