"""The grammar of temporal expressions: a table of named patterns and their normalizers.

How it reads
------------
:data:`RULES` is an ordered table. Each :class:`Rule` has

- a ``name`` (it appears in the report as each timex's ``"rule"``, to see which pattern
  fired);
- a TIMEX3 ``type`` family (DATE, TIME, DURATION or SET; the normalizer may say otherwise,
  as "the past year" is a DURATION found by a date rule);
- a ``pattern``: a regular expression written with macros: ``<MONTH>``, ``<DAY>``,
  ``<YEAR>``, ``<WEEKDAY>``, ``<NUM>``, ``<UNIT>``, ... (see :data:`MACROS`; each puts
  its words in a named group such as ``month`` or ``unit``), and ``_`` for the gap
  between two words;
- a ``normalize`` function from :mod:`.normalize`, which turns the named groups into a
  TIMEX3 value;
- optionally a ``check`` that looks at the words around a match and can veto it ("May"
  in "Theresa May said", "2000" in "2000 soldiers", "90s" in "in his 90s").

Spans follow TimeML: a pattern starts at the first word of the expression itself, so
prepositions ("in", "on", "since") stay outside, and determiners and modifiers that are
part of it stay inside ("the past two years", "early last year", "more than a decade").

How it runs, in linear time
---------------------------
1. One pass of a small *trigger* regex finds the words a temporal expression cannot do
   without: month and weekday names, unit words ("years"), date words ("yesterday",
   "now"), and digit shapes that look like years, dates or clock times.
2. At each trigger the scanner tries the combined grammar, anchored (``match``, never
   ``search``), at the trigger and at each word of the run of :data:`LEAD_WORDS` right
   before it ("the", "past", "two", "more", "than", numbers, ...), leftmost first, so
   "the past two years" is found whole from its trigger "years". Earlier rules win at
   the same start, so longer and more specific patterns come first in the table.
3. A match swallows the triggers inside it; scanning goes on after it.

Two things keep this fast without changing what it finds. The trigger pass scans for
the character before a trigger (a space, or another one a trigger may follow) rather
than opening with a look behind, which the engine would try at every position (see
:meth:`Grammar.trigger_starts`). And each rule in the combined grammar opens with a
look at the characters it can begin with (worked out from the pattern by
:func:`leading_chars`), so the many rules that cannot match at a start fail at once
instead of after their optional words.

The patterns nest no quantifiers and every repetition is bounded or over a class that
cannot overlap what follows, so no input makes them backtrack without end; each
anchored attempt looks at a bounded window of text.

How to extend it
----------------
Add a ``Rule`` to :data:`RULES` before any rule that would match a prefix of your
expression, using the macros' group names so an existing normalizer can read it, or
write a normalizer in :mod:`.normalize`. If the expression's key word is not yet a
trigger, add it to :data:`TRIGGER_WORDS`; if it opens with a word that is neither a
trigger nor in :data:`LEAD_WORDS`, add that word there. Word lists live in
:mod:`.lexicon`, shared with the normalizers. A newsroom's own formats need no code: the
processor's ``extra_patterns`` option takes named regexes with ``year``/``month``/
``day``/``hour``/``minute`` groups (see :class:`ExtraPattern`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from . import normalize as nz
from .lexicon import (
    DAY_ORDINALS,
    DECADE_WORDS,
    HOLIDAYS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    NUMBERS,
    ORDINALS,
    SET_ADVERBS,
    UNITS,
    WEEKDAYS,
    alternation,
)

__all__ = ["MACROS", "RULES", "Grammar", "Rule", "expand"]

Check = Callable[[str, re.Match[str]], bool]
Normalizer = Callable[[re.Match[str], nz.Context], "nz.Timex | None"]

# -- macros -------------------------------------------------------------------------------
_GAP = r"(?:[ \t\u00a0]{1,3}|[ \t\u00a0]?\n[ \t\u00a0]?)"


def _title(words: Iterable[str]) -> list[str]:
    return [" ".join(w[:1].upper() + w[1:] for w in word.split(" ")) for word in words]


def _i(words: Iterable[str]) -> str:
    """A case-insensitive alternation of ``words`` (lower case, spaces as gaps)."""
    return "(?i:" + alternation(words).replace(" ", "_") + ")"


_MONTH_FULL = alternation(_title(MONTHS))
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_WEEKDAY_FULL = alternation(_title(WEEKDAYS))
_SINGULAR_UNITS = [u for u in UNITS if not u.endswith("s") or u == "centuries"]
_CALENDAR_UNITS = ["day", "week", "weekend", "month", "quarter", "year", "decade", "century"]
_PLURAL_UNITS = ["years", "months", "weeks", "days", "decades", "hours", "minutes", "centuries"]
_NUMBER_WORDS = [w for w in NUMBERS if w not in ("dozen",)]

#: Macro name -> regex fragment. Each fragment captures into the group named in it.
MACROS: dict[str, str] = {
    "MONTH": rf"(?P<month>{_MONTH_FULL}|{_MONTH_ABBR})(?![a-z])",
    "MONTH_FULL": rf"(?P<month>{_MONTH_FULL})(?![\w'’-])",
    "DAY": r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\w:%]|[.,]\d)",
    "DAYWORD": rf"(?P<dayword>{_i(DAY_ORDINALS)})(?![\w-])",
    "YEAR": r"(?P<year>1\d\d\d|20\d\d)(?![\w%]|[.,]\d)",
    "YEAR2": r"['’](?P<year2>\d\d)(?![\w%])",
    "WEEKDAY": (
        rf"(?P<weekday>{_WEEKDAY_FULL}|(?:Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\.)"
        r"(?![a-z])"
    ),
    "WEEKDAY_FULL": rf"(?P<weekday>{_WEEKDAY_FULL})(?![\w-])",
    "NUM": (
        rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?(?:(?:_|-)1/2|½)?|½|{_i(_NUMBER_WORDS)})"
    ),
    "VAGUE": (
        r"(?P<vague>(?i:several|a_few|few|some|many|a_couple_of|couple_of|a_number_of|"
        r"numerous|countless|dozens_of|hundreds_of|a_handful_of))"
    ),
    "UNIT": rf"(?P<unit>{_i(UNITS)})(?![\w])",
    "UNIT_CAL": rf"(?P<unit>{_i(_CALENDAR_UNITS)})(?![\w-])",
    "UNIT_SG": rf"(?P<unit>{_i(_SINGULAR_UNITS)})(?![\w-])",
    "UNIT_PL": rf"(?P<unit>{_i(_PLURAL_UNITS)})(?![\w-])",
    "APPROX": (
        r"(?P<approx>(?i:about|around|approximately|roughly|some|an_estimated|nearly|almost|"
        r"close_to|less_than|fewer_than|just_under|up_to|at_most|no_more_than|more_than|"
        r"just_over|upwards_of|at_least|no_less_than))_"
    ),
    "PART": (
        r"(?P<part>(?i:the_beginning_of|the_start_of|the_dawn_of|the_end_of|the_close_of|"
        r"the_middle_of|early|late|mid|middle|end(?=-)))"
    ),
    "SEASON": r"(?P<season>(?i:spring|summer|autumn|fall|winter))(?![\w-])",
    "POD": r"(?P<pod>(?i:morning|afternoon|evening|night|noon|midday|midnight))(?![\w-])",
    "DATEWORD": (
        r"(?P<dateword>(?i:the_day_before_yesterday|the_day_after_tomorrow|yesterday|today|"
        r"tomorrow))(?![\w-])"
    ),
    "AMPM": r"(?P<ampm>[aApP]\.?[mM]\b\.?)",
    "TZ": r"(?P<tz>(?:[A-Z]{1,3}T|GMT|UTC|Z)(?:[+-]\d{1,2})?)(?![\w])",
    "ORD_Q": r"(?P<ord>(?i:first|second|third|fourth|final|1st|2nd|3rd|4th))",
    "DECADE_WORD": _i(DECADE_WORDS),
    "ORDINAL": _i(ORDINALS),
    "HOLIDAY": "(?P<holiday>"
    + alternation(_title(HOLIDAYS)).replace("'", "['’]").replace(" ", "_")
    + r")(?![\w])",
    "SET_ADVERB": rf"(?P<adverb>{_i(SET_ADVERBS)})(?![\w-])",
}

_MACRO = re.compile(r"<([A-Z][A-Z0-9_]*)>")


def expand(pattern: str) -> str:
    """Replace ``<MACRO>`` names and ``_`` word gaps in a rule's pattern."""
    out = _MACRO.sub(lambda m: MACROS[m.group(1)], pattern)
    return out.replace("_", _GAP)


