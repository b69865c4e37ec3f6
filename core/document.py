"""The document a pipeline works on: source text, clean text, layers of spans and data."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .alignment import Alignment, Edit
from .errors import ContractError

__all__ = ["Document", "Edit", "Span"]


@dataclass(slots=True)
class Span:
    """A range of the clean text with a label and free-form attributes."""

    start: int
    end: int
    label: str = ""
    attrs: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")

    def __len__(self) -> int:
        return self.end - self.start


class Document:
    """One article on its way through a pipeline.

    ``source`` is the text as read; ``text`` is the clean text that steps work on. Spans
    live in clean-text offsets; :meth:`to_source` maps them back to the source, which is
    what reports give. Only a step that declares ``changes_text`` may call :meth:`edit`,
    and only before any layer exists.
    """

    def __init__(
        self,
        text: str,
        *,
        id: str = "document",
        source_name: str = "-",
        reference_date: date | None = None,
        reference_date_from: str | None = None,
        meta: dict[str, Any] | None = None,
    ) -> None:
        self.source: str = text
        self.text: str = text
        self.id = id
        self.source_name = source_name
        self.reference_date = reference_date
        self.reference_date_from = reference_date_from if reference_date else None
        self.meta: dict[str, Any] = dict(meta or {})
        self.data: dict[str, Any] = {}
        self.warnings: list[str] = []
        self.alignment = Alignment.identity(len(text))
        self._layers: dict[str, list[Span]] = {}
        # None: free use outside a pipeline; True/False: set by the engine per step.
        self._may_edit: bool | None = None
        self._step: str | None = None

    # -- layers ------------------------------------------------------------------------
    def layer(self, name: str) -> list[Span]:
        """The spans of layer ``name``; a KeyError names the layers that exist."""
        try:
            return self._layers[name]
        except KeyError:
            have = ", ".join(sorted(self._layers)) or "none"
            raise KeyError(
                f"no layer {name!r} in this document (layers: {have}); "
                f"add a step that produces {name!r} before this one"
            ) from None

    def has_layer(self, name: str) -> bool:
        return name in self._layers

    def add_layer(self, name: str, spans: Iterable[Span]) -> list[Span]:
        """Add (or replace) layer ``name``; spans are sorted by position."""
        items = sorted(spans, key=lambda s: (s.start, -s.end))
        n = len(self.text)
        for span in items:
            if not 0 <= span.start <= span.end <= n:
                raise ValueError(
                    f"span [{span.start}, {span.end}) of layer {name!r} is outside the "
                    f"clean text (length {n})"
                )
        self._layers[name] = items
        return items

    @property
    def layers(self) -> dict[str, list[Span]]:
        """A read-only view of the layers by name (use :meth:`add_layer` to add)."""
        return dict(self._layers)

    def iter_text(self, spans: Iterable[Span]) -> Iterator[tuple[Span, str]]:
        for span in spans:
            yield span, self.text[span.start : span.end]

    # -- editing -----------------------------------------------------------------------
    def edit(self, edits: Iterable[Edit]) -> None:
        """Apply edits to the clean text, keeping every offset mappable to the source.

        Offsets are into the current clean text; edits must not overlap.
        """
        edits = list(edits)
        if not edits:
            return
        if self._may_edit is False:
            raise ContractError(
                "changed the text but does not declare changes_text = True",
                step=self._step,
                document=self.id,
                code="PL403",
                fix="Set `changes_text = True` on the processor class.",
            )
        if self._layers:
            raise ContractError(
                "changed the text after spans exist (layers: "
                + ", ".join(sorted(self._layers))
                + ")",
                step=self._step,
                document=self.id,
                code="PL403",
                fix="Run text-changing steps before any step that produces spans.",
            )
        self.text, self.alignment = self.alignment.compose(edits, self.text)

    # -- offsets -----------------------------------------------------------------------
    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map the clean range ``[start, end)`` to the source."""
        return self.alignment.span(start, end)

    def source_span(self, start: int, end: int) -> dict[str, Any]:
        """``{"start", "end", "text"}`` in source offsets, as reports give spans."""
        s, e = self.to_source(start, end)
        return {"start": s, "end": e, "text": self.source[s:e]}

    # -- messages ----------------------------------------------------------------------
    def warn(self, message: str) -> None:
        """Add a warning to the report (shown once, in order)."""
        if message not in self.warnings:
            self.warnings.append(message)

    def __repr__(self) -> str:
        return (
            f"Document(id={self.id!r}, chars={len(self.source)}, "
            f"layers={sorted(self._layers)}, data={sorted(self.data)})"
        )
