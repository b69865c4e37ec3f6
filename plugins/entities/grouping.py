"""Grouping mentions into real-world entities (orthographic co-reference).

Mentions of one entity are written differently: "Nikolai Patrushev", "Patrushev",
"Mr. Patrushev"; "United States", "US", "U.S."; "North Atlantic Treaty Organization",
"NATO". Two mentions are one entity when:

- they are the same name (after dropping a possessive and a leading "the");
- the lexicon gives them one id ("US" and "United States" are both ``country:US``), or a
  name is the short form of a known full name in the article ("Islamic Republic" when
  "Islamic Republic of Iran" is a name of Iran, which the article mentions);
- one is an acronym of the other, defined in brackets ("... Organization (NATO)") or made
  of the other's capitals;
- a person's single name ("Patrushev", or "Nikolai") is the surname or first name of a
  full name in the article; when several people share it, the one mentioned most
  recently before it;
- an organization's shorter name is the end of a longer one ("Red Sox", "Boston Red
  Sox"), or the longer one without its head word ("Wikimedia", "Wikimedia Foundation").

A town's name that names a school or an employer by context ("studied at Oxford") stays
apart from its mentions that a place cue keeps a place ("grew up in Oxford").

Everything works on distinct names, through indexes by surname, first name, initials and
name suffix, so the cost is linear in the mentions plus the (small) number of distinct
names. An entity's ``name`` is its fullest form (most words, then longest, acronyms last;
a name the lexicon knows keeps its usual form when the article uses it: "Iran", with
"Islamic Republic" an alias), and ``aliases`` are its other forms in order of appearance.
Its type is the one most of its mentions carry, and every mention takes it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from .gazetteer import normalize
from .rules import Candidate

__all__ = ["Entity", "group_mentions"]

# Sources whose type is evidence rather than a guess.
_CERTAIN = frozenset(
    {"lexicon", "head", "title", "given", "user", "spacy", "definition", "team", "institution"}
)


@dataclass
class Entity:
    """One real-world entity and its mentions (in clean-text offsets)."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    mentions: list[Candidate] = field(default_factory=list)
    references: list[Candidate] = field(default_factory=list)  # pronouns, descriptions


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        parent = self.parent
        parent.setdefault(x, x)
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w[:1].isupper())


def _is_acronym(key: str) -> bool:
    bare = key.replace(".", "").replace("&", "")
    return len(bare) >= 2 and bare.isupper() and " " not in key


def _person_parts(words: Sequence[str]) -> tuple[str, str]:
    first = words[0]
    last = words[-1]
    for w in reversed(words):
        if w.rstrip(".") not in ("Jr", "Sr", "II", "III", "IV"):
            last = w
            break
    return first, last


def group_mentions(
    mentions: Sequence[Candidate],
    lookup: Callable[[str], tuple[str, str] | None] | None = None,
    display: Mapping[str, str] | None = None,
) -> list[Entity]:
    """Group typed mentions into entities, numbered ``e1``, ``e2`` ... by first mention."""
    cands = sorted((c for c in mentions if c.label), key=lambda c: (c.start, -c.end))
    if not cands:
        return []
    by_key: dict[str, list[Candidate]] = defaultdict(list)
    for c in cands:
        by_key[c.key].append(c)
    labels = {k: _vote(v) for k, v in by_key.items()}
    uf = _Union()
    folded: dict[str, str] = {}
    for k in by_key:
        uf.find(k)
        # "PUTIN" in a headline in capitals is "Putin"
        if k.upper() in folded:
            uf.union(folded[k.upper()], k)
        else:
            folded[k.upper()] = k

    # the lexicon's ids and bracketed definitions
    by_ident: dict[str, str] = {}
    for c in cands:
        if c.ident:
            if c.ident in by_ident:
                uf.union(by_ident[c.ident], c.key)
            else:
                by_ident[c.ident] = c.key
        expands = c.attrs.get("expands")
        if isinstance(expands, str) and expands in by_key:
            uf.union(expands, c.key)
    if lookup is not None:
        _short_forms(by_key, labels, by_ident, uf, lookup)

    # organizations: acronyms made of the capitals, shorter and longer forms
    initials: dict[str, list[str]] = defaultdict(list)
    suffixes: dict[str, list[str]] = defaultdict(list)
    for k, label in labels.items():
        words = k.split()
        if label != "ORG" or len(words) < 2:
            continue
        initials[_initials(k)].append(k)
        for i in range(1, len(words)):
            suffixes[" ".join(words[i:])].append(k)
        suffixes[" ".join(words[:-1])].append(k)
    for k, label in labels.items():
        acronym = _is_acronym(k)
        if label not in ("ORG", None) and not acronym:
            continue
        if acronym:
            longer = initials.get(k.replace(".", ""), [])
        else:
            longer = suffixes.get(k, []) if label == "ORG" else []
        if not longer:
            continue
        roots = {uf.find(x) for x in longer}
        if len(roots) == 1:
            uf.union(roots.pop(), k)

    # people: full names by first and last name, then single names to the right person
    full: dict[str, list[str]] = defaultdict(list)  # last name -> full-name keys
    firsts: dict[str, list[str]] = defaultdict(list)
    for k, label in labels.items():
        words = k.split()
        if label == "PERSON" and len(words) >= 2:
            first, last = _person_parts(words)
            full[last.upper()].append(k)
            if len(first) > 2:
                firsts[first.upper()].append(k)
    # "Charles J. Fillmore" and "Charles Fillmore" are one person: the same first word
    # and the same last name, one union per name rather than one test per pair
    same_person: dict[tuple[str, str], str] = {}
    for last, keys in full.items():
        for k in keys:
            first = k.split(None, 1)[0]
            seen = same_person.setdefault((last, first), k)
            if seen != k:
                uf.union(seen, k)
    # a single name to the right person, worked out once for each distinct name
    person_of: dict[int, str] = {}
    single: dict[str, list[Candidate]] = defaultdict(list)
    for c in cands:
        if " " not in c.key and labels[c.key] == "PERSON":
            single[c.key.upper()].append(c)
    for name, group in single.items():
        options = full.get(name) or firsts.get(name)
        if not options:
            continue
        roots = {uf.find(x) for x in options}
        if len(roots) == 1:
            root = roots.pop()
            for c in group:
                person_of[id(c)] = root
            continue
        for c, root in zip(group, _nearest(group, options, by_key, uf), strict=True):
            person_of[id(c)] = root

    clusters: dict[str, list[Candidate]] = defaultdict(list)
    root_of = {k: uf.find(k) for k in by_key}  # no unions from here on
    # a town's name that also names a school or an employer ("studied at Oxford") is the
    # place where a place cue kept it one ("grew up in Oxford"): two entities
    schools = {c.key for c in cands if c.source == "institution"}
    for c in cands:
        person = person_of.get(id(c)) if person_of else None
        root = uf.find(person) if person else root_of[c.key]
        if schools and c.key in schools and c.label in ("GPE", "LOC"):
            root += "\x00place"
        clusters[root].append(c)
    entities = [_entity(group, display or {}) for group in clusters.values()]
    entities.sort(key=lambda e: (e.mentions[0].start, -e.mentions[0].end))
    for n, e in enumerate(entities, 1):
        e.id = f"e{n}"
    return entities


