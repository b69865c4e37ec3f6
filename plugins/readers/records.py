"""JSON and JSON Lines records: ``{"id": ..., "text": ..., "date": "YYYY-MM-DD", ...}``.

A ``.json`` input holds one record (an object, or a list of objects); a ``.jsonl`` input
one record per line (blank lines are skipped). ``text`` is required; ``id`` becomes the
document id (else the file's name, with the record's line number when there are several),
``date`` the reference date (``reference_date_from = "json record"``), and ``title``,
``url``, ``source`` and ``author`` go to ``doc.meta``, other fields to
``doc.meta["fields"]``. The text's line endings are normalized as a text file's are.

``pressline run`` reads one document, so an input with several records is an error that
points to ``pressline batch``; :func:`iter_documents` gives every record's document.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from pressline.document import Document
from pressline.errors import InputError, UsageError

from .frontmatter import apply_fields
from .text import MALFORMED, decode, display_name, document_id, normalize_newlines

__all__ = ["document_from_record", "iter_documents", "read_records"]


def _records(data: bytes, name: str, *, lines: bool) -> list[tuple[int, Any]]:
    """``(line number, record)`` for each record of the input."""
    text, _warnings = decode(data, name)
    if not lines:
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            raise _bad_json(name, exc.lineno, exc.colno, exc.msg) from None
        items = value if isinstance(value, list) else [value]
        return [(1, item) for item in items]
    records = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            records.append((number, json.loads(line)))
        except json.JSONDecodeError as exc:
            raise _bad_json(name, number, exc.colno, exc.msg) from None
    return records


def _bad_json(name: str, line: int, column: int, message: str) -> InputError:
    return InputError(
        f"{name} is not valid JSON (line {line}, column {column}): {message}.",
        code=MALFORMED,
        fix='Give one JSON object per record, e.g. {"id": "a1", "text": "..."}.',
    )


def document_from_record(
    record: Any, *, path: str, line: int | None = None, default_id: str | None = None
) -> Document:
    """The document one record describes; InputError if it is not a record with text."""
    name = display_name(path)
    where = f"{name}, line {line}" if line is not None else name
    if not isinstance(record, dict):
        raise InputError(
            f"The record in {where} is a JSON {type(record).__name__}, not an object.",
            code=MALFORMED,
            fix='Give objects such as {"id": "a1", "text": "..."}.',
        )
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError(
            f'The record in {where} has no "text" string.',
            code=MALFORMED,
            fix='Put the article in a "text" field.',
        )
    raw_id = record.get("id")
    doc_id = str(raw_id) if isinstance(raw_id, str | int) and str(raw_id) else None
    doc = Document(
        normalize_newlines(text.removeprefix("\ufeff")),
        id=doc_id or default_id or document_id(path),
        source_name=path,
        meta={"format": "jsonl" if line is not None else "json"},
    )
    apply_fields(doc, record, origin="json record", name=where)
    return doc


def iter_documents(path: str, data: bytes, *, lines: bool) -> Iterator[Document]:
    """Every record's document, in order (for reading many, as ``pressline batch`` does)."""
    records = _records(data, display_name(path), lines=lines)
    many = len(records) > 1
    for n, (line, record) in enumerate(records, 1):
        yield document_from_record(
            record,
            path=path,
            line=line if lines else None,
            default_id=f"{document_id(path)}-{n}" if many else None,
        )


def read_records(path: str, data: bytes, *, lines: bool) -> Document:
    """The one document a JSON or JSON Lines input holds."""
    name = display_name(path)
    records = _records(data, name, lines=lines)
    if not records:
        raise InputError(
            f"{name} holds no records.",
            code=MALFORMED,
            fix='Give at least one record, e.g. {"id": "a1", "text": "..."}.',
        )
    if len(records) > 1:
        raise UsageError(
            f"{name} holds {len(records)} records; `pressline run` reads one document.",
            code=MALFORMED,
            fix=f"Use `pressline batch {path} -o OUT.jsonl` to process them all.",
        )
    line, record = records[0]
    return document_from_record(record, path=path, line=line if lines else None)
