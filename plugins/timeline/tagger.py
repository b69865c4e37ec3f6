"""Find and normalize the temporal expressions of a text: the grammar, then the values.

:func:`tag` is the whole of it without a pipeline around it::

    >>> from datetime import date
    >>> [(t.text, t.value) for t in tag("He left on Wednesday.", date(2022, 11, 10))]
    [('Wednesday', '2022-11-09')]

Expressions are normalized in text order, so each one can count from the dates before it
("two days later"). A newsroom's extra patterns (:class:`~.grammar.ExtraPattern`) are
normalized from their named groups.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from . import normalize as nz
from .grammar import ExtraPattern, Grammar, Rule, compiled

__all__ = ["Tagged", "tag"]


@dataclass
class Tagged:
    """One temporal expression: clean-text offsets, TIMEX3 type and value, the rule."""

    start: int
    end: int
    text: str
    type: str
    value: str
    rule: str
    point: nz.Point | None = None
    mod: str | None = None
    unresolved: bool = False


def tag(
    text: str,
    reference_date: date | None = None,
    *,
    sentences: Sequence[tuple[int, int]] = (),
    date_order: str = "MDY",
    direction: str = "tense",
    include_durations: bool = True,
    include_sets: bool = True,
    extra_patterns: Sequence[ExtraPattern] = (),
    grammar: Grammar | None = None,
) -> list[Tagged]:
    """Every temporal expression in ``text`` with its TIMEX3 value, in text order."""
    grammar = grammar or compiled(tuple(extra_patterns))
    ctx = nz.Context(
        text, reference_date, direction=direction, date_order=date_order, sentences=list(sentences)
    )
    out: list[Tagged] = []
    finds = grammar.find(text)
    covered = 0  # the end of a range's second date, which takes the place of what it covers
    for found in finds:
        if found.start < covered:
            continue
        ctx.start, ctx.end = found.start, found.end
        ctx.fell_back = False
        if isinstance(found.rule, Rule):
            timex = found.rule.normalize(found.match, ctx)
        else:
            timex = _normalize_extra(found.rule, found.match, ctx)
        if timex is None:
            continue
        if (timex.type == "DURATION" and not include_durations) or (
            timex.type == "SET" and not include_sets
        ):
            continue
        # ("overnight" straddles two days: no later "the day" counts from it; a value
        # counted from the reference date for want of a date is a guess that anchors
        # nothing: "the month before" then "a year earlier")
        if (
            timex.type in ("DATE", "TIME")
            and found.rule.name != "time_overnight"
            and not ctx.fell_back
        ):
            ctx.remember(timex.point)
        tagged = Tagged(
            found.start,
            found.end,
            text[found.start : found.end],
            timex.type,
            timex.value,
            found.rule.name,
            timex.point,
            timex.mod,
            timex.unresolved,
        )
        out.append(tagged)
        tail = _range_tail(text, tagged, min(len(text), found.end + 24))
        if tail is not None:
            ctx.remember(tail.point)
            out.append(tail)
            covered = tail.end
    return out


# The second end of a range written short: "2013-14", "1995-96", "March 3-5", "Sept. 14
# and 16". Anchored at the end of the first date and a few characters long.
_YEAR_TAIL = re.compile(r"[-–/](\d\d)(?![\w%]|[.,:/]\d)")
_DAY_TAIL = re.compile(
    r"(?:[-–]|,?[ ](?:and|or|to|through|until|till)[ ])(3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
    r"(?![\w%:/-]|[.,]\d)(?:,?[ ](1\d\d\d|20\d\d)(?![\w%]|[.,]\d))?"
)
_WORD_AFTER = re.compile(r"[ ]([a-z]+)")
_TAIL_FUNCTION_WORDS = frozenset(
    """and or but in on at to for from by with as of the a an this that after before until
    while when was were is are will would had has have said says""".split()
)


def _range_tail(text: str, first: Tagged, limit: int) -> Tagged | None:
    """The second date of a short range right after ``first``, with its year or month."""
    point = first.point
    after = text[first.end : first.end + 1]
    if point is None or not after or after not in "-–/ ," or limit - first.end < 3:
        return None
    if first.rule == "date_year" and point.gran == "year" and point.year is not None:
        m = _YEAR_TAIL.match(text, first.end, limit)
        if m is None or not first.text[-4:].isdigit():
            return None
        year = point.year // 100 * 100 + int(m.group(1))
        if year <= point.year:
            year += 100
        if year - point.year > 20:
            return None
        tail = nz.Point("year", year)
    elif first.rule == "date_month_day" and point.gran == "day" and first.text[-1:].isalnum():
        if first.text[-4:].isdigit() and len(first.text) > 6 and point.year is not None:
            return None  # "March 3, 2024": a year, not a day, ends it
        m = _DAY_TAIL.match(text, first.end, limit)
        if m is None or point.month is None or point.day is None:
            return None
        day = int(m.group(1))
        # "March 3 and 4 people": a number of something, not a day
        word = _WORD_AFTER.match(text, m.end(), min(limit, m.end() + 30))
        if m.group(0)[0] not in "-–" and word and word.group(1) not in _TAIL_FUNCTION_WORDS:
            return None
        if day <= point.day or not nz.valid_date(point.year or 2000, point.month, day):
            return None
        if m.group(2):
            # "Sept. 14-16, 2010": the year is both days'
            year = int(m.group(2))
            if not nz.valid_date(year, point.month, day):
                return None
            first.point = point = replace(point, year=year)
            first.value, first.unresolved = point.value(), False
        tail = nz.Point("day", point.year, point.month, day)
    else:
        return None
    start = m.start(1)
    return Tagged(
        start,
        m.end(),
        text[start : m.end()],
        "DATE",
        tail.value(),
        first.rule + "_range",
        tail,
        None,
        first.unresolved,
    )


def _normalize_extra(pattern: ExtraPattern, m: re.Match[str], ctx: nz.Context) -> nz.Timex | None:
    groups = {k: v for k, v in m.groupdict().items() if v is not None}
    if pattern.value is not None:
        try:
            value = pattern.value.format(**groups)
        except (KeyError, IndexError, ValueError):
            return None
        return nz.Timex(pattern.type, value)
    year = _int(groups.get("year"))
    if year is not None and year < 100:
        year = nz.expand_two_digit_year(year, ctx.ref)
    raw_month = groups.get("month")
    month = _int(raw_month)
    if month is None and raw_month:
        try:
            month = nz.month_of(raw_month)
        except KeyError:
            return None
    day = _int(groups.get("day"))
    hour, minute, second = (_int(groups.get(k)) for k in ("hour", "minute", "second"))
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None:
        if month is None:
            return None
        if year is None and ctx.ref is not None:
            year = nz.place_month_day(ctx.ref, month, day, ctx.direction())
        if not nz.valid_date(year if year is not None else 2000, month, day):
            return None
        point = nz.Point("day", year, month, day)
    elif month is not None:
        point = nz.Point("month", year, month)
    elif year is not None:
        point = nz.Point("year", year)
    elif hour is not None:
        point = nz.day_point(ctx.ref) if ctx.ref else nz.Point("day")
    else:
        return None
    if hour is not None:
        if not (0 <= hour <= 24 and 0 <= (minute or 0) <= 59):
            return None
        time = f"{hour:02d}:{minute or 0:02d}" + (f":{second:02d}" if second is not None else "")
        point = nz.Point("time", point.year, point.month, point.day, time=time)
    kind = "TIME" if point.gran == "time" else pattern.type
    return nz.Timex(kind, point.value(), point)


def _int(raw: str | None) -> int | None:
    if raw is None:
        return None
    digits = re.sub(r"\D", "", raw)
    return int(digits) if digits and digits == raw.strip() else None
