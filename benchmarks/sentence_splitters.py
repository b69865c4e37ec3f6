"""Compare the sectioner's sentence splitter with pysbd on tricky cases, and on speed.

    python benchmarks/sentence_splitters.py [--gum PATH/gum-dev.jsonl] [--show-all]

pysbd is optional (``pip install pysbd``); without it only the built-in splitter runs.
Each case is a text and the sentences it should be split into. The script prints which
splitter gets each case right, the totals, and each splitter's speed in words per
second on the example article. With ``--gum`` it also scores both on the sentence
boundaries inside the blocks of an annotated GUM-format file.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

from pressline.plugins.sectioner.sentences import SentenceSplitter

Splitter = Callable[[str], list[str]]

# (what the case is about, text, expected sentences)
CASES: list[tuple[str, str, list[str]]] = [
    (
        "U.S. mid-sentence",
        "The U.S. government imposed new sanctions on Tuesday.",
        ["The U.S. government imposed new sanctions on Tuesday."],
    ),
    (
        "U.S. ends a sentence",
        "The talks were held in the U.S. The next round is in Geneva.",
        ["The talks were held in the U.S.", "The next round is in Geneva."],
    ),
    (
        "U.N. before a name",
        "U.N. Secretary-General Antonio Guterres spoke first. He was brief.",
        ["U.N. Secretary-General Antonio Guterres spoke first.", "He was brief."],
    ),
    (
        "titles",
        "Mr. Smith met Dr. Jones and Gen. Mark Milley. They talked for an hour.",
        ["Mr. Smith met Dr. Jones and Gen. Mark Milley.", "They talked for an hour."],
    ),
    (
        "Sen. and Rep.",
        "Sen. Warren and Rep. Ocasio-Cortez wrote the letter. It was sent Monday.",
        ["Sen. Warren and Rep. Ocasio-Cortez wrote the letter.", "It was sent Monday."],
    ),
    (
        "initials",
        "The book was written by J. K. Rowling. It sold millions.",
        ["The book was written by J. K. Rowling.", "It sold millions."],
    ),
    (
        "middle initial",
        "Charles J. Fillmore was an American linguist. He died in 2014.",
        ["Charles J. Fillmore was an American linguist.", "He died in 2014."],
    ),
    (
        "months",
        "The law was signed on Jan. 5, 2021. It took effect in Sept. 2022.",
        ["The law was signed on Jan. 5, 2021.", "It took effect in Sept. 2022."],
    ),
    (
        "decimals",
        "Inflation rose 3.5 percent in May. Rates stayed at 4.25%.",
        ["Inflation rose 3.5 percent in May.", "Rates stayed at 4.25%."],
    ),
    (
        "times",
        "The meeting began at 10.30 a.m. Monday. It ended at 2 p.m. Officials left.",
        ["The meeting began at 10.30 a.m. Monday.", "It ended at 2 p.m.", "Officials left."],
    ),
    (
        "month abbreviation ends a sentence",
        "Prices rose 2% in Nov. Analysts were surprised.",
        ["Prices rose 2% in Nov.", "Analysts were surprised."],
    ),
    (
        "U.S. before a capitalised name",
        "He grew up in the U.S. Washington was his home.",
        ["He grew up in the U.S.", "Washington was his home."],
    ),
    (
        "ellipsis mid-sentence",
        "He paused... and then went on speaking.",
        ["He paused... and then went on speaking."],
    ),
    (
        "ellipsis ends a sentence",
        "I don't know… Maybe next year.",
        ["I don't know…", "Maybe next year."],
    ),
    (
        "quotation continued",
        "“Boosting regional cooperation is the best way,” he said. He left.",
        ["“Boosting regional cooperation is the best way,” he said.", "He left."],
    ),
    (
        "question in a quotation",
        "“Why should we wait?” he asked. Nobody answered.",
        ["“Why should we wait?” he asked.", "Nobody answered."],
    ),
    (
        "exclamation, named speaker",
        "“We will win!” Smith said. The crowd cheered.",
        ["“We will win!” Smith said.", "The crowd cheered."],
    ),
    (
        "quotation ends a sentence",
        "She called it “a relief.” Others were less pleased.",
        ["She called it “a relief.”", "Others were less pleased."],
    ),
    (
        "No. before a number",
        "He is ranked No. 5 in the world. No. 1 is Djokovic.",
        ["He is ranked No. 5 in the world.", "No. 1 is Djokovic."],
    ),
    (
        "Inc. mid-sentence and at the end",
        "Apple Inc. said sales rose. Analysts praised Apple Inc. The shares rose.",
        ["Apple Inc. said sales rose.", "Analysts praised Apple Inc.", "The shares rose."],
    ),
    (
        "e.g. and i.e.",
        "Some fruits, e.g. Apples from Kent, keep well, i.e. For months. That helps.",
        ["Some fruits, e.g. Apples from Kent, keep well, i.e. For months.", "That helps."],
    ),
    (
        "vs. and etc.",
        "It was Spain vs. Italy in the final. Fans brought flags, drums, etc. It was loud.",
        ["It was Spain vs. Italy in the final.", "Fans brought flags, drums, etc.", "It was loud."],
    ),
    (
        "St. as a saint",
        "St. Jerome translated the Bible. He lived in Bethlehem.",
        ["St. Jerome translated the Bible.", "He lived in Bethlehem."],
    ),
    (
        "footnote markers",
        "He studied at Harrow until 1805. [6] He then went to Cambridge.",
        ["He studied at Harrow until 1805. [6]", "He then went to Cambridge."],
    ),
    (
        "lowercase brand opens a sentence",
        "Sure. wikiHow is a collaborative effort.",
        ["Sure.", "wikiHow is a collaborative effort."],
    ),
    (
        "question and exclamation",
        "Is it over? Yes! It is.",
        ["Is it over?", "Yes!", "It is."],
    ),
    (
        "repeated marks",
        "Hello!!! Are you there??? Yes.",
        ["Hello!!!", "Are you there???", "Yes."],
    ),
    (
        "circa",
        "Norton (c. 1818 – 1880) was a citizen of San Francisco. He was eccentric.",
        ["Norton (c. 1818 – 1880) was a citizen of San Francisco.", "He was eccentric."],
    ),
    (
        "Ph.D.",
        "She earned a Ph.D. in linguistics from Berkeley. She then taught there.",
        ["She earned a Ph.D. in linguistics from Berkeley.", "She then taught there."],
    ),
    (
        "sentence in parentheses",
        "The vote passed. (Two members abstained.) The session ended.",
        ["The vote passed.", "(Two members abstained.)", "The session ended."],
    ),
]


def ours() -> Splitter:
    splitter = SentenceSplitter()
    return lambda text: [text[a:b] for a, b in splitter.split(text)]


def pysbd_splitter() -> Splitter | None:
    try:
        import pysbd
    except ImportError:
        return None
    seg = pysbd.Segmenter(language="en", clean=False)
    return lambda text: [s.strip() for s in seg.segment(text) if s.strip()]


def words_per_second(split: Splitter, texts: list[str], rounds: int = 3) -> float:
    words = sum(len(t.split()) for t in texts)
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for t in texts:
            split(t)
        best = min(best, time.perf_counter() - started)
    return words / best


def gum_scores(split: Splitter, path: Path) -> tuple[float, float, float]:
    """Boundary P/R/F1 inside GUM blocks (each block split on its own)."""
    tp = n_pred = n_gold = 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            text = doc["text"]
            blocks = [doc["title_span"]] if doc.get("title_span") else []
            blocks += doc["headings"] + doc["paragraphs"]
            ends = [s["end"] for s in doc["sentences"]]
            for b in blocks:
                block = text[b["start"] : b["end"]]
                gold = {e - b["start"] for e in ends if b["start"] < e < b["end"]}
                pred, pos = set(), 0
                for sentence in split(block)[:-1]:
                    pos = block.find(sentence, pos) + len(sentence)
                    pred.add(pos)
                tp += len(gold & pred)
                n_pred += len(pred)
                n_gold += len(gold)
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return 100 * p, 100 * r, (200 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gum", type=Path, help="a GUM-format JSONL to score boundaries on")
    ap.add_argument("--show-all", action="store_true", help="print every case's output")
    args = ap.parse_args(argv)

    splitters: dict[str, Splitter] = {"pressline": ours()}
    other = pysbd_splitter()
    if other is None:
        print("pysbd is not installed (pip install pysbd): showing the built-in splitter only\n")
    else:
        splitters["pysbd"] = other

    right = dict.fromkeys(splitters, 0)
    print(f"{'case':36s} " + " ".join(f"{name:>9s}" for name in splitters))
    for label, text, expected in CASES:
        marks = []
        outputs = {}
        for name, split in splitters.items():
            got = split(text)
            outputs[name] = got
            ok = got == expected
            right[name] += ok
            marks.append(f"{'ok' if ok else 'WRONG':>9s}")
        print(f"{label:36s} " + " ".join(marks))
        for name, got in outputs.items():
            if args.show_all or got != expected:
                print(f"    {name}: {got}")
    print()
    for name in splitters:
        print(f"{name:9s} right on {right[name]}/{len(CASES)} tricky cases")

    example = Path(__file__).resolve().parent.parent / "examples" / "tehran-moscow.txt"
    paragraphs = [p for p in example.read_text(encoding="utf-8").splitlines() if p.strip()]
    texts = paragraphs * 50
    print()
    for name, split in splitters.items():
        print(f"{name:9s} {words_per_second(split, texts):>12,.0f} words/s (example article)")

    if args.gum:
        print()
        for name, split in splitters.items():
            p, r, f = gum_scores(split, args.gum)
            print(f"{name:9s} GUM boundaries inside blocks: P {p:6.2f} R {r:6.2f} F1 {f:6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
