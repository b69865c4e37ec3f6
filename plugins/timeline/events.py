"""Events: the dated things an article tells, in calendar order.

Every DATE or TIME expression whose value lands on the calendar ("2015", "2022-02",
"2022-11-09", "the 1990s"; not "PRESENT_REF" or "XXXX-02-24") becomes an :class:`Event`
with the interval its value covers, its granularity, the sentence it sits in, and the
entities of that sentence as participants (from the ``entities`` layer when an earlier
step produced one: the ``entity`` id of each mention inside the sentence, in order of
appearance, each once). A personal pronoun ("he said", "his remark") stands for the last
PERSON named as the subject of a sentence (among its first few words) before it, within
a few sentences, as news writing names a speaker once and then says "he".

Events sort by start date, then coarser granularity first (a year before a day that
starts on the same date), then by position in the text.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pressline.document import Document, Span

from .normalize import RANK

__all__ = ["Event", "build_events"]


@dataclass
class Event:
    """A dated event: the timex (clean-text offsets) and the sentence it belongs to."""

    value: str
    start_date: date
    end_date: date
    granularity: str
    start: int
    end: int
    sentence: tuple[int, int]
    participants: list[str] = field(default_factory=list)

    def to_dict(
        self, doc: Document, source_span: Callable[[int, int], dict[str, Any]] | None = None
    ) -> dict[str, Any]:
        """The report's form: ISO dates and source offsets (``source_span`` maps a clean
        range to them; by default ``doc.source_span``)."""
        source_span = source_span or doc.source_span
        timex = source_span(self.start, self.end)
        return {
            "value": self.value,
            "start_date": self.start_date.isoformat(),
            "end_date": self.end_date.isoformat(),
            "granularity": self.granularity,
            "timex": timex,
            "sentence": source_span(*self.sentence),
            "participants": list(self.participants),
        }


def build_events(doc: Document, timexes: Sequence[Span]) -> list[Event]:
    """The events of ``doc``'s timexes (spans with a ``point`` attribute), sorted."""
    sentences = (
        [(s.start, s.end) for s in doc.layer("sentences")] if doc.has_layer("sentences") else []
    )
    starts = [s for s, _ in sentences]
    # who a sentence is about: the entity tagger's name mentions, and the pronouns and
    # descriptions it resolved to entities ("he said" in the sentence after Raisi's)
    refs = sorted(
        (m.start, m.end, m.attrs["entity"])
        for m in (doc.layer("entities") if doc.has_layer("entities") else [])
        if isinstance(m.attrs.get("entity"), str)
    )
    refs += [
        (r["start"], r["end"], entity["id"])
        for entity in doc.data.get("entities", [])
        if isinstance(entity, dict)
        for r in entity.get("references", [])
    ]
    refs.sort()
    ref_starts = [r[0] for r in refs]
    events: list[Event] = []
    # the participants of each sentence, found once: dates cluster, and the events of one
    # sentence share them (each event gets its own copy of the list)
    participants: dict[tuple[int, int], list[str]] = {}
    for span in timexes:
        point = span.attrs.get("point")
        if span.label not in ("DATE", "TIME") or point is None:
            continue
        interval = point.interval()
        if interval is None:
            continue
        sentence = _sentence_of(doc, sentences, starts, span)
        people = participants.get(sentence)
        if people is None:
            people = participants[sentence] = _participants(refs, ref_starts, sentence)
        events.append(
            Event(
                value=span.attrs["value"],
                start_date=interval[0],
                end_date=interval[1],
                granularity=point.gran,
                start=span.start,
                end=span.end,
                sentence=sentence,
                participants=list(people),
            )
        )
    events.sort(key=lambda e: (e.start_date, RANK.get(e.granularity, 99), e.start))
    return events


def _sentence_of(
    doc: Document, sentences: list[tuple[int, int]], starts: list[int], span: Span
) -> tuple[int, int]:
    i = bisect_right(starts, span.start) - 1
    if i >= 0 and sentences[i][1] >= span.end:
        return sentences[i]
    # no sentence holds it (a pipeline without one): the line it is on
    text = doc.text
    lo = text.rfind("\n", 0, span.start) + 1
    hi = text.find("\n", span.end)
    return lo, hi if hi >= 0 else len(text)


def _participants(
    refs: list[tuple[int, int, str]], ref_starts: list[int], sentence: tuple[int, int]
) -> list[str]:
    """The entities referred to inside ``sentence``, in order of first reference."""
    lo, hi = sentence
    seen: list[str] = []
    # by index, not a slice: a slice copies the rest of the article for every sentence
    for i in range(bisect_left(ref_starts, lo), len(refs)):
        start, end, entity = refs[i]
        if start >= hi:
            break
        if end <= hi and entity not in seen:
            seen.append(entity)
    return seen
