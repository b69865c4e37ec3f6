"""The ``dask`` executor: chunks of documents as tasks on a Dask cluster.

Needs the extra: ``pip install 'pressline[dask]'``.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from .errors import UsageError
from .executors import (
    CHUNK_BYTES,
    CHUNK_DOCS,
    Window,
    WorkerError,
    default_workers,
    lost,
    window_for,
)
from .inputs import Task
from .worker import Outcome, WorkerSpec, cached_worker, describe_error

__all__ = ["DaskExecutor", "run_chunk"]


#: How long to try to reach a ``--scheduler`` before giving up.
CONNECT_TIMEOUT = "10s"


@dataclass
class _Running:
    """A chunk on the cluster: since when, and whether it runs alone (a suspect)."""

    chunk: list[tuple[int, Task]]
    started: float
    alone: bool = False


def run_chunk(spec: WorkerSpec, chunk: list[tuple[int, Task]]) -> tuple[str, Any]:
    """Run one chunk on a Dask worker, with that worker thread's own pipeline."""
    try:
        worker = cached_worker(spec)
    except BaseException as exc:
        return "fatal", describe_error(exc)
    return "done", [worker.run(seq, task) for seq, task in chunk]


class DaskExecutor:
    """Chunks of documents as tasks on a Dask cluster.

    With ``scheduler`` (``tcp://HOST:PORT``) it connects to that cluster; without, it
    starts a local one on 127.0.0.1 with ``workers`` single-threaded worker processes.
    Only a bounded number of chunks is submitted at a time, so the cluster never holds
    more of the corpus than that. Inputs are read here and sent with their chunk, so the
    workers need no access to the files (a config given as a path, and its plugin files,
    must exist at the same path on the workers; built-in config names work everywhere).
    """

    def __init__(
        self,
        spec: WorkerSpec,
        workers: int | None = None,
        *,
        scheduler: str | None = None,
        timeout: float | None = None,
    ) -> None:
        try:
            import distributed
        except ImportError:
            raise UsageError(
                "The dask executor needs Dask, which is not installed.",
                code="PL509",
                fix="Install it: pip install 'pressline[dask]'",
            ) from None
        self._distributed = distributed
        self.spec = spec
        self.workers = workers or default_workers()
        self.scheduler = scheduler
        self.timeout = timeout
        self.replaced = 0
        self._client: Any = None
        self._cluster: Any = None

    def _connect(self) -> Any:
        import logging

        import dask

        distributed = self._distributed
        if self.scheduler:
            try:
                return distributed.Client(self.scheduler, timeout=CONNECT_TIMEOUT)
            except (OSError, TimeoutError) as exc:
                raise UsageError(
                    f"Cannot reach the Dask scheduler at {self.scheduler}: {exc}.",
                    code="PL511",
                    fix="Check the address (tcp://HOST:PORT) and that the scheduler runs.",
                ) from None
        # a chunk whose worker dies is retried once by the scheduler, then handed back
        # here, where its documents run alone (see _submit): the culprit is found fast
        with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
            self._cluster = distributed.LocalCluster(
                n_workers=self.workers,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address="127.0.0.1:0",  # any free port: 8787 may be taken
                silence_logs=logging.CRITICAL,
            )
        return distributed.Client(self._cluster)

    def run(self, tasks: Iterator[Task]) -> Iterator[Outcome]:
        """Outcomes of ``tasks``, in their order."""
        distributed = self._distributed
        self._client = client = self._connect()
        try:
            threads = max(1, sum(client.nthreads().values()))
            # with a timeout, each document is a task of its own, and only as many are
            # submitted as there are threads, so a task starts when it is submitted and
            # its clock is right
            slots = threads if self.timeout else threads * 2
            docs = 1 if self.timeout else CHUNK_DOCS
            window = window_for(tasks, threads)
            running: dict[Any, _Running] = {}
            while True:
                self._submit(window, running, slots, docs)
                yield from window.ready()
                if window.done:
                    break
                if not running:
                    continue
                try:
                    finished = distributed.wait(
                        list(running),
                        timeout=self._wait_time(running),
                        return_when="FIRST_COMPLETED",
                    ).done
                except TimeoutError:
                    finished = set()
                for future in finished:
                    self._collect(future, running.pop(future), window)
                if self.timeout:
                    self._expire(running, window)
        finally:
            self.close()

    def _submit(self, window: Window, running: dict[Any, _Running], slots: int, docs: int) -> None:
        """Keep ``slots`` chunks on the cluster; a suspect document runs alone.

        When a worker dies, every task the scheduler had given it fails, not only the one
        that killed it. So the documents of a failed chunk become suspects and each runs
        while nothing else of this run does: if its worker dies then, it is the culprit.
        """
        while len(running) < slots:
            if any(job.alone for job in running.values()):
                return
            alone = window.solo_next()
            if alone and running:
                return  # let the cluster drain first
            chunk = window.take(1 if alone else docs, CHUNK_BYTES)
            if not chunk:
                return
            chunk = [(seq, _with_data(task)) for seq, task in chunk]
            future = self._client.submit(run_chunk, self.spec, chunk, pure=False)
            running[future] = _Running(chunk, time.monotonic(), alone)

    def _wait_time(self, running: dict[Any, _Running]) -> float:
        if not self.timeout:
            return 1.0
        now = time.monotonic()
        nearest = min(job.started for job in running.values())
        return max(0.01, min(1.0, nearest + self.timeout - now))

    def _collect(self, future: Any, job: _Running, window: Window) -> None:
        if future.status == "finished":
            kind, value = future.result()
            if kind == "fatal":
                raise WorkerError(value)
            for outcome in value:
                window.put(outcome)
            return
        error = future.exception() if future.status == "error" else None
        if error is not None and not isinstance(error, self._distributed.KilledWorker):
            # not a document's doing: the workers cannot run pressline's code at all
            raise WorkerError(
                {
                    "message": f"The Dask workers cannot run the batch: "
                    f"{type(error).__name__}: {error}.",
                    "code": "PL404",
                    "fix": "Install pressline (and the config's plugins) on the workers.",
                    "exit_code": 1,
                }
            )
        if not job.alone:
            window.retry(job.chunk, solo=True)
            return
        seq, task = job.chunk[0]
        window.put(
            lost(
                seq,
                task,
                None,
                None,
                "WorkerCrashed",
                "The Dask worker died while processing this document "
                f"({type(error).__name__ if error is not None else future.status}).",
            )
        )

    def _expire(self, running: dict[Any, _Running], window: Window) -> None:
        now = time.monotonic()
        assert self.timeout is not None
        for future, job in list(running.items()):
            if now - job.started <= self.timeout:
                continue
            del running[future]
            self._restart_worker_of(future)
            seq, task = job.chunk[0]
            window.put(
                lost(
                    seq,
                    task,
                    None,
                    None,
                    "Timeout",
                    f"Took longer than --timeout-per-doc {self.timeout:g} s; its Dask "
                    "worker was restarted.",
                )
            )

    def _restart_worker_of(self, future: Any) -> None:
        """Restart the worker running ``future``: a thread that hangs cannot be stopped."""
        key = future.key

        def where(dask_scheduler: Any, key: Any = key) -> str | None:
            state = dask_scheduler.tasks.get(key)
            worker = getattr(state, "processing_on", None)
            return worker.address if worker is not None else None

        address = None
        with contextlib.suppress(Exception):
            address = self._client.run_on_scheduler(where)
        future.cancel()
        if address:
            with contextlib.suppress(Exception):
                self._client.restart_workers([address], raise_for_error=False)
                self.replaced += 1

    def close(self) -> None:
        for resource in (self._client, self._cluster):
            if resource is not None:
                with contextlib.suppress(Exception):
                    resource.close()
        self._client = self._cluster = None


def _with_data(task: Task) -> Task:
    """The task with its file's bytes, for workers that may not see this file system."""
    if task.kind != "file" or task.data is not None:
        return task
    try:
        with open(task.path, "rb") as handle:
            return replace(task, data=handle.read())
    except OSError:
        return task  # the worker tries the path itself and reports why it cannot
