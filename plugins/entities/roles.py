"""Roles: what the article says a person is.

These places give a person's role:

- a title or office written before the name, which the recognizer already cut off the
  name ("President Ebrahim Raisi" gives "President"; "Foreign Minister Jane Doe" gives
  "Foreign Minister"; "Secretary of National Security Council of Russia Nikolai
  Patrushev" gives the whole office); honorifics such as "Mr." are not roles;
- an apposition after the name, between commas (or up to a full stop, a bracket or a
  dash), that is a *role phrase*: optional modifiers (lowercase words, capitalized names
  and possessives: "former State Department", "agency's"), a role noun, and optionally
  "of", "for", "at", "to" or "in" and what it names ("Ali Shamkhani, the council's
  secretary," gives "council's secretary"; "John Roe, executive director of the Example
  Fund (EF)," gives "executive director of the Example Fund"). An age before it is
  skipped ("Jane Doe, 54, a former State Department official," gives "former State
  Department official"); "who heads the agency" gives "head of the agency" (also "leads",
  "chairs", "runs", "directs");
- the same role phrase, opened by "a", "an" or "the", right before the name and a comma
  ("A former State Department official, Linda Park, said" gives "former State Department
  official");
- up to three lowercase words right before the name ending in a role noun ("security
  chief Ali Shamkhani" gives "security chief").

The role string is the phrase as written, minus a leading article ("the", "a", "an"), and
minus a bracketed acronym at its end (the acronym stays an alias of the organization).
A possessive stays as written ("the agency's director-general" gives "agency's
director-general"). Role nouns are nameparser's titles and occupations plus
``data/role_nouns.txt``; in a hyphenated word either part may be the role noun
("director-general", "commander-in-chief").

All look-ups read a bounded window around the name, so this is linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .grouping import Entity

__all__ = ["add_roles", "apposition_role", "role_nouns_of"]

_ARTICLES = frozenset({"the", "a", "an"})
# Words that end a description before a name: determiners, pronouns, prepositions and
# the verbs that most often stand there.
_STOP_BEFORE = frozenset(
    "the a an his her its their our my your this that and or of with by to for in on at as "
    "from than met said says told according".split()
)
# Words after a role noun that go on to what the role is of ("director of the Fund").
_ROLE_LINKS = frozenset({"of", "for", "at", "to", "in", "on"})
# Words that cannot stand inside a role phrase: verbs, pronouns, conjunctions.
_NOT_IN_ROLE = frozenset(
    "and or but who which that said says told is was are were has had have will would "
    "he she it they we i you his her their its our my your this these those also".split()
)
# "who heads the agency": the verb and the role it gives
_WHO_VERBS = {
    "heads": "head",
    "headed": "head",
    "leads": "leader",
    "led": "leader",
    "chairs": "chair",
    "chaired": "chair",
    "runs": "head",
    "ran": "head",
    "directs": "director",
    "directed": "director",
}
# the end of a clause in an apposition: punctuation (a full stop only when a word ends
# with it, see _words), a bracket, a dash or a line break
_CLAUSE_STOP = re.compile(r"[,;:!?()\[\]\n“”\"—–]| - ")
_DOTTED = re.compile(r"^(?:[A-Z]\.)+$")
_WINDOW = 160  # characters read after a name, and before it
_MAX_MODIFIERS = 5
_MAX_TAIL = 8


def role_nouns_of(word: str, role_nouns: frozenset[str]) -> list[str]:
    """The role nouns a word is or holds ("director-general": itself, or its parts)."""
    low = word.lower().strip(".,;:'’\"“”()")
    if low.endswith(("'s", "’s")):
        return []
    if low in role_nouns:
        return [low]
    if "-" in low:
        parts = [p for p in low.split("-") if p in role_nouns]
        if parts:
            return [low, *parts]
    return []


def add_roles(text: str, entities: Iterable[Entity], role_nouns: frozenset[str]) -> None:
    """Add the roles that appositions and descriptions give each person."""
    for entity in entities:
        if entity.type != "PERSON":
            continue
        for mention in entity.mentions:
            for role in (
                _apposition(text, mention.end, role_nouns),
                _before_comma(text, mention.start, role_nouns),
                _description(text, mention.start, role_nouns),
            ):
                if role and role not in entity.roles:
                    entity.roles.append(role)


def _clause(text: str, start: int) -> tuple[str, int]:
    """The text from ``start`` to the end of its clause, and where that clause ends."""
    hi = min(len(text), start + _WINDOW)
    m = _CLAUSE_STOP.search(text, start, hi)
    end = m.start() if m else hi
    return text[start:end], end


def _words(clause: str) -> list[str]:
    """A clause's words up to a full stop that ends a sentence (not "U.S." or "Gen.")."""
    out = []
    for w in clause.split():
        if w.endswith(".") and not _DOTTED.match(w) and len(w) > 2:
            out.append(w[:-1])
            break
        out.append(w)
    return out


