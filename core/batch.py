"""``pressline batch``: many documents through one pipeline, on every core or a cluster.

The run, in one breath: the config is checked here (a bad one stops the run before any
document is read); inputs are found and streamed (:mod:`pressline.inputs`); with
``resume``, documents whose report is already in the output are skipped; the rest go to
an executor (:mod:`pressline.executors`), which hands back each document's rendered
report or failure in input order; reports are written as they come
(:mod:`pressline.outputs`), failures to ``errors.jsonl``, and progress is shown
(:mod:`pressline.progress`).

>>> summary = run_batch(["corpus/"], "reports.jsonl", workers=2)   # doctest: +SKIP
>>> summary.written, summary.failed                                 # doctest: +SKIP
(1200, 3)
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, TYPE_CHECKING, Any

from .executors import make_executor
from .inputs import Task, discover, input_bytes, iter_tasks
from .outputs import ErrorLog, describe, open_output
from .progress import Progress, Summary, choose_mode
from .worker import Failure, WorkerSpec

if TYPE_CHECKING:
    from .document import Document
    from .engine import Pipeline
    from .report import Report

__all__ = ["Summary", "run_batch", "run_reports"]


def run_batch(
    inputs: Sequence[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    *,
    config: str | os.PathLike[str] = "news",
    sets: Sequence[str] = (),
    workers: int | None = None,
    executor: str = "local",
    scheduler: str | None = None,
    resume: bool = False,
    fail_fast: bool = False,
    timeout_per_doc: float | None = None,
    progress: str = "none",
    stream: IO[str] | None = None,
    debug: bool = False,
    pipeline: Pipeline | None = None,
) -> Summary:
    """Process ``inputs`` (files, folders, globs, ``.jsonl``) into ``output``.

    ``output`` is a ``.jsonl`` file (one report per line) or a folder (one JSON file per
    document). ``workers`` defaults to the number of CPUs; ``executor`` is ``local``
    (processes here) or ``dask`` (``scheduler``: a cluster's address, or none to start a
    local one). Failed documents go to the ``errors.jsonl`` beside the output and the
    rest carry on, unless ``fail_fast``. ``progress`` (``auto``, ``bar``, ``json``,
    ``none``) and the final summary go to ``stream``, if given. ``pipeline`` is the
    config already loaded, when the caller has it.

    Raises ConfigError, UsageError or InputError (exit code 2) before any document is
    read when the config, the options or an INPUT is wrong.
    """
    from .engine import Pipeline

    config = os.fspath(config)
    sets = tuple(sets)
    if pipeline is None:
        pipeline = Pipeline.load(config, sets=sets)  # a bad config stops us here
    roots = discover([os.fspath(p) for p in inputs])
    out = open_output(output)
    spec = WorkerSpec.for_config(config, sets, mode=out.mode, debug=debug)
    runner = make_executor(
        executor, spec, workers=workers, scheduler=scheduler, timeout=timeout_per_doc
    )
    done = out.start(resume=resume)
    errors = ErrorLog(out.errors_path)
    errors.start()
    exclude = [str(p) for p in out.exclude]
    mode = choose_mode(progress, stream) if stream is not None else "none"
    meter = Progress(
        mode,
        stream,  # type: ignore[arg-type]
        total_bytes=lambda: input_bytes(roots, exclude=exclude),
    )
    summary = Summary(output=describe(out), errors=str(errors.path))
    started = time.monotonic()
    try:
        outcomes = runner.run(_unfinished(iter_tasks(roots, exclude=exclude), done, meter))
        try:
            for outcome in outcomes:
                if outcome.ok:
                    out.write(outcome)
                    summary.written += 1
                else:
                    assert outcome.failure is not None
                    errors.write(outcome.failure)
                    summary.failed += 1
                meter.update(outcome.ok, outcome.words, outcome.chars, outcome.size)
                if fail_fast and not outcome.ok:
                    summary.stopped = "--fail-fast"
                    break
        finally:
            outcomes.close()  # stops the workers at once when the loop ended early
    except KeyboardInterrupt:
        # what is written is complete: say how to go on from there
        summary.stopped = "interrupted; run again with --resume to continue"
        _finish(summary, meter, runner, started, stream)
        raise
    finally:
        out.close()
        errors.close()
    _finish(summary, meter, runner, started, stream)
    return summary


def _finish(
    summary: Summary, meter: Progress, runner: Any, started: float, stream: IO[str] | None
) -> None:
    summary.documents = summary.written + summary.failed
    summary.skipped = meter.skipped
    summary.words, summary.chars = meter.words, meter.chars
    summary.seconds = time.monotonic() - started
    summary.replaced_workers = runner.replaced
    if not summary.failed:
        summary.errors = None
    if stream is not None:
        meter.finish(summary)


def _unfinished(tasks: Iterator[Task], done: set[str], meter: Progress) -> Iterator[Task]:
    """The tasks whose report is not in the output yet."""
    if not done:
        yield from tasks
        return
    for task in tasks:
        if task.key in done:
            meter.skip(task.size)
        else:
            yield task


# -- Pipeline.run_many on workers -------------------------------------------------------------
def run_reports(
    pipeline: Pipeline,
    docs: Iterable[Document | str],
    *,
    workers: int | None = None,
    executor: str = "local",
    scheduler: str | None = None,
    timeout_per_doc: float | None = None,
    on_error: Any = None,
) -> Iterator[Report]:
    """What :meth:`Pipeline.run_many` does with workers: reports in input order.

    The workers rebuild ``pipeline`` from its resolved config; each report comes back with
    its document (text, layers, warnings; ``doc.data`` only if it pickles).
    """
    import pickle

    from .report import Report

    spec = WorkerSpec.for_pipeline(pipeline, mode="report")
    runner = make_executor(
        executor, spec, workers=workers, scheduler=scheduler, timeout=timeout_per_doc
    )
    outcomes = runner.run(_document_tasks(docs))
    try:
        for outcome in outcomes:
            if outcome.failure is not None:
                handle_failure(outcome.failure, on_error)
                continue
            doc, steps, sections = pickle.loads(outcome.payload)
            yield Report(
                doc, pipeline=pipeline.name, steps=steps, sections=sections, host=pipeline.host
            )
    finally:
        outcomes.close()


def _document_tasks(docs: Iterable[Document | str]) -> Iterator[Task]:
    from .document import Document

    for n, item in enumerate(docs):
        if isinstance(item, str):
            item = Document(item, id=f"document-{n + 1}")
        yield Task(
            key=item.source_name,
            kind="document",
            path=item.source_name,
            size=len(item.source),
            document=item,
        )


def handle_failure(failure: Failure, on_error: Any) -> None:
    """Give ``on_error`` the failure, or raise it when there is no ``on_error``."""
    if on_error is None:
        raise failure.to_exception()
    on_error(failure)
