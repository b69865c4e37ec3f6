"""Who said it: cues, speakers, and the salience that resolves pronouns and descriptions.

A quotation is *speech* when a cue goes with it — a speech verb next to it in its sentence
(“…,” he said / “…,” said the minister / X told reporters: “…”) or "according to X" — or
when it is a whole sentence or paragraph of its own (news prints a quoted paragraph
after the speaker was named). A few words in quotes inside a clause with no cue are scare
quotes or titles (“a special operation”), not speech, and are left out.

The subject before the verb of a cue after a quotation is a few words, or a name of up to
twelve: capitalized words and abbreviations with the joiners names hold ("the U.S. Agency
for International Development said"); an abbreviation's full stop does not end the cue.
A quotation closed as speech with a speech verb in its cue whose subject cannot be read
is speech all the same, with no speaker (``unresolved``): it is never dropped for that.

The speaker, by the first rule that applies (the report gives the rule's name):

``named``
    a person named in the cue's subject ("Patrushev said", "said Ali Shamkhani", "said
    Jones's lawyer, Sarah Blake"), but not one who only qualifies it ("a spokeswoman for
    Jones", "Jones's lawyer"); else an organization that is the whole subject ("UNICEF
    said in a statement").
``according_to``
    the same, after "according to".
``pronoun`` / ``description``
    a pronoun (he, she) or description in the cue's subject that the entity tagger
    resolved to a person (its entities' ``references``). Where it resolved none — a
    pipeline run without references, a bare "the spokesman" — :mod:`.speakers` matches the
    description's role noun and organization against the roles of the people the article
    named, and takes a person only when exactly one fits; a description with a nationality
    ("the German diplomat") is matched against what the article said of each person (their
    roles, and the words just before their mentions: "his Iranian counterpart Ali
    Shamkhani"). He or she goes to the most salient person — the subject of the latest
    sentence that had one (a person named, or described, at its start), not merely the
    nearest name — or, right after an unnamed source ("a ministry spokesman said"), to
    nobody, with that source's description. "the ministry" said is the organization the
    article named with that noun ("the Health Ministry").
``continuation``
    a quotation with no cue of its own, standing as a whole sentence or paragraph, goes to
    the speaker of the quotation just before it, named or not (or the salient person).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

__all__ = ["WORD", "Entity", "SpeechCue", "Tracker", "find_cue", "speech_verbs"]

SPEECH_VERBS = """
said says say saying told tells tell added adds stated states noted notes explained explains
asked asks replied replies warned warns argued argues insisted insists claimed claims
declared declares announced announces wrote writes continued continues stressed stresses
emphasized emphasised emphasizes underlined underlines urged urges recalled recalls
acknowledged acknowledges admitted admits remarked remarks commented comments observed
observes concluded concludes suggested suggests maintained maintains pointed confirmed
confirms denied denies responded responds answered answers shouted cried whispered
testified tweeted posted
""".split()

PRONOUNS = {"he": "male", "she": "female", "they": "plural", "him": "male", "her": "female"}
WORD = re.compile(r"[A-Za-z][A-Za-z’'\-]*")
# case-sensitive: a capitalized "Said" is a name ("Omar Said told reporters")
_VERB = re.compile(r"\b(?:" + "|".join(SPEECH_VERBS) + r")\b")
_ACCORDING = re.compile(r"\baccording to\b", re.IGNORECASE)
# words of a description that say nothing about who it is
_GENERIC = frozenset(
    "the a an this that his her their its our of and in for to at on with by from "
    "official officials spokesman spokeswoman spokesperson source sources also later "
    "earlier then".split()
)
# role nouns a description may be headed by
ROLE_NOUNS = frozenset(
    """
    president minister official secretary spokesman spokeswoman spokesperson leader chief
    envoy diplomat ambassador general commander governor mayor chancellor premier king queen
    prince senator lawmaker representative chairman chairwoman director head executive ceo
    founder analyst expert professor researcher economist lawyer attorney judge prosecutor
    officer negotiator adviser advisor aide counterpart candidate coach manager player
    """.split()
)


def speech_verbs() -> list[str]:
    return list(SPEECH_VERBS)


@dataclass
class Entity:
    """What attribution needs of one of the entity tagger's entities."""

    id: str
    name: str
    type: str
    descriptors: set[str] = field(default_factory=set)

    @classmethod
    def from_data(cls, item: dict[str, Any], text: str) -> Entity:
        """The entity of an entity tagger's item; a person's descriptors are the words of
        its roles and the few words before each mention (only a person's are read, by
        :meth:`Tracker.describe`, so other entities have none)."""
        if item["type"] != "PERSON":
            return cls(item["id"], item["name"], item["type"])
        words: set[str] = set()
        lower = str.lower
        for role in item.get("roles") or []:
            words.update(map(lower, WORD.findall(role)))
        for mention in item.get("mentions") or []:
            # the few words before a mention describe it: "his Iranian counterpart X"
            start = mention["start"]
            words.update(map(lower, WORD.findall(text, max(0, start - 40), start)[-3:]))
        return cls(item["id"], item["name"], item["type"], words - _GENERIC)


