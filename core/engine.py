"""The pipeline: load a config, check it, set its steps up, and run documents through it."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from .config import ConfigDraft, StepDraft, _did_you_mean, load_config, parse_date
from .document import Document
from .errors import (
    ConfigError,
    ContractError,
    InputError,
    PresslineError,
    Problem,
    ProcessingError,
    UsageError,
)
from .host import PluginHost, PluginInfo
from .jsontext import json_error
from .processor import Processor
from .report import Report, collector_paused

if TYPE_CHECKING:
    from .worker import Failure

__all__ = ["Pipeline", "Step"]


@dataclass
class Step:
    """One configured step: its id, the processor it runs, and where that comes from."""

    id: str
    uses: str
    processor: Processor
    plugin: PluginInfo
    enabled: bool = True

    @property
    def requires(self) -> tuple[str, ...]:
        return type(self.processor).requires

    @property
    def produces(self) -> tuple[str, ...]:
        return type(self.processor).produces

    @property
    def changes_text(self) -> bool:
        return type(self.processor).changes_text


class Pipeline:
    """An ordered chain of steps built from a config.

    >>> pipeline = Pipeline.load("news")
    >>> report = pipeline.run("Headline\\n\\nBody text.", id="demo")
    >>> report.to_dict()["sectioner"]["title"]
    'Headline'
    """

    def __init__(
        self,
        name: str,
        steps: list[Step],
        *,
        host: PluginHost,
        reference_date: date | None = None,
        source: str | None = None,
        description: str | None = None,
    ) -> None:
        self.name = name
        self.steps = steps
        self.host = host
        self.reference_date = reference_date
        self.source = source
        self.description = description
        self._ready = False

    # -- building ------------------------------------------------------------------------
    @classmethod
    def load(
        cls,
        config: str | os.PathLike[str] = "news",
        *,
        sets: Iterable[str] = (),
        host: PluginHost | None = None,
    ) -> Pipeline:
        """Build a pipeline from a built-in config name or a YAML path.

        Every problem in the config is raised at once as a :class:`ConfigError`, before any
        document is read. ``sets`` are ``KEY=VALUE`` overrides, as ``--set`` takes.
        """
        draft = load_config(str(config), tuple(sets))
        return cls.from_draft(draft, host=host)

    @classmethod
    def from_draft(cls, draft: ConfigDraft, *, host: PluginHost | None = None) -> Pipeline:
        host = host if host is not None else PluginHost()
        problems: list[Problem] = list(draft.problems)
        for ref in draft.plugins:
            info = host.load_config_plugin(ref.ref, ref.base_dir)
            if info.error:
                file, line = ref.where
                code = info.code if info.code in ("PL212", "PL213", "PL214") else "PL210"
                problems.append(
                    Problem(
                        code,
                        f"Plugin {ref.ref!r} {info.error}.",
                        "Fix the plugin, or check the module name or the path (relative to the "
                        "config file).",
                        file,
                        line,
                        "plugins",
                    )
                )
        steps: list[Step] = []
        for draft_step in draft.steps:
            step = _build_step(draft_step, host, problems)
            if step is not None:
                steps.append(step)
        problems.extend(_check_order(draft.steps, host))
        if problems:
            raise ConfigError(draft.file, _sorted(problems))
        return cls(
            draft.name,
            steps,
            host=host,
            reference_date=draft.reference_date,
            source=draft.file,
            description=draft.description,
        )

    @property
    def enabled_steps(self) -> list[Step]:
        return [s for s in self.steps if s.enabled]

    def setup(self) -> None:
        """Run every enabled step's ``setup()`` once (done on the first document)."""
        if self._ready:
            return
        for step in self.enabled_steps:
            try:
                step.processor.setup()
            except PresslineError:
                raise
            except Exception as exc:
                raise ProcessingError(
                    f"setup failed: {type(exc).__name__}: {exc}", step=step.id, code="PL404"
                ) from exc
        self._ready = True

    # -- running -------------------------------------------------------------------------
    def run(
        self,
        text: str,
        *,
        reference_date: date | str | None = None,
        id: str = "document",
        source: str = "-",
        meta: dict[str, Any] | None = None,
    ) -> Report:
        """Run the pipeline over ``text`` (the input as read) and return its report."""
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        doc = Document(text, id=id, source_name=source, meta=meta)
        return self.run_document(doc, reference_date=reference_date)

    def run_document(self, doc: Document, *, reference_date: date | str | None = None) -> Report:
        """Run the pipeline over a document a reader made.

        Python's automatic garbage collection is paused while the document runs (see
        :func:`collector_paused`): the steps' spans and reports are freed as usual, and
        the cost of collecting stays proportional to the document.
        """
        with collector_paused():
            return self._run_document(doc, reference_date)

    def _run_document(self, doc: Document, reference_date: date | str | None) -> Report:
        self._date(doc, reference_date)
        self.setup()
        hook = self.host.pm.hook
        hook.pipeline_started(pipeline=self, document=doc)
        timings: list[dict[str, Any]] = []
        sections: dict[str, Any] = {}
        for step in self.enabled_steps:
            started = time.perf_counter()
            self._run_step(step, doc)
            # summarized at once, so a later step that replaces a layer (the same
            # processor run twice) does not change what this step reported
            sections[step.id] = self._summarize(step, doc)
            timings.append(
                {
                    "id": step.id,
                    "uses": step.uses,
                    "plugin": step.plugin.name,
                    "seconds": round(time.perf_counter() - started, 6),
                }
            )
        if not doc.source.strip():
            doc.warn("The document is empty.")
        report = Report(doc, pipeline=self.name, steps=timings, sections=sections, host=self.host)
        hook.pipeline_finished(pipeline=self, document=doc, report=report)
        return report

    def run_many(
        self,
        docs: Iterable[Document | str],
        *,
        workers: int | None = None,
        executor: str = "local",
        scheduler: str | None = None,
        timeout_per_doc: float | None = None,
        on_error: Callable[[Failure], None] | None = None,
    ) -> Iterator[Report]:
        """Run the pipeline over many documents, one report each, in input order.

        Strings become documents with ids ``document-1``, ``document-2``... By default the
        documents run here, one after the other. ``workers=N`` runs them in N worker
        processes (``executor="local"``), or ``executor="dask"`` on a Dask cluster
        (``scheduler``: its address; none starts a local one), as ``pressline batch``
        does: each worker builds this pipeline once from its resolved config, documents go
        in chunks, and a worker that crashes or exceeds ``timeout_per_doc`` seconds is
        replaced. Documents stream through: only a bounded number is in flight at a time.

        A document that fails raises its :class:`ProcessingError` when its turn comes
        (after the reports before it), unless ``on_error`` is given: it is then called
        with the failure (``id``, ``source``, ``step``, ``error``, ``code``, ``message``)
        and the other documents carry on.
        """
        if workers is None and executor == "local" and scheduler is None:
            for n, item in enumerate(docs):
                if isinstance(item, str):
                    item = Document(item, id=f"document-{n + 1}")
                if on_error is None:
                    yield self.run_document(item)
                    continue
                try:
                    report = self.run_document(item)
                except PresslineError as exc:
                    from .worker import failure_from

                    on_error(failure_from(exc, doc_id=item.id, source=item.source_name))
                    continue
                yield report
            return
        from .batch import run_reports

        yield from run_reports(
            self,
            docs,
            workers=workers,
            executor=executor,
            scheduler=scheduler,
            timeout_per_doc=timeout_per_doc,
            on_error=on_error,
        )

    def _date(self, doc: Document, given: date | str | None) -> None:
        if given is not None:
            try:
                doc.reference_date = parse_date(given)
            except ValueError as exc:
                raise UsageError(
                    f"Invalid reference date: {exc}.",
                    code="PL505",
                    fix="Give it as YYYY-MM-DD, e.g. 2022-11-10.",
                ) from None
            doc.reference_date_from = "argument"
        elif doc.reference_date is None and self.reference_date is not None:
            doc.reference_date = self.reference_date
            doc.reference_date_from = "config"

    def _run_step(self, step: Step, doc: Document) -> None:
        layers_before = {name: id(spans) for name, spans in doc._layers.items()}
        data_before = {key: id(value) for key, value in doc.data.items()}
        doc._may_edit = step.changes_text
        doc._step = step.id
        try:
            step.processor.process(doc)
        except ProcessingError as exc:
            exc.step = exc.step or step.id
            exc.document = exc.document or doc.id
            raise
        except PresslineError:
            raise
        except Exception as exc:
            raise ProcessingError(
                f"{type(exc).__name__}: {exc}",
                step=step.id,
                document=doc.id,
                fix="Run with --debug for the traceback.",
            ) from exc
        finally:
            doc._may_edit = False
            doc._step = None
        declared = set(step.produces)
        wrote = {n for n, v in doc._layers.items() if layers_before.get(n) != id(v)}
        wrote |= {k for k, v in doc.data.items() if data_before.get(k) != id(v)}
        wrote |= set(layers_before) - set(doc._layers)
        wrote |= set(data_before) - set(doc.data)
        undeclared = sorted(wrote - declared)
        if undeclared:
            raise ContractError(
                f"{step.uses!r} wrote {', '.join(map(repr, undeclared))}, which it does not "
                "declare in `produces`",
                step=step.id,
                document=doc.id,
                fix=f"Add them to {type(step.processor).__name__}.produces.",
            )

    def _summarize(self, step: Step, doc: Document) -> Any:
        try:
            summary = step.processor.summarize(doc)
        except Exception as exc:
            raise ProcessingError(
                f"summarize() failed: {type(exc).__name__}: {exc}", step=step.id, document=doc.id
            ) from exc
        problem = json_error(summary)
        if problem is not None:
            raise ContractError(
                f"summarize() returned something that is not JSON-serialisable: {problem}",
                step=step.id,
                document=doc.id,
                code="PL405",
                fix="Return only dicts, lists, strings, numbers, booleans and None.",
            )
        return summary

    # -- reading inputs ------------------------------------------------------------------
    def read(self, path: str | os.PathLike[str], *, input_format: str | None = None) -> Document:
        """Read a file (or ``-`` for standard input) into a document via the reader hooks."""
        import sys

        name = os.fspath(path)
        if name == "-":
            data = sys.stdin.buffer.read()
        else:
            p = Path(name)
            if p.is_dir():
                raise InputError(
                    f"{name} is a directory, not a document.",
                    code="PL502",
                    fix="Give a file; `pressline batch` reads directories.",
                )
            if not p.exists():
                raise InputError(f"{name} does not exist.", code="PL501", fix="Check the path.")
            try:
                data = p.read_bytes()
            except OSError as exc:
                raise InputError(f"{name} cannot be read: {exc.strerror}.", code="PL501") from None
        return self.read_bytes(name, data, input_format=input_format)

    def read_bytes(self, name: str, data: bytes, *, input_format: str | None = None) -> Document:
        """Make a document of an input's bytes through the reader hooks (``name`` is its
        path, or ``-``; readers use it to choose a format)."""
        doc = self.host.pm.hook.read_document(
            path=name, data=data, options={"input_format": input_format}
        )
        if doc is None:
            raise InputError(
                f"No reader understands {name}.",
                code="PL504",
                fix="Install a plugin that reads this format.",
            )
        return doc

    # -- describing ------------------------------------------------------------------------
    def resolved(self) -> dict[str, Any]:
        """The config as it will run: every step with all its options filled in."""
        return {
            "version": 1,
            "name": self.name,
            **({"description": self.description} if self.description else {}),
            "reference_date": self.reference_date.isoformat() if self.reference_date else None,
            "steps": [
                {
                    "id": s.id,
                    "uses": s.uses,
                    "with": s.processor.options.model_dump(mode="json"),
                    "enabled": s.enabled,
                }
                for s in self.steps
            ],
        }

    def __repr__(self) -> str:
        return f"Pipeline({self.name!r}, steps={[s.id for s in self.steps]})"


