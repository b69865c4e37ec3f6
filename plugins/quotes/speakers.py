"""Who a cue's subject is: a person named, a pronoun, a description, or an organization.

The subject of a cue is the words where the speaker stands ("the GHF chief" in “…,” the
GHF chief said; "a spokeswoman for the agency" in “…,” said a spokeswoman for the agency).
Its *head* is the word the phrase is about: the word before its first preposition ("a
spokeswoman *for* the agency" is a spokeswoman), else its last word ("the company's chief
executive" is an executive). What the head is decides what kind of speaker it is:

- a role noun (spokesman, chief, director, minister ...): a person described. The person
  is the one the article named with that role, when exactly one fits (:class:`Roles`);
  else nobody, and the report keeps the description as written;
- an organization noun (ministry, company, agency ...) or an organization's name: the
  organization speaking ("the ministry said in a statement", "UNICEF said");
- a name the entity tagger tagged as a person: that person, unless the name only
  qualifies the head ("Smith's lawyer", "a spokeswoman for Smith").

Matching a description to a person (:class:`Roles`): the description's role noun must fit
one of the person's roles (the same noun, a synonym — spokesman/spokeswoman,
CEO/chief executive — or a generic "chief", "head", "leader" or "boss" for any top post:
director, director-general, chairman, president ...), and the organization the description
names (by name, alias or acronym: "the EF chief"; or by a noun: "the agency's chief") must
be the one the person's role names, when both name one. Only a single fitting person counts;
an indefinite description ("a spokesman") needs the organization to match too, as a news
story introduces a new, unnamed source that way.

Everything here is bounded: a subject has a few words, a role a few more, and the look-back
for the organization a noun stands for is a fixed number of mentions.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

__all__ = [
    "ORG_NOUNS",
    "PERSON_ROLES",
    "Roles",
    "Subject",
    "read_subject",
    "role_fits",
]

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9’'.\-]*")

# singular nouns of a person's office or job, which head a description of one person
PERSON_ROLES = frozenset(
    """
    president minister official secretary spokesman spokeswoman spokesperson leader chief
    envoy diplomat ambassador general commander governor mayor chancellor premier king queen
    prince senator lawmaker legislator representative chairman chairwoman chairperson chair
    director director-general secretary-general head executive ceo cfo coo founder co-founder
    analyst expert professor researcher economist lawyer attorney judge prosecutor officer
    negotiator adviser advisor aide counterpart candidate coach manager player boss owner
    administrator commissioner deputy inspector investigator scientist doctor physician nurse
    teacher student resident witness source insider engineer strategist consultant member
    mp congressman congresswoman councilman councilwoman councillor councilor sheriff
    superintendent captain lieutenant sergeant colonel major admiral marshal priest bishop
    cardinal pope imam rabbi activist campaigner organiser organizer protester farmer worker
    trader broker banker investor president-elect vice-president spokesmen-general economist
    """.split()
)
# plural heads: a group speaks, never one person ("officials said")
_PLURAL_ROLES = frozenset(
    """
    officials sources spokesmen spokeswomen spokespeople analysts experts economists lawyers
    residents witnesses diplomats leaders ministers executives authorities police investigators
    researchers scientists doctors activists protesters campaigners organisers organizers
    traders brokers bankers investors people members aides advisers advisors observers
    """.split()
)
# nouns that head an organization's description ("the ministry", "the company")
ORG_NOUNS = frozenset(
    """
    ministry department agency company firm group government administration organization
    organisation fund bank council commission committee office bureau authority court army
    military navy police party union association federation alliance board institute
    institution university foundation charity corporation club team league parliament
    congress senate cabinet regulator embassy secretariat programme program mission coalition
    body network operator airline carrier maker manufacturer producer retailer exchange
    tribunal service force forces
    """.split()
)
# organization nouns general enough to stand for any organization named just before
_GENERIC_ORG = frozenset(
    "agency organization organisation group body company firm institution alliance".split()
)
_PREPOSITIONS = frozenset("for of at with from in on to by".split())
_DETERMINERS = frozenset("the a an another one its his her their our this that".split())
_INDEFINITE = frozenset({"a", "an", "another", "one"})
_PRONOUN_HEADS = frozenset({"he", "she"})
# words that open an adverbial before the subject ("In a statement, the ministry said")
_ADVERBIAL = _PREPOSITIONS | frozenset(
    "after before when while as during asked speaking writing responding since".split()
)
# what a quotation can come from, which is not its author ("a statement from the ministry")
_DOCUMENTS = frozenset(
    """
    statement report filing letter note post tweet email e-mail release memo communique
    message document transcript video interview
    """.split()
)

_SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson"})
_TOP_GENERIC = frozenset({"chief", "head", "leader", "boss"})
_TOP = _TOP_GENERIC | frozenset(
    """
    director director-general executive ceo chairman chairwoman chairperson chair president
    secretary-general administrator commissioner
    """.split()
)
_SYNONYMS = (
    _SPOKES,
    frozenset({"ceo", "executive"}),
    frozenset({"chairman", "chairwoman", "chairperson", "chair"}),
    frozenset({"director", "director-general"}),
    frozenset({"adviser", "advisor"}),
    frozenset({"lawyer", "attorney"}),
)
_LOOK_BACK_ORGS = 8  # organization mentions searched for the one a noun stands for


# (cached: the same few words come back in every cue, name and role of an article)
@lru_cache(maxsize=8192)
def _bare(word: str) -> str:
    """A word as a key: lowercase, no possessive, no final full stop."""
    low = word.lower()
    if low[-1:] == "s" and low[-2:-1] in ("’", "'"):
        low = low[:-2]  # "Iran’s", "Moscow's"
    elif low[-1:] in ("’", "'"):
        low = low[:-1]  # "the countries’"
    return low.rstrip(".")


def role_fits(cue: str, role: str) -> bool:
    """Does the role noun ``role`` (a person's) fit the noun ``cue`` (a description's)?"""
    return role in _fitting_roles(cue)


@lru_cache(maxsize=1024)
def _fitting_roles(cue: str) -> frozenset[str]:
    """The role nouns that fit the noun ``cue``: itself, its synonyms, and for a generic
    "chief", "head", "leader" or "boss" any top post (and the other way round). Worked
    out once per noun, so matching a description to each person is one set test."""
    fits = {cue}
    for group in _SYNONYMS:
        if cue in group:
            fits |= group
    if cue in _TOP_GENERIC:
        fits |= _TOP
    if cue in _TOP:
        fits |= _TOP_GENERIC
    return frozenset(fits)


@dataclass
class Subject:
    """What a cue's subject says: where it is, its words, its head and its modifiers."""

    start: int  # clean-text range, trimmed of punctuation
    end: int
    text: str
    words: list[tuple[int, int, str]]  # (start, end, word)
    head: int | None  # index in ``words``
    determiner: str | None  # "the", "a" ... when the phrase opens with one

    @property
    def head_word(self) -> str:
        return _bare(self.words[self.head][2]) if self.head is not None else ""

    @property
    def indefinite(self) -> bool:
        return self.determiner in _INDEFINITE

    def is_pronoun(self) -> bool:
        return self.head_word in _PRONOUN_HEADS or (
            bool(self.words) and _bare(self.words[0][2]) in _PRONOUN_HEADS
        )

    def is_person_role(self) -> bool:
        return self.head_word in PERSON_ROLES

    def is_group(self) -> bool:
        return self.head_word in _PLURAL_ROLES

    def is_org_noun(self) -> bool:
        return self.head_word in ORG_NOUNS

    def is_document(self) -> bool:
        return self.head_word in _DOCUMENTS

    def after_adverbial(self, text: str) -> Subject | None:
        """The subject after an opening adverbial ("In a statement on Monday, the
        ministry" is "the ministry"); itself when it has none."""
        if _bare(self.words[0][2]) not in _ADVERBIAL:
            return self
        comma = text.rfind(",", self.start, self.end)
        if comma == -1:
            return self
        return read_subject(text, comma + 1, self.end) or self

    def author(self, text: str) -> Subject | None:
        """Who a document is from or by: "the ministry" in "a statement from the
        ministry"; None when it does not say."""
        if self.head is None or self.head + 1 >= len(self.words):
            return None
        if _bare(self.words[self.head + 1][2]) not in ("from", "by", "of"):
            return None
        if self.head + 2 >= len(self.words):
            return None
        return read_subject(text, self.words[self.head + 2][0], self.end)

    def modifiers(self) -> list[tuple[int, int, str]]:
        """The words other than the head and the determiner."""
        skip = {self.head, 0 if self.determiner else None}
        return [w for i, w in enumerate(self.words) if i not in skip]

    def qualifies(self, start: int, end: int, text: str) -> bool:
        """Does the span ``[start, end)`` only qualify the head ("Smith's lawyer",
        "a spokeswoman for Smith")? A name after a role head with no preposition between
        is the head's apposition ("the agency's director Maria Keller"), not a qualifier."""
        if self.head is None:
            return False
        if text.startswith(("’s", "'s", "’", "'"), end) and not (
            self.words and self.words[-1][1] <= end
        ):
            return True
        before = [w for w in self.words if w[1] <= start]
        if before:
            last = _bare(before[-1][2])
            if last == "the" and len(before) > 1:
                last = _bare(before[-2][2])
            if last in _PREPOSITIONS:
                return True
        return False


