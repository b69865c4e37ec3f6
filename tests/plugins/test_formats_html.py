"""The HTML report as markup: self-contained, escaped, and faithful to the report.

tests/browser/ loads the same pages in Chromium.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pressline import Pipeline
from pressline.plugins.formats import to_html

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "tehran-moscow.txt"
SECTIONS = FIXTURES / "reports" / "tehran-moscow.sections.json"
# A whole report whose every string (text, names, roles, ids, types, values, metadata,
# warnings) carries markup that would run script or fetch something if it were not escaped.
HOSTILE = FIXTURES / "reports" / "hostile.json"


class Page(HTMLParser):
    """The elements of a page, with their attributes and the text inside each mark."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.marks: list[dict[str, str | None]] = []
        self._open_mark: dict | None = None
        self.feed(markup)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.elements.append((tag, attributes))
        if tag == "mark":
            self._open_mark = {**attributes, "text": ""}

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark" and self._open_mark is not None:
            self.marks.append(self._open_mark)
            self._open_mark = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._open_mark is not None:
            self._open_mark["text"] += data

    def tags(self, name: str) -> list[dict[str, str | None]]:
        return [attrs for tag, attrs in self.elements if tag == name]


@pytest.fixture(scope="module")
def example() -> tuple[dict, list[tuple[int, int]]]:
    report = Pipeline.load("news").run(
        EXAMPLE.read_text(encoding="utf-8"), reference_date=date(2022, 11, 10), id="tehran-moscow"
    )
    data = report.to_dict()
    data.update(json.loads(SECTIONS.read_text(encoding="utf-8")))
    paragraphs = [
        (s["start"], s["end"]) for s in report.to_dict(["paragraphs"])["layers"]["paragraphs"]
    ]
    return data, paragraphs


@pytest.fixture(scope="module")
def hostile() -> dict:
    return json.loads(HOSTILE.read_text(encoding="utf-8"))


