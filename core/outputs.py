"""Where a batch's reports go, written so that no run, however it ends, loses or tears one.

``-o OUT.jsonl`` appends one report per line. Each line goes out in a single ``write``
of the whole line, newline last, so a run killed at any moment leaves complete lines and
at most one torn last line, which ``--resume`` cuts away. ``-o DIR/`` writes one JSON file
per document through a temporary file and a rename, so a file is complete or absent.

Documents are recognised by ``document.source`` (the input's path, ``PATH:LINE`` for a
JSON Lines record): ``--resume`` reads the sources of the reports already written and
skips those documents. Failed documents are never in the output, so ``--resume`` tries
them again; ``errors.jsonl`` starts afresh with every run and ends up naming exactly the
documents that failed in the last attempt.

File names in ``DIR/`` come from document ids, made safe: only letters, digits, ``_``,
``-`` and ``.`` (never first), so no id can name a path outside ``DIR``. Ids that differ
only by case, or that become the same name, are told apart by a short hash of their
source, given in input order, so the same inputs always get the same names.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import unicodedata
from pathlib import Path
from typing import Any

from .errors import UsageError
from .files import write_atomic
from .worker import Failure, Outcome

__all__ = [
    "DirectoryOutput",
    "ErrorLog",
    "JsonlOutput",
    "file_stem",
    "open_output",
]

RECORD_SUFFIXES = (".jsonl", ".ndjson")

# A report begins with the version, the schema version and the document's id and source
# (report.py builds it in that order), so the source is read without parsing the text.
_SOURCE = re.compile(
    rb'\{\s*"pressline": "[^"\\]*",\s*"schema_version": \d+,\s*"document": \{\s*'
    rb'"id": "(?:[^"\\]|\\.)*",\s*"source": "((?:[^"\\]|\\.)*)"'
)
_UNSAFE = re.compile(r"[^\w.\-]+")
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"}
    | {f"com{n}" for n in range(1, 10)}
    | {f"lpt{n}" for n in range(1, 10)}
)
_MAX_STEM_BYTES = 120


def open_output(path: str | os.PathLike[str]) -> JsonlOutput | DirectoryOutput:
    """The output ``-o`` names: a ``.jsonl`` file, or a folder (``DIR/``, or one that exists)."""
    text = os.fspath(path)
    target = Path(text)
    if text.endswith(("/", os.sep)) or target.is_dir():
        return DirectoryOutput(target)
    if text.lower().endswith(RECORD_SUFFIXES):
        return JsonlOutput(target)
    raise UsageError(
        f"-o {text}: give a .jsonl file (one report per line) or a folder ending in /.",
        code="PL510",
        fix=f"e.g. -o {target.stem or 'reports'}.jsonl or -o {text}/",
    )


def _source_of(head: bytes, whole: bytes | None = None) -> str | None:
    """The ``document.source`` of a report, from its first bytes (or all of it)."""
    found = _SOURCE.match(head)
    if found is not None:
        with contextlib.suppress(ValueError):
            return json.loads(b'"' + found.group(1) + b'"')
    if whole is None:
        return None
    try:
        source = json.loads(whole)["document"]["source"]
    except (ValueError, KeyError, TypeError):
        return None
    return source if isinstance(source, str) else None


def _write_all(fd: int, data: bytes) -> None:
    """One ``write`` for the whole line; loop only if the system writes less."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


