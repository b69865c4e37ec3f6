"""The timeline builder's events, options and report, through the pipeline and its CLI."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from pressline import ConfigError, Pipeline
from pressline.host import PluginHost

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "tehran-moscow.txt"
EXPECTED = yaml.safe_load(
    (ROOT / "tests" / "fixtures" / "examples" / "tehran-moscow.expected.yaml").read_text("utf-8")
)
REF = date(2022, 11, 10)

# A stand-in for an entity tagger: tags a few names with fixed entity ids, so the events'
# participants can be checked whether or not a real tagger is installed.
FAKE_ENTITIES = '''
import re
from pressline import Processor, Span, hookimpl

NAMES = {
    "Ebrahim Raisi": "ebrahim-raisi", "Raisi": "ebrahim-raisi",
    "Nikolai Patrushev": "nikolai-patrushev", "Patrushev": "nikolai-patrushev",
    "Tehran": "tehran", "Russia": "russia", "Ukraine": "ukraine", "Iran": "iran",
}
PEOPLE = {"ebrahim-raisi", "nikolai-patrushev"}
PATTERN = re.compile("|".join(sorted(NAMES, key=len, reverse=True)))


class FakeEntities(Processor):
    """Tag a fixed list of names."""

    name = "fake_entities"
    requires = ("sentences",)
    produces = ("entities",)

    def process(self, doc):
        spans = doc.add_layer("entities", [
            Span(m.start(), m.end(), "PERSON" if NAMES[m.group()] in PEOPLE else "GPE",
                 {"entity": NAMES[m.group()]})
            for m in PATTERN.finditer(doc.text)
        ])
        # a pronoun refers to the last person named before it (the timeline reads the
        # entity tagger's references; it does not resolve pronouns itself)
        references = {}
        for m in re.finditer(r"\\b(?:[Hh]e|[Hh]is)\\b", doc.text):
            people = [s for s in spans if s.label == "PERSON" and s.end <= m.start()]
            if people:
                references.setdefault(people[-1].attrs["entity"], []).append(
                    {"start": m.start(), "end": m.end(), "text": m.group(), "kind": "pronoun"})
        doc.data["entities"] = [
            {"id": entity, "references": refs} for entity, refs in references.items()
        ]


@hookimpl
def register_processors(register):
    register(FakeEntities)
'''


def timeline_host() -> PluginHost:
    """A plugin host that knows ``timeline_builder`` (built in, or loaded by name)."""
    host = PluginHost()
    if "timeline_builder" not in host.processors:
        info = host.load_config_plugin("pressline.plugins.timeline", None)
        assert info.error is None, info.error
    return host


def load(tmp_path: Path, steps: list[dict[str, Any]], **config: Any) -> Pipeline:
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / "pipeline.yaml"
    body = {"version": 1, "name": "timeline-test", "steps": steps, **config}
    path.write_text(yaml.safe_dump(body), encoding="utf-8")
    return Pipeline.load(path, host=timeline_host())


def timeline_pipeline(tmp_path: Path, **options: Any) -> Pipeline:
    step: dict[str, Any] = {"id": "timeline", "uses": "timeline_builder"}
    if options:
        step["with"] = options
    return load(tmp_path, [step], extends="minimal")


@pytest.fixture
def article_pipeline(tmp_path: Path) -> Pipeline:
    (tmp_path / "fake_entities.py").write_text(FAKE_ENTITIES, encoding="utf-8")
    return load(
        tmp_path,
        [
            {"id": "cleaner", "uses": "cleaner"},
            {"id": "sectioner", "uses": "sectioner"},
            {"id": "entities", "uses": "fake_entities"},
            {"id": "timeline", "uses": "timeline_builder"},
        ],
        plugins=["./fake_entities.py"],
    )


def values(report: dict[str, Any]) -> dict[str, str]:
    return {t["text"]: t["value"] for t in report["timeline"]["timexes"]}


# -- the example article -------------------------------------------------------------------
def test_example_article_events_in_order_with_participants(article_pipeline: Pipeline) -> None:
    text = EXAMPLE.read_text("utf-8")
    report = article_pipeline.run(text, reference_date=REF, id="tehran-moscow").to_dict()
    timeline = report["timeline"]
    assert timeline["reference_date"] == "2022-11-10"
    events = timeline["events"]
    must = EXPECTED["timeline"]["must"]
    found = [(e["timex"]["text"], e["value"]) for e in events]
    assert found == [(m["expression"], m["value"]) for m in must]
    names = {"Russia": "russia", "Ukraine": "ukraine", "Tehran": "tehran"}
    names |= {"Ebrahim Raisi": "ebrahim-raisi", "Nikolai Patrushev": "nikolai-patrushev"}
    participants = [e["participants"] for e in events]
    # "he said" in the Wednesday sentence is Raisi, named in the sentence before it
    assert participants[3] == ["russia", "ukraine"]
    assert participants[4] == ["ebrahim-raisi", "russia", "nikolai-patrushev", "tehran"]
    for event, item in zip(events, must, strict=True):
        for name in item.get("participants", []):
            assert names[name] in event["participants"]
    source = report["document"]["text"]
    for event in events:
        for part in ("timex", "sentence"):
            span = event[part]
            assert source[span["start"] : span["end"]] == span["text"]
        assert span["text"].find(event["timex"]["text"]) >= 0
    wednesday = events[-1]
    assert wednesday["sentence"]["text"].startswith("“Boosting regional cooperation")
    assert (wednesday["start_date"], wednesday["end_date"]) == ("2022-11-09", "2022-11-09")
    february = events[2]
    assert (february["start_date"], february["end_date"], february["granularity"]) == (
        "2022-02-01",
        "2022-02-28",
        "month",
    )
    assert not report["warnings"]


def test_example_article_without_a_date(article_pipeline: Pipeline) -> None:
    report = article_pipeline.run(EXAMPLE.read_text("utf-8")).to_dict()
    timeline = report["timeline"]
    assert timeline["reference_date"] is None
    got = values(report)
    for item in EXPECTED["timeline"]["without_reference_date"]:
        assert got[item["expression"]] == item["value"]
    # only what the calendar can place is an event
    assert [e["value"] for e in timeline["events"]] == ["2015"]
    [warning] = [w for w in report["warnings"] if "reference date" in w]
    assert "--date" in warning and '"Wednesday"' in warning


def test_example_article_with_the_news_pipeline() -> None:
    """With the shipped pipeline (and its entity tagger, once there is one)."""
    host = timeline_host()
    pipeline = Pipeline.load("news", host=host)
    if "timeline" not in [s.id for s in pipeline.steps]:
        pytest.skip("the news pipeline has no timeline step")
    report = pipeline.run(EXAMPLE.read_text("utf-8"), reference_date=REF).to_dict()
    events = report["timeline"]["events"]
    must = EXPECTED["timeline"]["must"]
    assert [(e["timex"]["text"], e["value"]) for e in events] == [
        (m["expression"], m["value"]) for m in must
    ]
    if "entities" not in report:
        return
    names = {entity["id"]: entity["name"] for entity in report["entities"]["entities"]}
    for event, item in zip(events, must, strict=True):
        named = [names.get(p, p) for p in event["participants"]]
        for wanted in item.get("participants", []):
            assert wanted in named, (item["expression"], named)


# -- events --------------------------------------------------------------------------------
def test_events_sort_by_start_then_coarser_first(tmp_path: Path) -> None:
    text = (
        "The law passed on January 1, 2020. The year 2020 was hard. "
        "In the 1990s it began. The talks were held in March 2020 and on Wednesday. "
        "Prices rose 5 percent every year for 90 days. Now it is over."
    )
    report = timeline_pipeline(tmp_path).run(text, reference_date=REF).to_dict()
    events = report["timeline"]["events"]
    assert [(e["value"], e["granularity"]) for e in events] == [
        ("199", "decade"),
        ("2020", "year"),
        ("2020-01-01", "day"),
        ("2020-03", "month"),
        ("2022-11-09", "day"),
    ]
    assert [(e["start_date"], e["end_date"]) for e in events[:2]] == [
        ("1990-01-01", "1999-12-31"),
        ("2020-01-01", "2020-12-31"),
    ]
    # durations, sets and PRESENT_REF are timexes but not events
    kinds = {t["text"]: t["type"] for t in report["timeline"]["timexes"]}
    assert kinds["every year"] == "SET" and kinds["90 days"] == "DURATION"
    assert kinds["Now"] == "DATE"
    assert all(e["participants"] == [] for e in events)


def test_intervals_of_each_granularity(tmp_path: Path) -> None:
    text = (
        "It happened in the third quarter of 2021, in the summer of 2019, last week, "
        "last weekend, in the first half of 2023, at 3 p.m. yesterday and in February 2024."
    )
    report = timeline_pipeline(tmp_path).run(text, reference_date=REF).to_dict()
    spans = {e["value"]: (e["start_date"], e["end_date"]) for e in report["timeline"]["events"]}
    assert spans == {
        "2021-Q3": ("2021-07-01", "2021-09-30"),
        "2019-SU": ("2019-06-01", "2019-08-31"),
        "2022-W44": ("2022-10-31", "2022-11-06"),
        "2022-W44-WE": ("2022-11-05", "2022-11-06"),
        "2023-H1": ("2023-01-01", "2023-06-30"),
        "2022-11-09T15:00": ("2022-11-09", "2022-11-09"),
        "2024-02": ("2024-02-01", "2024-02-29"),
    }


def test_timexes_layer_and_rule_names(tmp_path: Path) -> None:
    report = (
        timeline_pipeline(tmp_path)
        .run("He left four years ago, on Feb. 3, 2018.", reference_date=REF)
        .to_dict(layers=["timexes"])
    )
    timexes = report["timeline"]["timexes"]
    assert [list(t) for t in timexes] == [["start", "end", "text", "type", "value", "rule"]] * 2
    assert [t["rule"] for t in timexes] == ["date_ago", "date_month_day"]
    assert [(s["label"]) for s in report["layers"]["timexes"]] == ["DATE", "DATE"]


def test_reference_date_from_the_config(tmp_path: Path) -> None:
    pipeline = load(
        tmp_path,
        [{"id": "timeline", "uses": "timeline_builder"}],
        extends="minimal",
        reference_date="2022-11-10",
    )
    report = pipeline.run("They met on Wednesday.").to_dict()
    assert report["timeline"]["reference_date"] == "2022-11-10"
    assert values(report) == {"Wednesday": "2022-11-09"}


def test_cli_run_with_date(tmp_path: Path, cli) -> None:
    config = tmp_path / "with-timeline.yaml"
    config.write_text(
        "version: 1\nname: t\nextends: minimal\nplugins: [pressline.plugins.timeline]\n"
        "steps:\n  - id: timeline\n    uses: timeline_builder\n",
        encoding="utf-8",
    )
    if "timeline_builder" in PluginHost().processors:
        config.write_text(config.read_text().replace("plugins: [pressline.plugins.timeline]\n", ""))
    article = tmp_path / "a.txt"
    article.write_text("Headline\n\nThe talks began on Wednesday.\n", encoding="utf-8")
    result = cli("run", article, "-c", config, "--date", "2022-11-10", "-f", "json")
    assert result.exit_code == 0, result.output
    import json

    report = json.loads(result.output)
    assert report["timeline"]["events"][0]["value"] == "2022-11-09"


# -- options -------------------------------------------------------------------------------
def test_date_order_dmy(tmp_path: Path) -> None:
    text = "The form is dated 11/09/2022 and 3.10.2022, and 25/12/2021."
    mdy = values(timeline_pipeline(tmp_path / "a").run(text, reference_date=REF).to_dict())
    dmy = values(
        timeline_pipeline(tmp_path / "b", date_order="DMY").run(text, reference_date=REF).to_dict()
    )
    assert mdy == {
        "11/09/2022": "2022-11-09",
        "3.10.2022": "2022-03-10",
        "25/12/2021": "2021-12-25",
    }
    assert dmy == {
        "11/09/2022": "2022-09-11",
        "3.10.2022": "2022-10-03",
        "25/12/2021": "2021-12-25",
    }


def test_durations_and_sets_can_be_left_out(tmp_path: Path) -> None:
    text = "For 90 days the board met every week, and on Monday it stopped."
    everything = values(timeline_pipeline(tmp_path / "a").run(text, reference_date=REF).to_dict())
    assert everything == {"90 days": "P90D", "every week": "P1W", "Monday": "2022-11-07"}
    dates_only = values(
        timeline_pipeline(tmp_path / "b", include_durations=False, include_sets=False)
        .run(text, reference_date=REF)
        .to_dict()
    )
    assert dates_only == {"Monday": "2022-11-07"}


@pytest.mark.parametrize(
    ("direction", "expected"),
    [
        ("tense", {"Saturday": "2022-11-05", "Monday": "2022-11-14", "March": "2022-03"}),
        ("past", {"Saturday": "2022-11-05", "Monday": "2022-11-07", "March": "2022-03"}),
        ("future", {"Saturday": "2022-11-12", "Monday": "2022-11-14", "March": "2023-03"}),
        ("nearest", {"Saturday": "2022-11-12", "Monday": "2022-11-07", "March": "2023-03"}),
    ],
)
def test_direction_rule(tmp_path: Path, direction: str, expected: dict[str, str]) -> None:
    text = "Fans rallied on Saturday. They will march on Monday. It opened in March."
    report = timeline_pipeline(tmp_path, direction=direction).run(text, reference_date=REF)
    assert values(report.to_dict()) == expected


def test_extra_patterns(tmp_path: Path) -> None:
    pipeline = timeline_pipeline(
        tmp_path,
        date_order="DMY",
        extra_patterns=[
            {
                "name": "newsroom_stamp",
                "pattern": r"\b(?P<day>\d{1,2})-(?P<month>[A-Z][a-z]{2})-(?P<year>\d{2})\b",
            },
            {"name": "budget_day", "pattern": r"\bBudget Day\b", "value": "2022-03-23"},
        ],
    )
    report = pipeline.run("Filed 09-Nov-22, ahead of Budget Day.", reference_date=REF).to_dict()
    rules = {t["text"]: (t["value"], t["rule"]) for t in report["timeline"]["timexes"]}
    assert rules == {
        "09-Nov-22": ("2022-11-09", "newsroom_stamp"),
        "Budget Day": ("2022-03-23", "budget_day"),
    }


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ({"name": "Bad-Name", "pattern": r"(?P<year>\d{4})"}, "snake_case"),
        ({"name": "broken", "pattern": r"(?P<year>\d{4}"}, "not a valid regex"),
        ({"name": "slow", "pattern": r"(?P<year>(\d+)+)"}, "backtrack"),
        ({"name": "groupless", "pattern": r"\d{4}"}, "named groups"),
        ({"name": "date_year", "pattern": r"(?P<year>\d{4})"}, "built-in rule"),
        ({"name": "empty", "pattern": r"(?P<year>\d*)"}, "empty"),
        ({"name": "template", "pattern": r"(?P<n>\d+) sols", "value": "P{days}D"}, "lacks"),
    ],
)
def test_extra_patterns_are_validated(tmp_path: Path, pattern: dict, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        timeline_pipeline(tmp_path, extra_patterns=[pattern])
    text = str(caught.value)
    assert "PL204" in text and message in text


def test_unknown_option_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        timeline_pipeline(tmp_path, date_ordr="DMY")
    assert "date_order" in str(caught.value)


def test_grammar_has_no_nested_repetition() -> None:
    """No built-in pattern repeats a repetition, the shape that backtracks without end."""
    from pressline.plugins.timeline.grammar import RULES, TRIGGER_PATTERN, nested_quantifier

    assert nested_quantifier(r"(a+)+") and nested_quantifier(r"(?:\d{1,2}\s?)*")
    assert not nested_quantifier(r"\d{1,3}(?:,\d{3})+")
    assert [rule.name for rule in RULES if nested_quantifier(rule.regex.pattern)] == []
    assert not nested_quantifier(TRIGGER_PATTERN)


def test_long_hostile_input_stays_fast_enough_to_finish(tmp_path: Path) -> None:
    """Long runs of near-misses (digits, spaces, unit words) are scanned, not backtracked."""
    text = ("1 2 3 4 5 " * 2000) + ("the past the past " * 2000) + ("years " * 2000)
    report = timeline_pipeline(tmp_path).run(text, reference_date=REF).to_dict()
    assert report["timeline"]["events"] == []


def _events_with_sentences(text: str, sentences: list[tuple[int, int]]) -> list[Any]:
    from pressline import Document, Span
    from pressline.plugins.timeline import TimelineBuilder

    doc = Document(text, reference_date=date(2024, 3, 10))
    doc.add_layer("sentences", [Span(a, b, "SENTENCE") for a, b in sentences])
    TimelineBuilder().process(doc)
    return doc.data["timeline"].events


def test_a_timex_across_a_sentence_end_gets_the_sentences_it_spans() -> None:
    text = "Intro here. The vote was on March 3, 2024 in the city. More text."  # one line
    cut = text.index("3, 2024")
    end = text.index(" More")
    events = _events_with_sentences(text, [(0, 11), (12, cut), (cut, end), (end + 1, len(text))])
    assert [text[slice(*e.sentence)] for e in events] == [
        "The vote was on March 3, 2024 in the city."
    ]


def test_a_timex_outside_every_sentence_gets_its_line() -> None:
    text = "Intro line here.\nThe vote was on March 3, 2024 in the city.\nLast line."
    events = _events_with_sentences(text, [(0, 16)])
    assert [text[slice(*e.sentence)] for e in events] == [
        "The vote was on March 3, 2024 in the city."
    ]
    assert not events[0].clipped
