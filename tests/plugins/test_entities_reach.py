"""A description is matched against the people mentioned last, as many as an option says."""

from __future__ import annotations

from pressline import Pipeline

OTHERS = ["Tom Baker", "Ana Silva", "Omar Haddad", "Lena Berg", "Ravi Patel", "Mia Kovac"]


def _article(others: int) -> str:
    lines = [
        "Talks Resume in Geneva",
        "",
        "Jane Doe, the agency's director-general, opened the talks on Monday.",
    ]
    for name in OTHERS[:others]:
        lines.append(f"{name} also spoke at the meeting.")
    lines.append("The director-general said the talks would go on.")
    return "\n\n".join(lines) + "\n"


def _doe(report) -> dict:
    # (descriptions are in the entities the tagger leaves for later steps, as pronouns)
    return next(e for e in report.document.data["entities"] if e["name"] == "Jane Doe")


def _references(entity: dict) -> list[str]:
    return [r["text"] for r in entity["references"] if r["kind"] == "description"]


def test_the_default_reach_finds_the_person_several_people_back() -> None:
    report = Pipeline.load("news").run(_article(6))
    assert _references(_doe(report)) == ["The director-general"]
    assert not any("max_description_antecedents" in w for w in report.warnings)


def test_a_short_reach_leaves_the_description_and_says_so() -> None:
    pipeline = Pipeline.load("news", sets=["steps.entities.with.max_description_antecedents=3"])
    report = pipeline.run(_article(6))
    assert _references(_doe(report)) == []
    warnings = [w for w in report.warnings if "max_description_antecedents" in w]
    assert len(warnings) == 1 and "1 description " in warnings[0] and " 3 people" in warnings[0]


def test_no_warning_when_fewer_people_than_the_reach_were_mentioned() -> None:
    pipeline = Pipeline.load("news", sets=["steps.entities.with.max_description_antecedents=3"])
    report = pipeline.run(_article(1))
    assert _references(_doe(report)) == ["The director-general"]
    assert not any("max_description_antecedents" in w for w in report.warnings)


def test_null_searches_every_person() -> None:
    pipeline = Pipeline.load("news", sets=["steps.entities.with.max_description_antecedents=null"])
    assert _references(_doe(pipeline.run(_article(6)))) == ["The director-general"]