# -- context checks ------------------------------------------------------------------------
# Both look at most 40 characters away. They split rather than search with a regex: a
# search for the last token tries every position of the window in turn.


def word_before(text: str, pos: int) -> str:
    """The whitespace-delimited token before ``pos`` (with its punctuation), or ""."""
    tokens = text[max(0, pos - 40) : pos].rsplit(None, 1)
    return tokens[-1] if tokens else ""


def word_after(text: str, pos: int) -> str:
    tokens = text[pos : pos + 40].split(None, 1)
    return tokens[0] if tokens else ""


def _bare(token: str) -> str:
    return token.strip(".,;:!?\"'“”‘’()[]").lower()


# Words after which a month, season or year name is read as time, not as a name.
TEMPORAL_LEFT = frozenset(
    """in on of since until till by before after during from through throughout to between
    and or early late mid last next this that the each every around about into as
    starting beginning ending until circa c. ca. late- mid- early- than year""".split()
)
FUNCTION_WORDS = frozenset(
    """and or but by in on at to for from since until with as the a an this that through
    during over under than if when while because so of into onto upon after before is was
    were are be been has have had will would can could may might should must he she they
    it we i you there which who where though although basis beyond ahead too again yet
    already still either then here now soon also not only even""".split()
)
_NAME_WEEKDAY_LEFT = frozenset(
    "black cyber super bloody good ash palm holy maundy fat man girl blue easter shrove".split()
)
_NAME_WEEKDAY_RIGHT = frozenset(
    """times telegraph mirror express post herald mail independent tribune star observer
    school service league night""".split()
)
_COUNT_NOUNS = frozenset(
    """people persons soldiers troops residents workers employees jobs cases deaths victims
    votes voters members students children families homes houses households units vehicles
    cars km kilometers kilometres miles meters metres feet ft m cm mm kg tons tonnes pounds
    lbs dollars euros yen rupees barrels acres hectares shares points pages words calories
    mph kph hp rounds bullets rockets missiles drones refugees migrants prisoners patients
    officers staff stores schools sites companies firms flights passengers tourists
    visitors fans seats beds times hours men women candidates protesters civilians
    casualties fighters tanks planes aircraft ships animals species copies signatures
    metric square cubic""".split()
)
_BLOCK_YEAR_LEFT = frozenset(
    """no. no nos. number page pages p. pp. flight route room boeing airbus model resolution
    article section chapter highway interstate suite apt. unit bus line platform gate
    channel code pin iso windows version v. ver. tel. phone rs. inr usd eur gbp us$ a$ c$
    cve form vol. volume issue box""".split()
)
_YEAR_BEFORE = re.compile(r"(?<![\d.,/-])(?:1[6-9]|20)\d\d[-–]$")
_OLD_YEAR_LEFT = frozenset("in since by of from until till to circa c. ca. around year".split())
_SEASON_LEFT = frozenset(
    "in during since until till by through throughout over from before after".split()
)
_POSSESSIVES = frozenset("his her their its my your our whose one's".split())


def _capitalized_name_before(text: str, pos: int) -> bool:
    """Whether a capitalized word (not a sentence opener) sits right before ``pos``."""
    token = word_before(text, pos)
    if not token or not token[0].isupper() or token[-1] in ".,;:!?\"”)’'":
        return False
    if _bare(token) in TEMPORAL_LEFT:
        return False
    # the first word of a sentence is capitalized anyway: look at the character before
    # the blanks before the token (walking back, not copying the text before it)
    i = max(0, pos - len(token) - 1) - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i >= 0 and text[i] not in '.!?:\n"“”'


def check_month(text: str, m: re.Match[str]) -> bool:
    """A bare month: "in February", "last May"; not "Theresa May said" or "May Smith"."""
    if m.group("part"):
        return True
    start = m.start("month")
    left = _bare(word_before(text, start))
    temporal = left in TEMPORAL_LEFT
    if m.group("month") in ("May", "March"):
        return temporal
    if temporal:
        return True
    if _capitalized_name_before(text, start):
        return False
    after = word_after(text, m.end())
    return not (after[:1].isupper() and _bare(after) not in WEEKDAYS)


def check_weekday(text: str, m: re.Match[str]) -> bool:
    start = m.start("weekday")
    if _bare(word_before(text, start)) in _NAME_WEEKDAY_LEFT:
        return False
    after = word_after(text, m.end())
    return not (after[:1].isupper() and _bare(after) in _NAME_WEEKDAY_RIGHT)


def check_year(text: str, m: re.Match[str]) -> bool:
    """A bare year: not an amount ("2000 soldiers", "$2015"), a code or a model number."""
    start = m.start("year") if m.group("year") else m.start("year2")
    if start > 0:
        c = text[start - 1]
        if c in "$£€¥#+" or c.isdigit():
            return False
        # "2010-2015" is a range of years; "555-2015" and "1.2015" are not years
        if (
            c in ".,/:-–"
            and start > 1
            and text[start - 2].isdigit()
            and not (c in "-–" and _YEAR_BEFORE.search(text, max(0, start - 6), start))
        ):
            return False
    left_token = word_before(text, start)
    left = _bare(left_token)
    if left_token.lower() in _BLOCK_YEAR_LEFT or left in _BLOCK_YEAR_LEFT:
        return False
    after = word_after(text, m.end())
    if _bare(after) in _COUNT_NOUNS and after[:1].islower():
        return False
    year = m.group("year")
    if year and int(year) < 1600 and left not in _OLD_YEAR_LEFT:
        return False
    if m.group("part") or m.group("theyear"):
        return True
    return left in TEMPORAL_LEFT or not _capitalized_name_before(text, start)


def check_decade(text: str, m: re.Match[str]) -> bool:
    """ "the 1990s", "the '90s", "the sixties"; not "in his 90s" or "her sixties"."""
    if _bare(word_before(text, m.start())) in _POSSESSIVES:
        return False
    raw = m.group("decade")
    if raw[:1].isdigit() and len(raw.rstrip("s'’")) == 4:
        return True
    if raw[:1] in "'’":
        return True
    if m.group("the") or m.group("part"):
        return True
    # "the 1980s and 90s": a bare decade joined to one before it
    tokens = text[max(0, m.start() - 40) : m.start()].split()[-3:]
    if len(tokens) < 2 or _bare(tokens[-1]) not in ("and", "or", "to", "through", "into"):
        return False
    before = tokens[-2].rstrip(",")
    if not (before.endswith(("0s", "0's", "0’s")) or _bare(before) in DECADE_WORDS):
        return False
    # "the 1980s and 90s", not "in his 80s and 90s"
    return len(before.rstrip("s'’")) == 4 or (
        len(tokens) == 3 and _bare(tokens[0]) not in _POSSESSIVES
    )


def check_season(text: str, m: re.Match[str]) -> bool:
    """ "the summer", "in winter"; not "the fall of Rome", "Arab Spring", "hot springs"."""
    season = m.group("season")
    after = word_after(text, m.end())
    if _bare(after) == "of":
        return False
    if season.lower() == "fall" and _bare(after) in ("in", "from", "to", "since", "on", "by"):
        return False  # "the fall in prices": a drop
    if season[0].isupper() and _capitalized_name_before(text, m.start("season")):
        return False
    if after[:1].isupper() and season[0].isupper():
        return False  # "the Winter Olympics"
    if after[:1].islower() and _bare(after) not in FUNCTION_WORDS:
        return False  # "summer school", "winter storm": a season as an adjective
    if m.group("the") or m.group("part"):
        return True
    left = _bare(word_before(text, m.start()))
    return left in _SEASON_LEFT


