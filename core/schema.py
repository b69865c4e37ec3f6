"""JSON Schemas: for pipeline configs (built from the installed processors) and reports."""

from __future__ import annotations

import json
from importlib import resources
from typing import TYPE_CHECKING, Any

from .config import STEP_KEYS, TOP_KEYS

if TYPE_CHECKING:
    from .host import PluginHost

__all__ = ["config_schema", "report_schema"]


def report_schema() -> dict[str, Any]:
    """The JSON Schema every report (``-f json``) conforms to."""
    text = (resources.files("pressline") / "schemas" / "report.schema.json").read_text("utf-8")
    return json.loads(text)


def config_schema(host: PluginHost) -> dict[str, Any]:
    """A JSON Schema for pipeline configs, covering every installed processor's options.

    Editors that understand JSON Schema (VS Code's YAML extension, for one) use it to
    complete and check configs as they are typed.
    """
    variants = []
    for name in sorted(host.processors):
        cls = host.processors[name].cls
        options = cls.Options.model_json_schema()
        variants.append(
            {
                "if": {"properties": {"uses": {"const": name}}, "required": ["uses"]},
                "then": {"properties": {"with": options}},
            }
        )
    step = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "id": {
                "type": "string",
                "pattern": r"^[A-Za-z_][A-Za-z0-9_\-]*$",
                "description": "Unique step id; defaults to the processor name.",
            },
            "uses": {
                "enum": sorted(host.processors),
                "description": "The processor this step runs.",
            },
            "with": {"type": "object", "description": "The processor's options."},
            "enabled": {"type": "boolean", "default": True},
            "after": {"type": "string", "description": "With extends: place after this id."},
            "before": {"type": "string", "description": "With extends: place before this id."},
        },
        "allOf": variants,
    }
    assert set(step["properties"]) == set(STEP_KEYS)
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "pressline pipeline config",
        "type": "object",
        "additionalProperties": False,
        "required": ["version"],
        "properties": {
            "version": {"const": 1},
            "name": {"type": "string"},
            "description": {"type": "string"},
            "extends": {
                "type": "string",
                "description": "A built-in config name or a path to start from.",
            },
            "reference_date": {"anyOf": [{"type": "string", "format": "date"}, {"type": "null"}]},
            "plugins": {
                "type": "array",
                "items": {"type": "string"},
                "description": "Extra plugin modules or .py files (runs their code).",
            },
            "steps": {"type": "array", "items": step},
        },
    }
    assert set(schema["properties"]) == set(TOP_KEYS)
    return schema
