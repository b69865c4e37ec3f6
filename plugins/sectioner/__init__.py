"""The sectioner: title, standfirst, section headings, paragraphs and sentences.

Layers (clean-text offsets):

- ``paragraphs``: the body paragraphs (label ``"paragraph"``);
- ``headings``: the section headings (label ``"heading"``);
- ``sections``: one span per section, from its heading (or first paragraph) to the end of
  its last paragraph; label = the heading text or ``""``; attrs ``heading`` ([start, end]
  or None), ``paragraphs`` and ``sentences`` (body counts);
- ``sentences``: every sentence, the title's, the standfirst's and the headings' included
  (label ``"sentence"``, attrs ``part``: ``"title"``, ``"standfirst"``, ``"heading"`` or
  ``"body"``).

``doc.data["title"]`` and ``doc.data["standfirst"]`` hold a :class:`Span` or None.
Sentences never cross a paragraph boundary, and none is longer than the option
``max_sentence_chars`` (1,000 characters): a longer run with no sentence end (a page with
no punctuation, a table flattened to one line, a date repeated) is cut between two
lowercase words before "and", "of", "on" ..., or after a semicolon or a comma, and the
report warns. The steps after it work pairwise within a sentence; the bound keeps them
linear in the text.

``doc.data["dateline"]`` is the dateline opening the first body paragraph ("TEHRAN,
Nov. 10 (Reuters) —"), a :class:`Span` with attrs ``place`` and ``date`` (``2022-11-10``,
or ``XXXX-11-10`` without a year), or None; ``doc.data["byline"]`` the byline paragraph
("By Jane Doe") near the top, or None. Both stay part of their paragraphs.

The reference date: the engine sets it before any step runs (from ``--date``, else the
input's own date, else the config's). A dateline that gives the full date is the
article's own date, so when the document has no reference date, or only the config's
default, the sectioner makes the dateline's date the reference date
(``reference_date_from = "dateline"``). It runs before the steps that resolve dates.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pressline.document import Document, Span
from pressline.hookspecs import hookimpl
from pressline.processor import Options as BaseOptions
from pressline.processor import Processor
from pydantic import Field

from .blocks import Layout, Unit, _is_furniture, analyse
from .dateline import find_byline, find_dateline
from .sentences import SentenceSplitter, split_sentences

__all__ = ["Sectioner", "SentenceSplitter", "split_sentences"]

_PART = {"title": "title", "repeat": "title", "standfirst": "standfirst", "heading": "heading"}


class Sectioner(Processor):
    """Find the title, standfirst, section headings, paragraphs and sentences."""

    name = "sectioner"
    requires = ()
    produces = (
        "paragraphs",
        "sentences",
        "sections",
        "headings",
        "title",
        "standfirst",
        "dateline",
        "byline",
    )

    class Options(BaseOptions):
        paragraphs: Literal["auto", "line", "blank_line"] = Field(
            default="auto",
            description=(
                "How paragraphs are delimited: 'line' (one per line, as in text copied "
                "from a web page), 'blank_line' (one per blank-line-separated block, as in "
                "hard-wrapped text), or 'auto' to tell the two apart from the line breaks."
            ),
        )
        detect_title: bool = Field(
            default=True, description="Take a headline-like first line as the title."
        )
        detect_standfirst: bool = Field(
            default=True,
            description="Take the deck between the headline and the body as the standfirst.",
        )
        detect_headings: bool = Field(
            default=True,
            description="Find section headings: short, unpunctuated, title-like lines "
            "set apart from the body and followed by prose.",
        )
        max_heading_words: int = Field(
            default=12, ge=1, le=40, description="The most words a section heading may have."
        )
        max_sentence_chars: int | None = Field(
            default=1000,
            ge=100,
            description="The longest a sentence may be, in characters. A longer run of "
            "text with no sentence end (a page with no punctuation, a table flattened to "
            "one line) is cut into pieces of at most this size: after a semicolon, else "
            "after a comma before a lowercase word, else between a lowercase word and "
            "'and', 'of', 'on' ..., else at a space, so that the steps that work pairwise "
            "within a sentence stay linear in the text; the report warns when it happens. "
            "None never cuts.",
        )
        extra_abbreviations: list[str] = Field(
            default_factory=list,
            description="More abbreviations (such as 'Cllr.' or 'Bldg.') that do not end a "
            "sentence unless a typical sentence opener follows them.",
        )

    options: Options

    def __init__(self, options: Options | dict[str, Any] | None = None) -> None:
        super().__init__(options)
        self._splitter = SentenceSplitter(self.options.extra_abbreviations)

    def process(self, doc: Document) -> None:
        text = doc.text
        opts = self.options
        layout: Layout = analyse(
            text,
            paragraphs=opts.paragraphs,
            detect_title=opts.detect_title,
            detect_standfirst=opts.detect_standfirst,
            detect_headings=opts.detect_headings,
            max_heading_words=opts.max_heading_words,
        )
        split = self._splitter.split
        paragraphs: list[Span] = []
        headings: list[Span] = []
        sentences: list[Span] = []
        sections: list[Span] = []
        section: Span | None = None
        limit = opts.max_sentence_chars
        cut = 0

        for unit in layout.units:
            spans = split(text, unit.start, unit.end)
            # a sentence is no longer than its unit, so most units need no look at their spans
            if (
                limit is not None
                and unit.end - unit.start > limit
                and any(b - a > limit for a, b in spans)
            ):
                spans, pieces = _bounded(text, spans, limit)
                cut += pieces
            part = _PART.get(unit.kind, "body")
            sentences.extend(Span(a, b, "sentence", {"part": part}) for a, b in spans)
            if unit.kind == "heading":
                heading = Span(unit.start, unit.end, "heading")
                headings.append(heading)
                section = Span(
                    unit.start,
                    unit.end,
                    text[unit.start : unit.end],
                    {"heading": [unit.start, unit.end], "paragraphs": 0, "sentences": 0},
                )
                sections.append(section)
            elif unit.kind == "paragraph":
                paragraphs.append(Span(unit.start, unit.end, "paragraph"))
                if section is None:
                    section = Span(
                        unit.start, unit.end, "", {"heading": None, "paragraphs": 0, "sentences": 0}
                    )
                    sections.append(section)
                section.end = unit.end
                section.attrs["paragraphs"] += 1
                section.attrs["sentences"] += len(spans)

        if cut:
            doc.warn(
                f"{cut} sentence{'s were' if cut > 1 else ' was'} cut where a run of text "
                f"went on for more than {limit} characters with no sentence end "
                "(the sectioner's max_sentence_chars)."
            )
        doc.add_layer("paragraphs", paragraphs)
        doc.add_layer("headings", headings)
        doc.add_layer("sections", sections)
        doc.add_layer("sentences", sentences)
        title, standfirst = layout.title, layout.standfirst
        doc.data["title"] = Span(title.start, title.end, "title") if title else None
        doc.data["standfirst"] = (
            Span(standfirst.start, standfirst.end, "standfirst") if standfirst else None
        )
        self._top_lines(doc, layout.units)

    def _top_lines(self, doc: Document, units: list[Unit]) -> None:
        """Find the byline and the dateline among the first body paragraphs."""
        text = doc.text
        byline: Span | None = None
        dateline: Span | None = None
        for unit in [u for u in units if u.kind == "paragraph"][:4]:
            found = find_byline(text, unit.start, unit.end)
            if found is not None:
                byline = byline or Span(found[0], found[1], "byline")
                continue
            line = find_dateline(text, unit.start, unit.end)
            if line is None:
                if _is_furniture(text[unit.start : unit.end]):
                    continue  # a date line or a photo credit above the lede
                break  # the lede, and no dateline opens it
            dateline = Span(
                line.start, line.end, "dateline", {"place": line.place, "date": line.date}
            )
            when = line.full_date()
            if when is not None and (
                doc.reference_date is None or doc.reference_date_from == "config"
            ):
                doc.reference_date = when
                doc.reference_date_from = "dateline"
            break
        doc.data["dateline"] = dateline
        doc.data["byline"] = byline

    def summarize(self, doc: Document) -> dict[str, Any]:
        text = doc.text
        sections: list[dict[str, Any]] = []
        for sec in doc.layer("sections"):
            start, end = doc.to_source(sec.start, sec.end)
            head = sec.attrs["heading"]
            h_start = h_end = None
            if head is not None:
                h_start, h_end = doc.to_source(head[0], head[1])
            sections.append(
                {
                    "heading": text[head[0] : head[1]] if head is not None else None,
                    "start": start,
                    "end": end,
                    "heading_start": h_start,
                    "heading_end": h_end,
                    "paragraphs": sec.attrs["paragraphs"],
                    "sentences": sec.attrs["sentences"],
                }
            )
        body = 0
        spans: list[dict[str, int]] = []
        to_source = doc.to_source
        for s in doc.layer("sentences"):
            if s.attrs.get("part") == "body":
                body += 1
            a, b = to_source(s.start, s.end)
            spans.append({"start": a, "end": b})
        return {
            "title": _text_of(doc, doc.data.get("title")),
            "standfirst": _text_of(doc, doc.data.get("standfirst")),
            "sections": sections,
            "paragraphs": len(doc.layer("paragraphs")),
            "sentences": body,
            "dateline": _dateline(doc, doc.data.get("dateline")),
            "byline": doc.source_span(byline.start, byline.end)
            if (byline := doc.data.get("byline")) is not None
            else None,
            # every sentence (title, standfirst and headings too), so tools that score or
            # align sentences need no --layers
            "sentence_spans": spans,
        }


# where a sentence too long is cut, best first: after a semicolon; after a comma before
# a lowercase word; between a lowercase word and a preposition, conjunction or article
# (names and dates are seldom cut there: "2024 and | on Monday"); at any space
_CUTS = (
    re.compile(r";(?=\s)"),
    re.compile(r",(?=\s[a-z])"),
    re.compile(
        r"(?<=[a-z])(?=\s(?:and|or|but|on|in|at|of|the|a|an|to|for|with|by|from|which|who)\s)"
    ),
    re.compile(r"(?<=\S)(?=\s)"),
)


def _bounded(
    text: str, spans: list[tuple[int, int]], limit: int
) -> tuple[list[tuple[int, int]], int]:
    """``spans`` with each one longer than ``limit`` cut into pieces of at most ``limit``
    characters, and the number of cuts. A piece ends at the best cut (:data:`_CUTS`) in
    the second half of its window, the last one of that kind, else at the limit itself;
    every window is searched a bounded number of times, so this is linear in the text."""
    out: list[tuple[int, int]] = []
    cuts = 0
    for a, b in spans:
        while b - a > limit:
            hi = a + limit
            lo = a + limit // 2
            at = hi
            for pattern in _CUTS:
                last = None
                for last in pattern.finditer(text, lo, hi):  # noqa: B007
                    pass
                if last is not None:
                    at = last.end()
                    break
            end = at
            while end > a and text[end - 1].isspace():
                end -= 1
            out.append((a, end))
            cuts += 1
            a = at
            while a < b and text[a].isspace():
                a += 1
        if a < b:
            out.append((a, b))
    return out, cuts


def _dateline(doc: Document, span: Span | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {**doc.source_span(span.start, span.end), **span.attrs}


def _text_of(doc: Document, span: Span | None) -> str | None:
    return doc.text[span.start : span.end] if span is not None else None


@hookimpl
def register_processors(register: Any) -> None:
    register(Sectioner)
