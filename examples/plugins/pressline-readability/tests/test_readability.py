"""Tests for pressline-readability, with pressline's test helpers."""

from pressline.testing import check_processor, run_processor
from pressline_readability import ReadabilityScorer, syllables


def test_keeps_the_processor_contract():
    check_processor(ReadabilityScorer)


def test_syllables():
    assert [syllables(w) for w in ["cat", "table", "make", "reading", "the"]] == [1, 2, 1, 2, 1]


def test_scores_sections_and_flags_hard_sentences():
    text = (
        "Budget Talks\n\n"
        "The cat sat on the mat.\n"
        "Institutional considerations notwithstanding, intergovernmental "
        "negotiations necessitate comprehensive reconsideration.\n"
    )
    report = run_processor(ReadabilityScorer, text, hard_below=30)
    summary = report["readability"]
    assert len(summary["sections"]) == 1
    hard = summary["hard_sentences"]
    assert [h["text"][:13] for h in hard] == ["Institutional"]
    assert text[hard[0]["start"] : hard[0]["end"]] == hard[0]["text"]
    assert hard[0]["score"] < summary["reading_ease"]  # the easy sentence helps
