"""A batch's documents: files, folders, globs and JSON records, found and streamed in order.

Every INPUT is checked before the first document is read (one that does not exist, or a
glob that matches nothing, is a usage error), but folders are walked and JSON Lines files
read lazily, one line at a time, so a corpus of any size streams in constant memory.

Each document becomes a :class:`Task` whose ``key`` is what the report gives as
``document.source``: the file's path, ``PATH:LINE`` for a JSON Lines record, or
``PATH#N`` for the N-th record of a JSON list. ``--resume`` recognises finished documents
by that key, so it is stable from one run over the same inputs to the next.
"""

from __future__ import annotations

import contextlib
import glob
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError

if TYPE_CHECKING:
    from .document import Document

__all__ = [
    "DOCUMENT_EXTENSIONS",
    "RECORD_EXTENSIONS",
    "Task",
    "discover",
    "input_bytes",
    "iter_tasks",
]

#: What a folder is searched for (files named on the command line are read whatever
#: their extension).
DOCUMENT_EXTENSIONS = (
    ".txt",
    ".text",
    ".md",
    ".markdown",
    ".html",
    ".htm",
    ".xhtml",
    ".json",
    ".jsonl",
    ".ndjson",
)
#: Files read as one record per line.
RECORD_EXTENSIONS = (".jsonl", ".ndjson")

_BOM = b"\xef\xbb\xbf"
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class Task:
    """One document to process.

    ``kind`` is ``file`` (read by the reader hooks from ``path``), ``record`` (one JSON
    record, its bytes in ``data``, read as ``input_format``), or ``document`` (a
    :class:`~pressline.Document` already made, as :meth:`Pipeline.run_many` takes).
    """

    key: str
    kind: str
    path: str = "-"
    line: int | None = None
    data: bytes | None = None
    input_format: str | None = None
    size: int = 0
    document: Document | None = None

    def default_id(self) -> str:
        """The id of a record that gives none: the file's stem and the record's place."""
        stem = Path(self.path).stem or Path(self.path).name
        return f"{stem}-{self.line}" if self.line is not None else stem

    def known_id(self) -> str:
        """The document's id as far as it can be told without reading it (for a failure
        that happened before or while it was read)."""
        if self.document is not None:
            return self.document.id
        if self.kind == "record" and self.data is not None:
            try:
                given = json.loads(self.data).get("id")
            except (ValueError, AttributeError):
                given = None
            if isinstance(given, str | int) and not isinstance(given, bool) and str(given):
                return str(given)
        return self.default_id()


@dataclass(frozen=True, slots=True)
class _Root:
    """One INPUT as given: a file, a folder to walk, or the files a glob matched."""

    arg: str
    kind: str  # "file" | "dir" | "glob"
    paths: tuple[str, ...] = ()


def discover(inputs: Sequence[str]) -> list[_Root]:
    """Check every INPUT; raise InputError (exit code 2) for one that names nothing."""
    if not inputs:
        raise InputError("No INPUT given.", code="PL501", fix="Name files, folders or globs.")
    roots: list[_Root] = []
    for arg in inputs:
        if arg == "-":
            raise InputError(
                "`pressline batch` cannot read standard input.",
                code="PL501",
                fix="Save it to a .jsonl file, or use `pressline run -`.",
            )
        if os.path.isdir(arg):
            roots.append(_Root(arg, "dir"))
        elif os.path.exists(arg):
            roots.append(_Root(arg, "file"))
        elif _GLOB_CHARS & set(arg):
            matches = tuple(sorted(glob.glob(arg, recursive=True)))
            if not matches:
                raise InputError(f"{arg} matches no file.", code="PL501", fix="Check the pattern.")
            roots.append(_Root(arg, "glob", matches))
        else:
            raise InputError(f"{arg} does not exist.", code="PL501", fix="Check the path.")
    return roots


def iter_tasks(roots: Sequence[_Root], *, exclude: Iterable[str] = ()) -> Iterator[Task]:
    """Every document of ``roots``, in order; ``exclude`` names paths never to read.

    A file named twice (by two globs, or by a folder and a glob) is read once.
    """
    excluded = {os.path.realpath(p) for p in exclude}
    seen: set[str] | None = set() if len(roots) > 1 else None
    for path in _files(roots, excluded):
        if seen is not None:
            real = os.path.realpath(path)
            if real in seen:
                continue
            seen.add(real)
        yield from _file_tasks(path)


def input_bytes(roots: Sequence[_Root], *, exclude: Iterable[str] = ()) -> int:
    """The size of every file a batch reads (for the progress bar's ETA)."""
    excluded = {os.path.realpath(p) for p in exclude}
    total = 0
    for path in _files(roots, excluded):
        with contextlib.suppress(OSError):
            total += os.path.getsize(path)
    return total


def _files(roots: Sequence[_Root], excluded: set[str]) -> Iterator[str]:
    for root in roots:
        if root.kind == "file":
            yield root.arg
        elif root.kind == "dir":
            yield from _walk(root.arg, excluded)
        else:
            for path in root.paths:
                if os.path.isdir(path):
                    yield from _walk(path, excluded)
                elif os.path.realpath(path) not in excluded:
                    yield path


def _walk(folder: str, excluded: set[str]) -> Iterator[str]:
    """The documents under ``folder``, sorted, hidden files and folders skipped."""
    for parent, dirs, files in os.walk(folder):
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".") and os.path.realpath(os.path.join(parent, d)) not in excluded
        )
        for name in sorted(files):
            if name.startswith(".") or not name.lower().endswith(DOCUMENT_EXTENSIONS):
                continue
            path = os.path.join(parent, name)
            if os.path.realpath(path) not in excluded:
                yield path


def _file_tasks(path: str) -> Iterator[Task]:
    lower = path.lower()
    if lower.endswith(RECORD_EXTENSIONS):
        yield from _jsonl_tasks(path)
    elif lower.endswith(".json"):
        yield from _json_tasks(path)
    else:
        yield Task(key=path, kind="file", path=path, size=_size(path))


def _jsonl_tasks(path: str) -> Iterator[Task]:
    """One task per non-blank line, read as it is needed."""
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below, after the last line
    except OSError:
        # the reader hooks report why, as a failed document
        yield Task(key=path, kind="file", path=path)
        return
    with handle:
        for number, raw in enumerate(handle, 1):
            if number == 1:
                raw = raw.removeprefix(_BOM)
            if not raw.strip():
                continue
            yield Task(
                key=f"{path}:{number}",
                kind="record",
                path=path,
                line=number,
                data=raw,
                input_format="jsonl",
                size=len(raw),
            )


def _json_tasks(path: str) -> Iterator[Task]:
    """A JSON file is one document, unless it holds a list of records."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096).removeprefix(_BOM).lstrip()
    except OSError:
        head = b""
    if not head.startswith(b"["):
        yield Task(key=path, kind="file", path=path, size=_size(path))
        return
    try:
        with open(path, "rb") as handle:
            items = json.loads(handle.read().removeprefix(_BOM))
    except (OSError, ValueError):
        # not valid JSON after all: the reader hooks say so, as a failed document
        yield Task(key=path, kind="file", path=path, size=_size(path))
        return
    for number, item in enumerate(items, 1):
        data = json.dumps(item, ensure_ascii=False).encode("utf-8")
        yield Task(
            key=f"{path}#{number}",
            kind="record",
            path=path,
            line=number,
            data=data,
            input_format="json",
            size=len(data),
        )


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0
