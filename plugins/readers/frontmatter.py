"""Text and Markdown with YAML front matter.

Front matter is a YAML mapping between a first line ``---`` and a closing ``---`` (or
``...``) line. The document's text, and so every offset in the report, is the **body
after the front matter**; the front matter itself goes to ``doc.meta``. Its keys
``title``, ``date``, ``url``, ``id`` and ``source`` mean: the headline, the publication
date (the reference date, ``reference_date_from = "front matter"``), the article's
address, the document id in the report, and where it was published. Other keys are kept
in ``doc.meta["fields"]``.

In a ``.md`` file any mapping is front matter. In other text, where a leading ``---``
line may be a rule, the mapping must hold at least one of the keys above.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

import yaml
from pressline.document import Document
from pressline.errors import InputError

from .text import MALFORMED, decode, display_name, document_id

__all__ = ["KEYS", "parse_date_value", "read_front_matter", "split_front_matter"]

KEYS = ("title", "date", "url", "id", "source")
_OPEN = re.compile(r"---[ \t]*\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$\n?", re.MULTILINE)


def split_front_matter(text: str, name: str, *, markdown: bool) -> tuple[dict[str, Any], int]:
    """The front matter of ``text`` and the offset where its body starts (``{}, 0`` if none)."""
    opening = _OPEN.match(text)
    if opening is None:
        return {}, 0
    closing = _CLOSE.search(text, opening.end())
    if closing is None:
        return {}, 0
    block = text[opening.end() : closing.start()]
    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        if not markdown:
            return {}, 0  # plain text that merely starts with a rule
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(
            f"The front matter of {name} is not valid YAML{where}: {problem}.",
            code=MALFORMED,
            fix="Fix the YAML between the two --- lines, or remove them.",
        ) from None
    if not isinstance(data, dict) or not all(isinstance(k, str) for k in data):
        return {}, 0
    if not markdown and not any(key in data for key in KEYS):
        return {}, 0
    return data, closing.end()


def parse_date_value(value: Any) -> date | None:
    """A date from YAML or JSON: a date, a datetime, or an ISO 8601 string; else None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return date.fromisoformat(text[:10]) if len(text) >= 10 else None
        except ValueError:
            return None
    return None


def json_safe(value: Any) -> Any:
    """YAML values made JSON-ready (dates become ISO strings)."""
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_safe(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def apply_fields(doc: Document, fields: dict[str, Any], *, origin: str, name: str) -> None:
    """Put a front matter's or a record's fields on ``doc``: id, date, meta."""
    for key in ("title", "url", "source", "author"):
        value = fields.get(key)
        if isinstance(value, str | int | float) and str(value).strip():
            doc.meta[key] = str(value).strip()
    extra = {k: json_safe(v) for k, v in fields.items() if k not in (*KEYS, "author", "text")}
    if extra:
        doc.meta["fields"] = extra
    raw = fields.get("date")
    if raw is not None:
        when = parse_date_value(raw)
        if when is None:
            doc.warn(f"The {origin} date {json_safe(raw)!r} of {name} is not a date; ignored.")
        else:
            doc.meta["date"] = when.isoformat()
            doc.reference_date = when
            doc.reference_date_from = origin


def read_front_matter(path: str, data: bytes, *, markdown: bool) -> Document:
    """A text or Markdown document; its front matter, if any, goes to ``doc.meta``."""
    name = display_name(path)
    text, warnings = decode(data, name)
    fields, body_start = split_front_matter(text, name, markdown=markdown)
    doc_id = fields.get("id")
    doc = Document(
        text[body_start:],
        id=str(doc_id) if isinstance(doc_id, str | int) and str(doc_id) else document_id(path),
        source_name=path,
        meta={"format": "markdown" if markdown else "text"},
    )
    for message in warnings:
        doc.warn(message)
    if fields:
        apply_fields(doc, fields, origin="front matter", name=name)
    return doc
