"""Normalization: from a matched expression to a TIMEX3 value.

A :class:`Point` is a stretch of the calendar at one granularity (a year, a quarter, a
season, a month, an ISO week, a weekend, a day, or a time of day); its :meth:`Point.value`
is the TIMEX3 value ("18" for the 19th century, "199" for the 1990s, "2022", "2022-Q3",
"2022-SU", "2022-02", "2022-W45", "2022-W45-WE", "2022-02-24", "2022-11-09T15:00") and
:meth:`Point.interval` the first and last day it covers. A point whose year cannot be
known keeps ``year=None`` and prints as "XXXX-02-24".

Each grammar rule names one normalizer below: a function ``(match, context) -> Timex``
that reads the rule's named groups ("month", "day", "year", "num", "unit", "rel", ...)
and returns the :class:`Timex`, or None to reject the match. The :class:`Context` holds
what a value depends on besides the words: the reference date (the day the article was
published), the tense of the verb the expression attaches to (so a bare "Friday" or
"February" lands before the reference date unless that verb looks ahead; see
:mod:`.tense`), the options, and the last
calendar date the text mentioned (so "two days later" counts from it). An anchored
expression whose unit is finer than the last date mentioned ("The mine closed in 2012.
The month before, ...") stays unresolved ("XXXX-XX") rather than counting from the
reference date; a value counted from the reference date for want of any date anchors no
later expression; "earlier in the day/year" takes a date of its own sentence or the one
before, else the reference date's; and a past clause never counts from a date after the
reference date ("meets late Thursday. The shares had dropped earlier in the day").

To add a normalizer, write a function with that signature and name it in a rule of
``grammar.py``; the helpers here (``shift``, ``place_month_day``, ``place_weekday``, ...)
do the calendar arithmetic.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

from .lexicon import (
    DAY_ORDINALS,
    DECADE_WORDS,
    HOLIDAYS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    SET_ADVERBS,
    UNITS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
    number_value,
)
from .tense import governing_tense

__all__ = [
    "GRANULARITIES",
    "Context",
    "Point",
    "Timex",
    "place_month",
    "place_month_day",
    "place_weekday",
    "shift",
    "valid_date",
]

Direction = Literal["past", "future", "nearest"]

#: Granularities from coarsest to finest; events sort coarser first on the same day.
GRANULARITIES: tuple[str, ...] = (
    "century",
    "decade",
    "year",
    "half",
    "quarter",
    "season",
    "month",
    "week",
    "weekend",
    "day",
    "time",
)
RANK = {g: i for i, g in enumerate(GRANULARITIES)}

_SEASON_ORDER = ("SP", "SU", "FA", "WI")
# meteorological seasons: first month, and the winter runs into the next year
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass(frozen=True)
class Point:
    """A stretch of the calendar at one granularity; ``year=None`` when it is unknown.

    ``year`` is the ISO year for weeks, the first year for decades (1990) and centuries
    (1800 for the 19th century). ``part`` is the quarter or half number or the season
    code; ``time`` a clock time ("15:00") or part-of-day code ("MO").
    """

    gran: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    week: int | None = None
    part: int | str | None = None
    time: str | None = None
    weekday: int | None = None

    @property
    def resolved(self) -> bool:
        return self.year is not None

    def value(self) -> str:
        y = f"{self.year:04d}" if self.year is not None else "XXXX"
        g = self.gran
        # TimeML writes a decade or century as its leading digits: "199", "18"
        if g == "century":
            return f"{self.year // 100:02d}" if self.year is not None else "XX"
        if g == "decade":
            return f"{self.year // 10:03d}" if self.year is not None else "XXX"
        if g == "year":
            return y
        if g == "half":
            return f"{y}-H{self.part}"
        if g == "quarter":
            return f"{y}-Q{self.part}"
        if g == "season":
            return f"{y}-{self.part}"
        if g == "month":
            return f"{y}-{self.month:02d}" if self.month else f"{y}-XX"
        if g in ("week", "weekend"):
            week = f"{y}-W{self.week:02d}" if self.week else f"{y}-WXX"
            return week + "-WE" if g == "weekend" else week
        day = self._day_value(y)
        if g == "time":
            return f"{day}T{self.time}"
        return day

    def _day_value(self, y: str) -> str:
        if self.month and self.day:
            return f"{y}-{self.month:02d}-{self.day:02d}"
        if self.weekday:
            return f"{y}-WXX-{self.weekday}"
        return f"{y}-XX-XX"

    def interval(self) -> tuple[date, date] | None:
        """The first and last day this point covers, or None if its year is unknown."""
        y = self.year
        if y is None or not 1 <= y <= 9999:
            return None
        g = self.gran
        try:
            if g == "century":
                return date(y, 1, 1), date(min(y + 99, 9999), 12, 31)
            if g == "decade":
                return date(y, 1, 1), date(y + 9, 12, 31)
            if g == "year":
                return date(y, 1, 1), date(y, 12, 31)
            if g == "half":
                first = 1 if self.part == 1 else 7
                return date(y, first, 1), _month_end(y, first + 5)
            if g == "quarter":
                first = 3 * int(self.part or 1) - 2
                return date(y, first, 1), _month_end(y, first + 2)
            if g == "season":
                first = _SEASON_START[str(self.part)]
                last_y, last_m = add_months(y, first, 2)
                return date(y, first, 1), _month_end(last_y, last_m)
            if g == "month" and self.month:
                return date(y, self.month, 1), _month_end(y, self.month)
            if g in ("week", "weekend") and self.week:
                monday = date.fromisocalendar(y, self.week, 1)
                if g == "weekend":
                    return monday + timedelta(days=5), monday + timedelta(days=6)
                return monday, monday + timedelta(days=6)
            if g in ("day", "time") and self.month and self.day:
                d = date(y, self.month, self.day)
                return d, d
        except ValueError:
            return None
        return None

    def start(self) -> date | None:
        span = self.interval()
        return span[0] if span else None


@dataclass
class Timex:
    """A normalized temporal expression: TIMEX3 type and value, and its calendar point."""

    type: str
    value: str
    point: Point | None = None
    mod: str | None = None
    # the value needed the reference date and none was given
    unresolved: bool = False


# -- calendar arithmetic ----------------------------------------------------------------
def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def day_point(d: date) -> Point:
    return Point("day", d.year, d.month, d.day)


def week_point(d: date, gran: str = "week") -> Point:
    iso = d.isocalendar()
    return Point(gran, iso.year, week=iso.week)


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def shift(base: date, gran: str, n: int) -> Point:
    """The ``gran``-sized stretch ``n`` units after (``n < 0``: before) the one holding ``base``."""
    if gran in ("day", "time"):
        return day_point(base + timedelta(days=n))
    if gran in ("week", "weekend"):
        return week_point(base + timedelta(weeks=n), gran)
    if gran == "month":
        y, m = add_months(base.year, base.month, n)
        return Point("month", y, m)
    if gran == "quarter":
        index = base.year * 4 + quarter_of(base.month) - 1 + n
        return Point("quarter", index // 4, part=index % 4 + 1)
    if gran == "half":
        index = base.year * 2 + (0 if base.month <= 6 else 1) + n
        return Point("half", index // 2, part=index % 2 + 1)
    if gran == "season":
        y, code = season_of(base)
        index = y * 4 + _SEASON_ORDER.index(code) + n
        return Point("season", index // 4, part=_SEASON_ORDER[index % 4])
    if gran == "decade":
        return Point("decade", (base.year // 10 + n) * 10)
    if gran == "century":
        return Point("century", (base.year // 100 + n) * 100)
    return Point("year", base.year + n)


def shift_point(anchor: Point, gran: str, n: int) -> Point | None:
    """Like :func:`shift`, counted from a point the text mentioned (None if too coarse)."""
    start = anchor.start()
    if start is None or RANK.get(anchor.gran, 0) < RANK.get(gran, 0):
        return None
    if gran == "time":
        gran = "day"
    return shift(start, gran, n)


def season_of(d: date) -> tuple[int, str]:
    """The season holding ``d`` and the year it is filed under (winter: its December's)."""
    m = d.month
    if m == 12:
        return d.year, "WI"
    if m <= 2:
        return d.year - 1, "WI"
    return d.year, _SEASON_ORDER[(m - 3) // 3]


def valid_date(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def place_month_day(ref: date, month: int, day: int, direction: Direction) -> int | None:
    """The year of the ``month``/``day`` nearest the reference date in ``direction``."""
    if direction == "nearest":
        best: tuple[int, int] | None = None
        for y in (ref.year - 1, ref.year, ref.year + 1):
            if valid_date(y, month, day):
                gap = abs((date(y, month, day) - ref).days)
                if best is None or gap < best[0]:
                    best = (gap, y)
        if best is not None:
            return best[1]
        direction = "past"
    step = -1 if direction == "past" else 1
    y = ref.year
    if direction == "past" and (month, day) > (ref.month, ref.day):
        y -= 1
    if direction == "future" and (month, day) < (ref.month, ref.day):
        y += 1
    for _ in range(8):  # February 29 waits for a leap year
        if valid_date(y, month, day):
            return y
        y += step
    return None


def place_month(ref: date, month: int, direction: Direction) -> int:
    if direction == "nearest":
        gap = month - ref.month
        if gap > 6:
            return ref.year - 1
        if gap < -6:
            return ref.year + 1
        return ref.year
    if direction == "past":
        return ref.year if month <= ref.month else ref.year - 1
    return ref.year if month >= ref.month else ref.year + 1


def place_weekday(ref: date, weekday: int, direction: Direction) -> date:
    back = (ref.isoweekday() - weekday) % 7
    ahead = (weekday - ref.isoweekday()) % 7
    if direction == "past" or (direction == "nearest" and back <= ahead):
        return ref - timedelta(days=back)
    return ref + timedelta(days=ahead)


def place_season(ref: date, code: str, direction: Direction) -> int:
    year, current = season_of(ref)
    here, there = _SEASON_ORDER.index(current), _SEASON_ORDER.index(code)
    if direction == "future":
        return year if there >= here else year + 1
    if direction == "nearest" and there - here in (1, 2):
        return year
    return year if there <= here else year - 1


def place_quarter(ref: date, quarter: int, direction: Direction) -> int:
    current = quarter_of(ref.month)
    if direction == "future":
        return ref.year if quarter >= current else ref.year + 1
    if direction == "past":
        return ref.year if quarter <= current else ref.year - 1
    return ref.year


def place_half(ref: date, half: int, direction: Direction) -> int:
    """The year of a bare "first half" or "second half": this year's unless it is still
    ahead in a past clause (or already over in a future one)."""
    current = 1 if ref.month <= 6 else 2
    if direction == "future":
        return ref.year if half >= current else ref.year + 1
    if direction == "past":
        return ref.year if half <= current else ref.year - 1
    return ref.year


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    j = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * j) // 451
    month = (h + j - 7 * m + 114) // 31
    day = (h + j - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th (``-1``: last) ``weekday`` (ISO number) of a month."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = _month_end(year, month)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


_MOVABLE: dict[str, Callable[[int], date]] = {
    "easter": easter,
    "good_friday": lambda y: easter(y) - timedelta(days=2),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 4, 4),
    "labor_day": lambda y: _nth_weekday(y, 9, 1, 1),
    "memorial_day": lambda y: _nth_weekday(y, 5, 1, -1),
}


def holiday_date(rule: str, year: int) -> date:
    if rule in _MOVABLE:
        return _MOVABLE[rule](year)
    month, day = (int(x) for x in rule.split("-"))
    return date(year, month, day)


# -- tense -----------------------------------------------------------------------------
_FUTURE = re.compile(
    r"(?i)\b(?:will|won[’']t|shall|going to|gonna|upcoming|scheduled to|slated to|due to|"
    r"expected to|set to|plans? to|planning to|intends? to|is to|are to|(?:is|are) due|next|"
    r"from now|would|expects?|forecasts?|predicts?|anticipates?)\b"
    r"|[’']ll\b"
)
_PAST = re.compile(
    r"\b(?:was|were|had|did|ago|last|earlier|previously|said|told|met|began|took|came|"
    r"went|made|gave|held|left|saw|won|lost|fell|rose|sent|spent|became|ran|paid|brought|"
    r"found|thought|struck|hit|killed|[a-z]{2,}ed)\b",
    re.IGNORECASE,
)
_NOT_PAST = frozenset(
    {"need", "indeed", "hundred", "speed", "seed", "feed", "breed", "proceed", "succeed",
     "exceed", "red", "bed", "shed", "embed", "scheduled", "expected", "planned", "based"}
)  # fmt: skip
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]“”\"—–]")