# -- checks before the first document ------------------------------------------------------
def _build_step(draft: StepDraft, host: PluginHost, problems: list[Problem]) -> Step | None:
    uses = draft.data.get("uses")
    if not isinstance(uses, str):
        return None
    entry = host.processor(uses)
    if entry is None:
        names = sorted(host.processors)
        fix = "Processors: " + ", ".join(names) + "."
        broken = host.load_errors
        if broken:
            fix += (
                " Some plugins failed to load: "
                + "; ".join(f"{p.name} ({p.error})" for p in broken)
                + "."
            )
        disabled = [p.name for p in host.plugins.values() if p.error and p not in broken]
        if disabled:
            fix += " Disabled by PRESSLINE_DISABLE_PLUGINS: " + ", ".join(disabled) + "."
        problems.append(
            draft.problem(
                "PL201", f"Unknown processor {uses!r}.{_did_you_mean(uses, names)}", fix, "uses"
            )
        )
        return None
    options_raw = draft.data.get("with") or {}
    try:
        options = entry.cls.Options(**options_raw)
    except ValidationError as exc:
        for err in exc.errors():
            problems.append(_option_problem(draft, entry.cls, err))
        return None
    except TypeError as exc:  # non-string keys
        problems.append(draft.problem("PL204", f"Invalid options: {exc}.", None, "with"))
        return None
    try:
        processor = entry.cls(options)
    except Exception as exc:
        problems.append(
            draft.problem(
                "PL204", f"{uses!r} cannot be created: {type(exc).__name__}: {exc}.", None, "with"
            )
        )
        return None
    return Step(
        id=draft.id,
        uses=uses,
        processor=processor,
        plugin=host.plugins[entry.plugin],
        enabled=draft.data.get("enabled", True),
    )


