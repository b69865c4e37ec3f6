"""Where a batch runs: worker processes on this machine (here), or a Dask cluster (in
:mod:`pressline.cluster`).

Both executors take tasks from an iterator and hand back outcomes **in input order**,
whatever order the workers finish in. A :class:`Window` between them bounds how many
documents are in flight or waiting for their turn (by count and by bytes), so memory stays
flat however long the input is, and a slow document delays the output without letting
the others pile up behind it.

``local`` starts ``workers`` fresh processes (:mod:`pressline.processes`: no plugin
state or lock is inherited from this one); each builds the pipeline once from a
:class:`~pressline.worker.WorkerSpec` and takes documents in chunks. A process that dies
(a plugin calls ``os._exit``, a C extension segfaults) or stays on one document longer
than ``timeout`` is replaced: that document is recorded as failed, with the step it was
in, and the rest of its chunk goes to the other workers.
"""

from __future__ import annotations

import heapq
import os
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from typing import TYPE_CHECKING, Any

from .errors import PresslineError, UsageError
from .inputs import Task
from .processes import WorkerProcess, describe_exit
from .worker import Failure, Outcome, WorkerSpec

if TYPE_CHECKING:
    from .cluster import DaskExecutor

__all__ = [
    "LocalExecutor",
    "Window",
    "WorkerError",
    "default_workers",
    "make_executor",
]

#: Documents and bytes of input per chunk sent to a worker.
CHUNK_DOCS = 32
CHUNK_BYTES = 256 * 1024
# A worker process that dies this many times in a row before it is ready to work means
# the pipeline cannot start there; the run stops instead of restarting it forever.
MAX_START_FAILURES = 3


class WorkerError(PresslineError):
    """A worker could not start: its pipeline's setup failed, or the process died."""

    exit_code = 1

    def __init__(self, info: dict[str, Any]) -> None:
        self.info = info
        super().__init__(info["message"], code=info.get("code") or "PL404", fix=info.get("fix"))
        self.exit_code = info.get("exit_code", 1)


