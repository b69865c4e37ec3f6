"""Readability scores for news articles: Flesch reading ease, per section and overall."""

from __future__ import annotations

import re
from typing import Any

from pressline import Document, Options, Processor, Span, hookimpl
from pydantic import Field

WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def syllables(word: str) -> int:
    """Syllables in an English word, by vowel groups (good enough for a score)."""
    word = word.lower()
    count = len(VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
        count -= 1  # a silent final e
    return max(count, 1)


def reading_ease(words: int, sentences: int, syllable_count: int) -> float:
    """Flesch reading ease: about 60-70 is plain English, below 30 is hard going."""
    if not words or not sentences:
        return 0.0
    return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllable_count / words)


class ReadabilityScorer(Processor):
    """Score how easy each section of the article is to read (Flesch reading ease)."""

    name = "readability"
    requires = ("sentences", "sections")
    produces = ("hard_sentences",)

    class Options(Options):
        hard_below: float = Field(
            30.0, description="A sentence whose own score is below this is hard to read."
        )

    def process(self, doc: Document) -> None:
        hard = []
        for sentence in doc.layer("sentences"):
            if sentence.attrs.get("part", "body") != "body":
                continue
            words = WORD.findall(doc.text[sentence.start : sentence.end])
            score = reading_ease(len(words), 1, sum(syllables(w) for w in words))
            if words and score < self.options.hard_below:
                hard.append(Span(sentence.start, sentence.end, "HARD", {"score": score}))
        doc.add_layer("hard_sentences", hard)

    def summarize(self, doc: Document) -> dict[str, Any]:
        body = [s for s in doc.layer("sentences") if s.attrs.get("part", "body") == "body"]
        sections = []
        totals = [0, 0, 0]
        for section in doc.layer("sections"):
            inside = [s for s in body if section.start <= s.start < section.end]
            words = WORD.findall(" ".join(doc.text[s.start : s.end] for s in inside))
            counts = [len(words), len(inside), sum(syllables(w) for w in words)]
            totals = [a + b for a, b in zip(totals, counts, strict=True)]
            sections.append(
                {"heading": section.label or None, "reading_ease": round(reading_ease(*counts), 1)}
            )
        return {
            "reading_ease": round(reading_ease(*totals), 1),
            "sections": sections,
            "hard_sentences": [
                {**doc.source_span(s.start, s.end), "score": round(s.attrs["score"], 1)}
                for s in doc.layer("hard_sentences")
            ],
        }


@hookimpl
def register_processors(register):
    register(ReadabilityScorer)