def read_subject(text: str, start: int, end: int) -> Subject | None:
    """The subject in ``[start, end)`` of the clean text, or None if it has no words."""
    words = []
    for m in _WORD.finditer(text, start, end):
        w = m.group()
        # a full stop that only ends the word goes ("U.S." keeps its stops; "said." not)
        if w[-1] == "." and "." not in w[:-1]:
            words.append((m.start(), m.end() - 1, w[:-1]))
        else:
            words.append((m.start(), m.end(), w))
    if not words:
        return None
    first = _bare(words[0][2])
    determiner = first if first in _DETERMINERS else None
    head: int | None = None
    for i, (_, _, w) in enumerate(words):
        if i > 0 and _bare(w) in _PREPOSITIONS:
            head = i - 1
            break
    if head is None:
        head = len(words) - 1
    if determiner and head == 0:
        head = None  # "the" alone
    t0, t1 = words[0][0], words[-1][1]
    return Subject(t0, t1, text[t0:t1], words, head, determiner)


@dataclass
class _Profile:
    """What the article says a person is: role nouns and the organizations they serve."""

    roles: set[str] = field(default_factory=set)
    orgs: set[str] = field(default_factory=set)
    nouns: set[str] = field(default_factory=set)


class Roles:
    """The people of an article by role, for matching a description to one of them."""

    def __init__(self, text: str, data: Sequence[dict[str, Any]]) -> None:
        self.text = text
        self._data = data
        self._built = False  # the indexes below are built when first needed
        self._types: dict[str, str] = {}
        self._people: dict[str, dict[str, Any]] = {}
        # ORG and GPE names, aliases and acronyms, as lowercase word sequences
        self._names: dict[tuple[str, ...], str] = {}
        self._longest = 0
        self._orgs: list[tuple[int, int, str]] = []  # (start, end, id) of their mentions
        self._org_starts: list[int] = []
        self._org_words: dict[str, set[str]] = {}
        self._profiles: dict[str, _Profile] = {}

    def _build(self) -> None:
        self._built = True
        org_mentions: list[tuple[int, int, str]] = []
        for e in self._data:
            kind = self._types[e["id"]] = e["type"]
            if kind == "PERSON":
                self._people[e["id"]] = e
            if kind not in ("ORG", "GPE"):
                continue
            for n, name in enumerate((e["name"], *e.get("aliases", []))):
                key = tuple(_bare(w) for w in _WORD.findall(name))
                if n == 0:
                    self._org_words[e["id"]] = set(key)
                if key and key not in self._names:
                    self._names[key] = e["id"]
            org_mentions.extend((m["start"], m["end"], e["id"]) for m in e.get("mentions", []))
        self._longest = max((len(k) for k in self._names), default=0)
        org_mentions.sort()
        self._orgs = org_mentions
        self._org_starts = [m[0] for m in org_mentions]

    def profile(self, person: str) -> _Profile | None:
        """What the article says the person ``person`` (an entity id) is."""
        if not self._built:
            self._build()
        found = self._profiles.get(person)
        if found is None and person in self._people:
            found = self._profiles[person] = self._profile(self._people[person])
        return found

    # -- organizations -------------------------------------------------------------------

    def named_orgs(self, words: Iterable[str]) -> set[str]:
        """The organizations a run of words names, by name, alias or acronym."""
        if not self._built:
            self._build()
        keys = [_bare(w) for w in words]
        found: set[str] = set()
        for i in range(len(keys)):
            for n in range(min(self._longest, len(keys) - i), 0, -1):
                hit = self._names.get(tuple(keys[i : i + n]))
                if hit:
                    found.add(hit)
                    break
        return found

    def org_for_noun(self, noun: str, before: int) -> str | None:
        """The organization "the agency" stands for: the latest named before ``before``
        whose name has the noun ("the fund": the Global Health Fund), or for a generic
        noun ("the agency", "the group") the latest named at all."""
        if not self._built:
            self._build()
        i = bisect_left(self._org_starts, before)
        latest: str | None = None
        for _, _, org in reversed(self._orgs[max(0, i - _LOOK_BACK_ORGS) : i]):
            if self._types.get(org) != "ORG":
                continue
            if noun in self._org_words.get(org, ()):
                return org
            latest = latest or org
        return latest if noun in _GENERIC_ORG else None

    def orgs_in(self, start: int, end: int) -> list[str]:
        """The organization mentions inside ``[start, end)``, in order."""
        if not self._built:
            self._build()
        i = bisect_left(self._org_starts, start)
        out = []
        while i < len(self._orgs) and self._orgs[i][0] < end:
            if self._orgs[i][1] <= end:
                out.append(self._orgs[i][2])
            i += 1
        return out

    # -- people --------------------------------------------------------------------------

    def _profile(self, entity: dict[str, Any]) -> _Profile:
        text = self.text
        profile = _Profile()
        mentions = entity.get("mentions") or []
        for role in entity.get("roles") or []:
            words = _WORD.findall(role)
            keys = [_bare(w) for w in words]
            profile.roles.update(k for k in keys if k in PERSON_ROLES)
            orgs = self.named_orgs(words)
            profile.orgs.update(orgs)
            nouns = {k for k in keys if k in ORG_NOUNS}
            profile.nouns.update(nouns)
            if nouns and not orgs:
                at = self._role_position(role, mentions)
                for noun in nouns:
                    org = self.org_for_noun(noun, at) if at is not None else None
                    if org:
                        profile.orgs.add(org)
        for m in mentions:
            # an organization named right before the name: "UNICEF chief Maria Keller",
            # "UNICEF's Keller"
            lo = max(0, m["start"] - 60)
            for _, e, org in self._orgs[
                bisect_left(self._org_starts, lo) : bisect_left(self._org_starts, m["start"])
            ]:
                between = text[e : m["start"]]
                if e <= m["start"] and _is_premodifier(between):
                    profile.orgs.add(org)
                    profile.roles.update(
                        k for k in (_bare(w) for w in _WORD.findall(between)) if k in PERSON_ROLES
                    )
        return profile

    def _role_position(self, role: str, mentions: Sequence[dict[str, Any]]) -> int | None:
        """Where a role stands in the text, next to one of the person's mentions."""
        for m in mentions:
            lo, hi = max(0, m["start"] - 160), min(len(self.text), m["end"] + 200)
            at = self.text.find(role, lo, hi)
            if at != -1:
                return at
        return None

    def match(
        self, subject: Subject, at: int, candidates: Sequence[str], nationality: bool = False
    ) -> str | None:
        """The one person among ``candidates`` (entity ids) the described subject fits."""
        role = subject.head_word
        mods = subject.modifiers()
        cue_orgs = self.named_orgs(w for _, _, w in mods)
        cue_orgs.update(self.orgs_in(subject.start, subject.end))
        cue_nouns = {_bare(w) for _, _, w in mods} & ORG_NOUNS
        for noun in cue_nouns:
            org = self.org_for_noun(noun, at)
            if org:
                cue_orgs.add(org)
        strong: list[str] = []
        weak: list[str] = []
        fits = _fitting_roles(role)
        for pid in candidates:
            profile = self.profile(pid)
            if profile is None or profile.roles.isdisjoint(fits):
                continue
            if (cue_orgs and profile.orgs & cue_orgs) or cue_nouns & profile.nouns:
                strong.append(pid)
            elif not cue_orgs and not cue_nouns:
                weak.append(pid)
            elif not profile.orgs and not profile.nouns:
                weak.append(pid)  # the role names no organization: it may be the one
        if len(strong) == 1:
            return strong[0]
        if strong or subject.indefinite or nationality:
            return None
        return weak[0] if len(weak) == 1 else None


def _is_premodifier(between: str) -> bool:
    """Is the text between an organization and a name a pre-modifier: "", "'s",
    " chief ", "’s executive director "?"""
    rest = between
    for mark in ("’s", "'s"):
        if rest.startswith(mark):
            rest = rest[len(mark) :]
            break
    if rest and not rest[0].isspace():
        return False
    words = rest.split()
    return len(words) <= 3 and all(w.isalpha() or "-" in w for w in words)
