"""The quote attributor (``quote_attributor``, step id ``quotes`` in the ``news`` config).

Finds every direct quotation (:mod:`.detection`), keeps those that are speech rather than
scare quotes, and says who said each one, as an entity of the report (:mod:`.attribution`).
It needs the sectioner's ``sentences`` and ``paragraphs`` and the entity tagger's
``entities``, and produces the layer ``quotes`` (one span per quotation, inside its marks;
``attrs``: ``speaker_id``, ``cue``, ``rule``).

The report's ``quotes`` lists ``{"start", "end", "text", "speaker", "speaker_id", "cue",
"description", "rule"}`` in source offsets; ``rule`` names how the speaker was found
(``named``, ``according_to``, ``description``, ``pronoun``, ``continuation``) or
``unresolved``.

Speakers are people, or an organization speaking for itself. A cue that describes its
speaker ("the UNICEF chief said", "a ministry spokesman said") gives the person the article
named in that role, or nobody (``speaker: null``); either way ``description`` holds the
cue's words as written ("a ministry spokesman"). It is null when the cue names the speaker
or is a pronoun. An organization is the speaker only when the cue is the organization
itself ("UNICEF said", "the ministry said in a statement"); see :mod:`.speakers`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Any

from pressline.document import Document, Span
from pressline.hookspecs import hookimpl
from pressline.processor import Options, Processor
from pydantic import Field

from .attribution import LOOK_BACK_ENTITIES, ROLE_NOUNS, WORD, SpeechCue, Tracker, find_cue
from .detection import Quotation, find_quotations
from .speakers import Roles, Subject, read_subject

__all__ = ["QuoteAttributor"]

# a quotation that closes as speech ends with its own punctuation: “…,” “…?”
_END_PUNCT = frozenset(".!?,…—–-")
_CLOSING = frozenset("\"'”’)")  # what may follow it inside the marks
SPEAKER_TYPES = ("PERSON", "ORG", "GPE", "NORP")
_NON_SPACE = re.compile(r"\S")
# what may follow a quotation standing as a sentence of its own: its punctuation
_NOT_TRAILING = re.compile(r"[^ .,!?;:—–\-\"'”’]")


class QuoteAttributor(Processor):
    """Find direct quotations and attribute each to the entity who said it."""

    name = "quote_attributor"
    requires = ("sentences", "paragraphs", "entities")
    produces = ("quotes",)

    class Options(Options):
        min_words: int = Field(
            4,
            ge=1,
            description=(
                "A quotation with no cue needs at least this many words, and to stand as "
                "a sentence of its own, to count as speech; shorter ones are scare quotes."
            ),
        )
        single_quotes: bool = Field(
            True, description="Treat single quotes (‘…’) as quotation marks too."
        )
        include_unattributed: bool = Field(
            True, description="Report speech whose speaker the article does not give."
        )
        max_speaker_antecedents: int | None = Field(
            LOOK_BACK_ENTITIES,
            ge=1,
            description=(
                "How many of the entities mentioned last a speaker's description ('the "
                "Russian official said') is matched against; null: all of them, which "
                "makes the step's time grow with the square of a long document's cast. "
                "The report warns when a description matched none of them and earlier "
                "ones were left."
            ),
        )

    def process(self, doc: Document) -> None:
        text = doc.text
        paragraphs = [(p.start, p.end) for p in doc.layer("paragraphs")]
        quotations = sorted(
            (
                q
                for q in find_quotations(text, paragraphs)
                if self.options.single_quotes or q.family != "single"
            ),
            key=lambda q: q.open_mark,
        )
        sentences = [s for s in doc.layer("sentences") if s.attrs.get("part", "body") == "body"]
        starts = [s.start for s in sentences]
        mentions = sorted((m for m in doc.layer("entities") if "entity" in m.attrs), key=_start)
        reach = self.options.max_speaker_antecedents
        tracker = Tracker(doc.data.get("entities", []), text, reach)
        roles = Roles(text, doc.data.get("entities", []))
        by_sentence: dict[int, list[Quotation]] = {}
        for q in quotations:
            by_sentence.setdefault(max(bisect_right(starts, q.open_mark) - 1, 0), []).append(q)

        # what the loop below asks of every quotation and mention, read once
        opens = [q.open_mark for q in quotations]
        closes = [_closed_at(q) for q in quotations]
        mention_starts = [mention.start for mention in mentions]
        n_quotations = len(quotations)

        spans: list[Span] = []
        m = 0
        qi = 0  # the first quotation that may overlap the sentence
        previous_quote_end = -1
        for index, sentence in enumerate(sentences):
            s_start, s_end = sentence.start, sentence.end
            for q in by_sentence.get(index, ()):
                span = self._attribute(
                    doc,
                    q,
                    sentences,
                    starts,
                    mentions,
                    mention_starts,
                    tracker,
                    roles,
                    previous_quote_end,
                )
                if span is not None:
                    spans.append(span)
                    previous_quote_end = q.end
            # then what this sentence says about who is salient
            # (quotations follow one another, so their ends come in order too)
            while qi < n_quotations and closes[qi] <= s_start:
                qi += 1
            quoted = []
            # by index, not a slice: a slice copies every later quotation per sentence
            for qk in range(qi, n_quotations):
                if opens[qk] >= s_end:
                    break
                if closes[qk] > s_start:
                    quoted.append((opens[qk], closes[qk]))
            # the mentions inside the sentence
            m = bisect_left(mention_starts, s_start, m)
            first_person: str | None = None
            # the first words only: once a person is past them, every later one is too
            may_open = True
            qj = 0  # the first quotation that does not end before the mention
            for k in range(m, bisect_left(mention_starts, s_end, m)):
                mention = mentions[k]
                at = mention_starts[k]
                if quoted:
                    while qj < len(quoted) and quoted[qj][1] <= at:
                        qj += 1
                    if qj < len(quoted) and quoted[qj][0] <= at:
                        continue  # inside a quotation: the speaker's words, not the story's
                entity = mention.attrs["entity"]
                tracker.mention(entity)
                if mention.label == "PERSON":
                    tracker.unnamed_is_latest = False
                    if first_person is None and may_open:
                        if _near_start(text, s_start, at, quoted):
                            first_person = entity
                        else:
                            may_open = False
            if first_person is not None:
                tracker.subject = first_person
                tracker.subject_description = None
            else:
                opening = _opening_description(text, s_start, s_end)
                if opening:
                    found = _resolve_opening(text, opening, tracker, roles)
                    if found:
                        tracker.subject = found
                        tracker.subject_description = None
                        tracker.unnamed_is_latest = False
                    elif opening.indefinite:
                        # "A ministry spokesman said ...": someone new and unnamed
                        tracker.subject = None
                        tracker.subject_description = opening.text
                        tracker.unnamed_is_latest = True
                    else:
                        tracker.unresolved()
        doc.add_layer("quotes", spans)
        if tracker.missed:
            doc.warn(
                f"{tracker.missed} description{'s' if tracker.missed > 1 else ''} of a "
                f"speaker such as 'the Russian official' matched none of the {reach} "
                "entities mentioned last and earlier ones were not searched (the quote "
                "attributor's max_speaker_antecedents)."
            )

    def _attribute(
        self,
        doc: Document,
        q: Quotation,
        sentences: list[Span],
        starts: list[int],
        mentions: list[Span],
        mention_starts: list[int],
        tracker: Tracker,
        roles: Roles,
        previous_quote_end: int,
    ) -> Span | None:
        text = doc.text
        open_sentence = sentences[max(bisect_right(starts, q.open_mark) - 1, 0)]
        close_at = q.close_mark if q.close_mark is not None else q.end
        close_sentence = sentences[max(bisect_right(starts, close_at) - 1, 0)]
        after = (close_at + 1 if q.close_mark is not None else q.end, close_sentence.end)
        before = (open_sentence.start, q.open_mark)
        cue = find_cue(text, before, after, _ends_like_speech(text, q.start, q.end))
        if cue is None:
            # searched, not sliced: a slice would copy the rest of a long sentence per quote
            standalone = (
                _NON_SPACE.search(text, before[0], before[1]) is None
                and _NOT_TRAILING.search(text, after[0], after[1]) is None
            )
            if not (
                standalone and len(WORD.findall(text, q.start, q.end)) >= self.options.min_words
            ):
                return None  # a scare quote or a title
        speaker, rule, description = self._speaker(
            text, cue, mentions, mention_starts, tracker, roles, q, previous_quote_end
        )
        if speaker is None and not self.options.include_unattributed:
            return None
        tracker.last_quote = (speaker, description)
        if speaker is not None:
            tracker.last_speaker = speaker
            if tracker.is_person(speaker):
                tracker.subject = speaker
                tracker.subject_description = None
                tracker.unnamed_is_latest = False
        elif description is not None and cue is not None and _one_person(description):
            tracker.subject = None  # “…,” a spokesman said: he is who "he" is now
            tracker.subject_description = description
            tracker.unnamed_is_latest = True
        attrs = {
            "speaker_id": speaker,
            "cue": cue.verb if cue else None,
            "description": description,
            "rule": rule,
        }
        return Span(q.start, q.end, "QUOTE", attrs)

    def _speaker(
        self,
        text: str,
        cue: SpeechCue | None,
        mentions: list[Span],
        mention_starts: list[int],
        tracker: Tracker,
        roles: Roles,
        q: Quotation,
        previous_quote_end: int,
    ) -> tuple[str | None, str, str | None]:
        """``(speaker id, rule, description)`` for a quotation and its cue."""
        if cue is None:
            recent = previous_quote_end >= 0 and q.open_mark - previous_quote_end < 600
            if recent and tracker.last_quote is not None:
                speaker, description = tracker.last_quote
            else:
                speaker, description = tracker.subject, tracker.subject_description
            if speaker is None and description is None:
                return None, "unresolved", None
            return speaker, "continuation" if speaker else "unresolved", description
        s0, s1 = cue.subject or (cue.start, cue.start)
        subject = read_subject(text, s0, s1)
        if subject is not None:
            # "In a statement on Monday, the ministry": the speaker after the adverbial
            subject = subject.after_adverbial(text)
        if subject is not None and subject.is_document():
            # "a statement from the ministry": who the statement is from
            subject = subject.author(text) or subject
        if subject is None:
            return None, "unresolved", None
        named_rule = "according_to" if cue.verb == "according to" else "named"
        if subject.is_pronoun() and tracker.unnamed_is_latest and tracker.subject is None:
            # “…,” he said, after “…,” a ministry spokesman said: the same unnamed man
            return None, "unresolved", tracker.subject_description
        inside = []
        for k in range(bisect_left(mention_starts, subject.start), len(mentions)):
            if mentions[k].start >= subject.end:
                break
            if mentions[k].end <= subject.end and mentions[k].label in SPEAKER_TYPES:
                inside.append(mentions[k])
        heads = [m for m in inside if not subject.qualifies(m.start, m.end, text)]
        persons = [m for m in heads if m.label == "PERSON"]
        if persons:
            return persons[0].attrs["entity"], named_rule, None
        named = _apposition(text, subject, cue, mentions, mention_starts)
        if named is not None:  # “…,” said Jones’s lawyer, Sarah Blake
            return named, named_rule, None
        # a pronoun or description the entity tagger already resolved ("he said")
        for ref_start, ref_end, kind, entity in tracker.references_in(subject.start, subject.end):
            if not tracker.is_person(entity) or subject.qualifies(ref_start, ref_end, text):
                continue  # "his spokesman", "an aide to the Russian official"
            if kind == "pronoun" and text[ref_start:ref_end].lower() in ("he", "she"):
                return entity, "pronoun", None
            if kind == "description":
                return entity, "description", subject.text
        if subject.is_pronoun():
            speaker = tracker.subject or tracker.last_speaker
            return (speaker, "pronoun", None) if speaker else (None, "unresolved", None)
        if subject.is_group():
            return None, "unresolved", subject.text
        if subject.is_person_role():
            # who the article named in this role, if exactly one fits
            capitalized = any(
                w[:1].isupper() and not roles.named_orgs([w]) for _, _, w in subject.modifiers()
            )
            found = roles.match(subject, s0, tracker.person_ids(), nationality=capitalized)
            if found is None and not subject.indefinite and capitalized:
                found = tracker.describe([w for _, _, w in subject.words])
            if found:
                return found, "description", subject.text
            tracker.unresolved()
            return None, "unresolved", subject.text
        # an organization speaking: "UNICEF said", "the ministry said in a statement"
        if heads:
            return heads[0].attrs["entity"], named_rule, None
        named = roles.named_orgs([w for _, _, w in subject.words])
        if len(named) == 1:
            return named.pop(), named_rule, None
        if subject.is_org_noun():
            org = roles.org_for_noun(subject.head_word, s0)
            if org:
                return org, "description", subject.text
        return None, "unresolved", subject.text

    def summarize(self, doc: Document) -> dict[str, Any]:
        names = {e["id"]: e["name"] for e in doc.data.get("entities", [])}
        quotes = []
        for span in doc.layer("quotes"):
            speaker_id = span.attrs["speaker_id"]
            quotes.append(
                {
                    **doc.source_span(span.start, span.end),
                    "speaker": names.get(speaker_id) if speaker_id else None,
                    "speaker_id": speaker_id,
                    "cue": span.attrs["cue"],
                    "description": span.attrs.get("description"),
                    "rule": span.attrs["rule"],
                }
            )
        return {"quotes": quotes}


def _start(span: Span) -> int:
    return span.start


def _ends_like_speech(text: str, start: int, end: int) -> bool:
    """Does the quotation in ``[start, end)`` end with punctuation of its own, maybe
    followed by closing quotes or brackets and spaces ("…," "…?")? Read back from its
    end, not searched for through the whole quotation."""
    k = end
    while k > start and text[k - 1].isspace():
        k -= 1
    while k > start and text[k - 1] in _CLOSING:
        k -= 1
    return k > start and text[k - 1] in _END_PUNCT


def _closed_at(q: Quotation) -> int:
    return q.close_mark or q.end


def _near_start(text: str, sentence_start: int, offset: int, quoted: list[tuple[int, int]]) -> bool:
    """Is ``offset`` among the first words of its sentence's own (unquoted) text?"""
    prefix = text[sentence_start:offset]
    for a, b in quoted:
        if a >= sentence_start and b <= offset:
            prefix = prefix.replace(text[a : b + 1], " ")
    return len(WORD.findall(prefix)) <= 3


