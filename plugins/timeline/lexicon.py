"""Words the timeline grammar is built from, and what each one means.

Every table maps the written form (lower case) to its meaning, so the grammar's regular
expressions and the normalizers read from one source: add a word here and both the
recognizer and the normalizer know it. ``alternation()`` turns a table into a regex
fragment, longest words first, so a short form never shadows a long one ("Sept" before
"Sep", "twenty-one" before "twenty").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

__all__ = [
    "DAY_ORDINALS",
    "DECADE_WORDS",
    "HOLIDAYS",
    "MONTHS",
    "MONTH_ABBREVIATIONS",
    "NUMBERS",
    "ORDINALS",
    "PARTS_OF_DAY",
    "SEASONS",
    "SET_ADVERBS",
    "UNITS",
    "WEEKDAYS",
    "WEEKDAY_ABBREVIATIONS",
    "alternation",
    "number_value",
]

MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}

# Abbreviations count as months only next to a day or a year (see the grammar), so "Mar"
# or "Jan" on their own are never dates.
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

# ISO weekday numbers: Monday is 1.
WEEKDAYS: dict[str, int] = {
    "monday": 1,
    "tuesday": 2,
    "wednesday": 3,
    "thursday": 4,
    "friday": 5,
    "saturday": 6,
    "sunday": 7,
}

WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "mon": 1,
    "tue": 2,
    "tues": 2,
    "wed": 3,
    "thu": 4,
    "thur": 4,
    "thurs": 4,
    "fri": 5,
    "sat": 6,
    "sun": 7,
}

# TIMEX3 season codes.
SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "autumn": "FA",
    "fall": "FA",
    "winter": "WI",
}

# TIMEX3 part-of-day codes; noon and midnight are clock times.
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
    "noon": "12:00",
    "midday": "12:00",
    "midnight": "24:00",
}

# unit word -> (TIMEX3 duration letter, whether it is a clock unit written after "PT",
# calendar granularity of the unit)
UNITS: dict[str, tuple[str, bool, str]] = {
    "second": ("S", True, "time"),
    "seconds": ("S", True, "time"),
    "minute": ("M", True, "time"),
    "minutes": ("M", True, "time"),
    "hour": ("H", True, "time"),
    "hours": ("H", True, "time"),
    "day": ("D", False, "day"),
    "days": ("D", False, "day"),
    "night": ("D", False, "day"),
    "nights": ("D", False, "day"),
    "week": ("W", False, "week"),
    "weeks": ("W", False, "week"),
    "weekend": ("WE", False, "weekend"),
    "weekends": ("WE", False, "weekend"),
    "fortnight": ("2W", False, "week"),
    "fortnights": ("2W", False, "week"),
    "month": ("M", False, "month"),
    "months": ("M", False, "month"),
    "quarter": ("Q", False, "quarter"),
    "quarters": ("Q", False, "quarter"),
    "year": ("Y", False, "year"),
    "years": ("Y", False, "year"),
    "decade": ("DE", False, "decade"),
    "decades": ("DE", False, "decade"),
    "century": ("CE", False, "century"),
    "centuries": ("CE", False, "century"),
}

NUMBERS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "one hundred": 100,
    "dozen": 12,
    "a dozen": 12,
    "half a dozen": 6,
    "a couple of": 2,
    "couple of": 2,
}

_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
for _ten in _TENS:
    for _one in _ONES:
        NUMBERS[f"{_ten}-{_one}"] = NUMBERS[_ten] + NUMBERS[_one]

ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
}

# Day ordinals written out ("the first of May", "March twenty-first").
DAY_ORDINALS: dict[str, int] = {
    **ORDINALS,
    **{f"twenty-{w}": 20 + n for w, n in ORDINALS.items() if n < 10},
    "thirtieth": 30,
    "thirty-first": 31,
}

# "the sixties" -> 6 (the decade digit; the century comes from context).
DECADE_WORDS: dict[str, int] = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}

# adverb -> TIMEX3 SET value
SET_ADVERBS: dict[str, str] = {
    "hourly": "PT1H",
    "daily": "P1D",
    "nightly": "XXXX-XX-XXTNI",
    "weekly": "P1W",
    "biweekly": "P2W",
    "fortnightly": "P2W",
    "monthly": "P1M",
    "bimonthly": "P2M",
    "quarterly": "P3M",
    "yearly": "P1Y",
    "annually": "P1Y",
    "semiannually": "P6M",
    "biannually": "P6M",
    "biennially": "P2Y",
}

# Holidays with a fixed date ("MM-DD"), or a rule name for movable ones.
HOLIDAYS: dict[str, str] = {
    "new year's day": "01-01",
    "new year's eve": "12-31",
    "new year": "01-01",
    "valentine's day": "02-14",
    "st. patrick's day": "03-17",
    "may day": "05-01",
    "halloween": "10-31",
    "christmas eve": "12-24",
    "christmas day": "12-25",
    "christmas": "12-25",
    "boxing day": "12-26",
    "easter sunday": "easter",
    "easter": "easter",
    "good friday": "good_friday",
    "thanksgiving day": "thanksgiving",
    "thanksgiving": "thanksgiving",
    "labor day": "labor_day",
    "memorial day": "memorial_day",
}


def alternation(words: Iterable[str], *, capitalized: bool = False) -> str:
    """A regex matching any of ``words``, written as a trie ("day(?:s)?"), so the engine
    rejects a non-word on its first letter instead of trying every word in turn.

    With ``capitalized`` each word is also accepted with an upper-case first letter (as
    at the start of a sentence); otherwise the words match as written. Longer words win
    over their prefixes ("Sept" over "Sep"), and a space in a word matches a space.
    """
    forms: set[str] = set()
    for word in words:
        forms.add(word)
        if capitalized:
            forms.add(word[:1].upper() + word[1:])
    trie: dict[str, Any] = {}
    for word in forms:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return "(?:" + _emit(trie) + ")"


def _emit(node: dict[str, Any]) -> str:
    branches = [
        (" " if ch == " " else re.escape(ch)) + _emit(child)
        for ch, child in sorted(node.items())
        if ch
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a word ends here: the longer ones are optional
        body = (body if len(branches) == 1 and len(branches[0]) == 1 else f"(?:{body})") + "?"
    return body


def number_value(text: str) -> int | None:
    """The integer a number written in digits or words stands for ("twenty-five" -> 25)."""
    t = text.strip().lower().replace(",", "")
    if t.isdigit():
        return int(t)
    t = " ".join(t.split())
    if t in NUMBERS:
        return NUMBERS[t]
    t = t.replace(" ", "-")
    return NUMBERS.get(t)
