"""The rules backend: find name mentions in clean text with the lexicon and pattern rules.

The recognizer reads one sentence at a time (the sectioner's ``sentences`` layer) and
finds *runs*: capitalized words, joined by spaces and by the few lowercase words that
occur inside names ("of", "the", "for", "and", "de", "van", "bin" ...). A run ends at a
possessive, at a full stop that is not an abbreviation's, at a contraction ("I'm") and
at the pronoun "I"; months and weekdays are not names (unless a family name: "Theresa
May"). "and" cuts a run ("Iran and Russia") unless it stands inside a known name
("Bosnia and Herzegovina") or a name head follows ("Food and Drug Administration") and the
words before it are not a name of their own ("Goldman Sachs and Deutsche Bank" is two). Each
run is cut into mentions:

1. **Sentence openers.** A run's first word at the start of a sentence (or of a quotation,
   or after a colon) is capitalized by position, not by being a name. It is dropped when it
   is a common word ("Boosting", "Since", "However", "The"; see :mod:`.gazetteer` for how
   common words are told from names) unless the lexicon knows it as a name, a title or a
   given name and family name follow it, or a verb of saying does ("Bush said"). A dropped
   opener comes back when the article names it elsewhere ("Gazprom said" after "analysts
   from Gazprom"; "May said" after "Theresa May").
2. **Possessives and hyphens.** "Moscow's" is "Moscow"; "Tehran-Moscow" is two mentions
   when both halves are names; "US-led" is "US"; "ex-Soviet" keeps its prefix; a name
   with a hyphen that is known whole ("Guinea-Bissau") or unknown ("Jean-Pierre") stays
   whole.
3. **Titles and roles.** A run that ends in a person's name and has a title or office
   before it ("President Ebrahim Raisi", "Secretary of National Security Council of Russia
   Nikolai Patrushev", "Mr. Patrushev") gives a PERSON mention for the name alone; the rest
   is the person's role, inside which places and organizations are still tagged. Titles
   right before a given name inside a longer run ("General Patrick Gordon of ...") are
   its role too. After "of", a name is the office's place, not a person ("Governor of
   Virginia"). A sentence opener that names the office keeps its place in the title
   ("Finance Minister Lars Klingbeil", "Health Secretary ..."; but "Then President ..."
   is "President"), and in a body's name ("Finance Ministry", "Security Council").
4. **Name heads.** A phrase ending in an organization, place, facility, event or law head
   ("Shanghai Cooperation Organization", "Ukraine War", "Aswan Dam") or starting with one
   and followed by "of ..." ("University of Paris", "Ministry of Foreign Affairs", with
   one "and" between two plain words: "Ministry of Trade and Industry") is one mention of
   that type. A person after "of" is not part of it ("the Labour Party of Shimon Peres",
   "the Conservative Party of Prime Minister John Major"; but "the Office of the Prime
   Minister" is one name). A law or treaty that contains a known organization or place
   ("UN Charter") gives that organization or place instead.
5. **The lexicon.** The longest known name wins ("United States of America", "Bosnia and
   Herzegovina"). A place followed by more capitalized words that are not a person's name
   is an organization named after it ("Pittsburgh Pirates", "Iran Air"), and so is a place
   and a plural that is no family name ("Houston Astros"); the words after the place name
   the same team later ("the Red Sox" after "Boston Red Sox"). A place name that
   is also a common word or a person's name ("Reading", "Lincoln") is *weak*: a place only
   after a preposition of place ("in Reading"), unless nothing else claims it.
6. **Person names.** A given name, or an initial, followed by name-like words and
   particles ("Ali Shamkhani", "George W. Bush", "Nikolaus van der Pas"), family names
   with an elided or joined particle among them ("Jean le Rond d'Alembert", "Wajiha
   al-Sabunji"; a joined particle adds no word to the five a name may have), and a
   ruler's number after a title ("King Charles I"; after a bare name "I" stays the
   pronoun), and a name after a title of nobility, with its particle, even one spelled
   like a town ("the Marquis de Lafayette" is the person "de Lafayette", role Marquis).
   A given name that is also a word ("Will", "May") needs a family name from
   the census list after it; a month's short form that is a given name ("Jan") is one
   before a capitalized word that is no month ("Jan Siemerink", not "Jan 5").
7. **Everything else** capitalized is kept as an *unknown* candidate and typed once the
   whole article has been read: a surname or first name of a person the article names
   in full is that person; an acronym of an organization named elsewhere, or defined in
   brackets ("Kurdistan Workers Party (PKK)"), is that organization; otherwise the words
   around it decide (a verb of saying after it: a person; "in", "at" before it: a place),
   then its shape: an acronym is an organization ("NBC"), a word with an inner capital or
   a digit is a brand ("LibriVox"), a word ending in -ian, -ese, -ish is a group, a
   single word the census lists as a name is a person and any other an organization, and
   several rare words together are a person's name ("Tosui Nakarai"). A single capitalized
   common word with no such evidence ("Defense", "Charter") is not a name, except a plural
   after "the", which names a team or a band ("the Pirates"); nor are words in capitals
   for emphasis ("ALL NOW").

Then, over the whole article:

- **Names kept whole.** A possessive stands inside a name when the possessor is a common
  word and a name head closes the capitalized words after it ("United Nations Children's
  Fund", "Women's World Cup"; but "Russia's Foreign Ministry" is two). Before a bracketed
  acronym, the capitalized words and "of", "for", "and", "the" whose initials spell it are
  one name ("Coalition for Epidemic Preparedness Innovations (CEPI)"). A capitalized word
  that is not otherwise a name, then ", the" and an organization's name closed by
  punctuation, is one name with its description ("Gavi, the Vaccine Alliance,"). A name
  closed by a legal form ends there ("Acme Corp and Example Inc." is two), and keeps an
  opener ("Example Inc. said").
- **People named like places.** A given name and a family name that is a name head ("Linda
  Park") is a person, not a park, where the family name alone is a person in the article
  ("Park said"), a verb of saying stands next to it, or a role and a comma before it.
- **Given names that are towns.** A lone given name that the lexicon also knows as a
  minor town ("Anna", "Mary") and that was a place only because nothing else claimed it
  stays a place with a cue ("in Anna", "Anna, Spain", "Exeter, Devon"), is no name after
  a determiner ("the Stuart restoration"), and is otherwise a person ("met Anna", "Mary
  and I").
- **Diseases** ("COVID-19", "HIV", "Ebola", "mpox", ``data/diseases.txt``; strain codes
  such as "H5N1"; a name right before "virus", "fever", "disease", "flu" or "syndrome",
  "Marburg virus", "Crohn's disease", and then its other mentions) are not names, nor
  are holidays ("a Christmas tree") or airport codes on a route ("from FRA to LHR"),
  nor are abbreviations that name nothing ("PhD", "GDP",
  "CEO", "TV", ``data/abbreviations.txt``).
- **Works by context.** A name nothing else typed (an unknown word, or a town the
  lexicon knows) right after a noun for a work ("his book Quiet Rooms", "the opera
  'Stillwater'", "the novel The Long Field") is a WORK_OF_ART; an unknown name guessed to
  be an organization is one also after a verb of making a work ("wrote", "composed",
  "starred in"), in quotation marks of its own, or with a year in brackets after it
  ("Silent Hours (2016)"); then so are its other untyped mentions.
- **Schools and employers by context.** A town (not a country) or an unknown name after
  "at" with a word of study or work before it ("studied at Cambridge", "an analyst at
  Metzler"), after "from" with a word of graduating ("graduated from Harrow"), or right
  after "attended" or "joined", is an organization; so are its other mentions, except
  after a preposition of place.
- **Coordinated names.** An unknown word joined by "and" or "or" to an organization's
  name is an organization ("Nomura Securities and Daiwa said").
- **Storms** are events by their kind ("Hurricane Delia", "Typhoon Haiyan", "Storm
  Ciara" opening a sentence), even where the name is also a place's; a lone plural
  event head is an event ("the Paralympics").
- **Teams.** A place that is not a country as the subject or object of a result verb
  ("Leeds beat ...", "lost to Leicester", "drew 1-1 with Hull City"), or with a score after
  it, is a team (ORG), and so are its other mentions except after a preposition of place;
  a club prefix before a city ("Real Madrid", "Bayern Munich", "Inter Milan") makes one
  ORG, and so does a word the lexicon does not know (or a town's) before a town or a
  capital, the two ending the run ("PSV Eindhoven", "Vitesse Arnhem", "Ajax Amsterdam";
  not "Irving Berlin", whose first word is a given name, nor "St. Petersburg"), where
  the text speaks of sport: a result or a score in the sentence, a results table, or a
  word of sport ("scored", "league", "coach", "season", "cup") within two sentences,
  which is not enough when the town's name is also a person's or a word ("Stolmy
  Pimentel"). Without it the two words are one place after a preposition of place or
  when the first is a town's ("Levico Terme", "Eureka Springs"), else a name the words
  around type. The club's word alone is then the same team ("scored for Ajax").
  National sides stay their country (GPE), as CoNLL writes them. A settlement's kind
  before a name ("Kibbutz Ginosar") makes it a place.
- **Companies by context.** A name of several words read as a person's is a company's
  when it has shares ("shares of X", "X shares") or employs an analyst, economist,
  strategist, trader, banker, engineer or researcher named right after it ("X analyst
  Jim Poe"). A name before "unit", "subsidiary", "division", "affiliate" or
  "shareholders" ("General Motors Corp's Opel unit"), or an unknown one right after
  such a noun ("Siemens unit Osram"), is a company's. Companies that read as people or
  places ("Goldman Sachs", "Deutsche Telekom") are listed in ``data/companies.tsv``;
  legal forms ("Corp", "Inc.", "plc", "ASA", "AG", "SA", "NV", "AB", "Oyj", "SpA", "KK")
  are heads. A full name read as a person's that has shares, or that a company's name
  extends ("Brenton Vale Group"), is the company's in all its mentions.
- **Months as given names.** A month that is also a given name, before a family name
  with a role apposition, is part of the name ("May Chen, head of investor relations,");
  after a date word ("in May") it stays the month. Likewise a given name that is a
  common word opening a sentence ("Grace Mbeki, the agency's director-general,").

Some lines are read differently (a sentence of hard-wrapped text is read line by line
when its lines differ):

- **Headings, and a title in Title Case**, are capitalized throughout, so only names the
  lexicon knows, or names found in the article's running text, are tagged there.
- **Lines in capitals** (wire-service headlines, datelines) are matched against the same
  known names, ignoring case; a known town in capitals in running text is a place even
  where its name is also a person's ("officials in GENEVA and ZURICH"); names are known
  without their accents too ("Zurich", "Sao Paulo").
- **Result tables** ("Arsenal 2 Chelsea 1", league standings), lines made of names and
  numbers, have no sentence openers; a name there that is not a person or a country is a
  team (ORG).

Everything is linear in the text: one regular-expression pass per sentence (no nested
quantifiers that could backtrack), dictionary look-ups bounded by the longest name in
the lexicon, and per-document indexes for the second pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from .gazetteer import Lexicon, normalize, not_names, plain_abbreviations
from .roles import apposition_role as _apposition

__all__ = ["Candidate", "RuleRecognizer", "SentenceInfo", "role_text"]


def _upper_class() -> str:
    """A regex character class of the uppercase and titlecase letters of the BMP.

    The Basic Multilingual Plane holds every script names are written in here (Latin,
    Greek, Cyrillic ...), and scanning it costs a few milliseconds at import.
    """
    ranges: list[tuple[int, int]] = []
    for code in range(0x10000):
        ch = chr(code)
        if ch.isupper() or ch.istitle():
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    parts = [
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    ]
    return "[" + "".join(parts) + "]"


_UP = _upper_class()
# lowercase words that can stand inside a name between capitalized words
_CONNECTORS = frozenset(
    "of the for and & de da di du del della der den des do dos das van von la le y "
    "bin ibn al el upon on zu ter te".split()
)
_CONN = "|".join(sorted((re.escape(c) for c in _CONNECTORS), key=len, reverse=True))
# a family name after the first word may open with an elided or joined particle
# ("Jean le Rond d'Alembert", "Wajiha al-Sabunji")
_PARTICLE_PREFIX = r"(?:[dl]['’]|[ae]l-)"
_RUN_TAIL = rf"[\w'’.&-]*(?:[ \t]+(?:(?:{_CONN})[ \t]+){{0,2}}{_PARTICLE_PREFIX}?{_UP}[\w'’.&-]*)*"
_PARTICLE_NAME = re.compile(rf"{_PARTICLE_PREFIX}{_UP}")
_RUN = re.compile(rf"(?<![\w'’.-])(?:[a-z]{{1,4}}-)?{_UP}{_RUN_TAIL}")
# The same runs in text without a hyphen (most sentences), where no run can start with a
# lowercase prefix ("ex-"). A pattern that opens with \b, a lookbehind or an optional
# group is tried at every position of the text; one that opens with a character class
# lets the regex engine skip in C to the next capital (the lookbehind, now after the
# capital, still looks at the character before it). _NUMBER and _LOWER_WORD below are
# written that way too.
_RUN_NO_HYPHEN = re.compile(rf"{_UP}(?<![\w'’.-].){_RUN_TAIL}")
_WORD = re.compile(r"\S+")
_INITIAL = re.compile(rf"^{_UP}\.$")
_GROUP_SUFFIXES = ("ian", "ean", "ese", "ish")
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")
# Words before a name head ("Shanghai Cooperation Organization"): a bound keeps long runs
# of capitalized words linear.
_LONGEST_HEAD_PHRASE = 10
# family names written with an inner capital ("McCarthy", "DeVos", "FitzGerald")
_NAME_PREFIX = re.compile(r"\b(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz)(?=[A-Z])")
_CONTRACTION = re.compile(r"['’](?:m|ve|re|ll|d|t)$", re.IGNORECASE)
_DOTTED = re.compile(rf"^(?:{_UP}\.)+{_UP}?\.?$")
_ACRONYM = re.compile(rf"^{_UP}[{_UP[1:-1]}0-9&]{{1,7}}$")
_DIGIT = re.compile(r"\d")
_NUMBER = re.compile(r"\d\d*(?:[.,:]\d+)*")
_NAME_NUMBER = re.compile(rf"({_UP}[\w.'’-]*)[ \t]+\d")
_LOWER_WORD = re.compile(r"[a-z](?<![\w'’-].)[a-z'’-]*\b")
_OPENING = '“"‘«'
_SKIP_BACK = " \t“\"‘'«([—–-•*"

# Honorifics are part of how a person is addressed, not an office held.
_HONORIFICS = frozenset(
    "mr mrs ms miss mx messrs mmes mme mlle madam madame sir dame dr herr frau monsieur "
    "señor señora".split()
)
# Verbs of saying right after a capitalized word mark it as a person.
_SPEECH = frozenset(
    "said says told added explained argued wrote warned insisted stressed noted asked "
    "replied claimed recalled urged announced acknowledged admitted believes believed "
    "thinks thought wants wanted who".split()
)
_PLACE_PREPOSITIONS = frozenset("in at near from outside across throughout into via".split())
# Before an unknown name these say "a place", unless the name holds common words ("an
# analyst at Counterpoint Research" is at an organization).
_IN_PLACE = frozenset("in at near from outside across throughout".split())
_DETERMINERS = frozenset("the a an this that these those".split())


@dataclass(slots=True)
class SentenceInfo:
    """A sentence to read: its clean-text range and the sectioner's ``part``."""

    start: int
    end: int
    part: str = "body"


