"""Words per second of a pipeline on one core, per step and in total.

    python benchmarks/speed.py [--config news] [--words 1000000] [FILE ...]

Runs the pipeline over the given articles (the example article by default), repeated
until about ``--words`` words have been processed, and prints the throughput of each step
and of the whole job. The whole job is what ``pressline run ARTICLE -f json --layers
sentences,paragraphs`` does once the article is read: the run, the report and its JSON
text (the ``report + JSON`` row is that last part alone). Run it on an otherwise idle
machine; numbers vary by CPU.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

from pressline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
#: the layers ``pressline run -f json --layers sentences,paragraphs`` adds to a report
LAYERS = ["sentences", "paragraphs"]


def measure(
    texts: list[str], config: str = "news", words: int = 1_000_000
) -> tuple[int, float, dict[str, float]]:
    """Run ``texts`` through the pipeline until about ``words`` words are done.

    Returns the words processed, the total seconds (runs, reports and their JSON) and the
    seconds of each step, with the reports' under ``"report + JSON"``.
    """
    words_per_round = sum(len(t.split()) for t in texts)
    pipeline = Pipeline.load(config)
    pipeline.run(texts[0]).to_json(LAYERS)  # setup and warm-up
    per_step: dict[str, float] = defaultdict(float)
    reporting = 0.0
    done = 0
    started = time.perf_counter()
    while done < words:
        for n, text in enumerate(texts):
            report = pipeline.run(text, id=f"doc-{n}")
            before = time.perf_counter()
            report.to_json(LAYERS)
            reporting += time.perf_counter() - before
            for step in report.steps:
                per_step[step["id"]] += step["seconds"]
        done += words_per_round
    per_step["report + JSON"] = reporting
    return done, time.perf_counter() - started, dict(per_step)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "files", nargs="*", type=Path, default=[ROOT / "examples" / "tehran-moscow.txt"]
    )
    parser.add_argument("--config", default="news")
    parser.add_argument("--words", type=int, default=1_000_000)
    args = parser.parse_args()

    texts = [p.read_text(encoding="utf-8") for p in args.files]
    words, total, per_step = measure(texts, args.config, args.words)
    print(
        f"pipeline {args.config!r}: {words:,} words in {total:.2f} s "
        f"= {words / total:,.0f} words/s "
        "(one core; run, report and JSON)"
    )
    for step_id, seconds in per_step.items():
        print(f"  {step_id:<16} {words / seconds:>14,.0f} words/s   {seconds:.2f} s")


if __name__ == "__main__":
    main()