@dataclass
class SpeechCue:
    verb: str  # the cue as written: "said", "told reporters", "according to"
    start: int  # clean-text range of the whole cue clause
    end: int
    subject: tuple[int, int] | None  # where the speaker is named or described


def find_cue(
    text: str, before: tuple[int, int], after: tuple[int, int], closed_like_speech: bool
) -> SpeechCue | None:
    """The cue next to a quotation: in ``after`` (its sentence after the closing mark) or,
    failing that, in ``before`` (its sentence before the opening mark).

    A cue after the quotation only counts when the quotation closed as speech does — with
    its own punctuation inside the marks, or a comma right after them (“…,” he said) —
    and the verb comes within a few words: a quoted phrase inside a clause is no speech
    ("launched “a special operation” in Ukraine with a declared goal").
    """
    a0, a1 = after
    clause_end = _clause_end(text, a0, a1)
    if clause_end > a0 and (closed_like_speech or text[a0:clause_end].lstrip().startswith(",")):
        found = _ACCORDING.search(text, a0, clause_end)
        if found and text[a0 : found.start()].strip(" ,;—–-") == "":
            return SpeechCue("according to", a0, clause_end, (found.end(), clause_end))
        verb = _after_verb(text, a0, clause_end)
        if verb:
            if text[a0 : verb.start()].strip(" ,;—–-"):
                subject = (a0, verb.start())  # “…,” he said / “…,” Patrushev said
            else:  # “…,” said the minister, …: up to the next comma
                comma = text.find(",", verb.end(), clause_end)
                subject = (verb.end(), comma if comma != -1 else clause_end)
            return SpeechCue(_cue_words(text, verb.start(), clause_end), a0, clause_end, subject)
        # a speech verb whose subject could not be read: speech all the same, said by
        # someone the cue does not let us name (never dropped for that)
        verb = _VERB.search(text, a0, min(clause_end, a0 + _APPOSITION_REACH))
        if verb is not None:
            return SpeechCue(_cue_words(text, verb.start(), clause_end), a0, clause_end, None)
    b0, b1 = before
    last = b1  # the end of the text before the quotation, less its spaces (not sliced)
    while last > b0 and text[last - 1].isspace():
        last -= 1
    if last > b0 and text[last - 1] in ":,":
        found = _ACCORDING.search(text, b0, b1)
        if found:
            return SpeechCue("according to", b0, b1, (found.end(), b1))
        verbs = list(_VERB.finditer(text, b0, b1))
        if verbs:
            verb = verbs[-1]
            return SpeechCue(_cue_words(text, verb.start(), b1), b0, b1, (b0, verb.start()))
    return None


# "the Iranian security official" is as long as a speaker before its verb gets, unless
# the speaker's name has an apposition between commas ("Keller, who has led the agency
# since 2020, said"): a name of up to four words and up to twelve words between the commas
_MAX_SUBJECT_WORDS = 6
_MAX_NAME_WORDS = 4
_MAX_APPOSITION_WORDS = 12
_APPOSITION_REACH = 200  # characters after the quotation searched for the verb