def test_the_hostile_fixture_fits_its_text(hostile) -> None:
    text = hostile["document"]["text"]
    for entity in hostile["entities"]["entities"]:
        for mention in entity["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]
    assert "<script>" in text and "onerror=" in text


def test_every_mention_is_highlighted_with_its_entity(example) -> None:
    data, paragraphs = example
    page = Page(to_html(data, paragraphs=paragraphs))
    text = data["document"]["text"]
    expected = {
        (e["id"], m["start"], m["end"]) for e in data["entities"]["entities"] for m in e["mentions"]
    }
    got = {(m["data-entity"], int(m["data-start"]), int(m["data-end"])) for m in page.marks}
    assert got == expected
    for mark in page.marks:
        assert mark["text"] == text[int(mark["data-start"]) : int(mark["data-end"])]
    raisi = next(m for m in page.marks if m["text"] == "Ebrahim Raisi")
    assert raisi["data-tip"] == "Ebrahim Raisi — PERSON — President"
    assert "t-PERSON" in raisi["class"]


def test_page_parts_follow_the_report(example) -> None:
    data, paragraphs = example
    markup = to_html(data, paragraphs=paragraphs)
    page = Page(markup)
    assert [a["data-type"] for a in page.tags("button")] == [
        "PERSON",
        "NORP",
        "FAC",
        "ORG",
        "GPE",
        "LAW",
    ]
    assert len([r for r in page.tags("tr") if "data-entity" in r]) == 17
    assert len(page.tags("circle")) == 5  # one per dated event on the time axis
    assert [a["id"] for a in page.tags("h2") if a.get("id")] == ["sec-2", "sec-3"]
    assert '<h1 class="headline">' in markup
    assert 'class="standfirst"' in markup
    assert len(page.tags("blockquote")) == 7
    removed = [a for a in page.tags("p") if "removed" in (a.get("class") or "")]
    assert [a["data-reason"] for a in removed] == [
        "duplicate",
        "duplicate",
        "boilerplate",
        "boilerplate",
    ]
    # a paragraph is one block, the whole way through the article
    body = [a for a in page.tags("p") if not a.get("class")]
    assert len(body) >= 30


def test_the_page_is_self_contained(example) -> None:
    data, paragraphs = example
    markup = to_html(data, paragraphs=paragraphs)
    page = Page(markup)
    assert not page.tags("link") and not page.tags("img") and not page.tags("iframe")
    assert all(not (a.get("src")) for _, a in page.elements)
    hrefs = [a["href"] for a in page.tags("a")]
    assert hrefs and all(h.startswith("#") for h in hrefs)
    (policy,) = [m["content"] for m in page.tags("meta") if m.get("http-equiv")]
    assert policy.startswith("default-src 'none'")
    style = re.search(r"<style>(.*?)</style>", markup, re.S).group(1)
    script = re.search(r"<script>(.*?)</script>", markup, re.S).group(1)
    for kind, body in (("style-src", style), ("script-src", script)):
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"{kind} 'sha256-{digest}'" in policy


def test_everything_from_the_article_is_escaped(hostile) -> None:
    markup = to_html(hostile)
    page = Page(markup)
    assert len(page.tags("script")) == 1  # the page's own
    for tag in ("img", "svg", "iframe", "link"):
        mine = [a for a in page.tags(tag) if tag == "svg" and a.get("class") == "axis"]
        assert page.tags(tag) == mine, tag
    assert len(page.tags("style")) == 1
    handlers = [(t, k) for t, a in page.elements for k in a if k.startswith("on")]
    assert handlers == []
    assert all(a["href"].startswith("#") for a in page.tags("a"))
    shown = "".join(page.text)
    for payload in (
        '<script>window.__pwned = 1; alert("script")</script>',
        "<img src=x onerror=\"window.__pwned = 2; alert('img')\">",
        "</mark></p><script>window.__pwned = 4</script>",
        '<iframe src="https://evil.example/frame"></iframe>',
    ):
        assert payload in shown
    jane = [m for m in page.marks if m["text"].startswith("Jane")]
    assert [m["text"] for m in jane] == [
        "Jane </mark></p><script>window.__pwned = 4</script> Doe",
        "Jane Doe",
    ]
    assert jane[0]["data-entity"] == 'e"1><script>window.__pwned = 1; alert("script")</script>'
    assert "t-OTHER" in jane[0]["class"]  # a type that is no type name gets no class of its own


def test_parts_a_pipeline_lacks_are_left_out(example) -> None:
    data, _ = example
    bare = copy.deepcopy(data)
    for part in ("entities", "timeline", "quotes"):
        bare.pop(part)
    page = Page(to_html(bare))
    assert not page.marks and not page.tags("svg") and not page.tags("blockquote")
    assert not page.tags("button")
    assert [a["id"] for a in page.tags("section") if a.get("id")] == ["sections"]
    # without the paragraphs layer, each line of the text is a block
    assert len([a for a in page.tags("p") if not a.get("class")]) >= 30


def test_a_report_without_steps_or_text_still_renders() -> None:
    page = Page(to_html({"document": {"id": "x", "text": ""}, "warnings": []}))
    assert [a for a in page.tags("p") if a.get("class") == "empty"]


def test_overlapping_and_broken_mentions_are_skipped(example) -> None:
    data, _ = example
    broken = copy.deepcopy(data)
    entities = broken["entities"]["entities"]
    raisi = entities[0]["mentions"][0]
    entities.append(
        {
            "id": "E99",
            "name": "Raisi",
            "type": "PERSON",
            "aliases": [],
            "roles": [],
            "count": 2,
            "mentions": [
                {"start": raisi["start"] + 8, "end": raisi["end"], "text": "Raisi"},  # inside
                {"start": 10**6, "end": 10**6 + 5, "text": "gone"},  # outside the text
            ],
        }
    )
    page = Page(to_html(broken))
    assert not [m for m in page.marks if m["data-entity"] == "E99"]
    assert len(page.marks) == sum(len(e["mentions"]) for e in data["entities"]["entities"])


def test_the_html_format_from_the_command_line(cli, example_path, tmp_path) -> None:
    target = tmp_path / "report.html"
    result = cli("run", example_path, "--date", "2022-11-10", "-f", "html", "-o", target)
    assert result.exit_code == 0, result.output
    markup = target.read_text(encoding="utf-8")
    assert markup.startswith("<!DOCTYPE html>")
    page = Page(markup)
    assert "Tehran, Moscow Determined to Upgrade Strategic Ties" in "".join(page.text)
    assert "2022-11-10 (from argument)" in "".join(page.text)
