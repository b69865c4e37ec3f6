"""Start-up: how long `pressline --help` and a single-article `pressline run` take.

    python benchmarks/startup.py [--repeat 7]

Each command runs ``--repeat`` times as a fresh process; the median wall time counts.
`pressline --help` imports no plugin code (target: under 0.3 s); `pressline run` loads
the plugins, builds the default pipeline and processes the example article.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import time

from corpus import EXAMPLE, pressline_command

COMMANDS = {
    "pressline --help": pressline_command("--help"),
    "pressline run ARTICLE -f json": pressline_command("run", str(EXAMPLE), "-f", "json"),
}


def measure(repeat: int = 7) -> dict[str, float]:
    """The median seconds of each command."""
    times = {}
    for label, command in COMMANDS.items():
        runs = []
        for _ in range(repeat):
            started = time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
            runs.append(time.perf_counter() - started)
        times[label] = statistics.median(runs)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    for label, seconds in measure(args.repeat).items():
        print(f"{label:<32} {seconds:.3f} s")


if __name__ == "__main__":
    main()
