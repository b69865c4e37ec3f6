"""The timeline builder: temporal expressions (TimeML TIMEX3) and a dated list of events.

Produces

- the layer ``timexes``: one span per temporal expression, label = the TIMEX3 type
  (DATE, TIME, DURATION or SET), attrs ``value`` (the TIMEX3 value: "2022-11-09",
  "2022-02", "2018", "2022-W45", "2022-Q3", "199" (the 1990s), "P4Y", "PXW", "PRESENT_REF",
  "XXXX-02-24", ...), ``rule`` (the grammar pattern that found it), ``mod`` (TIMEX3 mod
  such as START or APPROX, or None), ``granularity``, and ``point`` (the calendar
  :class:`~.normalize.Point` for dates and times);
- ``doc.data["timeline"]``: a :class:`Timeline` with the reference date and the
  :class:`~.events.Event` list, in calendar order.

Relative expressions ("Wednesday", "four years ago", "February 24") resolve against the
document's reference date (``--date``, the config's ``reference_date``, or the input's
own date). Without one they stay underspecified ("XXXX-WXX-3", "XXXX-02-24") and the
report says so once; today's date is never used in its place.

The grammar is in :mod:`.grammar` (a table of named patterns), the values in
:mod:`.normalize`, the events in :mod:`.events`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from pressline.document import Document, Span
from pressline.hookspecs import hookimpl
from pressline.processor import Options as BaseOptions
from pressline.processor import Processor
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .events import Event, build_events
from .grammar import RULES, ExtraPattern, Grammar, compiled, nested_quantifier
from .tagger import Tagged, tag

__all__ = ["ExtraPatternOption", "Timeline", "TimelineBuilder", "tag"]

_GROUPS = {"year", "month", "day", "hour", "minute", "second"}


class ExtraPatternOption(BaseModel):
    """A newsroom's own date format, as a named regular expression."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(
        description="A snake_case name for the pattern; it shows as the timex's rule."
    )
    pattern: str = Field(
        description="A regular expression with named groups year, month (number or name), "
        "day, hour, minute, second; for example "
        r"'(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})'. Nested repetition such "
        "as '(a+)+' is refused, as it can make matching take forever."
    )
    type: Literal["DATE", "TIME", "DURATION", "SET"] = Field(
        default="DATE", description="The TIMEX3 type of what the pattern finds."
    )
    value: str | None = Field(
        default=None,
        description="A fixed TIMEX3 value, or a template over the pattern's named groups "
        "('P{n}D'); without it the value is built from the date and time groups.",
    )

    @field_validator("name")
    @classmethod
    def _snake_case(cls, name: str) -> str:
        if not re.fullmatch(r"[a-z][a-z0-9_]*", name):
            raise ValueError(f"name {name!r} must be snake_case (a-z, 0-9, _)")
        if any(rule.name == name for rule in RULES):
            raise ValueError(f"name {name!r} is already a built-in rule; choose another")
        return name

    @model_validator(mode="after")
    def _compiles(self) -> ExtraPatternOption:
        try:
            regex = re.compile(self.pattern)
        except re.error as exc:
            raise ValueError(f"pattern of {self.name!r} is not a valid regex: {exc}") from None
        if regex.match(""):
            raise ValueError(f"pattern of {self.name!r} matches empty text")
        if nested_quantifier(self.pattern):
            raise ValueError(
                f"pattern of {self.name!r} repeats a repetition (like '(a+)+'), which can "
                "backtrack without end; write it without nested quantifiers"
            )
        groups = set(regex.groupindex)
        if self.value is None and not groups & _GROUPS:
            raise ValueError(
                f"pattern of {self.name!r} needs a 'value' or named groups among "
                + ", ".join(sorted(_GROUPS))
            )
        if self.value is not None:
            names = set(re.findall(r"{(\w+)}", self.value))
            missing = names - groups
            if missing:
                raise ValueError(
                    f"value of {self.name!r} names groups the pattern lacks: "
                    + ", ".join(sorted(missing))
                )
        return self

    def to_pattern(self) -> ExtraPattern:
        return ExtraPattern(self.name, self.pattern, self.type, self.value)


@dataclass
class Timeline:
    """``doc.data["timeline"]``: the reference date used and the dated events."""

    reference_date: date | None
    events: list[Event] = field(default_factory=list)