def _option_problem(draft: StepDraft, cls: type[Processor], err: Any) -> Problem:
    loc = tuple(err.get("loc", ()))
    fields = list(cls.Options.model_fields)
    if err.get("type") == "extra_forbidden" and loc:
        key = str(loc[0])
        listed = ", ".join(fields) if fields else "none"
        return draft.problem(
            "PL204",
            f"Unknown option {key!r} for {cls.name!r}.{_did_you_mean(key, fields)}",
            f"Options: {listed} (see `pressline plugins show {cls.name}`).",
            "with",
            *loc,
        )
    name = ".".join(str(part) for part in loc) or "with"
    message = str(err.get("msg", "invalid value"))
    got = err.get("input")
    if err.get("type") not in ("missing",) and not isinstance(got, dict):
        message += f" (got {got!r})"
    return draft.problem(
        "PL204",
        f"Option {name!r} of {cls.name!r}: {message}.",
        f"See `pressline plugins show {cls.name}` for its type and default.",
        "with",
        *loc,
    )


def _check_order(drafts: list[StepDraft], host: PluginHost) -> list[Problem]:
    """Check the order of every enabled step whose processor is known."""
    problems: list[Problem] = []
    enabled: list[tuple[StepDraft, type[Processor]]] = []
    for draft in drafts:
        entry = host.processor(draft.data.get("uses", ""))
        if draft.data.get("enabled", True) is not False and entry is not None:
            enabled.append((draft, entry.cls))
    if not enabled:
        if drafts and all(d.data.get("enabled", True) is False for d in drafts):
            problems.append(
                Problem(
                    "PL303",
                    "The pipeline has no enabled steps.",
                    "Enable a step or add one.",
                    drafts[0].file,
                )
            )
        return problems
    produced: set[str] = set()
    span_step: StepDraft | None = None
    for pos, (draft, cls) in enumerate(enabled):
        if cls.changes_text and span_step is not None:
            problems.append(
                draft.problem(
                    "PL302",
                    f"{cls.name!r} changes the text, but comes after {span_step.id!r}, whose "
                    "spans would no longer fit it.",
                    f"Move it before {span_step.id!r}.",
                    "uses",
                )
            )
        for need in cls.requires:
            if need in produced:
                continue
            later = next((d for d, c in enabled[pos + 1 :] if need in c.produces), None)
            if later is not None:
                fix = f"Put it after {later.id!r}."
            else:
                makers = [e.name for e in host.producers(need)]
                fix = (
                    "Add a step that uses " + " or ".join(map(repr, makers)) + " before it."
                    if makers
                    else "No installed processor produces it."
                )
            problems.append(
                draft.problem(
                    "PL301",
                    f"{cls.name!r} needs {need!r}, which no earlier step produces.",
                    fix,
                    "uses",
                )
            )
        produced.update(cls.produces)
        if cls.produces and not cls.changes_text and span_step is None:
            span_step = draft
    return problems


def _sorted(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.file or "", p.line or 0))
