"""``-f text``: a compact summary for a terminal, laid out with rich in 80 columns or fewer.

Colour only when the output is a terminal: never when it is piped or written to a file
with ``-o``, never with ``NO_COLOR`` set. The width is the terminal's, up to 80 columns.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
import textwrap
from typing import TYPE_CHECKING, Any

from .view import ReportView, plural, printable

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

__all__ = ["WIDTH", "to_text", "use_color"]

WIDTH = 80
# A summary lists this many of each kind (the most mentioned entities, the first of the
# rest); -f markdown and -f html list them all.
_MOST = {"entities": 12, "removed": 20, "events": 20, "quotes": 10}
_TYPE_STYLES = {
    "PERSON": "magenta",
    "NORP": "bright_magenta",
    "FAC": "cyan",
    "ORG": "bright_cyan",
    "GPE": "yellow",
    "LOC": "bright_yellow",
    "PRODUCT": "green",
    "EVENT": "bright_green",
    "WORK_OF_ART": "blue",
    "LAW": "red",
    "LANGUAGE": "bright_red",
}


def use_color(output: str | None = None) -> bool:
    """Whether ``-f text`` output gets colours (see the module's documentation)."""
    if os.environ.get("NO_COLOR") or output not in (None, "-"):
        return False
    return sys.stdout.isatty()


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def to_text(data: dict[str, Any], *, width: int = WIDTH, color: bool = False) -> str:
    """The summary of a report's JSON object, ``width`` columns wide."""
    from rich.console import Console  # rich loads only when a summary is printed

    data = printable(data)
    view = ReportView.from_dict(data)
    width = max(40, min(width, WIDTH))
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        color_system="standard" if color else None,
        no_color=not color,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
        legacy_windows=False,
    )
    out = _Out(console, width)
    _head(out, view)
    if view.has_cleaner:
        _cleaner(out, view)
    if view.has_sectioner:
        _sectioner(out, view)
    if view.has_entities:
        _entities(out, view)
    if view.has_timeline:
        _timeline(out, view)
    if view.has_quotes:
        _quotes(out, view)
    for step_id, part in view.others.items():
        out.blank()
        out.line(_generic(step_id, part, width))
    layers = data.get("layers")
    if isinstance(layers, dict):
        _layers(out, view, layers)
    if view.warnings:
        out.blank()
        out.line("Warnings:", "bold yellow")
        for warning in view.warnings:
            out.wrapped(warning, "  - ", "    ")
    text = buffer.getvalue()
    if not color:
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text.rstrip("\n") + "\n"


class _Out:
    def __init__(self, console: Console, width: int) -> None:
        self.console = console
        self.width = width

    def line(self, text: str | Text, style: str = "") -> None:
        from rich.text import Text

        item = text if isinstance(text, Text) else Text(text, style=style)
        self.console.print(item, no_wrap=True, overflow="ellipsis", crop=True)

    def blank(self) -> None:
        self.console.print()

    def wrapped(self, text: str, first: str = "  ", rest: str = "  ", style: str = "") -> None:
        for line in textwrap.wrap(
            " ".join(text.split()), self.width, initial_indent=first, subsequent_indent=rest
        ) or [first.rstrip()]:
            self.line(line, style)

    def table(self, table: Table) -> None:
        self.console.print(table)


def _head(out: _Out, view: ReportView) -> None:
    from rich.text import Text

    title = view.title or f"(untitled) {view.doc_id}"
    out.line(title, "bold")
    out.line("=" * min(len(title) + 11, out.width - 2), "dim")
    out.line(
        Text.assemble(
            (view.doc_id, "bold"),
            f" · {len(view.text):,} chars · ",
            (view.date_line(), "green" if view.reference_date else "dim"),
        )
    )
    facts = [str(view.meta[k]) for k in ("author", "site", "url") if view.meta.get(k)]
    if facts:
        out.line(" · ".join(facts), "dim")
    if view.steps:
        out.line(
            f"pipeline {view.pipeline}: "
            + " → ".join(view.step_ids())
            + f" ({view.seconds():.3f} s)",
            "dim",
        )


def _more(out: _Out, items: list[Any], kind: str) -> None:
    extra = len(items) - _MOST[kind]
    if extra > 0:
        out.line(f"  … and {extra} more (-f markdown or -f html lists all)", "dim")


def _cleaner(out: _Out, view: ReportView) -> None:
    out.blank()
    removed = view.removed
    if not removed:
        out.line("Cleaner removed nothing.")
        return
    out.line(f"Cleaner removed {plural(len(removed), 'line')}:", "bold")
    for item in removed[: _MOST["removed"]]:
        line = view.line_of(item["start"])
        head = f"  line {line:<4} {item.get('reason') or '':<12} "
        room = max(10, out.width - len(head) - 2)  # two for the quotes repr adds
        out.line(f"{head}{_clip(str(item.get('text', '')), room)!r}")
    _more(out, removed, "removed")


