"""Pipeline configs: safe YAML loading with line numbers, ``extends``, ``--set``, checks.

Loading never constructs arbitrary Python objects (YAML is composed with the safe
loader). Every problem found is collected with its file, line and fix, and all of them
are raised together as one :class:`~pressline.errors.ConfigError`.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError, Problem

__all__ = [
    "ConfigDraft",
    "StepDraft",
    "builtin_config_names",
    "builtin_config_path",
    "load_config",
    "parse_date",
]

TOP_KEYS = ("version", "name", "description", "extends", "reference_date", "plugins", "steps")
STEP_KEYS = ("id", "uses", "with", "enabled", "after", "before")
VERSION = 1
_ID = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]*$")

Where = tuple[str, int | None]  # (file, line)


# -- YAML with positions -----------------------------------------------------------------
def _compose(text: str, file: str) -> tuple[Any, dict[tuple[Any, ...], int], list[Problem]]:
    """Parse YAML safely, returning data, a path -> line map, and duplicate-key problems."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = exc.problem or "invalid YAML"
        raise ConfigError(
            file,
            [
                Problem(
                    "PL100",
                    f"YAML syntax error: {what}"
                    + (f" ({exc.context})" if exc.context else "")
                    + ".",
                    "Check indentation, colons and quotes on this line and the one above.",
                    file,
                    line,
                )
            ],
        ) from None
    except yaml.YAMLError as exc:
        raise ConfigError(file, [Problem("PL100", f"YAML error: {exc}", None, file)]) from None
    lines: dict[tuple[Any, ...], int] = {}
    problems: list[Problem] = []
    if node is None:
        return None, lines, problems
    constructor = yaml.SafeLoader("")
    collection_tags = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}

    def plain_values_only(message: str, n: yaml.Node, path: tuple[Any, ...]) -> None:
        problems.append(
            Problem(
                "PL100",
                message,
                "Configs hold plain values only: strings, numbers, booleans, lists, mappings.",
                file,
                n.start_mark.line + 1,
                _render_path(path) or None,
            )
        )

    def scalar(n: yaml.Node, path: tuple[Any, ...]) -> Any:
        try:
            return constructor.construct_object(n, deep=True)
        except yaml.constructor.ConstructorError as exc:
            plain_values_only(f"YAML: {exc.problem}.", n, path)
            return None
        except ValueError:  # a date-shaped value that is not a date: keep the text
            return n.value

    def walk(n: yaml.Node, path: tuple[Any, ...]) -> Any:
        lines.setdefault(path, n.start_mark.line + 1)
        if not isinstance(n, yaml.ScalarNode) and n.tag not in collection_tags:
            plain_values_only(f"YAML tag {n.tag!r} is not allowed.", n, path)
            return None
        if isinstance(n, yaml.MappingNode):
            constructor.flatten_mapping(n)
            out: dict[Any, Any] = {}
            for key_node, value_node in n.value:
                key = scalar(key_node, path)
                if not isinstance(key, str | int | float | bool) and key is not None:
                    key = str(key)
                if key in out:
                    problems.append(
                        Problem(
                            "PL107",
                            f"Key {key!r} appears twice in this mapping.",
                            "Keep one of them.",
                            file,
                            key_node.start_mark.line + 1,
                            _render_path(path) or None,
                        )
                    )
                lines[(*path, key)] = key_node.start_mark.line + 1
                out[key] = walk(value_node, (*path, key))
            return out
        if isinstance(n, yaml.SequenceNode):
            return [walk(item, (*path, i)) for i, item in enumerate(n.value)]
        return scalar(n, path)

    return walk(node, ()), lines, problems


def _render_path(path: tuple[Any, ...]) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += (" -> " if out else "") + str(part)
    return out


def _did_you_mean(word: str, choices: list[str] | tuple[str, ...]) -> str:
    close = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f" Did you mean {close[0]!r}?" if close else ""


def parse_date(value: Any) -> date | None:
    """A date from YAML (already a date) or an ISO ``YYYY-MM-DD`` string; else ValueError."""
    if value is None or isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(f"{value!r} is not a date in the form YYYY-MM-DD")


