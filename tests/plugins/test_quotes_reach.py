"""A speaker's description is matched against the entities mentioned last, as many as an
option says."""

from __future__ import annotations

from pressline import Pipeline

OTHERS = ["Tom Baker", "Ana Silva", "Omar Haddad", "Lena Berg", "Ravi Patel", "Mia Kovac"]
SHORT = [
    "steps.entities.with.max_description_antecedents=3",
    "steps.quotes.with.max_speaker_antecedents=3",
]


def _article(others: int) -> str:
    lines = [
        "Talks Resume in Geneva",
        "Jane Doe, the agency's director-general, opened the talks on Monday.",
        *(f"{name} also spoke at the meeting." for name in OTHERS[:others]),
        "\u201cWe will keep talking until there is a deal,\u201d the director-general said.",
    ]
    return "\n\n".join(lines) + "\n"


def _speakers(report) -> list[tuple[str | None, str | None]]:
    return [(q["speaker"], q["description"]) for q in report["quotes"]["quotes"]]


def _warned(report) -> list[str]:
    return [w for w in report.warnings if "max_speaker_antecedents" in w]


def test_the_default_reach_credits_the_role_holder() -> None:
    report = Pipeline.load("news").run(_article(6))
    assert _speakers(report) == [("Jane Doe", "the director-general")]
    assert not _warned(report)


def test_a_short_reach_credits_nobody_and_says_so() -> None:
    report = Pipeline.load("news", sets=SHORT).run(_article(6))
    assert _speakers(report) == [(None, "the director-general")]
    assert len(_warned(report)) == 1 and " 3 entities" in _warned(report)[0]


def test_no_warning_when_fewer_entities_than_the_reach_were_mentioned() -> None:
    report = Pipeline.load("news", sets=SHORT).run(_article(1))
    assert _speakers(report) == [("Jane Doe", "the director-general")]
    assert not _warned(report)


def test_the_quote_attributor_searches_on_where_the_tagger_stopped() -> None:
    report = Pipeline.load("news", sets=SHORT[:1]).run(_article(6))
    assert _speakers(report) == [("Jane Doe", "the director-general")]
    assert not _warned(report)