@dataclass(slots=True, init=False)
class Candidate:
    """A name mention found by a backend, before grouping.

    ``label`` is an OntoNotes type, or None while the type is unknown; ``ident`` is the
    lexicon's id for a known name; ``role`` is the title or office written before a
    person's name; ``source`` says which rule found it.
    """

    start: int
    end: int
    text: str
    label: str | None
    source: str
    ident: str | None = None
    role: str | None = None
    role_span: tuple[int, int] | None = None
    prev: str = ""
    next: str = ""
    initial: bool = False
    sentence: int = 0
    attrs: dict[str, object] = field(default_factory=dict)
    key: str = ""  # the text as the lexicon writes names (see gazetteer.normalize)

    # written out rather than generated: thousands are made per article, and the generated
    # __init__ plus __post_init__ costs twice as much
    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        label: str | None,
        source: str,
        ident: str | None = None,
        role: str | None = None,
        role_span: tuple[int, int] | None = None,
        prev: str = "",
        next: str = "",
        initial: bool = False,
        sentence: int = 0,
        attrs: dict[str, object] | None = None,
        key: str = "",
    ) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.label = label
        self.source = source
        self.ident = ident
        self.role = role
        self.role_span = role_span
        self.prev = prev
        self.next = next
        self.initial = initial
        self.sentence = sentence
        self.attrs = {} if attrs is None else attrs
        self.key = key or normalize(text)


# A mention read from a run: token range [i, j), label, source, lexicon id, role span.
_Item = tuple[int, int, str | None, str, str | None, tuple[int, int] | None]
# What a mention's Candidate is made of besides its offsets, by item: its text, its key
# (see gazetteer.normalize), its word's base when it differs from the text ("Soviet" in
# "ex-Soviet"), and the role its role span gives.
_Surface = tuple[str, str, str | None, str | None]
# A run's reading (see _parse): its items, their surfaces, and whether any is a club
# named with its city (which the text around decides).
_Reading = tuple[list[_Item], list[_Surface], bool]
# Entries kept in each of the recognizer's caches, which are emptied when full: enough for
# the runs and words of a few hundred articles, in a few tens of megabytes at most.
_CACHE_SIZE = 20_000

# A sentence opener set aside until the whole article is read (most are common words and
# are dropped, so their Candidate is only made for the few kept): start, end, text,
# sentence, sentence index.
_Held = tuple[int, int, str, SentenceInfo, int]


class _Tok:
    """One word of a run (a plain slots class: tens of thousands are made per article)."""

    __slots__ = ("base", "calendar", "conn", "end", "lower", "start", "text")

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        conn: bool = False,
        base: str = "",
        calendar: bool = False,
    ) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.conn = conn
        self.lower = text.lower().rstrip(".")
        # the capitalized part a lowercase prefix leads to ("Soviet" in "ex-Soviet"), with
        # straight apostrophes, as the lexicon writes names
        base = base or text
        if "’" in base or "‘" in base:
            base = base.replace("’", "'").replace("‘", "'")
        self.base = base
        self.calendar = calendar  # a month or weekday that may also be a name ("May")