def _after_verb(text: str, start: int, clause_end: int) -> re.Match[str] | None:
    """The speech verb of a cue after a quotation, within reach of its subject."""
    for verb in _VERB.finditer(text, start, min(clause_end, start + _APPOSITION_REACH)):
        before = text[start : verb.start()]
        words = len(WORD.findall(before))
        if words <= _MAX_SUBJECT_WORDS:
            return verb if verb.start() - start <= 80 else None
        if words <= _MAX_NAME_SUBJECT_WORDS and _is_name(before):
            return verb  # “…,” the U.S. Agency for International Development said
        pieces = before.strip(" \t").lstrip(",").split(",")
        if (
            len(pieces) >= 3
            and pieces[-1].strip() == ""
            and pieces[0].strip()[:1].isupper()
            and len(WORD.findall(pieces[0])) <= _MAX_NAME_WORDS
            and words <= _MAX_NAME_WORDS + _MAX_APPOSITION_WORDS
        ):
            return verb  # “…,” Maria Keller, who has led the agency since 2020, said
        if words > _MAX_NAME_WORDS + _MAX_APPOSITION_WORDS:
            return None
    return None


# a long subject is still one when it is a name: capitalized words (and abbreviations:
# "U.S.") joined by the few lowercase words names hold ("of", "for", "and", "the")
_MAX_NAME_SUBJECT_WORDS = 12
_NAME_JOINERS = frozenset("of for and the on de du la del von van &".split())


def _is_name(before: str) -> bool:
    """Are the words before a verb one name ("the U.S. Agency for International
    Development", "the United Nations Office for the Coordination of Humanitarian
    Affairs")? Its last word is capitalized, and so is every word but a few joiners."""
    tokens = before.strip(" ,;—–-").split()
    if tokens and tokens[0].lower() in ("the", "a", "an"):
        tokens = tokens[1:]
    if not tokens or not tokens[-1][:1].isupper():
        return False
    return all(t[:1].isupper() or t.lower() in _NAME_JOINERS for t in tokens)


_CLAUSE_STOP = re.compile(r"[“\"‘.;:!?]")


_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen col lt sgt capt gov sen rep st jr sr inc corp co ltd bros no".split()
)


def _clause_end(text: str, start: int, end: int) -> int:
    """The cue clause after a quotation ends at the sentence's end or a new quotation;
    not at the full stop of an abbreviation ("the U.S. agency", "Dr. Blake", "Acme Inc.
    said"), which the sentence splitter already left inside the sentence."""
    for found in _CLAUSE_STOP.finditer(text, start, end):
        at = found.start()
        if text[at] != "." or not _abbreviation_at(text, at, start):
            return at
    return end


def _abbreviation_at(text: str, dot: int, floor: int) -> bool:
    """Does the full stop at ``dot`` end an abbreviation: a single capital ("U.", "S.")
    or a title or company word ("Dr.", "Inc.")?"""
    k = dot
    while k > floor and dot - k < 6 and text[k - 1].isalpha():
        k -= 1
    word = text[k:dot]
    if not word or (k > floor and text[k - 1].isalnum()):
        return False
    if len(word) == 1 and word.isupper():
        return True
    return word.lower() in _ABBREVIATIONS and word[:1].isupper()


def _cue_words(text: str, verb_start: int, clause_end: int) -> str:
    """The verb and what completes it: "said", "told reporters", "said in a statement"."""
    # (its first three words are all it can take: not every word of a long clause)
    words = [m.group() for m in islice(WORD.finditer(text, verb_start, clause_end), 3)]
    cue = words[0].lower() if words else ""
    if cue in {"told", "tells", "tell"} and len(words) > 1:
        # the one told: "told reporters", "told Reuters", "told the audience"
        if words[1].lower() in {"the", "a", "an"} and len(words) > 2:
            cue += " " + words[1] + " " + words[2]
        else:
            cue += " " + words[1]
    return cue


LOOK_BACK_ENTITIES = 200  # entities, latest mentioned first, a description may stand for


