"""Score the default pipeline on an annotated development set (GUM format).

    python benchmarks/dev_score.py PATH/gum-dev.jsonl [--out DIR] [--scorer score_gum.py]
                                   [--errors N] [--direct] [--no-clean]

Runs the default pipeline (``Pipeline.load("news")``) over each document's text, or,
when that pipeline cannot be built (or with ``--direct``), the cleaner (if installed)
and the sectioner directly, building the same report shape; ``--no-clean`` runs the
sectioner alone, on the raw text. The reports go to ``DIR/reports.jsonl`` (default
``benchmarks/out``), and the scorer (``score_gum.py`` beside the gold file unless
``--scorer`` says otherwise) prints sentence-boundary, heading and title scores and,
once the reports carry entities, named-entity and grouping scores. After it, the
entities are also scored the way held-out news is judged: exact name spans with four
classes (PERSON as person, ORG as organization, GPE, LOC and FAC as location, every other
type as other), with and without NORP (GUM annotates no nationality adjectives).
Offsets in the reports are offsets into the input text.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from pressline.document import Document
from pressline.plugins.sectioner import Sectioner

Runner = Callable[[str, str, "date | None"], dict[str, Any]]


def pipeline_runner() -> Runner | None:
    """The default pipeline as a runner, or None when it cannot be built yet."""
    try:
        from pressline import Pipeline

        pipeline = Pipeline.load("news")
    except Exception as exc:  # the engine may be missing or incomplete
        print(f"(pipeline unavailable: {type(exc).__name__}: {exc}; running steps directly)")
        return None

    print(
        f"running the {pipeline.name!r} pipeline: "
        + ", ".join(s.id for s in pipeline.enabled_steps)
    )

    def run(text: str, doc_id: str, ref: date | None) -> dict[str, Any]:
        report = pipeline.run(text, id=doc_id, reference_date=ref)
        return report.to_dict(layers=["sentences"])

    return run


def direct_runner(clean: bool = True) -> Runner:
    """The cleaner (when it is installed and wanted) and the sectioner, called directly."""
    steps: list[tuple[str, Any]] = []
    if clean:
        try:
            from pressline.plugins.cleaner import Cleaner

            steps.append(("cleaner", Cleaner()))
        except ImportError:
            print("(no cleaner installed: the sectioner reads the raw text)")
    steps.append(("sectioner", Sectioner()))
    print("running the steps directly: " + ", ".join(name for name, _ in steps))

    def run(text: str, doc_id: str, ref: date | None) -> dict[str, Any]:
        doc = Document(text, id=doc_id, reference_date=ref)
        for _, step in steps:
            step.process(doc)
        report: dict[str, Any] = {"document": {"id": doc_id}}
        for name, step in steps:
            report[name] = step.summarize(doc)
        report["layers"] = {
            "sentences": [
                dict(zip(("start", "end"), doc.to_source(s.start, s.end), strict=True))
                | {"label": s.label}
                for s in doc.layer("sentences")
            ]
        }
        return report

    return run


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path, help="the gold JSONL (gum-dev.jsonl)")
    ap.add_argument("--out", type=Path, default=Path(__file__).parent / "out")
    ap.add_argument("--scorer", type=Path, help="score_gum.py (default: beside the gold file)")
    ap.add_argument("--errors", type=int, default=0, help="show N examples of each error")
    ap.add_argument("--direct", action="store_true", help="skip the pipeline, call the steps")
    ap.add_argument(
        "--no-clean", action="store_true", help="run the sectioner alone, on the raw text"
    )
    args = ap.parse_args(argv)

    run = None if args.direct or args.no_clean else pipeline_runner()
    if run is None:
        run = direct_runner(clean=not args.no_clean)
    args.out.mkdir(parents=True, exist_ok=True)
    reports = args.out / "reports.jsonl"
    words = 0
    started = time.perf_counter()
    with args.gold.open(encoding="utf-8") as src, reports.open("w", encoding="utf-8") as out:
        for line in src:
            if not line.strip():
                continue
            gold = json.loads(line)
            ref = date.fromisoformat(gold["date"]) if gold.get("date") else None
            words += len(gold["text"].split())
            report = run(gold["text"], gold["id"], ref)
            out.write(json.dumps(report, ensure_ascii=False) + "\n")
    elapsed = time.perf_counter() - started
    print(f"wrote {reports} ({words:,} words in {elapsed:.2f} s, {words / elapsed:,.0f} words/s)")

    scorer = args.scorer or args.gold.with_name("score_gum.py")
    if not scorer.exists():
        print(f"no scorer at {scorer}; pass --scorer PATH", file=sys.stderr)
        return 2
    cmd = [sys.executable, str(scorer), str(args.gold), str(reports)]
    if args.errors:
        cmd += ["--errors", str(args.errors)]
    status = subprocess.call(cmd)
    for line in four_class_scores(args.gold, reports):
        print(line)
    return status


_GOLD_CLASS = {"person": "person", "organization": "organization", "place": "location"}
_PRED_CLASS = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "location",
    "LOC": "location",
    "FAC": "location",
}


def four_class_scores(gold_path: Path, reports_path: Path) -> list[str]:
    """Exact-name-span P/R/F1 over four classes, as held-out news is scored."""
    gold_docs: dict[str, set[tuple[int, int, str]]] = {}
    with gold_path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            d = json.loads(line)
            gold_docs[d["id"]] = {
                (e["name_start"], e["name_end"], _GOLD_CLASS.get(e["type"], "other"))
                for e in d["entities"]
                if e["named"]
                and e["type"] not in ("time", "quantity")
                and not e["nested_in_name"]
                and not e["title_only"]
                and e["name_start"] is not None
            }
    out = []
    for skip_norp in (False, True):
        tp = n_pred = n_gold = 0
        with reports_path.open(encoding="utf-8") as fh:
            for line in fh:
                report = json.loads(line)
                entities = (report.get("entities") or {}).get("entities")
                if entities is None:
                    return []  # no entity step in this pipeline
                predicted = set()
                for e in entities:
                    for m in e["mentions"]:
                        kind = m.get("type", e["type"])
                        if kind is None or (skip_norp and kind == "NORP"):
                            continue  # pronouns and descriptions are not names
                        predicted.add((m["start"], m["end"], _PRED_CLASS.get(kind, "other")))
                gold = gold_docs.get(report["document"]["id"], set())
                tp += len(gold & predicted)
                n_pred += len(predicted)
                n_gold += len(gold)
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        label = "without NORP" if skip_norp else "all types   "
        out.append(
            f"5 NER exact_name 4-class {label} P {100 * p:6.2f} R {100 * r:6.2f} "
            f"F1 {100 * f:6.2f}  (tp {tp}, pred {n_pred}, gold {n_gold})"
        )
    return out


if __name__ == "__main__":
    sys.exit(main())