class RuleRecognizer:
    """Find name mentions with the lexicon and pattern rules (see the module docstring)."""

    def __init__(self, lexicon: Lexicon, extra: dict[str, tuple[str, str]] | None = None) -> None:
        self.lex = lexicon
        self.extra = dict(extra or {})
        self.max_words = max(
            lexicon.max_words, max((len(k.split()) for k in self.extra), default=1)
        )
        # The word prefixes of the longer names ("United", "United States" of "United
        # States of America"), so that a look-up of longer and longer keys stops at the
        # first key no name goes on from, instead of trying up to ``max_words`` words.
        # (The lexicon's names are normalized: one space between words.)
        prefixes: set[str] = set()
        for key in (*(k for k in lexicon.names if " " in k), *self.extra):
            words = key.split()
            for n in range(1, len(words)):
                prefixes.add(" ".join(words[:n]))
        self._prefixes = frozenset(prefixes)
        # per-recognizer caches of pure functions of the text read (see _runs, _parse and
        # _resolve), which the same runs and words coming back in every article fill
        self._run_cache: dict[str, list[list[_Tok]]] = {}
        self._parsed: dict[tuple[object, ...], _Reading] = {}
        self._guessed: dict[tuple[str, str, str, bool], str | None] = {}
        self._lone_openers: dict[str, tuple[bool | None, bool | None]] = {}
        # without a user gazetteer, a look-up is one dict look-up
        self._get = self.lookup if self.extra else lexicon.names.get

    # -- look-ups ------------------------------------------------------------------------
    def lookup(self, key: str) -> tuple[str, str] | None:
        hit = self.extra.get(key)
        if hit is not None:
            return hit
        return self.lex.names.get(key)

    def _is_title(self, tok: _Tok) -> bool:
        if tok.conn:
            return False
        low = tok.lower
        if low in self.lex.titles:
            return True
        return "-" in low and low.split("-")[0] in self.lex.titles  # "Secretary-General"

    def _head(self, tok: _Tok) -> tuple[str, str] | None:
        return None if tok.conn else self.lex.heads.get(tok.lower)

    def _common(self, tok: _Tok) -> bool:
        return tok.lower in self.lex.common

    def _namelike(self, tok: _Tok) -> bool:
        """Could this word be part of a person's name?"""
        if tok.conn:
            return False
        if not tok.text[:1].isupper():
            return _PARTICLE_NAME.match(tok.text) is not None  # "d'Alembert", "al-Sabunji"
        if tok.text == "I":
            return True  # a ruler's number: the pronoun never reaches a run's tokens
        if _INITIAL.match(tok.text):
            return True
        if self._is_title(tok) or tok.lower in self.lex.heads:
            return False
        if tok.text in self.lex.calendar_words and tok.text not in self.lex.given:
            return False
        hit = self.lookup(tok.text)
        if hit is not None and hit[0] in ("NORP", "LANGUAGE"):
            return False
        if tok.lower in self.lex.common:
            return tok.text in self.lex.surnames or tok.text in self.lex.given
        return True

    def _gaz(
        self, toks: Sequence[_Tok], i: int, hi: int, *, weak: bool = True
    ) -> tuple[int, str, str] | None:
        """The longest known name starting at ``toks[i]``: (end index, label, id)."""
        if toks[i].conn:
            return None
        top = min(hi, i + self.max_words + 2)
        get = self._get
        prefixes = self._prefixes
        best = None
        key = ""
        for j in range(i, top):
            tok = toks[j]
            key = f"{key} {tok.base}" if key else tok.base
            if not tok.conn:
                hit = get(key)
                if hit is not None and (weak or key not in self.lex.weak or key in self.extra):
                    best = (j + 1, hit[0], hit[1])
            if key not in prefixes:
                break  # no name goes on from these words
        return best

    # -- tokens --------------------------------------------------------------------------
    def _tokens(self, text: str, start: int, end: int) -> list[list[_Tok]]:
        """The words of one run, cut into sub-runs at possessives and name hyphens."""
        lex = self.lex
        calendar_words = lex.calendar_words
        cur: list[_Tok] = []
        runs: list[list[_Tok]] = [cur]
        for m in _WORD.finditer(text, start, end):
            word = m.group()
            a, b = m.span()
            if word in _CONNECTORS:
                cur.append(_Tok(a, b, word, conn=True))
                continue
            # trailing punctuation that the token pattern let in
            cut_after = False
            while word and word[-1] in "'’-&":
                if len(word) >= 2 and word[-2] in "sS" and word[-1] in "'’":
                    cut_after = True  # "Americans’": a plural possessive
                word = word[:-1]
                b -= 1
            if word.endswith(("'s", "’s", "'S", "’S")):
                if self._possessive_inside(word[:-2], text, b, end):
                    cur.append(_Tok(a, b, word))  # "United Nations Children's Fund"
                    continue
                word, b, cut_after = word[:-2], b - 2, True
            elif word == "I" and self._regnal(cur):
                cur.append(_Tok(a, b, word))  # "Peter I", "Emperor Norton I"
                continue
            elif word == "I" or (("'" in word or "’" in word) and _CONTRACTION.search(word)):
                # "I'm", "Don't", "We'll" and the pronoun "I" are never part of a name
                cur = []
                runs.append(cur)
                continue
            if word.endswith("."):
                stem = word[:-1]
                if not (
                    _INITIAL.match(word) or _DOTTED.match(word) or stem.lower() in lex.abbreviations
                ):
                    word, b, cut_after = stem, b - 1, True  # a full stop ends the name
            if not word:
                continue
            if "-" in word:
                pieces = self._hyphen(word, a)
                if pieces is None:
                    continue
                last = len(pieces) - 1
                for k, (tok, cut) in enumerate(pieces):
                    cur.append(tok)
                    if cut or k < last:
                        cur = []
                        runs.append(cur)
                if cut_after:
                    cur = []
                    runs.append(cur)
                continue
            if word in calendar_words and not (
                (cur and (cur[-1].text in lex.given or self._is_title(cur[-1])))
                or self._short_month_name(word, text, b, end)
            ):
                # a month or a weekday, unless a family name ("Theresa May", "Mrs May"); one
                # that is also a name stays a run of its own, kept only where the article
                # knows it as a name ("May said" after "Theresa May")
                if word in lex.surnames or word in lex.given:
                    runs.append([_Tok(a, b, word, calendar=True)])
                cur = []
                runs.append(cur)
                continue
            cur.append(_Tok(a, b, word))
            if cut_after:
                cur = []
                runs.append(cur)
        out = []
        for run in runs:
            while run and run[0].conn:
                run.pop(0)
            while run and run[-1].conn:
                run.pop()
            if run:
                out.append(run)
        return out

    def _regnal(self, cur: list[_Tok]) -> bool:
        """Is an "I" after these words a ruler's number, not the pronoun?

        Only after a name with a title before it ("King Charles I", "Emperor Norton I"):
        after a bare name the pronoun is as likely ("when John I said").
        """
        if len(cur) < 2 or cur[-1].conn or not cur[-1].text[:1].isupper():
            return False
        return self._is_title(cur[-2]) and not self._is_title(cur[-1])

    def _short_month_name(self, word: str, text: str, pos: int, end: int) -> bool:
        """ "Jan Siemerink": a month's short form that is a given name, before a name.

        The short form is a given name when a capitalized word that is no month or
        weekday follows it in the run ("Jan Ullrich"); "Jan 5" and "Jan." are the month.
        """
        if len(word) != 3 or word not in self.lex.given or pos + 2 >= end:
            return False
        if text[pos] != " " or not text[pos + 1].isupper():
            return False
        k = pos + 1
        stop = min(end, k + 40)
        while k < stop and not text[k].isspace():
            k += 1
        nxt = text[pos + 1 : k].rstrip(".,'’")
        return nxt not in self.lex.calendar_words and self._gaz_word(nxt)

    def _gaz_word(self, word: str) -> bool:
        """Could ``word`` be a family name: not a known place, organization or group?"""
        hit = self.lookup(word)
        return hit is None or hit[0] == "PERSON"

    def _possessive_inside(self, stem: str, text: str, pos: int, end: int) -> bool:
        """Does a possessive stand inside a name ("Children's Fund", "Women's World Cup")?

        It does when the possessor is a common word, not a name ("Russia's Foreign
        Ministry" is two), and a name head closes the capitalized words after it.
        """
        low = stem.lower()
        if low not in self.lex.common or low in self.lex.heads or not stem[:1].isupper():
            return False  # (a head names something: "Michigan State University's Museum")
        after = text[pos : min(end, pos + 60)].split()[:4]
        if not after or not after[0][:1].isupper():
            return False
        heads = self.lex.heads
        for w in after:
            if not w[:1].isupper() and w not in _CONNECTORS:
                return False
            h = heads.get(w.lower().rstrip(".,"))
            if h is not None and h[1] != "start":
                return True
        return False

    def _hyphen(self, word: str, a: int) -> list[tuple[_Tok, bool]] | None:
        """A hyphenated word as tokens; each flagged when the run must end after it."""
        if self.lookup(normalize(word)) is not None:
            return [(_Tok(a, a + len(word), word), False)]
        parts = word.split("-")
        if not parts[0][:1].isupper():
            # "ex-Soviet", "pro-Kremlin", "al-Assad": the capitalized part decides
            rest = "-".join(parts[1:])
            if not rest[:1].isupper() or rest.split("-")[0] in self.lex.calendar_words:
                return None
            if parts[0] in self.lex.particles:
                return [(_Tok(a, a + len(word), word), False)]
            return [(_Tok(a, a + len(word), word, base=rest), True)]
        caps = []
        for part in parts:
            if not part[:1].isupper():
                break
            caps.append(part)
        if len(caps) < len(parts):
            if len(caps) < len(parts) - 1 and parts[-1][:1].isupper():
                return [(_Tok(a, a + len(word), word), False)]  # "Bourg-la-Reine"
            # "US-led", "Iran-backed", "Dialogue-based": the name is the capitalized part
            head = "-".join(caps)
            return [(_Tok(a, a + len(head), head), True)]
        known = [self.lookup(normalize(p)) for p in parts]
        if all(
            k is not None and normalize(p) not in self.lex.weak
            for k, p in zip(known, parts, strict=True)
        ):
            out = []
            pos = a
            for part in parts:
                out.append((_Tok(pos, pos + len(part), part), True))
                pos += len(part) + 1
            return out
        return [(_Tok(a, a + len(word), word), False)]

    # -- reading -------------------------------------------------------------------------
    def recognize(self, text: str, sentences: Iterable[SentenceInfo]) -> list[Candidate]:
        """All name mentions of ``text``, typed (see the module docstring)."""
        found: list[Candidate] = []
        held: list[_Held] = []
        deferred: list[tuple[int, SentenceInfo, str]] = []
        sents = list(sentences)
        sport = _SportEvidence(text, sents)
        for idx, sent in enumerate(sents):
            for piece, mode in self._pieces(text, sent):
                if mode in ("known", "caps"):
                    deferred.append((idx, piece, mode))
                    continue
                for m in _find_runs(text, piece.start, piece.end):
                    start = m.start()
                    for run in self._runs(text, start, m.end()):
                        self._read_run(text, run, start, sent, idx, mode, found, held, sport)
        self._whole_before_acronym(text, found, held)
        self._acronyms(text, found)
        self._named_with_description(text, found, held)
        self._people_named_like_places(text, found, held)
        self._resolve(text, found, held)
        self._given_names_not_towns(text, found)
        self._months_as_given_names(text, found)
        self._drop_diseases(text, found)
        self._sports_teams(text, found)
        self._companies_by_context(text, found)
        self._coordinated(text, found)
        self._works_by_context(text, found)
        self._institutions_by_context(text, found)
        known = self._known_index(found)
        for idx, piece, mode in deferred:
            self._read_known(text, piece, idx, mode, known, found)
        found.sort(key=lambda c: (c.start, -c.end))
        return found

    def _runs(self, text: str, start: int, end: int) -> list[list[_Tok]]:
        """The sub-runs of the run ``text[start:end]``, in offsets from ``start``.

        They depend on the run's text alone, and the same runs come back again and again
        ("He", "The", a name the article repeats), so they are cached by it; the tokens
        are shared, and so never changed.
        """
        key = text[start:end]  # (_WORD, which cuts it into words, looks no further)
        runs = self._run_cache.get(key)
        if runs is None:
            runs = self._split_and(self._tokens(key, 0, len(key)))
            if len(self._run_cache) >= _CACHE_SIZE:
                self._run_cache.clear()
            self._run_cache[key] = runs
        return runs

    def _pieces(self, text: str, sent: SentenceInfo) -> list[tuple[SentenceInfo, str]]:
        """The sentence, or its lines when they read differently, each with its mode.

        A sentence of hard-wrapped text (or of a feed that runs table rows together) can
        hold lines in capitals or rows of results among lines of prose.
        """
        mode = self._mode(text, sent.start, sent.end, sent.part)
        if mode not in ("normal", "table") or text.find("\n", sent.start, sent.end) == -1:
            return [(sent, mode)]
        out = []
        start = sent.start
        while start < sent.end:
            end = text.find("\n", start, sent.end)
            end = sent.end if end == -1 else end
            line_mode = self._mode(text, start, end, sent.part)
            out.append((SentenceInfo(start, end, sent.part), line_mode))
            start = end + 1
        return out

    def _mode(self, text: str, start: int, end: int, part: str) -> str:
        seg = text[start:end]
        if seg.isupper() and any(len(w) > 1 and w.isalpha() for w in seg.split()):
            return "caps"
        if part == "heading":
            return "known"
        if part == "title":
            words = [w for w in seg.split() if len(w) > 3 and w[0].isalpha()]
            if words and sum(w[0].isupper() for w in words) * 4 >= len(words) * 3:
                return "known"
        numbers = len(_NUMBER.findall(seg))  # every digit starts one
        if numbers:
            if numbers < 2:
                return "normal"
            # a table has at most half as many lowercase words as numbers; prose has far
            # more, so stop counting as soon as there are too many
            most = numbers // 2
            for lower, _ in enumerate(_LOWER_WORD.finditer(seg), 1):
                if lower > most:
                    return "normal"
            calendar_words = self.lex.calendar_words
            for m in _NAME_NUMBER.finditer(seg):
                if m.group(1) not in calendar_words:
                    return "table"
        return "normal"

    def _split_and(self, runs: list[list[_Tok]]) -> list[list[_Tok]]:
        """Cut runs at "and" unless it stands inside one name.

        "Iran and Russia" is two names; "Bosnia and Herzegovina" (a known name), "Food and
        Drug Administration" (a head follows) and "Ministry of Industry and Trade" (the
        "of" part of a head phrase) are one.
        """
        out: list[list[_Tok]] = []
        for run in runs:
            if len(run) < 3:
                out.append(run)  # "and" inside a run has a word on each side
                continue
            start = 0
            for k, tok in enumerate(run):
                if not (tok.conn and tok.lower == "and") or k <= start or k + 1 >= len(run):
                    continue
                if any(
                    (hit := self._gaz(run, i, len(run))) is not None and hit[0] > k
                    for i in range(max(start, k - self.max_words), k)
                ):
                    continue
                nxt = k + 1
                while nxt < len(run) and not run[nxt].conn:
                    nxt += 1
                head = self._head(run[nxt - 1])
                if (
                    head is not None
                    and head[1] != "start"
                    and not self._whole_before(run, start, k)
                ):
                    continue
                right = run[k + 1 : nxt]
                plain = len(right) <= 2 and not any(
                    self._is_title(t) or t.text in self.lex.given or self.lookup(t.text)
                    for t in right
                )
                if plain and any(
                    run[i].conn and run[i].lower == "of" and self._head(run[i - 1])
                    for i in range(max(start + 1, k - 3), k)
                ):
                    continue
                out.append(run[start:k])
                start = k + 1
            out.append(run[start:])
        return [r for r in out if r]

    def _whole_before(self, run: list[_Tok], start: int, k: int) -> bool:
        """Do the words before ``run[k]`` end a name of their own (a known name or a
        person's), so that "and" joins two names ("Goldman Sachs and Deutsche Bank")?"""
        for i in range(max(start, k - self.max_words), k):
            hit = self._gaz(run, i, k, weak=False)
            if hit is not None and hit[0] == k:
                return True
        return any(self._person(run, i, k) == k for i in range(max(start, k - 4), k - 1))

    @staticmethod
    def _initial(text: str, pos: int, sent_start: int) -> bool:
        """Is ``pos`` where a sentence, a quotation or a clause after a colon begins?"""
        if pos - 2 >= sent_start and text[pos - 1] == " " and text[pos - 2] not in _SKIP_BACK:
            return text[pos - 2] in ":.!?…"  # (most runs: one space after a word)
        i = pos - 1
        quoted = False
        while i >= sent_start and text[i] in _SKIP_BACK:
            if text[i] in _OPENING:
                quoted = True
            i -= 1
        if i < sent_start:
            return True
        # a colon, or a full stop the sentence splitter did not take as a boundary
        return quoted or text[i] in ":.!?…"

    @staticmethod
    def _context(text: str, start: int, end: int, sent: SentenceInfo) -> tuple[str, str]:
        """The words just before and just after a mention, lowercased."""
        return _word_before(text, start, sent.start), _word_after(text, end, sent.end)

    def _read_run(
        self,
        text: str,
        toks: list[_Tok],
        shift: int,
        sent: SentenceInfo,
        idx: int,
        mode: str,
        found: list[Candidate],
        held: list[_Held],
        sport: _SportEvidence,
    ) -> None:
        """Read one run; its tokens' offsets are from ``shift`` (see _runs)."""
        first = toks[0]
        initial = self._initial(text, first.start + shift, sent.start)
        if first.calendar:
            if initial:
                held.append((first.start + shift, first.end + shift, first.text, sent, idx))
            return
        if mode == "table" and initial and first.lower not in self.lex.common:
            initial = False  # a table's lines start with names, not sentence openers
        if first.lower in _DETERMINERS and len(toks) > 1:
            hit = self._gaz(toks, 0, len(toks))
            if hit is None:
                toks = self._strip(toks[1:])
                initial = False
        elif initial and not self._opener_is_name(toks, text, shift):
            held.append((first.start + shift, first.end + shift, first.text, sent, idx))
            toks = self._strip(toks[1:])
            initial = False
        if not toks:
            return
        before = _word_before(text, toks[0].start + shift, sent.start)
        after = _word_after(text, toks[-1].end + shift, sent.end)
        speech = before in _SPEECH or after in _SPEECH
        n = len(toks)
        items, surfaces, clubs = self._parse(toks, initial, mode, text, shift, before, speech)
        if clubs:
            strong = mode == "table" or sport.result(idx)
            items = self._clubs_with_sport(toks, items, before, strong, strong or sport.near(idx))
        for (i, j, label, source, ident, role), (words, key, base, role_words) in zip(
            items, surfaces, strict=True
        ):
            # (all arguments by position, in Candidate's order: a call with keywords
            # costs twice as much, and there is one for each mention)
            cand = Candidate(
                toks[i].start + shift,
                toks[j - 1].end + shift,
                words,
                label,
                source,
                ident,
                role_words,  # role
                None if role is None else (role[0] + shift, role[1] + shift),  # role_span
                # prev and next: the words around a mention inside a run are the run's own
                before if i == 0 else toks[i - 1].lower,
                after if j == n else toks[j].lower,
                initial and i == 0,  # initial
                idx,  # sentence
                None if base is None else {"base": base},  # attrs
                key,
            )
            if mode == "table" and label != "PERSON":
                cand.label = self._team(cand)
            found.append(cand)

    def _clubs_with_sport(
        self, toks: list[_Tok], items: list[_Item], before: str, strong: bool, near: bool
    ) -> list[_Item]:
        """A club named with its city ("PSV Eindhoven") is a team only where the text
        speaks of sport: a result or a score in the sentence or a results table
        (``strong``), or a word of sport near it (``near``), which is not enough when
        the city's name is also a person's or a word ("Stolmy Pimentel"). Elsewhere the
        two words are one other name ("Levico Terme", "Eureka Springs")."""
        out: list[_Item] = []
        for item in items:
            i, j = item[0], item[1]
            if item[3] != "club":
                out.append(item)
            elif strong or (near and normalize(toks[j - 1].base) not in self.lex.weak):
                out.append((i, j, "ORG", "team", None, None))
            else:
                # one name still: a town's with a town's word before it ("Eureka Springs")
                # or after a preposition of place ("at Levico Terme") is a place; else
                # the words around it type it once the article has been read ("Stolmy
                # Pimentel was born")
                own = self.lookup(toks[i].base)
                town = own is not None and own[0] == "GPE"
                place = i == 0 and (before in _PLACE_PREPOSITIONS or before == "to")
                label = "GPE" if town or place else None
                out.append((i, j, label, "unknown", None, None))
        return out

    @staticmethod
    def _strip(toks: list[_Tok]) -> list[_Tok]:
        i = 0
        while i < len(toks) and toks[i].conn:
            i += 1
        return toks[i:]

    def _opener_is_name(self, toks: list[_Tok], text: str, shift: int = 0) -> bool:
        """Is the capitalized first word of a sentence a name, not a common word?"""
        first = toks[0]
        end = first.end + shift
        if len(toks) == 1:
            # most openers are one word ("The", "He", "But"): the word alone decides, but
            # for a comma or a verb of saying after it (see _lone_opener)
            at_comma, elsewhere = self._lone_opener(first)
            verdict = at_comma if text[end : end + 1] == "," else elsewhere
            if verdict is not None:
                return verdict
            after = text[end : end + 12].split()
            return bool(after) and after[0] in _SPEECH  # "Bush said"
        lex = self.lex
        if self._gaz(toks, 0, len(toks), weak=False) is not None:
            return True
        if first.text in lex.calendar_words or first.text == "I":
            return False
        if (
            first.lower in _STORMS
            and len(toks) > 1
            and not toks[1].conn
            and (not self._common(toks[1]) or toks[1].text in lex.given)
        ):
            return True  # "Storm Ciara hit Wales": a storm's kind and its name
        if first.lower in _TEAM_PREFIXES and len(toks) > 1:
            club = self._gaz(toks, 1, len(toks))
            if club is not None and club[1] == "GPE":
                return True  # "Real Madrid beat ..."
        if len(toks) > 1:
            head = self._head_phrase(toks, 0, len(toks))
            if head is not None and head[0] > 1:
                h = lex.heads.get(toks[head[0] - 1].lower)
                if h is not None and h[1] == "legal":
                    return True  # "Example Inc.", "Acme Corp": a company by its legal form
        if (
            first.lower in _TITLE_MODIFIERS
            and len(toks) > 2
            and self._is_title(toks[1])
            and not toks[1].conn
            and self._name_suffix(toks) is not None
        ):
            return True  # "Finance Minister Lars Klingbeil": the office is part of the title
        if (
            len(toks) > 1
            and first.lower in _TITLE_MODIFIERS
            and not first.lower.startswith(("former", "acting", "interim", "outgoing", "incoming"))
        ):
            head = lex.heads.get(toks[1].lower)
            if head is not None and head[0] == "ORG" and head[1] != "start" and not toks[1].conn:
                return True  # "Finance Ministry said", "Security Council members"
        if self._is_title(first) and len(toks) > 1:
            # "President Raisi", "Secretary of State Antony Blinken": a title before a name
            if not toks[1].conn and self._namelike(toks[1]):
                return True
            k = self._name_suffix(toks)
            if k is not None and (k > 1 or toks[k].conn):
                return True  # (or "Count von Stauffenberg": a particle opens the name)
        if len(toks) > 1 and not toks[1].conn:
            second = toks[1]
            if (
                first.text in lex.given
                and first.lower not in lex.common
                and self._surname_like(second)
            ):
                return True
            if (
                len(toks) == 2
                and first.text in lex.given
                and self._surname_like(second)
                and self.lookup(second.base) is None
                and _apposition(text, toks[-1].end + shift, lex.role_nouns) is not None
            ):
                return True  # "Grace Mbeki, the agency's director-general, said"
        if not self._opener_word(first.lower):
            return True
        if first.lower in lex.common:
            return False
        after = text[end : end + 12].split()
        return bool(after) and after[0] in _SPEECH  # "Bush said"

    def _lone_opener(self, tok: _Tok) -> tuple[bool | None, bool | None]:
        """What _opener_is_name says of a run of one word: before a comma and elsewhere,
        None where the word after it decides (a verb of saying). Cached by the word (its
        base follows from its text), as the same openers start sentence after sentence."""
        verdict = self._lone_openers.get(tok.text)
        if verdict is not None:
            return verdict
        lex = self.lex
        if self._gaz([tok], 0, 1, weak=False) is not None:
            verdict = (True, True)
        elif tok.text in lex.calendar_words or tok.text == "I":
            verdict = (False, False)
        else:
            # the checks of _opener_is_name that follow the ones for several words
            opener = self._opener_word(tok.lower)
            elsewhere: bool | None = None  # a verb of saying after it decides ("Bush said")
            if not opener:
                elsewhere = True
            elif tok.lower in lex.common:
                elsewhere = False
            # "However,", "Meanwhile,", "Yes,": a discourse word, unless known as a name (a
            # dateline in capitals, "KYIV,", is read as elsewhere)
            at_comma = elsewhere if tok.text.isupper() else tok.text in lex.given and not opener
            verdict = (at_comma, elsewhere)
        if len(self._lone_openers) >= _CACHE_SIZE:
            self._lone_openers.clear()
        self._lone_openers[tok.text] = verdict
        return verdict

    def _opener_word(self, low: str) -> bool:
        """Is this (lowercased) word common enough to open a sentence as an ordinary word?"""
        return low in self.lex.common or low in self.lex.opener_words

    def _surname_like(self, tok: _Tok) -> bool:
        """Could this word follow a given name as a family name?"""
        return (
            not tok.conn
            and tok.text[:1].isupper()
            and tok.lower not in self.lex.common
            and tok.text not in self.lex.calendar_words
            and not self._is_title(tok)
        )

    def _team(self, cand: Candidate) -> str | None:
        """In a results table, a name that is not a person or a country is a team."""
        if cand.ident is not None and cand.ident.startswith("country:"):
            return "GPE"
        if cand.label in ("NORP", "LANGUAGE", "EVENT"):
            return cand.label
        return "ORG"

    def _role_text(self, text: str, span: tuple[int, int]) -> str | None:
        return role_text(text, span)

    # -- one run -------------------------------------------------------------------------
    def _parse(
        self,
        toks: list[_Tok],
        initial: bool,
        mode: str,
        text: str,
        shift: int,
        before: str = "",
        speech: bool = False,
    ) -> _Reading:
        """The mentions of a run (its tokens' offsets are from ``shift``), cached.

        A run's reading depends only on its words and on whether a preposition of place
        (``before``) or a verb of saying (``speech``) stands next to it, and the same runs
        come back again and again. A lone word (most runs) is cached by its text, so it is
        read once for all the runs it makes up; a longer run by its tokens, which _runs
        shares between repeats of the run (a key holds its tokens, so the identities it
        compares stay unique). The mentions' texts are the run's own, so they are kept
        with the reading too.
        """
        place = before in _PLACE_PREPOSITIONS or before == "to"
        if len(toks) == 1:
            key: tuple[object, ...] = (toks[0].text, toks[0].base, place)
        else:
            key = (*toks, place, speech)
        reading = self._parsed.get(key)
        if reading is None:
            items = self._parse_run(toks, initial, before, speech)
            surfaces: list[_Surface] = []
            for i, j, _, _, _, role in items:
                words = text[toks[i].start + shift : toks[j - 1].end + shift]
                base = toks[i].base if toks[i].base != toks[i].text else None
                role_words = (
                    None
                    if role is None
                    else self._role_text(text, (role[0] + shift, role[1] + shift))
                )
                surfaces.append((words, normalize(words), base, role_words))
            reading = (items, surfaces, any(item[3] == "club" for item in items))
            if len(self._parsed) >= _CACHE_SIZE:
                self._parsed.clear()
            self._parsed[key] = reading
        return reading

    def _parse_run(self, toks: list[_Tok], initial: bool, before: str, speech: bool) -> list[_Item]:
        n = len(toks)
        k = self._name_suffix(toks) if n > 1 else None
        if k is not None and k > 0 and any(self._is_title(t) for t in toks[:k]):
            items = self._segment(toks, 0, k, initial, role=True, before=before)
            lo, hi = 0, k
            while hi > lo and toks[hi - 1].conn:
                hi -= 1
            items.append((k, n, "PERSON", "title", None, (toks[lo].start, toks[hi - 1].end)))
            return items
        if (
            speech
            and n == 2
            and toks[0].text in self.lex.given
            and toks[1].text in self.lex.surnames
            and self._head(toks[1]) is not None
        ):
            # "said Helen Park": a family name that is also a name head ("Park", "Hall")
            return [(0, 2, "PERSON", "given", None, None)]
        return self._segment(toks, 0, n, initial, role=False, before=before)

    def _segment(
        self,
        toks: list[_Tok],
        lo: int,
        hi: int,
        initial: bool,
        *,
        role: bool,
        before: str = "",
        clubs: bool = True,
    ) -> list[tuple[int, int, str | None, str, str | None, tuple[int, int] | None]]:
        items: list[tuple[int, int, str | None, str, str | None, tuple[int, int] | None]] = []
        i = lo
        while i < hi:
            t = toks[i]
            if t.conn:
                i += 1
                continue
            if t.lower in _STORMS and i + 1 < hi and not toks[i + 1].conn:
                j = i + 2
                if t.lower == "tropical" and toks[i + 1].lower in _STORMS and j < hi:
                    j += 1  # "Tropical Storm Alberto"
                name = toks[j - 1]
                if not name.conn and (not self._common(name) or name.text in self.lex.given):
                    # "Hurricane Delia", "Cyclone Phailin", "Typhoon Haiyan": a storm
                    items.append((i, j, "EVENT", "storm", None, None))
                    i = j
                    continue
            if not role and t.lower in _TEAM_PREFIXES and i + 1 < hi:
                club = self._gaz(toks, i + 1, hi)
                if club is not None and club[1] == "GPE":
                    # "Real Madrid", "Bayern Munich", "Inter Milan": a club
                    items.append((i, club[0], "ORG", "team", None, None))
                    i = club[0]
                    continue
            if clubs and not role and i + 2 == hi and self._club_before_city(toks, i):
                # "PSV Eindhoven", "Vitesse Arnhem", "Ajax Amsterdam": a club and its city,
                # where the text speaks of sport (_read_run checks)
                items.append((i, hi, "ORG", "club", None, None))
                i = hi
                continue
            # a place name that is also a common word or a person's name ("Nice",
            # "Lincoln") is a place only after a preposition of place
            weak_ok = i == lo and (before in _PLACE_PREPOSITIONS or before == "to")
            head = self._head_phrase(toks, i, hi)
            hit = self._gaz(toks, i, hi, weak=weak_ok)
            if not role:
                person = self._person(toks, i, hi)
                # a longer known name or head phrase wins ("San Francisco", "Trinity
                # College"); "Jordan Israel" is two countries, "Jordan Peterson" a person
                if (
                    person is not None
                    and (head is None or head[0] < person)
                    and (hit is None or hit[0] < person)
                    and not (
                        hit is not None and self._gaz(toks, i + 1, i + 2, weak=False) is not None
                    )
                    and not self._team_name(toks, i, person)
                ):
                    # "General Patrick Gordon of Auchleuchries": the titles just before
                    # the name are the person's role
                    t0 = i
                    while t0 > lo and self._is_title(toks[t0 - 1]):
                        t0 -= 1
                    role_span = (toks[t0].start, toks[i - 1].end) if t0 < i else None
                    items.append((i, person, "PERSON", "given", None, role_span))
                    i = person
                    continue
            if head is not None and (hit is None or head[0] > hit[0]):
                j, label = head
                team = self._named_after_place(toks, j, hi) if label in ("GPE", "LOC") else j
                if team > j and not role:
                    # "Tampa Bay Rays": a name that starts with a place
                    items.append((i, team, "ORG", "place-name", None, None))
                    i = team
                    continue
                if label == "LAW":
                    inner = self._known_inside(toks, i, j)
                    if inner:
                        items.extend(inner)
                        i = j
                        continue
                items.append((i, j, label, "head", None, None))
                i = j
                continue
            if hit is None and not weak_ok:
                # "the Boston Red Sox": a name that starts with a place (even one that is
                # also a person's name) and goes on is an organization's
                place = self._gaz(toks, i, hi)
                if place is not None and place[1] == "GPE":
                    end = self._named_after_place(toks, place[0], hi)
                    if end > place[0] and not role:
                        items.append((i, end, "ORG", "place-name", None, None))
                        i = end
                        continue
            if hit is not None:
                j = hit[0]
                team = (
                    self._named_after_place(toks, j, hi)
                    if hit[1] in ("GPE", "NORP")
                    or (hit[1] == "ORG" and not toks[j - 1].text.isupper())
                    else j
                )
                if team > j and not role:
                    # "Pittsburgh Pirates", "Iran Air", "American Express", "Google
                    # Analytics": a name that starts with a place, a people or a company
                    items.append((i, team, "ORG", "place-name", None, None))
                    i = team
                    continue
                items.append((i, j, hit[1], "lexicon", hit[2], None))
                i = j
                continue
            if role or self._is_title(t):
                i += 1
                continue
            j = i + 1
            while j < hi:
                if toks[j].conn:
                    if toks[j].lower == "&" and j + 1 < hi and not toks[j + 1].conn:
                        j += 2  # "Marks & Spencer"
                        continue
                    break
                if self._is_title(toks[j]) or self._gaz(toks, j, hi) is not None:
                    break
                j += 1
            items.append((i, j, None, "unknown", None, None))
            i = j
        return items

    def _club_before_city(self, toks: list[_Tok], i: int) -> bool:
        """Is ``toks[i]`` a club's own name and ``toks[i + 1]`` its city, ending the run?

        The club's word is one the lexicon does not know, or a town's (never a country's
        or a region's), and no given name or common word ("Irving Berlin" is a person);
        the city is a town or a capital the lexicon knows, as one word.
        """
        a, b = toks[i], toks[i + 1]
        if a.conn or b.conn or a.calendar or b.calendar or not a.text.isalpha():
            return False  # not "St. Petersburg"
        if a.lower in _PLACE_OPENERS:
            return False  # "Saint Petersburg", "San Jose"
        if a.text in self.lex.given or self._common(a) or self._is_title(a):
            return False
        if self._head(b) is not None:
            return False  # "Harvard University", "Eureka Springs": a name head ends it
        city = self._gaz(toks, i + 1, i + 2)
        if city is None or city[1] != "GPE" or not city[2].startswith(("city:", "capital:")):
            return False
        own = self.lookup(a.base)
        if own is None:
            return self.lex.heads.get(a.lower) is None
        return own[0] == "GPE" and own[1].startswith("city:")

    def _team_name(self, toks: list[_Tok], i: int, end: int) -> bool:
        """ "Houston Astros": a place and a plural that is no family name, a team's name."""
        last = toks[end - 1].text
        if not (last.endswith("s") and not last.endswith("ss") and len(last) > 3):
            return False
        if last in self.lex.surnames:
            return False
        place = self._gaz(toks, i, end)
        return place is not None and place[1] == "GPE" and place[0] < end

    def _named_after_place(self, toks: list[_Tok], j: int, hi: int) -> int:
        """The end of capitalized words after a place that make one name with it."""
        end = j
        while end < hi and end - j < 3:
            t = toks[end]
            if (
                t.conn
                or (self._person(toks, end, hi) is not None and not self._common(t))
                or self._is_title(t)
                or self.lookup(t.text) is not None
                or _INITIAL.match(t.text)
                or (t.text.isupper() and len(t.text) > 1)
            ):
                break
            end += 1
        return end

    def _known_inside(
        self, toks: list[_Tok], lo: int, hi: int
    ) -> list[tuple[int, int, str | None, str, str | None, tuple[int, int] | None]]:
        out: list[tuple[int, int, str | None, str, str | None, tuple[int, int] | None]] = []
        i = lo
        while i < hi:
            hit = self._gaz(toks, i, hi, weak=False)
            if hit is not None and hit[1] in ("ORG", "GPE", "NORP", "LOC"):
                out.append((i, hit[0], hit[1], "lexicon", hit[2], None))
                i = hit[0]
            else:
                i += 1
        return out

    def _name_suffix(self, toks: list[_Tok]) -> int | None:
        """Where a person's name ending the run begins, if one does."""
        n = len(toks)
        j = n - 1
        picked: list[int] = []
        while j >= 0 and len(picked) < 4:
            t = toks[j]
            if t.conn:
                if t.lower in self.lex.particles and picked and j > 0 and not toks[j - 1].conn:
                    j -= 1
                    continue
                break
            if not self._namelike(t):
                break
            picked.append(j)
            j -= 1
        if not picked:
            return None
        k = picked[-1]
        if k > 0 and toks[k - 1].lower in _NOBILITY:
            return k  # "Baron Hamilton": a title of nobility before a name, even a town's
        if (
            k > 1
            and toks[k - 1].conn
            and toks[k - 1].lower in self.lex.particles
            and toks[k - 2].lower in _NOBILITY
        ):
            return k - 1  # "Marquis de Lafayette": the particle is the name's
        whole = self.lookup(" ".join(t.base for t in toks[k:]))
        if whole is not None and whole[0] != "PERSON":
            return None
        given = self.lex.given
        # "... of Russia Nikolai Patrushev": the place before the given name is not the name
        while (
            k < n - 1
            and toks[k].text not in given
            and self.lookup(toks[k].text) is not None
            and toks[k + 1].text != "I"  # "Emperor Norton I"
        ):
            k += 1
        for p in range(k + 1, n):
            if toks[p].text in given and not self._common(toks[p]) and toks[p].text != "I":
                if all(self.lookup(toks[q].text) is not None for q in range(k, p)):
                    k = p
                break
        if self.lookup(toks[k].text) is not None and toks[k].text not in given and k == n - 1:
            hit = self.lookup(toks[k].text)
            if hit is not None and hit[0] != "PERSON":
                return None
        if k > 0 and toks[k - 1].conn:
            return None  # "Governor of Virginia", "King of England": a place, not a name
        return k

    def _person(self, toks: list[_Tok], i: int, hi: int) -> int | None:
        """The end of a person's name starting with a given name or an initial at ``i``."""
        t = toks[i]
        lex = self.lex
        if _INITIAL.match(t.text):
            pass
        elif self._is_title(t):
            return None  # "General", "King", "Marquis" are titles before a name here
        elif "-" in t.text and all(p in lex.given for p in t.text.split("-")):
            pass  # "Pierre-Simon", "Jean-Pierre"
        elif t.text in lex.given:
            # a given name that is also a word ("Will", "May") needs a family name after it
            if self._common(t) and not (
                i + 1 < hi and toks[i + 1].text in lex.surnames and self._surname_like(toks[i + 1])
            ):
                return None
        else:
            return None
        j = i + 1
        words = 1
        while j < hi and words < 5:
            u = toks[j]
            if u.conn:
                # "Charles de Gaulle", "Nikolaus van der Pas"
                k = j
                while k < hi and k - j < 2 and toks[k].conn and toks[k].lower in lex.particles:
                    k += 1
                if k > j and k < hi and not toks[k].conn and not self._is_title(toks[k]):
                    j = k + 1  # after a particle, the family name may be a word ("Pas")
                    words += 1
                    continue
                break
            if u.lower in lex.heads or not (self._namelike(u) or u.text in lex.surnames):
                break
            j += 1
            if j - i > 8:
                break
            if not _PARTICLE_NAME.match(u.text):
                words += 1  # "Muhammad al-Hajj Husayn": a joined particle adds no word
        while j > i + 1 and toks[j - 1].conn:
            j -= 1
        if words < 2:
            return None
        return j

    def _head_phrase(self, toks: list[_Tok], i: int, hi: int) -> tuple[int, str] | None:
        """A phrase typed by its head word: (end index, label)."""
        heads = self.lex.heads
        best: tuple[int, str] | None = None
        j = i
        stop = min(hi, i + _LONGEST_HEAD_PHRASE)
        while j < stop:
            if toks[j].conn:
                # "Competition and Markets Authority", "Procter & Gamble Co"; but a name
                # a head already closed ends there ("Acme Corp and Example Inc.")
                if (
                    toks[j].lower in ("and", "&")
                    and best is None
                    and j > i
                    and j + 1 < stop
                    and not toks[j + 1].conn
                ):
                    j += 1
                    continue
                break
            h = heads.get(toks[j].lower)
            if h is not None and h[1] != "start" and j > i:
                best = (j + 1, h[0])
            j += 1
        end = best[0] if best is not None else i + 1
        h = heads.get(toks[end - 1].lower)
        if (
            h is not None
            and h[1] in ("start", "both")
            and end + 1 < hi
            and toks[end].conn
            and toks[end].lower in ("of", "for", "on")
        ):
            k = end + 1
            if toks[k].conn and toks[k].lower == "the" and k + 1 < hi:
                k += 1
            if (
                not toks[k].conn
                and self._person(toks, k, hi) is None
                # "of Prime Minister John Major" is the person's, "of the President" the name's
                and not (k == end + 1 and self._titled_person(toks, k, hi))
            ):
                # "Labour Party of Shimon Peres": a person after "of" is not the name's
                return self._tail(toks, k, hi, office=k > end + 1), h[0]
        return best

    def _titled_person(self, toks: list[_Tok], k: int, hi: int) -> bool:
        """Do titles start at ``toks[k]`` and a person's name follow them (or the words
        end there, as an office before the name it belongs to does)?"""
        j = k
        while j < hi and j - k < 4 and self._is_title(toks[j]):
            j += 1
        if j == k:
            return False
        return j == hi or toks[j].text in self.lex.given or self._person(toks, j, hi) is not None

    def _tail(self, toks: list[_Tok], k: int, hi: int, *, office: bool = False) -> int:
        """The end of the "of ..." part of a head phrase starting at ``toks[k]``."""
        hit = self._gaz(toks, k, hi)
        if hit is not None:
            return hit[0]
        end = k + 1
        joined = False
        while end < hi:
            t = toks[end]
            if t.conn:
                # "Ministry of Trade and Industry": one "and" between two plain words
                if (
                    joined
                    or t.lower not in ("and", "&")
                    or end + 1 >= hi
                    or not self._plain_word(toks[end + 1])
                ):
                    break
                joined = True
                end += 2
                continue
            if (self._is_title(t) and not office) or (
                t.text in self.lex.given and not self._common(t)
            ):
                # up to a person's name: "... of Russia Nikolai Patrushev"; "Office of the
                # Prime Minister" keeps its office
                break
            end += 1
        return end

    def _plain_word(self, tok: _Tok) -> bool:
        """A capitalized word that names nothing alone: no title, given name or known name."""
        return not (
            tok.conn
            or self._is_title(tok)
            or tok.text in self.lex.given
            or self.lookup(tok.text) is not None
        )

    # -- the whole article ---------------------------------------------------------------
    def _whole_before_acronym(self, text: str, found: list[Candidate], held: list[_Held]) -> None:
        """ "Coalition for Epidemic Preparedness Innovations (CEPI)": one name, as its
        acronym spells.

        Where the name before a bracketed acronym is shorter than the acronym's letters say,
        the capitalized words before it, joined by the lowercase words names hold ("of",
        "for", "and", "the"), are part of it when their initials spell the acronym.
        """
        by_start = {c.start: c for c in found}
        spans: list[tuple[int, int, Candidate]] = []
        for c in found:
            if c.label in ("PERSON", "GPE", "NORP", "LOC"):
                continue
            m = _DEFINITION.match(text, c.end)
            if m is None or m.start(1) not in by_start:
                continue
            letters = m.group(1).replace(".", "")
            if not letters.isupper() or _initials(c.text) == letters:
                continue
            line_start = text.rfind("\n", max(0, c.start - 120), c.start) + 1
            words = list(_WORD.finditer(text, max(line_start, c.start - 120), c.start))[-10:]
            for w in reversed(words):
                word = w.group()
                if word in _CONNECTORS:
                    continue
                if not word[:1].isupper() or not word.replace("'s", "").replace("’s", "").isalpha():
                    break
                initials = _initials(text[w.start() : c.end])
                if initials == letters:
                    spans.append((w.start(), c.end, c))
                    break
                if not letters.endswith(initials):
                    break
        if not spans:
            return
        found[:] = [c for c in found if not any(a <= c.start and c.end <= b for a, b, _ in spans)]
        held[:] = [h for h in held if not any(a <= h[0] < b for a, b, _ in spans)]
        for a, b, c in spans:
            label = c.label if c.label in ("ORG", "FAC", "EVENT", "LAW", "PRODUCT") else "ORG"
            found.append(Candidate(a, b, text[a:b], label, "definition"))
        found.sort(key=lambda c: (c.start, -c.end))

    def _acronyms(self, text: str, found: list[Candidate]) -> None:
        """Link "North Atlantic Treaty Organization (NATO)" to the bracketed acronym."""
        by_start = {c.start: c for c in found}
        for cand in found:
            if " " not in cand.key:  # one word (keys have one space between words)
                continue
            m = _DEFINITION.match(text, cand.end)
            if m is None:
                continue
            acr = by_start.get(m.start(1))
            if acr is None or acr.end != m.end(1) or cand.label in ("PERSON", "GPE", "NORP"):
                continue
            # acronyms may follow another language ("Kurdistan Workers' Party (PKK)")
            if acr.key.replace(".", "").isupper():
                acr.attrs["expands"] = cand.key
                if acr.label is None:
                    acr.label = cand.label or "ORG"
                    acr.source = "definition"
                if cand.label is None:
                    cand.label = acr.label
                    cand.source = "definition"

    def _resolve(self, text: str, found: list[Candidate], held: list[_Held]) -> None:
        """Type the unknown candidates from what the rest of the article says.

        Names of several words go first, so that a full name typed by its shape ("Évariste
        Galois") makes its surname alone ("Galois") that person too.
        """
        known: dict[str, str] = {}
        parts: dict[str, str] = {}
        initials: dict[str, str] = {}
        teams: dict[str, str] = {}
        clubs: set[str] = set()

        def learn(c: Candidate) -> None:
            """What a typed name of several words tells (its key goes into ``known``)."""
            assert c.label is not None
            known.setdefault(c.key, c.label)
            words = c.key.split()
            if c.label == "PERSON" and len(words) >= 2:
                if not _INITIAL.match(words[0]) and words[0].lower() not in self.lex.common:
                    parts.setdefault(words[0], "PERSON")  # not "Will" or "In"
                parts.setdefault(_surname(words), "PERSON")
            elif c.label == "ORG" and len(words) >= 2:
                initials.setdefault(_initials(c.key), "ORG")
                if c.source == "place-name":
                    tail = self._after_place(words)
                    if tail:
                        teams.setdefault(tail, "ORG")  # "Red Sox" after "Boston Red Sox"
                elif c.source == "team" and len(words) == 2:
                    clubs.add(words[0])  # "Ajax" after "Ajax Amsterdam"
                    teams.setdefault(words[0], "ORG")

        unknown: list[Candidate] = []
        for c in found:
            if c.label is None:
                unknown.append(c)
            elif " " in c.key:  # several words (keys have one space between words)
                learn(c)
            else:
                known.setdefault(c.key, c.label)
        dropped: set[int] = set()
        for longer in (True, False):
            for c in unknown:
                if (" " in c.key) != longer:
                    continue
                key = c.key
                c.label = known.get(key) or parts.get(key) or teams.get(key)
                if c.label is None and _ACRONYM.match(key.replace(".", "")):
                    c.label = initials.get(key.replace(".", ""))
                if c.label is not None:
                    c.source = "document"
                else:
                    # a pure function of these, and the same unknown words recur
                    guess_key = (key, c.prev, c.next, c.initial)
                    if guess_key in self._guessed:
                        c.label = self._guessed[guess_key]
                    else:
                        c.label = self._guess(c)
                        if len(self._guessed) >= _CACHE_SIZE:
                            self._guessed.clear()
                        self._guessed[guess_key] = c.label
                if c.label is None:
                    dropped.add(id(c))
                elif longer:
                    learn(c)
        keep: list[Candidate] = []
        for c in found:
            if id(c) in dropped:
                continue
            if (
                c.source == "lexicon"
                and c.key in parts
                and " " not in c.key
                and c.label != "PERSON"
                and c.prev not in _PLACE_PREPOSITIONS
            ):
                c.label, c.source = "PERSON", "document"  # "Washington" after "George Washington"
            elif c.key in teams and c.label == "PERSON" and c.source in ("given", "unknown"):
                c.label, c.source = "ORG", "document"  # "the Red Sox" read as a name
            elif (
                c.key in clubs
                and c.label == "GPE"
                and c.source == "lexicon"
                and c.prev not in _PLACE_PREPOSITIONS
            ):
                c.label, c.source = "ORG", "document"  # "scored for Ajax"
            keep.append(c)
        common = self.lex.common
        for start, end, word, sent, idx in held:
            # an opener the article names elsewhere; a common word ("Reading is fun")
            # only when it is a person's name there ("May said", after "Theresa May")
            key = normalize(word)
            label = parts.get(key)
            if label is None and key.lower() not in common:
                label = known.get(key)
            if label is not None:
                prev, nxt = self._context(text, start, end, sent)
                h = Candidate(
                    start,
                    end,
                    word,
                    None,
                    "opener",
                    prev=prev,
                    next=nxt,
                    initial=True,
                    sentence=idx,
                    key=key,
                )
                h.label, h.source = label, "document"
                keep.append(h)
        found[:] = keep

    def _after_place(self, words: list[str]) -> str:
        """The words of a team's name after the place it starts with ("Red Sox")."""
        for n in (3, 2, 1):
            if len(words) > n:
                hit = self.lookup(" ".join(words[:n]))
                if hit is not None and hit[0] == "GPE":
                    return " ".join(words[n:])
        return ""

    def _named_with_description(self, text: str, found: list[Candidate], held: list[_Held]) -> None:
        """ "Gavi, the Vaccine Alliance,": a name and the organization it is, as one name.

        A capitalized word that is not otherwise a name (not a place, a person or a common
        word) followed by ", the" and an organization's name closed by punctuation is one
        organization's name, written with its description.
        """
        merged: list[tuple[int, int]] = []
        by_end = {c.end: c for c in found}
        for c in found:
            if c.label != "ORG" or c.source not in ("head", "lexicon") or c.start < 8:
                continue
            if text[c.start - 6 : c.start] != ", the " or text[c.end : c.end + 1] not in (
                ",",
                ".",
                ";",
            ):
                continue
            p = c.start - 6
            q = p
            while q > p - 40 and q > 0 and (text[q - 1].isalnum() or text[q - 1] in "'’&.-"):
                q -= 1
            m = _NAME_BEFORE.fullmatch(text, q, p)
            if m is None:
                continue
            word = m.group()
            before = by_end.get(m.end())
            if before is not None and (before.label not in (None, "ORG") or before.ident):
                continue
            low = word.lower()
            if word in self.lex.calendar_words or self._opener_word(low) or low in self.lex.given:
                continue
            if self.lookup(normalize(word)) is not None:
                continue
            merged.append((m.start(), c.end))
        if not merged:
            return
        spans = sorted(merged)
        found[:] = [c for c in found if not any(a <= c.start and c.end <= b for a, b in spans)]
        held[:] = [h for h in held if not any(a <= h[0] < b for a, b in spans)]
        for a, b in spans:
            found.append(Candidate(a, b, text[a:b], "ORG", "head"))
        found.sort(key=lambda c: (c.start, -c.end))

    def _sports_teams(self, text: str, found: list[Candidate]) -> None:
        """A city that plays is a team: "Leeds beat Chelsea 2-1", "lost to Leicester".

        A place that is not a country (national sides are their country, as CoNLL writes
        them), as the subject or object of a verb of a match result, or with a score after
        it, is a team (ORG); then so are its other mentions in the article, except after a
        preposition of place ("in Leeds").
        """
        teams: set[str] = set()
        for c in found:
            if c.label != "GPE" or (c.ident or "").startswith("country:"):
                continue
            if c.next in _RESULT_VERBS or _SCORE_AFTER.match(text, c.end):
                teams.add(c.key)
                continue
            prev = c.prev
            if prev in _RESULT_VERBS and prev not in _RESULT_INTRANSITIVE:
                teams.add(c.key)
            elif prev in ("with", "to", "against", "over", "at"):
                lo = max(0, c.start - 40)
                # "drew 1-1 with Hull City": a score between the verb and the side
                before = [w for w in text[lo : c.start].split() if not _SCORE.match(w)]
                if len(before) >= 2 and (before[-2].lower(), prev) in _RESULT_PHRASES:
                    teams.add(c.key)
        if not teams:
            return
        for c in found:
            if c.key in teams and c.label == "GPE" and c.prev not in _IN_PLACE:
                c.label, c.source = "ORG", "team"

    def _companies_by_context(self, text: str, found: list[Candidate]) -> None:
        """A full name read as a person's is a company's where the words around say so.

        "Shares of Acme Harlow", "Acme Harlow shares", "Harlow Barnes analyst Jim Poe": a
        name of several words that has shares, or employs someone named right after a job
        noun, is an organization.
        """
        by_start = {c.start: c for c in found}
        firms: set[str] = set()
        for c in found:
            # "Brenton Vale Group said": the words before a company's head name it too
            if c.label == "ORG" and c.key.count(" ") >= 2:
                head = self.lex.heads.get(c.key.rsplit(" ", 1)[1].lower().rstrip("."))
                if head is not None and head[0] == "ORG" and head[1] in ("legal", "end"):
                    firms.add(c.key.rsplit(" ", 1)[0])
        for c in found:
            if c.label != "PERSON" or c.role or c.source == "lexicon":
                continue
            if c.key in firms and c.source in _FIRM_GUESSES:
                c.label, c.source = "ORG", "context"
                continue
            if c.next in _PART_OF_COMPANY or (
                c.prev in _PART_OF_COMPANY and " " not in c.key and c.source == "unknown"
            ):
                # "General Motors Corp's Opel unit", "Siemens unit Osram"
                c.label, c.source = "ORG", "context"
                continue
            if " " not in c.key:
                continue
            if c.next in ("shares", "stock"):
                c.label, c.source = "ORG", "context"
                continue
            lo = max(0, c.start - 30)
            before = text[lo : c.start].split()
            if (
                len(before) >= 2
                and before[-1] == "of"
                and before[-2].lower() in ("shares", "stake")
            ):
                c.label, c.source = "ORG", "context"
                continue
            m = _JOB_AFTER.match(text, c.end)
            if m is not None and m.group(1) in _FIRM_JOBS:
                other = by_start.get(m.end())
                if other is not None and other.label == "PERSON":
                    c.label, c.source = "ORG", "context"
        # the company's other mentions ("Brenton Vale said" after "shares of Brenton Vale")
        firms.update(c.key for c in found if c.source == "context" and c.label == "ORG")
        for c in found:
            if (
                c.label == "PERSON"
                and c.key in firms
                and not c.role
                and c.source in _FIRM_GUESSES
                and " " in c.key
            ):
                c.label, c.source = "ORG", "context"

    def _coordinated(self, text: str, found: list[Candidate]) -> None:
        """ "Nomura Securities and Daiwa said": a name joined to an organization's is one.

        An unknown name of one word, joined by "and" or "or" to a name that is an
        organization by its head, the lexicon or a definition, is an organization too
        (the verb of saying after it made it a person).
        """
        for a, b in pairwise(sorted(found, key=lambda c: c.start)):
            if a.sentence != b.sentence or text[a.end : b.start] not in (" and ", " or "):
                continue
            for guess, other in ((a, b), (b, a)):
                if (
                    guess.source == "unknown"
                    and " " not in guess.key
                    and guess.label in ("PERSON", "GPE")
                    and other.label == "ORG"
                    and other.source in _ORG_EVIDENCE
                ):
                    guess.label, guess.source = "ORG", "coordinated"

    def _works_by_context(self, text: str, found: list[Candidate]) -> None:
        """ "his book Quiet Rooms", "the opera 'Stillwater'", "Silent Hours (2016)": works.

        A name whose type nothing established (an unknown word, or a place the lexicon
        knows that is not a country) is a work of art when a noun for a work stands
        right before it ("the novel", "his 2019 album"), possibly with "The" or an opening
        quotation mark; a name the tagger only guessed to be an organization is one also
        after a verb of making a work ("wrote", "composed", "starred in"), inside quotation
        marks of its own, or with a year in brackets after it. Then so are its other
        mentions that nothing else typed.
        """
        works: set[str] = set()
        for c in found:
            if c.label in _NOT_WORKS or (c.source not in _GUESSED and not _place_word(c)):
                continue
            lo = max(0, c.start - 40)
            before = text[lo : c.start].split()
            while before and before[-1].strip(_QUOTE_MARKS) in ("The", "A", "An", ""):
                before.pop()
            while before and before[-1].strip(_QUOTE_MARKS).isdigit():
                before.pop()  # "his 2019 album"
            last = before[-1].strip(_QUOTE_MARKS).lower() if before else ""
            if last in _WORK_NOUNS and (c.label != "PERSON" or c.source == "unknown"):
                works.add(c.key)
                continue
            if c.label != "ORG" or c.source != "unknown":
                continue
            pair = " ".join(before[-2:]).lower()
            quoted = (
                c.start > 0
                and text[c.start - 1] in _OPENING
                and text[c.end : c.end + 1] in _CLOSING
            )
            year = _YEAR_AFTER.match(text, c.end) is not None
            if last in _WORK_VERBS or pair in _WORK_PHRASES or quoted or year:
                works.add(c.key)
        if not works:
            return
        for c in found:
            if c.key not in works or c.label in _NOT_WORKS:
                continue
            if c.source in _GUESSED or (_place_word(c) and c.prev not in _PLACE_PREPOSITIONS):
                c.label, c.source = "WORK_OF_ART", "work"

    def _institutions_by_context(self, text: str, found: list[Candidate]) -> None:
        """ "studied at Cambridge", "a professor at Harvard", "an analyst at Metzler",
        "graduated from Harrow", "joined Berkeley": a school or an employer.

        A town's name (not a country's) or an unknown name after "at" with a word of
        study or work before it, after "from" with a word of graduating before it, or right
        after "attended" or "joined", is the institution there (ORG); then so are its other
        mentions, except after a preposition of place ("in Cambridge").
        """
        orgs: set[str] = set()
        for c in found:
            if c.label not in ("GPE", "ORG") or c.source not in ("lexicon", "unknown"):
                continue
            if c.label == "GPE" and (c.ident or "").startswith("country:"):
                continue
            if c.label == "ORG" and c.source != "unknown":
                continue
            prev = c.prev
            if prev in ("attended", "joined"):
                if c.label == "GPE":
                    orgs.add(c.key)
                    c.label, c.source = "ORG", "institution"
                continue
            if prev not in ("at", "from") or text[c.end : c.end + 2] in ("'s", "’s"):
                continue
            lo = max(0, c.start - 40)
            before = text[lo : c.start].split()
            if len(before) < 2:
                continue
            word = before[-2].lower().strip(",")
            if (prev == "at" and word in _AT_WORK) or (prev == "from" and word in _FROM_STUDY):
                orgs.add(c.key)
                c.label, c.source = "ORG", "institution"
        if not orgs:
            return
        for c in found:
            if (
                c.key in orgs
                and c.label == "GPE"
                and c.prev not in _IN_PLACE
                and not c.prev.endswith(",")  # "University of California, Berkeley"
            ):
                c.label, c.source = "ORG", "institution"

    def _given_names_not_towns(self, text: str, found: list[Candidate]) -> None:
        """A lone given name that is also a small town's ("met Anna", "Mary and I").

        A single word the lexicon knows as a given name and as a town whose name is
        weak, typed a place only because nothing else claimed it, is a place where a
        cue says so (a preposition of place before it, or a place and a comma on either
        side: "Florence, Italy", "Exeter, Devon"). After a determiner it is no name ("the
        Stuart restoration") unless used as a person's (a verb of saying next to it, "and
        I" after it); else it is a person's name ("met Anna", "Mary and I", "Adam had").
        """
        lex = self.lex
        by_start = {c.start: c for c in found}
        by_end = {c.end: c for c in found}
        drop: set[int] = set()
        for c in found:
            if (
                c.label != "GPE"
                or c.source != "unknown"
                or " " in c.key
                or c.key not in lex.given
                or c.key not in lex.weak
            ):
                continue
            prev = c.prev
            if prev in _PLACE_PREPOSITIONS or prev in ("to", "of"):
                continue
            after = by_start.get(c.end + 2)
            if text[c.end : c.end + 2] == ", " and after is not None and after.label == "GPE":
                continue  # "Florence, Italy"
            before = by_end.get(c.start - 2)
            if text[c.start - 2 : c.start] == ", " and before is not None and before.label == "GPE":
                continue  # "Exeter, Devon"
            person = c.next in _SPEECH or _AND_PRONOUN.match(text, c.end) is not None
            if prev in _DETERMINERS and not person:
                drop.add(id(c))  # "the Stuart restoration": a modifier, no name here
            else:
                c.label, c.source = "PERSON", "context"
        if drop:
            found[:] = [c for c in found if id(c) not in drop]

    def _months_as_given_names(self, text: str, found: list[Candidate]) -> None:
        """ "May Chen, head of investor relations, said": a month that is a given name.

        A month read as a date is no part of a name, unless the word after it is a
        person's family name with a role apposition after it; then the two are one name.
        """
        lex = self.lex
        for c in found:
            if c.label != "PERSON" or " " in c.key or c.start < 4:
                continue
            m = _MONTH_BEFORE.search(text, max(0, c.start - 12), c.start)
            if m is None or m.end() != c.start:
                continue
            month = m.group(1)
            if month not in lex.calendar_words or month not in lex.given:
                continue
            word = _WORD_BEFORE.search(text, max(0, m.start() - 16), m.start())
            if word is not None and word.group(1).lower() in _DATE_WORDS:
                continue  # "in May Chen ...": still the month
            if _apposition(text, c.end, lex.role_nouns) is None:
                continue
            c.start = m.start()
            c.text = text[c.start : c.end]
            c.key = normalize(c.text)
            c.source = "given"

    @staticmethod
    def _names_disease(text: str, c: Candidate) -> bool:
        """Is this the name of a disease, before "virus", "fever", "disease" ...?

        A country ("China virus"), a group's word ("Spanish flu") and a person's full
        name keep their type; a lone word read as a person's by its shape does not."""
        m = _DISEASE_AFTER.match(text, c.end)
        if m is None or m.group(1) not in _DISEASE_NOUNS or c.label == "NORP":
            return False
        if c.ident is not None and c.ident.startswith("country:"):
            return False
        return c.label != "PERSON" or (" " not in c.key and c.source == "unknown")

    def _drop_diseases(self, text: str, found: list[Candidate]) -> None:
        """Diseases, viruses and drugs ("COVID-19", "HIV", "Ebola", "H5N1") are not names,
        nor are abbreviations such as "PhD", "GDP" or "TV" (``data/abbreviations.txt``)."""
        diseases = not_names()
        plain = plain_abbreviations()
        keep = []
        # a name that is a disease's once ("Marburg virus") is one in its other mentions
        # ("Marburg, which is related to Ebola"), unless a person's full name
        # (only where the text holds a disease noun at all: a few substring tests in C)
        sick = (
            {c.key for c in found if c.key not in self.extra and self._names_disease(text, c)}
            if any(noun in text for noun in _DISEASE_STEMS)
            else set()
        )
        for c in found:
            if c.key in sick and (c.label != "PERSON" or " " not in c.key):
                continue  # "Marburg virus", "Lassa fever", "Crohn's disease"
            if c.key in _HOLIDAYS and c.key not in self.extra:
                continue  # "a Christmas tree": a holiday is a date's name (the timeline's)
            if (
                c.source == "unknown"
                and len(c.key) == 3
                and c.key.isupper()
                and c.prev in _ROUTE_WORDS
                and _FLIGHT_WORDS.search(text, max(0, c.start - 80), c.start) is not None
            ):
                continue  # "Flights from FRA to LHR": airport codes are no organizations
            if c.key not in self.extra and c.label != "PERSON":
                if c.key.replace(".", "") in plain:
                    continue  # "PhD", "GDP", "CEO": abbreviations that name nothing
                word = c.key.casefold()
                # the whole word: "COVID" is cut from "COVID-19"
                whole = _WHOLE_WORD.match(text, c.start)
                if (
                    word in diseases
                    or _STRAIN.match(c.key)
                    or (whole is not None and whole.group().casefold() in diseases)
                ):
                    continue
            keep.append(c)
        found[:] = keep

    def _people_named_like_places(
        self, text: str, found: list[Candidate], held: list[_Held]
    ) -> None:
        """ "Linda Park", "Helen Hall": a given name and a family name that is a name head.

        Such a phrase reads as a place ("Central Park") unless the article shows it is a
        person: the family name alone is a person elsewhere ("Park said"), or a verb of
        saying, or a description and a comma ("a former official, Linda Park,") stand
        next to it.
        """
        people = {c.key for c in found if " " not in c.key and c.next in _SPEECH}
        for _, end, word, sent, _ in held:
            if _word_after(text, end, sent.end) in _SPEECH:
                people.add(normalize(word))  # "Park said" opening a sentence
        lex = self.lex
        for c in found:
            if c.source != "head" or c.label not in ("FAC", "LOC", "ORG"):
                continue
            words = c.key.split()
            if len(words) != 2 or words[0] not in lex.given or words[0].lower() in lex.common:
                continue
            if words[1] not in lex.surnames or self.lookup(c.key) is not None:
                continue
            described = c.prev.endswith(",") and c.prev.rstrip(",") in lex.role_nouns
            if words[1] in people or c.next in _SPEECH or described:
                c.label, c.source = "PERSON", "given"

    def _guess(self, c: Candidate) -> str | None:
        """The type of a name nothing in the lexicon or the article identifies."""
        key = c.key
        words = key.split()
        lex = self.lex
        if key in lex.calendar_words or len(key.rstrip(".")) < 2:
            return None
        single = len(words) == 1
        bare = key.replace(".", "")
        if key.isupper() and len(bare) > 2:
            # "KYIV" in a dateline, "NEW YORK": a known name written in capitals
            name = self._unfold(key)
            if name is not None:
                hit = self.lookup(name)
                if hit is not None and name not in lex.weak:
                    return hit[0]
                low = bare.lower()
                if (
                    hit is not None
                    and hit[0] in ("GPE", "LOC")
                    and len(bare) > 3
                    and low not in lex.common
                    and low not in lex.acronyms
                ):
                    # a town's name that is also a person's: no one's name is written in
                    # capitals in running text, a dateline's town is ("GENEVA, March 4")
                    return hit[0]
        if single and _ACRONYM.match(bare) and bare.isupper():
            # a shouted word ("ALL", "NOW") is not an acronym ("NBC", "MLB")
            low = bare.lower()
            return None if low in lex.common and low not in lex.acronyms else "ORG"
        if single:
            head = lex.heads.get(key.lower())
            if head is not None and head[0] == "ORG" and (not c.initial or c.next in _SPEECH):
                return "ORG"  # "Congress", "the Academy": a body named by its head
            if head is not None and head[0] == "EVENT" and key.endswith("s") and not c.initial:
                return "EVENT"  # "the Paralympics", "the Games"
        if c.next in _SPEECH:
            return "PERSON"
        common = lex.common
        if single:
            if key.lower() in common:
                if c.prev == "the" and key.endswith("s") and not c.initial:
                    return "ORG"  # "the Pirates", "the Owls": a team or a band
                return None
            place = self.lookup(key)
            if place is not None:
                return place[0]  # a place that is also a person's name, and no person here
        if all(
            w.isupper() and w.lower() in common and w.lower() not in lex.acronyms for w in words
        ):
            return None  # "ALL NOW": words in capitals for emphasis
        if not single and words[0].lower() in _SETTLEMENTS:
            return "GPE"  # "Kibbutz Ginosar": a settlement's kind before its name
        last = words[-1].lower().rstrip(".")
        if not single and (last in lex.titles or last in lex.role_nouns):
            return None  # "Technology Reporter", "Managing Director": a job, not a name
        if c.prev in _IN_PLACE and (single or not any(w.lower() in common for w in words)):
            return "GPE"
        if _INNER_CAPITAL.search(_NAME_PREFIX.sub("", key)) or _DIGIT.search(key) or "&" in key:
            return "ORG"  # "LibriVox", "Politics1", "Marks & Spencer": not people
        if single:
            if key in lex.surnames or key.capitalize() in lex.surnames:
                return "PERSON"
            if key in lex.given and key.lower() not in lex.opener_words:
                return "PERSON"  # but not "Apple", a given name and a frequent word
            if key.endswith(_GROUP_SUFFIXES):
                return "NORP"  # "Illyrian", "Sienese": a people or its adjective
            return "ORG"
        if words[-1] in lex.surnames or words[0] in lex.given:
            return "PERSON"
        if c.prev != "the" and not any(w.lower() in common or w in lex.heads for w in words):
            return "PERSON"  # "Tosui Nakarai": rare words only, as names of people are
        return "ORG"

    def _known_index(self, found: list[Candidate]) -> dict[str, tuple[str, str | None]]:
        """Names the article's running text established, by their upper-cased form."""
        known: dict[str, tuple[str, str | None]] = {}
        for c in found:
            if c.label is None:
                continue
            known.setdefault(c.key.upper(), (c.label, c.ident))
            if c.label == "PERSON" and " " in c.key:  # a full name (see _resolve)
                words = c.key.split()
                if not _INITIAL.match(words[0]) and words[0].lower() not in self.lex.common:
                    known.setdefault(words[0].upper(), ("PERSON", None))
                known.setdefault(_surname(words).upper(), ("PERSON", None))
        return known

    def _unfold(self, key: str) -> str | None:
        """The lexicon's spelling of a name written in capitals ("NEW YORK" -> "New York")."""
        if self.lookup(key) is not None:
            return key  # acronyms: "NATO", "U.S."
        titled = " ".join(w.lower() if w.lower() in _CONNECTORS else w.title() for w in key.split())
        return titled if self.lookup(titled) is not None else None

    def _read_known(
        self,
        text: str,
        sent: SentenceInfo,
        idx: int,
        mode: str,
        known: dict[str, tuple[str, str | None]],
        found: list[Candidate],
    ) -> None:
        """Tag only established names in a heading, a Title Case title or a line in capitals."""
        caps = mode == "caps"
        lex = self.lex
        for m in _find_runs(text, sent.start, sent.end):
            for run in self._tokens(text, m.start(), m.end()):
                n = len(run)
                i = 0
                while i < n:
                    if run[i].conn:
                        i += 1
                        continue
                    best: tuple[int, str, str | None] | None = None
                    parts: list[str] = []
                    for j in range(i, min(n, i + self.max_words + 2)):
                        parts.append(run[j].base)
                        if run[j].conn:
                            continue
                        key = " ".join(parts)
                        folded = key.upper()
                        hit = known.get(folded)
                        if hit is not None:
                            best = (j + 1, hit[0], hit[1])
                            continue
                        name = self._unfold(key) if caps else key
                        if name is None or name in lex.weak:
                            continue
                        if caps and " " not in name and name.lower() in lex.common:
                            continue  # "US" or "WHO" in a shouted line may be plain words
                        entry = self.lookup(name)
                        if entry is not None:
                            best = (j + 1, entry[0], entry[1])
                    if best is None:
                        i += 1
                        continue
                    a, b = run[i].start, run[best[0] - 1].end
                    last = found[-1] if found else None
                    if (
                        best[1] == "PERSON"
                        and last is not None
                        and last.label == "PERSON"
                        and last.source == "known"
                        and text[last.end : a] == " "
                    ):
                        last.end, last.text = b, text[last.start : b]  # "Matthew" "Goode"
                        last.key = normalize(last.text)
                    else:
                        found.append(
                            Candidate(a, b, text[a:b], best[1], "known", best[2], sentence=idx)
                        )
                    i = best[0]


