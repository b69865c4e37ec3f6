"""The ``pressline`` command. Commands parse, delegate and print; the work is elsewhere.

Nothing here imports plugin code at import time, so ``pressline --help`` starts fast.
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from typing import TYPE_CHECKING, Any

import click

from . import __version__

if TYPE_CHECKING:
    from .engine import Pipeline
    from .host import PluginHost

FORMAT_HELP = "Report format: text (default), json, or one a plugin adds."
config_option = click.option(
    "-c",
    "--config",
    default="news",
    show_default=True,
    help="A built-in config name or a path to a YAML file.",
)
BUILTIN_COMMANDS = frozenset({"run", "batch", "plugins", "config", "explain"})


def _debug(ctx: click.Context | None) -> bool:
    if os.environ.get("PRESSLINE_DEBUG", "").strip() in {"1", "true", "yes"}:
        return True
    root = ctx.find_root() if ctx is not None else None
    return bool(root and root.obj and root.obj.get("debug"))


class PresslineGroup(click.Group):
    """A group that turns pressline's errors into one clear message and an exit code.

    Commands that plugins add (``register_commands``) are looked up only when one is
    invoked, so ``pressline --help`` imports no plugin code.
    """

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is not None or ctx.parent is not None:
            return command
        from .host import PluginHost

        found = PluginHost().commands.get(cmd_name)
        return found[0] if found else None

    def invoke(self, ctx: click.Context) -> Any:
        from .errors import PresslineError

        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except PresslineError as exc:
            if _debug(ctx):
                traceback.print_exc()
            click.echo(f"Error: {exc.render()}", err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            ctx.exit(130)
        except Exception as exc:
            if _debug(ctx):
                raise
            click.echo(
                f"Error: unexpected {type(exc).__name__}: {exc} "
                "(run `pressline --debug ...` for the traceback)",
                err=True,
            )
            ctx.exit(1)


@click.group(
    cls=PresslineGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="Commands that installed plugins add are listed by `pressline plugins list`.",
)
@click.version_option(__version__, "--version", prog_name="pressline")
@click.option("--debug", is_flag=True, help="Show tracebacks (or set PRESSLINE_DEBUG=1).")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Turn news articles into structured reports.

    \b
    pressline run ARTICLE.txt --date 2022-11-10        a readable summary
    pressline run ARTICLE.txt -f json -o report.json   the full report
    pressline plugins list                             what is installed
    pressline config show news                         the default pipeline
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def _warn_broken_plugins(host: PluginHost) -> None:
    for plugin in host.load_errors:
        click.echo(
            f"Warning: plugin {plugin.name!r} {plugin.error} "
            "(`pressline plugins list` shows it; PRESSLINE_DISABLE_PLUGINS="
            f"{plugin.name} hides it)",
            err=True,
        )


def _load(config: str, sets: tuple[str, ...] = ()) -> Pipeline:
    from .engine import Pipeline
    from .host import PluginHost

    host = PluginHost()
    _warn_broken_plugins(host)
    return Pipeline.load(config, sets=sets, host=host)


def _emit(text: str, output: str | None) -> None:
    if output in (None, "-"):
        click.echo(text, nl=not text.endswith("\n"))
        return
    from .files import write_atomic

    write_atomic(output, text)


# -- run -------------------------------------------------------------------------------
@cli.command()
@click.argument("input", metavar="INPUT")
@config_option
@click.option(
    "--date", "date_", metavar="YYYY-MM-DD", help="The article's reference (publication) date."
)
@click.option("-f", "--format", "fmt", default="text", show_default=True, help=FORMAT_HELP)
@click.option("-o", "--output", metavar="PATH", help="Write the report here (default: stdout).")
@click.option(
    "--set",
    "sets",
    multiple=True,
    metavar="KEY=VALUE",
    help="Override a config value, e.g. steps.sectioner.with.max_heading_words=8.",
)
@click.option(
    "--layers",
    metavar="NAMES",
    help="Add these layers' spans to the report: sentences,paragraphs or all.",
)
@click.option(
    "--input-format",
    metavar="FORMAT",
    help="How to read INPUT (e.g. html for a page on stdin); default: by its name.",
)
def run(
    input: str,
    config: str,
    date_: str | None,
    fmt: str,
    output: str | None,
    sets: tuple[str, ...],
    layers: str | None,
    input_format: str | None,
) -> None:
    """Process one document (a file, or - for standard input)."""
    from .config import parse_date
    from .errors import UsageError

    reference_date = None
    if date_ is not None:
        try:
            reference_date = parse_date(date_)
        except ValueError:
            raise UsageError(
                f"--date {date_!r} is not a date.",
                code="PL505",
                fix="Give it as YYYY-MM-DD, e.g. --date 2022-11-10.",
            ) from None
    pipeline = _load(config, sets)
    if fmt not in pipeline.host.formats:
        raise UsageError(
            f"Unknown format {fmt!r} for -f.",
            code="PL506",
            fix="Formats: " + ", ".join(sorted(pipeline.host.formats)) + ".",
        )
    doc = pipeline.read(input, input_format=input_format)
    report = pipeline.run_document(doc, reference_date=reference_date)
    wanted = [n.strip() for n in layers.split(",") if n.strip()] if layers else None
    _emit(report.render(fmt, wanted), output)


# -- plugins -----------------------------------------------------------------------------
@cli.group()
def plugins() -> None:
    """Installed plugins and the processors they provide."""


@plugins.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (one object per plugin).")
def plugins_list(as_json: bool) -> None:
    """List every plugin, built-ins included, with any load error."""
    from .host import PluginHost

    host = PluginHost()
    items = host.list_plugins()
    if as_json:
        click.echo(json.dumps([p.to_dict() for p in items], indent=2))
        return
    rows = [("PLUGIN", "VERSION", "FROM", "PROVIDES")]
    for p in items:
        provides = [
            *p.processors,
            *(f"-f {f}" for f in p.formats),
            *(f"command {c}" for c in p.commands),
        ]
        if not provides:
            provides = [f"hook {h}" for h in p.hooks]
        rows.append(
            (p.name, p.version or "-", p.distribution or p.source, ", ".join(provides) or "-")
        )
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    errors = {p.name: p.error for p in items if p.error}
    for row in rows:
        click.echo("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)) + "  " + row[3])
        if row[0] in errors:
            click.echo(f"  error: {errors[row[0]]}")


@plugins.command("show")
@click.argument("name")
def plugins_show(name: str) -> None:
    """Show a plugin's (or one processor's) options, requires and produces."""
    from .errors import UsageError
    from .host import PluginHost
    from .introspect import describe_processor

    host = PluginHost()
    if name in host.processors:
        click.echo(describe_processor(host.processors[name].cls, host.processors[name].plugin))
        return
    plugin = host.plugins.get(name)
    if plugin is None:
        choices = sorted(set(host.plugins) | set(host.processors))
        hint = host.suggest(name, choices)
        raise UsageError(
            f"No plugin or processor {name!r}." + (f" Did you mean {hint!r}?" if hint else ""),
            code="PL201",
            fix="See `pressline plugins list`.",
        )
    click.echo(
        f"plugin {plugin.name} {plugin.version or ''} ({plugin.distribution or plugin.source})"
    )
    click.echo(f"  module: {plugin.module}")
    click.echo(f"  hooks: {', '.join(plugin.hooks) or 'none'}")
    if plugin.error:
        click.echo(f"  error: {plugin.error}")
    for proc in plugin.processors:
        click.echo("")
        click.echo(describe_processor(host.processors[proc].cls, plugin.name))


@plugins.command("new")
@click.argument("name")
@click.option(
    "--dir",
    "directory",
    default=".",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Where to create pressline-NAME/.",
)
def plugins_new(name: str, directory: str) -> None:
    """Create an installable plugin package, pressline-NAME/, with tests."""
    from pathlib import Path

    from .scaffold import new_plugin

    target = new_plugin(name, Path(directory))
    click.echo(f"Created {target}/")
    click.echo("Next:")
    click.echo(f"  cd {target} && pip install -e '.[test]' && pytest")
    click.echo("  pressline plugins list       # it is listed")


# -- explain -----------------------------------------------------------------------------
@cli.command()
@click.argument("config", default="news")
@click.option("--set", "sets", multiple=True, metavar="KEY=VALUE", help="Apply overrides.")
def explain(config: str, sets: tuple[str, ...]) -> None:
    """Show a pipeline step by step, with any problems and their fixes."""
    from .host import PluginHost
    from .introspect import explain_config

    host = PluginHost()
    _warn_broken_plugins(host)
    text, ok = explain_config(config, sets, host)
    click.echo(text)
    if not ok:
        raise click.exceptions.Exit(2)


# -- batch -------------------------------------------------------------------------------
@cli.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "-o",
    "--output",
    required=True,
    metavar="OUT.jsonl|DIR/",
    help="One report per line of a .jsonl file, or one JSON file per document in DIR/.",
)
@config_option
@click.option("--set", "sets", multiple=True, metavar="KEY=VALUE", help="Override a config value.")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    metavar="N",
    help="Worker processes (default: the number of CPUs).",
)
@click.option(
    "--executor",
    type=click.Choice(["local", "dask"]),
    help="local: processes on this machine (the default); dask: a Dask cluster.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="A Dask scheduler to use (tcp://HOST:PORT); without it, dask starts a local cluster.",
)
@click.option("--resume", is_flag=True, help="Skip documents already in OUTPUT; retry failed ones.")
@click.option("--fail-fast", is_flag=True, help="Stop at the first document that fails.")
@click.option(
    "--timeout-per-doc",
    type=click.FloatRange(min=0, min_open=True),
    metavar="SECONDS",
    help="Record a document that takes longer as failed, and replace its worker.",
)
@click.option(
    "--progress",
    type=click.Choice(["auto", "bar", "json", "none"]),
    default="auto",
    show_default=True,
    help="A bar on a terminal (auto), JSON lines on stderr (json), or none.",
)
@click.pass_context
def batch(
    ctx: click.Context,
    inputs: tuple[str, ...],
    output: str,
    config: str,
    sets: tuple[str, ...],
    workers: int | None,
    executor: str | None,
    scheduler: str | None,
    resume: bool,
    fail_fast: bool,
    timeout_per_doc: float | None,
    progress: str,
) -> None:
    """Process many documents: files, folders, globs and .jsonl records.

    \b
    pressline batch corpus/ -o reports.jsonl            on every core
    pressline batch 'feeds/*.jsonl' -o reports/ --resume
    pressline batch corpus/ -o out.jsonl --executor dask --scheduler tcp://10.0.0.5:8786

    A document that fails is recorded in OUT.errors.jsonl (DIR/errors.jsonl) and the
    others carry on; the exit code is then 1. --resume continues an interrupted run.
    """
    from .batch import run_batch

    summary = run_batch(
        inputs,
        output,
        config=config,
        sets=sets,
        workers=workers,
        executor=executor or ("dask" if scheduler else "local"),
        scheduler=scheduler,
        resume=resume,
        fail_fast=fail_fast,
        timeout_per_doc=timeout_per_doc,
        progress=progress,
        stream=sys.stderr,
        debug=_debug(ctx),
        pipeline=_load(config, sets),
    )
    if summary.failed:
        ctx.exit(1)


# -- config ------------------------------------------------------------------------------
@cli.group("config")
def config_group() -> None:
    """Check, show and describe pipeline configs."""


@config_group.command("validate")
@click.argument("config", default="news")
@click.option("--set", "sets", multiple=True, metavar="KEY=VALUE", help="Validate with overrides.")
def config_validate(config: str, sets: tuple[str, ...]) -> None:
    """Check a config (a built-in name or a path) without running it."""
    pipeline = _load(config, sets)
    steps = ", ".join(s.id + ("" if s.enabled else " (disabled)") for s in pipeline.steps)
    click.echo(f"OK: {pipeline.source} is a valid pipeline {pipeline.name!r}: {steps}")


@config_group.command("show")
@click.argument("config", default="news")
@click.option(
    "--resolved",
    is_flag=True,
    help="Show it as it will run: extends merged, every option filled in.",
)
@click.option("--set", "sets", multiple=True, metavar="KEY=VALUE", help="Apply overrides.")
def config_show(config: str, resolved: bool, sets: tuple[str, ...]) -> None:
    """Print a config's YAML, as written or resolved."""
    import yaml

    from .config import load_config

    if not resolved and not sets:
        draft = load_config(config)
        assert draft.path is not None
        click.echo(draft.path.read_text(encoding="utf-8-sig"), nl=False)
        return
    pipeline = _load(config, sets)
    click.echo(yaml.safe_dump(pipeline.resolved(), sort_keys=False, allow_unicode=True), nl=False)


@config_group.command("schema")
def config_schema() -> None:
    """Print the JSON Schema of configs, with every installed processor's options."""
    from .host import PluginHost
    from .schema import config_schema as build

    click.echo(json.dumps(build(PluginHost()), indent=2))


def main(argv: list[str] | None = None, prog_name: str = "pressline") -> None:
    """The console script's entry point."""
    cli.main(args=argv, prog_name=prog_name)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
