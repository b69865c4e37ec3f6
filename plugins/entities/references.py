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
  ("Mr.", "Mrs."); without either, both pronouns fit. In a sentence whose quotation is
  about a person named after "said of" ("\"She has done more ...,\" Erik Lunde said of
  Kari Moen"), a pronoun before that name refers to that person if the gender fits and
  otherwise stays unresolved; the person spoken of counts as the sentence's subject for
  the pronouns after it ("Her Fifth Symphony ...").
- **Descriptions** are "the" + up to three words + a role noun. Three kinds resolve:

  - with a nationality or place: "The Russian official", "the Iranian security official".
    They refer to the person most recently mentioned whose role or description ties them
    to that country ("Secretary of National Security Council of Russia", "his Iranian
    counterpart Ali Shamkhani");
  - with an organization, by name or acronym: "the GHF chief", "the UNICEF spokeswoman".
    They refer to the person most recently mentioned whose role names that organization
    ("executive director of the Global Health Fund (GHF)"; the acronym is the
    organization's alias) and whose role noun fits: the same noun, or one of the same
    kind (chief, head, director, leader, chairman ... are one kind; spokesman,
    spokeswoman, spokesperson another);
  - bare: "the director-general", "the former official". They refer to the one person
    whose stated role (a title, an apposition) has that role noun and the description's
    other words ("the executive director"), or failing that to the one person whose role
    has a noun of its kind, with each of the description's rank words ("former",
    "deputy", "acting" ...) in either case. Where two people fit ("the chief", after the
    heads of two bodies were named) the description is left unresolved. A description
    followed by "of" ("the head of the agency") describes someone new and is left alone;
    so is a role nobody in the article holds ("the spokesman", when only an unnamed
    spokesman spoke).

Only running text (body and standfirst sentences) is read. Everything is one pass over
the sentences with a bounded look-back, linear in the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import itemgetter

from .gazetteer import Lexicon, normalize
from .grouping import Entity
from .roles import role_nouns_of
from .rules import Candidate, SentenceInfo

__all__ = ["WordMemo", "add_references"]

_PRONOUNS = ("he", "him", "his", "himself", "she", "her", "hers", "herself")
_MALE = frozenset({"he", "him", "his", "himself"})
_SUBJECT = frozenset({"he", "she"})

# A pronoun is one of _PRONOUNS as a whole word in any case, ``\b(he|him|...)\b`` with
# IGNORECASE, and a description "the" and up to four words, ``\b[Tt]he((?:[ \t]+[\w.’'-]+)
# {1,4})``. Scanning every sentence for those two patterns was most of add_references'
# time: a pattern that opens with \b, or has IGNORECASE, is tried at every position of the
# text, while one that opens with a plain character class lets the regex engine skip in C to
# the next candidate letter. These find exactly the same matches: \b before a word
# character is "no word character before it" (the lookbehind), and each letter's class
# holds every character IGNORECASE matches it with ("ſ" is an "s"; "ı", "İ" are "i").
_CASES = {"h": "hH", "e": "eE", "i": "iIİı", "m": "mM", "s": "sSſ", "r": "rR", "l": "lL", "f": "fF"}


def _cased(word: str) -> str:
    return "".join(f"[{_CASES[ch]}]" for ch in word)


def _trie(words: Sequence[str]) -> str:
    """The words as one pattern of shared prefixes ("he", "her", "hers": h e (r s?)?), so
    that a candidate letter is tried against each next letter once, not word by word."""
    tree: dict[str, dict] = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # the end of a word

    def emit(node: dict[str, dict]) -> str:
        alts = [_cased(ch) + emit(child) for ch, child in node.items() if ch]
        if not alts:
            return ""
        return f"(?:{'|'.join(alts)})" + ("?" if "" in node else "")

    return "|".join(f"(?<=[{_CASES[ch]}]){emit(child)}" for ch, child in tree.items())


_PRONOUN_SCAN = re.compile(
    rf"[{''.join(sorted({_CASES[w[0]] for w in _PRONOUNS}))}](?<!\w.)(?:"
    + _trie(_PRONOUNS)
    + r")\b"
)
# The words after "the" are read in a lookahead, as the description pattern's group: the scan gives
# them without a second match at each "the", and still finds a "the" among them ("the head
# of the agency"), since its match is the "the" alone.
_DESCRIPTION_WORDS = r"(?=((?:[ \t]+[\w.’'-]+){1,4}))"
_DESCRIPTION_SCAN = re.compile(r"[Tt](?<!\w.)he" + _DESCRIPTION_WORDS)
# Faster still: a pattern that opens with a literal is searched for like a substring. Its
# matches start one character after the description pattern's, at the "h" of "The"; so a
# sentence that itself starts with "he" (where the "T" would lie outside the sentence)
# takes the scan above.
_DESCRIPTION_HE = re.compile(r"he(?<=[Tt]he)(?<!\w...)" + _DESCRIPTION_WORDS)
_WORD_PUNCT = ",.;:!?()“”\"'’"
# Role nouns of one kind: a description with one fits a role with another ("the GHF
# chief" is its executive director).
_KINDS = (
    frozenset(
        "chief head director director-general leader boss chair chairman chairwoman "
        "chairperson president secretary-general administrator".split()
    ),
    frozenset("spokesman spokeswoman spokesperson".split()),
)
# Words that set a role apart from another of the same noun: "the former official" is
# not the serving one.
_RANK_WORDS = frozenset("former deputy vice acting assistant interim outgoing".split())
# Lowercase words that may stand between "the" and a role noun; anything else (a verb,
# a pronoun) means the words are not one description.
_NOT_DESCRIPTIVE = frozenset(
    "the a an and or but of for to in on at by with from said says told is was are were "
    "has had have will would who which that his her its their this".split()
)
# A person right after one of these is an object, not the subject of the sentence.
_OBLIQUE = frozenset(
    "with to by for of from in at against on about between among than like toward towards "
    "including met meet meets visited visit visits told tell tells called and".split()
)
_MALE_HONORIFICS = frozenset({"mr", "sir", "lord", "king", "prince", "messrs"})
_FEMALE_HONORIFICS = frozenset({"mrs", "ms", "miss", "madam", "madame", "dame", "lady", "queen"})
_LOOK_BACK = 2  # sentences, for a pronoun
# a verb of saying and "of" right before a name: the person the quotation is about
_SAID_OF = re.compile(r"\b(?:said|says|say|wrote|writes|spoke|speaks|told)[ \t]+of[ \t]+$")
LOOK_BACK_MENTIONS = 200  # people mentioned, for a description (max_description_antecedents)


# Entries kept in each of a WordMemo's dicts, which are emptied when full (as the rules
# backend's caches are): the words of a few hundred articles.
_MEMO_SIZE = 20_000


@dataclass
class WordMemo:
    """What add_references reads from single words, kept from one article to the next.

    Each is a pure function of the word and the lexicon, and the same words come back
    in every article ("Mr.", "President", "Russian", "official"), so a tagger keeps one
    memo for its lexicon: ``countries``, the country a word names (see _country);
    ``words``, a word before a name as _describe reads it; ``holds``, whether a word is
    or holds a role noun (see _may_describe); ``nouns``, its role nouns (see
    _parse_description).
    """

    countries: dict[str, str | None] = field(default_factory=dict)
    words: dict[str, tuple[tuple[str, str | None], ...]] = field(default_factory=dict)
    holds: dict[str, bool] = field(default_factory=dict)
    nouns: dict[str, list[str]] = field(default_factory=dict)

    def bound(self) -> None:
        """Empty the dicts that are full, so the memo stays a few megabytes at most."""
        for memo in (self.countries, self.words, self.holds, self.nouns):
            if len(memo) >= _MEMO_SIZE:
                memo.clear()


@dataclass
class _Person:
    entity: Entity
    gender: str | None = None
    countries: set[str] = field(default_factory=set)
    role_words: set[str] = field(default_factory=set)
    role_nouns: set[str] = field(default_factory=set)  # of its stated roles
    role_text: str = ""  # its stated roles, one per line (organizations are named there)


def add_references(
    text: str,
    sentences: Sequence[SentenceInfo],
    entities: Sequence[Entity],
    lexicon: Lexicon,
    reach: int | None = LOOK_BACK_MENTIONS,
    memo: WordMemo | None = None,
) -> int:
    """Add pronoun and description mentions to the people of ``entities``.

    A description ("the Russian official") is matched against the ``reach`` people
    mentioned last (all of them if None). ``memo`` keeps the readings of words for the
    next article read with the same lexicon (a new one for this article alone if None).
    Returns how many descriptions matched none of them while earlier mentions went
    unsearched: the times that bound was hit.
    """
    running = [s for s in sentences if s.part in ("body", "standfirst")]
    if not running:
        return 0
    if memo is None:
        memo = WordMemo()
    else:
        memo.bound()
    starts = [s.start for s in running]
    people: dict[str, _Person] = {}
    events: list[tuple[int, int, str, Candidate | None, _Person | None]] = []
    countries = memo.countries
    words = memo.words
    # "'She has ...,' Erik Lunde said of Kari Moen": the person spoken of, by sentence
    spoken_of: dict[int, tuple[int, _Person]] = {}
    for entity in entities:
        if entity.type != "PERSON":
            continue
        person = _describe(text, entity, lexicon, countries, words)
        people[entity.id] = person
        for m in entity.mentions:
            events.append((m.start, 0, "name", m, person))
            lo = max(0, m.start - 24)
            # (the "of" the pattern ends in must lie in the window: a test in C first)
            if text.find("of", lo, m.start) != -1 and _SAID_OF.search(text, lo, m.start):
                k = bisect.bisect_right(starts, m.start) - 1
                if k >= 0 and k not in spoken_of:
                    spoken_of[k] = (m.start, person)
    if not people:
        return 0
    orgs = _organizations(entities)
    parsed: dict[int, _Description] = {}
    pronouns: dict[int, tuple[str, int]] = {}  # the word and end of each pronoun, by start
    role_nouns = lexicon.role_nouns
    nouns_memo = memo.nouns
    holds = memo.holds
    for s in running:
        for m in _PRONOUN_SCAN.finditer(text, s.start, s.end):
            pronouns[m.start()] = (m.group(), m.end())
            events.append((m.start(), 1, "pronoun", None, None))
        # (the scan's match starts at the "T", or one after it: see _DESCRIPTION_HE)
        scan, back = (
            (_DESCRIPTION_SCAN, 0) if text.startswith("he", s.start) else (_DESCRIPTION_HE, 1)
        )
        for d in scan.finditer(text, s.start, s.end):
            group = d.group(1)
            if not _may_describe(group, role_nouns, holds):
                continue
            pos = d.start() - back
            desc = _parse_description(pos, group, d.start(1), role_nouns, nouns_memo)
            if desc is not None:
                parsed[pos] = desc
                events.append((pos, 1, "description", None, None))
    events.sort(key=itemgetter(0, 1))
    # (sentence index, position, person, is subject) of every resolved mention so far
    history: list[tuple[int, int, _Person, bool]] = []
    bound_hit = 0
    for pos, _, kind, cand, person in events:
        k = bisect.bisect_right(starts, pos) - 1
        if k < 0 or pos >= running[k].end:
            continue  # not in running text
        if kind == "name" and person is not None and cand is not None:
            about = k in spoken_of and spoken_of[k][0] == pos
            history.append((k, pos, person, about or _is_subject(text, cand, running[k])))
            continue
        if kind == "pronoun":
            said, end = pronouns[pos]
            word = said.lower()
            gender = "M" if word in _MALE else "F"
            if k in spoken_of and pos < spoken_of[k][0]:
                # a quotation about the person named after "said of": that person, or,
                # where the gender does not fit, nobody rather than someone further back
                about = spoken_of[k][1]
                target = about if about.gender in (None, gender) else None
            else:
                target = _antecedent(history, k, gender)
            if target is None:
                continue
            ref = Candidate(pos, end, said, "PERSON", "pronoun", sentence=k)
            history.append((k, pos, target, word in _SUBJECT))
        else:
            found = _described(parsed[pos], history, lexicon, orgs, reach)
            if found is None:
                bound_hit += reach is not None and len(history) > reach
                continue
            target, end = found
            ref = Candidate(pos, end, text[pos:end], "PERSON", "description", sentence=k)
            history.append((k, pos, target, True))
        ref.attrs["kind"] = ref.source
        target.entity.references.append(ref)
    return bound_hit


def _describe(
    text: str,
    entity: Entity,
    lexicon: Lexicon,
    countries: dict[str, str | None],
    words: dict[str, tuple[tuple[str, str | None], ...]],
) -> _Person:
    """What the article says about a person: gender, countries, role words.

    ``countries`` and ``words`` keep each word's country and the readings of each word
    before a name (see _readings), since the same words come back before every mention
    ("Mr.", "President", "Russian"); see WordMemo."""
    person = _Person(entity)
    first = entity.name.split()[0]
    if first in lexicon.male:
        person.gender = "M"
    elif first in lexicon.female:
        person.gender = "F"
    stated = [*entity.roles, *(m.role for m in entity.mentions if m.role)]
    person.role_text = "\n".join(stated)
    for role in stated:
        for word in role.split():
            person.role_nouns.update(role_nouns_of(word, lexicon.role_nouns))
    for role in entity.roles:
        for word in role.replace("’s", " ").replace("'s", " ").split():
            bare = word.strip(",.;:()“”\"'")
            if bare[:1].isupper():
                if bare not in countries:
                    countries[bare] = _country(bare, lexicon)
                if countries[bare]:
                    person.countries.add(countries[bare])  # type: ignore[arg-type]
    for m in entity.mentions:
        # the words right before the name: "his Iranian counterpart Ali Shamkhani"
        # (a line break further back than the window does not matter: looking only in the
        # window keeps this linear in the text, whose lines may be paragraphs long)
        lo = max(0, m.start - 50)
        line_start = text.rfind("\n", lo, m.start) + 1
        before = text[max(line_start, lo) : m.start].split()[-3:]
        # the mention's own role first, then those words
        for raw in [*m.role.split(), *before] if m.role else before:
            readings = words.get(raw)
            if readings is None:
                readings = words[raw] = _readings(raw, lexicon, countries)
            for low, country in readings:
                if person.gender is None:
                    if low in _MALE_HONORIFICS:
                        person.gender = "M"
                    elif low in _FEMALE_HONORIFICS:
                        person.gender = "F"
                if country:
                    person.countries.add(country)
                person.role_words.add(low)
    return person


def _readings(
    raw: str, lexicon: Lexicon, countries: dict[str, str | None]
) -> tuple[tuple[str, str | None], ...]:
    """A word before a name as _describe reads it: (role word, country) of each of its
    words once a possessive is cut off ("agency’s" is "agency")."""
    out = []
    for word in raw.replace("’s", " ").replace("'s", " ").split():
        bare = word.strip(",.;:()“”\"'")
        if bare in countries:
            country = countries[bare]
        else:
            country = countries[bare] = _country(bare, lexicon)
        out.append((bare.lower().rstrip("."), country))
    return tuple(out)


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
    before = text[max(sent.start, start - 40) : start].rsplit(None, 1)  # the last word
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


@dataclass
class _Description:
    """What "the GHF chief" says: its first capitalized word, role noun, rank words, end."""

    start: int
    end: int
    qualifier: str | None  # "Russian", "GHF": a nationality, a place or an organization
    noun: str
    ranks: frozenset[str]
    followed_by_of: bool
    words: tuple[str, ...] = ()  # its other lowercase words ("executive")


def _may_describe(group: str, role_nouns: frozenset[str], holds: dict[str, bool]) -> bool:
    """Whether any word after "the" is or holds a role noun, as ``role_nouns_of`` reads it.

    Most "the ..." runs hold none ("the best way to"); this test turns them away before
    the word-by-word parse. It never turns away a run the parse would accept. ``holds``
    keeps the answer for each word, as the same words come back (see WordMemo)."""
    for raw in group.split():
        hit = holds.get(raw)
        if hit is None:
            word = raw.lower().strip(_WORD_PUNCT)
            hit = holds[raw] = word in role_nouns or (
                "-" in word
                and not role_nouns.isdisjoint(p.strip(_WORD_PUNCT) for p in word.split("-"))
            )
        if hit:
            return True
    return False


def _parse_description(
    start: int, group: str, base: int, role_nouns: frozenset[str], memo: dict[str, list[str]]
) -> _Description | None:
    """ "the" + up to three words + a role noun (the last of several: "security official").

    ``start`` is where "the" starts, ``group`` the words after it (the description pattern's group)
    and ``base`` where they start. ``memo`` keeps each word's role nouns (see
    ``role_nouns_of`` and WordMemo)."""
    qualifier: str | None = None
    ranks: set[str] = set()
    words: list[str] = []
    noun: str | None = None
    end = 0
    rest: list[str] = []
    after = 0
    # the group is words between spaces and tabs, so split() gives them; find() their
    # offsets in one sweep
    for k, raw in enumerate(group.split()):
        at = group.find(raw, after)
        after = at + len(raw)
        word = raw.strip(_WORD_PUNCT)
        stop = word != raw.rstrip("’'") and raw[-1:] in ',.;:!?)”"'
        if noun is not None:
            if word[:1].islower():
                nouns = memo.get(word)
                if nouns is None:
                    nouns = memo[word] = role_nouns_of(word, role_nouns)
                if nouns:
                    words.append(noun)  # "executive director": the first noun describes
                    noun = nouns[0]
                    end = base + at + len(word)
                    if stop:
                        break
                    continue
            rest.append(word.lower())
            break
        if not word:
            return None
        if word[:1].isupper():
            if k > 0 or word.endswith(("'s", "’s")):
                return None  # "the agency's", or a name after lowercase words
            qualifier = word
        else:
            nouns = memo.get(word)
            if nouns is None:
                nouns = memo[word] = role_nouns_of(word, role_nouns)
            if nouns:
                noun = nouns[0]
                end = base + at + len(word)
            elif word in _NOT_DESCRIPTIVE or not word.isalpha():
                return None
            elif word in _RANK_WORDS:
                ranks.add(word)
            else:
                words.append(word.lower())
        if stop:
            break
    if noun is None:
        return None
    return _Description(
        start,
        end,
        qualifier,
        noun,
        frozenset(ranks),
        bool(rest) and rest[0] == "of",
        tuple(words),
    )


def _organizations(entities: Sequence[Entity]) -> dict[str, list[str]]:
    """Every name and alias of each organization: {form: all its forms}."""
    out: dict[str, list[str]] = {}
    for e in entities:
        if e.type != "ORG":
            continue
        forms = [e.name, *e.aliases]
        for form in forms:
            out.setdefault(form, forms)
    return out


def _has_word(person: _Person, word: str) -> bool:
    """Does the person's stated role, or a word before their name, hold ``word``?"""
    if word in person.role_nouns or word in person.role_words:
        return True
    return f" {word} " in f" {person.role_text.lower()} "


def _kind(noun: str) -> frozenset[str]:
    for kind in _KINDS:
        if noun in kind:
            return kind
    return frozenset((noun,))


def _described(
    d: _Description,
    history: list[tuple[int, int, _Person, bool]],
    lexicon: Lexicon,
    orgs: dict[str, list[str]],
    reach: int | None,
) -> tuple[_Person, int] | None:
    """The person "the Russian official" or "the GHF chief" stands for, and its end,
    among the ``reach`` people mentioned last (all if None)."""
    country = _country(d.qualifier, lexicon) if d.qualifier else None
    recent = history[::-1] if reach is None else history[: -reach - 1 : -1]
    if country is not None:
        for _, _, person, _ in recent:
            if country in person.countries:
                return person, d.end
        return None
    if d.followed_by_of:
        return None  # "the head of the agency": someone the words go on to describe
    kind = _kind(d.noun)
    if d.qualifier is not None:
        forms = orgs.get(d.qualifier, [d.qualifier])
        for _, _, person, _ in recent:
            if person.role_nouns.isdisjoint(kind):
                continue
            if any(re.search(rf"\b{re.escape(f)}\b", person.role_text) for f in forms):
                return person, d.end
        return None
    # a bare description names one person only when exactly one fits it: first by its
    # own noun and words ("the executive director"), then by a noun of its kind ("the
    # chief"); two heads of two bodies leave "the chief" unresolved
    exact: dict[int, _Person] = {}
    close: dict[int, _Person] = {}
    for _, _, person, _ in recent:
        if person.role_nouns.isdisjoint(kind) or (
            d.ranks and not all(r in person.role_text for r in d.ranks)
        ):
            continue
        close.setdefault(id(person), person)
        if d.noun in person.role_nouns and all(_has_word(person, w) for w in d.words):
            exact.setdefault(id(person), person)
    for fits in (exact, close):
        if len(fits) == 1:
            return next(iter(fits.values())), d.end
        if fits:
            return None
    return None