def _word_before(text: str, start: int, lo: int) -> str:
    """The word before ``start`` (after a space or a tab) within 40 characters and not
    before ``lo``, lowercased; "" if there is none."""
    # (one split from the near end, which ignores the spaces there: not a list of all the
    # window's words)
    if start <= lo or text[start - 1] not in " \t":
        return ""
    words = text[max(lo, start - 40) : start].rsplit(None, 1)
    return words[-1].lower() if words else ""


def _word_after(text: str, end: int, hi: int) -> str:
    """The word after ``end`` (after a space or a tab) within 40 characters and before
    ``hi``, lowercased and without the punctuation around it; "" if there is none."""
    if end >= hi or text[end] not in " \t":
        return ""
    words = text[end : min(hi, end + 40)].split(None, 1)
    return words[0].lower().strip(",.;:!?”’\"')") if words else ""


def _find_runs(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The runs of ``text[start:end]``: _RUN's matches, by _RUN_NO_HYPHEN where it can."""
    pattern = _RUN if text.find("-", start, end) != -1 else _RUN_NO_HYPHEN
    return pattern.finditer(text, start, end)


def role_text(text: str, span: tuple[int, int]) -> str | None:
    """The role a title before a name gives, without honorifics ("Mr.", "Dr.")."""
    words = text[span[0] : span[1]].split()
    while words and words[0].lower().rstrip(".") in _HONORIFICS:
        words.pop(0)
    if not words or all(w.lower().rstrip(".") in _HONORIFICS for w in words):
        return None
    return " ".join(words)


_NAME_BEFORE = re.compile(rf"{_UP}[\w'’&.-]*")
# Evidence of sport for a club named with its city: a result or a score in the sentence,
# or a word of sport within two sentences of it.
_SPORT_RESULT = re.compile(
    r"\b(?:beat|beats|beaten|defeated|defeats|thrashed|edged|routed|trounced|drew|"
    r"(?:lost|loses|losing|draw|draws|tied|win|won|victory)[ \t]+(?:to|with|against|over)|"
    r"\d{1,2}-\d{1,2})\b"
)
_SPORT_WORDS = re.compile(
    r"\b(?:scored|scores|scoring|goals?|goalkeeper|match|matches|league|division|clubs?|"
    r"coach|season|striker|midfielder|defender|cup|stadium|fixtures?|play-?offs?|"
    r"soccer|football|tournament|championship|relegat\w+|promoted)\b",
    re.IGNORECASE,
)


class _SportEvidence:
    """Which sentences of a document speak of sport, found lazily (only where a club
    named with its city needs it) and once per sentence."""

    __slots__ = ("_result", "_sents", "_text", "_words")

    def __init__(self, text: str, sents: Sequence[SentenceInfo]) -> None:
        self._text = text
        self._sents = sents
        self._words: dict[int, bool] = {}
        self._result: dict[int, bool] = {}

    def _has_words(self, idx: int) -> bool:
        hit = self._words.get(idx)
        if hit is None:
            sent = self._sents[idx]
            hit = _SPORT_WORDS.search(self._text, sent.start, sent.end) is not None
            self._words[idx] = hit
        return hit

    def result(self, idx: int) -> bool:
        """Does sentence ``idx`` give a match result or a score?"""
        hit = self._result.get(idx)
        if hit is None:
            sent = self._sents[idx]
            hit = _SPORT_RESULT.search(self._text, sent.start, sent.end) is not None
            self._result[idx] = hit
        return hit

    def near(self, idx: int) -> bool:
        """Does a word of sport stand within two sentences of sentence ``idx``?"""
        lo, hi = max(0, idx - 2), min(len(self._sents), idx + 3)
        return any(self._has_words(k) for k in range(lo, hi))


# Words that open a club's name before its city ("Real Madrid", "Bayern Munich").
_TEAM_PREFIXES = frozenset(
    "real atletico atlético athletic athletico bayern borussia dynamo dinamo sporting "
    "olympique olympiakos racing deportivo inter ac as fc sc cf hertha werder eintracht "
    "fortuna hapoel maccabi partizan spartak lokomotiv cska steaua slavia sparta rapid "
    "red".split()
)
# Words that open a town's name before a saint's or another town's ("Saint Petersburg").
_PLACE_OPENERS = frozenset("saint sankt san santa santo sao são st ste sainte".split())
# "Mary and I", "Anna and me": a name joined to a pronoun is a person's.
_AND_PRONOUN = re.compile(r"[ \t]+and[ \t]+(?:I|me|my|his|her|he|she)\b")
# Titles of nobility: the name after them (and its particle) is a person's, even where
# it is also a town's ("Marquis de Lafayette", "Lady Florence").
_NOBILITY = frozenset(
    "marquis marquess marchioness duke duchess count countess baron baroness earl lord "
    "lady sir dame viscount viscountess".split()
)
# Kinds of settlement written before the settlement's name ("Kibbutz Ginosar").
_SETTLEMENTS = frozenset("kibbutz moshav".split())
# Nouns after a name that make it a part of a company ("the Opel unit").
_PART_OF_COMPANY = frozenset("unit subsidiary division affiliate shareholders".split())
# Verbs of a match result: the team before them won or played, and the one after lost.
_RESULT_VERBS = frozenset(
    "beat beats defeated defeat defeats thrashed edged routed crushed overcame trounced "
    "hammered outclassed eliminated drew draw draws tied lost loses".split()
)
_RESULT_INTRANSITIVE = frozenset("drew draw draws tied lost loses".split())
# (verb, preposition) before the other side: "drew with Leeds", "lost to Chelsea"
_RESULT_PHRASES = frozenset(
    {
        ("drew", "with"),
        ("draw", "with"),
        ("tied", "with"),
        ("lost", "to"),
        ("loses", "to"),
        ("losing", "to"),
        ("win", "over"),
        ("victory", "over"),
        ("win", "against"),
        ("defeat", "to"),
        ("defeat", "against"),
        ("draw", "at"),
        ("win", "at"),
    }
)
# jobs a firm employs, not a person's staff ("Mary Jones spokesman Tom Lee" is her aide)
_FIRM_JOBS = frozenset(
    "analyst analysts economist economists strategist strategists trader traders banker "
    "bankers engineer engineers researcher researchers".split()
)
_JOB_AFTER = re.compile(r"[ \t]+(?:[a-z]+[ \t]+)?([a-z]+)[ \t]+")
_SCORE = re.compile(r"\d{1,2}-\d{1,2}$")
_SCORE_AFTER = re.compile(r"[ \t]+\d{1,2}-\d{1,2}\b")
# Nouns for a work that name it right after them ("the novel X", "his album X"); not the
# ones that are also verbs before a name ("show", "play", "hit") or name a newspaper
# ("paper").
_WORK_NOUNS = frozenset(
    "book books novel novels novella memoir memoirs biography autobiography film films "
    "movie movies documentary sitcom drama comedy thriller musical opera operas operetta "
    "ballet album albums song songs symphony concerto sonata cantata oratorio poem poems "
    "essay essays painting paintings sculpture trilogy sequel prequel anthology "
    "bestseller best-seller".split()
)
# Verbs of making a work before its name ("wrote", "composed", "starred in").
_WORK_VERBS = frozenset(
    "wrote composed directed authored penned co-wrote co-authored co-directed".split()
)
_WORK_PHRASES = frozenset(
    "starred in|co-starred in|appeared in|role in|roles in|published in|cast in".split("|")
)
# Types and sources a work's name is never read from.
_NOT_WORKS = frozenset({"NORP", "LANGUAGE", "EVENT", "WORK_OF_ART", "LAW", None})
_GUESSED = frozenset({"unknown", "place-name"})
# readings of a full name that the name's shares or its company's head overrule
_FIRM_GUESSES = frozenset({"unknown", "place-name", "given"})
_QUOTE_MARKS = "\"“”‘’'«»("
_CLOSING = frozenset(['"', "”", "’", "'", "»"])
_YEAR_AFTER = re.compile(r"[ \t]?\((?:1[6-9]|20)\d\d\)")
# Words of study or work before "at" and a school or an employer ("studied at Harvard",
# "an analyst at Metzler"), and of graduating before "from" ("a degree from Cambridge").
_AT_WORK = frozenset(
    "studied study studies studying educated professor professors lecturer lecturers "
    "teaching taught teach teaches student students researcher researchers fellow "
    "fellows scholar scholars scientist scientists enrolled dean analyst analysts "
    "economist economists strategist strategists trader traders banker bankers engineer "
    "engineers worked works working employed intern internship executive executives "
    "postdoc".split()
)
_FROM_STUDY = frozenset("graduated graduate graduates degree degrees doctorate diploma phd".split())
# Words of an office before a title that open a sentence as part of it ("Finance Minister
# Lars Klingbeil", "Former President Bill Clinton"), unlike other openers ("Then
# President ...").
_TITLE_MODIFIERS = frozenset(
    "finance foreign interior home defence defense health justice economy economic "
    "economics trade industry energy environment education labour labor transport "
    "agriculture culture treasury development planning security intelligence oil "
    "mining tourism housing immigration sports communications information digital "
    "climate budget commerce fisheries water welfare research science technology "
    "former acting interim outgoing incoming".split()
)
# Sources that make a name an organization's, for the names coordinated with it.
_ORG_EVIDENCE = frozenset({"lexicon", "head", "definition", "place-name", "team", "known"})
# A storm's kind before its name makes an event ("Hurricane Delia", "Typhoon Haiyan").
_STORMS = frozenset("hurricane cyclone typhoon storm tropical".split())
# a name right before one of these is a disease's ("Marburg virus", "Lassa fever")
_DISEASE_NOUNS = frozenset("virus viruses fever disease diseases flu influenza syndrome".split())
# every noun of _DISEASE_NOUNS holds one of these
_DISEASE_STEMS = ("virus", "fever", "disease", "flu", "syndrome")
_MONTH_BEFORE = re.compile(r"(?<![\w.])([A-Z][a-z]{2,8})[ \t]")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[^\w]*$")
_DATE_WORDS = frozenset("in on since by until till from last next this of early late mid".split())
_HOLIDAYS = frozenset(
    "Christmas Easter Thanksgiving Hanukkah Ramadan Diwali Passover Halloween Xmas".split()
)
_ROUTE_WORDS = frozenset("from to via between and".split())
_FLIGHT_WORDS = re.compile(
    r"\b(?:fl(?:y|ies|ew|own|ights?)|airports?|airlines?|routes?|landed)\b", re.I
)
_DISEASE_AFTER = re.compile(r"(?:['’]s?)?[ \t]+([a-z]+)")
_STRAIN = re.compile(r"^H\d{1,2}N\d{1,2}$")  # influenza strains: "H5N1"
_WHOLE_WORD = re.compile(r"[\w/-]{1,30}")
_DEFINITION = re.compile(rf"\s*\(\s*({_UP}[\w&.-]{{1,11}})\s*\)")
_SUFFIXES = frozenset("Jr Jr. Sr Sr. II III IV".split())


def _place_word(c: Candidate) -> bool:
    """A place the lexicon knows that is not a country ("Stillwater"): a work may share its name."""
    return (
        c.source == "lexicon"
        and c.label in ("GPE", "LOC")
        and not (c.ident or "").startswith("country:")
    )


def _initials(name: str) -> str:
    """The initials of a name's capitalized words: "North Atlantic Treaty Organization", NATO."""
    return "".join(w[0] for w in name.replace("-", " ").split() if w[:1].isupper())


def _surname(words: Sequence[str]) -> str:
    """The family name of a full name: its last word that is not "Jr." or a numeral."""
    for w in reversed(words):
        if w not in _SUFFIXES:
            return w
    return words[-1]
