"""The HTML report in a real browser: it loads cleanly, fetches nothing, shows the report's
entities where the report says they are, and runs nothing that came from the article."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from pressline import Pipeline
from pressline.plugins.formats import to_html

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "tehran-moscow.txt"
REPORTS = ROOT / "tests" / "fixtures" / "reports"

# Where each mark sits, what it says and whom it names, as the page shows it.
MARKS = """[...document.querySelectorAll('mark.ent')].map(m => ({
    entity: m.dataset.entity, start: +m.dataset.start, end: +m.dataset.end,
    text: m.textContent, tip: m.dataset.tip}))"""


def check_clean_load(page, url: str) -> None:
    assert page.console_errors() == []
    assert page.requests() == [url]  # the page itself, and nothing else
    assert page.dialogs() == []
    own = [s for s in page.scripts() if s["url"] == url]
    assert len(own) == 1  # the report's one inline script
    assert page.evaluate("document.querySelectorAll('script').length") == 1


def test_the_example_report_from_the_command_line(page, run_pressline, tmp_path, artifacts):
    args = ("run", EXAMPLE, "--date", "2022-11-10")
    html = tmp_path / "report.html"
    assert run_pressline(*args, "-f", "html", "-o", html).returncode == 0
    report = json.loads(run_pressline(*args, "-f", "json").stdout)
    url = html.as_uri()
    page.open(url)
    check_clean_load(page, url)
    assert page.evaluate("document.title").startswith(
        "Tehran, Moscow Determined to Upgrade Strategic Ties"
    )
    # whatever entity step the pipeline has (if any), the page highlights its mentions
    expected = sorted(
        (e["id"], m["start"], m["end"])
        for e in report.get("entities", {}).get("entities", [])
        for m in e["mentions"]
    )
    shown = page.evaluate(MARKS)
    assert sorted((m["entity"], m["start"], m["end"]) for m in shown) == expected
    for mark in shown:
        assert mark["text"] == report["document"]["text"][mark["start"] : mark["end"]]
    page.screenshot(artifacts / "tehran-moscow-cli.png")


@pytest.fixture(scope="module")
def enriched(tmp_path_factory) -> tuple[Path, dict]:
    """The example's report with entities, timeline and quotes in the contract's shapes."""
    report = Pipeline.load("news").run(
        EXAMPLE.read_text(encoding="utf-8"), reference_date=date(2022, 11, 10), id="tehran-moscow"
    )
    data = report.to_dict()
    data.update(json.loads((REPORTS / "tehran-moscow.sections.json").read_text(encoding="utf-8")))
    spans = report.to_dict(["paragraphs"])["layers"]["paragraphs"]
    path = tmp_path_factory.mktemp("html") / "tehran-moscow.html"
    path.write_text(
        to_html(data, paragraphs=[(s["start"], s["end"]) for s in spans]), encoding="utf-8"
    )
    return path, data


def test_highlights_legend_hover_and_timeline(page, enriched, artifacts) -> None:
    path, data = enriched
    url = path.as_uri()
    page.open(url)
    check_clean_load(page, url)
    shown = page.evaluate(MARKS)
    expected = {
        (e["id"], m["start"], m["end"]) for e in data["entities"]["entities"] for m in e["mentions"]
    }
    assert {(m["entity"], m["start"], m["end"]) for m in shown} == expected
    text = data["document"]["text"]
    assert all(m["text"] == text[m["start"] : m["end"]] for m in shown)
    # each type has its own colour
    colours = page.evaluate(
        "Object.fromEntries([...document.querySelectorAll('mark.ent')].map("
        "m => [m.className, getComputedStyle(m).backgroundColor]))"
    )
    assert len(set(colours.values())) == len(colours) == 6

    # hovering a mention shows the entity's name and roles, and lights its other mentions
    box = page.evaluate(
        "(() => { const m = [...document.querySelectorAll('mark.ent')]"
        ".find(m => m.textContent === 'Nikolai Patrushev'); m.scrollIntoView({block: 'center'});"
        " const r = m.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()"
    )
    page.hover(*box)
    tip = page.evaluate(
        "getComputedStyle(document.querySelector('mark.ent:hover'), '::after').content"
    )
    assert tip == '"Nikolai Patrushev — PERSON — Secretary of National Security Council of Russia"'
    lit = page.evaluate("[...document.querySelectorAll('mark.lit')].map(m => m.textContent)")
    assert sorted(set(lit)) == ["Nikolai Patrushev", "Patrushev"] and len(lit) == 5

    # the legend switches a type's highlights off and on
    page.evaluate("document.querySelector('.legend button[data-type=GPE]').click()")
    off = page.evaluate("getComputedStyle(document.querySelector('mark.t-GPE')).backgroundColor")
    assert off == "rgba(0, 0, 0, 0)"
    page.evaluate("document.querySelector('.legend button[data-type=GPE]').click()")

    # the timeline: one marker per event, in date order along the axis
    xs = page.evaluate(
        "[...document.querySelectorAll('svg.axis circle.dot')].map(c => +c.getAttribute('cx'))"
    )
    assert len(xs) == 5 and xs == sorted(xs)
    labels = page.evaluate(
        "[...document.querySelectorAll('svg.axis .evlabel')].map(t => t.textContent)"
    )
    assert labels[-1] == "5. Wednesday · 2022-11-09"
    page.hover(0, 0)
    page.evaluate("window.scrollTo(0, 0)")
    shot = page.screenshot(artifacts / "tehran-moscow-report.png")
    assert shot.stat().st_size > 50_000
    assert page.console_errors() == []


def test_article_text_runs_nothing(page, tmp_path, artifacts) -> None:
    hostile = json.loads((REPORTS / "hostile.json").read_text(encoding="utf-8"))
    path = tmp_path / "hostile.html"
    path.write_text(to_html(hostile), encoding="utf-8")
    url = path.as_uri()
    page.open(url)
    check_clean_load(page, url)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert (
        page.evaluate("document.querySelectorAll('img, iframe, link, svg:not(.axis)').length") == 0
    )
    handlers = page.evaluate(
        "[...document.querySelectorAll('*')].flatMap(e => [...e.attributes])"
        ".filter(a => a.name.startsWith('on')).length"
    )
    assert handlers == 0
    shown = page.evaluate("document.body.innerText")
    assert '<script>window.__pwned = 1; alert("script")</script>' in shown
    assert "<img src=x onerror=\"window.__pwned = 2; alert('img')\">" in shown
    # hovering the hostile mention shows its tip as text, and still runs nothing
    box = page.evaluate(
        "(() => { const r = document.querySelector('mark.ent').getBoundingClientRect();"
        " return [r.x + 4, r.y + r.height / 2]; })()"
    )
    page.hover(*box)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    page.screenshot(artifacts / "hostile-report.png")
    assert page.console_errors() == [] and page.dialogs() == []
