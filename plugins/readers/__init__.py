"""The built-in readers: plain text, text or Markdown with front matter, JSON, JSON Lines, HTML.

One ``read_document`` hook picks the reader by ``--input-format`` (``options
["input_format"]``), else by the input's extension, else by a glance at the content (a
page that starts with ``<!DOCTYPE html`` or ``<html``); anything else is text. It runs
last (``trylast``), so a plugin's reader for a format of its own, or a better reader for
one of these, wins wherever it returns a document.

=============  ==========================================  ===========================
format         inputs                                      reference date from
=============  ==========================================  ===========================
``text``       ``.txt`` and anything not listed below      front matter, if any
``markdown``   ``.md``, ``.markdown``                      front matter
``json``       ``.json``: one record                       the record's ``date``
``jsonl``      ``.jsonl``, ``.ndjson``: one record a line  the record's ``date``
``html``       ``.html``, ``.htm``, ``.xhtml``             the page's metadata
=============  ==========================================  ===========================
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pressline.document import Document
from pressline.errors import UsageError
from pressline.hookspecs import hookimpl

from .frontmatter import read_front_matter
from .html import read_html
from .records import iter_documents, read_records
from .text import decode, document_id

__all__ = [
    "INPUT_FORMATS",
    "decode",
    "document_id",
    "input_format",
    "iter_documents",
    "read_document",
]

#: Names ``--input-format`` takes, and the reader each means.
INPUT_FORMATS: dict[str, str] = {
    "text": "text",
    "txt": "text",
    "markdown": "markdown",
    "md": "markdown",
    "json": "json",
    "jsonl": "jsonl",
    "ndjson": "jsonl",
    "html": "html",
    "htm": "html",
}
_EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}


def input_format(path: str, data: bytes, given: str | None = None) -> str:
    """The reader for an input: ``text``, ``markdown``, ``json``, ``jsonl`` or ``html``."""
    if given:
        name = INPUT_FORMATS.get(given.strip().lower())
        if name is None:
            raise UsageError(
                f"Unknown input format {given!r}.",
                code="PL506",
                fix="Input formats: " + ", ".join(sorted(set(INPUT_FORMATS.values()))) + ".",
            )
        return name
    by_name = _EXTENSIONS.get(Path(path).suffix.lower()) if path != "-" else None
    if by_name is not None:
        return by_name
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"


@hookimpl(trylast=True)
def read_document(path: str, data: bytes, options: dict[str, Any]) -> Document:
    fmt = input_format(path, data, (options or {}).get("input_format"))
    if fmt == "html":
        return read_html(path, data)
    if fmt in ("json", "jsonl"):
        return read_records(path, data, lines=fmt == "jsonl")
    return read_front_matter(path, data, markdown=fmt == "markdown")
