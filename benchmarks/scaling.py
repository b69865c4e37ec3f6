"""Time per character as documents grow from 1 KB to 10 MB.

    python benchmarks/scaling.py [--config news] [--max-size 10000000] [--seconds 1]

Each size runs until about ``--seconds`` have passed (at least once), and the best run
counts. A pipeline that scales linearly costs the same per character at every size; the
target is 10 MB within 1.3x of 10 KB. The steps' own times show which one does not scale.
"""

from __future__ import annotations

import argparse
import time

from corpus import long_document
from pressline import Pipeline

SIZES = (1_000, 10_000, 100_000, 1_000_000, 10_000_000)


def measure(
    config: str = "news", max_size: int = 10_000_000, seconds: float = 1.0
) -> list[tuple[int, float, dict[str, float]]]:
    """``(size, seconds per character, {step: seconds per character})`` for each size."""
    pipeline = Pipeline.load(config)
    pipeline.run(long_document(2_000))  # setup and warm-up
    rows = []
    for size in (s for s in SIZES if s <= max_size):
        text = long_document(size)
        best = float("inf")
        steps: dict[str, float] = {}
        spent = 0.0
        while spent < seconds or best == float("inf"):
            started = time.perf_counter()
            report = pipeline.run(text, id=f"size-{size}")
            took = time.perf_counter() - started
            spent += took
            if took < best:
                best = took
                steps = {s["id"]: s["seconds"] / len(text) for s in report.steps}
        rows.append((len(text), best / len(text), steps))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", default="news")
    parser.add_argument("--max-size", type=int, default=10_000_000)
    parser.add_argument("--seconds", type=float, default=1.0)
    args = parser.parse_args()
    rows = measure(args.config, args.max_size, args.seconds)
    base = next((per for size, per, _ in rows if size == 10_000), rows[0][1])
    names = list(rows[0][2])
    print(f"{'size':>12}  {'us/1000 chars':>13}  {'vs 10 KB':>8}  " + "  ".join(names))
    for size, per_char, steps in rows:
        by_step = "  ".join(f"{steps.get(n, 0) * 1e9:>{len(n)}.0f}" for n in names)
        print(f"{size:>12,}  {per_char * 1e9:>13.1f}  {per_char / base:>7.2f}x  {by_step}")
    print("(steps: nanoseconds per character)")


if __name__ == "__main__":
    main()
