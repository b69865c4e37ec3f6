"""The report: what a pipeline found in one document, as the JSON object of the contract."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from . import __version__
from .errors import UsageError
from .jsontext import dumps

if TYPE_CHECKING:
    from .document import Document
    from .host import PluginHost

__all__ = ["ENTITY_TYPES", "SCHEMA_VERSION", "Report", "collector_paused"]

SCHEMA_VERSION = 1

#: The entity types a report uses (OntoNotes' names), in the order legends list them.
ENTITY_TYPES: tuple[str, ...] = (
    "PERSON",
    "NORP",
    "FAC",
    "ORG",
    "GPE",
    "LOC",
    "PRODUCT",
    "EVENT",
    "WORK_OF_ART",
    "LAW",
    "LANGUAGE",
)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's automatic (cyclic) garbage collection inside the block.

    A document's spans, candidates and report parts live until its report is built. With
    automatic collection on, every time they grow by a quarter the collector walks all of
    them again: on a 1 MB document a quarter of the run went to that, on a 10 KB one
    nothing, so time per character grew with the document. Objects are still freed as
    soon as nothing refers to them (reference counting); only reference cycles wait until
    a full collection. Does nothing when collection is already off (a caller's choice, or
    a run inside a run).

    When the block ends, what it made and still holds (a report, a document's layers) goes
    straight to the oldest generation, which only a full collection walks, instead of
    being walked at once by the youngest one: on a 10 MB document that walk over a million
    live objects cost as much as writing the report's JSON. A run makes no reference
    cycles, so the walk found nothing to free. ``gc.freeze()`` then ``gc.unfreeze()`` is
    that move, in constant time; it is skipped when the program keeps frozen objects of
    its own (``gc.freeze()`` before forking workers), which unfreezing would release.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        if not gc.get_freeze_count():
            gc.freeze()
            gc.unfreeze()
        gc.enable()


class Report:
    """The combined result of every step for one document.

    Each step's ``summarize()`` sits under its step id. Offsets are source offsets:
    ``document.text[start:end]`` gives back each span's text.
    """

    def __init__(
        self,
        document: Document,
        *,
        pipeline: str,
        steps: list[dict[str, Any]],
        sections: dict[str, Any],
        host: PluginHost | None = None,
    ) -> None:
        self.document = document
        self.pipeline = pipeline
        self.steps = steps
        self.sections = sections
        self._host = host

    @property
    def warnings(self) -> list[str]:
        return list(self.document.warnings)

    def __getitem__(self, step_id: str) -> Any:
        return self.sections[step_id]

    def layer_names(self) -> list[str]:
        return sorted(self.document.layers)

    def to_dict(self, layers: Iterable[str] | str | None = None) -> dict[str, Any]:
        """The report as a JSON-ready dict; ``layers`` adds those layers' spans (or "all")."""
        doc = self.document
        out: dict[str, Any] = {
            "pressline": __version__,
            "schema_version": SCHEMA_VERSION,
            "document": {
                "id": doc.id,
                "source": doc.source_name,
                "text": doc.source,
                "chars": len(doc.source),
                "reference_date": doc.reference_date.isoformat() if doc.reference_date else None,
                "reference_date_from": doc.reference_date_from,
            },
            "pipeline": {"name": self.pipeline, "steps": [dict(s) for s in self.steps]},
            "warnings": list(doc.warnings),
        }
        for step_id, section in self.sections.items():
            out[step_id] = section
        wanted = self._wanted_layers(layers)
        if wanted:
            out["layers"] = {name: self._layer(name) for name in wanted}
        return out

    def _wanted_layers(self, layers: Iterable[str] | str | None) -> list[str]:
        if layers is None:
            return []
        names = [layers] if isinstance(layers, str) else list(layers)
        have = self.layer_names()
        if "all" in names:
            return have
        unknown = [n for n in names if n not in have]
        if unknown:
            raise UsageError(
                f"No layer {', '.join(map(repr, unknown))} in this report.",
                code="PL506",
                fix="Layers: " + (", ".join(have) or "none") + ", or all.",
            )
        return names

    def _layer(self, name: str) -> list[dict[str, Any]]:
        doc = self.document
        out = []
        for span in doc.layer(name):
            start, end = doc.to_source(span.start, span.end)
            out.append({"start": start, "end": end, "label": span.label})
        return out

    def to_json(self, layers: Iterable[str] | str | None = None, indent: int | None = 2) -> str:
        with collector_paused():
            return dumps(self.to_dict(layers), indent=indent)

    def render(self, format: str = "json", layers: Iterable[str] | str | None = None) -> str:
        """Render with a registered report format (``json``, ``text``, or a plugin's)."""
        formats = self._host.formats if self._host is not None else {}
        if format == "json" and "json" not in formats:
            return self.to_json(layers)
        if format not in formats:
            raise UsageError(
                f"Unknown report format {format!r}.",
                code="PL506",
                fix="Formats: " + ", ".join(sorted(formats)) + ".",
            )
        render, _plugin = formats[format]
        with collector_paused():
            return render(self, list(layers) if isinstance(layers, list | tuple) else layers)

    def __repr__(self) -> str:
        return f"Report(document={self.document.id!r}, steps={list(self.sections)})"
