"""Time per character, per step, as documents grow from 10 KB to 10 MB.

    python benchmarks/scaling.py [--corpus dense|example] [--max-size 10000000] [--seconds 1]
    python benchmarks/scaling.py --adversarial [--max-size 1000000] [--shapes dates,quotes]

A step whose time grows linearly with its input costs the same per character at every
size. For each size this prints each step's time per character (nanoseconds), the
report's (``to_json`` with the sentence and paragraph layers, as ``pressline run -f json
--layers sentences,paragraphs`` writes it) and the total, with each figure's ratio to its
10 KB figure; a ratio above 1.3x is flagged with ``!``.

The documents: ``--corpus dense`` (the default) is made-up wire news from ``dense.py``,
dense in names, quotes and dates, with new people as it grows; ``--corpus example`` is
the example article's paragraphs over and over (``corpus.long_document``).

``--adversarial`` times one document of each shape below, at 10 KB, 100 KB and 1 MB
(up to ``--max-size``): one paragraph (or one line) of the same pattern over and over,
the inputs that make a step that is not linear show it at once. The shapes are in
:data:`SHAPES`; ``--shapes`` picks some.

Each size runs until about ``--seconds`` have passed and at least ``--runs`` times, and
the best run counts. Times are the process's CPU time (``--clock cpu``, the default), so
other work on the machine disturbs them less than it does wall-clock time (``--clock
wall``); the load average is printed with the table.
"""

from __future__ import annotations

import argparse
import random
import time
import types
from collections.abc import Callable

import pressline.engine
from corpus import load_average, long_document
from dense import dense_document
from pressline import Pipeline

SIZES = (10_000, 100_000, 1_000_000, 10_000_000)
ADVERSARIAL_SIZES = (10_000, 100_000, 1_000_000)
LIMIT = 1.3
REPORT_LAYERS = ("sentences", "paragraphs")

Row = tuple[int, float, dict[str, float]]


