"""The plugin host: finds plugins, loads each in isolation, and collects what they register.

Plugins come from three places, all through the same path: the built-in plugins of
``pressline.plugins``, installed distributions' entry points (group ``pressline``), and a
config's ``plugins:`` list (module names, or ``.py`` files relative to the config). A
plugin that fails to import or to register is recorded with its error; the rest keep
working, and only a pipeline that needs it fails.

Environment variables:

``PRESSLINE_DISABLE_PLUGINS``
    Comma-separated plugin (or distribution) names not to load.
``PRESSLINE_LOAD_PLUGINS``
    If set, only these installed (entry-point) plugins load; built-ins always load.
    Set it to an empty string to load no installed plugins.
``PRESSLINE_STRICT_PLUGINS``
    ``1`` makes any plugin load error fatal (for plugin development).
``PRESSLINE_TRACE_HOOKS``
    ``1`` prints every hook call to standard error.
"""

from __future__ import annotations

import difflib
import hashlib
import importlib
import importlib.metadata
import importlib.util
import os
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import pluggy

from . import __version__, hookspecs
from .errors import PluginLoadError
from .processor import Options, Processor

__all__ = ["BUILTIN_PLUGINS", "PluginHost", "PluginInfo", "ProcessorEntry"]

#: The built-in plugins, registered exactly as third-party ones are.
BUILTIN_PLUGINS: tuple[str, ...] = (
    "pressline.plugins.readers",
    "pressline.plugins.formats",
    "pressline.plugins.cleaner",
    "pressline.plugins.sectioner",
    "pressline.plugins.entities",
    "pressline.plugins.timeline",
    "pressline.plugins.quotes",
)

ENTRY_POINT_GROUP = "pressline"
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def _env_list(name: str) -> set[str] | None:
    value = os.environ.get(name)
    if value is None:
        return None
    return {part.strip() for part in value.split(",") if part.strip()}


def _env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


def _describe(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


@dataclass
class PluginInfo:
    """What ``pressline plugins list`` shows about one plugin."""

    name: str
    source: str  # "builtin" | "entrypoint" | "config"
    module: str | None = None
    version: str | None = None
    distribution: str | None = None
    processors: list[str] = field(default_factory=list)
    formats: list[str] = field(default_factory=list)
    commands: list[str] = field(default_factory=list)
    hooks: list[str] = field(default_factory=list)
    error: str | None = None
    code: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "version": self.version,
            "distribution": self.distribution,
            "processors": list(self.processors),
            "hooks": list(self.hooks),
            "error": self.error,
        }


@dataclass(frozen=True)
class ProcessorEntry:
    name: str
    cls: type[Processor]
    plugin: str


