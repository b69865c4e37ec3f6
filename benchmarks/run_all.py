"""Every benchmark, printed as one Markdown table (the one in the README).

    python benchmarks/run_all.py            # the full set: a 10 MB document, a 1 GB corpus
    python benchmarks/run_all.py --quick    # smaller sizes, a couple of minutes

(a) words per second of the default pipeline on one core, per step and in total, for the
whole job of ``pressline run -f json --layers sentences,paragraphs`` (``speed.py``), on the
example article and on dense made-up wire news (``dense.py``); (b) time per character
from 10 KB to 10 MB on dense news, per step, and on each adversarial shape at 10 KB and
1 MB (``scaling.py``, CPU time); (c) start-up
(``startup.py``); (d) batch throughput with 1 and N workers and on a local Dask cluster
(``batch_speed.py``); (e) peak memory streaming a JSON Lines corpus (``memory.py``);
(f) spaCy on the same text, if installed (``spacy_compare.py``); (g) HeidelTime and
``pressline run`` on the same file, as fresh processes on one core, if HeidelTime is
installed (``heideltime_compare.py``). Each script also runs
alone, with more options. Run on an otherwise idle machine: the load average is printed
with the table, since other work on the CPUs slows every number.
"""

from __future__ import annotations

import argparse
import datetime
import os

import batch_speed
import heideltime_compare
import memory
import scaling
import spacy_compare
import speed
import startup
from corpus import example, load_average, machine
from dense import dense_records

Row = tuple[str, str, str]


def _mark(ok: bool) -> str:
    return "yes" if ok else "**no**"


def speed_rows(words: int) -> list[Row]:
    """(a): the whole job on the example article and on dense wire news (``dense.py``)."""
    corpora = (
        ("example article", [example()], 200_000),
        ("dense wire news (dense.py, 40 stories)", [r["text"] for r in dense_records(40)], 120_000),
    )
    rows: list[Row] = []
    for label, texts, target in corpora:
        done, seconds, per_step = speed.measure(texts, "news", words)
        rate = done / seconds
        steps = ", ".join(f"{step} {done / s / 1000:,.0f}k" for step, s in per_step.items())
        rows.append(
            (
                f"(a) default pipeline, one core: {label}",
                f"{rate:,.0f} words/s for run, report and JSON (per part, words/s: {steps})",
                f"≥ {target:,} words/s: {_mark(rate >= target)}",
            )
        )
    return rows


def _worst(rows: list[scaling.Row]) -> tuple[str, float]:
    """The step (or ``total``) whose time per character grew most, and by how much."""
    ratio = scaling.ratios(rows)[-1]
    name = max(ratio, key=lambda n: ratio[n])
    return name, ratio[name]


def scaling_rows(max_size: int, adversarial_size: int) -> list[Row]:
    """(b): time per character on dense news from 10 KB up, and on adversarial shapes."""
    rows = scaling.measure("news", max_size, 1.0, "dense", runs=2)
    largest = rows[-1][0]
    total = scaling.ratios(rows)[-1]["total"]
    step, worst = _worst(rows)
    sizes = ", ".join(f"{_size(size)} {per * 1e9:,.0f}" for size, per, _ in rows)
    out: list[Row] = [
        (
            "(b) time per character by document size, dense wire news",
            f"ns per character: {sizes}; {_size(largest)} = {total:.2f}x of 10 KB in all, "
            f"{worst:.2f}x in the step that grew most ({step})",
            f"every step ≤ 1.3x: {_mark(worst <= scaling.LIMIT)}",
        )
    ]
    shapes = []
    ok = True
    for shape, make in scaling.SHAPES.items():
        sizes_run = tuple(s for s in scaling.ADVERSARIAL_SIZES if s in (10_000, adversarial_size))
        rows = scaling.measure("news", adversarial_size, 0.5, sizes=sizes_run, make=make, runs=2)
        step, worst = _worst(rows)
        ok = ok and worst <= scaling.LIMIT
        shapes.append(f"{shape} {worst:.2f}x ({step})")
    out.append(
        (
            f"(b) adversarial shapes, {_size(adversarial_size)} against 10 KB",
            "per character, the step that grew most: " + "; ".join(shapes),
            f"every step ≤ 1.3x: {_mark(ok)}",
        )
    )
    return out


