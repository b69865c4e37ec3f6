"""References: pronouns and descriptions that point back to a person the article names.

News names a person once or twice and then writes "he", "his", "the Russian official".
These references are added to the person's entity (``Entity.references``, kind
``pronoun`` or ``description``), kept apart from its name mentions, so the entity's count
says how much the article is about them and a reader (or a later step) can tell whom
"he" stands for.

- **Pronouns** (he, him, his, himself; she, her, hers, herself) refer to the person most
  recently mentioned as a *subject* in the same or the two previous sentences, and of a
  compatible gender; failing a subject, the person most recently mentioned at all. A
  mention is not a subject when a preposition or a verb of meeting stands before it ("a
  meeting with ... Nikolai Patrushev", "met ... Ali Shamkhani"). Gender comes from the
  given name (gender-guesser's list: names only men or only women bear) or an honorific
  ("Mr.", "Mrs."); without either, both pronouns fit.
- **Descriptions** are "the" + a nationality or place + up to two lowercase words + a role
  noun: "The Russian official", "the Iranian security official". They refer to the person
  most recently mentioned whose role or description ties them to that country ("Secretary
  of National Security Council of Russia", "his Iranian counterpart Ali Shamkhani"). A bare
  "the president" is left alone: without a nationality it too often means someone else.

Only running text (body and standfirst sentences) is read. Everything is one pass over
the sentences with a bounded look-back, linear in the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .gazetteer import Lexicon, normalize
from .grouping import Entity
from .rules import Candidate, SentenceInfo

__all__ = ["add_references"]

_PRONOUNS = ("he", "him", "his", "himself", "she", "her", "hers", "herself")
_PRONOUN = re.compile(rf"\b({'|'.join(_PRONOUNS)})\b", re.IGNORECASE)
_MALE = frozenset({"he", "him", "his", "himself"})
_SUBJECT = frozenset({"he", "she"})
_DESCRIPTION = re.compile(r"\b[Tt]he[ \t]+([A-Z][\w.’'-]*)((?:[ \t]+[a-z][\w-]*){1,3})")

# Scanning every sentence for _PRONOUN and _DESCRIPTION is most of add_references' time: a
# pattern that opens with \b, or has IGNORECASE, is tried at every position of the text,
# while one that opens with a plain character class lets the regex engine skip in C to
# the next candidate letter. These find exactly the same matches: \b before a word
# character is "no word character before it" (the lookbehind), and each letter's class
# holds every character IGNORECASE matches it with ("ſ" is an "s"; "ı", "İ" are "i").
_CASES = {"h": "hH", "e": "eE", "i": "iIİı", "m": "mM", "s": "sSſ", "r": "rR", "l": "lL", "f": "fF"}


def _cased(word: str) -> str:
    return "".join(f"[{_CASES[ch]}]" for ch in word)


_PRONOUN_SCAN = re.compile(
    rf"[{''.join(sorted({_CASES[w[0]] for w in _PRONOUNS}))}](?<!\w.)(?:"
    + "|".join(f"(?<=[{_CASES[w[0]]}]){_cased(w[1:])}" for w in _PRONOUNS)
    + r")\b"
)
_DESCRIPTION_SCAN = re.compile(r"[Tt](?<!\w.)he[ \t]+[A-Z][\w.’'-]*(?:[ \t]+[a-z][\w-]*){1,3}")
# Faster still: a pattern that opens with a literal is searched for like a substring. Its
# matches start one character after _DESCRIPTION's, at the "h" of "The"; so a sentence that
# itself starts with "he" (where the "T" would lie outside the sentence) takes the scan above.
_DESCRIPTION_HE = re.compile(
    r"he(?<=[Tt]he)(?<!\w...)[ \t]+[A-Z][\w.’'-]*(?:[ \t]+[a-z][\w-]*){1,3}"
)
_LOWER = re.compile(r"[a-z][\w-]*")
# A person right after one of these is an object, not the subject of the sentence.
_OBLIQUE = frozenset(
    "with to by for of from in at against on about between among than like toward towards "
    "including met meet meets visited visit visits told tell tells called and".split()
)
_MALE_HONORIFICS = frozenset({"mr", "sir", "lord", "king", "prince", "messrs"})
_FEMALE_HONORIFICS = frozenset({"mrs", "ms", "miss", "madam", "madame", "dame", "lady", "queen"})
_LOOK_BACK = 2  # sentences, for a pronoun
_LOOK_BACK_MENTIONS = 200  # people mentioned, for a description


@dataclass
class _Person:
    entity: Entity
    gender: str | None = None
    countries: set[str] = field(default_factory=set)
    role_words: set[str] = field(default_factory=set)


def add_references(
    text: str,
    sentences: Sequence[SentenceInfo],
    entities: Sequence[Entity],
    lexicon: Lexicon,
) -> None:
    """Add pronoun and description mentions to the people of ``entities``."""
    running = [s for s in sentences if s.part in ("body", "standfirst")]
    if not running:
        return
    starts = [s.start for s in running]
    people: dict[str, _Person] = {}
    events: list[tuple[int, int, str, Candidate | None, _Person | None]] = []
    countries: dict[str, str | None] = {}  # _country of each word, for this article
    for entity in entities:
        if entity.type != "PERSON":
            continue
        person = _describe(text, entity, lexicon, countries)
        people[entity.id] = person
        for m in entity.mentions:
            events.append((m.start, 0, "name", m, person))
    if not people:
        return
    for s in running:
        for m in _PRONOUN_SCAN.finditer(text, s.start, s.end):
            events.append((m.start(), 1, "pronoun", None, None))
        if text.startswith("he", s.start):
            for m in _DESCRIPTION_SCAN.finditer(text, s.start, s.end):
                events.append((m.start(), 1, "description", None, None))
        else:
            for m in _DESCRIPTION_HE.finditer(text, s.start, s.end):
                events.append((m.start() - 1, 1, "description", None, None))
    events.sort(key=lambda e: (e[0], e[1]))
    # (sentence index, position, person, is subject) of every resolved mention so far
    history: list[tuple[int, int, _Person, bool]] = []
    for pos, _, kind, cand, person in events:
        k = bisect.bisect_right(starts, pos) - 1
        if k < 0 or pos >= running[k].end:
            continue  # not in running text
        if kind == "name" and person is not None and cand is not None:
            history.append((k, pos, person, _is_subject(text, cand, running[k])))
            continue
        if kind == "pronoun":
            m = _PRONOUN.match(text, pos)
            assert m is not None
            word = m.group(1).lower()
            gender = "M" if word in _MALE else "F"
            target = _antecedent(history, k, gender)
            if target is None:
                continue
            ref = Candidate(pos, m.end(), m.group(1), "PERSON", "pronoun", sentence=k)
            history.append((k, pos, target, word in _SUBJECT))
        else:
            d = _DESCRIPTION.match(text, pos)
            assert d is not None
            found = _described(d, history, lexicon)
            if found is None:
                continue
            target, end = found
            ref = Candidate(pos, end, text[pos:end], "PERSON", "description", sentence=k)
            history.append((k, pos, target, True))
        ref.attrs["kind"] = ref.source
        target.entity.references.append(ref)


def _describe(
    text: str, entity: Entity, lexicon: Lexicon, countries: dict[str, str | None]
) -> _Person:
    """What the article says about a person: gender, countries, role words."""
    person = _Person(entity)
    first = entity.name.split()[0]
    if first in lexicon.male:
        person.gender = "M"
    elif first in lexicon.female:
        person.gender = "F"
    for m in entity.mentions:
        pieces: list[str] = []
        if m.role:
            pieces.append(m.role)
        # the words right before the name: "his Iranian counterpart Ali Shamkhani"
        # (a line break further back than the window does not matter: looking only in the
        # window keeps this linear in the text, whose lines may be paragraphs long)
        lo = max(0, m.start - 50)
        line_start = text.rfind("\n", lo, m.start) + 1
        before = text[max(line_start, lo) : m.start].split()[-3:]
        pieces.append(" ".join(before))
        for piece in pieces:
            for word in piece.replace("’s", " ").replace("'s", " ").split():
                bare = word.strip(",.;:()“”\"'")
                low = bare.lower().rstrip(".")
                if low in _MALE_HONORIFICS and person.gender is None:
                    person.gender = "M"
                elif low in _FEMALE_HONORIFICS and person.gender is None:
                    person.gender = "F"
                if bare in countries:
                    country = countries[bare]
                else:
                    country = countries[bare] = _country(bare, lexicon)
                if country:
                    person.countries.add(country)
                person.role_words.add(low)
    return person


def _country(word: str, lexicon: Lexicon) -> str | None:
    key = normalize(word)
    country = lexicon.demonyms.get(key)
    if country:
        return country
    hit = lexicon.names.get(key)
    if hit is not None and hit[1].startswith("country:"):
        return hit[1]
    return None


def _is_subject(text: str, cand: Candidate, sent: SentenceInfo) -> bool:
    start = cand.role_span[0] if cand.role_span else cand.start
    before = text[max(sent.start, start - 40) : start].split()
    return not (before and before[-1].lower().strip(",“”\"'") in _OBLIQUE)


def _antecedent(
    history: list[tuple[int, int, _Person, bool]], k: int, gender: str
) -> _Person | None:
    fallback = None
    for sent, _, person, subject in reversed(history):
        if sent < k - _LOOK_BACK:
            break
        if person.gender not in (None, gender):
            continue
        if subject:
            return person
        if fallback is None:
            fallback = person
    return fallback


def _described(
    d: re.Match[str], history: list[tuple[int, int, _Person, bool]], lexicon: Lexicon
) -> tuple[_Person, int] | None:
    """The person "the Russian official" stands for, and where the description ends."""
    country = _country(d.group(1), lexicon)
    if country is None:
        return None
    end = None
    for w in _LOWER.finditer(d.string, d.start(2), d.end(2)):
        if w.group() in lexicon.role_nouns:
            end = w.end()  # the last one: "the Iranian security official"
        elif end is not None:
            break
    if end is None:
        return None
    for _, _, person, _ in history[: -_LOOK_BACK_MENTIONS - 1 : -1]:
        if country in person.countries:
            return person, end
    return None
