"""The same corpus through spaCy, for comparison with `pressline batch`.

    python benchmarks/spacy_compare.py [--docs 1000] [--workers N] [--model NAME]

With a trained spaCy pipeline installed (``en_core_web_sm`` or another, or ``--model``),
it runs that (tagger, parser, NER: more than pressline's rules do, so not the same
work). Without one it says so and runs ``spacy.blank("en")`` with the rule-based
sentencizer: tokenizing and sentence splitting only, a lower bound on spaCy's cost.
Throughput is measured with ``nlp.pipe`` on one process and with ``n_process=N``.
Without spaCy it prints a message and stops.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import time

from corpus import records


def measure(docs: int = 1000, workers: int | None = None, model: str | None = None) -> dict:
    """``{"pipeline": what ran, "runs": [(processes, words per second)]}`` or
    ``{"skipped": why}``."""
    if importlib.util.find_spec("spacy") is None:
        return {"skipped": "spaCy is not installed (pip install spacy)"}
    import spacy

    installed = sorted(spacy.util.get_installed_models())
    name = model or next((m for m in installed if m.startswith("en_")), None)
    if name:
        nlp = spacy.load(name)
        what = f"spaCy {spacy.__version__} {name} ({', '.join(nlp.pipe_names)})"
    else:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        what = (
            f"spaCy {spacy.__version__} blank('en') + sentencizer "
            "(no trained model installed: tokenizing and sentences only)"
        )
    texts = [r["text"] for r in records(docs)]
    words = sum(len(t.split()) for t in texts)
    runs = []
    workers = workers or os.cpu_count() or 1
    for processes in sorted({1, workers}):
        started = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=64, n_process=processes):
            pass
        runs.append((processes, words / (time.perf_counter() - started)))
    return {"pipeline": what, "runs": runs}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    result = measure(args.docs, args.workers, args.model)
    if "skipped" in result:
        print(f"skipped: {result['skipped']}")
        return
    print(result["pipeline"])
    for processes, rate in result["runs"]:
        print(f"  n_process={processes}: {rate:,.0f} words/s")


if __name__ == "__main__":
    main()
