"""Plain text: bytes in, text out, or a one-line reason why not.

Decoding: a BOM decides (UTF-8, UTF-16, UTF-32; a UTF-8 BOM is dropped); otherwise UTF-8;
otherwise the encoding is detected (charset-normalizer), with a warning in the report
that names it. Line endings become ``\\n`` as Python's text mode does, so report offsets
are offsets into the text as read.

Detection prefers Windows-1252 over the other Latin code pages whenever it reads the
bytes at least as plausibly: short Western text is ambiguous between them, Windows-1252
is what most legacy Western text is in (and what browsers assume for Latin-1), and a
wrong guess there turns "naïve" into "naďve".
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from pressline.errors import InputError

__all__ = [
    "MALFORMED",
    "NEEDS_EXTRA",
    "decode",
    "document_id",
    "normalize_newlines",
]

#: An input that is not in the form its format needs (bad JSON, a record without text,
#: several records given to ``run``, front matter that is not valid YAML).
MALFORMED = "PL508"
#: Reading this input needs an optional extra that is not installed.
NEEDS_EXTRA = "PL509"

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 controls other than tab, newline, vertical tab, form feed and carriage return
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# Non-letters that ordinary prose in a legacy code page is made of.
_PROSE_PUNCTUATION = frozenset("“”‘’„‚«»‹›–—…•·°£€$¥¢§©®™×÷¡¿ \u00a0\u00ad")


def decode(data: bytes, name: str) -> tuple[str, list[str]]:
    """Decode bytes to text with newlines normalized; raise InputError if it is not text.

    Returns the text and the warnings to put in the report (a legacy encoding detected).
    """
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
            return normalize_newlines(text.lstrip("\ufeff")), []
    if b"\x00" in data[:8192]:
        raise InputError(
            f"{name} is a binary file, not text.",
            code="PL503",
            fix="Give a plain-text (UTF-8) article.",
        )
    warnings: list[str] = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        detected = _detect(data)
        if detected is None:
            raise InputError(
                f"{name} is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset "
                f"{exc.start}) and its encoding cannot be detected.",
                code="PL504",
                fix="Convert it to UTF-8, e.g. `iconv -f LATIN1 -t UTF-8`.",
            ) from None
        text, encoding = detected
        warnings.append(f"{name} is not valid UTF-8; it was decoded as {_label(encoding)}.")
    if _CONTROL.search(text[:8192]):
        raise InputError(
            f"{name} contains control characters; it looks binary, not text.",
            code="PL503",
            fix="Give a plain-text (UTF-8) article.",
        )
    return normalize_newlines(text), warnings


def _detect(data: bytes) -> tuple[str, str] | None:
    """The text and codec name of a legacy-encoded input, or None if it is not text."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    candidates: list[tuple[str, str]] = []
    if best is not None:
        candidates.append((str(best), best.encoding))
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and (
        best is None
        or (_latin(candidates[0][0]) and _oddities(western) <= _oddities(candidates[0][0]))
    ):
        candidates.insert(0, (western, "cp1252"))
    for text, encoding in candidates:
        if not _CONTROL.search(text):
            return text, encoding
    return None


def _latin(text: str) -> bool:
    """Every non-ASCII letter of ``text`` is a Latin one."""
    return all(
        unicodedata.name(c, "").startswith("LATIN")
        for c in set(text)
        if ord(c) > 127 and c.isalpha()
    )


def _oddities(text: str) -> int:
    """How many non-ASCII characters are neither letters nor prose punctuation."""
    return sum(1 for c in text if ord(c) > 127 and not c.isalpha() and c not in _PROSE_PUNCTUATION)


def _label(encoding: str) -> str:
    codec = codecs.lookup(encoding).name
    if codec.startswith("cp12") and codec[2:].isdigit():
        return f"Windows-{codec[2:]} ({codec})"
    return codec.upper().replace("_", "-")


def normalize_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``, as Python's text mode reads them."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def document_id(path: str) -> str:
    """The id a document gets from its input's name: the file's stem, or ``stdin``."""
    return "stdin" if path == "-" else Path(path).stem or Path(path).name


def display_name(path: str) -> str:
    return "standard input" if path == "-" else path
