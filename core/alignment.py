"""The map between clean-text offsets and source offsets that cleaning builds.

An :class:`Alignment` is a sorted list of segments that tile the clean text. Each segment
says that clean characters ``[c0, c1)`` came from source characters ``[s0, s1)``: either
copied one to one (equal lengths) or produced by a replacement (any lengths). Source text
that was deleted lies in the gaps between consecutive segments' source ranges. Lookups are
binary searches, so mapping an offset costs O(log n) in the number of edits.

A span's start and end map differently at a deletion: a start maps to the source offset
*after* the deleted text and an end to the offset *before* it, so a span never swallows
text the cleaner removed at its edges.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["Alignment", "Edit"]


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement`` (empty to delete).

    ``reason`` says why ("duplicate", "boilerplate", "whitespace", ...); edits whose
    reason is reported become the cleaner's ``removed`` entries.
    """

    start: int
    end: int
    replacement: str = ""
    reason: str = ""


class Alignment:
    """Clean-text offsets to source offsets, built from non-overlapping edits."""

    __slots__ = ("_c0", "_c1", "_copy", "_s0", "_s1", "clean_length", "source_length")

    def __init__(
        self,
        segments: Iterable[tuple[int, int, int, int]],
        clean_length: int,
        source_length: int,
    ) -> None:
        self._c0: list[int] = []
        self._c1: list[int] = []
        self._s0: list[int] = []
        self._s1: list[int] = []
        self._copy: list[bool] = []
        for c0, c1, s0, s1 in segments:
            if c1 <= c0:
                continue
            self._c0.append(c0)
            self._c1.append(c1)
            self._s0.append(s0)
            self._s1.append(s1)
            self._copy.append(c1 - c0 == s1 - s0)
        self.clean_length = clean_length
        self.source_length = source_length

    @classmethod
    def identity(cls, length: int) -> Alignment:
        return cls([(0, length, 0, length)], length, length)

    @property
    def segments(self) -> list[tuple[int, int, int, int]]:
        return list(zip(self._c0, self._c1, self._s0, self._s1, strict=True))

    def start(self, offset: int) -> int:
        """Source offset for a span starting at clean ``offset``."""
        self._check(offset)
        i = bisect_right(self._c0, offset) - 1
        if i < 0:
            return self._s0[0] if self._c0 else self.source_length
        if offset >= self._c1[i]:  # at the very end of the clean text
            return self._s1[i]
        delta = offset - self._c0[i]
        if self._copy[i] or delta == 0:
            return self._s0[i] + delta
        return min(self._s0[i] + delta, self._s1[i])

    def end(self, offset: int) -> int:
        """Source offset for a span ending at clean ``offset``."""
        self._check(offset)
        i = bisect_left(self._c1, offset)
        if i >= len(self._c1):
            return self._s1[-1] if self._c1 else 0
        if offset <= self._c0[i]:  # at the very start of the clean text
            return self._s0[i]
        delta = offset - self._c0[i]
        if self._copy[i]:
            return self._s0[i] + delta
        if offset == self._c1[i]:
            return self._s1[i]
        return min(self._s0[i] + delta, self._s1[i])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source range for the clean range ``[start, end)``."""
        # most spans lie inside one copied segment: one search, no special cases
        i = bisect_right(self._c0, start) - 1
        if i >= 0 and self._copy[i]:
            c0 = self._c0[i]
            if start <= end <= self._c1[i] and c0 < end and start < self._c1[i]:
                shift = self._s0[i] - c0
                return (start + shift, end + shift)
        s = self.start(start)
        e = self.end(end)
        return (s, max(s, e))

    def _check(self, offset: int) -> None:
        if not 0 <= offset <= self.clean_length:
            raise IndexError(f"offset {offset} is outside the clean text (0..{self.clean_length})")

    def compose(self, edits: list[Edit], old_text: str) -> tuple[str, Alignment]:
        """Apply ``edits`` (offsets into ``old_text``, the current clean text).

        Returns the new clean text and the alignment from it straight to the source.
        """
        pieces: list[str] = []
        local: list[tuple[int, int, int, int]] = []  # new clean -> old clean
        pos = 0
        out = 0
        for edit in sorted(edits, key=lambda e: (e.start, e.end)):
            if edit.start < pos:
                raise ValueError(
                    f"edits overlap at offset {edit.start}: each character may be edited once"
                )
            if edit.end < edit.start or edit.end > len(old_text):
                raise ValueError(f"edit [{edit.start}, {edit.end}) is outside the text")
            if edit.start > pos:
                pieces.append(old_text[pos : edit.start])
                local.append((out, out + edit.start - pos, pos, edit.start))
                out += edit.start - pos
            if edit.replacement:
                pieces.append(edit.replacement)
                local.append((out, out + len(edit.replacement), edit.start, edit.end))
                out += len(edit.replacement)
            pos = edit.end
        if pos < len(old_text):
            pieces.append(old_text[pos:])
            local.append((out, out + len(old_text) - pos, pos, len(old_text)))
            out += len(old_text) - pos
        new_text = "".join(pieces)
        return new_text, Alignment(self._through(local), len(new_text), self.source_length)

    def _through(
        self, local: list[tuple[int, int, int, int]]
    ) -> Iterable[tuple[int, int, int, int]]:
        """Chain new->old segments with this old->source alignment."""
        for c0, c1, o0, o1 in local:
            if c1 - c0 != o1 - o0:  # a replacement: keep it whole
                yield (c0, c1, self.start(o0), max(self.start(o0), self.end(o1)))
                continue
            # a copy: split it along this alignment's own segments
            i = max(bisect_right(self._c0, o0) - 1, 0)
            while i < len(self._c0) and self._c0[i] < o1:
                a = max(o0, self._c0[i])
                b = min(o1, self._c1[i])
                if b > a:
                    if self._copy[i]:
                        s0 = self._s0[i] + a - self._c0[i]
                        s1 = s0 + b - a
                    else:
                        s0, s1 = self._s0[i], self._s1[i]
                    yield (c0 + a - o0, c0 + b - o0, s0, s1)
                i += 1
