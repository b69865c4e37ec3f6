"""A rule-based English sentence splitter for news text.

Candidate boundaries come from one precompiled regular expression: a run of ``.``, ``!``,
``?`` or ``…`` with any closing quotes or brackets (and any footnote markers such as
``[6]``) that is followed by whitespace or the end of the range. Each candidate is then
accepted or rejected by orthographic rules that look only at the word before it and the
word after it: known abbreviations, initials, multi-period acronyms, numbers after
``No.``, ellipses, lowercase continuations and quotations the sentence goes on past.

Every step looks at a bounded window around a candidate, and the expressions use
possessive quantifiers and a look-behind so that no input makes them backtrack, so the
splitter runs in time linear in the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .abbreviations import (
    AFTER_CLOCK,
    ALWAYS,
    BEFORE_NUMBER,
    CLOCK,
    MAYBE,
    OPENERS,
    SPEECH_VERBS,
    TITLES,
)

__all__ = ["SentenceSplitter", "split_sentences"]

_TERMINALS = ".!?…‼⁇⁈⁉"
_STRONG = "!?‼⁇⁈⁉"
_CLOSERS = "\"'”’»)]}›"
_OPENING = "\"'“‘«‹([{¿¡"
_QUOTES = "\"'”’»›"

# The look-behind makes a match start only at the first mark of a run, and the
# possessive quantifiers never give back what they took: together they keep a long
# run of dots (or of dots and brackets) from being rescanned from every position. The
# pattern opens with a plain character set, so the engine skips ahead to the next mark
# in one fast scan; the look-behind after it checks the character before that mark.
# Group 1 is the run of marks.
_CANDIDATE = re.compile(
    rf"([{_TERMINALS}](?<![{_TERMINALS}]{{2}})[{_TERMINALS}]*+)[{re.escape(_CLOSERS)}]*+"
    r"(?:[ \t]*+\[\d{1,3}\])*+(?=\s|\Z)"
)
_STRONG_MARKS = frozenset(_STRONG)
# The word after a candidate, capped so a huge token is not copied for each candidate.
_NEXT = re.compile(r"\s*+(\S{1,40})")
# Multi-period acronyms and abbreviations: U.S, a.m, Ph.D, e.g (the final period is the
# candidate itself, so it is not part of the word).
_ACRONYM = re.compile(r"(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}")
_LETTERS = re.compile(r"[^\W\d_]+")
_SPEECH = "|".join(sorted(SPEECH_VERBS))
# After “…?” or “…!”: "he asked" is lowercase already; this catches a named speaker
# ("Smith asked", "Mr. Smith said") and an inverted one ("asked Smith").
_SPEECH_AFTER = re.compile(
    rf"\s++(?:(?:[A-Z][\w’'.-]{{0,30}}+\s++){{1,3}}(?:{_SPEECH})|(?:{_SPEECH}))\b"
)


class SentenceSplitter:
    """Split text into sentences, returning character spans.

    ``extra_abbreviations`` adds words (with or without their final period, any case)
    that end a sentence only when a typical sentence opener follows them.
    """

    def __init__(self, extra_abbreviations: Iterable[str] = ()) -> None:
        extra = {a.strip().rstrip(".").lower() for a in extra_abbreviations}
        extra.discard("")
        self._maybe = MAYBE | extra
        # every word some abbreviation rule looks at: most words are in none of them
        self._abbreviations = TITLES | ALWAYS | BEFORE_NUMBER | CLOCK | self._maybe

    def split(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """Spans ``(start, end)`` of the sentences of ``text[start:end]``.

        Spans are offsets into ``text``, trimmed of surrounding whitespace; text that is
        only whitespace yields no span.
        """
        if end is None:
            end = len(text)
        spans: list[tuple[int, int]] = []
        pos = start
        for m in _CANDIDATE.finditer(text, start, end):
            cut = m.end()
            if cut >= end or not self._is_boundary(text, m.start(), m.end(1), cut, start, end):
                continue
            seg_start = _skip_space(text, pos, cut)
            if seg_start < cut:
                spans.append((seg_start, cut))
            pos = cut
        seg_start = _skip_space(text, pos, end)
        if seg_start < end:
            seg_end = end
            while seg_end > seg_start and text[seg_end - 1].isspace():
                seg_end -= 1
            spans.append((seg_start, seg_end))
        return spans

    def _is_boundary(self, text: str, s: int, run_end: int, e: int, lo: int, hi: int) -> bool:
        """Whether the candidate ``text[s:e]`` ends a sentence; its marks end at ``run_end``."""
        nm = _NEXT.match(text, e, hi)
        if nm is None:
            return True
        nxt = nm.group(1)
        core = nxt.lstrip(_OPENING)
        first = core[:1]
        lower = first.islower() and not _inner_upper(core)
        run = text[s:run_end]

        if not _STRONG_MARKS.isdisjoint(run):
            if lower:  # “Why?” he asked.
                return False
            # “Why?” Smith asked.
            closers = text[run_end:e]
            return not (any(q in closers for q in _QUOTES) and _SPEECH_AFTER.match(text, e, hi))
        if len(run) > 1 or run == "…":
            # An ellipsis ends a sentence only when a capital letter follows it.
            return first.isupper()
        if first == "." or lower:
            return False
        if nxt[:1] in "—–-":
            return False  # an attribution after a quotation: "... about it. — Rick Santorum"

        prev = _word_before(text, s, lo)
        if not prev:
            return first.isupper()
        word = prev.lstrip(_OPENING)
        low = word.lower()
        if low in self._abbreviations:
            if low in TITLES or low in ALWAYS:
                return False
            if first.isdigit() and low in BEFORE_NUMBER:
                return False  # No. 5, Jan. 6, p. 12
            if low in CLOCK:
                m = _LETTERS.match(core)
                return not (first.isdigit() or (m and m.group().lower() in AFTER_CLOCK))
            if low in self._maybe:
                return _is_opener(core)
        # an acronym has a period inside, so most words skip the pattern
        if _is_initial(word) or ("." in word and _ACRONYM.fullmatch(word)):
            return _is_opener(core)
        # A list number opening the paragraph ("1. Background") is no sentence.
        return not (word.isdigit() and len(word) <= 3 and s - len(prev) == _skip_space(text, lo, s))


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def _word_before(text: str, s: int, lo: int) -> str:
    """The whitespace-delimited word that ends at ``s`` (at most 40 characters)."""
    window_start = max(lo, s - 40)
    chunk = text[window_start:s]
    cut = max(chunk.rfind(" "), chunk.rfind("\n"), chunk.rfind("\t"), chunk.rfind("\xa0"))
    return chunk[cut + 1 :]


def _is_initial(word: str) -> bool:
    return len(word) == 1 and word.isalpha()


def _inner_upper(word: str) -> bool:
    """Brand-style words such as "iPhone" or "wikiHow" start a sentence in lowercase."""
    head = word[:12]
    return any(c.isupper() for c in head[1:]) and head[:1].isalpha()


def _is_opener(core: str) -> bool:
    m = _LETTERS.match(core)
    return bool(m) and m.group().lower() in OPENERS and m.group()[:1].isupper()


def split_sentences(text: str, extra_abbreviations: Iterable[str] = ()) -> list[str]:
    """The sentences of ``text`` as strings (a convenience over :class:`SentenceSplitter`)."""
    splitter = SentenceSplitter(extra_abbreviations)
    return [text[a:b] for a, b in splitter.split(text)]