class PluginHost:
    """A pluggy plugin manager with pressline's loading rules.

    ``PluginHost()`` loads the built-ins and installed plugins (honouring the environment
    variables above). Each :class:`~pressline.Pipeline` gets its own host, so plugins a
    config names never leak into another pipeline.
    """

    def __init__(self, *, entry_points: bool = True, builtins: bool = True) -> None:
        self.pm = pluggy.PluginManager(hookspecs.PROJECT)
        self.pm.add_hookspecs(hookspecs)
        if _env_flag("PRESSLINE_TRACE_HOOKS"):
            self.pm.trace.root.setwriter(sys.stderr.write)
            self.pm.enable_tracing()
        self.strict = _env_flag("PRESSLINE_STRICT_PLUGINS")
        self.disabled = _env_list("PRESSLINE_DISABLE_PLUGINS") or set()
        self.plugins: dict[str, PluginInfo] = {}
        self.processors: dict[str, ProcessorEntry] = {}
        self.formats: dict[str, tuple[Callable[..., str], str]] = {}
        self.commands: dict[str, tuple[Any, str]] = {}
        if builtins:
            for module in BUILTIN_PLUGINS:
                self._load(module.rsplit(".", 1)[1], "builtin", lambda m=module: import_module(m))
        if entry_points:
            self._load_entry_points()

    # -- discovery -------------------------------------------------------------------
    def _load_entry_points(self) -> None:
        allowed = _env_list("PRESSLINE_LOAD_PLUGINS")
        for ep in sorted(
            importlib.metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name
        ):
            if allowed is not None and ep.name not in allowed:
                continue
            dist = getattr(ep, "dist", None)
            dist_name = dist.name if dist is not None else None
            version = dist.version if dist is not None else None
            if ep.name in self.plugins:
                continue  # the same distribution seen twice on sys.path
            self._load(
                ep.name,
                "entrypoint",
                ep.load,
                module=ep.value,
                distribution=dist_name,
                version=version,
            )

    def load_config_plugin(self, ref: str, base_dir: Path | None) -> PluginInfo:
        """Load a plugin a config names: a module name or a ``.py`` file."""
        if ref.endswith(".py") or "/" in ref or os.sep in ref:
            path = Path(ref)
            if not path.is_absolute() and base_dir is not None:
                path = base_dir / path
            path = path.resolve()
            name = path.stem
            taken = self.plugins.get(name)
            if taken is not None and taken.source != "config":
                name = str(path)
            return self._load(
                name, "config", lambda: _import_file(path), module=str(path), reload=True
            )
        return self._load(ref, "config", lambda: import_module(ref), module=ref)

    def _load(
        self,
        name: str,
        source: str,
        loader: Callable[[], Any],
        *,
        module: str | None = None,
        distribution: str | None = None,
        version: str | None = None,
        reload: bool = False,
    ) -> PluginInfo:
        existing = self.plugins.get(name)
        if existing is not None:
            if not reload:
                return existing
            for proc in existing.processors:
                self.processors.pop(proc, None)
            for fmt in existing.formats:
                self.formats.pop(fmt, None)
            for command in existing.commands:
                self.commands.pop(command, None)
            if self.pm.has_plugin(name):
                self.pm.unregister(name=name)
        if source == "builtin":
            distribution, version = "pressline", __version__
        info = PluginInfo(
            name=name,
            source=source,
            module=module or name,
            version=version,
            distribution=distribution,
        )
        self.plugins[name] = info
        if name in self.disabled or (distribution and distribution in self.disabled):
            info.error = "disabled by PRESSLINE_DISABLE_PLUGINS"
            info.code = "PL211"
            return info
        try:
            obj = loader()
        except Exception as exc:  # any error in a plugin's import is the plugin's
            return self._fail(info, "PL211", f"failed to import: {_describe(exc)}", exc)
        if isinstance(obj, ModuleType):
            info.module = obj.__name__ if source != "config" else info.module
        try:
            if self.pm.is_registered(obj):
                self.pm.unregister(obj)
            self.pm.register(obj, name=name)
        except Exception as exc:  # pluggy's validation errors, name clashes
            return self._fail(info, "PL211", f"cannot be registered: {exc}", exc)
        unknown = self._unknown_hooks(name)
        if unknown:
            self.pm.unregister(name=name)
            known = [
                h
                for h in dir(self.pm.hook)
                if not h.startswith("_") and getattr(self.pm.hook, h).spec is not None
            ]
            hints = []
            for hook in unknown:
                close = difflib.get_close_matches(hook, known, n=1)
                hints.append(f"{hook!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
            return self._fail(info, "PL212", f"implements unknown hook {', '.join(hints)}", None)
        info.hooks = sorted(
            impl_name
            for impl_name in dir(self.pm.hook)
            if not impl_name.startswith("_")
            and any(i.plugin_name == name for i in getattr(self.pm.hook, impl_name).get_hookimpls())
        )
        self._collect(info)
        return info

    def _fail(
        self, info: PluginInfo, code: str, message: str, exc: BaseException | None
    ) -> PluginInfo:
        info.error = message
        info.code = code
        if self.pm.has_plugin(info.name):
            self.pm.unregister(name=info.name)
        if self.strict:
            raise PluginLoadError(
                f"plugin {info.name!r} {message}",
                code=code,
                fix="Fix the plugin, or unset PRESSLINE_STRICT_PLUGINS to load the others.",
            ) from exc
        return info

    def _unknown_hooks(self, plugin_name: str) -> list[str]:
        unknown = []
        for hook_name in dir(self.pm.hook):
            if hook_name.startswith("_"):
                continue
            caller = getattr(self.pm.hook, hook_name)
            if caller.spec is None and any(
                i.plugin_name == plugin_name for i in caller.get_hookimpls()
            ):
                unknown.append(hook_name)
        return unknown

    # -- registration ------------------------------------------------------------------
    def _collect(self, info: PluginInfo) -> None:
        """Run the plugin's registration hooks, attributing what it registers to it."""
        problems: list[tuple[str, str]] = []

        def register_processor(cls: Any) -> None:
            problem = _check_processor_class(cls)
            if problem:
                problems.append(("PL214", problem))
                return
            clash = self.processors.get(cls.name)
            if clash is not None and clash.plugin != info.name:
                problems.append(
                    (
                        "PL213",
                        f"registers processor {cls.name!r}, which plugin "
                        f"{clash.plugin!r} already registers",
                    )
                )
                return
            self.processors[cls.name] = ProcessorEntry(cls.name, cls, info.name)
            if cls.name not in info.processors:
                info.processors.append(cls.name)

        def register_format(name: str, render: Callable[..., str]) -> None:
            if not isinstance(name, str) or not _NAME.match(name) or not callable(render):
                problems.append(("PL214", f"registers an invalid report format {name!r}"))
                return
            self.formats[name] = (render, info.name)
            if name not in info.formats:
                info.formats.append(name)

        group = _command_group()
        calls = (
            ("register_processors", register_processor),
            ("register_report_formats", register_format),
            ("register_commands", group),
        )
        for hook_name, arg in calls:
            for impl in getattr(self.pm.hook, hook_name).get_hookimpls():
                if impl.plugin_name != info.name:
                    continue
                try:
                    impl.function(**{a: arg for a in impl.argnames})
                except Exception as exc:
                    problems.append(("PL211", f"failed in {hook_name}: {_describe(exc)}"))
        from .cli import BUILTIN_COMMANDS

        for name, command in group.commands.items():
            owner = self.commands.get(name)
            if name in BUILTIN_COMMANDS or (owner and owner[1] != info.name):
                by = "pressline" if name in BUILTIN_COMMANDS else f"plugin {owner[1]!r}"
                problems.append(("PL213", f"adds command {name!r}, which {by} already has"))
                continue
            self.commands[name] = (command, info.name)
            info.commands.append(name)
        if problems:
            code = problems[0][0]
            # whatever it registered before failing stays out of use, so a half-loaded
            # plugin never runs
            for proc in info.processors:
                self.processors.pop(proc, None)
            for fmt in info.formats:
                self.formats.pop(fmt, None)
            for command in info.commands:
                self.commands.pop(command, None)
            info.processors.clear()
            info.formats.clear()
            info.commands.clear()
            self._fail(info, code, "; ".join(m for _, m in problems), None)

    # -- queries -------------------------------------------------------------------------
    @property
    def load_errors(self) -> list[PluginInfo]:
        return [
            p
            for p in self.plugins.values()
            if p.error and p.error != "disabled by PRESSLINE_DISABLE_PLUGINS"
        ]

    def processor(self, name: str) -> ProcessorEntry | None:
        return self.processors.get(name)

    def producers(self, item: str) -> list[ProcessorEntry]:
        """The registered processors that produce ``item`` (a layer or data key), by name."""
        return sorted(
            (e for e in self.processors.values() if item in e.cls.produces), key=lambda e: e.name
        )

    def suggest(self, name: str, choices: Iterable[str]) -> str | None:
        close = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.6)
        return close[0] if close else None

    def list_plugins(self) -> list[PluginInfo]:
        return sorted(self.plugins.values(), key=lambda p: (p.source != "builtin", p.name))


