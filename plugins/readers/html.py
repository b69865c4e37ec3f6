"""Web pages: the article's main text and metadata, extracted with trafilatura.

Needs the optional extra: ``pip install 'pressline[html]'``.

trafilatura drops the page's navigation, comments, related links and other furniture and
finds the title, author, site name, address and publication date in the page's metadata
(``article:published_time``, JSON-LD, ``<time>`` elements, the page's address; not dates
merely written in its text, which the sectioner's dateline may supply instead). The
document's text is built from what it keeps: the title, a blank line, the deck (the
page's description, when the page shows it above the article) in a block of its own,
then one line per paragraph (list items and quoted paragraphs included), with section
headings set apart by blank lines, which is the layout the sectioner reads best. So
**offsets in the report refer to this extracted text** (``document.text``), not to the
page's markup; the report carries a warning that says so. The publication date becomes
the reference date (``reference_date_from = "html metadata"``); the rest goes to
``doc.meta``.
"""

from __future__ import annotations

import codecs
import logging
import re
from datetime import date
from html import unescape
from typing import Any

from pressline.document import Document
from pressline.errors import InputError

from .text import NEEDS_EXTRA, decode, display_name, document_id

__all__ = ["extract_article", "read_html"]

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_SPACE = re.compile(r"\s+")
_SKIP = frozenset({"table", "graphic", "figure", "code", "ref", "note"})
_TAG = re.compile(r"<[^>]*>")
_BODY = re.compile(r"<body\b", re.I)


def _decode_page(data: bytes, name: str) -> tuple[str, list[str]]:
    """A page's text: its BOM, else its declared charset, else UTF-8 or detection."""
    if not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        declared = _META_CHARSET.search(data[:4096])
        if declared is not None:
            try:
                encoding = codecs.lookup(declared.group(1).decode("ascii")).name
                if encoding not in ("utf-8", "ascii"):
                    return data.decode(encoding), []
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong declaration: read it as any other input
    return decode(data, name)


def _line(element: Any) -> str:
    return _SPACE.sub(" ", "".join(element.itertext())).strip()


def _blocks(body: Any) -> list[tuple[str, str]]:
    """``(kind, text)`` for each heading and paragraph of trafilatura's body, in order."""
    out: list[tuple[str, str]] = []
    for element in body:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _SKIP:
            continue
        if tag == "head":
            kind, parts = "heading", [element]
        elif tag in ("list", "quote") and len(element):
            kind, parts = "paragraph", list(element)
        else:
            kind, parts = "paragraph", [element]
        for part in parts:
            text = _line(part)
            if text:
                out.append((kind, text))
    return out


def _shown_deck(page: str, description: str | None, blocks: list[tuple[str, str]]) -> str | None:
    """The page's description, if the page shows it as the article's deck.

    A deck sits in the article's header, which extraction leaves out; the description in
    the metadata is often the same words. It counts only if the page's body shows it and
    the article does not already start with it (many descriptions copy the first lines).
    """
    if not description or len(description.split()) < 5:
        return None
    # the deck on the page often lacks the description's final full stop
    deck = _SPACE.sub(" ", description).strip().rstrip(".")
    key = deck.casefold()
    first = next((t for kind, t in blocks if kind == "paragraph"), "")
    if _SPACE.sub(" ", first).casefold().startswith(key[: max(40, len(key) // 2)]):
        return None
    start = _BODY.search(page)
    visible = _SPACE.sub(" ", unescape(_TAG.sub(" ", page[start.start() if start else 0 :])))
    return deck if key in visible.casefold() else None


def compose(title: str | None, blocks: list[tuple[str, str]], deck: str | None = None) -> str:
    """The document text: title, blank line, paragraphs one per line, headings set apart.

    A deck (standfirst) follows the title in a block of its own.
    """
    if title and blocks and _same(blocks[0][1], title):
        blocks = blocks[1:]
    if deck:
        blocks = [("deck", deck), *blocks]
    parts: list[str] = []
    previous = None
    for kind, text in blocks:
        if parts:
            apart = kind == "heading" or previous in ("heading", "deck")
            parts.append("\n\n" if apart else "\n")
        parts.append(text)
        previous = kind
    body = "".join(parts)
    if title:
        return f"{title}\n\n{body}\n" if body else f"{title}\n"
    return f"{body}\n" if body else ""


def _same(a: str, b: str) -> bool:
    return _SPACE.sub(" ", a).strip().casefold() == _SPACE.sub(" ", b).strip().casefold()


def _quiet(*names: str) -> None:
    # trafilatura logs its doubts about a page as warnings; with no logging configured
    # they would reach standard error through logging's last-resort handler
    for logger_name in names:
        logger = logging.getLogger(logger_name)
        if not logger.handlers:
            logger.addHandler(logging.NullHandler())


def extract_article(html: str) -> tuple[str, dict[str, Any]]:
    """The article's text (as :func:`compose` lays it out) and its metadata."""
    try:
        import trafilatura
    except ImportError as exc:
        raise InputError(
            f"Reading HTML needs trafilatura ({exc.name or 'a dependency'} is not installed).",
            code=NEEDS_EXTRA,
            fix="Install it with: pip install 'pressline[html]'",
        ) from None
    _quiet("trafilatura", "htmldate", "courlan")
    result = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        favor_precision=True,
        # the date from the page's markup only (meta tags, JSON-LD, <time>, the address):
        # a date merely written in the text is the dateline's to give, and a guess from
        # the page's words (a copyright year, a comment's timestamp) is no metadata
        date_extraction_params={
            "original_date": True,
            "extensive_search": False,
            "max_date": date.today().isoformat(),
        },
    )
    if result is None:
        return "", {}
    found = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    meta = {
        key: found[field].strip()
        for key, field in (
            ("title", "title"),
            ("author", "author"),
            ("site", "sitename"),
            ("url", "url"),
            ("date", "date"),
            ("description", "description"),
            ("language", "language"),
        )
        if isinstance(found.get(field), str) and found[field].strip()
    }
    body = getattr(result, "body", None)
    if body is not None:
        blocks = _blocks(body)
    else:
        blocks = [("paragraph", t) for t in (found.get("text") or "").split("\n") if t.strip()]
    title = meta.get("title")
    if not title and blocks and blocks[0][0] == "heading":
        title = meta["title"] = blocks[0][1]
    return compose(title, blocks, _shown_deck(html, meta.get("description"), blocks)), meta


def read_html(path: str, data: bytes) -> Document:
    """A document of a web page's article text; see the module's documentation."""
    name = display_name(path)
    page, warnings = _decode_page(data, name)
    text, meta = extract_article(page)
    doc = Document(text, id=document_id(path), source_name=path, meta={"format": "html", **meta})
    for message in warnings:
        doc.warn(message)
    if not text.strip():
        doc.warn(f"No article text was found in {name}.")
        return doc
    doc.warn(
        f"{name} is HTML: the report's text and offsets are those of the article text "
        "extracted from it (document.text), not of the page's markup."
    )
    published = meta.get("date")
    if published:
        try:
            doc.reference_date = date.fromisoformat(published[:10])
            doc.reference_date_from = "html metadata"
        except ValueError:
            doc.warn(f"The page's date {published!r} is not a date; ignored.")
    return doc
