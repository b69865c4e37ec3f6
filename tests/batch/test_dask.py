"""The dask executor, on a local cluster bound to 127.0.0.1: the same output as local
processes, whether it connects to a running cluster or starts its own."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from pressline import Document, Pipeline

from .conftest import FAULTY, article, errors, feed, reports, without_timings

distributed = pytest.importorskip(
    "distributed", reason="Dask is not installed (pip install 'pressline[dask]')"
)


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a running two-worker cluster on this machine."""
    import dask

    # a task whose worker dies fails at once (the executor then finds the document)
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        cluster = distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",  # any free port: 8787 may be taken
            silence_logs=logging.CRITICAL,
        )
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


def test_the_same_output_as_local_processes(cli, scheduler: str, tmp_path: Path) -> None:
    assert scheduler.startswith("tcp://127.0.0.1:")
    source = feed(tmp_path / "feed.jsonl", 70, marks={12: "EXPLODE"})
    runs = {
        "local": ["--workers", "2"],
        "dask-running": ["--executor", "dask", "--scheduler", scheduler],
        "dask-own": ["--executor", "dask", "--workers", "2"],
    }
    results = {}
    for name, options in runs.items():
        out = tmp_path / f"{name}.jsonl"
        result = cli("batch", source, "-o", out, "-c", FAULTY, *options)
        assert result.exit_code == 1, result.output
        results[name] = (reports(out), errors(tmp_path / f"{name}.errors.jsonl"))
    assert results["dask-running"] == results["local"]
    assert results["dask-own"] == results["local"]
    assert len(results["local"][0]) == 69 and results["local"][1][0]["id"] == "art-012"


def test_run_many_on_dask(scheduler: str, example_text: str) -> None:
    pipeline = Pipeline.load(FAULTY)
    texts = [example_text, article(1), "Crash\n\nCRASHNOW", article(2), "Oops\n\nEXPLODE"]
    failures: list = []
    there = pipeline.run_many(texts, executor="dask", scheduler=scheduler, on_error=failures.append)
    got = [without_timings(r.to_dict(layers="all")) for r in there]
    # the same documents run here, with the ids they had in the list
    kept = [Document(texts[n], id=f"document-{n + 1}") for n in (0, 1, 3)]
    here = [without_timings(r.to_dict(layers="all")) for r in pipeline.run_many(kept)]
    assert got == here
    assert [(f.id, f.error) for f in failures] == [
        ("document-3", "WorkerCrashed"),
        ("document-5", "RuntimeError"),
    ]


def test_an_unreachable_scheduler(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("pressline.cluster.CONNECT_TIMEOUT", "1s")
    source = feed(tmp_path / "feed.jsonl", 1)
    result = cli("batch", source, "-o", tmp_path / "o.jsonl", "--scheduler", "tcp://127.0.0.1:9")
    assert result.exit_code == 2
    assert "[PL511]" in result.output and "tcp://127.0.0.1:9" in result.output
