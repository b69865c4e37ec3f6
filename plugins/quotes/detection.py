"""Finding direct quotations in running text, in one pass over each paragraph.

Quotation marks come in families: curly double (“ ”), straight double ("), curly single
(‘ ’) and straight single ('). A curly mark says which way it faces; a straight one is an
opener after a space, a bracket or the start of a line and a closer otherwise. A single
quote is a closer only where it is not an apostrophe (a letter on both sides: "Iran’s").

News conventions handled here:

- a quotation that runs over several paragraphs opens each paragraph and closes only on
  the last one; it is one quotation;
- a quotation interrupted by its cue (“…,” he said, “…”) is two quotations that share the
  cue, so each is attributed;
- single quotes inside double ones are part of the outer quotation;
- a mark that never closes ends its quotation at the end of the paragraph: a stray mark
  never swallows the rest of the article.

What is found here is only the quotation; whether it is speech or a scare quote is decided
with the cue (see :mod:`.attribution`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Quotation", "find_quotations"]

# opening and closing marks of each family
_OPENERS = {"“": "double", "„": "double", "‘": "single", "«": "guillemet"}
_CLOSERS = {"”": "double", "’": "single", "»": "guillemet"}
_MARKS = re.compile(r"[“”„‘’«»\"']")


@dataclass(slots=True)
class Quotation:
    """Inside the marks: ``[start, end)`` of the clean text (the marks excluded)."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark, None when it never closed
    family: str
    paragraphs: int = 1


def _classify(text: str, i: int, lo: int, hi: int) -> tuple[str, str] | None:
    """``("open"|"close", family)`` for the mark at ``i``, or None (an apostrophe)."""
    ch = text[i]
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    if ch in ("’", "'") and before.isalnum() and after.isalnum():
        return None  # an apostrophe inside a word: Iran’s, don't
    if (
        ch == "'"
        and before.isalnum()
        and after in "sS"
        and (i + 2 >= hi or not text[i + 2].isalnum())
    ):
        return None  # a possessive: Moscow's
    if ch in _OPENERS:
        return ("open", _OPENERS[ch])
    if ch in _CLOSERS:
        if ch == "’" and before in "s" and not after.isalnum() and not before.isupper():
            # "the countries’ concern": a plural possessive, unless a ‘ is open (checked
            # by the caller, which treats it as a closer only when one is)
            return ("close?", "single")
        return ("close", _CLOSERS[ch])
    family = "double" if ch == '"' else "single"
    if before.isspace() or before in "([{—–-/" or i == lo:
        return ("open", family)
    return ("close", family)


def find_quotations(text: str, paragraphs: list[tuple[int, int]]) -> list[Quotation]:
    """Quotations in ``text``, paragraph by paragraph; linear in the text."""
    found: list[Quotation] = []
    carry: Quotation | None = None  # a quotation continuing from the previous paragraph
    for p_start, p_end in paragraphs:
        open_q: Quotation | None = None
        depth_single = 0  # single quotes opened inside a double quotation
        first_mark = True
        for match in _MARKS.finditer(text, p_start, p_end):
            i = match.start()
            kind = _classify(text, i, p_start, p_end)
            if kind is None:
                continue
            role, family = kind
            if carry is not None and first_mark:
                first_mark = False
                if role == "open" and family == carry.family and text[p_start:i].strip() == "":
                    # the news convention: the quotation goes on in this paragraph
                    open_q = carry
                    open_q.paragraphs += 1
                    carry = None
                    continue
                found.append(carry)  # it ended with its paragraph after all
                carry = None
            first_mark = False
            if open_q is None:
                if role == "open":
                    open_q = Quotation(i + 1, i + 1, i, None, family)
                continue
            if family != open_q.family:
                if family == "single" and role == "open":
                    depth_single += 1
                elif family == "single" and role in ("close", "close?") and depth_single:
                    depth_single -= 1
                continue
            if role in ("close", "close?"):
                open_q.end = i
                open_q.close_mark = i
                found.append(open_q)
                open_q = None
                depth_single = 0
            elif role == "open" and family == "double":
                # a second opener of the same family: the first never closed
                open_q.end = _trim_end(text, open_q.start, i)
                found.append(open_q)
                open_q = Quotation(i + 1, i + 1, i, None, family)
        if carry is not None:  # the previous paragraph's quotation did not go on
            found.append(carry)
            carry = None
        if open_q is not None:
            open_q.end = _trim_end(text, open_q.start, p_end)
            if open_q.end > open_q.start:
                carry = open_q  # maybe it continues in the next paragraph
    if carry is not None:
        found.append(carry)
    return [q for q in found if q.end > q.start]


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