def tense_of(text: str) -> Literal["past", "future"] | None:
    """Whether a clause speaks of the future, the past, or says neither."""
    if _FUTURE.search(text):
        return "future"
    for m in _PAST.finditer(text):
        if m.group().lower() not in _NOT_PAST:
            return "past"
    return None


# -- the context -----------------------------------------------------------------------
#: How many of the last dates the text mentioned an anaphor ("the year before") looks at.
RECENT = 12
#: How far from an expression its sentence is read for the tense, at most.
SENTENCE_WINDOW = 400


class Context:
    """What normalizers need besides the words matched.

    ``ref`` is the reference date or None; ``direction`` the configured rule for bare
    weekdays, months and month-days ("tense", "past", "future" or "nearest");
    ``sentences`` the (start, end) of each sentence, to read a clause's tense.
    The tagger sets ``start``/``end`` to the expression being normalized and calls
    :meth:`remember` with each calendar point it keeps, which later "two days later"
    and "the next day" count from.
    """

    def __init__(
        self,
        text: str,
        ref: date | None,
        *,
        direction: str = "tense",
        date_order: str = "MDY",
        sentences: list[tuple[int, int]] | None = None,
    ) -> None:
        self.text = text
        self.ref = ref
        self.direction_rule = direction
        self.date_order = date_order
        self.sentences = sentences or []
        self._sentence_starts = [s for s, _ in self.sentences]
        self.start = 0
        self.end = 0
        self.points: list[Point] = []
        self._points_at: list[int] = []  # where in the text each point was mentioned
        # set by :meth:`anchor` when it had to count from the reference date: the value
        # is a guess, and the tagger keeps it from anchoring later expressions
        self.fell_back = False

    # where the expression sits
    def sentence(self) -> tuple[int, int]:
        i = bisect_right(self._sentence_starts, self.start) - 1
        if i >= 0 and self.sentences[i][1] >= self.end:
            return self.sentences[i]
        # outside any sentence (no sentence layer): up to the nearest sentence ends, at
        # most SENTENCE_WINDOW characters away
        text = self.text
        start, end = self.start, self.end
        floor = max(0, start - SENTENCE_WINDOW)
        lo = max(text.rfind("\n", floor, start), text.rfind(". ", floor, start), floor - 1) + 1
        ceiling = min(len(text), end + SENTENCE_WINDOW)
        ends = [i for i in (text.find("\n", end, ceiling), text.find(". ", end, ceiling)) if i >= 0]
        return lo, min(ends) if ends else ceiling

    def tense(self) -> Literal["past", "future"] | None:
        """The tense of the verb the expression attaches to (see :mod:`.tense`); when no
        verb stands near it, whether its clause or sentence speaks of the future."""
        lo, hi = self.sentence()
        # (a sentence without end is read only near the expression: the work per
        # expression stays bounded)
        lo, hi = max(lo, self.start - SENTENCE_WINDOW), min(hi, self.end + SENTENCE_WINDOW)
        text = self.text
        governing = governing_tense(text, self.start, self.end, lo, hi)
        if governing is not None:
            return None if governing == "present" else governing
        left = max((m.end() for m in _CLAUSE_BREAK.finditer(text, lo, self.start)), default=lo)
        right_m = _CLAUSE_BREAK.search(text, self.end, hi)
        right = right_m.start() if right_m else hi
        clause = text[left : self.start] + " " + text[self.end : right]
        found = tense_of(clause)
        if found is None:
            found = tense_of(text[lo : self.start] + " " + text[self.end : hi])
        return found

    def direction(self) -> Direction:
        rule = self.direction_rule
        if rule in ("past", "future", "nearest"):
            return rule  # type: ignore[return-value]
        return "future" if self.tense() == "future" else "past"

    def remember(self, point: Point | None) -> None:
        if point is not None and point.resolved and point.gran in RANK:
            self.points.append(point)
            self._points_at.append(self.start)

    @property
    def last(self) -> Point | None:
        return self.points[-1] if self.points else None

    def recent(self, gran: str, since: int | None = None) -> Point | None:
        """The last calendar point the text mentioned that is at least as fine as ``gran``.

        "The last mentioned date" is any date or time the text gave before the expression
        and that resolved to the calendar ("in 2024", "last year", "on Friday"); only the
        last :data:`RECENT` of them are looked at, so "the year before" after a run of
        month-days and weekdays counts from the reference date rather than a year named
        many sentences back. ``since``: only points mentioned from that offset on. A past
        clause skips points after the reference date ("meets late Thursday. The shares
        had dropped earlier in the day": not Thursday's)."""
        return self._search(gran, since)[0]

    def _search(self, gran: str, since: int | None = None) -> tuple[Point | None, bool]:
        """:meth:`recent`, and whether a later point coarser than ``gran`` was passed."""
        need = RANK.get(gran, 0)
        past: bool | None = None
        coarser = False
        n = len(self.points)
        for k in range(n - 1, max(n - RECENT, 0) - 1, -1):
            if since is not None and self._points_at[k] < since:
                break
            point = self.points[k]
            if RANK[point.gran] < need:
                coarser = True
                continue
            start = point.start()
            if self.ref is not None and start is not None and start > self.ref:
                if past is None:  # read the tense only when it matters
                    past = self.tense() == "past"
                if past:
                    continue
            return point, coarser
        return None, coarser

    def anchor(self, gran: str) -> Point | None:
        """The point "later"/"the next day" counts from: the last date mentioned, fine
        enough for ``gran``, else the reference date.

        When the last date the text mentioned is coarser than ``gran`` ("The mine closed
        in 2012. The month before, ..."), there is no anchor (None: the caller leaves the
        value unresolved) rather than a silent count from the reference date: neither
        from the reference date itself nor from a finer date before it that is only the
        reference day (a dateline). A count from the reference date for want of any
        date sets :attr:`fell_back`."""
        found, coarser = self._search(gran)
        if found is not None:
            if coarser and self.ref is not None and found.start() == self.ref:
                return None
            return found
        if coarser:
            return None
        if self.ref is not None:
            self.fell_back = True
            return day_point(self.ref)
        return None

    def nearby(self, gran: str) -> Point | None:
        """The last point at least as fine as ``gran`` mentioned in the expression's
        sentence or the one before it (see :meth:`recent`)."""
        i = bisect_right(self._sentence_starts, self.start) - 1
        if i >= 1:
            since = self.sentences[i - 1][0]
        elif i == 0:
            since = self.sentences[0][0]
        else:
            since = self.sentence()[0]
        return self.recent(gran, since)