# -- drafts: what a config says, with where it said it ----------------------------------------
@dataclass
class StepDraft:
    """One step as written, with the file and line of each key."""

    data: dict[str, Any]
    file: str
    index: int
    lines: dict[tuple[Any, ...], Where] = field(default_factory=dict)

    @property
    def id(self) -> str:
        sid = self.data.get("id") or self.data.get("uses")
        return sid if isinstance(sid, str) else f"steps[{self.index}]"

    def where(self, *path: Any) -> Where:
        for n in range(len(path), -1, -1):
            found = self.lines.get(tuple(path[:n]))
            if found is not None:
                return found
        return (self.file, None)

    def problem(self, code: str, message: str, fix: str | None, *path: Any) -> Problem:
        file, line = self.where(*path)
        label = f"steps[{self.index}]"
        if self.data.get("id") or self.data.get("uses"):
            label += f" ({self.id})"
        where = label + (" -> " + _render_path(tuple(path)) if path else "")
        return Problem(code, message, fix, file, line, where)


@dataclass
class PluginRef:
    ref: str
    base_dir: Path | None
    where: Where


@dataclass
class ConfigDraft:
    """A config after ``extends`` and ``--set``, before processors are looked up."""

    name: str
    file: str
    path: Path | None
    reference_date: date | None = None
    plugins: list[PluginRef] = field(default_factory=list)
    steps: list[StepDraft] = field(default_factory=list)
    description: str | None = None
    extends: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def raise_problems(self) -> None:
        if self.problems:
            raise ConfigError(self.file, self.problems)


# -- finding configs ---------------------------------------------------------------------
def builtin_config_names() -> list[str]:
    folder = resources.files("pressline.configs")
    return sorted(p.name[: -len(".yaml")] for p in folder.iterdir() if p.name.endswith(".yaml"))


def builtin_config_path(name: str) -> Path | None:
    candidate = resources.files("pressline.configs") / f"{name}.yaml"
    return Path(str(candidate)) if candidate.is_file() else None


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _locate(ref: str, base_dir: Path | None) -> tuple[Path | None, str]:
    """Resolve a config reference: a path (relative to ``base_dir``) or a built-in name."""
    looks_like_path = ref.endswith((".yaml", ".yml")) or "/" in ref or "\\" in ref
    if looks_like_path:
        path = Path(ref).expanduser()
        if not path.is_absolute() and base_dir is not None:
            path = base_dir / path
        return (path if path.is_file() else None), _display(path)
    builtin = builtin_config_path(ref)
    if builtin is not None:
        return builtin, f"{ref} (built-in)"
    local = Path(ref)
    if local.is_file():
        return local, _display(local)
    return None, ref


def _not_found(ref: str, where: Where | None, display: str) -> Problem:
    names = builtin_config_names()
    looks_like_path = ref.endswith((".yaml", ".yml")) or "/" in ref
    if looks_like_path:
        message = f"Config file {display} does not exist."
        fix = "Check the path, or use a built-in config: " + ", ".join(names) + "."
    else:
        message = f"Unknown config {ref!r}.{_did_you_mean(ref, names)}"
        fix = "Built-in configs: " + ", ".join(names) + "; or give a path to a .yaml file."
    file, line = where if where else (None, None)
    return Problem("PL101" if where is None else "PL110", message, fix, file, line)


# -- loading -----------------------------------------------------------------------------
def load_config(ref: str | Path, sets: list[str] | tuple[str, ...] = ()) -> ConfigDraft:
    """Load a config by built-in name or path, following ``extends`` and applying ``sets``.

    Structural problems (YAML, keys, types, ids, placement) are collected on the returned
    draft's ``problems``; a config that cannot be found or parsed raises at once.
    """
    draft = _load(str(ref), None, None, ())
    _apply_sets(draft, list(sets))
    return draft