def check_day_part(text: str, m: re.Match[str]) -> bool:
    """ "Friday morning"; not a title such as "Saturday Morning Breakfast Cereal"."""
    pod = m.group("pod")
    return not (pod[:1].isupper() and word_after(text, m.end())[:1].isupper())


def check_present(text: str, m: re.Match[str]) -> bool:
    """ "now", "at the moment", "the present"; not "the present storm"."""
    said = m.group().lower()
    if "moment" in said:
        return _bare(word_before(text, m.start())) in ("at", "for")
    if said.startswith("the present"):
        return check_before_function_word(text, m)
    return True


def check_quarter(text: str, m: re.Match[str]) -> bool:
    """ "the third quarter"; not "the first half of the game"."""
    return _bare(word_after(text, m.end())) != "of"


def check_clock24(text: str, m: re.Match[str]) -> bool:
    if m.group("tz"):
        return True
    left = _bare(word_before(text, m.start()))
    return left in ("at", "by", "until", "till", "from", "since", "around", "about", "before",
                    "after", "between", "to", "and", "approximately", "—", "-")  # fmt: skip


def check_duration(text: str, m: re.Match[str]) -> bool:
    """Not an age ("a 30-year-old", "two years old"), a fraction ("a quarter"), or the
    ordinal "a second"."""
    unit = m.group("unit").lower()
    if unit.startswith("quarter") and not m.group("row"):
        return False  # "three quarters of the vote"; "four straight quarters" is time
    num = (m.group("num") or "").lower()
    if unit == "second" and num in ("a", "an"):
        return False
    after = text[m.end() : m.end() + 10].lower()
    return not after.startswith(("-old", " old", " older", " younger", "-olds"))


_SPAN_LEFT = frozenset(
    """for over within after in lasting lasted spent took take takes taking waited wait
    throughout""".split()
)
_SPAN_RIGHT = frozenset("before after later earlier".split())


def check_bare_units(text: str, m: re.Match[str]) -> bool:
    """ "for years", "months before": plural units that stand for a stretch of time."""
    if _bare(word_before(text, m.start())) in _SPAN_LEFT:
        return True
    return _bare(word_after(text, m.end())) in _SPAN_RIGHT


def check_before_function_word(text: str, m: re.Match[str]) -> bool:
    """ "in the past," yes; "the past tense", "the future president" no."""
    if not m.group().lower().startswith("the"):
        return True
    after = word_after(text, m.end())
    if not after or not after[0].isalpha():
        return True
    return not after[0].islower() or _bare(after) in FUNCTION_WORDS


def check_soon(text: str, m: re.Match[str]) -> bool:
    left = _bare(word_before(text, m.start()))
    right = _bare(word_after(text, m.end()))
    return left != "as" and right not in ("after", "afterwards", "thereafter", "as", "enough")


_AMOUNT = re.compile(r"\d|%|percent|million|billion|trillion|thousand|hundred|dozen")


def _amountish(token: str) -> bool:
    t = _bare(token)
    return bool(_AMOUNT.search(t)) or t in NUMBERS


def check_per(text: str, m: re.Match[str]) -> bool:
    """ "per day" always; "a year" only after an amount ("$5 million a year")."""
    if m.group("per").lower() == "per":
        return True
    prev = word_before(text, m.start())
    if not prev or prev[-1] in ",;:.":
        return False
    if _amountish(prev):
        return True
    before = word_before(text, m.start() - len(prev) - 1)
    return prev.lower().endswith("s") and _amountish(before)


_ADJECTIVE_ADVERBS = frozenset(
    "daily weekly monthly yearly quarterly hourly nightly biweekly bimonthly".split()
)


def check_set_adverb(text: str, m: re.Match[str]) -> bool:
    """ "meets weekly." yes; "a weekly magazine" no (an adjective before its noun)."""
    if m.group("adverb")[0].isupper() and _capitalized_name_before(text, m.start()):
        return False
    if m.group("adverb").lower() not in _ADJECTIVE_ADVERBS:
        return True
    after = word_after(text, m.end())
    if not after or not after[0].isalpha():
        return True
    return _bare(after) in FUNCTION_WORDS


# after these, "last" is the verb ("to last two weeks", "will last a month")
_BEFORE_VERB = frozenset(
    """to will would could can may might must should shall not never did does do cannot
    won't wouldn't can't couldn't didn't doesn't don't""".split()
)


def check_last_verb(text: str, m: re.Match[str]) -> bool:
    """ "the last two weeks" and "over the last two weeks" are a stretch of time; in
    "expect the kits to last two weeks" and "it will last three days" "last" is a verb,
    and only "two weeks" is the timex."""
    if m.group("rel").lower() != "last" or m.group().lower().startswith("the"):
        return True
    return _bare(word_before(text, m.start())) not in _BEFORE_VERB


_VERB_AFTER_BEFORE = frozenset(
    "was were had has is saw brought proved marked ended began came went".split()
)


def check_day_before(text: str, m: re.Match[str]) -> bool:
    """ "the day before." and "the year before was calm" count from the last date; "the
    day before the vote" does not."""
    after = text[m.end() : m.end() + 2]
    return not after or after[0] in ".,;:!?)\n" or word_after(text, m.end()) in _VERB_AFTER_BEFORE


_QUARTER_LEFT = frozenset(
    """in for during of from over through throughout since into with at by to until till
    before after across""".split()
)
_QUARTER_NOUNS = frozenset(
    """century centuries mile miles final finals finalist finalists note notes point points
    pounder hour horse horses deck back backs master staff""".split()
)


def check_the_quarter(text: str, m: re.Match[str]) -> bool:
    """ "in the quarter", "for the quarter ended June 30"; not "the quarter of the vote",
    "the quarter-final", "the quarter century"."""
    if _bare(word_before(text, m.start())) not in _QUARTER_LEFT:
        return False
    after = word_after(text, m.end())
    return _bare(after) not in _QUARTER_NOUNS and _bare(after) != "of"


def check_adverbial(text: str, m: re.Match[str]) -> bool:
    """A word used as an adverb of time ("fell overnight.", "that night, he left"), not
    as an adjective before its noun ("overnight rates", "the night shift", "the morning
    of March 5")."""
    after = word_after(text, m.end())
    if not after or not after[0].isalpha():
        return True
    bare = _bare(after)
    return bare != "of" and (after[0].isupper() or bare in FUNCTION_WORDS)


_PART_OF_DAY_LEFT = frozenset(
    "in during by until till through throughout later earlier early late that".split()
)


def check_the_part_of_day(text: str, m: re.Match[str]) -> bool:
    """ "in the morning", "that night"; not "the night shift" or "stayed for the night"."""
    if m.group("rel").lower() == "the" and (
        _bare(word_before(text, m.start())) not in _PART_OF_DAY_LEFT
    ):
        return False
    if _bare(word_after(text, m.end())) in ("before", "after", "prior"):
        return False
    return check_adverbial(text, m)


_OTHER_NEW_YEARS = frozenset(
    """lunar chinese persian iranian jewish islamic hijri vietnamese tamil sikh thai
    orthodox nepali hindu sinhala sinhalese khmer tibetan korean""".split()
)


_YEAR_END_LEFT = frozenset(
    """by at before after until till since from to around toward towards through of near
    ahead""".split()
)


def check_year_end(text: str, m: re.Match[str]) -> bool:
    """ "by year-end", "at month-end"; not "the year-end bonus" (an adjective)."""
    if _bare(word_before(text, m.start())) not in _YEAR_END_LEFT:
        return False
    return check_adverbial(text, m)


# nouns a holiday's name modifies when it names a kind of thing, not a day
_HOLIDAY_NOUNS = frozenset(
    """tree trees card cards light lights market markets shopping shoppers carol carols
    present presents gift gifts pudding decorations ornaments dinner lunch party parties
    spirit sales sale bonus bonuses message address egg eggs bunny parade special episode
    film movie song songs album music cake""".split()
)


