"""Dense wire news, made up: many speakers, many quotes, dates, organizations and tables.

    python benchmarks/dense.py [--chars 20000] [--seed 0] [--count 1]

Prints made-up wire stories (or writes ``--count`` of them as JSON Lines with ``--jsonl``).
Every name is invented from syllables, so the stories copy no real article, and every
paragraph is different, so the cleaner's removal of repeated paragraphs does not make a
long document cheap. The output depends only on the seed: the same call gives the same
text on every machine and Python version (``random.Random`` with a fixed seed).

What makes it dense, as CoNLL-style Reuters stories are:

- people named in full once ("Finance Minister Tavo Berenik"), then by family name or by
  a pronoun several sentences later, with other people named in between;
- quotations in every paragraph, with cues before and after ("said Berenik", "he told
  reporters"), quotes that run over two paragraphs, and speakers introduced by a role;
- dates of every kind: weekdays, month-days, full dates, "last year", "three weeks ago",
  ranges, times, datelines;
- organizations and places, with acronyms in brackets;
- tables of results (sports scores, market prices) as lines of names and numbers.

A long document is a stream of such stories, one after the other, with new people,
organizations and places as it goes on, so the number of distinct entities grows with
the document as it does in a large corpus.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator

__all__ = ["dense_document", "dense_records", "dense_story"]

_ONSETS = ("b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr")
_ONSETS += ("kr", "st", "tr", "sh", "ch", "gr", "pl", "j")
_VOWELS = ("a", "e", "i", "o", "u", "ai", "ei", "ou", "ia")
_CODAS = ("", "", "n", "r", "s", "l", "k", "m", "th", "nd", "rt")
_ROLES = (
    "Finance Minister",
    "Foreign Minister",
    "President",
    "Prime Minister",
    "Central bank governor",
    "Chief executive",
    "Coach",
    "Senator",
    "Mayor",
    "Defence Minister",
    "Spokesman",
    "General",
)
_ROLE_NOUNS = ("minister", "governor", "official", "spokesman", "coach", "analyst")
_ORG_HEADS = (
    "Bank",
    "Party",
    "Commission",
    "Corporation",
    "Union",
    "Council",
    "Agency",
    "Group",
    "Airlines",
    "Holdings",
)
_ORG_KINDS = ("National", "United", "Central", "Federal", "Democratic", "Northern", "Royal")
_PLACE_ENDS = ("ia", "stan", "land", "ville", "burg", "grad", "port", "a")
_CUES = ("said", "told reporters", "added", "said in a statement", "told Reuters", "warned")
_VERBS = (
    "met",
    "criticised",
    "praised",
    "called on",
    "rejected a proposal from",
    "held talks with",
    "signed an agreement with",
)
_TOPICS = (
    "the budget",
    "interest rates",
    "the ceasefire",
    "the election",
    "the merger",
    "the strike",
    "the tariff",
    "the final",
    "the harvest",
    "the bond issue",
)
_SAYINGS = (
    "We will not accept {topic} in its present form",
    "This is a good day for {place}",
    "Nobody expected {topic} to move so quickly",
    "The talks with {org} are going well",
    "I have nothing to add",
    "We expect a decision by {date}",
    "The numbers speak for themselves",
    "{topic} has to be settled before {date}",
    "There is no question of a delay",
    "Our position has not changed since {date}",
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_NUMBERS = ("two", "three", "four", "five", "six", "ten")


class _Story:
    """One story's cast and its random source."""

    def __init__(self, rng: random.Random, serial: int) -> None:
        self.rng = rng
        self.serial = serial
        self.place = _place(rng)
        self.places = [self.place, _place(rng), _place(rng)]
        self.people = [
            (_name(rng), _name(rng), rng.choice(_ROLES)) for _ in range(rng.randint(3, 6))
        ]
        self.orgs = [_org(rng, self.places) for _ in range(rng.randint(2, 4))]
        self.year = 1995 + rng.randrange(30)

    def date(self) -> str:
        rng = self.rng
        kind = rng.randrange(9)
        month = rng.choice(_MONTHS)
        day = rng.randint(1, 28)
        if kind == 0:
            return f"on {rng.choice(_WEEKDAYS)}"
        if kind == 1:
            return f"on {month} {day}"
        if kind == 2:
            return f"on {rng.choice(_WEEKDAYS)}, {month} {day}, {self.year}"
        if kind == 3:
            return f"in {month} {self.year - rng.randrange(3)}"
        if kind == 4:
            return f"{rng.choice(_NUMBERS)} weeks ago"
        if kind == 5:
            return rng.choice(("last year", "last month", "next week", "earlier this year"))
        if kind == 6:
            return f"between {month} {day} and {day + rng.randint(1, 3)}"
        if kind == 7:
            return (
                f"at {rng.randint(1, 12)}:{rng.randrange(60):02d} p.m. on {rng.choice(_WEEKDAYS)}"
            )
        return f"in {self.year - rng.randint(1, 20)}"

    def saying(self) -> str:
        rng = self.rng
        return rng.choice(_SAYINGS).format(
            topic=rng.choice(_TOPICS),
            place=rng.choice(self.places),
            org=rng.choice(self.orgs)[0],
            date=f"{rng.choice(_MONTHS)} {rng.randint(1, 28)}",
        )

    def paragraph(self, introduced: set[int]) -> str:
        """Three to six sentences: someone named (in full the first time), quoted, and
        referred to again by pronoun after others were named."""
        rng = self.rng
        n = rng.randrange(len(self.people))
        given, family, role = self.people[n]
        other = self.people[(n + 1) % len(self.people)]
        org, acronym = rng.choice(self.orgs)
        sentences = []
        if n in introduced:
            sentences.append(
                f"{family} {rng.choice(_VERBS)} {other[0]} {other[1]} of the {org} "
                f"{self.date()}, according to officials in {rng.choice(self.places)}."
            )
        else:
            introduced.add(n)
            with_acronym = f"the {org} ({acronym})" if acronym else f"the {org}"
            sentences.append(
                f"{role} {given} {family} {rng.choice(_VERBS)} {with_acronym} {self.date()} "
                f"over {rng.choice(_TOPICS)}."
            )
        shape = rng.randrange(5)
        if shape == 0:
            sentences.append(f"\u201c{self.saying()},\u201d {family} {rng.choice(_CUES)}.")
        elif shape == 1:
            sentences.append(f"{family} {rng.choice(_CUES)}: \u201c{self.saying()}.\u201d")
        elif shape == 2:
            sentences.append(f'"{self.saying()}," said {given} {family}.')
        elif shape == 3:
            sentences.append(
                f"\u201c{self.saying()},\u201d the {rng.choice(_ROLE_NOUNS)} said. "
                f"\u201c{self.saying()}.\u201d"
            )
        else:
            sentences.append(f"{family} said {_lower_first(self.saying())}.")
        # someone else in between, so the pronoun is far from its antecedent
        for _ in range(rng.randint(1, 3)):
            third = rng.choice(self.people)
            sentences.append(
                f"{third[1]}, who {rng.choice(('leads', 'joined', 'left', 'advises'))} the "
                f"{rng.choice(self.orgs)[0]}, {rng.choice(_VERBS)} {rng.choice(self.places)} "
                f"{self.date()}."
            )
        pronoun = rng.choice(("He", "She"))
        sentences.append(
            f"{pronoun} {rng.choice(_CUES)} that {rng.choice(_TOPICS)} would be decided "
            f"{self.date()}, {rng.randint(2, 95)} percent of members having voted."
        )
        if rng.randrange(3) == 0:
            sentences.append(f"\u201c{self.saying()},\u201d {pronoun.lower()} said.")
        return " ".join(sentences)

    def table(self) -> str:
        rng = self.rng
        if rng.randrange(2):
            lines = [f"Results of the {self.places[0]} league on {rng.choice(_WEEKDAYS)}:"]
            for _ in range(rng.randint(3, 8)):
                a, b = _place(rng), _place(rng)
                lines.append(f"{a} {rng.randrange(6)} {b} {rng.randrange(6)}")
        else:
            lines = [
                f"{self.places[0]} stock exchange, {rng.choice(_MONTHS)} {rng.randint(1, 28)}:"
            ]
            for _ in range(rng.randint(3, 8)):
                name = _org(rng, self.places)[0]
                price = f"{rng.randint(1, 900)}.{rng.randrange(100):02d}"
                change = f"{rng.choice('+-')}{rng.randrange(10)}.{rng.randrange(100):02d}"
                lines.append(f"{name} {price} {change}")
        return "\n".join(lines)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(
        rng.choice(_ONSETS)
        + rng.choice(_VOWELS)
        + (rng.choice(_CODAS) if i == syllables - 1 else "")
        for i in range(syllables)
    ).capitalize()


