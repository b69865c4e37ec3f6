"""``pressline plugins new``: write a ready-to-install plugin package."""

from __future__ import annotations

import re
from pathlib import Path

from . import __version__
from .errors import UsageError

__all__ = ["new_plugin"]

_NAME = re.compile(r"^[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*$")

PYPROJECT = """\
[build-system]
requires = ["setuptools>=70.1"]
build-backend = "setuptools.build_meta"

[project]
name = "{dist}"
version = "0.1.0"
description = "A pressline plugin: {title}."
readme = "README.md"
requires-python = ">=3.11"
dependencies = ["pressline>={pressline_version}"]

[project.optional-dependencies]
test = ["pytest>=8"]

# pressline finds the plugin through this entry point once the package is installed
[project.entry-points.pressline]
{processor} = "{module}"

[tool.setuptools]
py-modules = ["{module}"]
"""

MODULE = '''\
"""{title}: a pressline plugin.

It counts how often each of a list of keywords occurs in the article, sentence by
sentence, and adds the matches as the layer ``{processor}_matches``.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import Field

from pressline import Document, Options, Processor, Span, hookimpl


class {cls}(Processor):
    """Count the keywords of a list in each article."""

    name = "{processor}"
    requires = ("sentences",)
    produces = ("{processor}_matches",)

    class Options(Options):
        keywords: list[str] = Field(
            default_factory=lambda: ["sanctions", "ceasefire", "election"],
            description="The words or phrases to count.",
        )
        case_sensitive: bool = Field(False, description="Match the keywords' case exactly.")

    def __init__(self, options: Any = None) -> None:
        super().__init__(options)
        flags = 0 if self.options.case_sensitive else re.IGNORECASE
        words = sorted(self.options.keywords, key=len, reverse=True)
        alternatives = "|".join(re.escape(w) for w in words) or r"(?!)"
        self._pattern = re.compile(rf"\\b(?:{{alternatives}})\\b", flags)

    def process(self, doc: Document) -> None:
        spans = []
        for sentence in doc.layer("sentences"):
            text = doc.text[sentence.start : sentence.end]
            for match in self._pattern.finditer(text):
                start = sentence.start + match.start()
                spans.append(Span(start, start + len(match.group()), match.group().lower()))
        doc.add_layer("{processor}_matches", spans)

    def summarize(self, doc: Document) -> dict[str, Any]:
        counts: dict[str, int] = {{}}
        for span in doc.layer("{processor}_matches"):
            counts[span.label] = counts.get(span.label, 0) + 1
        return {{
            "counts": counts,
            "matches": [doc.source_span(s.start, s.end) for s in doc.layer("{processor}_matches")],
        }}


@hookimpl
def register_processors(register):
    register({cls})
'''

TEST = '''\
"""Tests for {dist}, with pressline's test helpers."""

from pressline.testing import check_processor, run_processor

from {module} import {cls}


def test_keeps_the_processor_contract():
    check_processor({cls})


def test_counts_keywords_with_source_offsets():
    text = "Sanctions Bite\\n\\nNew sanctions were announced. The sanctions start in May."
    report = run_processor({cls}, text, keywords=["sanctions"])
    summary = report["{processor}"]
    assert summary["counts"] == {{"sanctions": 3}}
    for match in summary["matches"]:
        assert text[match["start"] : match["end"]] == match["text"]


def test_runs_in_a_yaml_pipeline(pressline):
    config = """
version: 1
name: with-{processor}
extends: news
steps:
  - uses: {processor}
    with: {{keywords: [ceasefire]}}
"""
    report = pressline.run_pipeline(config, "Talks\\n\\nA ceasefire was agreed. It held.")
    assert report["{processor}"]["counts"] == {{"ceasefire": 1}}


def test_is_listed_by_the_cli(pressline):
    result = pressline.cli("plugins", "list", "--json")
    assert result.exit_code == 0
    assert "{processor}" in result.stdout
'''

README = """\
# {dist}

A [pressline](https://pypi.org/project/pressline/) plugin: {title}.

It provides the processor `{processor}`, which counts the keywords of a list in each
article.

```
pip install -e '.[test]'      # install it (pressline finds it through its entry point)
pressline plugins list        # it is listed
pytest                        # its tests
```

Use it in a pipeline:

```yaml
version: 1
name: with-{processor}
extends: news
steps:
  - uses: {processor}
    with:
      keywords: [sanctions, ceasefire]
```

```
pressline run article.txt -c with-{processor}.yaml -f json   # see "{processor}" in the report
```
"""


def new_plugin(name: str, directory: Path) -> Path:
    """Write ``pressline-NAME/`` under ``directory``; refuses to overwrite anything."""
    if not _NAME.match(name):
        raise UsageError(
            f"{name!r} is not a valid plugin name.",
            code="PL507",
            fix="Use lowercase letters, digits, and single - or _ between words, "
            "starting with a letter (e.g. keyword-counter).",
        )
    processor = name.replace("-", "_")
    dist = f"pressline-{name.replace('_', '-')}"
    module = f"pressline_{processor}"
    cls = "".join(part.capitalize() for part in processor.split("_"))
    title = name.replace("-", " ").replace("_", " ").capitalize()
    target = directory / dist
    if target.exists():
        raise UsageError(
            f"{target} already exists; nothing was written.",
            code="PL507",
            fix="Choose another name or --dir, or remove it first.",
        )
    values = {
        "dist": dist,
        "module": module,
        "processor": processor,
        "cls": cls,
        "title": title,
        "pressline_version": __version__,
    }
    files = {
        "pyproject.toml": PYPROJECT,
        f"{module}.py": MODULE,
        f"tests/test_{processor}.py": TEST,
        "README.md": README,
    }
    rendered = {path: template.format(**values) for path, template in files.items()}
    (target / "tests").mkdir(parents=True)
    for path, text in rendered.items():
        (target / path).write_text(text, encoding="utf-8")
    return target