def check_holiday(text: str, m: re.Match[str]) -> bool:
    """ "at Christmas", "over Easter", "the New Year"; not the name of another thing
    ("Easter Island", "a Christmas tree") or another calendar's New Year ("Lunar New
    Year")."""
    after = word_after(text, m.end())
    if after[:1].isupper() and _bare(after) in ("island", "islands", "rising", "offensive"):
        return False
    if _bare(after) in _HOLIDAY_NOUNS:
        return False
    if not m.group("holiday").lower().startswith("new year"):
        return True
    return _bare(word_before(text, m.start())) not in _OTHER_NEW_YEARS


# -- rules ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Rule:
    """One named pattern of the grammar (see the module docstring)."""

    name: str
    type: str
    pattern: str
    normalize: Normalizer
    check: Check | None = None
    regex: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not re.fullmatch(r"[a-z][a-z0-9_]*", self.name):
            raise ValueError(f"rule name {self.name!r} must be snake_case")
        object.__setattr__(self, "regex", re.compile(expand(self.pattern)))

    def accept(self, text: str, m: re.Match[str]) -> bool:
        return self.check is None or self.check(text, m)


R = Rule
_PRESENT = nz.norm_ref("present")
_PAST = nz.norm_ref("past")
_FUTURE = nz.norm_ref("future")

