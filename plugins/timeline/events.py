"""Events: the dated things an article tells, in calendar order.

Every DATE or TIME expression whose value lands on the calendar ("2015", "2022-02",
"2022-11-09", "the 1990s"; not "PRESENT_REF" or "XXXX-02-24") becomes an :class:`Event`
with the interval its value covers, its granularity, the sentence it sits in, and the
entities of that sentence as participants (from the ``entities`` layer when an earlier
step produced one: the ``entity`` id of each mention inside the sentence, in order of
appearance, each once). A personal pronoun ("he said", "his remark") stands for the last
PERSON named as the subject of a sentence (among its first few words) before it, within
a few sentences, as news writing names a speaker once and then says "he".

An event's sentence is the sentence holding its timex; a timex that runs across a
sentence end gets the sentences from the one holding its start to the one holding its
end (and where no sentence holds an end, the line). With ``max_sentence_chars`` set, a
longer sentence is clipped to a window of that many characters around the timex, cut at
spaces (:attr:`Event.clipped` says so), and the participants are those of the window: a
page with no sentence ends (the sectioner's ``max_sentence_chars: null``) would otherwise
repeat the whole page in every event of the report.

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
    clipped: bool = False
    """The sentence was longer than ``max_sentence_chars``: ``sentence`` is a window of it."""

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


def build_events(
    doc: Document, timexes: Sequence[Span], *, max_sentence_chars: int | None = None
) -> list[Event]:
    """The events of ``doc``'s timexes (spans with a ``point`` attribute), sorted.

    ``max_sentence_chars`` bounds each event's sentence: a longer one is clipped to that
    many characters around the timex (``None``: never clipped)."""
    sentences = (
        [(s.start, s.end) for s in doc.layer("sentences")] if doc.has_layer("sentences") else []
    )
    starts = [s for s, _ in sentences]
    lines = _Lines(doc.text)
    # who a sentence is about: the entity tagger's name mentions, and the pronouns and
    # descriptions it resolved to entities ("he said" in the sentence after Raisi's).
    # The mentions are found by bisection in their layer (sorted by start) for the
    # sentences that have events, not copied out of it whole.
    mentions = doc.layer("entities") if doc.has_layer("entities") else []
    refs = sorted(
        (r["start"], r["end"], entity["id"])
        for entity in doc.data.get("entities", [])
        if isinstance(entity, dict)
        for r in entity.get("references", [])
    )
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
        sentence = _sentence_of(sentences, starts, lines, span)
        clipped = max_sentence_chars is not None and sentence[1] - sentence[0] > max_sentence_chars
        if clipped:
            sentence = _clip(doc.text, sentence, span, max_sentence_chars)
        people = participants.get(sentence)
        if people is None:
            people = participants[sentence] = _participants(mentions, refs, ref_starts, sentence)
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
                clipped=clipped,
            )
        )
    events.sort(key=lambda e: (e.start_date, RANK.get(e.granularity, 99), e.start))
    return events


class _Lines:
    """The line boundaries of a text, found in one pass the first time one is asked for."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._breaks: list[int] | None = None

    def _found(self) -> list[int]:
        if self._breaks is None:
            text = self.text
            breaks: list[int] = []
            at = text.find("\n")
            while at >= 0:
                breaks.append(at)
                at = text.find("\n", at + 1)
            self._breaks = breaks
        return self._breaks

    def start(self, at: int) -> int:
        """Where the line holding offset ``at`` starts."""
        breaks = self._found()
        i = bisect_left(breaks, at) - 1
        return breaks[i] + 1 if i >= 0 else 0

    def end(self, at: int) -> int:
        """Where the line holding offset ``at`` (an end offset) ends."""
        breaks = self._found()
        i = bisect_left(breaks, at)
        return breaks[i] if i < len(breaks) else len(self.text)


def _sentence_of(
    sentences: list[tuple[int, int]], starts: list[int], lines: _Lines, span: Span
) -> tuple[int, int]:
    i = bisect_right(starts, span.start) - 1
    if i >= 0 and sentences[i][1] >= span.end:
        return sentences[i]
    # the timex runs across a sentence end (or lies outside every sentence): from the
    # sentence holding its start to the one holding its end, by bisection; where no
    # sentence holds an end, the line it is on
    lo = sentences[i][0] if i >= 0 and sentences[i][1] > span.start else lines.start(span.start)
    j = bisect_left(starts, span.end) - 1
    hi = sentences[j][1] if j >= 0 and sentences[j][1] >= span.end else lines.end(span.end)
    return min(lo, span.start), max(hi, span.end)


def _clip(text: str, sentence: tuple[int, int], span: Span, limit: int) -> tuple[int, int]:
    """A window of at most ``limit`` characters of ``sentence`` around ``span``, its
    edges moved in to a space (never into the timex) and stripped of white space."""
    lo, hi = sentence
    room = limit - (span.end - span.start)
    if room <= 0:
        return span.start, span.end
    a = max(lo, span.start - room // 2)
    b = min(hi, a + (span.end - span.start) + room)
    a = max(lo, b - limit)
    if a > lo:  # cut inside a word: start after the next space before the timex
        space = text.find(" ", a, span.start)
        if space >= 0 and text[a - 1] != " ":
            a = space + 1
    if b < hi:  # end at the last space after the timex
        space = text.rfind(" ", span.end, b)
        if space >= 0 and text[b] != " ":
            b = space
    while a < span.start and text[a].isspace():
        a += 1
    while b > span.end and text[b - 1].isspace():
        b -= 1
    return a, b


def _participants(
    mentions: Sequence[Span],
    refs: list[tuple[int, int, str]],
    ref_starts: list[int],
    sentence: tuple[int, int],
) -> list[str]:
    """The entities referred to inside ``sentence``, in order of first reference: by
    their mentions (``mentions``, sorted by start) and their resolved references
    (``refs``, sorted)."""
    lo, hi = sentence
    inside: list[tuple[int, int, str]] = []
    # by index, not a slice: a slice copies the rest of the article for every sentence
    for k in range(bisect_left(mentions, lo, key=_start), len(mentions)):
        mention = mentions[k]
        if mention.start >= hi:
            break
        entity = mention.attrs.get("entity")
        if isinstance(entity, str):
            inside.append((mention.start, mention.end, entity))
    for i in range(bisect_left(ref_starts, lo), len(refs)):
        if refs[i][0] >= hi:
            break
        inside.append(refs[i])
    inside.sort()
    seen: dict[str, None] = {}
    for _, end, entity in inside:
        if end <= hi and entity not in seen:
            seen[entity] = None
    return list(seen)


def _start(span: Span) -> int:
    return span.start