def startup_rows(repeat: int) -> list[Row]:
    times = startup.measure(repeat)
    helps = times["pressline --help"]
    return [
        ("(c) `pressline --help`", f"{helps:.3f} s", f"< 0.3 s: {_mark(helps < 0.3)}"),
        (
            "(c) `pressline run` of the example article",
            f"{times['pressline run ARTICLE -f json']:.3f} s",
            "",
        ),
    ]


def batch_rows(docs: int, repeat: int) -> list[Row]:
    rows: list[Row] = []
    for summary in batch_speed.measure(docs, repeat=repeat):
        target = ""
        steady = summary["steady_docs_per_second"]
        if summary["label"].startswith("local, 2"):
            target = (
                f"≥ 1.7x one worker: {_mark(summary['speedup'] >= 1.7)} "
                f"({_mark((summary['steady_speedup'] or 0) >= 1.7)} steady)"
            )
        rows.append(
            (
                f"(d) batch, {summary['label']}",
                f"{summary['documents']:,} docs in {summary['seconds']:.1f} s: "
                f"{summary['docs_per_second']:,.0f} docs/s, "
                f"{summary['words_per_second']:,} words/s ({summary['speedup']:.2f}x); "
                + (
                    f"steady {steady:,.0f} docs/s ({summary['steady_speedup']:.2f}x)"
                    if steady
                    else "steady rate not measured"
                ),
                target,
            )
        )
    return rows


def memory_rows(size: int) -> list[Row]:
    if not os.path.exists("/proc/self/status"):
        return [("(e) peak memory", "skipped: needs Linux's /proc", "")]
    result = memory.measure(size)
    peak = result["peak_tree"]
    return [
        (
            f"(e) peak memory, {result['corpus_bytes'] / 1e9:.2f} GB JSON Lines corpus",
            f"{peak / 1e6:,.0f} MB for the process and its workers "
            f"(main {result['peak_main'] / 1e6:,.0f} MB); "
            f"{result['records']:,} records in {result['summary']['seconds']:,.0f} s",
            f"< 500 MB: {_mark(peak < 500e6)}",
        )
    ]


def spacy_rows(docs: int) -> list[Row]:
    result = spacy_compare.measure(docs)
    if "skipped" in result:
        return [("(f) spaCy, same text", f"skipped: {result['skipped']}", "")]
    runs = ", ".join(f"n_process={n}: {rate:,.0f} words/s" for n, rate in result["runs"])
    return [("(f) spaCy, same text", f"{result['pipeline']}: {runs}", "")]


def heideltime_rows(copies: int) -> list[Row]:
    result = heideltime_compare.measure(copies)
    if "skipped" in result:
        return [("(g) HeidelTime, same text", f"skipped: {result['skipped']}", "")]
    parts = [
        f"{name}: {t['job_rate']:,.0f} words/s whole job ({t['job']:.1f} s, start-up "
        f"{t['startup']:.1f} s), {t['rate']:,.0f} once running"
        for name, t in result["tools"].items()
    ]
    return [
        (
            f"(g) HeidelTime and `pressline run`, {result['words']:,} words in one file",
            "; ".join(parts),
            "",
        )
    ]


def _size(chars: int) -> str:
    for unit, scale in (("MB", 1_000_000), ("KB", 1_000)):
        if chars >= scale:
            return f"{chars / scale:g} {unit}"
    return f"{chars} B"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, fewer runs")
    parser.add_argument("--memory-size", type=int, default=None, help="corpus bytes for (e)")
    parser.add_argument(
        "--skip", default="", help="benchmarks to leave out: speed,scaling,startup,..."
    )
    args = parser.parse_args()
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    quick = args.quick
    before = load_average()
    plan = {
        "speed": lambda: speed_rows(200_000 if quick else 1_000_000),
        "scaling": lambda: scaling_rows(
            1_000_000 if quick else 10_000_000, 100_000 if quick else 1_000_000
        ),
        "startup": lambda: startup_rows(3 if quick else 7),
        "batch": lambda: batch_rows(600 if quick else 4000, 1 if quick else 2),
        "memory": lambda: memory_rows(args.memory_size or (50_000_000 if quick else 1_000_000_000)),
        "spacy": lambda: spacy_rows(300 if quick else 1000),
        "heideltime": lambda: heideltime_rows(10 if quick else 50),
    }
    rows: list[Row] = []
    for name, run in plan.items():
        if name not in skip:
            rows += run()
    print(f"Machine: {machine()}")
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    print(f"Run: {now}; load average before: {before}, after: {load_average()}")
    print()
    print("| benchmark | result | target |")
    print("|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