class TimelineBuilder(Processor):
    """Find dates, times, durations and sets (TIMEX3) and build a dated timeline of events."""

    name = "timeline_builder"
    requires = ("sentences",)
    produces = ("timexes", "timeline")

    class Options(BaseOptions):
        date_order: Literal["MDY", "DMY"] = Field(
            default="MDY",
            description="How to read all-number dates such as 11/09/2022: month first "
            "(MDY, American) or day first (DMY). A date only one reading allows (25/12/2022) "
            "is read that way either way.",
        )
        include_durations: bool = Field(
            default=True, description="Report durations ('90 days', 'the past two years')."
        )
        include_sets: bool = Field(
            default=True, description="Report sets, recurring times ('every year', 'weekly')."
        )
        direction: Literal["tense", "past", "future", "nearest"] = Field(
            default="tense",
            description="Where a bare weekday, month or month-day ('Wednesday', 'February', "
            "'February 24') lands: 'tense' (the nearest one before the reference date, or "
            "after it when the verb it attaches to looks ahead: 'will meet on Friday', "
            "'plans to vote in May'; 'said on Friday that it would' stays behind), "
            "'past', 'future', or 'nearest' (whichever is closer).",
        )
        max_event_sentence_chars: int | None = Field(
            default=1000,
            ge=100,
            description="The longest an event's sentence may be, in characters. A longer "
            "one (a page with no sentence ends, read with the sectioner's "
            "max_sentence_chars: null) is clipped to a window of this size around the "
            "event's date, cut at spaces, and the report warns; null never clips.",
        )
        extra_patterns: list[ExtraPatternOption] = Field(
            default_factory=list,
            description="A newsroom's own formats: a list of {name, pattern, type, value}; "
            "they are tried before the built-in grammar.",
        )

        @field_validator("extra_patterns")
        @classmethod
        def _unique(cls, patterns: list[ExtraPatternOption]) -> list[ExtraPatternOption]:
            names = [p.name for p in patterns]
            twice = sorted({n for n in names if names.count(n) > 1})
            if twice:
                raise ValueError("extra pattern names must be unique: " + ", ".join(twice))
            return patterns

    options: Options

    def __init__(self, options: Options | dict[str, Any] | None = None) -> None:
        super().__init__(options)
        self._grammar: Grammar | None = None

    def setup(self) -> None:
        extra = tuple(p.to_pattern() for p in self.options.extra_patterns)
        self._grammar = compiled(extra)

    def process(self, doc: Document) -> None:
        if self._grammar is None:
            self.setup()
        opts = self.options
        ref = doc.reference_date
        sentences = [(s.start, s.end) for s in doc.layer("sentences")]
        found = tag(
            doc.text,
            ref,
            sentences=sentences,
            date_order=opts.date_order,
            direction=opts.direction,
            include_durations=opts.include_durations,
            include_sets=opts.include_sets,
            grammar=self._grammar,
        )
        spans = [_span(t) for t in found]
        doc.add_layer("timexes", spans)
        events = build_events(doc, spans, max_sentence_chars=opts.max_event_sentence_chars)
        doc.data["timeline"] = Timeline(ref, events)
        clipped = sum(1 for e in events if e.clipped)
        if clipped:
            doc.warn(
                f"The sentence{'s' if clipped > 1 else ''} of {clipped} "
                f"event{'s were' if clipped > 1 else ' was'} clipped to "
                f"{opts.max_event_sentence_chars} characters around the date "
                "(the timeline's max_event_sentence_chars)."
            )
        unresolved = [t.text for t in found if t.unresolved]
        if unresolved:
            doc.warn(
                "Relative time expressions were left unresolved because the document has "
                f"no reference date ({_examples(unresolved)}); give its publication date with "
                "--date YYYY-MM-DD (or reference_date in the config, or a date in the input)."
            )

    def summarize(self, doc: Document) -> dict[str, Any]:
        timeline: Timeline = doc.data["timeline"]
        # events repeat the timexes' ranges and share sentences: map each clean range to
        # the source once (and hand out copies, so no two places share one dict)
        mapped: dict[tuple[int, int], dict[str, Any]] = {}

        def source_span(start: int, end: int) -> dict[str, Any]:
            item = mapped.get((start, end))
            if item is None:
                item = mapped[start, end] = doc.source_span(start, end)
            return dict(item)

        timexes = []
        for span in doc.layer("timexes"):
            item = source_span(span.start, span.end)
            item["type"] = span.label
            item["value"] = span.attrs["value"]
            item["rule"] = span.attrs["rule"]
            timexes.append(item)
        return {
            "reference_date": timeline.reference_date.isoformat()
            if timeline.reference_date
            else None,
            "timexes": timexes,
            "events": [event.to_dict(doc, source_span) for event in timeline.events],
        }


def _span(t: Tagged) -> Span:
    point = t.point if t.point is not None and t.point.resolved else None
    return Span(
        t.start,
        t.end,
        t.type,
        {
            "value": t.value,
            "rule": t.rule,
            "mod": t.mod,
            "granularity": t.point.gran if t.point is not None else None,
            "point": point,
        },
    )


def _examples(texts: list[str], limit: int = 3) -> str:
    unique = list(dict.fromkeys(texts))
    more = len(unique) - limit
    return ", ".join(f'"{t}"' for t in unique[:limit]) + (f" and {more} more" if more > 0 else "")


@hookimpl
def register_processors(register: Any) -> None:
    register(TimelineBuilder)
