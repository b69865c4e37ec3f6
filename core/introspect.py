"""Human-readable descriptions of processors and their options."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic_core import PydanticUndefined

from .processor import Processor

if TYPE_CHECKING:
    from .host import PluginHost

__all__ = ["describe_processor", "explain_config", "option_rows"]


def _type_name(annotation: Any) -> str:
    text = getattr(annotation, "__name__", None) if isinstance(annotation, type) else None
    text = text or str(annotation)
    return text.replace("typing.", "").replace("NoneType", "None")


def option_rows(cls: type[Processor]) -> list[dict[str, Any]]:
    """One row per option: name, type, default, description."""
    rows = []
    for name, field in cls.Options.model_fields.items():
        if field.default is not PydanticUndefined:
            default = field.default
        elif field.default_factory is not None:
            default = field.default_factory()  # type: ignore[call-arg]
        else:
            default = "(required)"
        rows.append(
            {
                "name": name,
                "type": _type_name(field.annotation),
                "default": default,
                "description": field.description or "",
            }
        )
    return rows


def describe_processor(cls: type[Processor], plugin: str) -> str:
    lines = [f"processor {cls.name}  (plugin {plugin})"]
    if cls.describe():
        lines.append(f"  {cls.describe()}")
    lines.append(f"  requires: {', '.join(cls.requires) or 'nothing'}")
    lines.append(f"  produces: {', '.join(cls.produces) or 'nothing'}")
    if cls.changes_text:
        lines.append("  changes the text (runs before any step that produces spans)")
    rows = option_rows(cls)
    if not rows:
        lines.append("  options: none")
        return "\n".join(lines)
    lines.append("  options:")
    for row in rows:
        lines.append(f"    {row['name']}: {row['type']} = {row['default']!r}")
        if row["description"]:
            lines.append(f"        {row['description']}")
    return "\n".join(lines)


def explain_config(config: str, sets: tuple[str, ...], host: PluginHost) -> tuple[str, bool]:
    """The pipeline as a table (one row per step), then its problems with their fixes.

    Returns the text and whether the config is valid.
    """
    from .config import load_config
    from .engine import Pipeline
    from .errors import ConfigError

    draft = load_config(config, sets)
    problems = []
    try:
        Pipeline.from_draft(draft, host=host)
    except ConfigError as exc:
        problems = exc.problems
    rows = [("STEP", "PROCESSOR", "PLUGIN", "REQUIRES", "PRODUCES", "ENABLED")]
    for step in draft.steps:
        uses = step.data.get("uses", "?")
        entry = host.processor(uses) if isinstance(uses, str) else None
        if entry is None:
            rows.append((step.id, f"{uses} (unknown)", "-", "-", "-", "-"))
            continue
        plugin = host.plugins[entry.plugin]
        version = f" {plugin.version}" if plugin.version else ""
        rows.append(
            (
                step.id,
                uses,
                f"{plugin.name}{version}",
                ", ".join(entry.cls.requires) or "-",
                ", ".join(entry.cls.produces) or "-",
                "yes" if step.data.get("enabled", True) is not False else "no",
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    lines = [f"pipeline {draft.name!r} from {draft.file}"]
    if draft.extends:
        lines.append("extends " + " <- ".join(reversed(draft.extends)))
    for row in rows:
        cells = [c.ljust(w) for c, w in zip(row, widths, strict=False)]
        lines.append("  " + "  ".join(cells) + "  " + row[-1])
    if problems:
        lines += ["", f"{len(problems)} problem{'s' if len(problems) != 1 else ''}:"]
        lines += [p.render() for p in problems]
    else:
        lines += ["", "No problems: every step's requirements are produced by an earlier step."]
    return "\n".join(lines), not problems
