"""pressline: turn news articles into structured, trustworthy reports.

The public API::

    from pressline import Pipeline
    report = Pipeline.load("news").run(text, reference_date=date(2022, 11, 10))
    report.to_dict()

Names are imported lazily so that ``pressline --help`` starts fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "Pipeline": ".engine",
    "Step": ".engine",
    "Report": ".report",
    "Document": ".document",
    "Span": ".document",
    "Edit": ".alignment",
    "Processor": ".processor",
    "Options": ".processor",
    "hookimpl": ".hookspecs",
    "hookspec": ".hookspecs",
    "PresslineError": ".errors",
    "ConfigError": ".errors",
    "InputError": ".errors",
    "ProcessingError": ".errors",
    "ContractError": ".errors",
    "PluginLoadError": ".errors",
    "UsageError": ".errors",
    "Problem": ".errors",
}

__all__ = [
    "ConfigError",
    "ContractError",
    "Document",
    "Edit",
    "InputError",
    "Options",
    "Pipeline",
    "PluginLoadError",
    "PresslineError",
    "Problem",
    "ProcessingError",
    "Processor",
    "Report",
    "Span",
    "Step",
    "UsageError",
    "__version__",
    "hookimpl",
    "hookspec",
]

if TYPE_CHECKING:
    from .alignment import Edit
    from .document import Document, Span
    from .engine import Pipeline, Step
    from .errors import (
        ConfigError,
        ContractError,
        InputError,
        PluginLoadError,
        PresslineError,
        Problem,
        ProcessingError,
        UsageError,
    )
    from .hookspecs import hookimpl, hookspec
    from .processor import Options, Processor
    from .report import Report


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'pressline' has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
