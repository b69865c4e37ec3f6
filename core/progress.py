"""How far a batch has got: a bar on a terminal, JSON lines for programs, or nothing.

``bar`` redraws one line of standard error (documents, documents and words per second,
errors so far, an ETA from the bytes still to read); ``json`` writes one JSON object per
second (``{"event": "progress", ...}``); ``none`` stays quiet. Every mode ends with the
run's summary. The size of the input, for the ETA, is added up in a thread while the
batch runs, so a large folder does not delay the first document.
"""

from __future__ import annotations

import json
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, Any

__all__ = ["MODES", "Progress", "Summary", "choose_mode"]

MODES = ("auto", "bar", "json", "none")


def choose_mode(mode: str, stream: IO[str]) -> str:
    """``auto`` is a bar on a terminal, and quiet otherwise."""
    if mode != "auto":
        return mode
    isatty = getattr(stream, "isatty", None)
    return "bar" if isatty is not None and isatty() else "none"


@dataclass
class Summary:
    """What a batch did."""

    documents: int = 0  # processed in this run: written + failed
    written: int = 0
    failed: int = 0
    skipped: int = 0  # already in the output (--resume)
    words: int = 0
    chars: int = 0
    seconds: float = 0.0
    output: str = ""
    errors: str | None = None
    stopped: str | None = None  # why the run ended early ("fail-fast")
    replaced_workers: int = 0

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds > 0 else 0.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "event": "summary",
            "documents": self.documents,
            "written": self.written,
            "failed": self.failed,
            "skipped": self.skipped,
            "words": self.words,
            "seconds": round(self.seconds, 3),
            "docs_per_second": round(self.docs_per_second, 2),
            "words_per_second": round(self.words_per_second),
            "output": self.output,
            "errors": self.errors,
            "stopped": self.stopped,
        }

    def describe(self) -> str:
        """The one-line summary printed at the end of ``pressline batch``."""
        text = (
            f"{self.documents:,} document{'s' if self.documents != 1 else ''} in "
            f"{self.seconds:.1f} s ({self.docs_per_second:,.1f} docs/s, "
            f"{self.words_per_second:,.0f} words/s): {self.written:,} written to {self.output}"
        )
        if self.failed:
            text += f", {self.failed:,} failed (see {self.errors})"
        else:
            text += ", none failed"
        if self.skipped:
            text += f", {self.skipped:,} already done"
        if self.stopped:
            text += f"; stopped early ({self.stopped})"
        return text + "."


class Progress:
    """Counts a batch's outcomes and shows them as ``mode`` says."""

    def __init__(
        self,
        mode: str,
        stream: IO[str],
        *,
        total_bytes: Callable[[], int] | None = None,
        interval: float | None = None,
    ) -> None:
        self.mode = mode
        self.stream = stream
        self.started = time.monotonic()
        self.documents = self.failed = self.skipped = self.words = self.chars = 0
        self.done_bytes = 0  # skipped included: what is left to read drives the ETA
        self.processed_bytes = 0
        self.total_bytes: int | None = None
        self._interval = interval if interval is not None else (1.0 if mode == "json" else 0.2)
        self._last = 0.0
        self._drawn = False
        if total_bytes is not None and mode in ("bar", "json"):
            threading.Thread(target=self._measure, args=(total_bytes,), daemon=True).start()

    def _measure(self, total_bytes: Callable[[], int]) -> None:
        try:
            self.total_bytes = total_bytes()
        except Exception:  # the ETA is a nicety; never let it stop a run
            self.total_bytes = None

    # -- counting ----------------------------------------------------------------------
    def skip(self, size: int) -> None:
        self.skipped += 1
        self.done_bytes += size
        self._tick()

    def update(self, ok: bool, words: int, chars: int, size: int) -> None:
        self.documents += 1
        self.failed += 0 if ok else 1
        self.words += words
        self.chars += chars
        self.done_bytes += size
        self.processed_bytes += size
        self._tick()

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def eta(self) -> float | None:
        """Seconds left, from the rate at which input has been processed so far."""
        total = self.total_bytes
        seconds = self.elapsed()
        if total is None or not self.processed_bytes or seconds <= 0:
            return None
        rate = self.processed_bytes / seconds
        return max(0.0, total - self.done_bytes) / rate

    def snapshot(self) -> dict[str, Any]:
        seconds = self.elapsed()
        eta = self.eta()
        return {
            "event": "progress",
            "documents": self.documents,
            "failed": self.failed,
            "skipped": self.skipped,
            "words": self.words,
            "seconds": round(seconds, 3),
            "docs_per_second": round(self.documents / seconds, 2) if seconds else 0.0,
            "words_per_second": round(self.words / seconds) if seconds else 0,
            "eta_seconds": round(eta, 1) if eta is not None else None,
        }

    # -- showing -----------------------------------------------------------------------
    def _tick(self) -> None:
        if self.mode == "none":
            return
        now = time.monotonic()
        if now - self._last < self._interval:
            return
        self._last = now
        if self.mode == "json":
            self.stream.write(json.dumps(self.snapshot()) + "\n")
            self.stream.flush()
        elif self.mode == "bar":
            self._draw()

    def _draw(self) -> None:
        width = shutil.get_terminal_size((80, 24)).columns - 1
        seconds = self.elapsed() or 1e-9
        eta = self.eta()
        facts = (
            f" {self.documents + self.skipped:,} docs {_short(self.documents / seconds)} docs/s "
            f"{_short(self.words / seconds)} words/s {self.failed:,} errors "
            f"ETA {_clock(eta) if eta is not None else '?'}"
        )
        line = facts
        total = self.total_bytes
        if total:
            share = min(1.0, self.done_bytes / total)
            room = width - len(facts) - 7
            bar = ""
            if room >= 10:
                filled = int(share * room)
                bar = " |" + "█" * filled + " " * (room - filled) + "|"
            line = f"{share * 100:3.0f}%{bar}{facts}"
        self.stream.write("\r" + line[:width] + "\x1b[K")
        self.stream.flush()
        self._drawn = True

    def finish(self, summary: Summary) -> None:
        """Clear the bar and print the summary (one JSON object with ``json``)."""
        if self._drawn:
            self.stream.write("\r\x1b[K")
        if self.mode == "json":
            self.stream.write(json.dumps(summary.to_dict()) + "\n")
        else:
            self.stream.write(summary.describe() + "\n")
        self.stream.flush()


def _short(number: float) -> str:
    """A rate in three or four characters: 8.5, 310, 26k, 1.2M."""
    if number >= 1e6:
        return f"{number / 1e6:.1f}M"
    if number >= 1e4:
        return f"{number / 1e3:.0f}k"
    if number >= 100:
        return f"{number:,.0f}"
    return f"{number:.1f}"


def _clock(seconds: float) -> str:
    seconds = round(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
