"""Human-readable descriptions of processors and their options."""

from __future__ import annotations

from typing import Any

from pydantic_core import PydanticUndefined

from .processor import Processor

__all__ = ["describe_processor", "option_rows"]


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