#: The grammar, in priority order: at one start position the first rule that matches
#: (and passes its check) wins, so longer and more specific patterns come first.
RULES: tuple[Rule, ...] = (
    # -- timestamps and numeric dates --------------------------------------------------
    R("time_iso", "TIME",
      r"(?P<year>1\d\d\d|20\d\d)-(?P<mo>[01]\d)-(?P<dd>[0-3]\d)(?:T|[ ])(?P<hour>[01]\d|2[0-3])"
      r":(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?(?:Z|[+-]\d\d:?\d\d)?(?![\w:])",
      nz.norm_iso_time),
    R("date_iso", "DATE",
      r"(?<![\w/.-])(?P<year>1\d\d\d|20\d\d)-(?P<mo>0[1-9]|1[0-2])-(?P<dd>0[1-9]|[12]\d|3[01])"
      r"(?![\w-]|[.,]\d)",
      nz.norm_iso_date),
    R("date_slash", "DATE",
      r"(?<![\w/.-])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d\d)(?![\w/]|[.,]\d)",
      nz.norm_numeric_date),
    R("date_dotted", "DATE",
      r"(?<![\w/.-])(?P<a>\d{1,2})\.(?P<b>\d{1,2})\.(?P<y>\d{4})(?!\w|[.,]\d)",
      nz.norm_numeric_date),
    # -- clock times and parts of days ---------------------------------------------------
    R("time_clock_ampm", "TIME",
      r"(?:<APPROX>)?(?P<hour>1[0-2]|0?[1-9])(?:[:.](?P<minute>[0-5]\d))?_?<AMPM>"
      r"(?:_<TZ>|_(?i:local_time)(?![\w-]))?"
      r"(?:,?_(?:<WEEKDAY_FULL>|<DATEWORD>))?",
      nz.norm_clock),
    R("time_hhmm_zone", "TIME",
      r"(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)_(?P<tz>(?:GMT|UTC|ET|EST|EDT|CST|CDT|MST|"
      r"MDT|PST|PDT|BST|CET|CEST|EET|EEST|MSK|IST|JST|KST|HKT|SGT|AEST|AEDT)(?![\w])|"
      r"(?i:local_time)(?![\w-]))",
      nz.norm_clock),
    R("time_clock_24h", "TIME",
      r"(?P<hour>[01]?\d|2[0-3])(?::|h)(?P<minute>[0-5]\d)(?![\w:]|[.,]\d)(?:_?<TZ>)?",
      nz.norm_clock, check_clock24),
    R("time_oclock", "TIME",
      r"(?:<APPROX>)?(?P<hour>1[0-2]|0?[1-9]|(?i:one|two|three|four|five|six|seven|eight|nine"
      r"|ten|eleven|twelve))_o['’]clock",
      nz.norm_oclock),
    R("time_day_part", "TIME",
      r"(?:<PART>_)?(?:<WEEKDAY_FULL>|<DATEWORD>)_<POD>",
      nz.norm_part_of_day, check_day_part),
    R("time_noon", "TIME",
      r"(?P<pod>(?i:noon|midday|midnight))(?![\w-])(?:_(?:<WEEKDAY_FULL>|<DATEWORD>))?",
      nz.norm_part_of_day),
    R("time_relative_part", "TIME",
      r"(?:(?P<part>(?i:early|late|earlier|later))_)?(?P<rel>(?i:this|last|tomorrow|yesterday))"
      r"_(?P<pod>(?i:morning|afternoon|evening|night))(?![\w-])",
      nz.norm_part_of_day),
    R("time_tonight", "TIME", r"(?P<rel>(?i:tonight))(?![\w-])", nz.norm_part_of_day),
    R("time_overnight", "TIME", r"(?i:overnight)(?![\w-])", nz.norm_overnight, check_adverbial),
    R("time_the_part_of_day", "TIME",
      r"(?P<rel>(?i:the|that))_(?P<pod>(?i:morning|afternoon|evening|night))(?![\w'’-])",
      nz.norm_part_of_day, check_the_part_of_day),
    R("date_early_hours", "DATE",
      r"(?:(?i:the)_)?(?P<hours>(?i:early|small|wee)_hours)_of_(?:<WEEKDAY_FULL>|<DATEWORD>)",
      nz.norm_part_of_named_day),
    R("date_part_named_day", "DATE",
      r"(?P<part>(?i:early|late|earlier|later))_(?:<WEEKDAY_FULL>|<DATEWORD>)(?!,?_(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))",
      nz.norm_part_of_named_day),
    # -- calendar dates -------------------------------------------------------------------
    R("date_month_day", "DATE",
      r"(?:<WEEKDAY>,?_)?<MONTH>_<DAY>(?:,?_<YEAR>)?",
      nz.norm_month_day),
    R("date_day_month", "DATE",
      r"(?:<WEEKDAY>,?_)?(?:(?i:the)_)?<DAY>(?:_of)?_<MONTH>(?:,?_<YEAR>)?",
      nz.norm_month_day),
    R("date_dayword_month", "DATE",
      r"(?:(?i:the)_)?<DAYWORD>_of_<MONTH>(?:,?_<YEAR>)?",
      nz.norm_month_day),
    R("date_week_of_month", "DATE",
      r"(?:(?i:the)_)?(?P<ord>(?i:first|second|third|fourth|last|final))_"
      r"(?P<unit>(?i:week|weekend))_of_<MONTH_FULL>(?:,?_<YEAR>)?",
      nz.norm_week_of_month),
    R("date_month_year", "DATE",
      r"(?:<PART>(?:_|-))?<MONTH>(?:,|_of)?_(?:<YEAR>|<YEAR2>)",
      nz.norm_month_year),
    R("date_month_relative_year", "DATE",
      r"(?:<PART>(?:_|-))?<MONTH_FULL>_(?:of_)?(?P<yrel>(?i:last|this|next))_(?i:year)(?![\w-])",
      nz.norm_month_rel_year),
    R("date_relative_month", "DATE",
      r"(?:<PART>(?:_|-))?(?P<rel>(?i:this_past|this_coming|last|next|this))_<MONTH_FULL>",
      nz.norm_month),
    R("date_holiday", "DATE", r"<HOLIDAY>(?:_(?:<YEAR>|<YEAR2>))?", nz.norm_holiday,
      check_holiday),
    R("date_year_earlier", "DATE",
      r"(?i:the|that)_(?i:year-earlier|year-ago|year-before|prior-year|year-previous)_"
      r"(?:<ORD_Q>(?:_|-))?(?:(?i:fiscal)_)?(?P<unit>(?i:quarter|half|period|month|week|year))"
      r"(?![\w-])",
      nz.norm_year_earlier),
    R("date_quarter", "DATE",
      r"(?:(?i:the)_)?(?:(?i:fiscal)_)?<ORD_Q>(?:_|-)(?:(?i:fiscal)_)?(?:(?P<quarterword>(?i:quarter))|"
      r"(?P<halfword>(?i:half)))(?![\w-])(?:_of_(?:(?i:the_year)|(?P<yrel>(?i:this|last|next))"
      r"_(?i:year))|(?:_of|,)?_<YEAR>)?",
      nz.norm_quarter, check_quarter),
    R("date_year_quarter", "DATE",
      r"(?:(?i:the)_)?<YEAR>(?:['’]s)?_<ORD_Q>(?:_|-)(?:(?P<quarterword>(?i:quarter))|"
      r"(?P<halfword>(?i:half)))(?![\w-])",
      nz.norm_quarter),
    R("date_quarter_code", "DATE",
      r"(?P<q>Q[1-4]|H[12])(?![\w])(?:_(?:<YEAR>|<YEAR2>))?",
      nz.norm_quarter),
    R("date_the_quarter", "DATE", r"(?i:the)_(?P<unit>quarter)(?![\w-])", nz.norm_the_quarter,
      check_the_quarter),
    R("date_fiscal_year", "DATE",
      r"(?i:fiscal)_(?:(?i:year)_)?(?:<YEAR>|<YEAR2>)",
      nz.norm_fiscal_year),
    R("date_fy", "DATE", r"FY_?(?:(?P<year>\d{4})|(?P<year2>\d\d))(?![\w])", nz.norm_fiscal_year),
    R("date_decade", "DATE",
      r"(?:(?P<the>(?i:the))_)?(?:<PART>(?:_|-)?)?(?P<decade>(?:1\d|20)\d0['’]?s|['’]\d0s|"
      r"\d0['’]?s|<DECADE_WORD>)(?![\w])",
      nz.norm_decade, check_decade),
    R("date_century", "DATE",
      r"(?:(?i:the)_)?(?:<PART>(?:_|-))?(?P<cent>\d{1,2}(?:st|nd|rd|th)|<ORDINAL>)(?:_|-)"
      r"(?i:century)(?![\w])",
      nz.norm_century),
    R("date_season_year", "DATE",
      r"(?:<PART>(?:_|-))?(?:(?i:the)_)?<SEASON>(?:_of)?_(?:<YEAR>|<YEAR2>)",
      nz.norm_season),
    R("date_relative_season", "DATE",
      r"(?:<PART>(?:_|-))?(?P<rel>(?i:this_past|this_coming|this|last|next))_<SEASON>",
      nz.norm_season),
    # -- relative expressions ----------------------------------------------------------------
    R("date_ago", "DATE",
      r"(?:<APPROX>)?(?:<NUM>|<VAGUE>)(?P<half>_and_a_half)?(?:_|-)<UNIT>"
      r"(?P<half2>_and_a_half)?_(?P<dir>(?i:ago|back|from_now|hence))(?![\w])",
      nz.norm_ago),
    R("date_units_ago", "DATE", r"<UNIT_PL>_(?i:ago)(?![\w])", _PAST),
    R("date_units_later", "DATE", r"<UNIT_PL>_(?i:later)(?![\w-])", _FUTURE),
    R("date_units_earlier", "DATE", r"<UNIT_PL>_(?i:earlier)(?![\w-])", _PAST),
    R("date_later", "DATE",
      r"(?:<APPROX>)?(?:<NUM>|<VAGUE>)(?P<half>_and_a_half)?(?:_|-)<UNIT>"
      r"(?P<half2>_and_a_half)?_(?P<dir>(?i:later|earlier|afterwards?|after_that|before_that))"
      r"(?![\w])",
      nz.norm_later),
    R("date_units_before_after", "DATE",
      r"(?:<APPROX>)?<NUM>(?:_|-)<UNIT>_(?P<dir>(?i:before|after|prior))(?![\w-])",
      nz.norm_later, check_day_before),
    R("duration_relative_count", "DURATION",
      r"(?:<APPROX>)?(?:(?i:the)_)?(?P<rel>(?i:past|last|previous|next|coming|following|first|"
      r"final|latest|recent|preceding|initial|remaining))_(?:<NUM>|(?P<vague>(?i:several|few|"
      r"couple_of|many)))(?P<half>_and_a_half)?(?:_|-)<UNIT>(?![\w-])",
      nz.norm_duration, check_last_verb),
    R("duration_relative_units", "DURATION",
      r"(?:(?i:the)_)?(?P<rel>(?i:recent|coming|past|last|next|previous|following|ensuing|"
      r"intervening))_<UNIT_PL>",
      nz.norm_vague_duration),
    R("date_relative_unit", "DATE",
      r"(?:(?P<part>(?i:the_beginning_of|the_start_of|the_end_of|the_middle_of|early|earlier|"
      r"late|later|mid))(?:_|-))?(?P<rel>(?i:this_past|this_coming|the_past|the_last|"
      r"the_previous|the_preceding|the_prior|the_following|the_next|the_coming|the_current|"
      r"the_present|the_latest|the_most_recent|the_same|this|last|next|that))_"
      r"(?P<fiscal>(?i:fiscal)_)?<UNIT_CAL>",
      nz.norm_relative_unit),
    R("date_part_of_the_unit", "DATE",
      r"<PART>_(?P<rel>(?i:the))_(?P<unit>(?i:year|month|week|decade|century))(?![\w-])",
      nz.norm_relative_unit),
    R("date_year_end", "DATE", r"(?P<unit>(?i:year|month))-end(?![\w-])", nz.norm_year_end,
      check_year_end),
    R("date_in_the_unit", "DATE",
      r"(?P<part>(?i:earlier|later|early|late))_in_the_"
      r"(?P<unit>(?i:day|week|month|year|decade|century))(?![\w-])",
      nz.norm_in_the_unit),
    R("date_the_weekend", "DATE", r"(?i:the|that)_(?i:weekend)(?![\w-])", nz.norm_the_weekend),
    R("date_day_before_after", "DATE",
      r"(?i:the_day_(?P<dir>before|after))(?![\w-])",
      nz.norm_day_before_after, check_day_before),
    R("date_unit_before_after", "DATE",
      r"(?i:the_(?P<unit>week|weekend|month|year|decade)_(?P<dir>before|after|prior))(?![\w-])",
      nz.norm_day_before_after, check_day_before),
    R("date_relative_weekday", "DATE",
      r"(?P<rel>(?i:this_past|this_coming|last|next|this|the_following|the_next|the_previous|"
      r"that|the_same))_<WEEKDAY_FULL>",
      nz.norm_weekday),
    R("date_word", "DATE", r"<DATEWORD>", nz.norm_date_word),
    R("date_present", "DATE",
      r"(?i:right_now|just_now|now|currently|presently|nowadays|these_days|at_present|"
      r"the_present_day|the_present_time|the_present|the_moment)(?![\w-])",
      _PRESENT, check_present),
    R("date_past", "DATE",
      r"(?i:recently|lately|the_recent_past|the_distant_past|the_past)(?![\w-])",
      _PAST, check_before_function_word),
    R("date_future", "DATE",
      r"(?i:the_near_future|the_foreseeable_future|the_distant_future|the_future)(?![\w-])",
      _FUTURE, check_before_function_word),
    R("date_soon", "DATE", r"(?i:soon)(?![\w-])", _FUTURE, check_soon),
    # -- sets --------------------------------------------------------------------------------
    R("set_every", "SET",
      r"(?i:every|each)_(?:(?P<other>(?i:other))_)?(?:(?:<NUM>|<VAGUE>)_)?(?:<UNIT>|<WEEKDAY_FULL>|"
      r"<MONTH_FULL>|<SEASON>|<POD>)",
      nz.norm_set),
    R("set_times_per", "SET",
      r"(?:(?i:once|twice|thrice)|(?:\d+|(?i:three|four|five|six|seven|eight|nine|ten|several|"
      r"many))_(?i:times))_(?i:a|an|per|each|every)_<UNIT_SG>",
      nz.norm_set_per),
    R("set_per", "SET", r"(?P<per>(?i:per|a|an))_<UNIT_SG>", nz.norm_set_per, check_per),
    R("set_adverb", "SET", r"<SET_ADVERB>", nz.norm_set_adverb, check_set_adverb),
    R("set_weekdays", "SET",
      rf"(?P<weekday>{_WEEKDAY_FULL}s)(?:_(?P<pod>(?i:mornings|afternoons|evenings|nights)))?"
      r"(?![\w'’])",
      nz.norm_set),
    R("set_weekday_parts", "SET",
      r"<WEEKDAY_FULL>_(?P<pod>(?i:mornings|afternoons|evenings|nights))(?![\w'’])",
      nz.norm_set),
    # -- durations ---------------------------------------------------------------------------
    R("duration_half_unit", "DURATION",
      r"(?:<APPROX>)?(?i:half_an?_|a_half(?:_|-))(?P<unit>(?i:hour|day|year|decade|century))"
      r"(?![\w-])",
      nz.norm_half_unit),
    R("duration_range", "DURATION",
      r"(?:<APPROX>)?(?P<low>\d{1,3})[-–](?P<num>\d{1,3})_<UNIT>(?![\w-])",
      nz.norm_duration, check_duration),
    R("duration_count", "DURATION",
      r"(?:<APPROX>)?(?:(?i:the)_)?(?:<NUM>|<VAGUE>)(?P<half>_and_a_half)?"
      r"(?:_(?P<row>(?i:straight|consecutive|successive)))?(?:_|-)<UNIT>"
      r"(?P<half2>_and_a_half)?(?![-‐](?i:old|long))(?:_(?i:period|term)(?![\w-]))?",
      nz.norm_duration, check_duration),
    R("duration_long", "DURATION", r"<UNIT>-(?i:long)(?![\w-])", nz.norm_long),
    R("duration_units", "DURATION", r"<UNIT_PL>", nz.norm_vague_duration, check_bare_units),
    # -- bare years, months, seasons and weekdays: last, as everything above is longer --------
    R("date_year", "DATE",
      r"(?:(?:<PART>(?:_|-))|(?P<theyear>(?i:the_year)_))?(?:<YEAR>|<YEAR2>)",
      nz.norm_year, check_year),
    R("date_month", "DATE", r"(?:<PART>(?:_|-))?<MONTH_FULL>", nz.norm_month, check_month),
    R("date_season", "DATE",
      r"(?:<PART>(?:_|-))?(?:(?P<the>(?i:the))_)?<SEASON>",
      nz.norm_season, check_season),
    R("date_weekday", "DATE", r"<WEEKDAY_FULL>", nz.norm_weekday, check_weekday),
)  # fmt: skip