class JsonlOutput:
    """One report per line of a JSON Lines file; errors beside it in ``NAME.errors.jsonl``."""

    mode = "jsonl"

    def __init__(self, path: Path) -> None:
        self.path = path
        self.errors_path = path.with_name(f"{path.stem}.errors.jsonl")
        self._fd: int | None = None

    @property
    def exclude(self) -> list[Path]:
        """What a folder given as input must not be read for (this run's own files)."""
        return [self.path, self.errors_path]

    def start(self, *, resume: bool) -> set[str]:
        """Open for writing; with ``resume``, the sources already written (a torn last
        line is cut away first)."""
        done: set[str] = set()
        exists = self.path.exists()
        if exists and not resume and self.path.stat().st_size > 0:
            raise UsageError(
                f"{self.path} already holds reports.",
                code="PL510",
                fix="Add --resume to continue that run, or remove the file to start again.",
            )
        if exists and resume:
            done = self._scan()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0)
        if not resume:
            flags |= os.O_TRUNC
        self._fd = os.open(self.path, flags, 0o644)
        return done

    def _scan(self) -> set[str]:
        done: set[str] = set()
        good = 0
        with open(self.path, "rb") as handle:
            for number, line in enumerate(handle, 1):
                if not line.endswith(b"\n"):
                    break  # the last line, torn by a run that was killed writing it
                source = _source_of(line[:4096], line)
                if source is None:
                    raise UsageError(
                        f"Cannot resume: line {number} of {self.path} is not a pressline report.",
                        code="PL510",
                        fix="Give -o the output of an earlier `pressline batch`.",
                    )
                done.add(source)
                good += len(line)
        if good < self.path.stat().st_size:
            os.truncate(self.path, good)
        return done

    def write(self, outcome: Outcome) -> None:
        assert self._fd is not None
        _write_all(self._fd, outcome.payload)

    def close(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.fsync(self._fd)
            os.close(self._fd)
            self._fd = None


class DirectoryOutput:
    """One ``ID.json`` file per document in a folder; errors in ``errors.jsonl`` there."""

    mode = "json"

    def __init__(self, path: Path) -> None:
        self.path = path
        self.errors_path = path / "errors.jsonl"
        self._taken: set[str] = set()

    @property
    def exclude(self) -> list[Path]:
        return [self.path]

    def start(self, *, resume: bool) -> set[str]:
        """Create the folder; with ``resume``, the sources of the reports in it."""
        self.path.mkdir(parents=True, exist_ok=True)
        done: set[str] = set()
        reports = 0
        for entry in os.scandir(self.path):
            name = entry.name
            if name.startswith(".") and name.endswith(".tmp") and ".json." in name:
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)  # left by a run killed while writing it
                continue
            if not name.endswith(".json") or name.startswith(".") or not entry.is_file():
                continue
            # every existing name is taken, report or not: nothing here is overwritten
            self._taken.add(_fold(name[: -len(".json")]))
            source = self._source(entry.path)
            if source is not None:
                done.add(source)
                reports += 1
        if reports and not resume:
            raise UsageError(
                f"{self.path} already holds {reports} report{'s' if reports != 1 else ''}.",
                code="PL510",
                fix="Add --resume to continue that run, or give an empty folder.",
            )
        return done

    @staticmethod
    def _source(path: str) -> str | None:
        with open(path, "rb") as handle:
            head = handle.read(65536)
            source = _source_of(head)
            if source is not None:
                return source
            return _source_of(head, head + handle.read())

    def name_for(self, doc_id: str, source: str) -> str:
        """A file name for this document that no other document of the run has."""
        stem = file_stem(doc_id)
        if _fold(stem) in self._taken:
            stem = f"{stem}-{_digest(source)}"
        base, n = stem, 2
        while _fold(stem) in self._taken:
            stem = f"{base}-{n}"
            n += 1
        self._taken.add(_fold(stem))
        return f"{stem}.json"

    def write(self, outcome: Outcome) -> None:
        name = self.name_for(outcome.id, outcome.key)
        target = self.path / name
        if target.parent != self.path:  # cannot happen: file_stem keeps no separator
            raise ValueError(f"refusing to write outside {self.path}: {name!r}")
        write_atomic(target, outcome.payload)

    def close(self) -> None:
        pass


class ErrorLog:
    """``errors.jsonl``: one line per failed document, written as the output's lines are."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.count = 0
        self._fd: int | None = None

    def start(self) -> None:
        # every document that failed before is tried again, so its old record goes
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()

    def write(self, failure: Failure) -> None:
        if self._fd is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        line = json.dumps(failure.to_dict(), ensure_ascii=False) + "\n"
        _write_all(self._fd, line.encode("utf-8"))
        self.count += 1

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def file_stem(doc_id: str) -> str:
    """A safe file name (without ``.json``) for a document id.

    >>> file_stem("../../etc/passwd")
    '_.._etc_passwd'
    >>> file_stem("/abs/path"), file_stem(""), file_stem("CON")
    ('abs_path', 'document', '_CON')
    """
    text = unicodedata.normalize("NFC", str(doc_id))
    stem = _UNSAFE.sub("_", text).strip("_").lstrip(".-").rstrip(". ")
    if not stem.strip("_"):
        stem = "document"
    if stem.split(".", 1)[0].lower() in _RESERVED:
        stem = f"_{stem}"
    if len(stem.encode("utf-8")) > _MAX_STEM_BYTES:
        cut = stem.encode("utf-8")[: _MAX_STEM_BYTES - 9].decode("utf-8", "ignore")
        stem = f"{cut}-{_digest(text)}"
    return stem


def _fold(stem: str) -> str:
    """What two names have in common when a file system ignores case and normal forms."""
    return unicodedata.normalize("NFKC", stem).casefold()


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def describe(output: Any) -> str:
    return str(output.path) + ("/" if isinstance(output, DirectoryOutput) else "")
