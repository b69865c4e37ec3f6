"""What a batch worker does: build the pipeline once, then turn tasks into outcomes.

A worker is told how to build its pipeline (:class:`WorkerSpec`: a config name or path
and its ``--set`` overrides, or the YAML of a resolved config), never sent a pipeline:
pipelines hold plugin modules and loaded models, which do not pickle, and building one
per worker means ``setup()`` runs once per process, not once per document.

Each task becomes an :class:`Outcome`: the rendered output of a document, or the record
of why it failed (id, source, step, error type, code, message). Nothing a document does
stops the worker; only a crash of the whole process does, and the executor handles that.
"""

from __future__ import annotations

import json
import os
import pickle
import tempfile
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InputError, PresslineError, ProcessingError
from .jsontext import dumps

if TYPE_CHECKING:
    from .document import Document
    from .engine import Pipeline
    from .inputs import Task

__all__ = ["DocumentWorker", "Failure", "Outcome", "WorkerSpec", "failure_from", "render_jsonl"]

# Characters that JSON leaves unescaped but that str.splitlines() and some JSON Lines
# readers take for line breaks; escaped, every report stays on exactly one line.
_LINE_BREAKS = (("\u2028", "\\u2028"), ("\u2029", "\\u2029"), ("\x85", "\\u0085"))


@dataclass(frozen=True)
class WorkerSpec:
    """How a worker builds its pipeline and renders reports.

    ``config`` is a built-in name or an absolute YAML path, with ``sets``; or ``recipe``
    is the YAML text of a resolved config (what :meth:`Pipeline.run_many` sends, since a
    pipeline in memory may not come from a file). ``mode`` is how reports come back:
    ``jsonl`` one line (bytes), ``json`` the text ``pressline run -f json`` writes, or
    ``report`` the pieces to rebuild a :class:`~pressline.Report` in the caller.
    """

    config: str | None = "news"
    sets: tuple[str, ...] = ()
    recipe: str | None = None
    mode: str = "jsonl"
    debug: bool = False

    def build(self) -> Pipeline:
        from .engine import Pipeline

        if self.recipe is None:
            return Pipeline.load(self.config or "news", sets=self.sets)
        fd, path = tempfile.mkstemp(prefix="pressline-recipe-", suffix=".yaml")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(self.recipe)
            return Pipeline.load(path, sets=self.sets)
        finally:
            os.unlink(path)

    @classmethod
    def for_config(cls, config: str, sets: tuple[str, ...] = (), **kw: Any) -> WorkerSpec:
        """A spec whose config path still resolves in a process with another working dir."""
        ref = str(config)
        if ref.endswith((".yaml", ".yml")) or "/" in ref or os.sep in ref:
            ref = str(Path(ref).expanduser().resolve())
        return cls(config=ref, sets=tuple(sets), **kw)

    @classmethod
    def for_pipeline(cls, pipeline: Pipeline, **kw: Any) -> WorkerSpec:
        """A spec that rebuilds ``pipeline``: its resolved steps and its config's plugins."""
        import yaml

        data = pipeline.resolved()
        plugins = [
            info.module
            for info in pipeline.host.plugins.values()
            if info.source == "config" and not info.error
        ]
        recipe: dict[str, Any] = {}
        for key, value in data.items():
            if key == "steps" and plugins:
                recipe["plugins"] = plugins
            recipe[key] = value
        return cls(config=None, recipe=yaml.safe_dump(recipe, sort_keys=False), **kw)


@dataclass(frozen=True, slots=True)
class Failure:
    """Why one document has no report: a line of ``errors.jsonl``."""

    id: str
    source: str
    step: str | None
    error: str
    code: str | None
    message: str
    traceback: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out = {
            "id": self.id,
            "source": self.source,
            "step": self.step,
            "error": self.error,
            "code": self.code,
            "message": self.message,
        }
        if self.traceback:
            out["traceback"] = self.traceback
        return out

    def to_exception(self) -> ProcessingError:
        """The error ``Pipeline.run_many`` raises for this document."""
        return ProcessingError(
            self.message, step=self.step, document=self.id, code=self.code or "PL402"
        )


@dataclass(slots=True)
class Outcome:
    """What became of one task: a rendered report (``payload``) or a :class:`Failure`."""

    seq: int
    key: str
    id: str
    payload: Any = None
    failure: Failure | None = None
    words: int = 0
    chars: int = 0
    size: int = 0

    @property
    def ok(self) -> bool:
        return self.failure is None


def failure_from(
    exc: BaseException, *, doc_id: str, source: str, step: str | None = None, debug: bool = False
) -> Failure:
    """The failure record of ``exc``, raised while ``doc_id`` was read or run.

    The step is the one the engine names (``step`` otherwise); the error type is that of
    the exception a step raised, not the engine's wrapper around it.
    """
    if isinstance(exc, ProcessingError) and exc.step:
        step = exc.step
    cause = exc.__cause__ if isinstance(exc, ProcessingError) else None
    if isinstance(exc, PresslineError):
        message, code = exc.message, exc.code
    else:
        message, code = f"{type(exc).__name__}: {exc}", "PL402"
    return Failure(
        id=doc_id,
        source=source,
        step=step,
        error=type(cause if cause is not None else exc).__name__,
        code=code,
        message=message,
        traceback=traceback.format_exc() if debug else None,
    )