def _sectioner(out: _Out, view: ReportView) -> None:
    from rich.text import Text

    out.blank()
    if view.standfirst:
        out.line("Standfirst:", "bold")
        out.wrapped(view.standfirst, "  ", "  ", "italic")
    top = []
    if view.byline:
        top.append(("Byline", str(view.byline.get("text", ""))))
    if view.dateline:
        place = str(view.dateline.get("place") or "")
        when = view.dateline.get("date")
        top.append(("Dateline", f"{place} · {when}" if when else place))
    for label, value in top:
        out.line(Text.assemble((f"{label}: ", "bold"), _clip(value, out.width - len(label) - 2)))
    sections = view.sections
    out.line(
        f"Body: {plural(view.paragraphs or 0, 'paragraph')}, "
        f"{plural(view.sentences or 0, 'sentence')} in {plural(len(sections), 'section')}",
        "bold",
    )
    for n, sec in enumerate(sections, 1):
        heading = sec.get("heading") or "(untitled)"
        counts = (
            f" — {plural(sec.get('paragraphs', 0), 'paragraph')}, "
            f"{plural(sec.get('sentences', 0), 'sentence')}"
        )
        room = max(12, out.width - len(counts) - 6)
        out.line(f"  {n}. {_clip(str(heading), room)}{counts}")


def _table(*columns: tuple[str, dict[str, Any]]) -> Table:
    from rich import box
    from rich.table import Table

    table = Table(
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        header_style="bold",
        expand=False,
        padding=(0, 1),
    )
    for name, options in columns:
        table.add_column(name, **options)
    return table


def _entities(out: _Out, view: ReportView) -> None:
    from rich.text import Text

    out.blank()
    entities = view.entities
    if not entities:
        out.line("Entities: none found.")
        return
    out.line(f"Entities ({len(entities)}):", "bold")
    table = _table(
        ("Entity", {"overflow": "fold", "ratio": 3}),
        ("Type", {"no_wrap": True}),
        ("#", {"justify": "right", "no_wrap": True}),
        ("Also / roles", {"overflow": "fold", "ratio": 4}),
    )
    ordered = sorted(entities, key=lambda e: (-e.count, e.name))
    for entity in ordered[: _MOST["entities"]]:
        extra = ", ".join(entity.aliases)
        if entity.roles:
            extra = (extra + "; " if extra else "") + "; ".join(entity.roles)
        table.add_row(
            Text(entity.name, style=_TYPE_STYLES.get(entity.type, "")),
            entity.type,
            str(entity.count),
            _clip(extra, 60),
        )
    out.table(table)
    _more(out, ordered, "entities")


def _when(event: Any) -> str:
    if event.start_date is None:
        return event.value or "?"
    start, end = event.start_date.isoformat(), event.end_date.isoformat()
    return start if start == end else f"{event.value or start}"


def _timeline(out: _Out, view: ReportView) -> None:
    out.blank()
    events = view.events
    if not events:
        out.line(f"Timeline: {plural(len(view.timexes), 'time expression')}, no dated events.")
        return
    counts = f"{plural(len(events), 'event')}, {plural(len(view.timexes), 'time expression')}"
    out.line(f"Timeline ({counts}):", "bold")
    table = _table(
        ("When", {"no_wrap": True, "style": "green"}),
        ("Said", {"overflow": "fold", "ratio": 1}),
        ("What", {"overflow": "fold", "ratio": 4}),
    )
    for event in events[: _MOST["events"]]:
        said = event.timex.text if event.timex else ""
        sentence = event.sentence.text if event.sentence else ""
        table.add_row(_when(event), _clip(said, 24), _clip(sentence, 96))
    out.table(table)
    _more(out, events, "events")


def _quotes(out: _Out, view: ReportView) -> None:
    out.blank()
    if not view.quotes:
        out.line("Quotes: none found.")
        return
    out.line(f"Quotes ({len(view.quotes)}):", "bold")
    for quote in view.quotes[: _MOST["quotes"]]:
        out.wrapped(_clip(quote.text, 150), "  ", "    ", "italic")
        out.line(f"    — {quote.who}", "dim")
    _more(out, view.quotes, "quotes")


def _generic(step_id: str, part: Any, width: int) -> str:
    if not isinstance(part, dict):
        return _clip(f"{step_id}: {part!r}", width)
    bits = []
    for key, value in part.items():
        if isinstance(value, list):
            bits.append(f"{key}: {len(value)}")
        elif isinstance(value, dict):
            bits.append(f"{key}: {{{len(value)} keys}}")
        else:
            bits.append(f"{key}: {_clip(str(value), 40)}")
    return _clip(f"{step_id}: " + (", ".join(bits) if bits else "(nothing)"), width)


def _layers(out: _Out, view: ReportView, layers: dict[str, Any]) -> None:
    for name, spans in layers.items():
        out.blank()
        out.line(f"Layer {name}: {len(spans)} spans", "bold")
        for span in spans:
            label = f"[{span['label']}] " if span.get("label") else ""
            piece = view.text[span["start"] : span["end"]]
            head = f"  {span['start']:>6}-{span['end']:<6} {label}"
            out.line(head + _clip(piece, max(10, out.width - len(head))))


def terminal_width() -> int:
    """The terminal's width when writing to one, else :data:`WIDTH`."""
    if sys.stdout.isatty():
        return min(WIDTH, shutil.get_terminal_size((WIDTH, 24)).columns)
    return WIDTH
