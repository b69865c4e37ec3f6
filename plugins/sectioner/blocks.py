"""The block structure of an article: title, standfirst, section headings, paragraphs.

The text is read as lines grouped into blocks by blank lines. In unwrapped text (one
paragraph per line, as copied from a web page) every line is a paragraph; in hard-wrapped
text every block is. The first unit may be the title, the next the standfirst (the deck
between headline and body), and short, unpunctuated, title-like units that stand alone
in their block and are followed by prose are section headings.

The rules use only what a reader sees in plain text: line breaks, blank lines,
capitalisation, final punctuation, length and a few cue words (bylines, datelines,
photo credits, "Related:" links). Headings are a scored decision (see "headings: a
scored decision" below): style, clause and caption evidence of the line itself, then
its neighbours (what comes before it, runs of short lines, what follows). They look at
each line a bounded number of times, so the cost is linear in the length of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

__all__ = ["Layout", "Unit", "analyse"]

Mode = Literal["auto", "line", "blank_line"]
Kind = Literal["title", "standfirst", "heading", "paragraph", "repeat"]

_TERMINAL_END = re.compile(r"[.!?…‼⁇⁈⁉][\"'”’»)\]]*(?:\s*\[\d{1,3}\])*$")
_CLOSERS = "\"'”’»)]}›"
# Words that are lowercase in a Title Case line.
_SMALL = frozenset(
    """
    a an the and but or nor for so yet as at by in of off on per to up via with from into
    onto over than that vs v. out amid about after against along among around before
    behind below beneath beside between beyond despite during except inside like near
    past since through toward towards under until upon within without
    """.split()
)
# A sentence-case line with one of these is a sentence, not a heading: headings are
# noun phrases and rarely carry a finite auxiliary, a reporting verb or a first- or
# second-person pronoun.
_SENTENCE_CUES = frozenset(
    """
    is are was were am be been being has have had do does did will would shall should
    can could may might must said says told asked i you we me us my your our he she they
    don't doesn't didn't isn't aren't wasn't weren't won't can't i'm you're we're it's
    """.split()
)
_MONTHS = (
    "january february march april may june july august september october november "
    "december jan feb mar apr jun jul aug sep sept oct nov dec"
)
_WEEKDAYS = (
    "monday tuesday wednesday thursday friday saturday sunday "
    "mon tue tues wed thu thur thurs fri sat sun"
)
_DATE_WORDS = frozenset(
    (
        _MONTHS
        + " "
        + _WEEKDAYS
        + " updated published posted last modified on at am pm a.m p.m gmt utc bst cet et"
        + " est edt pst pdt cst ist today yesterday ago min mins minute minutes hour hours"
        + " read"
    ).split()
)
# A date line needs one of these: a bare number is no date.
_DATE_ANCHORS = frozenset(
    (_MONTHS + " " + _WEEKDAYS + " ago min mins minute minutes hour hours read").split()
)
_TOKEN = re.compile(r"[^\W_]+(?:[.'’][^\W_]+)*")
_BYLINE = re.compile(
    r"(?:by|written by|story by|words by|(?:additional )?reporting by|report by|text by"
    r"|edited by|editing by|writing by|compiled by|translated by|interview by)\s+[A-Z]",
    re.IGNORECASE,
)
# Lines that caption a photo, link to another story or are page furniture. Matched at
# the start of the line (case-insensitive).
_CUE_START = re.compile(
    r"(?:related\b|read more\b|read also\b|also read\b|see also\b|more:|file photo\b"
    r"|(?:photos?|photograph|images?|pictures?|video|caption|credit|source|watch|listen)"
    r"\s*[:|]|(?:photo|picture|image)s? by\b|pictured\b|advertisement\b|click here\b"
    r"|sign up\b|subscribe\b|share this\b|follow us\b)",
    re.IGNORECASE,
)
# Whole lines of page furniture (compared casefolded, without final punctuation).
_FURNITURE_LINES = frozenset(
    """
    share|tweet|email|e-mail|print|comments|comment|menu|home|search|sign in|log in|
    skip to content|skip to main content|back to top|trending|most read|most popular|
    you may also like|read next|top stories|latest news|more stories|listen to this article|
    add new comment|leave a comment|show comments|hide comments|
    related|related news|related articles|related stories|related coverage|related links|
    related content|more on this story|more from|sources|source|external links|
    references|see also|further reading|notes|footnotes|sister links|have your say|
    recommended|recommended for you|editor's picks|most viewed|advertisement|sponsored|
    sponsored content|newsletter|topics|tags|keywords|filed under
    """.split("|")
)
_FURNITURE_LINES = frozenset(" ".join(x.split()) for x in _FURNITURE_LINES)
# ... or anywhere in the line (case-sensitive: agencies and credits are written so).
_CUE_ANYWHERE = re.compile(
    r"Image:|Photo:|Photograph:|Credit:|Getty Images|AP Photo|\(AP\b|/Reuters|/AFP"
    r"|\(Photo|\(Image|\((?:left|right|centre|center|L|R|C|file|pictured)\)"
    r"|, by [A-Z]"  # an artwork's or photo's credit
    r"|©|\(c\) \d{4}|Copyright \d{4}|copyright \d{4}|All rights reserved"
)  # every alternative opens with a plain character, so the engine scans ahead to them
# A caption naming what the picture shows: "A bust of Patrick Gordon", "Map of the area",
# "An aerial view of the site", "Artist's rendering of the probe".
_DEPICTION = re.compile(
    r"(?:(?:a|an|the)\s+)?(?:[\w'’-]+\s+)?(?:map|location|flag|logo|photo|photograph|image"
    r"|picture|view|portrait|screenshot|diagram|chart|graph|illustration|painting|drawing"
    r"|sketch|statue|bust|poster|frontpage|front page|rendering|impression|seal|emblem"
    r"|coat of arms)s?\s+of\s",
    re.IGNORECASE,
)
# Two sentences in one line: "Austen, Jane. Pride and Prejudice".
_INNER_STOP = re.compile(r"[a-z]{3}[.!?]\s+\S")
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")
_ASCII_LOWER = re.compile(r"[a-z]")
_SPACE = re.compile(r"\s+")


@dataclass(slots=True)
class Unit:
    """A paragraph-sized piece of the text: one line, or one block of lines."""

    start: int
    end: int
    block: int
    alone: bool  # the only line of its block (set apart by blank lines)
    kind: Kind = "paragraph"


@dataclass(slots=True)
class Layout:
    """What :func:`analyse` found: the units in order and how paragraphs were read."""

    units: list[Unit]
    mode: Literal["line", "blank_line"]
    title: Unit | None
    standfirst: Unit | None


def analyse(
    text: str,
    *,
    paragraphs: Mode = "auto",
    detect_title: bool = True,
    detect_standfirst: bool = True,
    detect_headings: bool = True,
    max_heading_words: int = 12,
) -> Layout:
    """Find the title, standfirst, headings and paragraphs of ``text``."""
    blocks = _blocks(text)
    mode = _choose_mode(text, blocks) if paragraphs == "auto" else paragraphs
    units = _units(blocks, mode)
    if not units:
        return Layout(units, mode, None, None)

    title: Unit | None = None
    title_key = ""
    i = 0
    if detect_title and _is_title(text, units):
        title = units[0]
        title.kind = "title"
        title_key = _key(text, title)
        i = 1

    # Lines repeating the headline before the body starts are page furniture.
    def skip_repeats(j: int) -> int:
        while title_key and j < len(units) and _key(text, units[j]) == title_key:
            units[j].kind = "repeat"
            j += 1
        return j

    i = skip_repeats(i)
    standfirst: Unit | None = None
    if (
        title is not None
        and detect_standfirst
        and i < len(units)
        and _is_standfirst(text, units, i, mode, max_heading_words, title_key)
    ):
        standfirst = units[i]
        standfirst.kind = "standfirst"
        i = skip_repeats(i + 1)

    if detect_headings:
        _mark_headings(text, units[i:], len(blocks) == 1, max_heading_words, title_key)
    return Layout(units, mode, title, standfirst)


# -- lines, blocks and units -----------------------------------------------------------------
def _blocks(text: str) -> list[list[tuple[int, int]]]:
    """Trimmed line spans, grouped into blocks separated by blank lines."""
    blocks: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            current.append((pos + lead, pos + lead + len(stripped)))
        elif current:
            blocks.append(current)
            current = []
        pos += len(line) + 1
    if current:
        blocks.append(current)
    return blocks


def _choose_mode(text: str, blocks: list[list[tuple[int, int]]]) -> Literal["line", "blank_line"]:
    """Hard-wrapped text breaks lines mid-sentence; unwrapped text breaks after one."""
    breaks = wrapped = 0
    for block in blocks:
        for (a0, a1), (b0, _) in pairwise(block):
            breaks += 1
            # Short lines (headlines, link lists) say nothing about wrapping.
            if a1 - a0 >= 30 and (
                not _TERMINAL_END.search(text, max(a0, a1 - 20), a1) or text[b0].islower()
            ):
                wrapped += 1
    return "blank_line" if breaks and 2 * wrapped >= breaks else "line"


def _units(blocks: list[list[tuple[int, int]]], mode: str) -> list[Unit]:
    if mode == "blank_line":
        return [Unit(b[0][0], b[-1][1], n, len(b) == 1) for n, b in enumerate(blocks)]
    return [Unit(s, e, n, len(b) == 1) for n, b in enumerate(blocks) for s, e in b]


# -- features ----------------------------------------------------------------------------------
def _key(text: str, unit: Unit) -> str:
    return _SPACE.sub(" ", text[unit.start : unit.end]).casefold()


def _ends_sentence(line: str) -> bool:
    return bool(_TERMINAL_END.search(line[-24:]))


def _is_furniture(line: str) -> bool:
    """A byline, a date line, a photo caption or credit, a link to another story."""
    return bool(
        line.rstrip(".:!").strip().casefold() in _FURNITURE_LINES
        or " | " in line
        or _BYLINE.match(opened := line.lstrip(_CLOSERS + "“‘(["))
        or _CUE_START.match(opened)
        or _CUE_ANYWHERE.search(line)
        or ("of" in opened.lower() and _DEPICTION.match(opened))  # needs "of": test that first
        or _is_date_line(line)
    )


def _is_date_line(line: str) -> bool:
    """A line made only of a date or time: "Tuesday, September 1, 2015", "Updated 10:30 GMT"."""
    if len(line) > 80:
        return False
    # The tokens are read one at a time, as most lines fail on their first word; more
    # than 12 fail too.
    tokens: list[str] = []
    anchored = False
    for m in _TOKEN.finditer(line):
        tok = m.group()
        tokens.append(tok)
        if len(tokens) > 12:
            return False
        low = tok.lower()
        if tok.isdigit():
            continue
        if low in _DATE_WORDS or low.rstrip(".") in _DATE_WORDS:
            anchored = anchored or low.rstrip(".") in _DATE_ANCHORS
            continue
        if low[:-2].isdigit() and low[-2:] in ("st", "nd", "rd", "th"):
            continue
        return False
    if not tokens:
        return False
    anchored = anchored or bool(_CLOCK.search(line))  # "Updated 10:42 GMT"
    return anchored or (all(t.isdigit() for t in tokens) and len(tokens) >= 3)


def _words(line: str) -> list[str]:
    return line.split()


_TITLE_LEAD = _CLOSERS + "“‘([-–—"


def _is_title_case(words: list[str]) -> bool:
    content = 0
    for n, w in enumerate(words):
        core = w.lstrip(_TITLE_LEAD)
        if not core or not core[0].isalpha():
            continue
        if n > 0 and core.lower() in _SMALL:
            continue
        if not core[0].isupper():
            return False
        content += 1
    return content > 0


def _is_all_caps(line: str) -> bool:
    if _ASCII_LOWER.search(line):
        return False  # most lines: one lowercase letter settles it without a pass per letter
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _title_like(line: str, max_words: int, *, strict: bool) -> bool:
    """A short, unpunctuated line styled as a heading."""
    words = _words(line)
    if not words or len(words) > max_words or len(line) > 12 * max_words:
        return False
    core = line.rstrip(_CLOSERS)
    if not core or core[-1] in ".,;:…-–—" or line[-1] in ",;:":
        return False
    first = line.lstrip(_CLOSERS + "“‘([")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    if _INNER_STOP.search(line):
        return False
    commas = line.count(",")
    if commas > 1:
        return False  # a list or an apposition: a caption, not a heading
    if _is_all_caps(line) or _is_title_case(words):
        return True
    if _YEAR.fullmatch(line):
        return True
    if strict or commas or core[-1] in "?!":
        return False
    if len(words) >= 6 and _name_after_lowercase(words):
        return False  # "Political activist and philosopher Noam Chomsky": a caption
    # Sentence case ("Early life"): a noun phrase, not a short sentence.
    return not any(w.strip(_CLOSERS + "“‘(").lower() in _SENTENCE_CUES for w in words)


def _name_after_lowercase(words: list[str]) -> bool:
    """A capitalised word after a lowercase content word, as in a caption naming someone."""
    seen_lower = False
    for w in words[1:]:
        core = w.lstrip(_CLOSERS + "“‘(")
        if not core or not core[0].isalpha():
            continue
        if core[0].islower():
            seen_lower = seen_lower or core.lower() not in _SMALL
        elif seen_lower:
            return True
    return False


# -- decisions -----------------------------------------------------------------------------
def _is_title(text: str, units: list[Unit]) -> bool:
    first = units[0]
    if len(units) < 2:
        return False
    line = text[first.start : first.end]
    if "\n" in line or len(line) > 300 or len(_words(line)) > 30:
        return False
    core = line.rstrip(_CLOSERS)
    if core[-1:] in (".", ";", ":", "…"):
        return False
    lead = line.lstrip(_CLOSERS + "“‘([")[:1]
    if not (lead.isupper() or lead.isdigit()):
        return False
    return not _is_furniture(line)


def _is_standfirst(
    text: str, units: list[Unit], i: int, mode: str, max_heading_words: int, title_key: str
) -> bool:
    unit = units[i]
    k = i + 1
    while k < len(units) and title_key and _key(text, units[k]) == title_key:
        k += 1
    if k >= len(units):
        return False  # a deck needs a body after it
    line = text[unit.start : unit.end]
    words = _words(line)
    if len(words) < 5 or len(words) > 80 or _is_furniture(line):
        return False
    if _title_like(line, max_heading_words, strict=False):
        return False  # a section heading, not a deck
    if not _ends_sentence(line):
        return True  # decks on web pages usually carry no final full stop
    # Set apart by a blank line while the body's paragraphs run on line by line.
    body = units[k]
    return (
        mode == "line"
        and body.block != unit.block
        and k + 1 < len(units)
        and units[k + 1].block == body.block
    )


# -- headings: a scored decision ---------------------------------------------------------------
# A short unit is a heading when the evidence for it reaches _THRESHOLD and prose follows
# it (as jusText keeps a short heading block only when a content block comes after it).
# The evidence is a sum a reader can check:
#
#   style      ALL CAPS, Title Case or a bare year +2.0; sentence case ("Early life") +1.5,
#              only when the unit stands alone in its block (within a block of lines a
#              sentence-case line is running text);
#   sentence   an auxiliary, a reporting verb or a personal pronoun -2.0 in sentence case,
#              -1.0 in Title Case ("What Is Next" is still a heading); a subject followed
#              by a past-tense verb ("Police arrested two men") -2.0;
#   caption    a verb of a photo caption ("speaks", "pictured", "arrives") -2.0; a date
#              phrase ("on Monday", "in 2011") -0.75; a name opening the line and a
#              preposition of place or company after it ("Hill at the forum") -1.5;
#              only proper nouns (words the text capitalises mid-sentence: "Aner Shalev")
#              -0.75; a comma (an apposition) -0.5; a closing quotation mark -1.0;
#   length     -0.2 a word past seven;
#   context    right after a question or a line ending in ":" -1.5 (a heading does not
#              interrupt a question and its answer, nor a lead-in and its list).
#
# Vetoes come first: final punctuation (. : ? ! , ;), an opening quotation mark, a list
# bullet, a speaker or Q&A label ("Q:", "Wikinews:"), an interjection ("Yes", "Okay"),
# page furniture (captions with credits, bylines, datelines, timestamps, "Related news",
# "Sources"), a table row (tabs or runs of spaces), a repeat of the headline.
# Then the neighbours: a unit inside a run of three or more short units (a list, an
# infobox, a table) is no heading; of two headings in a row the second is a caption when
# it is all proper nouns and the first is not; a numbered unit ("2. Early life") next to
# another numbered short unit is a list item.
_THRESHOLD = 1.0

_BULLET = re.compile(r"(?:[-*•·▪●◦‣–—+>]|\(?[a-zA-Z\d]{1,2}\))\s")
_NUMBERED = re.compile(r"(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[IVXivx]{1,4}\.)\s+(?=\w)")
# Possessive: a word can only end where the word characters do, so nothing is given back.
_LABEL = re.compile(r"(?:[A-Z][\w.'’&-]*+\s?+){1,3}:\s")
_ROW = re.compile(r"\t|\S {3,}\S")
_AGENCY = re.compile(
    r"\((?:Reuters|AFP|AP|UPI|dpa|DPA|Xinhua|Bloomberg|IANS|PTI|ANI|TASS|EFE|ANSA|Kyodo"
    r"|Yonhap|CNN|BBC)\)"
)
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d\d\b")
_OPENING_QUOTES = "\"'“”„‘’«»‹›"
_INTERJECTIONS = frozenset(
    """
    yes no yeah yep nope ok okay sure right exactly absolutely thanks thank indeed correct
    true well oh ah hmm wow fine great of course very much so too not really maybe perhaps
    probably definitely certainly never always both neither all none comment at yet
    """.split()
)
# Irregular past tenses that make a line a sentence when they follow its first word.
_PAST = frozenset(
    """
    said told won lost took made came went gave met fell rose held began got became ran
    knew sent brought kept paid sold fled fought struck saw threw wrote spoke broke chose
    """.split()
)
_CAPTION_VERBS = frozenset(
    """
    speaks speaking addresses addressing arrives arriving attends attending greets greeting
    gestures gesturing poses posing walks walking sits sitting standing holds visits
    visiting meets shakes shaking listens listening reacts reacting celebrates celebrating
    delivers pictured photographed seen shown smiles smiling
    """.split()
)
# More words of a clause, beside _SENTENCE_CUES: object and indefinite pronouns.
_CLAUSE_CUES = frozenset(
    "it him them nobody everybody somebody anybody everyone someone anyone".split()
)
# Set tests on a line's words beat a scan word by word.
_CLAUSE_WORDS = _SENTENCE_CUES | _CLAUSE_CUES
_NEGATIONS = frozenset(("not", "never"))
_DETERMINERS = frozenset("the a an his her its their our my your this that these those".split())
_PLACE_PREPS = frozenset("at with outside near inside beside alongside during".split())
_DATE_PHRASE = re.compile(
    r"\b(?:on|in|at|during|since|circa|c\.)\s+(?:(?:early|late|mid)[\s-]+)?"
    r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b\.?"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|(?:1[5-9]|20)\d\d\b)"
    r"|\b(?:next|last|this)\s+(?:week|month|year|weekend|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b"
    r"|\s(?:yesterday|today|tomorrow|tonight)\b",
    re.IGNORECASE,
)
# A capitalised word that follows a lowercase letter, a digit or a comma: capitalised
# mid-sentence, so a proper noun (or part of one). The capital comes first and the
# look-behind after it, so the engine skips ahead to each capital in one fast scan.
_MID_CAPITAL = re.compile(r"[A-Z](?<=[a-z0-9,;)] [A-Z])[\w'’-]*")
_MID_BEFORE = frozenset("abcdefghijklmnopqrstuvwxyz0123456789,;)")


class _Names:
    """Whether the text capitalises a word mid-sentence, as it does a proper noun.

    The first few words asked about are looked up with ``str.find`` (most pages have a
    handful of heading candidates); past that, one scan collects every such word, so the
    cost stays linear in the text however many candidates there are.
    """

    __slots__ = ("_asked", "_text", "_words")

    _FIND_LIMIT = 32

    def __init__(self, text: str) -> None:
        self._text = text
        self._words: frozenset[str] | None = None
        self._asked: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        if self._words is not None:
            return word in self._words
        known = self._asked.get(word)
        if known is not None:
            return known
        if len(self._asked) >= self._FIND_LIMIT:
            self._words = frozenset(_MID_CAPITAL.findall(self._text))
            return word in self._words
        found = self._find(word)
        self._asked[word] = found
        return found

    def _find(self, word: str) -> bool:
        text, needle = self._text, " " + word
        pos = text.find(needle)
        while pos > 0:
            end = pos + len(needle)
            after = text[end : end + 1]
            if text[pos - 1] in _MID_BEFORE and not (after.isalnum() or after in "_'’-"):
                return True
            pos = text.find(needle, end)
        return False


@dataclass(slots=True)
class _Evidence:
    score: float
    caption: bool = False  # looks like a caption: set apart, but no heading either
    names: float = 0.0  # the share of its content words that are proper nouns
    numbered: bool = False
    furniture: bool = False  # a credit, byline, date line, link: transparent to runs
    item: bool = False  # a bulleted or numbered list item


_WORD_EDGES = _CLOSERS + "“‘([-–—:;,.!?"


def _strip_word(w: str) -> str:
    return w.strip(_WORD_EDGES)


def _heading_evidence(line: str, max_words: int, names: _Names, *, strict: bool) -> _Evidence:
    """The evidence that one unit (one line) is a heading, before its neighbours are seen."""
    none = _Evidence(0.0)
    words = _words(line)
    if not words or len(words) > max_words or len(line) > 12 * max_words:
        return none
    if _is_furniture(line):
        return _Evidence(0.0, caption=True, furniture=True)
    core = line.rstrip(_CLOSERS)
    if not core or core[-1] in ".,;:…-–—?!‼⁇⁈⁉" or line[-1] in ",;:":
        return none
    if _BULLET.match(line):
        return _Evidence(0.0, item=True)
    if line[0] in _OPENING_QUOTES or _LABEL.match(line):
        return none
    # a row needs a tab or three spaces; most lines have neither, so skip the scan
    if (("\t" in line or "   " in line) and _ROW.search(line)) or _AGENCY.search(line):
        return none
    if len(words) <= 3 and all(_strip_word(w).lower() in _INTERJECTIONS for w in words):
        return none
    numbered = _NUMBERED.match(line)
    rest = line[numbered.end() :] if numbered else line
    first = rest.lstrip(_CLOSERS + "“‘([")[:1]
    if not (first.isupper() or first.isdigit()):
        return none
    if _INNER_STOP.search(line) or line.count(",") > 1:
        return _Evidence(0.0, caption=True)  # two sentences, or a list: a caption, an item
    body = _words(rest) or words
    stripped = [_strip_word(w) for w in body]  # each word stripped once, for all the tests
    lowered = [c.lower().replace("’", "'") for c in stripped]

    title_case = _is_all_caps(line) or _is_title_case(body) or bool(_YEAR.fullmatch(line))
    if title_case:
        score = 2.0
    elif strict or (len(body) >= 6 and _name_after_lowercase(body)):
        # a line of running text; "Activist and philosopher Noam Chomsky"
        return _Evidence(0.0, numbered=bool(numbered))
    else:
        score = 1.5
    caption = False
    later = lowered[1:]
    if (
        not _CLAUSE_WORDS.isdisjoint(lowered)
        or any(w.endswith("n't") for w in lowered)
        or not _NEGATIONS.isdisjoint(later)
    ):
        score -= 1.0 if title_case else 2.0
    if not title_case and _past_tense_after_subject(lowered):
        score -= 2.0
    if not _CAPTION_VERBS.isdisjoint(later):
        score -= 2.0
        caption = True
    if _DATE_PHRASE.search(rest) and not _YEAR.fullmatch(line):
        score -= 0.75
        caption = True
    content = [
        c
        for n, c in enumerate(stripped)
        if c and c[0].isalpha() and (n == 0 or c.lower() not in _SMALL)
    ]
    proper = [c for c in content if c[0].isupper() and c in names]
    share = len(proper) / len(content) if content else 0.0
    if share == 1.0:
        score -= 0.75
        caption = True
    if len(lowered) > 1 and stripped[0] in names and lowered[1] in _PLACE_PREPS:
        score -= 1.5
        caption = True
    if "," in line:
        score -= 0.5
    if core != line and line[-1] in _OPENING_QUOTES:
        score -= 2.0  # a closing quotation mark: the end of a quotation
        caption = True
    if len(words) > 7:
        score -= 0.2 * (len(words) - 7)
    return _Evidence(score, caption=caption or score > 0, names=share, numbered=bool(numbered))


def _past_tense_after_subject(lowered: list[str]) -> bool:
    """ "Police arrested two men", "Officials declined to comment": a clause, not a title."""
    for n in (1, 2):
        if n >= len(lowered):
            return False
        w, prev = lowered[n], lowered[n - 1]
        if prev in _SMALL or prev in _DETERMINERS or prev.endswith("ly"):
            return False
        if w in _PAST or (len(w) >= 5 and w.endswith("ed")):
            return True
    return False


def _is_prose(line: str, max_words: int) -> bool:
    """A sentence's end, or more words than a heading may have (counted up to that)."""
    if len(line) > 12 * max_words or _ends_sentence(line):  # the length first: it is cheaper
        return True
    return len(line.split(None, max_words)) > max_words