def render_jsonl(report_dict: dict[str, Any]) -> bytes:
    """One report as one line of JSON Lines, newline included."""
    line = dumps(report_dict)
    for raw, escaped in _LINE_BREAKS:
        if raw in line:  # rare; str.translate would cost more than the pipeline's steps
            line = line.replace(raw, escaped)
    return (line + "\n").encode("utf-8")


class DocumentWorker:
    """A pipeline built from a spec, and the code that runs one task through it.

    ``on_step(index)`` is told which enabled step a document is in (``-1`` while it is
    read or rendered), so that a process that dies or hangs can still be blamed on the
    right step by whoever watches it.
    """

    def __init__(self, spec: WorkerSpec, on_step: Callable[[int], None] | None = None) -> None:
        self.spec = spec
        self.pipeline = spec.build()
        self.pipeline.setup()
        self.step_ids = [s.id for s in self.pipeline.enabled_steps]
        self._on_step = on_step
        if on_step is not None:
            for index, step in enumerate(self.pipeline.enabled_steps):
                _track(step.processor, index, on_step)

    def run(self, seq: int, task: Task, on_read: Callable[[str], None] | None = None) -> Outcome:
        """Read, process and render one task; any failure becomes the outcome's record."""
        doc: Document | None = None
        step: str | None = "read"
        try:
            doc = self._read(task)
            if on_read is not None:
                on_read(doc.id)
            step = None
            report = self.pipeline.run_document(doc)
            payload = self._render(report)
        except Exception as exc:
            failure = failure_from(
                exc,
                doc_id=doc.id if doc is not None else task.known_id(),
                source=task.key,
                step=step,
                debug=self.spec.debug,
            )
            return Outcome(seq, task.key, failure.id, failure=failure, size=task.size)
        finally:
            if self._on_step is not None:
                self._on_step(-1)
        text = doc.source
        return Outcome(
            seq,
            task.key,
            doc.id,
            payload=payload,
            words=len(text.split()),
            chars=len(text),
            size=task.size,
        )

    # -- reading ---------------------------------------------------------------------
    def _read(self, task: Task) -> Document:
        if task.kind == "document":
            assert task.document is not None
            return task.document
        if task.kind == "file":
            if task.data is None:
                doc = self.pipeline.read(task.path)
            else:
                doc = self.pipeline.read_bytes(task.path, task.data)
            doc.source_name = task.key
            return doc
        return self._record(task)

    def _record(self, task: Task) -> Document:
        """A JSON record, checked here so that the error names its line."""
        assert task.data is not None
        where = f"{task.path}, line {task.line}" if task.input_format == "jsonl" else task.key
        try:
            record = json.loads(task.data)
        except ValueError as exc:
            detail = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
            raise InputError(
                f"{where} is not valid JSON: {detail}.",
                code="PL508",
                fix='Give one JSON object per line, e.g. {"id": "a1", "text": "..."}.',
            ) from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            what = 'has no "text" string' if isinstance(record, dict) else "is not an object"
            raise InputError(
                f"The record at {where} {what}.",
                code="PL508",
                fix='Give objects such as {"id": "a1", "text": "..."}.',
            )
        doc = self.pipeline.read_bytes(task.path, task.data, input_format=task.input_format)
        doc.source_name = task.key
        given = record.get("id")
        if not (isinstance(given, str | int) and not isinstance(given, bool) and str(given)):
            doc.id = task.default_id()
        return doc

    # -- rendering -------------------------------------------------------------------
    def _render(self, report: Any) -> Any:
        mode = self.spec.mode
        if mode == "jsonl":
            return render_jsonl(report.to_dict())
        if mode == "json":
            return report.render("json")
        doc = report.document
        try:
            return pickle.dumps((doc, report.steps, report.sections), pickle.HIGHEST_PROTOCOL)
        except Exception:
            # doc.data may hold objects that do not pickle (a parser's own document
            # type); the report does not need them, so they stay behind
            data, doc.data = doc.data, {}
            try:
                return pickle.dumps((doc, report.steps, report.sections), pickle.HIGHEST_PROTOCOL)
            finally:
                doc.data = data


def _track(processor: Any, index: int, on_step: Callable[[int], None]) -> None:
    """Make ``processor.process`` report ``index`` before it runs (this process only)."""
    process = processor.process

    def tracked(doc: Any) -> None:
        on_step(index)
        process(doc)

    processor.process = tracked


# -- for executors whose workers are long-lived processes they do not start (Dask) --------
_local = threading.local()


def cached_worker(spec: WorkerSpec) -> DocumentWorker:
    """This thread's worker for ``spec``, built on first use (processors are not shared
    between threads: they need not be thread-safe)."""
    workers: dict[WorkerSpec, DocumentWorker] | None = getattr(_local, "workers", None)
    if workers is None:
        workers = _local.workers = {}
    worker = workers.get(spec)
    if worker is None:
        worker = workers[spec] = DocumentWorker(spec)
    return worker


def describe_error(exc: BaseException) -> dict[str, Any]:
    """A picklable description of an error that stops a whole run (setup failed)."""
    return {
        "type": type(exc).__name__,
        "message": exc.message if isinstance(exc, PresslineError) else f"{exc}",
        "code": exc.code if isinstance(exc, PresslineError) else "PL404",
        "fix": exc.fix if isinstance(exc, PresslineError) else None,
        "exit_code": exc.exit_code if isinstance(exc, PresslineError) else 1,
        "rendered": exc.render() if isinstance(exc, PresslineError) else f"{exc}",
        "traceback": traceback.format_exc(),
    }