def default_workers() -> int:
    """The number of CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def make_executor(
    name: str,
    spec: WorkerSpec,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    timeout: float | None = None,
) -> LocalExecutor | DaskExecutor:
    """The executor called ``name`` (``local`` or ``dask``)."""
    if name == "local":
        if scheduler:
            raise UsageError(
                "--scheduler is for the dask executor.",
                code="PL510",
                fix="Add --executor dask, or leave out --scheduler.",
            )
        return LocalExecutor(spec, workers or default_workers(), timeout=timeout)
    if name == "dask":
        from .cluster import DaskExecutor

        return DaskExecutor(spec, workers, scheduler=scheduler, timeout=timeout)
    raise UsageError(f"Unknown executor {name!r}.", code="PL510", fix="Use local or dask.")


# -- ordering and bounds --------------------------------------------------------------------
class Window:
    """Numbers tasks as they are taken, and releases their outcomes in that order.

    New tasks are taken only while fewer than ``max_docs`` documents (``max_bytes`` of
    input) are between being taken and being released. Tasks given back with
    :meth:`retry` (their worker died) go out again first, whatever the bounds.
    """

    def __init__(self, tasks: Iterator[Task], *, max_docs: int, max_bytes: int) -> None:
        self._tasks = tasks
        self._exhausted = False
        self._next = 0
        self._emit = 0
        self._bytes = 0
        self._held: dict[int, Outcome] = {}
        self._retry: list[tuple[int, Task]] = []
        self._solo: set[int] = set()
        self.max_docs = max_docs
        self.max_bytes = max_bytes

    def take(self, docs: int, nbytes: int) -> list[tuple[int, Task]]:
        """The next chunk: at most ``docs`` tasks and about ``nbytes`` of input."""
        chunk: list[tuple[int, Task]] = []
        size = 0
        while self._retry and len(chunk) < docs:
            seq = self._retry[0][0]
            if seq in self._solo and chunk:
                break
            chunk.append(heapq.heappop(self._retry))
            if seq in self._solo:
                return chunk
        while (
            len(chunk) < docs
            and size < nbytes
            and not self._exhausted
            and self._next - self._emit < self.max_docs
            and self._bytes < self.max_bytes
        ):
            task = next(self._tasks, None)
            if task is None:
                self._exhausted = True
                break
            chunk.append((self._next, task))
            self._next += 1
            self._bytes += task.size
            size += max(task.size, 1)
        return chunk

    def solo_next(self) -> bool:
        """Whether the next task to go out is one that must go alone."""
        return bool(self._retry) and self._retry[0][0] in self._solo

    def retry(self, items: list[tuple[int, Task]], *, solo: bool = False) -> None:
        """Send these again (``solo``: each in a chunk of its own)."""
        for item in items:
            heapq.heappush(self._retry, item)
            if solo:
                self._solo.add(item[0])

    def put(self, outcome: Outcome) -> None:
        self._held[outcome.seq] = outcome

    def ready(self) -> Iterator[Outcome]:
        """Every outcome whose turn has come, in input order."""
        while self._emit in self._held:
            outcome = self._held.pop(self._emit)
            self._solo.discard(self._emit)
            self._emit += 1
            self._bytes -= outcome.size
            yield outcome

    @property
    def done(self) -> bool:
        return self._exhausted and not self._retry and self._emit == self._next


def window_for(tasks: Iterator[Task], slots: int) -> Window:
    return Window(
        tasks,
        max_docs=max(256, slots * CHUNK_DOCS * 8),
        max_bytes=max(64 * 1024 * 1024, slots * CHUNK_BYTES * 4),
    )


def lost(
    seq: int, task: Task, doc_id: str | None, step: str | None, error: str, message: str
) -> Outcome:
    code = "PL407" if error == "Timeout" else "PL406"
    failure = Failure(
        id=doc_id or task.known_id(),
        source=task.key,
        step=step,
        error=error,
        code=code,
        message=message,
    )
    return Outcome(seq, task.key, failure.id, failure=failure, size=task.size)


# -- local processes ------------------------------------------------------------------------
@dataclass(eq=False)
class _Slot:
    """A worker process and what this side knows of its work."""

    process: WorkerProcess
    assigned: deque[tuple[int, Task]] = field(default_factory=deque)
    chunks: deque[int] = field(default_factory=deque)
    ready: bool = False
    since: float = 0.0  # when its current document started
    current: tuple[int, str] | None = None  # (seq, document id) once it is read


class LocalExecutor:
    """``workers`` processes on this machine, each with its own pipeline."""

    def __init__(self, spec: WorkerSpec, workers: int, *, timeout: float | None = None) -> None:
        self.spec = spec
        self.workers = max(1, workers)
        self.timeout = timeout
        self._slots: list[_Slot] = []
        self._step_ids: list[str] = []
        self._start_failures = 0
        self.replaced = 0

    def run(self, tasks: Iterator[Task]) -> Iterator[Outcome]:
        """Outcomes of ``tasks``, in their order."""
        window = window_for(tasks, self.workers)
        graceful = False
        try:
            self._slots = [_Slot(WorkerProcess(self.spec)) for _ in range(self.workers)]
            while True:
                self._feed(window)
                yield from window.ready()
                if window.done:
                    break
                self._wait(window)
            graceful = True
        finally:
            for slot in self._slots:
                slot.process.close(wait=5.0 if graceful else 0.0)
            self._slots = []

    def _replace(self, slot: _Slot) -> None:
        slot.process.close()
        self._slots[self._slots.index(slot)] = _Slot(WorkerProcess(self.spec))
        self.replaced += 1

    # -- scheduling --------------------------------------------------------------------
    def _feed(self, window: Window) -> None:
        for slot in self._slots:
            while slot.ready and len(slot.chunks) < 2:
                chunk = window.take(CHUNK_DOCS, CHUNK_BYTES)
                if not chunk:
                    return
                if not slot.assigned:
                    slot.since = time.monotonic()
                slot.assigned.extend(chunk)
                slot.chunks.append(len(chunk))
                try:
                    slot.process.tasks.send(chunk)
                except OSError:
                    break  # it died: _wait finds out and hands the chunk on

    def _wait(self, window: Window) -> None:
        timeout = 1.0
        if self.timeout is not None:
            now = time.monotonic()
            for slot in self._slots:
                if slot.assigned:
                    timeout = min(timeout, max(0.0, slot.since + self.timeout - now))
        watched: dict[Any, _Slot] = {}
        for slot in self._slots:
            watched[slot.process.results] = slot
            if slot.process.sentinel is not None:
                watched[slot.process.sentinel] = slot
        dead: list[_Slot] = []
        for item in wait(list(watched), timeout):
            slot = watched[item]
            if item is slot.process.results:
                if not self._receive(slot, window):
                    dead.append(slot)
            elif slot not in dead:
                dead.append(slot)
        for slot in dead:
            if slot in self._slots:
                self._died(slot, window)
        if self.timeout is not None:
            now = time.monotonic()
            for slot in list(self._slots):
                if slot.assigned and now - slot.since > self.timeout:
                    self._timed_out(slot, window)

    def _receive(self, slot: _Slot, window: Window) -> bool:
        """Take every message waiting from ``slot``; False once its process is gone."""
        results = slot.process.results
        while True:
            try:
                if not results.poll():
                    return True
                message = results.recv()
            except (EOFError, OSError):
                return False
            kind = message[0]
            if kind == "done":
                outcome: Outcome = message[1]
                slot.assigned.popleft()
                slot.chunks[0] -= 1
                if not slot.chunks[0]:
                    slot.chunks.popleft()
                slot.current = None
                slot.since = time.monotonic()
                window.put(outcome)
            elif kind == "read":
                slot.current = (message[1], message[2])
            elif kind == "ready":
                slot.ready = True
                self._step_ids = message[1]
                self._start_failures = 0
            elif kind == "fatal":
                raise WorkerError(message[1])

    def _blame(self, slot: _Slot) -> tuple[int, Task, str | None, str | None]:
        """The document a worker was on when it was lost, and the step it was in."""
        seq, task = slot.assigned.popleft()
        doc_id = slot.current[1] if slot.current and slot.current[0] == seq else None
        index = slot.process.step.value
        if doc_id is None:
            step: str | None = "read"
        elif 0 <= index < len(self._step_ids):
            step = self._step_ids[index]
        else:
            step = None
        return seq, task, doc_id, step

    def _died(self, slot: _Slot, window: Window) -> None:
        self._receive(slot, window)  # whatever it finished before it died
        slot.process.join()
        how = describe_exit(slot.process.exitcode)
        if not slot.ready:
            self._start_failures += 1
            if self._start_failures >= MAX_START_FAILURES:
                raise WorkerError(
                    {
                        "message": f"Worker processes exit while starting ({how}).",
                        "code": "PL404",
                        "fix": "Run with --workers 1 --debug, or check the config's plugins.",
                        "exit_code": 1,
                    }
                )
        self._hand_on(
            slot,
            window,
            "WorkerCrashed",
            f"The worker process died ({how}) while processing this document; it was replaced.",
        )

    def _timed_out(self, slot: _Slot, window: Window) -> None:
        slot.process.kill()
        slot.process.join()
        self._receive(slot, window)
        self._hand_on(
            slot,
            window,
            "Timeout",
            f"Took longer than --timeout-per-doc {self.timeout:g} s; its worker process was "
            "stopped and replaced.",
        )

    def _hand_on(self, slot: _Slot, window: Window, error: str, message: str) -> None:
        """Record the lost worker's document, give its other documents to the rest."""
        if slot.assigned:
            seq, task, doc_id, step = self._blame(slot)
            window.put(lost(seq, task, doc_id, step, error, message))
            window.retry(list(slot.assigned))
        self._replace(slot)