def _mark_headings(
    text: str, body: list[Unit], single_block: bool, max_words: int, title_key: str
) -> None:
    """Mark the section headings among the body units (see the weights above)."""
    names = _Names(text)
    prose: list[bool] = []
    evidence: list[_Evidence | None] = []
    # One pass reads each unit and applies what depends only on the units before it.
    prev_line = ""  # the last unit before this one that is not furniture
    before: _Evidence | None = None  # the evidence of the unit just before
    for u in body:
        line = text[u.start : u.end]
        is_prose = _is_prose(line, max_words)
        prose.append(is_prose)
        ev: _Evidence | None
        if is_prose or "\n" in line:
            ev = None
        elif title_key and _key(text, u) == title_key:
            ev = _Evidence(0.0, caption=True, furniture=True)  # a repeated headline
        else:
            ev = _heading_evidence(line, max_words, names, strict=not u.alone)
            if not (u.alone or single_block):
                ev.score = min(ev.score, 0.0)  # a line among lines: running text or a list
        if ev is not None:
            # Context: what comes before.
            if prev_line:
                tail = prev_line.rstrip(_CLOSERS)
                if tail.endswith(":") or (tail.endswith("?") and not _INNER_STOP.search(prev_line)):
                    ev.score -= 1.5  # after a lead-in, or a question waiting for its answer
            # Numbered units next to each other are a numbered list ("1. Preheat the oven").
            if before is not None and ev.numbered and before.numbered:
                for item in (before, ev):
                    item.score = min(item.score, 0.0)
                    item.item = True
        if ev is None or not ev.furniture:
            prev_line = line
        evidence.append(ev)
        before = ev
    n = len(body)
    # A run of three or more short units is a list, an infobox or a table: no headings in
    # it. Credits and captions do not count (they sit anywhere), and a bulleted list ends it.
    skip = [
        ev is not None and (ev.furniture or (ev.caption and ev.score < _THRESHOLD))
        for ev in evidence
    ]
    j = 0
    while j < n:
        if evidence[j] is None or skip[j] or evidence[j].item:
            j += 1
            continue
        run = [j]
        k = j + 1
        while k < n and (ev := evidence[k]) is not None and not ev.item:
            if not skip[k]:
                run.append(k)
            k += 1
        if len(run) >= 3:
            for m in run:
                evidence[m].score = min(evidence[m].score, 0.0)
        j = k
    heading = [ev is not None and ev.score >= _THRESHOLD for ev in evidence]
    # Of two headings in a row, an all-names second one is a caption under the first.
    for j in range(1, n):
        if not (heading[j] and heading[j - 1]):
            continue
        ev, before = evidence[j], evidence[j - 1]
        if ev.names == 1.0 and before.names < 1.0:
            heading[j] = False
            ev.caption = True
        elif before.names == 1.0 and ev.names < 1.0:
            heading[j - 1] = False
            before.caption = True
    # A heading opens a section, so prose must follow it: other headings may come between
    # (a heading and its subheading), and captions, but the first unit that is neither must
    # read as prose, so a trailing "Add new comment" is no heading.
    prose_next = False
    for j in range(n - 1, -1, -1):
        if heading[j]:
            if prose_next:
                body[j].kind = "heading"
        elif prose[j] or (evidence[j] is not None and evidence[j].item):
            prose_next = True  # a paragraph, or a list under the heading
        elif evidence[j] is None or not evidence[j].caption:
            prose_next = False
