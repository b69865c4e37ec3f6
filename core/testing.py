"""Helpers for testing plugins (and pressline itself).

::

    from pressline.testing import check_processor, run_processor

    def test_my_processor():
        check_processor(MyProcessor)               # the contract, checked
        report = run_processor(MyProcessor, "Headline\\n\\nOne sentence. Another.", min_words=2)
        assert report["my_processor"]["count"] == 2

With pytest, the fixture ``pressline`` (registered through the ``pytest11`` entry point,
so it is there whenever pressline is installed) offers the same helpers plus a CLI runner.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from .document import Document, Span
from .engine import Pipeline, Step
from .host import PluginHost, PluginInfo, _check_processor_class
from .processor import Processor
from .report import Report

__all__ = [
    "PresslineTester",
    "check_processor",
    "make_document",
    "run_pipeline",
    "run_processor",
]

SpanLike = Span | tuple[int, int] | tuple[int, int, str]
SAMPLE_TEXT = (
    "Council Approves New Budget\n\n"
    "The city council approved a new budget on Tuesday, Mayor Jane Doe said.\n"
    "\u201cIt is a fair plan,\u201d she told reporters. Spending rises 3.5 percent in 2024.\n"
)


def make_document(text: str, **layers: Iterable[SpanLike]) -> Document:
    """A document with the given layers, as if earlier steps had produced them.

    ``make_document("One. Two.", sentences=[(0, 4), (5, 9)])``; a span may be a
    :class:`Span`, ``(start, end)`` or ``(start, end, label)``.
    """
    doc = Document(text)
    for name, spans in layers.items():
        doc.add_layer(name, [_span(s) for s in spans])
    return doc


def _span(value: SpanLike) -> Span:
    if isinstance(value, Span):
        return value
    if len(value) == 2:
        return Span(value[0], value[1])
    return Span(value[0], value[1], value[2])  # type: ignore[misc]


def run_processor(
    processor: str | type[Processor],
    text: str = SAMPLE_TEXT,
    *,
    reference_date: date | str | None = None,
    **options: Any,
) -> Report:
    """Run one processor over ``text`` with the steps its requirements need before it.

    The options are validated as a config's would be, ``setup()`` runs, and the engine
    checks the contract (declared outputs, text edits, a JSON-serialisable summary). The
    processor's summary is ``report[name]``; its layers are on ``report.document``.
    """
    host = PluginHost()
    cls = _resolve(processor, host)
    chain = _requirements(cls, host)
    steps = [_step(c, host, {}) for c in chain] + [_step(cls, host, options)]
    pipeline = Pipeline(f"test-{cls.name}", steps, host=host)
    return pipeline.run(text, reference_date=reference_date, id=f"test-{cls.name}")


def run_pipeline(
    config: str | os.PathLike[str] | dict[str, Any],
    text: str = SAMPLE_TEXT,
    *,
    reference_date: date | str | None = None,
    sets: Sequence[str] = (),
    id: str = "test",
) -> Report:
    """Run a pipeline over ``text``: a built-in name, a YAML path, YAML text, or a dict.

    YAML given as text or a dict is written to a temporary file first, so relative
    ``plugins:`` paths resolve against the current directory.
    """
    if isinstance(config, dict) or (isinstance(config, str) and "\n" in config):
        data = yaml.safe_load(config) if isinstance(config, str) else config
        with tempfile.NamedTemporaryFile(
            "w", suffix=".yaml", dir=Path.cwd(), delete=False, encoding="utf-8"
        ) as handle:
            yaml.safe_dump(data, handle, sort_keys=False)
            path = handle.name
        try:
            pipeline = Pipeline.load(path, sets=sets)
        finally:
            os.unlink(path)
    else:
        pipeline = Pipeline.load(config, sets=sets)
    return pipeline.run(text, reference_date=reference_date, id=id)


def check_processor(cls: type[Processor], text: str = SAMPLE_TEXT) -> None:
    """Assert that ``cls`` keeps the processor contract; every problem is listed at once.

    Checks: a snake_case ``name``; ``requires``/``produces`` as tuples of strings; an
    ``Options`` model that forbids unknown keys and whose fields all have defaults and
    descriptions; cheap construction with defaults; and, run on ``text`` after the steps
    its requirements need, that it writes only what it declares and that its summary is
    JSON-serialisable.
    """
    problems: list[str] = []
    shape = _check_processor_class(cls)
    if shape:
        raise AssertionError(shape)
    options_cls: type[BaseModel] = cls.Options
    if options_cls.model_config.get("extra") != "forbid":
        problems.append(f"{cls.__name__}.Options must forbid unknown keys (extra='forbid')")
    for field_name, info in options_cls.model_fields.items():
        if info.is_required():
            problems.append(f"option {field_name!r} has no default")
        if not info.description:
            problems.append(f"option {field_name!r} has no description")
    try:
        cls.Options(definitely_not_an_option=1)  # type: ignore[call-arg]
        problems.append(f"{cls.__name__}.Options accepted an unknown key")
    except ValidationError:
        pass
    if not cls.describe():
        problems.append(f"{cls.__name__} has no docstring (its first line describes it)")
    if not problems:
        try:
            report = run_processor(cls, text)
        except Exception as exc:
            problems.append(f"running it failed: {type(exc).__name__}: {exc}")
        else:
            summary = report[cls.name]
            if not isinstance(summary, dict):
                problems.append(f"summarize() returned {type(summary).__name__}, not a dict")
            json.dumps(summary)
            for item in cls.produces:
                doc = report.document
                if not (doc.has_layer(item) or item in doc.data):
                    problems.append(f"declares it produces {item!r} but did not add it")
    if problems:
        raise AssertionError(
            f"{cls.__name__} breaks the processor contract:\n- " + "\n- ".join(problems)
        )


def _resolve(processor: str | type[Processor], host: PluginHost) -> type[Processor]:
    if isinstance(processor, str):
        entry = host.processor(processor)
        if entry is None:
            raise LookupError(
                f"no processor {processor!r}; installed: {', '.join(sorted(host.processors))}"
            )
        return entry.cls
    problem = _check_processor_class(processor)
    if problem:
        raise TypeError(problem)
    return processor


def _requirements(cls: type[Processor], host: PluginHost) -> list[type[Processor]]:
    """Processors that produce what ``cls`` needs, in an order that satisfies them."""
    chain: list[type[Processor]] = []
    produced: set[str] = set()

    def need(item: str, path: tuple[str, ...]) -> None:
        if item in produced:
            return
        makers = [e.cls for e in host.producers(item)]
        if not makers:
            raise LookupError(f"no installed processor produces {item!r}, needed by {path[-1]}")
        # prefer built-ins, then the maker with the fewest requirements of its own
        maker = min(
            makers,
            key=lambda c: (
                host.plugins[host.processors[c.name].plugin].source != "builtin",
                len(c.requires),
                c.name,
            ),
        )
        if maker.name in path:
            raise LookupError(f"requirements form a loop: {' -> '.join((*path, maker.name))}")
        for sub in maker.requires:
            need(sub, (*path, maker.name))
        if maker not in chain:
            chain.append(maker)
            produced.update(maker.produces)

    for item in cls.requires:
        need(item, (cls.name,))
    return chain


def _step(cls: type[Processor], host: PluginHost, options: dict[str, Any]) -> Step:
    entry = host.processor(cls.name)
    if entry is not None and entry.cls is cls:
        plugin = host.plugins[entry.plugin]
    else:
        plugin = PluginInfo(name=cls.__module__, source="test", module=cls.__module__)
    return Step(id=cls.name, uses=cls.name, processor=cls(cls.Options(**options)), plugin=plugin)


class PresslineTester:
    """What the ``pressline`` pytest fixture gives a test."""

    make_document = staticmethod(make_document)
    run_processor = staticmethod(run_processor)
    run_pipeline = staticmethod(run_pipeline)
    check_processor = staticmethod(check_processor)
    sample_text = SAMPLE_TEXT

    def cli(self, *args: str, input: str | bytes | None = None) -> Any:
        """Run ``pressline ARGS`` in-process; returns click's Result (exit_code, stdout…)."""
        from click.testing import CliRunner

        from .cli import cli

        return CliRunner().invoke(cli, [str(a) for a in args], input=input)

    def layer_texts(self, report: Report, name: str) -> list[str]:
        """The clean text of each span of layer ``name``."""
        doc = report.document
        return [doc.text[s.start : s.end] for s in doc.layer(name)]


def _pytest_plugin() -> None:
    """Define the fixture only when pytest loads this module as a plugin."""
    import pytest

    @pytest.fixture
    def pressline() -> PresslineTester:
        """pressline's test helpers: run_processor, run_pipeline, check_processor, cli…"""
        return PresslineTester()

    globals()["pressline"] = pressline


if "pytest" in sys.modules:  # loaded by pytest, through the pytest11 entry point
    _pytest_plugin()
