"""The hook specifications, grouped by phase.

Hooks register things or observe the pipeline; none decides the order of steps (the
YAML does). Every hook is optional for a plugin. New hooks are only ever added.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from .document import Document
    from .engine import Pipeline
    from .report import Report

PROJECT = "pressline"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


# -- registration: called once, when the plugin host starts ------------------------------
@hookspec
def register_processors(register: Callable[[type], None]) -> None:
    """Register processor classes: call ``register(MyProcessor)`` for each.

    A processor's ``name`` is what configs put in ``uses:``; names are global, so a
    clash between two plugins is an error naming both.
    """


@hookspec
def register_report_formats(register: Callable[[str, Callable[..., str]], None]) -> None:
    """Register report renderers: ``register("csv", render)``.

    ``render(report: Report, layers: list[str] | None) -> str`` returns the whole output.
    """


@hookspec
def register_commands(cli: Any) -> None:
    """Add subcommands to ``pressline``: ``cli`` is a click group.

    Use ``@cli.command()`` or ``cli.add_command(command)``. Plugin commands load only when
    they are invoked, so ``pressline --help`` stays fast; ``pressline plugins list``
    shows them.
    """


# -- input ---------------------------------------------------------------------------------
@hookspec(firstresult=True)
def read_document(path: str, data: bytes, options: dict[str, Any]) -> Document | None:
    """Turn an input into a :class:`Document`, or return None to let other readers try.

    ``path`` is the input's name (``-`` for standard input), ``data`` its bytes, and
    ``options`` what the command line said about it (``input_format``). The first reader
    that returns a document wins; the built-in plain-text reader runs last.
    """


# -- observation: called around every document --------------------------------------------
@hookspec
def pipeline_started(pipeline: Pipeline, document: Document) -> None:
    """Called before the first step runs on ``document``."""


@hookspec
def pipeline_finished(pipeline: Pipeline, document: Document, report: Report) -> None:
    """Called after the report for ``document`` is built."""