# -- small readers of matched groups -----------------------------------------------------
def _g(m: re.Match[str], name: str) -> str | None:
    """The group ``name`` of a match, or None when it did not take part or the rule's
    pattern has no such group (asked first: half the groups asked for are of other
    rules, and an exception caught costs more than the question)."""
    return m.group(name) if name in m.re.groupindex else None


def month_of(word: str) -> int:
    w = word.lower().rstrip(".")
    return MONTHS.get(w) or MONTH_ABBREVIATIONS[w]


def weekday_of(word: str) -> int:
    w = word.lower().rstrip(".")
    if w.endswith("s") and w[:-1] in WEEKDAYS:
        w = w[:-1]
    return WEEKDAYS.get(w) or WEEKDAY_ABBREVIATIONS[w]


_NOT_DIGITS = re.compile(r"\D")


def _day(m: re.Match[str]) -> int | None:
    digits = _g(m, "day")
    if digits:
        return int(_NOT_DIGITS.sub("", digits))
    word = _g(m, "dayword")
    return DAY_ORDINALS.get(word.lower()) if word else None


def _unit(m: re.Match[str]) -> tuple[str, bool, str]:
    return UNITS[m.group("unit").lower()]


def _amount(m: re.Match[str]) -> float | None:
    """The number of a "N units" match; None for vague ones ("several")."""
    if _g(m, "vague"):
        return None
    raw = _g(m, "num")
    if raw is None:
        return 1
    raw = raw.replace(",", "")
    # "2 1/2 years", "2½ years": a whole number and a half
    if raw.endswith(("1/2", "½")):
        whole = raw[:-3] if raw.endswith("1/2") else raw[:-1]
        whole = whole.strip(" \t\u00a0-")
        return (int(whole) if whole.isdigit() else 0) + 0.5
    try:
        n: float = float(raw) if "." in raw else int(raw)
    except ValueError:
        value = number_value(raw)
        if value is None:
            return None
        n = value
    if _g(m, "half") or _g(m, "half2"):
        n += 0.5
    return n


