"""Roles: what the article says a person is.

Three places give a person's role:

- a title or office written before the name, which the recognizer already cut off the
  name ("President Ebrahim Raisi" gives "President"; "Secretary of National Security
  Council of Russia Nikolai Patrushev" gives the whole office); honorifics such as "Mr."
  are not roles;
- an apposition after the name, closed by a comma, a full stop or a bracket, whose last
  word is a role noun, or whose first word is one followed by "of", "for" or "at" ("Ali
  Shamkhani, the council's secretary," gives "council's secretary"; "X, head of the
  agency," gives "head of the agency");
- up to three lowercase words right before the name ending in a role noun ("security
  chief Ali Shamkhani" gives "security chief").

Role nouns are nameparser's titles and occupations plus ``data/role_nouns.txt``. A leading
article ("the", "a", "an") is dropped from a role.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .grouping import Entity

__all__ = ["add_roles"]

_APPOSITION = re.compile(
    r",[ \t]+((?:[\w'’.-]+[ \t]+){0,7}?[\w'’.-]+)[ \t]*(?=[,.;)]|$)", re.MULTILINE
)
_ARTICLES = frozenset({"the", "a", "an"})
# Words that end a description before a name: determiners, pronouns, prepositions and
# the verbs that most often stand there.
_STOP_BEFORE = frozenset(
    "the a an his her its their our my your this that and or of with by to for in on at as "
    "from than met said says told according".split()
)


def add_roles(text: str, entities: Iterable[Entity], role_nouns: frozenset[str]) -> None:
    """Add the roles that appositions and descriptions give each person."""
    for entity in entities:
        if entity.type != "PERSON":
            continue
        for mention in entity.mentions:
            for role in (
                _apposition(text, mention.end, role_nouns),
                _description(text, mention.start, role_nouns),
            ):
                if role and role not in entity.roles:
                    entity.roles.append(role)


def _apposition(text: str, end: int, role_nouns: frozenset[str]) -> str | None:
    m = _APPOSITION.match(text, end, min(len(text), end + 120))
    if m is None:
        return None
    words = m.group(1).split()
    if words and words[0].lower() in _ARTICLES:
        words = words[1:]
    if not words or (not words[0][:1].islower() and not words[0].endswith(("'s", "’s"))):
        return None
    last = words[-1].lower().rstrip(".")
    if last in role_nouns:
        return " ".join(words)
    if len(words) >= 3 and words[0].lower() in role_nouns and words[1] in ("of", "for", "at"):
        return " ".join(words)
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