def _load(
    ref: str, base_dir: Path | None, where: Where | None, chain: tuple[Path, ...]
) -> ConfigDraft:
    path, display = _locate(ref, base_dir)
    if path is None:
        problem = _not_found(ref, where, display)
        raise ConfigError(where[0] if where else display, [problem])
    resolved = path.resolve()
    if resolved in chain:
        cycle = " -> ".join(_display(p) for p in (*chain, resolved))
        file, line = where if where else (display, None)
        raise ConfigError(
            file or display,
            [
                Problem(
                    "PL110",
                    f"Configs extend each other in a loop: {cycle}.",
                    "Remove one of the `extends`.",
                    file,
                    line,
                )
            ],
        )
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(
            display, [Problem("PL101", f"Cannot read {display}: {exc}.", None, display)]
        ) from None
    data, lines, problems = _compose(text, display)
    file_dir = path.parent
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(
            display,
            [
                Problem(
                    "PL103",
                    "A config must be a YAML mapping (key: value lines), "
                    f"not a {type(data).__name__}.",
                    "Start from `pressline config show news`.",
                    display,
                    lines.get(()),
                )
            ],
        )

    def at(*path: Any) -> int | None:
        for n in range(len(path), -1, -1):
            if tuple(path[:n]) in lines:
                return lines[tuple(path[:n])]
        return None

    def problem(code: str, message: str, fix: str | None, *path: Any) -> Problem:
        return Problem(code, message, fix, display, at(*path), _render_path(path) or None)

    for key in data:
        if key not in TOP_KEYS:
            problems.append(
                problem(
                    "PL102",
                    f"Unknown key {key!r}.{_did_you_mean(key, TOP_KEYS)}",
                    "Config keys: " + ", ".join(TOP_KEYS) + ".",
                    key,
                )
            )
    version = data.get("version")
    if "version" not in data:
        problems.append(problem("PL104", "Missing `version`.", "Add `version: 1` at the top."))
    elif version != VERSION:
        problems.append(
            problem(
                "PL105",
                f"Unsupported version {version!r}.",
                f"This pressline reads `version: {VERSION}`.",
                "version",
            )
        )

    # extends first: what this file says is laid over its base
    base: ConfigDraft | None = None
    extends = data.get("extends")
    if extends is not None:
        if not isinstance(extends, str):
            problems.append(
                problem(
                    "PL103",
                    "`extends` must be a config name or a path.",
                    "For example `extends: news`.",
                    "extends",
                )
            )
        else:
            base = _load(extends, file_dir, (display, at("extends")), (*chain, resolved))

    name = data.get("name", path.stem)
    if not isinstance(name, str) or not name.strip():
        problems.append(problem("PL103", "`name` must be a non-empty string.", None, "name"))
        name = path.stem
    description = data.get("description")
    if description is not None and not isinstance(description, str):
        problems.append(problem("PL103", "`description` must be a string.", None, "description"))
        description = None

    draft = ConfigDraft(
        name=name,
        file=display,
        path=path,
        description=description,
        extends=([*base.extends, base.file] if base else []),
    )
    if base is not None:
        draft.reference_date = base.reference_date
        draft.plugins = list(base.plugins)
        draft.steps = list(base.steps)
        problems = base.problems + problems

    if "reference_date" in data:
        try:
            draft.reference_date = parse_date(data["reference_date"])
        except ValueError as exc:
            problems.append(
                problem(
                    "PL106",
                    f"`reference_date`: {exc}.",
                    "Write it as 2022-11-10, or null.",
                    "reference_date",
                )
            )

    plugins = data.get("plugins", [])
    if plugins is None:
        plugins = []
    if not isinstance(plugins, list):
        problems.append(
            problem(
                "PL103",
                "`plugins` must be a list of module names or .py paths.",
                "For example `plugins: [./my_plugin.py]`.",
                "plugins",
            )
        )
    else:
        for i, ref_ in enumerate(plugins):
            if not isinstance(ref_, str) or not ref_.strip():
                problems.append(
                    problem(
                        "PL103",
                        "Each plugin must be a module name or a .py path.",
                        None,
                        "plugins",
                        i,
                    )
                )
                continue
            draft.plugins.append(PluginRef(ref_.strip(), file_dir, (display, at("plugins", i))))

    raw_steps = data.get("steps")
    if raw_steps is None:
        if base is None:
            problems.append(
                problem(
                    "PL104",
                    "Missing `steps`.",
                    "Add a list of steps, e.g. `steps: [{uses: cleaner}]`, or `extends: news`.",
                )
            )
        raw_steps = []
    if not isinstance(raw_steps, list):
        problems.append(problem("PL103", "`steps` must be a list.", None, "steps"))
        raw_steps = []

    seen: dict[str, int] = {}
    for i, raw in enumerate(raw_steps):
        step_lines = {tuple(k[2:]): (display, v) for k, v in lines.items() if k[:2] == ("steps", i)}
        step = StepDraft(raw if isinstance(raw, dict) else {}, display, i, step_lines)
        if not isinstance(raw, dict):
            problems.append(
                step.problem("PL103", "A step must be a mapping like `{uses: sectioner}`.", None)
            )
            continue
        problems.extend(_check_step_shape(step, inherited=base is not None))
        sid = step.id
        if sid in seen:
            problems.append(
                step.problem(
                    "PL202",
                    f"Step id {sid!r} is used twice (also steps[{seen[sid]}]).",
                    "Give one of them another `id:`; one processor can run twice under two ids.",
                    "id" if "id" in step.data else "uses",
                )
            )
            continue
        seen[sid] = i
        _merge_step(draft, step, base is not None, problems)

    draft.problems = problems
    return draft