def _fmt_number(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def duration_value(n: float | None, unit: str) -> str:
    """A TIMEX3 duration: ``P3Y``, ``PT24H``, ``PXW`` (vague), ``P2W`` for a fortnight."""
    code, clock, _ = UNITS[unit.lower()]
    if code == "2W":
        code, n = "W", (None if n is None else 2 * n)
    prefix = "PT" if clock else "P"
    return f"{prefix}{'X' if n is None else _fmt_number(n)}{code}"


_MODS = {
    "early": "START",
    "the beginning of": "START",
    "the start of": "START",
    "the dawn of": "START",
    "late": "END",
    "the end of": "END",
    "the close of": "END",
    "mid": "MID",
    "middle": "MID",
    "the middle of": "MID",
    "the mid": "MID",
    "end": "END",
}
_APPROX = {
    "about": "APPROX",
    "around": "APPROX",
    "approximately": "APPROX",
    "roughly": "APPROX",
    "some": "APPROX",
    "an estimated": "APPROX",
    "nearly": "LESS_THAN",
    "almost": "LESS_THAN",
    "close to": "LESS_THAN",
    "less than": "LESS_THAN",
    "fewer than": "LESS_THAN",
    "just under": "LESS_THAN",
    "up to": "EQUAL_OR_LESS",
    "at most": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS",
    "more than": "MORE_THAN",
    "just over": "MORE_THAN",
    "upwards of": "MORE_THAN",
    "at least": "EQUAL_OR_MORE",
    "no less than": "EQUAL_OR_MORE",
}


def _mod(m: re.Match[str]) -> str | None:
    part = _g(m, "part")
    if part:
        key = " ".join(part.lower().replace("-", " ").split())
        return _MODS.get(key)
    approx = _g(m, "approx")
    if approx:
        return _APPROX.get(" ".join(approx.lower().split()))
    return None


def _date_timex(point: Point, ctx: Context, m: re.Match[str], *, relative: bool) -> Timex:
    """A DATE (or TIME) timex; ``relative`` says the value needed the reference date."""
    kind = "TIME" if point.gran == "time" else "DATE"
    return Timex(kind, point.value(), point, _mod(m), unresolved=relative and ctx.ref is None)


def _year_of(m: re.Match[str], ctx: Context) -> int | None:
    y = _g(m, "year")
    if y:
        return int(y)
    y2 = _g(m, "year2")
    if y2:
        return expand_two_digit_year(int(y2), ctx.ref)
    return None


def expand_two_digit_year(yy: int, ref: date | None) -> int:
    """'99 -> 1999 and '15 -> 2015: the century that puts the year nearest the reference."""
    pivot = (ref.year if ref else 2000) % 100
    century = (ref.year // 100 * 100) if ref else 2000
    year = century + yy
    if yy > pivot + 20:
        year -= 100
    return year


# -- normalizers: full and partial dates -----------------------------------------------
def norm_iso_date(m: re.Match[str], ctx: Context) -> Timex | None:
    y, mo, d = int(m.group("year")), int(m.group("mo")), int(m.group("dd"))
    if not valid_date(y, mo, d):
        return None
    return _date_timex(Point("day", y, mo, d), ctx, m, relative=False)


def norm_numeric_date(m: re.Match[str], ctx: Context) -> Timex | None:
    a, b = int(m.group("a")), int(m.group("b"))
    raw_year = m.group("y")
    year = int(raw_year) if len(raw_year) == 4 else expand_two_digit_year(int(raw_year), ctx.ref)
    month, day = (a, b) if ctx.date_order == "MDY" else (b, a)
    if month > 12 and day <= 12:  # only one reading is a date
        month, day = day, month
    if not valid_date(year, month, day):
        return None
    return _date_timex(Point("day", year, month, day), ctx, m, relative=False)


def norm_month_day(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "Nov. 9, 2022", "9 November", "Wednesday, Nov. 9", "the ninth of November"."""
    month = month_of(m.group("month"))
    day = _day(m)
    if day is None:
        return None
    year = _year_of(m, ctx)
    relative = year is None
    if year is None and ctx.ref is not None:
        weekday = _g(m, "weekday")
        if weekday:
            # a weekday says which year: the one nearest the reference that fits
            wd = weekday_of(weekday)
            fits = [
                y
                for y in (ctx.ref.year, ctx.ref.year - 1, ctx.ref.year + 1)
                if valid_date(y, month, day) and date(y, month, day).isoweekday() == wd
            ]
            year = fits[0] if fits else None
        if year is None:
            year = place_month_day(ctx.ref, month, day, ctx.direction())
    if year is not None and not valid_date(year, month, day):
        return None
    if year is None and not valid_date(2000, month, day):
        return None
    return _date_timex(Point("day", year, month, day), ctx, m, relative=relative)


def norm_month_year(m: re.Match[str], ctx: Context) -> Timex | None:
    year = _year_of(m, ctx)
    return _date_timex(Point("month", year, month_of(m.group("month"))), ctx, m, relative=False)


def norm_month(m: re.Match[str], ctx: Context) -> Timex | None:
    """A bare month ("in February"): before the reference date unless the clause says
    otherwise; "last December" / "December last year" count from the reference."""
    month = month_of(m.group("month"))
    rel = (_g(m, "rel") or "").lower()
    if ctx.ref is None:
        return _date_timex(Point("month", None, month), ctx, m, relative=True)
    ref = ctx.ref
    if "last" in rel or "past" in rel:
        year = ref.year if month < ref.month else ref.year - 1
    elif "next" in rel or "coming" in rel:
        year = ref.year if month > ref.month else ref.year + 1
    elif rel == "this":
        year = ref.year
    else:
        year = place_month(ref, month, ctx.direction())
    year += _year_offset(m)
    return _date_timex(Point("month", year, month), ctx, m, relative=True)


def _year_offset(m: re.Match[str]) -> int:
    """For "December last year": the year named after the month."""
    yrel = (_g(m, "yrel") or "").lower()
    return {"last": -1, "next": 1}.get(yrel, 0)


def norm_month_rel_year(m: re.Match[str], ctx: Context) -> Timex | None:
    month = month_of(m.group("month"))
    if ctx.ref is None:
        return _date_timex(Point("month", None, month), ctx, m, relative=True)
    year = ctx.ref.year + _year_offset(m)
    return _date_timex(Point("month", year, month), ctx, m, relative=True)


def norm_year(m: re.Match[str], ctx: Context) -> Timex | None:
    year = _year_of(m, ctx)
    if year is None:
        return None
    return _date_timex(Point("year", year), ctx, m, relative=False)


def norm_fiscal_year(m: re.Match[str], ctx: Context) -> Timex | None:
    year = _year_of(m, ctx)
    if year is None:
        return None
    return Timex("DATE", f"FY{year:04d}", None, _mod(m))


def norm_decade(m: re.Match[str], ctx: Context) -> Timex | None:
    raw = m.group("decade").lower().lstrip("'’")
    if raw in DECADE_WORDS:
        digit, century = DECADE_WORDS[raw], None
    else:
        digits = raw.rstrip("s").rstrip("'’")
        if len(digits) == 4:
            return _date_timex(Point("decade", int(digits) // 10 * 10), ctx, m, relative=False)
        digit, century = int(digits) // 10, None
    if century is None:
        # "the '90s" is the 1990s; "the '10s" the 2010s once they are past
        ref_year = ctx.ref.year if ctx.ref else 2000
        century = ref_year // 100 * 100
        if digit * 10 > ref_year % 100:
            century -= 100
    return _date_timex(Point("decade", century + digit * 10), ctx, m, relative=False)


def norm_century(m: re.Match[str], ctx: Context) -> Timex | None:
    raw = m.group("cent").lower()
    n = int(raw[:-2]) if raw[:1].isdigit() else ORDINALS.get(raw)
    if not n or n > 30:
        return None
    return _date_timex(Point("century", (n - 1) * 100), ctx, m, relative=False)


def norm_season(m: re.Match[str], ctx: Context) -> Timex | None:
    code = SEASONS[m.group("season").lower()]
    year = _year_of(m, ctx)
    if year is not None:
        return _date_timex(Point("season", year, part=code), ctx, m, relative=False)
    if ctx.ref is None:
        return _date_timex(Point("season", None, part=code), ctx, m, relative=True)
    rel = (_g(m, "rel") or "").lower()
    current = season_of(ctx.ref)[1]
    if rel == "this":
        year = place_season(ctx.ref, code, "nearest")
    elif "last" in rel or "past" in rel:
        year = place_season(ctx.ref, code, "past")
        if code == current:
            year -= 1
    elif "next" in rel or "coming" in rel:
        year = place_season(ctx.ref, code, "future")
        if code == current:
            year += 1
    else:
        year = place_season(ctx.ref, code, ctx.direction())
    return _date_timex(Point("season", year, part=code), ctx, m, relative=True)


_QUARTER_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}
_QUARTER_ORD |= {"fourth": 4, "4th": 4, "final": 4, "last": 4}


def norm_quarter(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "the third quarter (of 2022)", "Q3 2022", "the first half of the year"."""
    ordinal = (_g(m, "ord") or "").lower()
    q = _g(m, "q")
    gran = "half" if _g(m, "halfword") or (q or "").upper().startswith("H") else "quarter"
    n = int(q[1]) if q else _QUARTER_ORD.get(ordinal)
    if n is None or (gran == "half" and n > 2):
        return None
    if gran == "half" and ordinal in ("final", "last"):
        n = 2
    year = _year_of(m, ctx)
    if year is not None:
        return _date_timex(Point(gran, year, part=n), ctx, m, relative=False)
    if ctx.ref is None:
        return _date_timex(Point(gran, None, part=n), ctx, m, relative=True)
    year = ctx.ref.year + _year_offset(m)
    if " ".join(m.group().lower().split()).endswith("of the year"):
        # "the second half of the year": the year the text is speaking of
        recent = ctx.recent("year")
        start = recent.start() if recent is not None else None
        if start is not None:
            return _date_timex(Point(gran, start.year, part=n), ctx, m, relative=False)
    elif not _g(m, "yrel"):
        if gran == "quarter":
            year = place_quarter(ctx.ref, n, ctx.direction())
        else:
            year = place_half(ctx.ref, n, ctx.direction())
    return _date_timex(Point(gran, year, part=n), ctx, m, relative=True)


def norm_holiday(m: re.Match[str], ctx: Context) -> Timex | None:
    name = " ".join(m.group("holiday").lower().replace("’", "'").split())
    rule = HOLIDAYS[name]
    year = _year_of(m, ctx)
    relative = year is None
    if year is None and ctx.ref is not None:
        direction = ctx.direction()
        candidates = [ctx.ref.year - 1, ctx.ref.year, ctx.ref.year + 1]
        dates = [holiday_date(rule, y) for y in candidates]
        if direction == "future":
            year = next(d.year for d in dates if d >= ctx.ref)
        elif direction == "nearest":
            year = min(dates, key=lambda d: abs((d - ctx.ref).days)).year  # type: ignore[operator]
        else:
            year = max(d.year for d in dates if d <= ctx.ref)
    if year is None:
        if rule[0].isdigit():
            month, day = (int(x) for x in rule.split("-"))
            return _date_timex(Point("day", None, month, day), ctx, m, relative=True)
        return Timex("DATE", "XXXX-XX-XX", None, unresolved=True)
    d = holiday_date(rule, year)
    return _date_timex(day_point(d), ctx, m, relative=relative)


# -- normalizers: weekdays, date words, relative expressions ----------------------------
def norm_weekday(m: re.Match[str], ctx: Context) -> Timex | None:
    """A bare weekday: the nearest before the reference date unless the clause speaks of
    the future; "last/next/this Friday" and "the following Monday" say which."""
    wd = weekday_of(m.group("weekday"))
    rel = (_g(m, "rel") or "").lower()
    if rel in ("the following", "the next", "the previous", "that", "the same"):
        anchor = ctx.anchor("day")
        if anchor is None or anchor.start() is None:
            return _date_timex(Point("day", weekday=wd), ctx, m, relative=True)
        base = anchor.start()
        assert base is not None
        if rel in ("the following", "the next"):
            d = place_weekday(base + timedelta(days=1), wd, "future")
        elif rel == "the previous":
            d = place_weekday(base - timedelta(days=1), wd, "past")
        else:
            d = place_weekday(base, wd, "nearest")
        return _date_timex(day_point(d), ctx, m, relative=False)
    if ctx.ref is None:
        return _date_timex(Point("day", weekday=wd), ctx, m, relative=True)
    ref = ctx.ref
    if "last" in rel or "past" in rel:
        d = place_weekday(ref - timedelta(days=1), wd, "past")
    elif "next" in rel or "coming" in rel:
        d = place_weekday(ref + timedelta(days=1), wd, "future")
    elif rel == "this":
        d = date.fromisocalendar(*ref.isocalendar()[:2], wd)
    else:
        d = place_weekday(ref, wd, ctx.direction())
    return _date_timex(day_point(d), ctx, m, relative=True)


_DATE_WORDS = {
    "today": 0,
    "tonight": 0,
    "yesterday": -1,
    "tomorrow": 1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}


def norm_date_word(m: re.Match[str], ctx: Context) -> Timex | None:
    word = " ".join(m.group("dateword").lower().split())
    if ctx.ref is None:
        return _date_timex(Point("day"), ctx, m, relative=True)
    return _date_timex(shift(ctx.ref, "day", _DATE_WORDS[word]), ctx, m, relative=True)


_REF_VALUES = {"present": "PRESENT_REF", "past": "PAST_REF", "future": "FUTURE_REF"}


def norm_ref(kind: str) -> Callable[[re.Match[str], Context], Timex | None]:
    """PRESENT_REF ("now", "currently"), PAST_REF ("recently", "the past"), FUTURE_REF."""

    def normalize(m: re.Match[str], ctx: Context) -> Timex | None:
        return Timex("DATE", _REF_VALUES[kind])

    normalize.__name__ = f"norm_{kind}_ref"
    return normalize


_REL_STEP = {
    "the": 0,
    "this": 0,
    "the current": 0,
    "the present": 0,
    "last": -1,
    "this past": -1,
    "the latest": -1,
    "the most recent": -1,
    "next": 1,
    "this coming": 1,
    "the coming": 1,
}
_ANCHORED_STEP = {
    "the previous": -1,
    "the preceding": -1,
    "the prior": -1,
    "the following": 1,
    "the next": 1,
    "the same": 0,
    "that": 0,
}
_DURATION_WORDS = ("the past", "the last")


def norm_relative_unit(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "this year", "last week", "next month", "earlier this year", "the previous day",
    "the following year", and "the past year" (a duration)."""
    rel = " ".join(m.group("rel").lower().split())
    unit = m.group("unit").lower()
    gran = UNITS[unit][2]
    if _g(m, "fiscal") and gran == "year" and rel not in _DURATION_WORDS:
        # "the current fiscal year", "last fiscal year": a fiscal year, as "fiscal 2024"
        if rel in _ANCHORED_STEP:
            anchor = ctx.anchor("year")
            start = anchor.start() if anchor is not None else None
            base = start.year if start is not None else None
            year = None if base is None else base + _ANCHORED_STEP[rel]
        else:
            year = None if ctx.ref is None else ctx.ref.year + _REL_STEP.get(rel, 0)
        if year is None:
            return Timex("DATE", "FYXXXX", None, _mod(m), unresolved=ctx.ref is None)
        return Timex("DATE", f"FY{year:04d}", None, _mod(m))
    if rel in _DURATION_WORDS:
        return Timex("DURATION", duration_value(1, unit), mod=_mod(m))
    if rel in ("the next", "the coming") and _preceded_by(ctx, _SPAN_PREPOSITIONS):
        # "over the next year" is a stretch of time, not a date
        return Timex("DURATION", duration_value(1, unit), mod=_mod(m))
    if rel in _ANCHORED_STEP:
        step = _ANCHORED_STEP[rel]
        anchor = ctx.anchor(gran)
        point = shift_point(anchor, gran, step) if anchor is not None else None
        if point is None:
            return _unresolved_unit(gran, ctx, m)
        return _date_timex(point, ctx, m, relative=False)
    if ctx.ref is None:
        return _unresolved_unit(gran, ctx, m)
    return _date_timex(shift(ctx.ref, gran, _REL_STEP[rel]), ctx, m, relative=True)


def _unresolved_unit(gran: str, ctx: Context, m: re.Match[str]) -> Timex:
    point = Point(gran) if gran not in ("decade", "century", "half", "quarter", "season") else None
    value = point.value() if point else "XXXX"
    return Timex("DATE", value, point, _mod(m), unresolved=ctx.ref is None)


_SPAN_PREPOSITIONS = ("over", "during", "within", "for", "in", "throughout")


def _preceded_by(ctx: Context, words: tuple[str, ...]) -> bool:
    before = ctx.text[max(0, ctx.start - 16) : ctx.start].split()
    return bool(before) and before[-1].lower() in words


def norm_day_before_after(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "the day before", "the year after", "the month prior" at the end of a clause:
    one unit from the last date the text mentioned."""
    step = 1 if m.group("dir").lower() == "after" else -1
    gran = UNITS[m.group("unit").lower()][2] if _g(m, "unit") else "day"
    anchor = ctx.anchor(gran)
    point = shift_point(anchor, gran, step) if anchor is not None else None
    if point is None:
        return _unresolved_unit(gran, ctx, m)
    return _date_timex(point, ctx, m, relative=False)


def norm_the_weekend(m: re.Match[str], ctx: Context) -> Timex | None:
    if ctx.ref is None:
        return _date_timex(Point("weekend"), ctx, m, relative=True)
    ref = ctx.ref
    if ctx.direction() == "future":
        base = ref  # the weekend of the reference date's week is still ahead
    else:
        base = ref if ref.isoweekday() >= 6 else ref - timedelta(days=7)
    return _date_timex(week_point(base, "weekend"), ctx, m, relative=True)


def norm_ago(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "four years ago" -> the year four years before the reference date; vague amounts
    ("several years ago") -> PAST_REF; "two years from now" -> two years after."""
    n = _amount(m)
    unit = m.group("unit").lower()
    gran = UNITS[unit][2]
    future = "now" in (_g(m, "dir") or "").lower() or "hence" in (_g(m, "dir") or "").lower()
    if n is None:
        return Timex("DATE", "FUTURE_REF" if future else "PAST_REF", mod=_mod(m))
    if ctx.ref is None:
        return _unresolved_unit(gran, ctx, m)
    steps = n if float(n).is_integer() else round(n)
    if UNITS[unit][0] == "2W":
        steps *= 2
    point = shift(ctx.ref, gran, int(steps) if future else -int(steps))
    return _date_timex(point, ctx, m, relative=True)


def norm_later(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "two days later", "a year earlier": counted from the last date the text gave."""
    n = _amount(m)
    unit = m.group("unit").lower()
    gran = UNITS[unit][2]
    later = m.group("dir").lower().startswith(("later", "after"))
    if n is None:
        return Timex("DATE", "FUTURE_REF" if later else "PAST_REF", mod=_mod(m))
    anchor = ctx.anchor(gran)
    steps = int(n) if float(n).is_integer() else round(n)
    if UNITS[unit][0] == "2W":
        steps *= 2
    point = shift_point(anchor, gran, steps if later else -steps) if anchor else None
    if point is None:
        return _unresolved_unit(gran, ctx, m)
    return _date_timex(point, ctx, m, relative=ctx.last is None)


_PERIODS = ("year", "half", "quarter", "month")


def norm_year_earlier(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "the year-earlier quarter", "the year-ago period", "the year-earlier first half":
    the same stretch one year before the one the text is speaking of (the last date it
    mentioned, else the reference date)."""
    word = m.group("unit").lower()
    ordinal = (_g(m, "ord") or "").lower()
    if ordinal:
        gran = "half" if word == "half" else "quarter"
        n = _QUARTER_ORD.get(ordinal)
        if n is None or (gran == "half" and n > 2):
            return None
        if gran == "half" and ordinal in ("final", "last"):
            n = 2
        anchor = ctx.anchor("year")
        start = anchor.start() if anchor is not None else None
        if start is None:
            return _date_timex(Point(gran, None, part=n), ctx, m, relative=True)
        return _date_timex(Point(gran, start.year - 1, part=n), ctx, m, relative=False)
    if word == "period":
        # the period of the last year, half, quarter or month the text named
        gran = next((p.gran for p in reversed(ctx.points[-RECENT:]) if p.gran in _PERIODS), "year")
    else:
        gran = UNITS[word][2]
    anchor = ctx.anchor(gran)
    if gran == "quarter" and ctx.ref is not None and ctx.recent(gran) is None:
        # as "the quarter" in a past clause: the one before the reference date's
        anchor = norm_the_quarter(m, ctx).point
    if anchor is None:
        return _unresolved_unit(gran, ctx, m)
    steps = {"quarter": -4, "half": -2, "season": -4, "month": -12, "week": -52}.get(gran, -1)
    point = shift_point(anchor, gran, steps)
    if point is None:
        return _unresolved_unit(gran, ctx, m)
    return _date_timex(point, ctx, m, relative=ctx.last is None)


def norm_the_quarter(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "in the quarter": the quarter the text is speaking of (of the last date it
    mentioned); else, in a past clause, the quarter before the reference date's."""
    recent = ctx.recent("quarter")
    if recent is not None and recent.start() is not None:
        point = shift_point(recent, "quarter", 0)
        if point is not None:
            return _date_timex(point, ctx, m, relative=False)
    if ctx.ref is None:
        return _unresolved_unit("quarter", ctx, m)
    step = -1 if ctx.direction() == "past" else 0
    return _date_timex(shift(ctx.ref, "quarter", step), ctx, m, relative=True)


def norm_year_end(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "by year-end", "at month-end": the end of the current year or month, or of the
    last one in a past clause."""
    gran = m.group("unit").lower()
    if ctx.ref is None:
        return _unresolved_unit(gran, ctx, m)
    point = shift(ctx.ref, gran, -1 if ctx.direction() == "past" else 0)
    return Timex("DATE", point.value(), point, "END")


def norm_in_the_unit(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "earlier in the day", "later in the week", "late in the year": the day, week,
    month or year the text is speaking of: that of a date mentioned in the same sentence
    or the one before ("In 2019 it made a loss. Earlier in the year, ..." is 2019),
    else the reference date's ("cases reported earlier in the year", whatever year a
    paragraph further back named). In a past clause that date is never one after the
    reference date ("meets late Thursday. The shares had dropped earlier in the day"
    is the reference day)."""
    gran = UNITS[m.group("unit").lower()][2]
    near = ctx.nearby(gran)
    if near is not None:
        anchor: Point | None = near
    elif ctx.ref is not None:
        anchor = day_point(ctx.ref)
    else:
        anchor = None
    point = shift_point(anchor, gran, 0) if anchor is not None else None
    if point is None:
        return _unresolved_unit(gran, ctx, m)
    return _date_timex(point, ctx, m, relative=near is None)


_WEEK_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1, "final": -1}


def norm_week_of_month(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "the first week of April" (the ISO week holding April 4, so that most of its days
    are in April), "the last week of June", "the second weekend of May"."""
    n = _WEEK_ORDINALS.get(m.group("ord").lower())
    if n is None:
        return None
    month = month_of(m.group("month"))
    gran = "weekend" if m.group("unit").lower().startswith("weekend") else "week"
    year = _year_of(m, ctx)
    relative = year is None
    if year is None:
        if ctx.ref is None:
            return _date_timex(Point(gran), ctx, m, relative=True)
        year = place_month(ctx.ref, month, ctx.direction())
    if gran == "weekend":
        saturday = _nth_weekday(year, month, 6, n)
        return _date_timex(week_point(saturday, gran), ctx, m, relative=relative)
    last = calendar.monthrange(year, month)[1]
    day = 7 * n - 3 if n > 0 else last - 3
    return _date_timex(week_point(date(year, month, day)), ctx, m, relative=relative)


def norm_part_of_named_day(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "late Tuesday", "early yesterday", "the early hours of Sunday": the day, with a
    mod (START or END) where the words say it."""
    sub = norm_weekday(m, ctx) if _g(m, "weekday") else norm_date_word(m, ctx)
    if sub is None:
        return None
    part = (_g(m, "part") or "").lower()
    sub.mod = "START" if part.startswith("early") or _g(m, "hours") else None
    if part == "late":
        sub.mod = "END"
    return sub


def norm_overnight(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "overnight": the night of the day the text is speaking of; without one, the night
    before the reference date in a past clause, the coming night otherwise."""
    recent = ctx.recent("day")
    if recent is not None and (ctx.ref is None or recent.start() != ctx.ref):
        return _timex_at(replace(recent, gran="day", time=None), "NI", ctx, m, False)
    if ctx.ref is None:
        return _timex_at(Point("day"), "NI", ctx, m, True)
    step = -1 if ctx.direction() == "past" else 0
    return _timex_at(shift(ctx.ref, "day", step), "NI", ctx, m, True)


# -- normalizers: times ------------------------------------------------------------------
def _time_base(m: re.Match[str], ctx: Context) -> tuple[Point, bool]:
    """The day a clock time or part of day falls on: the one the match names, else the
    last day the text mentioned, else the reference date."""
    dayref = (_g(m, "weekday") or _g(m, "dateword") or "").strip()
    if dayref:
        sub = norm_weekday(m, ctx) if _g(m, "weekday") else norm_date_word(m, ctx)
        if sub is not None and sub.point is not None:
            return sub.point, ctx.ref is None and not sub.point.resolved
    # "at 2:30 a.m. on Tuesday": the day named right after the time
    after = _DAY_AFTER.match(ctx.text, ctx.end, min(len(ctx.text), ctx.end + 24))
    if after is not None and ctx.ref is not None:
        wd = weekday_of(after.group(1))
        return day_point(place_weekday(ctx.ref, wd, ctx.direction())), False
    anchor = ctx.recent("day")
    if anchor is not None:
        return replace(anchor, gran="day", time=None), False
    if ctx.ref is not None:
        return day_point(ctx.ref), False
    return Point("day"), True


_DAY_AFTER = re.compile(
    r",?\s+(?:on\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)


def _timex_at(base: Point, time: str, ctx: Context, m: re.Match[str], relative: bool) -> Timex:
    point = replace(base, gran="time", time=time)
    return Timex("TIME", point.value(), point, _mod(m), unresolved=relative and ctx.ref is None)


def norm_clock(m: re.Match[str], ctx: Context) -> Timex | None:
    hour = int(m.group("hour"))
    minute = int(_g(m, "minute") or 0)
    second = _g(m, "second")
    ampm = (_g(m, "ampm") or "").lower().replace(".", "")
    if ampm:
        if not 1 <= hour <= 12:
            return None
        if ampm == "pm" and hour != 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
    elif hour > 24 or minute > 59:
        return None
    base, relative = _time_base(m, ctx)
    time = f"{hour:02d}:{minute:02d}" + (f":{int(second):02d}" if second else "")
    return _timex_at(base, time, ctx, m, relative)


def norm_oclock(m: re.Match[str], ctx: Context) -> Timex | None:
    hour = number_value(m.group("hour"))
    if hour is None or not 1 <= hour <= 12:
        return None
    base, relative = _time_base(m, ctx)
    return _timex_at(base, f"{hour:02d}:00", ctx, m, relative)


def norm_iso_time(m: re.Match[str], ctx: Context) -> Timex | None:
    y, mo, d = int(m.group("year")), int(m.group("mo")), int(m.group("dd"))
    if not valid_date(y, mo, d):
        return None
    time = f"{m.group('hour')}:{m.group('minute')}"
    if _g(m, "second"):
        time += f":{m.group('second')}"
    return _timex_at(Point("day", y, mo, d), time, ctx, m, False)


def norm_part_of_day(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "Friday morning", "yesterday afternoon", "last night", "tonight", "noon"."""
    pod = (_g(m, "pod") or "night").lower()
    rel = (_g(m, "rel") or "").lower()
    code = PARTS_OF_DAY[pod]
    if rel == "last" or rel == "yesterday":
        if ctx.ref is None:
            base, relative = Point("day"), True
        else:
            base, relative = shift(ctx.ref, "day", -1), True
    elif rel in ("this", "tonight", "today"):
        base, relative = (day_point(ctx.ref), True) if ctx.ref else (Point("day"), True)
    elif rel == "tomorrow":
        base, relative = (shift(ctx.ref, "day", 1), True) if ctx.ref else (Point("day"), True)
    else:
        base, relative = _time_base(m, ctx)
    return _timex_at(base, code, ctx, m, relative)


# -- normalizers: durations and sets ----------------------------------------------------
def norm_duration(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "90 days", "a decade" (P1DE), "several weeks" (PXW), "the past two years" (P2Y)."""
    unit = m.group("unit").lower()
    return Timex("DURATION", duration_value(_amount(m), unit), mod=_mod(m))


def norm_vague_duration(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "for years", "recent months", "the coming weeks": an unknown number of units."""
    return Timex("DURATION", duration_value(None, m.group("unit")), mod=_mod(m))


_HALF = {
    "hour": "PT30M",
    "day": "PT12H",
    "year": "P6M",
    "decade": "P5Y",
    "century": "P50Y",
}


def norm_half_unit(m: re.Match[str], ctx: Context) -> Timex | None:
    return Timex("DURATION", _HALF[m.group("unit").lower()], mod=_mod(m))


def norm_set(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "every year" (P1Y), "every two weeks" (P2W), "each Monday" (XXXX-WXX-1),
    "twice a month" (P1M), "per day" (P1D), "every morning" (XXXX-XX-XXTMO)."""
    if _g(m, "weekday"):
        value = f"XXXX-WXX-{weekday_of(m.group('weekday'))}"
        pod = _g(m, "pod")
        if pod:
            value += "T" + PARTS_OF_DAY[pod.lower().rstrip("s")]
        return Timex("SET", value)
    if _g(m, "month"):
        return Timex("SET", f"XXXX-{month_of(m.group('month')):02d}")
    if _g(m, "season"):
        return Timex("SET", f"XXXX-{SEASONS[m.group('season').lower()]}")
    if _g(m, "pod"):
        return Timex("SET", "XXXX-XX-XXT" + PARTS_OF_DAY[m.group("pod").lower().rstrip("s")])
    unit = m.group("unit").lower()
    n = _amount(m) if _g(m, "num") or _g(m, "vague") else 1
    if _g(m, "other"):
        n = 2 * (n or 1)
    return Timex("SET", duration_value(n, unit))


def norm_long(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "week-long" (P1W), "decades-long" (PXDE)."""
    unit = m.group("unit").lower()
    plural = (unit.endswith("s") and unit[:-1] in UNITS) or unit == "centuries"
    return Timex("DURATION", duration_value(None if plural else 1, unit))


def norm_set_per(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "twice a month", "per day", "$5 million a year": once per unit."""
    return Timex("SET", duration_value(1, m.group("unit")))


def norm_set_adverb(m: re.Match[str], ctx: Context) -> Timex | None:
    return Timex("SET", SET_ADVERBS[m.group("adverb").lower()])
