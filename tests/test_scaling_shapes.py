"""Inputs shaped to make a step do more than linear work: the bounds they hit, and what
the report says about them."""

from __future__ import annotations

from datetime import date

from pressline import Document, Pipeline
from pressline.plugins.sectioner import Sectioner

PIPELINE = Pipeline.load("news")
DATES = "on Monday, March 3, 2024 and " * 200  # one sentence of 5,800 characters


def test_a_sentence_longer_than_the_bound_is_cut_between_lowercase_words() -> None:
    report = PIPELINE.run("Headline\n\n" + DATES, reference_date=date(2024, 3, 10))
    data = report.to_dict(layers=["sentences"])
    text = data["document"]["text"]
    body = [s for s in data["layers"]["sentences"] if s["start"] > len("Headline")]
    assert len(body) >= 6
    assert all(s["end"] - s["start"] <= 1000 for s in body)
    assert all(text[s["end"] - 4 : s["end"]] == " and" for s in body[:-1])  # not in a date
    assert any("max_sentence_chars" in w for w in data["warnings"])
    events = data["timeline"]["events"]
    assert events
    for event in events:
        sentence = event["sentence"]
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]
        assert len(sentence["text"]) <= 1000


def test_no_warning_when_no_sentence_is_that_long() -> None:
    report = PIPELINE.run("Headline\n\nThe council met on Monday. It voted on March 3.")
    assert not any("max_sentence_chars" in w for w in report.warnings)


def test_the_bound_is_an_option_and_can_be_lifted() -> None:
    text = "Word " * 600  # no comma, no lowercase word: cut at a space
    doc_spans = _sentences(Sectioner({"max_sentence_chars": None}), text)
    assert len(doc_spans) == 1
    cut = _sentences(Sectioner({"max_sentence_chars": 500}), text)
    assert len(cut) == 6
    assert all(text[a:b].strip() == text[a:b] and b - a <= 500 for a, b in cut)
    no_space = _sentences(Sectioner({"max_sentence_chars": 500}), "x" * 1200)
    assert [(a, b) for a, b in no_space] == [(0, 500), (500, 1000), (1000, 1200)]


def test_a_comma_before_a_lowercase_word_is_the_better_cut() -> None:
    text = "Alpha Beta, gamma Delta " * 40
    cut = _sentences(Sectioner({"max_sentence_chars": 300}), text)
    assert all(text[b - 5 : b] == "Beta," for _, b in cut[:-1])


def _sentences(sectioner: Sectioner, text: str) -> list[tuple[int, int]]:
    doc = Document(text)
    sectioner.process(doc)
    return [(s.start, s.end) for s in doc.layer("sentences")]


def test_a_run_leaves_the_garbage_collector_as_it_found_it() -> None:
    import gc

    assert gc.isenabled()
    report = PIPELINE.run("Headline\n\nThe council met on Monday.")
    report.to_json()
    assert gc.isenabled()
    gc.disable()
    try:
        PIPELINE.run("Headline\n\nThe council met on Monday.").to_json()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_run_keeps_the_programs_frozen_objects_frozen() -> None:
    import gc

    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        PIPELINE.run("Headline\n\nThe council met on Monday.").to_json()
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_a_cycle_made_while_collection_is_paused_is_still_collected() -> None:
    import gc
    import weakref

    from pressline.report import collector_paused

    class Node:
        other: object = None

    with collector_paused():
        a, b = Node(), Node()
        a.other, b.other = b, a
        alive = weakref.ref(a)
        del a, b
    assert alive() is not None  # a cycle waits for the collector
    gc.collect()
    assert alive() is None


def test_an_event_sentence_on_a_one_line_page_is_bounded_and_cuts_back_out() -> None:
    # no sentence end and no cap on sentences: the page is one sentence of 9,000 chars
    page = "Headline\n\n" + "Smith met Jones on Monday, March 3, 2024 and " * 200
    uncapped = Pipeline.load("news", sets=["steps.sectioner.with.max_sentence_chars=null"])
    data = uncapped.run(page, reference_date=date(2024, 3, 10)).to_dict()
    text = data["document"]["text"]
    events = data["timeline"]["events"]
    assert len(events) >= 200
    for event in events:
        sentence, timex = event["sentence"], event["timex"]
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]
        assert len(sentence["text"]) <= 1000
        assert sentence["start"] <= timex["start"] and timex["end"] <= sentence["end"]
        assert sentence["text"] == sentence["text"].strip()
        assert text[sentence["start"] - 1] in " \n"  # cut at a space, not inside a word
    assert any("max_event_sentence_chars" in w for w in data["warnings"])


def test_the_event_sentence_bound_is_an_option_and_can_be_lifted() -> None:
    page = "Headline\n\n" + "on Monday, March 3, 2024 and " * 60  # one sentence, 1,740 chars
    sets = ["steps.sectioner.with.max_sentence_chars=null"]
    lifted = Pipeline.load(
        "news", sets=[*sets, "steps.timeline.with.max_event_sentence_chars=null"]
    )
    data = lifted.run(page, reference_date=date(2024, 3, 10)).to_dict()
    assert {len(e["sentence"]["text"]) for e in data["timeline"]["events"]} == {
        len(page.strip()) - len("Headline\n\n")
    }
    assert not any("max_event_sentence_chars" in w for w in data["warnings"])
    tight = Pipeline.load("news", sets=[*sets, "steps.timeline.with.max_event_sentence_chars=200"])
    data = tight.run(page, reference_date=date(2024, 3, 10)).to_dict()
    assert all(len(e["sentence"]["text"]) <= 200 for e in data["timeline"]["events"])
    assert any("clipped to 200 characters" in w for w in data["warnings"])


def test_no_event_warning_on_ordinary_sentences() -> None:
    report = PIPELINE.run("Headline\n\nThe council met on Monday. It voted on March 3, 2024.")
    data = report.to_dict()
    sentences = {e["sentence"]["text"] for e in data["timeline"]["events"]}
    assert sentences and sentences <= {"The council met on Monday.", "It voted on March 3, 2024."}
    assert not any("max_event_sentence_chars" in w for w in data["warnings"])
