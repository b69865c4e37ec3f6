"""``-f markdown``: the report as CommonMark with GitHub-style tables, for notes and tickets.

Everything that comes from the article is escaped, so a headline with ``*`` or ``|`` in
it, or text that looks like HTML, shows as written and never turns into markup.
"""

from __future__ import annotations

import re
from typing import Any

from .view import Event, ReportView, plural, printable

__all__ = ["escape", "to_markdown"]

# ASCII punctuation that can start inline markup, or raw HTML, in CommonMark or GFM
_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
_LINE_START = re.compile(r"^(\s*)(#|[-+=]|\d+[.)])(?=\s|$|#)")


def escape(text: str) -> str:
    """``text`` as literal Markdown: one line, every markup character backslash-escaped."""
    flat = " ".join(str(text).split())
    flat = _INLINE.sub(r"\\\1", flat)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), flat)


def _cell(text: str, limit: int = 0) -> str:
    flat = " ".join(str(text).split())
    if limit and len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    return escape(flat) or " "


def _table(header: list[str], rows: list[list[str]], align: str = "") -> list[str]:
    marks = [("---:" if a == "r" else "---") for a in (align or "l" * len(header))]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(marks) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _when(event: Event) -> str:
    if event.start_date is None:
        return event.value or "?"
    start, end = event.start_date.isoformat(), event.end_date.isoformat()
    return start if start == end else f"{start} – {end}"


def to_markdown(data: dict[str, Any]) -> str:
    """The Markdown of a report's JSON object."""
    view = ReportView.from_dict(printable(data))
    out: list[str] = [f"# {escape(view.title or view.doc_id)}", ""]
    if view.standfirst:
        out += [f"> {escape(view.standfirst)}", ""]

    facts = [("Document", f"{escape(view.doc_id)} · {len(view.text):,} characters")]
    facts.append(("Reference date", escape(view.date_line())))
    facts.append(("Source", escape(view.source)))
    for key, label in (("author", "Author"), ("site", "Site"), ("url", "Address")):
        if view.meta.get(key):
            facts.append((label, escape(str(view.meta[key]))))
    if view.byline:
        facts.append(("Byline", escape(str(view.byline.get("text", "")))))
    if view.dateline:
        place, when = view.dateline.get("place") or "", view.dateline.get("date")
        facts.append(("Dateline", escape(f"{place} · {when}" if when else str(place))))
    if view.steps:
        facts.append(("Pipeline", escape(f"{view.pipeline}: " + " → ".join(view.step_ids()))))
    out += [f"- **{k}:** {v}" for k, v in facts] + [""]

    if view.has_sectioner:
        out += ["## Sections", ""]
        out.append(
            f"{plural(view.paragraphs or 0, 'paragraph')} and "
            f"{plural(view.sentences or 0, 'sentence')} in "
            f"{plural(len(view.sections), 'section')}."
        )
        out.append("")
        for n, sec in enumerate(view.sections, 1):
            heading = f"**{escape(sec['heading'])}**" if sec.get("heading") else "*(untitled)*"
            out.append(
                f"{n}. {heading} — {plural(sec.get('paragraphs', 0), 'paragraph')}, "
                f"{plural(sec.get('sentences', 0), 'sentence')}"
            )
        out.append("")

    if view.has_entities:
        out += ["## Entities", ""]
        if view.entities:
            rows = [
                [
                    f"**{_cell(e.name)}**",
                    f"`{e.type}`" if re.fullmatch(r"[A-Z_]+", e.type) else _cell(e.type),
                    str(e.count),
                    _cell(", ".join(e.aliases)),
                    _cell("; ".join(e.roles)),
                ]
                for e in sorted(view.entities, key=lambda e: (-e.count, e.name))
            ]
            out += _table(["Entity", "Type", "Mentions", "Also called", "Roles"], rows, "llrll")
        else:
            out.append("No entities found.")
        out.append("")

    if view.has_timeline:
        out += ["## Timeline", ""]
        if view.events:
            with_who = any(view.participants(event) for event in view.events)
            rows = []
            for event in view.events:
                row = [
                    _cell(_when(event)),
                    _cell(event.timex.text if event.timex else ""),
                    _cell(event.sentence.text if event.sentence else "", 240),
                ]
                if with_who:
                    row.append(_cell(", ".join(e.name for e in view.participants(event))))
                rows.append(row)
            header = ["When", "Expression", "What happened"] + (["Who"] if with_who else [])
            out += _table(header, rows)
        else:
            out.append(f"No dated events ({plural(len(view.timexes), 'time expression')}).")
        out.append("")

    if view.has_quotes:
        out += ["## Quotes", ""]
        for quote in view.quotes:
            out += [f"> {escape(quote.text)}", ">", f"> — **{escape(quote.who)}**", ""]
        if not view.quotes:
            out += ["No quotes found.", ""]

    if view.removed:
        out += ["## Removed by the cleaner", ""]
        for item in view.removed:
            line = view.line_of(item["start"])
            out.append(
                f"- line {line}, {escape(str(item.get('reason', '')))}: {_cell(item['text'], 100)}"
            )
        out.append("")

    if view.warnings:
        out += ["## Warnings", ""]
        out += [f"- {escape(w)}" for w in view.warnings]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