class Tracker:
    """Who the article is talking about, sentence by sentence."""

    def __init__(
        self,
        data: Sequence[dict[str, Any]] = (),
        text: str = "",
        reach: int | None = LOOK_BACK_ENTITIES,
    ) -> None:
        self._items = {item["id"]: item for item in data}
        # how many of the entities mentioned last a description may stand for (None: all),
        # and how many descriptions found nobody there while earlier ones were left
        self.reach = reach
        self.missed = 0
        self._text = text
        # the persons' ids: every entity seen is asked about, for every description
        self._persons = {i for i, item in self._items.items() if item["type"] == "PERSON"}
        # a person's descriptors are read only when a description is matched against
        # them (:meth:`describe`), and then kept
        self._entities: dict[str, Entity] = {}
        # the pronouns and descriptions the entity tagger resolved, by position
        self._refs = sorted(
            (r["start"], r["end"], r.get("kind", "pronoun"), item["id"])
            for item in data
            for r in item.get("references", [])
        )
        self._ref_starts = [r[0] for r in self._refs]
        self.subject: str | None = None  # the salient person
        # the description of an unnamed salient person ("a ministry spokesman")
        self.subject_description: str | None = None
        # whether that unnamed person came after the latest person named
        self.unnamed_is_latest = False
        self.last_speaker: str | None = None
        self.last_quote: tuple[str | None, str | None] | None = None  # (speaker, description)
        # entities in order of latest mention (a dict keeps its keys in insertion order)
        self.seen: dict[str, None] = {}

    def mention(self, entity_id: str) -> None:
        self.seen.pop(entity_id, None)
        self.seen[entity_id] = None

    def person_ids(self) -> list[str]:
        """The persons mentioned so far, latest first (among the ``reach`` entities
        mentioned last)."""
        persons = self._persons
        return [i for i in islice(reversed(self.seen), self.reach) if i in persons]

    def unresolved(self) -> None:
        """Count a description that found nobody, if the reach left some entities out."""
        if self.reach is not None and len(self.seen) > self.reach:
            self.missed += 1

    def persons(self) -> list[Entity]:
        return [self.entity(i) for i in self.person_ids()]

    def entity(self, entity_id: str) -> Entity:
        found = self._entities.get(entity_id)
        if found is None:
            found = self._entities[entity_id] = Entity.from_data(self._items[entity_id], self._text)
        return found

    def references_in(self, start: int, end: int) -> list[tuple[int, int, str, str]]:
        """``(start, end, kind, entity id)`` of the resolved references inside
        ``[start, end)``."""
        i = bisect_left(self._ref_starts, start)
        j = bisect_left(self._ref_starts, end, lo=i)
        return self._refs[i:j]

    def is_person(self, entity_id: str) -> bool:
        return entity_id in self._persons

    def describe(self, words: list[str]) -> str | None:
        """The person a description fits best; the latest mentioned wins a tie.

        A capitalized word (a nationality: "Iranian") weighs twice a common one
        ("security"); "Iranian" fits "Iran", as a demonym fits its country.
        """
        # (each word lowercased and weighed once, not once per person)
        wanted = [(w.lower(), 2 if w[:1].isupper() else 1) for w in words]
        wanted = [(w, weight) for w, weight in wanted if w not in _GENERIC]
        if not wanted:
            return None
        best: tuple[int, str] | None = None
        for person in self.persons():
            descriptors = person.descriptors
            score = sum(weight for w, weight in wanted if _fits(w, descriptors))
            if score and (best is None or score > best[0]):
                best = (score, person.id)
        return best[1] if best else None


def _fits(word: str, descriptors: set[str]) -> bool:
    """Does a (lowercase) word fit one of a person's descriptors: the same word, or one
    sharing its stem of four letters or more?"""
    if word in descriptors:
        return True
    if len(word) < 4:
        return False  # too short to share a stem: only the same word fits
    # a demonym and its country share their stem: iranian/iran, russian/russia
    return any(len(d) >= 4 and (word.startswith(d) or d.startswith(word)) for d in descriptors)
