"""The built-in report formats: ``json`` (the contract's object) and ``text`` (a summary)."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from typing import Any

from pressline.hookspecs import hookimpl
from pressline.report import Report


def render_json(report: Report, layers: list[str] | str | None = None) -> str:
    return json.dumps(report.to_dict(layers), ensure_ascii=False, indent=2) + "\n"


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _clip(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _cleaner(section: dict[str, Any], report: Report) -> list[str]:
    removed = section.get("removed") or []
    if not removed:
        return ["Cleaner removed nothing."]
    source = report.document.source
    lines = [f"Cleaner removed {len(removed)} line{'s' if len(removed) != 1 else ''}:"]
    for item in removed:
        line = _line_of(source, item["start"])
        lines.append(f"  line {line:<4} {item['reason']:<12} {_clip(item['text'], 56)!r}")
    return lines


def _sectioner(section: dict[str, Any], report: Report) -> list[str]:
    lines = []
    if section.get("standfirst"):
        wrapped = textwrap.wrap(
            section["standfirst"], 76, initial_indent="  ", subsequent_indent="  "
        )
        lines += ["Standfirst:", *wrapped]
    sections = section.get("sections") or []
    lines.append(
        f"Body: {section.get('paragraphs', 0)} paragraphs, {section.get('sentences', 0)} "
        f"sentences in {len(sections)} section{'s' if len(sections) != 1 else ''}"
    )
    for n, sec in enumerate(sections, 1):
        heading = sec.get("heading") or "(untitled)"
        lines.append(
            f"  {n}. {_clip(heading, 48)} — {sec['paragraphs']} paragraphs, "
            f"{sec['sentences']} sentences"
        )
    return lines


def _generic(step_id: str, section: Any) -> list[str]:
    if not isinstance(section, dict):
        return [f"{step_id}: {_clip(json.dumps(section, ensure_ascii=False))}"]
    parts = []
    for key, value in section.items():
        if isinstance(value, list):
            parts.append(f"{key}: {len(value)}")
        elif isinstance(value, dict):
            parts.append(f"{key}: {{{len(value)} keys}}")
        else:
            parts.append(f"{key}: {_clip(str(value), 40)}")
    return [f"{step_id}: " + ", ".join(parts) if parts else f"{step_id}: (nothing)"]


_SECTIONS: dict[str, Callable[[dict[str, Any], Report], list[str]]] = {
    "cleaner": _cleaner,
    "sectioner": _sectioner,
}


def render_text(report: Report, layers: list[str] | str | None = None) -> str:
    doc = report.document
    data = report.to_dict()
    title = None
    for step in report.steps:
        section = data.get(step["id"])
        if isinstance(section, dict) and section.get("title"):
            title = section["title"]
    out = [title or f"(untitled) {doc.id}", "=" * min(len(title or doc.id) + 11, 78)]
    when = (
        f"{doc.reference_date.isoformat()} (from {doc.reference_date_from})"
        if doc.reference_date
        else "no reference date"
    )
    total = sum(s["seconds"] for s in report.steps)
    out.append(f"{doc.id} · {len(doc.source):,} chars · {when}")
    out.append(
        f"pipeline {report.pipeline}: "
        + " → ".join(s["id"] for s in report.steps)
        + f" ({total:.3f} s)"
    )
    for step in report.steps:
        section = data.get(step["id"])
        renderer = _SECTIONS.get(step["uses"])
        out.append("")
        if renderer is not None and isinstance(section, dict):
            out += renderer(section, report)
        else:
            out += _generic(step["id"], section)
    if layers:
        for name, spans in report.to_dict(layers).get("layers", {}).items():
            out += ["", f"Layer {name}: {len(spans)} spans"]
            for span in spans:
                label = f"[{span['label']}] " if span["label"] else ""
                text = doc.source[span["start"] : span["end"]]
                out.append(f"  {span['start']:>6}-{span['end']:<6} {label}{_clip(text, 56)}")
    if report.warnings:
        out += ["", "Warnings:"] + [f"  - {w}" for w in report.warnings]
    return "\n".join(out) + "\n"


@hookimpl
def register_report_formats(register: Callable[[str, Callable[..., str]], None]) -> None:
    register("json", render_json)
    register("text", render_text)