#: Words (and digit shapes) one of which every temporal expression contains.
TRIGGER_WORDS: tuple[str, ...] = (
    *_title(MONTHS),
    *_title(WEEKDAYS),
    *(f"{d}s" for d in _title(WEEKDAYS)),
    *(w.split(" ")[0] for w in _title(HOLIDAYS)),
)
_TRIGGER_LOWER: tuple[str, ...] = (
    *UNITS,
    *SET_ADVERBS,
    *DECADE_WORDS,
    "today", "tonight", "tomorrow", "yesterday", "now", "currently", "recently", "lately",
    "nowadays", "presently", "soon", "future", "past", "present", "moment",
    "morning", "afternoon", "evening", "noon", "midday", "midnight", "overnight",
    "mornings", "afternoons", "evenings", "nights",
    "spring", "summer", "autumn", "fall", "winter", "fiscal", "half", "o'clock", "o’clock",
)  # fmt: skip
_TRIGGER_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct",
                          "Nov", "Dec")  # fmt: skip
_TRIGGER_CODES = ("Q[1-4]", "H[12]", "FY")
#: The digit shapes: years, day numbers before a time or date sign, decades, 'YY.
_TRIGGER_DIGITS = (
    r"\d{4}"
    r"|\d{1,2}(?=[:/.]\d|-\d\d-|\s?[aApP]\.?[mM]\b|h\d\d|(?:st|nd|rd|th)\b)"
    r"|(?:\d\d)?\d0['’]?s|['’]\d0s"
    r"|['’]\d\d"
)
_TRIGGER_BEFORE = r"(?<![\w'’])"  # a trigger starts a word
_TRIGGER_AFTER = r"(?![\w])"  # and ends one
TRIGGER_PATTERN = (
    _TRIGGER_BEFORE
    + "(?:"
    + alternation(TRIGGER_WORDS)
    + "|(?:"
    + "|".join(_TRIGGER_ABBREVIATIONS)
    + r")\.?|"
    + alternation(_TRIGGER_LOWER, capitalized=True)
    + "|"
    + "|".join(_TRIGGER_CODES)
    + "|"
    + _TRIGGER_DIGITS
    + ")"
    + _TRIGGER_AFTER
)


def _word_trigger_groups() -> dict[str, list[str]]:
    """The words of :data:`TRIGGER_PATTERN` (not its digit shapes) as alternatives
    grouped by first letter, in the order TRIGGER_PATTERN tries them."""
    groups: dict[str, list[str]] = {}

    def add(alternatives: Iterable[tuple[str, str]]) -> None:
        for first, alternative in alternatives:
            groups.setdefault(first, []).append(alternative)

    def tries(words: Iterable[str]) -> list[tuple[str, str]]:
        # the branch of the word list's trie for each first letter: the same words in the
        # same order as in alternation(words)
        by_first: dict[str, list[str]] = {}
        for word in words:
            by_first.setdefault(word[0], []).append(word)
        return [(first, alternation(ws)) for first, ws in by_first.items()]

    lower_forms = {*_TRIGGER_LOWER, *(w[:1].upper() + w[1:] for w in _TRIGGER_LOWER)}
    add(tries(TRIGGER_WORDS))
    by_first: dict[str, list[str]] = {}
    for abbreviation in _TRIGGER_ABBREVIATIONS:
        by_first.setdefault(abbreviation[0], []).append(abbreviation)
    add((first, "(?:" + "|".join(abbrs) + r")\.?") for first, abbrs in by_first.items())
    add(tries(lower_forms))
    add((code[0], code) for code in _TRIGGER_CODES)
    # what Grammar.trigger_starts relies on
    for first in groups:
        if not first.isalpha():
            raise ValueError(f"a trigger word begins with {first!r}, not a letter")
    for word in (*TRIGGER_WORDS, *lower_forms, *_TRIGGER_ABBREVIATIONS):
        if not all(ch.isalpha() or ch in ".'’" for ch in word):
            raise ValueError(f"trigger word {word!r} has more than letters, '.', quotes")
    return groups


def _look_at(chars: Iterable[str], more: str = "") -> str:
    """A look ahead at one character: one of ``chars``, or of the class items ``more``."""
    return "(?=[" + "".join(re.escape(c) for c in sorted(set(chars))) + more + "])"


def _word_trigger_pattern(groups: dict[str, list[str]]) -> str:
    """The words of :data:`TRIGGER_PATTERN`, by case, then by first letter.

    It finds the same words: at any position only the words that begin with the letter
    there can match, and they are still tried in the same order. But the engine now
    rejects a word that begins no trigger after one look at each group's letter, instead
    of going through each word list in turn (much of the cost, at every word); and
    behind a look at the case of that letter, only at the groups of its case."""
    cases = []
    for upper in (True, False):
        firsts = sorted(f for f in groups if f.isupper() == upper)
        by_letter = ("(?:" + "|".join(groups[f]) + ")" for f in firsts)
        cases.append(_look_at(firsts) + "(?:" + "|".join(by_letter) + ")")
    return "(?:" + "|".join(cases) + ")"