def _name(rng: random.Random) -> str:
    return _word(rng, rng.randint(2, 3))


def _place(rng: random.Random) -> str:
    return _word(rng, 2) + rng.choice(_PLACE_ENDS)


def _org(rng: random.Random, places: list[str]) -> tuple[str, str]:
    kind = rng.randrange(3)
    head = rng.choice(_ORG_HEADS)
    if kind == 0:
        words = [rng.choice(_ORG_KINDS), _name(rng), head]
    elif kind == 1:
        words = [rng.choice(places), rng.choice(_ORG_KINDS), head]
    else:
        words = [_name(rng), head]
    acronym = "".join(w[0] for w in words) if len(words) == 3 and rng.randrange(2) else ""
    return " ".join(words), acronym


def dense_story(rng: random.Random, serial: int = 0) -> str:
    """One story: a headline, a dateline paragraph, paragraphs of quotes, maybe a table."""
    story = _Story(rng, serial)
    family = story.people[0][1]
    verb = rng.choice(("Rejects", "Backs", "Delays", "Wins"))
    headline = f"{story.place} {verb} {rng.choice(_TOPICS)[4:].title()}"
    dateline = f"{story.place.upper()}, {rng.choice(_MONTHS)} {rng.randint(1, 28)} (Reuters) - "
    introduced: set[int] = set()
    paragraphs = [headline, dateline + story.paragraph(introduced)]
    for _ in range(rng.randint(3, 8)):
        paragraphs.append(story.paragraph(introduced))
        if rng.randrange(6) == 0:
            paragraphs.append(story.table())
    if rng.randrange(3) == 0:  # a quotation running over two paragraphs
        paragraphs.append(f"\u201c{story.saying()}. {story.saying()}.")
        paragraphs.append(f"\u201c{story.saying()},\u201d {family} said.")
    return "\n\n".join(paragraphs)


def dense_document(chars: int, seed: int = 0) -> str:
    """About ``chars`` characters of stories, one after the other (cut at ``chars``)."""
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    serial = 0
    while size < chars:
        story = dense_story(rng, serial)
        parts.append(story)
        size += len(story) + 2
        serial += 1
    return "\n\n".join(parts)[:chars]


def dense_records(count: int, seed: int = 0) -> Iterator[dict[str, str]]:
    """``count`` JSON Lines records, one story each, with ids and dates."""
    rng = random.Random(seed)
    for n in range(count):
        yield {
            "id": f"dense-{n:07d}",
            "text": dense_story(rng, n),
            "date": f"{2000 + n % 25}-{n % 12 + 1:02d}-{n % 28 + 1:02d}",
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chars", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--count", type=int, default=0, help="write COUNT stories as JSON Lines")
    args = parser.parse_args()
    if args.count:
        for record in dense_records(args.count, args.seed):
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(dense_document(args.chars, args.seed) + "\n")


if __name__ == "__main__":
    main()