def _command_group() -> Any:
    """A click group for ``register_commands`` to fill (click is always installed)."""
    import click

    return click.Group("pressline")


def import_module(name: str) -> ModuleType:
    return importlib.import_module(name)


def _import_file(path: Path) -> ModuleType:
    if not path.is_file():
        raise FileNotFoundError(f"no such file: {path}")
    digest = hashlib.sha1(str(path).encode()).hexdigest()[:10]
    mod_name = f"pressline_file_plugin_{re.sub(r'[^A-Za-z0-9_]', '_', path.stem)}_{digest}"
    spec = importlib.util.spec_from_file_location(mod_name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[mod_name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(mod_name, None)
        raise
    return module


def _check_processor_class(cls: Any) -> str | None:
    if not isinstance(cls, type) or not issubclass(cls, Processor):
        return f"registered {cls!r}, which is not a subclass of pressline.Processor"
    name = getattr(cls, "name", "")
    if not isinstance(name, str) or not _NAME.match(name):
        return (
            f"registered {cls.__name__} with name {name!r}; a processor name must be "
            "snake_case (lowercase letters, digits and underscores)"
        )
    for attr in ("requires", "produces"):
        value = getattr(cls, attr, ())
        if not isinstance(value, tuple) or not all(isinstance(v, str) for v in value):
            return f"{cls.__name__}.{attr} must be a tuple of strings, not {value!r}"
    opts = getattr(cls, "Options", None)
    if not isinstance(opts, type) or not issubclass(opts, Options):
        return f"{cls.__name__}.Options must subclass pressline.Options"
    if getattr(cls, "process", None) is Processor.process:
        return f"{cls.__name__} does not implement process()"
    return None