_TRIGGER_GROUPS = _word_trigger_groups()
_WORD_TRIGGERS = _word_trigger_pattern(_TRIGGER_GROUPS)
#: What TRIGGER_PATTERN matches between its looks before and after, reordered (the words
#: by case and first letter, then the digit shapes behind a look at their first
#: character) to fail sooner at the many words that are no trigger: one whose first
#: character begins none ("in", "is"; a space after a comma) fails at the first look.
#: It matches the same.
TRIGGER_BODY = (
    _look_at(_TRIGGER_GROUPS, r"\d'’")
    + "(?:"
    + _WORD_TRIGGERS
    + r"|(?=[\d'’])(?:"
    + _TRIGGER_DIGITS
    + "))"
)
# A character other than a space that a trigger may follow: what the class leaves out
# is the space, "'", and ASCII letters, digits and "_"; the look behind of
# TRIGGER_PATTERN after it also rules out "’" and other scripts' letters and digits.
_OTHER_THAN_SPACE = r"[^\x20\x27\x30-\x39\x41-\x5a\x5f\x61-\x7a]"


# -- extra patterns from the options --------------------------------------------------------
@dataclass(frozen=True)
class ExtraPattern:
    """A newsroom's own format: a regex with named groups ``year``, ``month`` (a number or
    a month name), ``day``, ``hour``, ``minute``, ``second``; or a fixed ``value``."""

    name: str
    pattern: str
    type: str = "DATE"
    value: str | None = None


def nested_quantifier(pattern: str) -> bool:
    """Whether ``pattern`` repeats something that itself repeats (e.g. ``(a+)+``), the
    shape that can make a regex backtrack without end."""
    try:
        import re._parser as sre_parse  # type: ignore[import-not-found]
    except ImportError:  # pragma: no cover - older Pythons
        import sre_parse  # type: ignore[no-redef]

    repeats = {sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT}
    if hasattr(sre_parse, "POSSESSIVE_REPEAT"):
        repeats.add(sre_parse.POSSESSIVE_REPEAT)

    def walk(items: Any, inside: bool) -> bool:
        for op, av in items:
            if op in repeats:
                lo, hi, sub = av
                repeating = hi is sre_parse.MAXREPEAT or hi > 1
                # a fixed count ("\d{3}") inside a repeat cannot be split two ways
                varying = hi is sre_parse.MAXREPEAT or hi > lo
                found = (inside and varying) or walk(sub, inside or repeating)
            elif op is sre_parse.SUBPATTERN:
                found = walk(av[-1], inside)
            elif op is sre_parse.BRANCH:
                found = any(walk(branch, inside) for branch in av[1])
            elif op in (sre_parse.ASSERT, sre_parse.ASSERT_NOT):
                found = walk(av[1], inside)
            elif op is getattr(sre_parse, "ATOMIC_GROUP", None):
                found = walk(av, inside)
            else:
                found = False
            if found:
                return True
        return False

    return walk(sre_parse.parse(pattern), False)


# -- the grammar ---------------------------------------------------------------------------
_NAMED_GROUP = re.compile(r"\(\?P<[A-Za-z_]\w*>")

#: Words that can come before an expression's trigger inside the expression ("the past
#: two" in "the past two years", "more than a" in "more than a decade"). Scanning left
#: from a trigger stops at the first other word, so only these are tried as starts.
LEAD_WORDS: frozenset[str] = frozenset(
    (
        *(w.split(" ")[0] for w in NUMBERS),
        *ORDINALS,
        *MONTHS,
        *MONTH_ABBREVIATIONS,
        *(f"{m}." for m in MONTH_ABBREVIATIONS),
        *WEEKDAYS,
        *(f"{d}," for d in WEEKDAYS),
        *"""the a an this that last next past previous following coming recent first final
        latest preceding prior initial remaining ensuing intervening current present same
        most each every other per once twice thrice half several few many some couple
        numerous countless dozens hundreds handful number about around approximately
        roughly nearly almost close less fewer just up at no more upwards early earlier
        late later mid middle right fiscal new good st. valentine's valentine’s of to than
        least and end beginning start dawn estimated over under times these near
        foreseeable distant fiscal small wee straight consecutive successive""".split(),
    )
)
#: Words inside an expression that no expression starts with ("earlier in the day"): the
#: scan left goes on past them without trying a match there.
INNER_WORDS: frozenset[str] = frozenset({"in"})
_LEFT_WORDS = 5
_LEFT_CHARS = 48
_RIGHT_CHARS = 120


@dataclass
class Found:
    """A match of one rule (or extra pattern) in the text."""

    start: int
    end: int
    rule: Rule | ExtraPattern
    match: re.Match[str]


class Grammar:
    """The compiled grammar: the trigger pass and the anchored combined pattern."""

    def __init__(self, rules: Sequence[Rule] = RULES, extra: Sequence[ExtraPattern] = ()):
        self.rules = tuple(rules)
        self.extra = tuple(extra)
        self._extra_regex = [re.compile(p.pattern) for p in self.extra]
        self._index = {rule.name: i for i, rule in enumerate(self.rules)}
        leading = [leading_chars(rule.regex) for rule in self.rules]
        alternatives = [_alternative(rule, c) for rule, c in zip(self.rules, leading, strict=True)]
        self._combined = re.compile("|".join(alternatives))
        # the characters each rule can open with (None: not known)
        self._opening = [classes[0] if classes else None for classes in leading]
        # a start on a digit (a year, most often), or on the lead words "a", "an", "and",
        # "of", "over", tries only the rules that can open with that character: the same
        # first match, without going through the rest
        self._combined_by_first: dict[str, re.Pattern[str]] = {}
        for opening in (_DIGITS, frozenset("a"), frozenset("o")):
            regex = re.compile(
                "|".join(
                    alt
                    for alt, classes in zip(alternatives, leading, strict=True)
                    if not classes or classes[0] & opening
                )
            )
            for ch in opening:
                self._combined_by_first[ch] = regex
        self._trigger = re.compile(TRIGGER_PATTERN)
        # TRIGGER_PATTERN at the start of the text, after a space, and after any other
        # character a trigger may follow (see trigger_starts)
        self._trigger_at_start = re.compile(_TRIGGER_BEFORE + TRIGGER_BODY + _TRIGGER_AFTER)
        # (each match takes only the character before: the trigger is looked at ahead,
        # so the scan goes on right after that character, as "Jan.'90s" has two)
        self._trigger_after_space = re.compile(f" (?=({TRIGGER_BODY}){_TRIGGER_AFTER})")
        self._trigger_after_other = re.compile(
            f"{_OTHER_THAN_SPACE}{_TRIGGER_BEFORE}(?=({TRIGGER_BODY}){_TRIGGER_AFTER})"
        )

    def match_at(self, text: str, pos: int, endpos: int) -> tuple[Rule, re.Match[str]] | None:
        """The first rule (in table order) that matches at ``pos`` and passes its check."""
        m = self._combined_by_first.get(text[pos : pos + 1], self._combined).match(
            text, pos, endpos
        )
        if m is None:
            return None
        # the combined pattern has no inner groups (their names repeat across rules), so
        # the winning rule matches again for its groups; if its check vetoes the match,
        # the later rules are tried in turn
        first = self.rules[self._index[m.lastgroup or ""]]
        rm = first.regex.match(text, pos, endpos)
        if rm is not None and rm.end() > pos and first.accept(text, rm):
            return first, rm
        # (only the rules that can open with the character at pos are worth a try)
        ch = text[pos]
        for i in range(self._index[first.name] + 1, len(self.rules)):
            opening = self._opening[i]
            if opening is not None and ch < "\x80" and ch not in opening:
                continue
            rule = self.rules[i]
            rm = rule.regex.match(text, pos, endpos)
            if rm is not None and rm.end() > pos and rule.accept(text, rm):
                return rule, rm
        return None

    def trigger_starts(self, text: str) -> list[int]:
        """Where the matches of :data:`TRIGGER_PATTERN` (scanning on after each) start.

        No trigger starts inside another (a word is letters with at most an inner or
        final ".", "'" or "’"; a digit shape is digits, quotes and a final "s"; a trigger
        never starts right after a letter, digit or quote), so every place where the
        pattern matches is a start.

        The pattern opens with a look behind, so the engine tries it at every position
        of the text, and that is most of the cost of a scan. Scans that open with the
        character before the trigger let the engine skip to those characters quickly:
        one after a space (most triggers), one after any other character a trigger may
        follow; and the very start of the text is tried on its own.
        """
        starts = [m.start(1) for m in self._trigger_after_space.finditer(text)]
        starts += [m.start(1) for m in self._trigger_after_other.finditer(text)]
        if self._trigger_at_start.match(text):
            starts.append(0)
        starts.sort()
        return starts

    def find(self, text: str) -> list[Found]:
        """Every temporal expression in ``text``, in order, none overlapping."""
        found: list[Found] = []
        taken: list[tuple[int, int]] = []
        for pattern, regex in zip(self.extra, self._extra_regex, strict=True):
            for m in regex.finditer(text):
                if m.end() > m.start():
                    found.append(Found(m.start(), m.end(), pattern, m))
                    taken.append((m.start(), m.end()))
        consumed = 0
        n = len(text)
        match_at = self.match_at
        for ts in self.trigger_starts(text):
            if ts < consumed:
                continue
            starts = _lead_starts(text, max(consumed, ts - _LEFT_CHARS), ts)
            endpos = min(n, ts + _RIGHT_CHARS)
            for start in starts:
                hit = match_at(text, start, endpos)
                if hit is not None and hit[1].end() > ts:
                    rule, m = hit
                    # (taken is empty without extra patterns: skip the generator)
                    if not taken or not any(a < m.end() and m.start() < b for a, b in taken):
                        found.append(Found(m.start(), m.end(), rule, m))
                    consumed = m.end()
                    break
        found.sort(key=lambda f: f.start)
        return found


