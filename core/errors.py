"""The error catalogue: every kind of failure has a stable code, a message and a fix.

Codes group by phase: ``PL1xx`` reading a config, ``PL2xx`` steps and plugins,
``PL3xx`` the pipeline as a whole, ``PL4xx`` running a document, ``PL5xx`` inputs.
The codes are stable: scripts and docs may rely on them.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "CODES",
    "ConfigError",
    "ContractError",
    "InputError",
    "PluginLoadError",
    "PresslineError",
    "Problem",
    "ProcessingError",
    "UsageError",
]

#: code -> what it means (the plugin guide lists each with its fix).
CODES: dict[str, str] = {
    "PL100": "The YAML cannot be parsed.",
    "PL101": "The config file cannot be found or read.",
    "PL102": "An unknown key in the config.",
    "PL103": "A value has the wrong type.",
    "PL104": "A required key is missing.",
    "PL105": "An unsupported config version.",
    "PL106": "An invalid date.",
    "PL107": "A key appears twice in one mapping.",
    "PL110": "`extends` names a missing config, or configs extend each other in a loop.",
    "PL111": "`after`/`before` names a step that does not exist, or is used without `extends`.",
    "PL120": "A `--set` override is malformed or names nothing.",
    "PL201": "An unknown processor.",
    "PL202": "Two steps have the same id.",
    "PL203": "An unknown key in a step.",
    "PL204": "An invalid processor option.",
    "PL210": "A plugin named in the config cannot be loaded.",
    "PL211": "An installed plugin failed to load.",
    "PL212": "A plugin implements a hook that does not exist.",
    "PL213": "Two plugins register the same processor name.",
    "PL214": "A plugin registered something that is not a valid processor.",
    "PL301": "A step needs something no earlier step produces.",
    "PL302": "A step that changes the text comes after a step that produced spans.",
    "PL303": "The pipeline has no enabled steps.",
    "PL401": "A step wrote something it did not declare in `produces`.",
    "PL402": "A step raised an error while processing a document.",
    "PL403": "A step changed the text without declaring `changes_text`, or after spans exist.",
    "PL404": "A step's setup failed.",
    "PL405": "A step's summary is not JSON-serialisable.",
    "PL406": "A document made its worker process die; the worker was replaced.",
    "PL407": "A document took longer than --timeout-per-doc; its worker was replaced.",
    "PL501": "The input cannot be found.",
    "PL502": "The input is a directory.",
    "PL503": "The input is binary, not text.",
    "PL504": "The input is not valid text in any encoding that can be detected.",
    "PL505": "An invalid reference date.",
    "PL506": "Unknown report format or layer.",
    "PL507": "An invalid name for a new plugin, or its folder already exists.",
    "PL508": "The input is not in the form its format needs (invalid JSON, no text, ...).",
    "PL509": "This input or feature needs an optional extra that is not installed.",
    "PL510": "`batch -o` is not OUT.jsonl or DIR/, already holds reports, or is not ours.",
    "PL511": "The Dask scheduler given with --scheduler cannot be reached.",
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a config, located as precisely as possible."""

    code: str
    message: str
    fix: str | None = None
    file: str | None = None
    line: int | None = None
    where: str | None = None  # a path inside the config: "steps[1] -> uses"

    def location(self) -> str:
        if self.file and self.line:
            return f"{self.file}:{self.line}"
        return self.file or ""

    def render(self) -> str:
        head = "  ".join(part for part in (self.location(), self.where or "") if part)
        body = f"[{self.code}] {self.message}"
        if self.fix:
            body += f" {self.fix}"
        return f"  {head}\n    {body}" if head else f"    {body}"


class PresslineError(Exception):
    """Base of every error pressline reports to a person.

    ``str(error)`` is one line that says what failed and how to fix it; the CLI prints it
    without a traceback unless ``--debug`` is given.
    """

    code: str = "PL000"
    exit_code: int = 2

    def __init__(self, message: str, *, code: str | None = None, fix: str | None = None):
        if code is not None:
            self.code = code
        self.message = message
        self.fix = fix
        super().__init__(self.render())

    def render(self) -> str:
        text = f"[{self.code}] {self.message}"
        return f"{text} {self.fix}" if self.fix else text


class UsageError(PresslineError):
    """Bad command-line usage (a bad flag value, an unknown format)."""


class InputError(PresslineError):
    """An input that cannot be read as a document."""


class PluginLoadError(PresslineError):
    """A plugin that could not be loaded or registered."""


class ConfigError(PresslineError):
    """A config with one or more problems, all reported at once."""

    code = "PL100"

    def __init__(self, source: str, problems: list[Problem]):
        self.source = source
        self.problems = list(problems)
        if self.problems:
            self.code = self.problems[0].code
        super().__init__(self._headline())

    def _headline(self) -> str:
        n = len(self.problems)
        return f"{self.source} is not a valid pipeline ({n} problem{'s' if n != 1 else ''})"

    def render(self) -> str:
        if len(self.problems) == 1:  # one problem, one line
            p = self.problems[0]
            head = " ".join(part for part in (p.location(), p.where or "") if part)
            body = f"[{p.code}] {p.message}" + (f" {p.fix}" if p.fix else "")
            return f"{head}: {body}" if head else body
        lines = [self._headline()]
        lines += [p.render() for p in self.problems]
        return "\n".join(lines)

    @property
    def codes(self) -> list[str]:
        return [p.code for p in self.problems]


class ProcessingError(PresslineError):
    """A document failed in a step (exit code 1)."""

    code = "PL402"
    exit_code = 1

    def __init__(
        self,
        message: str,
        *,
        step: str | None = None,
        document: str | None = None,
        code: str | None = None,
        fix: str | None = None,
    ):
        self.step = step
        self.document = document
        super().__init__(message, code=code, fix=fix)

    def render(self) -> str:
        where = []
        if self.document:
            where.append(f"document {self.document!r}")
        if self.step:
            where.append(f"step {self.step!r}")
        prefix = f"{', '.join(where)}: " if where else ""
        text = f"[{self.code}] {prefix}{self.message}"
        return f"{text} {self.fix}" if self.fix else text


class ContractError(ProcessingError):
    """A step broke the processor contract (wrote undeclared data, edited text late)."""

    code = "PL401"
