"""Words per second of the timeline builder alone, on one core.

    python benchmarks/timeline_speed.py [--words 1000000] [--date 2022-11-10] [FILE ...]

Tags the given texts (the example article by default; a ``.jsonl`` file is read as
records with a ``text`` field) over and over until about ``--words`` words have been
processed, with the sentence spans computed once beforehand, so only the timeline's own
work is timed: the trigger pass, the anchored grammar, normalization and events. Prints
the throughput of finding expressions, of the whole step, and the expressions per
thousand words. Run it on an otherwise idle machine; numbers vary by CPU.
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import date
from pathlib import Path

from pressline.document import Document
from pressline.plugins.sectioner import Sectioner
from pressline.plugins.timeline import TimelineBuilder
from pressline.plugins.timeline.grammar import compiled

ROOT = Path(__file__).resolve().parents[1]


def read_texts(paths: list[Path]) -> list[str]:
    texts: list[str] = []
    for path in paths:
        if path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    texts.append(json.loads(line)["text"])
        else:
            texts.append(path.read_text(encoding="utf-8"))
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "files", nargs="*", type=Path, default=[ROOT / "examples" / "tehran-moscow.txt"]
    )
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--date", type=date.fromisoformat, default=date(2022, 11, 10))
    args = parser.parse_args()

    texts = read_texts(args.files)
    words_per_round = sum(len(t.split()) for t in texts)
    rounds = max(1, args.words // max(1, words_per_round))
    words = rounds * words_per_round

    # documents with their sentences, made once: the sectioner is not what is measured
    docs = []
    for text in texts:
        doc = Document(text, reference_date=args.date)
        Sectioner().process(doc)
        docs.append(doc)
    builder = TimelineBuilder()
    builder.setup()
    grammar = compiled()

    started = time.perf_counter()
    found = 0
    for _ in range(rounds):
        for text in texts:
            found += len(grammar.find(text))
    find_seconds = time.perf_counter() - started

    started = time.perf_counter()
    for _ in range(rounds):
        for doc in docs:
            builder.process(doc)
    step_seconds = time.perf_counter() - started

    print(f"{len(texts)} text(s), {words:,} words ({rounds} rounds), reference date {args.date}")
    print(f"  find expressions  {words / find_seconds:>12,.0f} words/s   {find_seconds:.2f} s")
    print(f"  whole step        {words / step_seconds:>12,.0f} words/s   {step_seconds:.2f} s")
    print(f"  expressions       {1000 * found / words:>12.1f} per 1,000 words")


if __name__ == "__main__":
    main()