def _check_step_shape(step: StepDraft, inherited: bool) -> list[Problem]:
    out: list[Problem] = []
    data = step.data
    for key in data:
        if key not in STEP_KEYS:
            out.append(
                step.problem(
                    "PL203",
                    f"Unknown step key {key!r}.{_did_you_mean(key, STEP_KEYS)}",
                    "Step keys: " + ", ".join(STEP_KEYS) + ".",
                    key,
                )
            )
    if "uses" in data and not isinstance(data["uses"], str):
        out.append(step.problem("PL103", "`uses` must be a processor name.", None, "uses"))
        data.pop("uses")
    if "id" in data and (not isinstance(data["id"], str) or not _ID.match(data["id"])):
        out.append(
            step.problem(
                "PL103",
                f"`id` {data['id']!r} must be a name of letters, digits, _ and -.",
                None,
                "id",
            )
        )
        data.pop("id")
    if "uses" not in data and "id" not in data:
        out.append(
            step.problem(
                "PL104",
                "A step needs `uses:` (the processor to run).",
                "Add `uses: NAME`; `pressline plugins list` shows the names.",
            )
        )
    elif "uses" not in data and not inherited:
        out.append(
            step.problem(
                "PL104",
                "A step needs `uses:` (the processor to run).",
                "Add `uses: NAME`; `pressline plugins list` shows the names.",
                "id",
            )
        )
    if "with" in data:
        if data["with"] is None:
            data["with"] = {}
        elif not isinstance(data["with"], dict):
            out.append(
                step.problem(
                    "PL103",
                    "`with` must be a mapping of options.",
                    "For example `with: {max_heading_words: 10}`.",
                    "with",
                )
            )
            data["with"] = {}
    if "enabled" in data and not isinstance(data["enabled"], bool):
        out.append(step.problem("PL103", "`enabled` must be true or false.", None, "enabled"))
        data["enabled"] = True
    for key in ("after", "before"):
        if key in data and not isinstance(data[key], str):
            out.append(step.problem("PL103", f"`{key}` must be a step id.", None, key))
            data.pop(key)
    if "after" in data and "before" in data:
        out.append(
            step.problem(
                "PL111", "A step can have `after` or `before`, not both.", "Keep one.", "before"
            )
        )
    return out


