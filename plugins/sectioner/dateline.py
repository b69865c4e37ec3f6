"""Datelines and bylines at the top of an article.

A dateline opens the first paragraph of a story: the place it was filed from, sometimes
the date and the agency, then a dash: "TEHRAN, Nov. 10 (Reuters) —", "WASHINGTON —",
"KYIV, Ukraine (AP) —", "NEW DELHI: ...", "Paris, March 3, 2023 (AFP) -". A place in
capitals needs only the dash (or a colon); a place in ordinary case also needs a date or
an agency, so that "However —" or "Smith, the mayor —" is no dateline.

A byline is a short line that names the writer: "By Jane Doe", "By Jane Doe and John
Smith, Reuters", "Reporting by ...".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

__all__ = ["Dateline", "find_byline", "find_dateline"]

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
_DATE = (
    rf"(?:{_WEEKDAY},?\s+)?"
    rf"(?:(?P<mon>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?"
    rf"|(?P<day2>\d{{1,2}})\s+(?P<mon2>{_MONTH})\.?(?:,?\s+(?P<year2>\d{{4}}))?"
    r"|(?P<iso>\d{4}-\d{2}-\d{2}))"
)
_CAPS_WORD = r"[A-Z][A-Z'’.\-]*[A-Z.]"
_CASE_WORD = r"[A-Z][a-z'’.\-]+"
_REGION = rf"(?!{_MONTH}\b)(?!{_WEEKDAY}\s)[A-Z][\w'’.\-]*(?:\s[A-Z][\w'’.\-]*){{0,2}}"
_AGENCY = r"\((?P<agency>[A-Za-z][\w&.\- ]{0,30})\)|/(?P<wire>[A-Za-z][\w ]{1,30})/"
_DATELINE = re.compile(
    rf"""
    (?P<place>{_CAPS_WORD}(?:[\s\-](?:{_CAPS_WORD}|de|da|del|do|dos|el|la|al))*
        |(?P<cased>{_CASE_WORD}(?:\s{_CASE_WORD}){{0,2}}))
    (?:,\s*(?P<region>{_REGION}))?
    (?:,?\s+(?P<date>{_DATE}))?
    (?:,?\s*(?:{_AGENCY}))?
    (?:,\s*(?P<tail>[A-Z]{{2,8}}))?
    \s*(?P<dash>—|–|--|-|:)\s+
    """,
    re.VERBOSE,
)
# The characters a dateline's dash can be made of.
_DASH = re.compile("[—–:-]")
# Capitalised openers that are not places: kickers and labels.
_NOT_PLACES = frozenset(
    """
    BREAKING UPDATE UPDATED EXCLUSIVE OPINION ANALYSIS EDITORIAL WATCH LIVE NEWS NOTE
    EDITOR CORRECTION CLARIFICATION FILE PHOTO VIDEO AUDIO LISTEN READ ALSO MORE SPONSORED
    ADVERTISEMENT FACT CHECK Q&A FAQ TLDR PS NB UPDATE:
    """.split()
)
_BYLINE = re.compile(
    r"(?i:by|written by|story by|words by|reporting by|reported by|text by)\s+"
    r"(?P<names>[A-Z][\w'’.\-]*(?:[\s,]+(?:and\s+|&\s+)?[A-Z][\w'’.\-]*){0,11})"
)


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline found at ``[start, end)`` (the dash included) of the text."""

    start: int
    end: int
    place: str
    date: str | None  # "2022-11-10", or "XXXX-11-10" when the dateline gives no year

    def full_date(self) -> date | None:
        """The dateline's date, if it gives the year."""
        if self.date is None or self.date.startswith("X"):
            return None
        return date.fromisoformat(self.date)


def find_dateline(text: str, start: int, end: int) -> Dateline | None:
    """The dateline opening the paragraph ``text[start:end]``, if it has one."""
    stop = min(end, start + 160)
    if not _DASH.search(text, start, stop):
        return None  # a dateline ends in a dash or a colon: one scan rules most ledes out
    m = _DATELINE.match(text, start, stop)
    if m is None or m.end() >= end:
        return None
    place = m.group("place")
    cased = m.group("cased") is not None
    if cased and not (m.group("date") or m.group("agency") or m.group("wire")):
        return None
    if not cased:
        letters = [c for c in place if c.isalpha()]
        if len(letters) < 3 or place.split()[0].rstrip(":") in _NOT_PLACES:
            return None
    if m.group("dash") == ":" and cased:
        return None
    when = _date(m)
    if m.group("date") and when is None:
        return None  # "March 32": not a date, so not a dateline
    region = m.group("region")
    return Dateline(
        start=m.start(),
        end=m.end("dash"),
        place=f"{place}, {region}" if region else place,
        date=when,
    )


def _date(m: re.Match[str]) -> str | None:
    if m.group("iso"):
        try:
            return date.fromisoformat(m.group("iso")).isoformat()
        except ValueError:
            return None
    month_name = m.group("mon") or m.group("mon2")
    if month_name is None:
        return None
    month = _MONTHS[month_name.lower().rstrip(".")]
    day = int(m.group("day") or m.group("day2"))
    year = m.group("year") or m.group("year2")
    try:
        date(int(year) if year else 2000, month, day)  # 2000: a leap year admits Feb 29
    except ValueError:
        return None
    return f"{year}-{month:02d}-{day:02d}" if year else f"XXXX-{month:02d}-{day:02d}"


def find_byline(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``(start, end)`` of the paragraph ``text[start:end]`` if it is a byline."""
    line = text[start:end]
    if len(line) > 120 or "\n" in line.strip():
        return None
    m = _BYLINE.match(line)
    if m is None:
        return None
    names = m.group("names").split()
    if len(names) < 2 and not (names[0].isupper() and len(names[0]) >= 2):
        return None  # "By Friday the council had voted": one capitalised word is no name
    rest = line[m.end() :].strip(" ,|–—-")
    # what may follow the names: an agency, a role, a date, never a sentence
    words = rest.split()
    if len(words) > 8 or re.search(r"[.!?]\s+[A-Z][a-z]", rest):
        return None
    if words and words[-1][-1:] in ".!?" and words[-1][:1].islower():
        return None
    return start, end
