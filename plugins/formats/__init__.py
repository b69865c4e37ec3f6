"""The built-in report formats.

=============  ==================================================================
``json``       the report's JSON object, exactly as the contract gives it
``text``       the default: a compact summary for an 80-column terminal (rich)
``markdown``   title, sections, entities, timeline and quotes, for notes and tickets
``html``       one self-contained page: the article with its entities highlighted,
               the sections, an entity table and the timeline on a time axis
=============  ==================================================================

Each renderer lays out the report's JSON object, so parts that a pipeline lacks (no
entity, timeline or quote step) are simply left out. The functions ``to_text``,
``to_markdown`` and ``to_html`` render such an object (from ``report.to_dict()`` or a
JSON file); the hook registers wrappers that take a :class:`~pressline.Report`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pressline.hookspecs import hookimpl
from pressline.report import Report

from .html import to_html
from .markdown import to_markdown
from .text import terminal_width, to_text, use_color

__all__ = [
    "render_html",
    "render_json",
    "render_markdown",
    "render_text",
    "report_data",
    "to_html",
    "to_markdown",
    "to_text",
]


def report_data(report: Report, layers: list[str] | str | None = None) -> dict[str, Any]:
    """The report's JSON object, with the reader's metadata (author, site, url) in it.

    ``document.meta`` is what the reader found beside the text; the renderers show it.
    """
    data = report.to_dict(layers)
    meta = getattr(report.document, "meta", None)
    if meta and "meta" not in data["document"]:
        data["document"] = {**data["document"], "meta": dict(meta)}
    return data


def render_json(report: Report, layers: list[str] | str | None = None) -> str:
    return report.to_json(layers) + "\n"


def _output() -> str | None:
    # `run -o FILE` writes the rendered text to a file, which must not get a terminal's
    # colour codes even when standard output is a terminal
    import click

    ctx = click.get_current_context(silent=True)
    return ctx.params.get("output") if ctx is not None else None


def render_text(report: Report, layers: list[str] | str | None = None) -> str:
    color = use_color(_output())
    width = terminal_width() if color else 80
    return to_text(report_data(report, layers), width=width, color=color)


def render_markdown(report: Report, layers: list[str] | str | None = None) -> str:
    return to_markdown(report_data(report, layers))


def render_html(report: Report, layers: list[str] | str | None = None) -> str:
    paragraphs = None
    if report.document.has_layer("paragraphs"):
        # the page lays paragraphs out as the sectioner found them
        spans = report.to_dict(["paragraphs"])["layers"]["paragraphs"]
        paragraphs = [(s["start"], s["end"]) for s in spans]
    return to_html(report_data(report, layers), paragraphs=paragraphs)


@hookimpl
def register_report_formats(register: Callable[[str, Callable[..., str]], None]) -> None:
    register("json", render_json)
    register("text", render_text)
    register("markdown", render_markdown)
    register("html", render_html)
