"""What a reader sees in a report: the report's parts, found and checked once for every format.

The renderers work from the report's JSON object (``Report.to_dict()``), so a report
read back from a file renders the same as a fresh one. Each part is found under its
usual step id (``cleaner``, ``sectioner``, ``entities``, ``timeline``, ``quotes``) or,
for a config that names its steps otherwise, by its shape. A part that is missing gives
an empty list or None, and entries that do not fit the contract's shapes (a mention
outside the text, an event without dates) are left out rather than failing the render.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pressline.report import ENTITY_TYPES

__all__ = [
    "ENTITY_TYPES",
    "Entity",
    "Event",
    "Mention",
    "Quote",
    "ReportView",
    "Timex",
    "plural",
    "printable",
]

# C0 and C1 control characters other than tab and newline: in text printed to a terminal
# an escape sequence from an article could move the cursor, recolour or retitle it
_CONTROLS = {c: "\ufffd" for c in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]}
_RESERVED = frozenset({"pressline", "schema_version", "document", "pipeline", "warnings", "layers"})


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str


@dataclass
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str]
    roles: list[str]
    count: int
    mentions: list[Mention]


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class Event:
    value: str
    start_date: date | None
    end_date: date | None
    granularity: str
    timex: Mention | None
    sentence: Mention | None
    participants: list[str]


@dataclass(frozen=True)
class Quote:
    start: int
    end: int
    text: str
    speaker: str | None
    speaker_id: str | None
    cue: str | None
    description: str | None = None

    @property
    def who(self) -> str:
        """The speaker's name; else the cue's description of an unnamed speaker."""
        if self.speaker:
            return self.speaker
        if self.description:
            return f"{self.description} (not named)"
        return "unknown speaker"


@dataclass
class ReportView:
    """The parts of one report, ready to lay out."""

    data: dict[str, Any]
    text: str = ""
    doc_id: str = "document"
    source: str = "-"
    reference_date: str | None = None
    reference_date_from: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    pipeline: str = ""
    steps: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    title: str | None = None
    standfirst: str | None = None
    dateline: dict[str, Any] | None = None
    byline: dict[str, Any] | None = None
    sections: list[dict[str, Any]] = field(default_factory=list)
    paragraphs: int | None = None
    sentences: int | None = None
    removed: list[dict[str, Any]] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    has_sectioner: bool = False
    has_cleaner: bool = False
    has_entities: bool = False
    has_timeline: bool = False
    has_quotes: bool = False
    others: dict[str, Any] = field(default_factory=dict)
    _newlines: list[int] | None = field(default=None, repr=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ReportView:
        document = data.get("document") or {}
        view = cls(data=data)
        text = document.get("text")
        view.text = text if isinstance(text, str) else ""
        view.doc_id = str(document.get("id") or "document")
        view.source = str(document.get("source") or "-")
        view.reference_date = _str(document.get("reference_date"))
        view.reference_date_from = _str(document.get("reference_date_from"))
        meta = document.get("meta")
        view.meta = dict(meta) if isinstance(meta, dict) else {}
        pipeline = data.get("pipeline") or {}
        view.pipeline = str(pipeline.get("name") or "")
        view.steps = [s for s in pipeline.get("steps") or [] if isinstance(s, dict) and "id" in s]
        view.warnings = [str(w) for w in data.get("warnings") or []]
        used: set[str] = set()

        sectioner = _part(data, "sectioner", "sections", used)
        if sectioner is not None:
            view.has_sectioner = True
            view.title = _str(sectioner.get("title"))
            view.standfirst = _str(sectioner.get("standfirst"))
            view.sections = [s for s in sectioner.get("sections") or [] if _spans(s, view.text)]
            view.paragraphs = _int(sectioner.get("paragraphs"))
            view.sentences = _int(sectioner.get("sentences"))
            view.dateline = sectioner.get("dateline") if _spans(sectioner.get("dateline")) else None
            view.byline = sectioner.get("byline") if _spans(sectioner.get("byline")) else None
        cleaner = _part(data, "cleaner", "removed", used)
        if cleaner is not None:
            view.has_cleaner = True
            view.removed = [r for r in cleaner.get("removed") or [] if _spans(r, view.text)]
            view.title = view.title or _str(cleaner.get("title"))
        view.title = view.title or _str(view.meta.get("title"))
        entities = _part(data, "entities", "entities", used)
        if entities is not None:
            view.has_entities = True
            view.entities = _entities(entities.get("entities"), view.text)
        timeline = _part(data, "timeline", "events", used)
        if timeline is not None:
            view.has_timeline = True
            view.timexes = _timexes(timeline.get("timexes"), view.text)
            view.events = _events(timeline.get("events"), view.text)
        quotes = _part(data, "quotes", "quotes", used)
        if quotes is not None:
            view.has_quotes = True
            view.quotes = _quotes(quotes.get("quotes"), view.text)
        view.others = {k: v for k, v in data.items() if k not in _RESERVED and k not in used}
        return view

    # -- derived ---------------------------------------------------------------------------
    def line_of(self, offset: int) -> int:
        """The 1-based line of the text that ``offset`` is on."""
        if self._newlines is None:
            self._newlines = [i for i, c in enumerate(self.text) if c == "\n"]
        return bisect_left(self._newlines, offset) + 1

    def entity(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def participants(self, event: Event) -> list[Entity]:
        return [e for e in (self.entity(i) for i in event.participants) if e is not None]

    def speaker(self, quote: Quote) -> Entity | None:
        return self.entity(quote.speaker_id) if quote.speaker_id else None

    def entity_types(self) -> list[str]:
        """The types the entities have, in legend order."""
        present = {e.type for e in self.entities}
        known = [t for t in ENTITY_TYPES if t in present]
        return known + sorted(present - set(ENTITY_TYPES))

    def date_line(self) -> str:
        if self.reference_date:
            origin = f" (from {self.reference_date_from})" if self.reference_date_from else ""
            return f"{self.reference_date}{origin}"
        return "no reference date"

    def seconds(self) -> float:
        return sum(float(s.get("seconds") or 0) for s in self.steps)

    def step_ids(self) -> list[str]:
        return [str(s["id"]) for s in self.steps]


def _part(data: dict[str, Any], usual: str, key: str, used: set[str]) -> dict[str, Any] | None:
    """The report part under its usual step id, else the first whose shape has ``key``."""
    candidates = [usual] + [k for k in data if k != usual and k not in _RESERVED]
    for name in candidates:
        part = data.get(name)
        if name not in used and isinstance(part, dict) and isinstance(part.get(key), list):
            used.add(name)
            return part
    return None


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _spans(item: Any, text: str | None = None) -> bool:
    """A dict with integer ``start <= end`` (inside ``text`` when given)."""
    if not isinstance(item, dict):
        return False
    start, end = item.get("start"), item.get("end")
    if _int(start) is None or _int(end) is None or not 0 <= start <= end:
        return False
    return text is None or end <= len(text)


def _mention(item: Any, text: str) -> Mention | None:
    if not _spans(item, text):
        return None
    return Mention(item["start"], item["end"], text[item["start"] : item["end"]])


def _strings(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def _entities(items: Any, text: str) -> list[Entity]:
    out = []
    for n, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict) or not _str(item.get("name")):
            continue
        mentions = [m for m in map(lambda x: _mention(x, text), item.get("mentions") or []) if m]
        count = _int(item.get("count"))
        out.append(
            Entity(
                id=str(item.get("id") if item.get("id") is not None else f"E{n + 1}"),
                name=item["name"],
                type=str(item.get("type") or "OTHER"),
                aliases=_strings(item.get("aliases")),
                roles=_strings(item.get("roles")),
                count=count if count is not None else len(mentions),
                mentions=mentions,
            )
        )
    return out


def _timexes(items: Any, text: str) -> list[Timex]:
    out = []
    for item in items if isinstance(items, list) else []:
        if _spans(item, text):
            out.append(
                Timex(
                    item["start"],
                    item["end"],
                    text[item["start"] : item["end"]],
                    str(item.get("type") or ""),
                    str(item.get("value") or ""),
                )
            )
    return out


def _date(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _events(items: Any, text: str) -> list[Event]:
    out = []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        start, end = _date(item.get("start_date")), _date(item.get("end_date"))
        if start is not None and end is not None and end < start:
            start, end = end, start
        out.append(
            Event(
                value=str(item.get("value") or ""),
                start_date=start,
                end_date=end or start,
                granularity=str(item.get("granularity") or ""),
                timex=_mention(item.get("timex"), text),
                sentence=_mention(item.get("sentence"), text),
                participants=_strings(item.get("participants")),
            )
        )
    return out


def _quotes(items: Any, text: str) -> list[Quote]:
    out = []
    for item in items if isinstance(items, list) else []:
        if _spans(item, text):
            out.append(
                Quote(
                    item["start"],
                    item["end"],
                    text[item["start"] : item["end"]],
                    _str(item.get("speaker")),
                    _str(item.get("speaker_id")),
                    _str(item.get("cue")),
                    _str(item.get("description")),
                )
            )
    return out


def printable(value: Any) -> Any:
    """``value`` with every control character in its strings replaced by U+FFFD.

    One character for one, so offsets into the text stay true.
    """
    if isinstance(value, str):
        return value.translate(_CONTROLS)
    if isinstance(value, dict):
        return {k: printable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [printable(v) for v in value]
    return value


def plural(n: int, one: str, many: str | None = None) -> str:
    """``1 event``, ``2 events``; ``many`` for irregular nouns (``entity``, ``entities``)."""
    return f"{n:,} {one if n == 1 else (many or one + 's')}"