def _nearest(
    group: Sequence[Candidate], keys: list[str], by_key: dict[str, list[Candidate]], uf: _Union
) -> list[str]:
    """Of several people sharing a name, the one last mentioned in full before each of
    ``group`` (in text order); the first of ``keys`` when none is mentioned before it.

    One sweep over the full names' mentions, in text order, for all of ``group``: a
    mention at the same offset as another keeps the one that comes first in ``keys``.
    """
    roots = [uf.find(k) for k in keys]
    events = sorted((m.start, i) for i, k in enumerate(keys) for m in by_key[k])
    best, best_pos = roots[0], -1
    out: list[str] = []
    j, n = 0, len(events)
    for c in group:
        while j < n and events[j][0] < c.start:
            pos, i = events[j]
            j += 1
            if pos > best_pos:
                best, best_pos = roots[i], pos
        out.append(best)
    return out


def _short_forms(
    by_key: dict[str, list[Candidate]],
    labels: dict[str, str | None],
    by_ident: dict[str, str],
    uf: _Union,
    lookup: Callable[[str], tuple[str, str] | None],
) -> None:
    """ "Islamic Republic" is Iran when "Islamic Republic of Iran" names it and Iran is here."""
    for key, group in by_key.items():
        # only head phrases ("Islamic Republic", "United Kingdom") are such short forms
        if " " not in key or labels[key] != "GPE" or group[0].source != "head":
            continue
        for ident, other in by_ident.items():
            if other == key:
                continue
            hit = lookup(normalize(f"{key} of {other}"))
            if hit is not None and hit[1] == ident:
                uf.union(other, key)
                break


def _vote(group: Sequence[Candidate]) -> str | None:
    """The label most of the group carries, counting evidence first; ties go to the first."""
    if len(group) == 1:
        return group[0].label or None  # most names are mentioned once
    # plain dicts, not Counter (this runs for every name and every entity); max() keeps
    # the first of equal counts in insertion order, as Counter.most_common does
    certain: dict[str, int] = {}
    votes: dict[str, int] = {}
    for c in group:
        label = c.label
        if label:
            votes[label] = votes.get(label, 0) + 1
            if c.source in _CERTAIN:
                certain[label] = certain.get(label, 0) + 1
    if certain:
        return max(certain, key=certain.__getitem__)
    return max(votes, key=votes.__getitem__) if votes else None


def _entity(group: list[Candidate], display: Mapping[str, str]) -> Entity:
    if len(group) == 1:
        # most entities are named once: what the general case below comes to then
        c = group[0]
        c.label = c.label or "ORG"
        return Entity(
            id="",
            name=" ".join(c.text.split()),
            type=c.label,
            roles=[c.role] if c.role else [],
            mentions=group,
        )
    # (the group is in text order: group_mentions fills it from the sorted mentions)
    label = _vote(group) or "ORG"
    if label == "PERSON" or any(c.label == "PERSON" and c.source in _CERTAIN for c in group):
        label = "PERSON" if any(c.label == "PERSON" for c in group) else label
    forms: dict[str, str] = {}
    for c in group:
        if c.key not in forms:
            forms[c.key] = " ".join(c.text.split())
        c.label = label
    keys = list(forms)
    name_key = max(
        keys, key=lambda k: (not _is_acronym(k), not k.isupper(), len(k.split()), len(k))
    )
    # a known entity keeps its usual name when the article uses it ("Iran", not "Islamic
    # Republic"; "United States", not "United States of America")
    usual = {display[c.ident] for c in group if c.ident and c.ident in display}
    for k in keys:
        if forms[k] in usual or k in usual:
            name_key = k
            break
    roles: list[str] = []
    for c in group:
        if c.role and c.role not in roles:
            roles.append(c.role)
    return Entity(
        id="",
        name=forms[name_key],
        type=label,
        aliases=[forms[k] for k in keys if k != name_key],
        roles=roles,
        mentions=group,
    )
