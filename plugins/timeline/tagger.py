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
from dataclasses import dataclass
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
    for found in grammar.find(text):
        ctx.start, ctx.end = found.start, found.end
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
        if timex.type in ("DATE", "TIME"):
            ctx.remember(timex.point)
        out.append(
            Tagged(
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
        )
    return out


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
