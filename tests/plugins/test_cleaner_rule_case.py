"""The boilerplate rules are written in lowercase, which their ASCII fast path needs."""

from __future__ import annotations

import re

from pressline.document import Document
from pressline.plugins.cleaner import BOILERPLATE_RULES, Cleaner


def test_no_rule_pattern_holds_an_uppercase_letter() -> None:
    # an ASCII line is lowercased and matched without re.IGNORECASE: an uppercase letter
    # in a pattern (outside an escape such as \W or \S) would never match there
    for rule in BOILERPLATE_RULES:
        for pattern in rule.patterns:
            literal = re.sub(r"\\.", "", pattern)
            assert literal == literal.lower(), (rule.name, pattern)


def test_a_rule_matches_a_line_in_any_case() -> None:
    body = "Body text of the story goes here, long enough to be a paragraph of its own."
    # (ASCII lines take the lowercase path, the one with "…" the case-blind patterns)
    for line in ("Leave a comment", "LEAVE A COMMENT", "leave a comment", "LEAVE A COMMENT…"):
        doc = Document(f"{body}\n\n{line}\n\n{body.replace('Body', 'More')}")
        cleaner = Cleaner()
        cleaner.process(doc)
        removed = cleaner.summarize(doc)["removed"]
        assert [(r["text"], r["reason"]) for r in removed] == [(line, "boilerplate")]