_DIGITS = frozenset("0123456789")


def _alternative(rule: Rule, classes: list[frozenset[str]] | None = None) -> str:
    """``rule`` as an alternative of the combined pattern, in a group named after it (its
    own named groups become plain groups, as their names repeat across rules).

    The combined pattern tries its alternatives one after another, and a rule that opens
    with optional words ("(about) (the) two years") takes a while to fail. So each opens
    with a look at the first few characters, which fails at once where the rule cannot
    begin: the first rule to match is the same, found sooner."""
    body = _NAMED_GROUP.sub("(?:", rule.regex.pattern)
    if classes is None:
        classes = leading_chars(rule.regex)
    if classes:
        # characters beyond ASCII are not sorted out: any of them may stand anywhere
        body = "(?=" + "".join(_char_class(c) for c in classes) + ")" + body
    return f"(?P<{rule.name}>{body})"


def _char_class(chars: frozenset[str]) -> str:
    """A class of ``chars`` and every character beyond ASCII, written as the ASCII
    characters it leaves out (a class of all of Unicode is slow to compile)."""
    left_out = _ASCII_SET - chars
    if not left_out:
        return "(?s:.)"
    codes = sorted(map(ord, left_out))
    runs: list[list[int]] = []
    for code in codes:
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return "[^" + "".join(f"\\x{lo:02x}-\\x{hi:02x}" for lo, hi in runs) + "]"


_ASCII = tuple(chr(i) for i in range(128))
_ASCII_SET = frozenset(_ASCII)
_CHARS: dict[tuple[Any, str, int], frozenset[str]] = {}  # leading_chars' one-character items
_LEADING = 6  # how many leading characters leading_chars looks at


def leading_chars(regex: re.Pattern[str], width: int = _LEADING) -> list[frozenset[str]]:
    """What the first characters of any match of ``regex`` can be: item ``i`` holds the
    ASCII characters the ``i``-th character can be, for as many characters as every match
    has (up to ``width``). Empty when not known (the pattern can match empty text, or uses
    a construct not looked into).

    Only ever too wide, never too narrow: a character left out cannot stand there in a
    match. (Characters beyond ASCII are not sorted out at all.)
    """
    try:
        import re._compiler as sre_compile  # type: ignore[import-not-found]
        import re._parser as sre_parse  # type: ignore[import-not-found]
    except ImportError:  # pragma: no cover - older Pythons
        return []
    c = sre_parse
    one_char = {c.LITERAL, c.NOT_LITERAL, c.IN, c.ANY, c.CATEGORY}
    repeats = {c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)}
    zero_width = {c.AT, c.ASSERT, c.ASSERT_NOT}
    seen: list[set[str]] = [set() for _ in range(width)]

    class Unknown(Exception):
        pass

    def chars(op: Any, av: Any, flags: int) -> frozenset[str]:
        # the engine itself says which characters this one-character item accepts, with
        # the flags (case-insensitivity) in force where it stands
        if op is c.LITERAL and not flags & re.IGNORECASE:
            return frozenset(chr(av)) & _ASCII_SET
        key = (op, repr(av), flags)
        found = _CHARS.get(key)
        if found is None:
            state = sre_parse.State()
            state.flags = flags
            item = sre_compile.compile(sre_parse.SubPattern(state, [(op, av)]), flags)
            found = _CHARS[key] = frozenset(ch for ch in _ASCII if item.match(ch))
        return found

    def walk(items: Any, offsets: frozenset[int], flags: int) -> frozenset[int]:
        """Where matches of ``items`` can end, starting at ``offsets`` (capped at
        ``width``), noting in ``seen`` the characters they can have on the way."""
        for op, av in items:
            if op in one_char:
                here = chars(op, av, flags)
                for o in offsets:
                    if o < width:
                        seen[o] |= here
                offsets = frozenset(min(o + 1, width) for o in offsets)
            elif op is c.SUBPATTERN:
                _group, add, drop, sub = av
                offsets = walk(sub, offsets, (flags | add) & ~drop)
            elif op is c.BRANCH:
                offsets = frozenset().union(*(walk(b, offsets, flags) for b in av[1]))
            elif op in repeats:
                lo, hi, sub = av
                if sre_parse.SubPattern(sre_parse.State(), sub).getwidth()[0] == 0:
                    lo = 0  # repeats of what can be empty: take it as optional
                for _ in range(min(lo, width + 1)):  # past width, all ends are capped
                    offsets = walk(sub, offsets, flags)
                ends, frontier = set(offsets), offsets
                extra = width + 1 if hi is sre_parse.MAXREPEAT else min(hi - lo, width + 1)
                for _ in range(extra):
                    frontier = walk(sub, frontier, flags)
                    if frontier <= ends:
                        break  # every further repeat starts where one already did
                    ends |= frontier
                offsets = frozenset(ends)
            elif op in zero_width:
                pass  # looks, consumes nothing
            else:
                raise Unknown
        return offsets

    try:
        ends = walk(sre_parse.parse(regex.pattern, regex.flags), frozenset([0]), regex.flags)
    except Exception:  # any surprise only costs speed: no look ahead
        return []
    return [frozenset(chars) for chars in seen[: min(ends)]]


def _lead_starts(text: str, lo: int, ts: int) -> list[int]:
    """Where an expression holding the trigger at ``ts`` may start, leftmost first: the
    trigger, the start of its own token ("mid-2015"), and each run of lead words before
    it ("the past two")."""
    window = text[lo:ts]
    tokens = window.split()
    starts = [ts]
    end = len(window)
    if tokens and window[-1:].strip():
        head = tokens.pop()  # the part of the trigger's token before it
        end -= len(head)
        if head[:1].isalnum() or head[:1] in "'’":
            starts.append(lo + end)
    for token in reversed(tokens[-_LEFT_WORDS:]):
        word = token.lstrip('([{"“').lower()
        if word in INNER_WORDS and word == token:
            end = window.rfind(token, 0, end)
            continue
        if not word or (word not in LEAD_WORDS and not word[:1].isdigit() and word[:1] not in "'’"):
            break
        end = window.rfind(token, 0, end)
        starts.append(lo + end + len(token) - len(word))
        if len(word) < len(token):
            break  # an opening bracket or quote: nothing before it belongs
    starts.reverse()
    return starts


@lru_cache(maxsize=32)
def compiled(extra: tuple[ExtraPattern, ...] = ()) -> Grammar:
    """The grammar with these extra patterns, compiled once per process."""
    return Grammar(RULES, extra)
