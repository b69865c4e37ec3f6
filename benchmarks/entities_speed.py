"""Measure the entity tagger: words per second on one core, and the cost of starting up.

    python benchmarks/entities_speed.py [FILE ...] [--gum PATH/gum-dev.jsonl] [--words N]
                                        [--backend rules|spacy] [--spacy-model NAME]

The texts (the example article by default; ``--gum`` adds the GUM development set's
texts) are cleaned and split into sentences once, untimed; then only the ``entity_tagger``
step runs over them, repeated until at least ``--words`` words (default 200,000) have been
tagged. The tagger caches what it reads per word and per run of capitalized words, which
repeated texts favour, so the texts are also tagged once each by a fresh tagger ("first
pass"): what new articles get. Start-up is measured in fresh interpreters: loading the
lexicon from its on-disk cache (what every process pays), and building it from the data
packages (what the first run on a machine pays, once).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pressline.document import Document
from pressline.plugins.cleaner import Cleaner
from pressline.plugins.entities import EntityTagger
from pressline.plugins.sectioner import Sectioner

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE.parent / "examples" / "tehran-moscow.txt"

_LOAD = """
import time
from pressline.plugins.entities.gazetteer import load_lexicon
t = time.perf_counter()
load_lexicon()
print(time.perf_counter() - t)
"""


def _startup(env: dict[str, str]) -> float:
    out = subprocess.run(
        [sys.executable, "-c", _LOAD], env=env, capture_output=True, text=True, check=True
    )
    return float(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path, help="plain-text articles")
    ap.add_argument("--gum", type=Path, help="also tag the texts of a GUM-format JSONL file")
    ap.add_argument("--words", type=int, default=200_000, help="tag at least this many words")
    ap.add_argument("--backend", choices=["rules", "spacy"], default="rules")
    ap.add_argument("--spacy-model", default="en_core_web_sm")
    args = ap.parse_args(argv)

    texts = [p.read_text(encoding="utf-8") for p in args.files] or [
        EXAMPLE.read_text(encoding="utf-8")
    ]
    if args.gum:
        with args.gum.open(encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line in fh if line.strip()]

    # start-up: a fresh process loading the cached lexicon, then building it from scratch
    env = dict(os.environ)
    cached = min(_startup(env) for _ in range(3))
    with tempfile.TemporaryDirectory() as empty:
        env_cold = dict(env, PRESSLINE_CACHE_DIR=empty)
        built = _startup(env_cold)
    print(f"lexicon load from the cache: {cached:.3f} s (fresh process, after imports, best of 3)")
    print(f"lexicon build (first run on a machine, then cached): {built:.2f} s")

    options = {"backend": args.backend}
    if args.backend == "spacy":
        options["spacy_model"] = args.spacy_model
    tagger = EntityTagger(options)
    started = time.perf_counter()
    tagger.setup()
    print(f"setup() in this process: {time.perf_counter() - started:.3f} s")

    cleaner, sectioner = Cleaner(), Sectioner()
    docs = []
    for text in texts:
        doc = Document(text)
        cleaner.process(doc)
        sectioner.process(doc)
        docs.append(doc)
    words_per_round = sum(len(d.text.split()) for d in docs)
    rounds = max(1, -(-args.words // words_per_round))
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for _ in range(rounds):
            for doc in docs:
                tagger.process(doc)
        best = min(best, time.perf_counter() - started)
    words = words_per_round * rounds
    mentions = sum(len(d.layer("entities")) for d in docs)
    print(
        f"{args.backend}: {words:,} words in {best:.2f} s = {words / best:,.0f} words/s "
        f"on one core ({len(docs)} texts x {rounds} rounds, {mentions} mentions per round)"
    )
    first = float("inf")
    for _ in range(3):
        fresh = EntityTagger(options)
        fresh.setup()
        started = time.perf_counter()
        for doc in docs:
            fresh.process(doc)
        first = min(first, time.perf_counter() - started)
    print(
        f"{args.backend}, first pass (a fresh tagger, each text once): "
        f"{words_per_round / first:,.0f} words/s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
