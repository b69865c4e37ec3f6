"""Text for the benchmarks, made from the example article, and facts about the machine.

The example article (``examples/tehran-moscow.txt``) is real news text. Longer documents
and larger corpora are built from it with every paragraph made unique (a counter in each
copy), so that the cleaner's removal of repeated paragraphs does not make a long document
artificially cheap.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "tehran-moscow.txt"


def example() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


def long_document(chars: int) -> str:
    """A document of about ``chars`` characters: the article's title, then its body
    paragraphs over and over, each copy numbered."""
    title, _, body = example().partition("\n\n")
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    parts = [title]
    size = len(title)
    copy = 0
    while size < chars:
        copy += 1
        for paragraph in paragraphs:
            text = f"{paragraph.rstrip()} (Update {copy}.)"
            parts.append(text)
            size += len(text) + 2
            if size >= chars:
                break
    return "\n\n".join(parts)[:chars]


def records(count: int | None = None) -> Iterator[dict[str, str]]:
    """JSON Lines records of the article with varied ids and dates (endless without
    ``count``)."""
    text = example()
    n = 0
    while count is None or n < count:
        yield {"id": f"article-{n:07d}", "text": text, "date": f"2022-11-{n % 28 + 1:02d}"}
        n += 1


def write_corpus(path: Path, *, size: int | None = None, count: int | None = None) -> int:
    """Write records to ``path`` until it holds ``size`` bytes or ``count`` records;
    returns the number of records."""
    written = bytes_out = 0
    with path.open("w", encoding="utf-8") as handle:
        for record in records(count):
            line = json.dumps(record, ensure_ascii=False) + "\n"
            handle.write(line)
            written += 1
            bytes_out += len(line.encode("utf-8"))
            if size is not None and bytes_out >= size:
                break
    return written


def machine() -> str:
    """One line: CPUs, CPU model, Python, pressline and its default pipeline."""
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    from pressline import Pipeline, __version__

    steps = ", ".join(s.id for s in Pipeline.load("news").enabled_steps)
    return (
        f"{os.cpu_count()} CPUs ({model}), Python {platform.python_version()}, "
        f"pressline {__version__}, default pipeline `news`: {steps}"
    )


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def pressline_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "pressline", *args]


def run_batch(args: list[str]) -> dict:
    """Run ``pressline batch ARGS --progress json`` and return its summary.

    ``steady_docs_per_second`` is the rate between the first and the last progress
    report, once documents flow: the throughput without the workers' start-up, which
    a longer corpus approaches.
    """
    done = subprocess.run(
        pressline_command("batch", *args, "--progress", "json"),
        capture_output=True,
        text=True,
        check=False,
    )
    events = [json.loads(line) for line in done.stderr.splitlines() if line.startswith("{")]
    if not events or events[-1].get("event") != "summary":
        raise RuntimeError(f"pressline batch did not finish: {done.stderr}")
    summary = events[-1]
    flowing = [e for e in events[:-1] if e["event"] == "progress" and e["documents"]]
    steady = None
    if len(flowing) >= 2 and flowing[-1]["seconds"] > flowing[0]["seconds"]:
        first, last = flowing[0], flowing[-1]
        steady = (last["documents"] - first["documents"]) / (last["seconds"] - first["seconds"])
    summary["steady_docs_per_second"] = steady
    return summary
