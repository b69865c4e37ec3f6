"""Worker processes for the local executor: started, watched, and stopped.

On POSIX a worker is a fresh ``python -c`` process that talks to this one over two pipes
handed down by file descriptor. Unlike ``multiprocessing``'s spawn, it never imports the
caller's ``__main__``, so ``Pipeline.run_many(workers=N)`` works from a script without an
``if __name__ == "__main__":`` guard, from standard input and from notebooks alike.
Elsewhere (Windows), ``multiprocessing``'s spawn starts the same worker code.

A worker tells which step its current document is in through a shared memory cell, so
that when it dies or hangs the document can be blamed on the right step without asking
the (dead or stuck) process anything.
"""

from __future__ import annotations

import contextlib
import mmap
import os
import queue
import signal
import struct
import subprocess
import sys
import tempfile
import threading
from multiprocessing.connection import Connection
from typing import Any

from .worker import DocumentWorker, WorkerSpec, describe_error

__all__ = ["WorkerProcess", "describe_exit"]


class _Cell:
    """One int in memory shared with a worker: the index of its current step."""

    def __init__(self, buffer: Any) -> None:
        self._buffer = buffer

    @property
    def value(self) -> int:
        return struct.unpack_from("i", self._buffer)[0]

    @value.setter
    def value(self, number: int) -> None:
        struct.pack_into("i", self._buffer, 0, number)


class WorkerProcess:
    """One worker: ``tasks`` to send it chunks, ``results`` to hear back, ``step``."""

    def __init__(self, spec: WorkerSpec) -> None:
        if os.name == "posix":
            self._start_posix(spec)
        else:
            self._start_spawn(spec)

    def _start_posix(self, spec: WorkerSpec) -> None:
        read_tasks, write_tasks = os.pipe()
        read_results, write_results = os.pipe()
        fd, path = tempfile.mkstemp(prefix="pressline-step-")
        os.unlink(path)
        os.ftruncate(fd, mmap.PAGESIZE)
        self._buffer = mmap.mmap(fd, mmap.PAGESIZE)
        self.step = _Cell(self._buffer)
        self.step.value = -1
        fds = (read_tasks, write_results, fd)
        # the child imports from where this process does (a plugin found on a path the
        # caller added must be found there too)
        code = (
            f"import sys; sys.path[:] = {sys.path!r}; "
            "from pressline.processes import child_main; child_main()"
        )
        try:
            self._popen: subprocess.Popen[bytes] | None = subprocess.Popen(
                [sys.executable, "-c", code, *map(str, fds), str(os.getpid())],
                pass_fds=fds,
                stdin=subprocess.DEVNULL,
            )
        finally:
            for own in fds:
                os.close(own)  # the child has its copies; ours would hide its end of file
        self._process: Any = None
        self.tasks = Connection(write_tasks, readable=False)
        self.results = Connection(read_results, writable=False)
        self.sentinel: Any = None  # a dead worker shows as the end of ``results``
        self.tasks.send(spec)

    def _start_spawn(self, spec: WorkerSpec) -> None:
        import multiprocessing

        ctx = multiprocessing.get_context("spawn")
        receive_tasks, self.tasks = ctx.Pipe(duplex=False)
        self.results, send_results = ctx.Pipe(duplex=False)
        self.step = ctx.RawValue("i", -1)  # type: ignore[assignment]
        self._popen = None
        self._process = ctx.Process(
            target=_serve,
            args=(spec, receive_tasks, send_results, self.step, os.getpid()),
            name="pressline-worker",
            daemon=True,
        )
        self._process.start()
        receive_tasks.close()
        send_results.close()
        self.sentinel = self._process.sentinel

    # -- lifetime -----------------------------------------------------------------------
    def kill(self) -> None:
        if self._popen is not None:
            with contextlib.suppress(OSError):
                self._popen.kill()
        elif self._process.is_alive():
            self._process.kill()

    def join(self, timeout: float | None = None) -> bool:
        """Wait for the process to end; False if it still runs after ``timeout``."""
        if self._popen is not None:
            try:
                self._popen.wait(timeout)
            except subprocess.TimeoutExpired:
                return False
            return True
        self._process.join(timeout)
        return not self._process.is_alive()

    @property
    def exitcode(self) -> int | None:
        if self._popen is not None:
            return self._popen.poll()
        return self._process.exitcode

    def close(self, *, wait: float = 0.0) -> None:
        """Tell the worker to finish (end of its task stream), wait, then make sure."""
        with contextlib.suppress(OSError):
            self.tasks.close()
        if not (wait and self.join(wait)):
            self.kill()
            self.join()
        with contextlib.suppress(OSError):
            self.results.close()


def describe_exit(code: int | None) -> str:
    """How a process ended, in words: "exit code 3", "killed by SIGSEGV"."""
    if code is None:
        return "still running"
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


# -- in the worker --------------------------------------------------------------------------
def child_main() -> None:
    """Entry point of a POSIX worker: ``python -c ... TASKS RESULTS STEP PARENT``."""
    read_tasks, write_results, step_fd, parent = map(int, sys.argv[1:5])
    tasks = Connection(read_tasks, writable=False)
    results = Connection(write_results, readable=False)
    buffer = mmap.mmap(step_fd, mmap.PAGESIZE)
    os.close(step_fd)
    try:
        spec = tasks.recv()
    except (EOFError, OSError):
        return
    _serve(spec, tasks, results, _Cell(buffer), parent)


def _serve(
    spec: WorkerSpec, tasks: Connection, results: Connection, step: Any, parent: int
) -> None:
    """A worker: build the pipeline, say so, then run the chunks it is sent."""
    _die_with_parent(parent)
    # Ctrl-C reaches the whole process group; the parent decides how the run ends
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def on_step(index: int) -> None:
        step.value = index

    try:
        worker = DocumentWorker(spec, on_step=on_step)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            results.send(("fatal", describe_error(exc)))
        return
    try:
        results.send(("ready", worker.step_ids))
        # a thread that always reads, so the parent never blocks sending a chunk while
        # this process is busy sending results
        inbox: queue.SimpleQueue[Any] = queue.SimpleQueue()
        threading.Thread(target=_receive_all, args=(tasks, inbox), daemon=True).start()
        while (chunk := inbox.get()) is not None:
            for seq, task in chunk:

                def on_read(doc_id: str, seq: int = seq) -> None:
                    results.send(("read", seq, doc_id))

                results.send(("done", worker.run(seq, task, on_read)))
    except (EOFError, OSError):
        pass  # the parent is gone


def _receive_all(tasks: Connection, inbox: queue.SimpleQueue[Any]) -> None:
    try:
        while True:
            inbox.put(tasks.recv())
    except (EOFError, OSError):
        inbox.put(None)


def _die_with_parent(parent: int) -> None:
    """Have the kernel end this process when the parent dies (Linux), so a parent killed
    with SIGKILL leaves no worker behind."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:
        os._exit(0)
