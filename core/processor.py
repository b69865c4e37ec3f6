"""The processor contract: what every pipeline step implements."""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

from .document import Document

__all__ = ["Options", "Processor"]


class Options(BaseModel):
    """Base of every processor's options: typed, described, and strict.

    Unknown keys are errors, so a misspelled option in a YAML config is reported instead
    of silently ignored. Give each field a default and a ``Field(description=...)``; the
    descriptions show in ``pressline plugins show`` and in ``pressline config schema``.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=True)


class Processor:
    """One step of a pipeline.

    Subclasses set ``name`` (the snake_case name configs use), ``requires`` (layers or
    data keys earlier steps must produce), ``produces`` (what this step adds), and
    ``changes_text`` if the step edits the text (only through :meth:`Document.edit`, and
    only before any spans exist). Construction is cheap; load heavy resources in
    :meth:`setup`, which runs once before the first document.
    """

    name: ClassVar[str] = ""
    requires: ClassVar[tuple[str, ...]] = ()
    produces: ClassVar[tuple[str, ...]] = ()
    changes_text: ClassVar[bool] = False

    class Options(Options):
        pass

    def __init__(self, options: Options | dict[str, Any] | None = None) -> None:
        if options is None:
            options = self.Options()
        elif isinstance(options, dict):
            options = self.Options(**options)
        self.options = options

    def setup(self) -> None:
        """Load heavy resources (models, gazetteers). Runs once per pipeline."""

    def process(self, doc: Document) -> None:
        """Add this step's layers and data to ``doc``."""
        raise NotImplementedError(f"{type(self).__name__} does not implement process()")

    def summarize(self, doc: Document) -> dict[str, Any]:
        """This step's part of the report (JSON-serialisable, source offsets)."""
        return {}

    @classmethod
    def describe(cls) -> str:
        """The first line of the class docstring."""
        doc = (cls.__doc__ or "").strip()
        return doc.splitlines()[0] if doc else ""

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r}>"