def _role_phrase(words: list[str], role_nouns: frozenset[str]) -> str | None:
    """The role a phrase states, or None: modifiers, a role noun, and "of ..." after it."""
    if words and words[0].lower() in _ARTICLES:
        words = words[1:]
    if not words:
        return None
    first = words[0]
    if not (first[:1].islower() or first.endswith(("'s", "’s"))) and len(words) == 1:
        return None
    for p, w in enumerate(words[: _MAX_MODIFIERS + 1]):
        low = w.lower()
        if low in _NOT_IN_ROLE or low in _ARTICLES or not any(ch.isalpha() for ch in w):
            return None
        if not role_nouns_of(w, role_nouns) or not w[:1].islower():
            continue
        rest = words[p + 1 :]
        if not rest:
            return " ".join(words)
        if rest[0] in _ROLE_LINKS and 2 <= len(rest) <= _MAX_TAIL:
            if any(r.lower() in _NOT_IN_ROLE for r in rest):
                return None
            return " ".join(words)
        # "executive director of ...": a role noun may modify the next one
    return None


def _apposition(text: str, end: int, role_nouns: frozenset[str]) -> str | None:
    pos = end
    for _ in range(2):  # the name's apposition, or the one after an age ("Doe, 54, ...")
        if not text.startswith(", ", pos):
            return None
        clause, stop = _clause(text, pos + 2)
        words = _words(clause)
        if len(words) == 1 and words[0].isdigit():
            pos = stop
            continue
        if len(words) >= 3 and words[0] == "who" and words[1] in _WHO_VERBS:
            rest = words[2:]
            if (
                (rest[0].lower() in _ARTICLES or rest[0][:1].isupper())
                and not any(r.lower() in _NOT_IN_ROLE for r in rest)
                and len(rest) <= _MAX_TAIL
            ):
                return f"{_WHO_VERBS[words[1]]} of {' '.join(rest)}"
            return None
        return _role_phrase(words, role_nouns)
    return None


def apposition_role(text: str, end: int, role_nouns: frozenset[str]) -> str | None:
    """The role an apposition right after ``end`` gives (", the agency's director-general,")."""
    return _apposition(text, end, role_nouns)


def _before_comma(text: str, start: int, role_nouns: frozenset[str]) -> str | None:
    """ "A former State Department official, Linda Park," gives the role before the name."""
    if start < 2 or text[start - 2 : start] != ", ":
        return None
    end = start - 2
    lo = max(0, end - _WINDOW)
    # the clause before the comma: back to the previous stop (bounded by the window)
    cut = lo
    for m in _CLAUSE_STOP.finditer(text, lo, end):
        cut = m.end()
    words = text[cut:end].split()
    # a sentence's end inside the window ("... said. A former official, X")
    for k in range(len(words) - 1, 0, -1):
        if words[k - 1].endswith((".", "!", "?")) and not _DOTTED.match(words[k - 1]):
            words = words[k:]
            break
    # the role phrase opens with an article: try the nearest first ("the head of the agency")
    for k in range(len(words) - 1, -1, -1):
        if words[k].lower() in _ARTICLES:
            role = _role_phrase(words[k:], role_nouns)
            if role is not None:
                return role
    return None


def _description(text: str, start: int, role_nouns: frozenset[str]) -> str | None:
    # (only a line break inside the window matters: looking only there keeps this linear
    # in the text, whose lines may be paragraphs long)
    lo = max(0, start - 60)
    line_start = text.rfind("\n", lo, start) + 1
    words = text[max(line_start, lo) : start].split(" ")
    if not words or words[-1] != "":
        return None  # punctuation, not a space, before the name
    words = [w for w in words[:-1] if w]
    picked: list[str] = []
    for w in reversed(words):
        if len(picked) == 3 or not w.isalpha() or not w.islower() or w in _STOP_BEFORE:
            break
        picked.append(w)
    picked.reverse()
    if picked and picked[-1] in role_nouns:
        return " ".join(picked)
    return None
