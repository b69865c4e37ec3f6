"""The built-in plain-text reader: bytes in, a document out, or a one-line reason why not.

It runs last (``trylast``), so a plugin's reader for a richer format wins where it
recognizes the input. Decoding: a BOM decides (UTF-8, UTF-16, UTF-32; a UTF-8 BOM is
dropped); otherwise UTF-8; otherwise Windows-1252 when the bytes decode cleanly as text,
with a warning in the report. Line endings become ``\\n`` as Python's text mode does,
so report offsets are offsets into the text as read.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import Any

from pressline.document import Document
from pressline.errors import InputError
from pressline.hookspecs import hookimpl

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 controls other than tab, newline, vertical tab, form feed and carriage return
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode(data: bytes, name: str) -> tuple[str, list[str]]:
    """Decode bytes to text with newlines normalized; raise InputError if it is not text."""
    warnings: list[str] = []
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{name} starts with a {encoding} byte-order mark but is not valid "
                    f"{encoding} (byte {exc.start}).",
                    code="PL504",
                    fix="Re-save it as UTF-8.",
                ) from None
            return _newlines(text.lstrip("\ufeff")), warnings
    if b"\x00" in data[:8192]:
        raise InputError(
            f"{name} is a binary file, not text.",
            code="PL503",
            fix="Give a plain-text (UTF-8) article.",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = ""
        if not text or _CONTROL.search(text):
            raise InputError(
                f"{name} is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset "
                f"{exc.start}) and its encoding cannot be detected.",
                code="PL504",
                fix="Convert it to UTF-8, e.g. `iconv -f LATIN1 -t UTF-8`.",
            ) from None
        warnings.append(f"{name} is not valid UTF-8; it was decoded as Windows-1252 (cp1252).")
    if _CONTROL.search(text[:8192]):
        raise InputError(
            f"{name} contains control characters; it looks binary, not text.",
            code="PL503",
            fix="Give a plain-text (UTF-8) article.",
        )
    return _newlines(text), warnings


def _newlines(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def document_id(path: str) -> str:
    return "stdin" if path == "-" else Path(path).stem or Path(path).name


@hookimpl(trylast=True)
def read_document(path: str, data: bytes, options: dict[str, Any]) -> Document:
    text, warnings = decode(data, "standard input" if path == "-" else path)
    doc = Document(text, id=document_id(path), source_name=path)
    for message in warnings:
        doc.warn(message)
    return doc