def _repeat(pattern: str) -> Callable[[int, int], str]:
    def make(chars: int, seed: int = 0) -> str:
        return (pattern * (chars // len(pattern) + 1))[:chars]

    return make


def _varied(words: list[str], sep: str = " ", seed: int = 0) -> Callable[[int, int], str]:
    """Words drawn at random (seeded) and joined by ``sep``, up to ``chars``."""

    def make(chars: int, variant: int = 0) -> str:
        rng = random.Random(seed * 1000 + variant)
        parts: list[str] = []
        size = 0
        while size < chars:
            word = rng.choice(words)
            parts.append(word)
            size += len(word) + len(sep)
        return sep.join(parts)[:chars]

    return make


_CAPITALIZED = (
    "Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliet Kilo Lima Mike "
    "November Oscar Papa Quebec Romeo Sierra Tango Uniform Victor Whiskey Xray Yankee Zulu "
    "The Of And New North South Great Royal Grand Saint"
).split()
_NAMES = (
    "John Smith Mary Jones Ali Hassan Maria Garcia Wei Zhang Olga Petrova Ahmed Khan "
    "Anna Schmidt Pierre Dubois Yuki Tanaka Kwame Mensah Elena Rossi Raisi Patrushev "
    "Shamkhani Ebrahim Nikolai Ali Putin Biden Macron Scholz"
).split()
_TITLES = (
    "President Minister General Secretary Prime Foreign Deputy Chief Executive Director "
    "Governor Senator Ambassador Chairman Commissioner Judge Dr. Mr. Mrs. Sir Lord "
    "King Queen Prince Pope Colonel Captain Coach Spokesman"
).split()
_DIGITS = "1 22 333 4,444 5.55 66% 7-8 9/10 2024 11:30 12th 1990s 3.5m $40 100,000 0".split()
_BRACKETS = "( ) [ ] { } (a (b [c] ( (Reuters) [1] (AP) )) ((( ]]] {x".split()


def _prose(chars: int, seed: int = 0) -> str:
    """Dense wire prose with every line break replaced by a space: one huge paragraph."""
    return " ".join(dense_document(chars, seed=7000 + seed).split())[:chars]


def _code(n: int) -> str:
    """``n`` in lowercase letters ("b", "c", ... "ba"): unique, but no number a date
    could be (a counter would turn into years between 1000 and 2100 as it grows)."""
    letters = []
    while True:
        n, digit = divmod(n, 26)
        letters.append("abcdefghijklmnopqrstuvwxyz"[digit])
        if not n:
            return "".join(reversed(letters))


def _tiny_paragraphs(chars: int, seed: int = 0) -> str:
    """Tens of thousands of one-line paragraphs, each different."""
    rng = random.Random(3000 + seed)
    bits = ("Yes.", "No.", "He said.", "Monday.", "“Why?”", "Smith:", "(AP)", "1.", "Read more")
    parts: list[str] = []
    size = 0
    n = 0
    while size < chars:
        n += 1
        part = f"{rng.choice(bits)} {_code(n)}"
        parts.append(part)
        size += len(part) + 2
    return "\n\n".join(parts)[:chars]


def _web_table(chars: int, seed: int = 0) -> str:
    """A results table scraped to one line: cells and rows with bars, names and numbers."""
    rng = random.Random(5000 + seed)
    teams = _NAMES + _CAPITALIZED
    parts = ["| Pos | Team | P | W | D | L | GF | GA | Pts |"]
    size = len(parts[0])
    n = 0
    while size < chars:
        n += 1
        cells = [str(n % 20 + 1), f"{rng.choice(teams)} {rng.choice(('FC', 'City', 'Town'))}"]
        cells += [str(rng.randrange(40)) for _ in range(7)]
        row = "| " + " | ".join(cells) + " |"
        parts.append(row)
        size += len(row) + 1
    return " ".join(parts)[:chars]


#: name -> a function of a size in characters (and a seed) giving a document of that shape.
SHAPES: dict[str, Callable[[int, int], str]] = {
    "dates": _repeat("on Monday, March 3, 2024 and "),
    "quotes": _repeat('"We will," said Smith. "No," he said. '),
    "unbalanced": _repeat('He said "yes and '),
    "capitalized": _varied(_CAPITALIZED, seed=1),
    "names": _varied(_NAMES, seed=2),
    "titles": _varied(_TITLES, seed=3),
    "digits": _varied(_DIGITS, seed=4),
    "brackets": _varied(_BRACKETS, seed=5),
    "prose": _prose,
    "tiny_paragraphs": _tiny_paragraphs,
    "web_table": _web_table,
}


def _document(corpus: str, size: int, seed: int = 0) -> str:
    if corpus == "dense":
        return dense_document(size, seed)
    if corpus == "example":
        return long_document(size)
    raise ValueError(f"unknown corpus {corpus!r} (dense or example)")


CLOCKS = {"cpu": time.process_time, "wall": time.perf_counter}
_clock = CLOCKS["cpu"]


def use_clock(name: str) -> None:
    """Time the runs, and the engine's steps, with the clock ``name`` (cpu or wall)."""
    global _clock
    _clock = CLOCKS[name]
    pressline.engine.time = types.SimpleNamespace(perf_counter=_clock)  # type: ignore[assignment]


def _time(
    pipeline: Pipeline, make: Callable[[int], str], seconds: float, runs: int = 1
) -> tuple[float, dict[str, float], int]:
    """Best total seconds, that run's seconds per step (and ``report``), and its length.

    Each run has a text of its own (``make(run)``), so that no cache a step keeps from
    one document to the next makes a repeated small document look cheap."""
    best = float("inf")
    steps: dict[str, float] = {}
    length = 0
    spent = 0.0
    done = 0
    while spent < seconds or done < runs:
        text = make(done)
        started = _clock()
        report = pipeline.run(text, id="scaling")
        ran = _clock()
        report.to_json(layers=list(REPORT_LAYERS))
        finished = _clock()
        took = finished - started
        spent += took
        done += 1
        if took < best:
            best = took
            length = len(text)
            steps = {s["id"]: s["seconds"] for s in report.steps}
            steps["report"] = finished - ran
    return best, steps, length


def measure(
    config: str = "news",
    max_size: int = 10_000_000,
    seconds: float = 1.0,
    corpus: str = "dense",
    sizes: tuple[int, ...] = SIZES,
    make: Callable[[int, int], str] | None = None,
    runs: int = 1,
) -> list[Row]:
    """``(size, seconds per character, {step: seconds per character})`` for each size
    (``report`` among the steps: building the report and writing its JSON)."""
    pipeline = Pipeline.load(config)
    pipeline.run(long_document(2_000))  # setup and warm-up
    rows: list[Row] = []
    for n, size in enumerate(s for s in sizes if s <= max_size):

        def text(run: int, size: int = size, n: int = n) -> str:
            seed = n * 100 + run  # new text for every run and every size
            return make(size, seed) if make is not None else _document(corpus, size, seed)

        best, steps, length = _time(pipeline, text, seconds, runs)
        rows.append((length, best / length, {k: v / length for k, v in steps.items()}))
    return rows


def ratios(rows: list[Row]) -> list[dict[str, float]]:
    """Each row's figures over the first row's (the 10 KB one): ``total`` and each step."""
    _, base_total, base_steps = rows[0]
    out = []
    for _, total, steps in rows:
        row = {"total": total / base_total}
        for name, per in steps.items():
            row[name] = per / base_steps[name] if base_steps.get(name) else 1.0
        out.append(row)
    return out


def table(rows: list[Row], title: str) -> tuple[str, list[str]]:
    """A printed table of ``rows`` and the figures over the limit (``"step at size"``)."""
    names = ["total", *rows[0][2]]
    width = {n: max(len(n), 12) for n in names}
    lines = [title, f"{'size':>12}  " + "  ".join(f"{n:>{width[n]}}" for n in names)]
    over: list[str] = []
    for (size, total, steps), ratio in zip(rows, ratios(rows), strict=True):
        cells = []
        for name in names:
            per = total if name == "total" else steps.get(name, 0.0)
            flag = "!" if ratio.get(name, 1.0) > LIMIT else " "
            if flag == "!":
                over.append(f"{name} at {size:,}")
            cells.append(f"{per * 1e9:>{width[name] - 8}.0f} {ratio.get(name, 1.0):>5.2f}x{flag}")
        lines.append(f"{size:>12,}  " + "  ".join(cells))
    return "\n".join(lines), over


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", default="news")
    parser.add_argument("--corpus", choices=("dense", "example"), default="dense")
    parser.add_argument("--max-size", type=int, default=None)
    parser.add_argument("--seconds", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=3, help="at least this many runs a size")
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="cpu")
    parser.add_argument("--adversarial", action="store_true")
    parser.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated shapes")
    args = parser.parse_args()
    use_clock(args.clock)
    print(
        f"nanoseconds ({args.clock} time) per character, and the ratio to the 10 KB figure "
        f"(! above 1.3x); load average {load_average()}"
    )
    over: list[str] = []
    if args.adversarial:
        max_size = args.max_size or ADVERSARIAL_SIZES[-1]
        for shape in args.shapes.split(","):
            make = SHAPES[shape]
            rows = measure(
                args.config,
                max_size,
                args.seconds,
                sizes=ADVERSARIAL_SIZES,
                make=make,
                runs=args.runs,
            )
            text, flagged = table(rows, f"\n{shape}: {make(60, 0)!r}...")
            print(text, flush=True)
            over += [f"{shape}: {f}" for f in flagged]
    else:
        rows = measure(
            args.config, args.max_size or SIZES[-1], args.seconds, args.corpus, runs=args.runs
        )
        text, over = table(rows, f"corpus {args.corpus}")
        print(text)
    print("\nover 1.3x: " + ("; ".join(over) if over else "none"))


if __name__ == "__main__":
    main()
