"""Batch throughput: `pressline batch` with 1 and N worker processes, and on Dask.

    python benchmarks/batch_speed.py [--docs 4000] [--workers N] [--repeat 2] [--no-dask]

A JSON Lines corpus of ``--docs`` copies of the example article (with their own ids and
dates) goes through the default pipeline with ``--workers 1``, ``--workers N`` (N: the
number of CPUs) and ``--executor dask`` (a local cluster of N workers, if Dask is
installed), each ``--repeat`` times, the fastest run counting (other work on the machine
only ever slows a run down). Two rates are given: over the whole run, worker start-up
included (what `pressline batch` reports), and steady, once documents flow (what a
longer corpus approaches). The target: 2 workers at least 1.7x one.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import tempfile
from pathlib import Path

from corpus import run_batch, write_corpus


def measure(
    docs: int = 4000, workers: int | None = None, dask: bool = True, repeat: int = 2
) -> list[dict]:
    """One summary per executor (``label``, ``docs_per_second``, ``words_per_second``,
    ``seconds``, ``steady_docs_per_second``, and ``speedup`` and ``steady_speedup`` over
    one worker)."""
    workers = workers or os.cpu_count() or 1
    runs: list[tuple[str, list[str]]] = [("local, 1 worker", ["--workers", "1"])]
    if workers > 1:
        runs.append((f"local, {workers} workers", ["--workers", str(workers)]))
    if dask and importlib.util.find_spec("distributed") is not None:
        runs.append(
            (f"dask, local cluster of {workers}", ["--executor", "dask", "--workers", str(workers)])
        )
    results = []
    with tempfile.TemporaryDirectory(prefix="pressline-bench-") as folder:
        corpus = Path(folder) / "corpus.jsonl"
        write_corpus(corpus, count=docs)
        for n, (label, options) in enumerate(runs):
            out = Path(folder) / f"out-{n}.jsonl"
            best = None
            for _ in range(max(1, repeat)):
                summary = run_batch([str(corpus), "-o", str(out), *options])
                out.unlink()
                if best is None or summary["docs_per_second"] > best["docs_per_second"]:
                    best = summary
            assert best is not None
            best["label"] = label
            results.append(best)
    base, steady_base = results[0]["docs_per_second"], results[0]["steady_docs_per_second"]
    for summary in results:
        summary["speedup"] = summary["docs_per_second"] / base if base else 0.0
        steady = summary["steady_docs_per_second"]
        summary["steady_speedup"] = steady / steady_base if steady and steady_base else None
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=4000)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--no-dask", action="store_true")
    args = parser.parse_args()
    for summary in measure(args.docs, args.workers, not args.no_dask, args.repeat):
        steady = summary["steady_docs_per_second"]
        print(
            f"{summary['label']:<28} {summary['documents']:>6,} docs in "
            f"{summary['seconds']:>6.1f} s  {summary['docs_per_second']:>8,.1f} docs/s  "
            f"{summary['words_per_second']:>9,} words/s  {summary['speedup']:.2f}x;  steady "
            + (f"{steady:,.1f} docs/s {summary['steady_speedup']:.2f}x" if steady else "?")
        )
    if importlib.util.find_spec("distributed") is None and not args.no_dask:
        print("dask: not installed (pip install 'pressline[dask]'), skipped")


if __name__ == "__main__":
    main()
