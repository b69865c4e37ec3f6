"""The quote attributor (``quote_attributor``, step id ``quotes`` in the ``news`` config).

Finds every direct quotation (:mod:`.detection`), keeps those that are speech rather than
scare quotes, and says who said each one, as an entity of the report (:mod:`.attribution`).
It needs the sectioner's ``sentences`` and ``paragraphs`` and the entity tagger's
``entities``, and produces the layer ``quotes`` (one span per quotation, inside its marks;
``attrs``: ``speaker_id``, ``cue``, ``rule``).

The report's ``quotes`` lists ``{"start", "end", "text", "speaker", "speaker_id", "cue",
"rule"}`` in source offsets; ``rule`` names how the speaker was found (``named``,
``according_to``, ``description``, ``pronoun``, ``continuation``) or ``unresolved``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from pressline.document import Document, Span
from pressline.hookspecs import hookimpl
from pressline.processor import Options, Processor
from pydantic import Field

from .attribution import PRONOUNS, ROLE_NOUNS, WORD, Entity, SpeechCue, Tracker, find_cue
from .detection import Quotation, find_quotations

__all__ = ["QuoteAttributor"]

_END_PUNCT = re.compile(r"[.!?,…—–-][\"'”’)]*\s*$")
SPEAKER_TYPES = ("PERSON", "ORG", "GPE", "NORP")


class QuoteAttributor(Processor):
    """Find direct quotations and attribute each to the entity who said it."""

    name = "quote_attributor"
    requires = ("sentences", "paragraphs", "entities")
    produces = ("quotes",)

    class Options(Options):
        min_words: int = Field(
            4,
            ge=1,
            description=(
                "A quotation with no cue needs at least this many words, and to stand as "
                "a sentence of its own, to count as speech; shorter ones are scare quotes."
            ),
        )
        single_quotes: bool = Field(
            True, description="Treat single quotes (‘…’) as quotation marks too."
        )
        include_unattributed: bool = Field(
            True, description="Report speech whose speaker the article does not give."
        )

    def process(self, doc: Document) -> None:
        text = doc.text
        paragraphs = [(p.start, p.end) for p in doc.layer("paragraphs")]
        quotations = [
            q
            for q in find_quotations(text, paragraphs)
            if self.options.single_quotes or q.family != "single"
        ]
        sentences = [s for s in doc.layer("sentences") if s.attrs.get("part", "body") == "body"]
        starts = [s.start for s in sentences]
        mentions = [m for m in doc.layer("entities") if "entity" in m.attrs]
        entities = [Entity.from_data(e, text) for e in doc.data.get("entities", [])]
        tracker = Tracker(entities, doc.data.get("entities", []))
        by_sentence: dict[int, list[Quotation]] = {}
        for q in quotations:
            by_sentence.setdefault(max(bisect_right(starts, q.open_mark) - 1, 0), []).append(q)

        spans: list[Span] = []
        m = 0
        previous_quote_end = -1
        for index, sentence in enumerate(sentences):
            inside = by_sentence.get(index, [])
            for q in inside:
                span = self._attribute(
                    doc, q, sentences, starts, mentions, tracker, previous_quote_end
                )
                if span is not None:
                    spans.append(span)
                    previous_quote_end = q.end
            # then what this sentence says about who is salient
            quoted = [
                (q.open_mark, q.close_mark or q.end)
                for q in quotations
                if q.open_mark < sentence.end and (q.close_mark or q.end) > sentence.start
            ]
            while m < len(mentions) and mentions[m].start < sentence.start:
                m += 1
            k = m
            first_person: str | None = None
            while k < len(mentions) and mentions[k].start < sentence.end:
                mention = mentions[k]
                if not any(a <= mention.start < b for a, b in quoted):
                    tracker.mention(mention.attrs["entity"])
                    if (
                        first_person is None
                        and mention.label == "PERSON"
                        and _near_start(text, sentence.start, mention.start, quoted)
                    ):
                        first_person = mention.attrs["entity"]
                k += 1
            if first_person is not None:
                tracker.subject = first_person
            else:
                described = _opening_description(text, sentence.start, sentence.end)
                if described:
                    found = tracker.describe(described)
                    if found:
                        tracker.subject = found
        doc.add_layer("quotes", spans)

    def _attribute(
        self,
        doc: Document,
        q: Quotation,
        sentences: list[Span],
        starts: list[int],
        mentions: list[Span],
        tracker: Tracker,
        previous_quote_end: int,
    ) -> Span | None:
        text = doc.text
        open_sentence = sentences[max(bisect_right(starts, q.open_mark) - 1, 0)]
        close_at = q.close_mark if q.close_mark is not None else q.end
        close_sentence = sentences[max(bisect_right(starts, close_at) - 1, 0)]
        after = (close_at + 1 if q.close_mark is not None else q.end, close_sentence.end)
        before = (open_sentence.start, q.open_mark)
        cue = find_cue(text, before, after, bool(_END_PUNCT.search(text[q.start : q.end])))
        words = len(WORD.findall(text[q.start : q.end]))
        standalone = (
            text[before[0] : before[1]].strip() == ""
            and text[after[0] : after[1]].strip(" .,!?;:—–-\"'”’") == ""
        )
        if cue is None and not (standalone and words >= self.options.min_words):
            return None  # a scare quote or a title
        speaker, rule = self._speaker(text, cue, mentions, tracker, q, previous_quote_end)
        if speaker is None and not self.options.include_unattributed:
            return None
        if speaker is not None:
            tracker.last_speaker = speaker
            tracker.subject = speaker if tracker.is_person(speaker) else tracker.subject
        return Span(
            q.start,
            q.end,
            "QUOTE",
            {"speaker_id": speaker, "cue": cue.verb if cue else None, "rule": rule},
        )

    def _speaker(
        self,
        text: str,
        cue: SpeechCue | None,
        mentions: list[Span],
        tracker: Tracker,
        q: Quotation,
        previous_quote_end: int,
    ) -> tuple[str | None, str]:
        if cue is None:
            recent = previous_quote_end >= 0 and q.open_mark - previous_quote_end < 600
            speaker = tracker.last_speaker if recent else tracker.subject
            return (speaker, "continuation") if speaker else (None, "unresolved")
        s0, s1 = cue.subject or (cue.start, cue.start)
        named = [m for m in mentions if s0 <= m.start and m.end <= s1 and m.label in SPEAKER_TYPES]
        if named:
            persons = [m for m in named if m.label == "PERSON"]
            chosen = (persons or named)[0].attrs["entity"]
            return chosen, "according_to" if cue.verb == "according to" else "named"
        # a pronoun or description the entity tagger already resolved ("he said")
        for _, kind, entity in tracker.references_in(s0, s1):
            if tracker.is_person(entity):
                return entity, kind
        words = WORD.findall(text[s0:s1])
        lowered = [w.lower() for w in words]
        if any(w in PRONOUNS for w in lowered[:3]):
            speaker = tracker.subject or tracker.last_speaker
            return (speaker, "pronoun") if speaker else (None, "unresolved")
        if any(w in ROLE_NOUNS for w in lowered):
            found = tracker.describe(words)
            if found:
                return found, "description"
        return None, "unresolved"

    def summarize(self, doc: Document) -> dict[str, Any]:
        names = {e["id"]: e["name"] for e in doc.data.get("entities", [])}
        quotes = []
        for span in doc.layer("quotes"):
            speaker_id = span.attrs["speaker_id"]
            quotes.append(
                {
                    **doc.source_span(span.start, span.end),
                    "speaker": names.get(speaker_id) if speaker_id else None,
                    "speaker_id": speaker_id,
                    "cue": span.attrs["cue"],
                    "rule": span.attrs["rule"],
                }
            )
        return {"quotes": quotes}


def _near_start(text: str, sentence_start: int, offset: int, quoted: list[tuple[int, int]]) -> bool:
    """Is ``offset`` among the first words of its sentence's own (unquoted) text?"""
    prefix = text[sentence_start:offset]
    for a, b in quoted:
        if a >= sentence_start and b <= offset:
            prefix = prefix.replace(text[a : b + 1], " ")
    return len(WORD.findall(prefix)) <= 3


def _opening_description(text: str, start: int, end: int) -> list[str] | None:
    """The words of a description opening a sentence: "The Iranian security official"."""
    words = WORD.findall(text[start : min(end, start + 80)])[:6]
    if not words or words[0].lower() not in {"the", "a", "an"}:
        return None
    for i, word in enumerate(words[1:5], start=1):
        if word.lower() in ROLE_NOUNS:
            return words[1 : i + 1]
    return None


@hookimpl
def register_processors(register):
    register(QuoteAttributor)
