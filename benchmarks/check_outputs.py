"""Golden reports: record the pipeline's output, then prove a change left it unchanged.

    python benchmarks/check_outputs.py record DIR [JSONL ...] [--root CHECKOUT]
    python benchmarks/check_outputs.py compare DIR [JSONL ...] [--root CHECKOUT]
    python benchmarks/check_outputs.py record tests/fixtures/golden --only tehran-moscow

The documents are the example article, every article among the test fixtures
(``tests/fixtures/articles/*.txt``) and the records of each JSON Lines file given (``{"id",
"text", "date"?}``, such as a development set). ``record`` writes one JSON report per
document into DIR, with every layer (``--layers all``) and without the steps' timings,
the one part of a report that changes from run to run. ``compare`` runs them again and
says which documents differ, under which key of the report and at which path first; it
exits 1 if any does.

``--only ID,...`` keeps those documents alone. The test suite holds the example
article's report in ``tests/fixtures/golden/`` and checks every step's part of it: after a
change that is meant to change the output, record it again with the third command above
(and say in the commit what changed).

``--root CHECKOUT`` imports pressline from another checkout of the repository (its
``core/``, ``plugins/`` and ``configs/``) instead of the installed one: record with a
copy of the code before a change (``git archive HEAD | tar -x -C /tmp/before``), compare
with the code after, and work that others do in the same tree meanwhile stays out of it.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections.abc import Iterator
from datetime import date
from importlib.machinery import ModuleSpec
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_DATE = date(2022, 11, 10)


def use_root(root: Path) -> None:
    """Make ``import pressline`` load the package from the checkout at ``root``."""
    packages = {
        "pressline": root / "core",
        "pressline.plugins": root / "plugins",
        "pressline.configs": root / "configs",
    }

    class _Finder:
        @classmethod
        def find_spec(cls, name: str, path: Any = None, target: Any = None) -> ModuleSpec | None:
            folder = packages.get(name)
            if folder is None:
                return None
            return importlib.util.spec_from_file_location(
                name, folder / "__init__.py", submodule_search_locations=[str(folder)]
            )

    sys.meta_path.insert(0, _Finder)


def documents(jsonl: list[Path]) -> Iterator[tuple[str, str, date | None]]:
    """``(id, text, reference date)`` of every document checked."""
    yield (
        "tehran-moscow",
        (ROOT / "examples" / "tehran-moscow.txt").read_text("utf-8"),
        (EXAMPLE_DATE),
    )
    for path in sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.txt")):
        yield f"fixture-{path.stem}", path.read_text("utf-8"), EXAMPLE_DATE
    for source in jsonl:
        with source.open(encoding="utf-8") as handle:
            for n, line in enumerate(handle):
                if not line.strip():
                    continue
                record = json.loads(line)
                when = record.get("date")
                yield (
                    f"{source.stem}-{record.get('id', n)}",
                    record["text"],
                    date.fromisoformat(when) if when else None,
                )


def reports(jsonl: list[Path], only: set[str] | None = None) -> Iterator[tuple[str, str]]:
    """``(document id, report JSON)`` for every document (or those in ``only``), timings
    left out."""
    from pressline import Pipeline

    pipeline = Pipeline.load("news")
    for doc_id, text, when in documents(jsonl):
        if only and doc_id not in only:
            continue
        data = pipeline.run(text, reference_date=when, id=doc_id).to_dict(layers="all")
        for step in data["pipeline"]["steps"]:
            step.pop("seconds", None)
        yield doc_id, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)


def _file(folder: Path, doc_id: str) -> Path:
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in doc_id)
    return folder / f"{safe}.json"


def _first_difference(old: Any, new: Any, path: str = "") -> str:
    if type(old) is not type(new):
        return f"{path or '/'}: {type(old).__name__} became {type(new).__name__}"
    if isinstance(old, dict):
        for key in sorted(set(old) | set(new)):
            if key not in old or key not in new:
                return f"{path}/{key}: {'added' if key in new else 'removed'}"
            if old[key] != new[key]:
                return _first_difference(old[key], new[key], f"{path}/{key}")
    elif isinstance(old, list):
        for n, (a, b) in enumerate(zip(old, new, strict=False)):
            if a != b:
                return _first_difference(a, b, f"{path}/{n}")
        return f"{path}: {len(old)} items became {len(new)}"
    return f"{path}: {str(old)[:80]!r} became {str(new)[:80]!r}"


def record(folder: Path, jsonl: list[Path], only: set[str] | None = None) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    for doc_id, output in reports(jsonl, only):
        _file(folder, doc_id).write_text(output, encoding="utf-8")
        count += 1
    print(f"recorded {count} reports in {folder}")
    return 0


def compare(folder: Path, jsonl: list[Path], only: set[str] | None = None) -> int:
    count = 0
    differ: list[str] = []
    for doc_id, output in reports(jsonl, only):
        count += 1
        golden = _file(folder, doc_id)
        if not golden.exists():
            differ.append(f"{doc_id}: no golden report")
            continue
        old = golden.read_text(encoding="utf-8")
        if old == output:
            continue
        before, after = json.loads(old), json.loads(output)
        keys = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
        differ.append(f"{doc_id}: {', '.join(keys)}; first at {_first_difference(before, after)}")
    for line in differ:
        print(line)
    print(f"{count - len(differ)} of {count} reports byte-identical")
    return 1 if differ else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=("record", "compare"))
    parser.add_argument("folder", type=Path)
    parser.add_argument("jsonl", nargs="*", type=Path, help="JSON Lines files of documents")
    parser.add_argument("--root", type=Path, help="a checkout to import pressline from")
    parser.add_argument("--only", default="", help="comma-separated document ids to check")
    args = parser.parse_args()
    only = {i.strip() for i in args.only.split(",") if i.strip()} or None
    if args.root is not None:
        use_root(args.root.resolve())
    action = record if args.action == "record" else compare
    sys.exit(action(args.folder, [p.resolve() for p in args.jsonl], only))


if __name__ == "__main__":
    main()