def _apposition(
    text: str, subject: Subject, cue: SpeechCue, mentions: list[Span], mention_starts: list[int]
) -> str | None:
    """The person named in an apposition right after a described subject, up to the
    next comma: “…,” said Jones’s lawyer, Sarah Blake, ..."""
    comma = text.find(",", subject.end, min(cue.end, subject.end + 3))
    if comma == -1 or subject.head is None:
        return None
    stop = text.find(",", comma + 1, cue.end)
    stop = cue.end if stop == -1 else stop
    lo = bisect_left(mention_starts, comma + 1)
    if lo < len(mentions) and mentions[lo].end <= stop and mentions[lo].label == "PERSON":
        lead = WORD.findall(text[comma + 1 : mentions[lo].start])
        if len(lead) <= 1:  # "..., Sarah Blake", "..., Mrs Blake"
            return mentions[lo].attrs["entity"]
    return None


def _one_person(description: str) -> bool:
    """Does a description describe one person ("a ministry spokesman", not "officials")?"""
    subject = read_subject(description, 0, len(description))
    return subject is not None and subject.is_person_role()


def _opening_description(text: str, start: int, end: int) -> Subject | None:
    """A description opening a sentence: "The Iranian security official", "A ministry
    spokesman"; None when the sentence opens otherwise."""
    if text[start : start + 1] not in ("T", "A", "t", "a"):
        return None
    found = WORD.match(text, start)
    if not found or found.group().lower() not in {"the", "a", "an"}:
        return None
    stop = min(end, start + 80)
    for k, word in enumerate(WORD.finditer(text, start, stop)):
        if k > 4:
            break
        if k and word.group().lower() in ROLE_NOUNS:
            return read_subject(text, start, word.end())
    return None


def _resolve_opening(text: str, opening: Subject, tracker: Tracker, roles: Roles) -> str | None:
    """The person a description opening a sentence stands for, if the article named one:
    what the article said of each person ("The Iranian security official"), else the role
    ("The spokesman"); an indefinite one ("A ministry spokesman") only by its role."""
    if not opening.indefinite:
        found = tracker.describe([w for _, _, w in opening.words[1:]])
        if found:
            return found
    capitalized = any(w[:1].isupper() for _, _, w in opening.modifiers())
    return roles.match(opening, opening.start, tracker.person_ids(), nationality=capitalized)


@hookimpl
def register_processors(register):
    register(QuoteAttributor)