def _merge_step(draft: ConfigDraft, step: StepDraft, inherited: bool, problems: list[Problem]):
    ids = [s.id for s in draft.steps]
    sid = step.id
    if sid in ids and inherited:
        pos = ids.index(sid)
        old = draft.steps[pos]
        merged = dict(old.data)
        lines = dict(old.lines)
        for key, value in step.data.items():
            if key == "with":
                merged["with"] = {**(old.data.get("with") or {}), **value}
            elif key not in ("after", "before"):
                merged[key] = value
        lines.update(step.lines)
        merged.setdefault("id", sid)
        new = StepDraft(merged, step.file, step.index, lines)
        if "after" in step.data or "before" in step.data:
            draft.steps.pop(pos)
            _place(draft, new, step, problems)
        else:
            draft.steps[pos] = new
        return
    if "uses" not in step.data:
        if "id" in step.data:  # an override of a step the base does not have
            problems.append(
                step.problem(
                    "PL111",
                    f"No inherited step has id {sid!r} to change." + _did_you_mean(sid, ids),
                    "Inherited steps: " + ", ".join(ids) + "; or add `uses:` to make a new step.",
                    "id",
                )
            )
        return
    if ("after" in step.data or "before" in step.data) and not inherited:
        problems.append(
            step.problem(
                "PL111",
                "`after`/`before` only place steps added to an `extends`ed config.",
                "List the steps in the order they should run instead.",
                "after" if "after" in step.data else "before",
            )
        )
        draft.steps.append(step)
        return
    _place(draft, step, step, problems)


def _place(draft: ConfigDraft, new: StepDraft, written: StepDraft, problems: list[Problem]):
    key = "after" if "after" in written.data else "before" if "before" in written.data else None
    if key is None:
        draft.steps.append(new)
        return
    target = written.data[key]
    ids = [s.id for s in draft.steps]
    if target not in ids:
        problems.append(
            written.problem(
                "PL111",
                f"`{key}: {target}` names no step.{_did_you_mean(target, ids)}",
                "Steps so far: " + ", ".join(ids) + ".",
                key,
            )
        )
        draft.steps.append(new)
        return
    pos = ids.index(target) + (1 if key == "after" else 0)
    draft.steps.insert(pos, new)


# -- --set KEY=VALUE -----------------------------------------------------------------------
def _apply_sets(draft: ConfigDraft, sets: list[str]) -> None:
    for item in sets:
        where = f"--set {item}"
        if "=" not in item:
            draft.problems.append(
                Problem(
                    "PL120",
                    f"`--set {item}` has no `=`.",
                    "Write KEY=VALUE, e.g. --set steps.sectioner.with.max_heading_words=8.",
                    "--set",
                )
            )
            continue
        key, _, raw_value = item.partition("=")
        try:
            value = yaml.safe_load(raw_value) if raw_value.strip() else ""
        except yaml.YAMLError:
            value = raw_value
        parts = key.strip().split(".")
        if parts == ["name"]:
            draft.name = str(value)
        elif parts == ["reference_date"]:
            try:
                draft.reference_date = parse_date(value)
            except ValueError as exc:
                draft.problems.append(Problem("PL106", f"{exc}.", "Use YYYY-MM-DD.", where))
        elif len(parts) >= 3 and parts[0] == "steps":
            sid, field_name, rest = parts[1], parts[2], parts[3:]
            step = next((s for s in draft.steps if s.id == sid), None)
            if step is None:
                ids = [s.id for s in draft.steps]
                draft.problems.append(
                    Problem(
                        "PL120",
                        f"`{key}` names no step {sid!r}.{_did_you_mean(sid, ids)}",
                        "Steps: " + ", ".join(ids) + ".",
                        where,
                    )
                )
                continue
            if field_name == "with" and len(rest) == 1:
                step.data["with"] = {**(step.data.get("with") or {}), rest[0]: value}
                step.lines[("with", rest[0])] = (where, None)
            elif field_name in ("enabled", "uses") and not rest:
                step.data[field_name] = value
                step.lines[(field_name,)] = (where, None)
                if field_name == "enabled" and not isinstance(value, bool):
                    draft.problems.append(
                        step.problem("PL103", "`enabled` must be true or false.", None, "enabled")
                    )
            else:
                draft.problems.append(
                    Problem(
                        "PL120",
                        f"`{key}` cannot be set.",
                        "Settable: name, reference_date, steps.ID.enabled, steps.ID.uses, "
                        "steps.ID.with.OPTION.",
                        where,
                    )
                )
        else:
            draft.problems.append(
                Problem(
                    "PL120",
                    f"`{key}` cannot be set.{_did_you_mean(key, ['name', 'reference_date'])}",
                    "Settable: name, reference_date, steps.ID.enabled, steps.ID.uses, "
                    "steps.ID.with.OPTION.",
                    where,
                )
            )
