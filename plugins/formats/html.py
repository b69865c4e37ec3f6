"""``-f html``: one self-contained page that a person would rather read than the JSON.

The page shows the article with every entity mention highlighted by type (a legend
switches types off; hovering or focusing a mention shows the entity's name, type and
roles, and lights up its other mentions), the section outline, an entity table, the
timeline drawn on a time axis with a table of its events, the quotes, and what the
cleaner removed.

Safety: everything that comes from the article, the metadata or any step is escaped
(``html.escape``), so article text that looks like markup shows as text. The page loads
nothing: its style and script are inline (``report.css`` and ``report.js`` beside this
module) and a Content-Security-Policy allows only those two, by hash, so even markup
that slipped through could neither run nor fetch anything.
"""

from __future__ import annotations

import base64
import hashlib
import re
from bisect import bisect_right
from collections.abc import Iterable
from datetime import date, timedelta
from functools import cache
from html import escape
from importlib import resources
from typing import Any

from .view import ENTITY_TYPES, Entity, Event, ReportView, plural

__all__ = ["TYPE_COLORS", "to_html"]

#: Highlight colours by entity type (displaCy's, so they look familiar).
TYPE_COLORS = {
    "PERSON": "#aa9cfc",
    "NORP": "#c887fb",
    "FAC": "#9cc9cc",
    "ORG": "#7aecec",
    "GPE": "#feca74",
    "LOC": "#ff9561",
    "PRODUCT": "#bfeeb7",
    "EVENT": "#ffeb80",
    "WORK_OF_ART": "#f0d0ff",
    "LAW": "#ff8197",
    "LANGUAGE": "#ffb3c7",
}
_OTHER_COLOR = "#dddddd"
_TYPE_NAME = re.compile(r"[A-Z][A-Z_]{0,30}")


def _e(value: Any) -> str:
    return escape(str(value), quote=True)


@cache
def _asset(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def _type_class(entity_type: str) -> str:
    return f"t-{entity_type}" if _TYPE_NAME.fullmatch(entity_type) else "t-OTHER"


def _type_css(types: Iterable[str]) -> str:
    rules = [f".t-OTHER{{--c:{_OTHER_COLOR}}}", ".doc.off-OTHER mark.t-OTHER{background:none}"]
    for entity_type in types:
        if _TYPE_NAME.fullmatch(entity_type):
            color = TYPE_COLORS.get(entity_type, _OTHER_COLOR)
            rules.append(f".t-{entity_type}{{--c:{color}}}")
            rules.append(f".doc.off-{entity_type} mark.t-{entity_type}{{background:none}}")
    return "\n".join(rules)


def _tip(entity: Entity) -> str:
    parts = [entity.name, entity.type]
    if entity.roles:
        parts.append("; ".join(entity.roles))
    return " — ".join(parts)


# -- the article -------------------------------------------------------------------------------
class _Spans:
    """Non-overlapping ranges of the text, kept sorted, each with a payload.

    Finding and inserting are logarithmic, so a long article with many thousands of
    mentions lays out in about linear time.
    """

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.items: list[tuple[int, int, tuple[str, str]]] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start)
        if i > 0 and self.items[i - 1][1] > start:
            return True
        return i < len(self.items) and self.items[i][0] < end

    def add(self, start: int, end: int, payload: tuple[str, str] = ("", "")) -> bool:
        if start >= end or self.overlaps(start, end):
            return False
        i = bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.items.insert(i, (start, end, payload))
        return True

    def within(self, start: int, end: int) -> list[tuple[int, int, tuple[str, str]]]:
        """The ranges that overlap ``[start, end)``, in order."""
        i = max(bisect_right(self.starts, start) - 1, 0)
        out = []
        while i < len(self.items) and self.items[i][0] < end:
            if self.items[i][1] > start:
                out.append(self.items[i])
            i += 1
        return out

    def render(self, text: str, start: int, end: int) -> str:
        """``text[start:end]`` escaped, with each range's opening and closing tags around it."""
        out: list[str] = []
        pos = start
        for s, e, (opening, closing) in self.within(start, end):
            s, e = max(s, start), min(e, end)
            out.append(_e(text[pos:s]))
            out.append(opening + _e(text[s:e]) + closing)
            pos = e
        out.append(_e(text[pos:end]))
        return "".join(out)


def _marks(view: ReportView) -> tuple[_Spans, int]:
    marks = _Spans()
    placed = 0
    mentions = [(m, n, entity) for n, entity in enumerate(view.entities) for m in entity.mentions]
    # longer mentions first, so "Tehran-Moscow" (if an entity) wins over "Tehran" inside it
    mentions.sort(key=lambda item: (-(item[0].end - item[0].start), item[0].start))
    seen: dict[int, int] = {}
    for mention, n, entity in mentions:
        k = seen.get(n, 0)
        opening = (
            f'<mark class="ent {_type_class(entity.type)}" id="m-{n}-{k}" tabindex="0" '
            f'data-entity="{_e(entity.id)}" data-start="{mention.start}" '
            f'data-end="{mention.end}" data-tip="{_e(_tip(entity))}" '
            f'aria-label="{_e(mention.text)}: {_e(_tip(entity))}">'
        )
        if marks.add(mention.start, mention.end, (opening, "</mark>")):
            seen[n] = k + 1
            placed += 1
    for timex in view.timexes:
        value = _e(timex.value)
        opening = f'<span class="tx" data-value="{value}" title="{_e(timex.type)} {value}">'
        marks.add(timex.start, timex.end, (opening, "</span>"))
    return marks, placed


def _blocks(view: ReportView, paragraphs: list[tuple[int, int]] | None) -> list[tuple[int, int]]:
    """The article's blocks (start, end): headings, paragraphs, then every other line."""
    text = view.text
    taken = _Spans()
    for sec in view.sections:
        hs, he = sec.get("heading_start"), sec.get("heading_end")
        if isinstance(hs, int) and isinstance(he, int) and 0 <= hs < he <= len(text):
            taken.add(hs, he)
    for s, e in paragraphs or []:
        if 0 <= s < e <= len(text):
            taken.add(s, e)
    pos = 0
    for line in text.split("\n"):
        s = pos + len(line) - len(line.lstrip())
        e = pos + len(line.rstrip())
        pos += len(line) + 1
        if s < e:
            taken.add(s, e)
    return [(s, e) for s, e, _ in taken.items]


def _article(view: ReportView, marks: _Spans, paragraphs: list[tuple[int, int]] | None) -> str:
    text = view.text
    headings = {
        sec.get("heading_start"): n for n, sec in enumerate(view.sections, 1) if sec.get("heading")
    }
    firsts = {sec["start"]: n for n, sec in enumerate(view.sections, 1)}
    removed = _Spans()
    for item in view.removed:
        removed.add(item["start"], item["end"], (str(item.get("reason", "")), ""))
    title_done = standfirst_done = False
    out: list[str] = []
    for start, end in _blocks(view, paragraphs):
        piece = text[start:end].strip()
        body = marks.render(text, start, end)
        covering = removed.within(start, end)
        why = next((r for s, e, (r, _) in covering if s <= start and end <= e), None)
        anchor = f' id="sec-{firsts[start]}"' if start in firsts and start not in headings else ""
        if why is not None:
            out.append(
                f'<p class="removed" data-reason="{_e(why)}">{body}'
                f'<span class="why"> removed: {_e(why)}</span></p>'
            )
        elif start in headings:
            out.append(f'<h2 id="sec-{headings[start]}">{body}</h2>')
        elif not title_done and view.title and piece.split() == view.title.split():
            title_done = True
            out.append(f'<h1 class="headline">{body}</h1>')
        elif not standfirst_done and view.standfirst and piece.split() == view.standfirst.split():
            standfirst_done = True
            out.append(f'<p class="standfirst">{body}</p>')
        else:
            out.append(f"<p{anchor}>{body}</p>")
    if not out:
        out.append('<p class="empty">The document is empty.</p>')
    return "\n".join(out)


# -- the timeline --------------------------------------------------------------------------------
_MONTH_NAMES = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def _ticks(low: date, high: date) -> list[tuple[date, str]]:
    days = (high - low).days
    if days > 3 * 365:
        step = max(1, round(days / 365 / 8))
        first = low.year + 1
        return [(date(y, 1, 1), str(y)) for y in range(first, high.year + 1, step)]
    if days > 60:
        months = (high.year - low.year) * 12 + high.month - low.month
        step = max(1, round(months / 8))
        out = []
        y, m = low.year, low.month + 1
        while (y, m) <= (high.year, high.month):
            if m > 12:
                y, m = y + 1, 1
                continue
            if ((y * 12 + m) - (low.year * 12 + low.month)) % step == 0:
                label = _MONTH_NAMES[m - 1] + (f" {y}" if m == 1 or not out else "")
                out.append((date(y, m, 1), label))
            m += 1
        return out
    step = max(1, days // 8)
    return [
        (
            low + timedelta(days=d),
            f"{_MONTH_NAMES[(low + timedelta(days=d)).month - 1]} {(low + timedelta(days=d)).day}",
        )
        for d in range(1, days + 1, step)
    ]


def _event_label(event: Event) -> str:
    said = event.timex.text if event.timex else ""
    when = event.value or (event.start_date.isoformat() if event.start_date else "")
    if said and said != when:
        return f"{said} · {when}"
    return when or said


def _timeline_svg(view: ReportView) -> str:
    dated = [(n, ev) for n, ev in enumerate(view.events, 1) if ev.start_date is not None]
    if not dated:
        return ""
    low = min(ev.start_date for _, ev in dated)
    high = max(ev.end_date or ev.start_date for _, ev in dated)
    ref = None
    if view.reference_date:
        try:
            ref = date.fromisoformat(view.reference_date)
            high = max(high, ref)
            low = min(low, ref)
        except ValueError:
            ref = None
    span = max((high - low).days, 1)
    pad = max(span // 30, 1)
    low, high = low - timedelta(days=pad), high + timedelta(days=pad)
    span = (high - low).days
    width, left, right = 1000, 20, 20

    def x(day: date) -> float:
        return left + (day - low).days / span * (width - left - right)

    lanes: list[list[tuple[float, float]]] = []
    placed: list[tuple[int, Event, float, float, int, bool]] = []
    for n, ev in sorted(dated, key=lambda item: item[1].start_date):
        x1, x2 = x(ev.start_date), x(ev.end_date or ev.start_date)
        label = f"{n}. {_event_label(ev)}"
        w = 7.0 * len(label) + 12
        flip = x1 + w > width - right
        box = (x1 - w, x1 + 4) if flip else (x1 - 4, x1 + w)
        lane_no = next(
            (k for k, lane in enumerate(lanes) if all(box[1] < a or b < box[0] for a, b in lane)),
            len(lanes),
        )
        if lane_no == len(lanes):
            lanes.append([])
        lanes[lane_no].append(box)
        placed.append((n, ev, x1, x2, lane_no, flip))
    lane_h = 26
    axis_y = 30 + lane_h * len(lanes) + 8
    height = axis_y + 34
    parts = [
        f'<svg class="axis" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="Timeline of {len(placed)} events" preserveAspectRatio="xMinYMin meet">'
    ]
    parts.append(
        f'<line class="base" x1="{left}" y1="{axis_y}" x2="{width - right}" y2="{axis_y}"/>'
    )
    for day, label in _ticks(low, high):
        tx = x(day)
        parts.append(
            f'<line class="tick" x1="{tx:.1f}" y1="{axis_y}" x2="{tx:.1f}" y2="{axis_y + 6}"/>'
            f'<text class="ticklabel" x="{tx:.1f}" y="{axis_y + 20}">{_e(label)}</text>'
        )
    if ref is not None:
        rx = x(ref)
        parts.append(
            f'<line class="ref" x1="{rx:.1f}" y1="14" x2="{rx:.1f}" y2="{axis_y}"/>'
            f'<text class="reflabel" x="{rx:.1f}" y="10">'
            f"reference date {_e(ref.isoformat())}</text>"
        )
    for n, ev, x1, x2, lane_no, flip in placed:
        y = axis_y - 14 - lane_no * lane_h
        sentence = ev.sentence.text if ev.sentence else ""
        parts.append(f'<a href="#ev-{n}" class="ev" data-event="{n}">')
        parts.append(f"<title>{_e(_event_label(ev))}: {_e(' '.join(sentence.split()))}</title>")
        parts.append(f'<line class="stem" x1="{x1:.1f}" y1="{y + 4}" x2="{x1:.1f}" y2="{axis_y}"/>')
        if x2 - x1 >= 3:
            parts.append(
                f'<rect class="range" x="{x1:.1f}" y="{axis_y - 5}" width="{x2 - x1:.1f}" '
                f'height="10" rx="3"/>'
            )
        parts.append(f'<circle class="dot" cx="{x1:.1f}" cy="{axis_y}" r="5"/>')
        anchor = "end" if flip else "start"
        lx = x1 - 6 if flip else x1 + 6
        parts.append(
            f'<text class="evlabel" x="{lx:.1f}" y="{y + 4}" text-anchor="{anchor}">'
            f"{n}. {_e(_event_label(ev))}</text>"
        )
        parts.append("</a>")
    parts.append("</svg>")
    return "".join(parts)


def _chip(entity: Entity) -> str:
    return (
        f'<span class="chip {_type_class(entity.type)}" data-entity="{_e(entity.id)}" '
        f'title="{_e(_tip(entity))}">{_e(entity.name)}</span>'
    )


def _sentence_with_timex(view: ReportView, event: Event) -> str:
    if event.sentence is None:
        return ""
    s, e = event.sentence.start, event.sentence.end
    text = view.text
    if event.timex and s <= event.timex.start and event.timex.end <= e:
        t0, t1 = event.timex.start, event.timex.end
        return f"{_e(text[s:t0])}<b>{_e(text[t0:t1])}</b>{_e(text[t1:e])}"
    return _e(text[s:e])


def _when(event: Event) -> str:
    """The event's value, and the calendar range it stands for when that is wider than a day."""
    if event.start_date is None:
        return _e(event.value or "?")
    start, end = event.start_date.isoformat(), (event.end_date or event.start_date).isoformat()
    shown = f'<time datetime="{_e(event.value or start)}">{_e(event.value or start)}</time>'
    if start == end:
        return shown if event.value in ("", start) else f'{shown}<div class="value">{start}</div>'
    return f'{shown}<div class="value">{start} – {end}</div>'


def _timeline(view: ReportView) -> str:
    if not view.has_timeline:
        return ""
    head = (
        f'<h2>Timeline</h2><p class="note">{plural(len(view.events), "dated event")} from '
        f"{plural(len(view.timexes), 'time expression')}; relative dates resolved against "
        f"{_e(view.date_line())}.</p>"
    )
    if not view.events:
        return f'<section class="timeline" id="timeline">{head}</section>'
    with_who = any(view.participants(ev) for ev in view.events)
    rows = []
    for n, ev in enumerate(view.events, 1):
        said = _e(ev.timex.text) if ev.timex else ""
        who = " ".join(_chip(e) for e in view.participants(ev))
        rows.append(
            f'<tr id="ev-{n}"><td class="num">{n}</td><td class="when">{_when(ev)}</td>'
            f"<td>{said}</td><td>{_sentence_with_timex(view, ev)}</td>"
            + (f"<td>{who}</td>" if with_who else "")
            + "</tr>"
        )
    table = (
        '<table class="events"><thead><tr><th>#</th><th>When</th><th>Expression</th>'
        "<th>What happened</th>"
        + ("<th>Who</th>" if with_who else "")
        + "</tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )
    return f'<section class="timeline" id="timeline">{head}{_timeline_svg(view)}{table}</section>'


# -- side panels -----------------------------------------------------------------------------------
def _legend(view: ReportView) -> str:
    if not view.has_entities:
        return ""
    if not view.entities:
        return '<div class="legend"><span class="note">No entities found.</span></div>'
    buttons = []
    for entity_type in view.entity_types():
        count = sum(1 for e in view.entities if e.type == entity_type)
        buttons.append(
            f'<button type="button" class="chip {_type_class(entity_type)}" '
            f'data-type="{_type_class(entity_type)[2:]}" aria-pressed="true" '
            f'title="Show or hide {_e(entity_type)} highlights">{_e(entity_type)} '
            f'<span class="n">{count}</span></button>'
        )
    return (
        '<div class="legend" role="group" aria-label="Entity types">' + "".join(buttons) + "</div>"
    )


def _sections(view: ReportView) -> str:
    if not view.has_sectioner:
        return ""
    items = []
    for n, sec in enumerate(view.sections, 1):
        heading = _e(sec["heading"]) if sec.get("heading") else "<i>(untitled)</i>"
        items.append(
            f'<li><a href="#sec-{n}">{heading}</a> <span class="note">'
            f"{sec.get('paragraphs', 0)} ¶ · {plural(sec.get('sentences', 0), 'sentence')}"
            "</span></li>"
        )
    summary = (
        f"{plural(view.paragraphs or 0, 'paragraph')}, {plural(view.sentences or 0, 'sentence')}, "
        f"{plural(len(view.sections), 'section')}"
    )
    return (
        f'<section class="panel" id="sections"><h2>Sections</h2><p class="note">{summary}</p>'
        f"<ol>{''.join(items)}</ol></section>"
    )


def _entity_table(view: ReportView) -> str:
    if not view.has_entities:
        return ""
    if not view.entities:
        return '<section class="panel" id="entities"><h2>Entities</h2><p>None found.</p></section>'
    rows = []
    order = sorted(enumerate(view.entities), key=lambda item: (-item[1].count, item[1].name))
    for n, entity in order:
        first = f'<a href="#m-{n}-0">{_e(entity.name)}</a>' if entity.mentions else _e(entity.name)
        rows.append(
            f'<tr data-entity="{_e(entity.id)}"><td><span class="swatch '
            f'{_type_class(entity.type)}"></span>{first}</td><td class="type">'
            f'{_e(entity.type)}</td><td class="num">{entity.count}</td>'
            f"<td>{_e(', '.join(entity.aliases))}</td><td>{_e('; '.join(entity.roles))}</td></tr>"
        )
    return (
        f'<section class="panel" id="entities"><h2>Entities <span class="note">'
        f"{len(view.entities)}</span></h2>"
        '<table class="entities"><thead><tr><th>Entity</th><th>Type</th><th>#</th>'
        "<th>Also called</th><th>Roles</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table></section>"
    )


def _quotes(view: ReportView) -> str:
    if not view.has_quotes:
        return ""
    if not view.quotes:
        return '<section class="panel" id="quotes"><h2>Quotes</h2><p>None found.</p></section>'
    items = []
    for quote in view.quotes:
        speaker = view.speaker(quote)
        who = _chip(speaker) if speaker else _e(quote.who)
        cue = f' <span class="note">({_e(quote.cue)})</span>' if quote.cue else ""
        items.append(
            f"<figure><blockquote>{_e(quote.text)}</blockquote>"
            f"<figcaption>— {who}{cue}</figcaption></figure>"
        )
    return (
        f'<section class="panel" id="quotes"><h2>Quotes <span class="note">{len(view.quotes)}'
        f"</span></h2>{''.join(items)}</section>"
    )


def _facts(view: ReportView) -> str:
    facts = [
        ("Reference date", _e(view.date_line())),
        ("Document", f"{_e(view.doc_id)} · {len(view.text):,} characters"),
        ("Source", _e(view.source)),
    ]
    for key, label in (("author", "Author"), ("site", "Site")):
        if view.meta.get(key):
            facts.append((label, _e(view.meta[key])))
    if view.meta.get("url"):
        # shown, not linked: the page itself never points the reader's browser elsewhere
        facts.append(("Address", f"<code>{_e(view.meta['url'])}</code>"))
    if view.byline:
        facts.append(("Byline", _e(view.byline.get("text", ""))))
    if view.dateline:
        place, when = view.dateline.get("place") or "", view.dateline.get("date")
        facts.append(("Dateline", _e(f"{place} · {when}" if when else place)))
    if view.steps:
        facts.append(
            (
                "Pipeline",
                f"{_e(view.pipeline)}: {_e(' → '.join(view.step_ids()))} "
                f'<span class="note">({view.seconds():.3f} s)</span>',
            )
        )
    return '<dl class="facts">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts) + "</dl>"


def _warnings(view: ReportView) -> str:
    if not view.warnings:
        return ""
    items = "".join(f"<li>{_e(w)}</li>" for w in view.warnings)
    return f'<section class="warnings" role="note"><h2>Warnings</h2><ul>{items}</ul></section>'


def _removed_toggle(view: ReportView) -> str:
    if not view.removed:
        return ""
    n = len(view.removed)
    return (
        '<label class="toggle"><input type="checkbox" id="show-removed"> show the '
        f"{plural(n, 'line')} the cleaner removed</label>"
    )


def to_html(data: dict[str, Any], *, paragraphs: list[tuple[int, int]] | None = None) -> str:
    """The page for a report's JSON object.

    ``paragraphs`` are the sectioner's paragraphs as source ranges, which lay the article
    out as it was read (a hard-wrapped paragraph is one paragraph); without them each line
    is one, or the report's own ``paragraphs`` layer is used if it has one.
    """
    view = ReportView.from_dict(data)
    if paragraphs is None:
        layer = (data.get("layers") or {}).get("paragraphs")
        if isinstance(layer, list):
            paragraphs = [(s["start"], s["end"]) for s in layer if isinstance(s, dict)]
    marks, placed = _marks(view)
    style = _asset("report.css") + "\n" + _type_css([*ENTITY_TYPES, *view.entity_types()])
    script = _asset("report.js")
    csp = (
        "default-src 'none'; "
        f"style-src {_hash(style)}; script-src {_hash(script)}; "
        "img-src 'none'; font-src 'none'; connect-src 'none'; media-src 'none'; "
        "object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'"
    )
    title = view.title or view.doc_id
    entity_note = ""
    if view.has_entities:
        entity_note = (
            f'<p class="note">{plural(placed, "mention")} of '
            f"{plural(len(view.entities), 'entity', 'entities')} highlighted; "
            "hover or focus one for its name and roles.</p>"
        )
    version = _e(data.get("pressline", ""))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="pressline {version}">
<title>{_e(title)} — pressline report</title>
<style>{style}</style>
</head>
<body>
<header class="top">
<p class="kicker">pressline report</p>
<p class="title">{_e(title)}</p>
{_facts(view)}
{_warnings(view)}
</header>
{_timeline(view)}
<div class="columns">
<main class="reader">
{_legend(view)}
{entity_note}
{_removed_toggle(view)}
<article class="doc">
{_article(view, marks, paragraphs)}
</article>
</main>
<aside class="side">
{_sections(view)}
{_entity_table(view)}
{_quotes(view)}
</aside>
</div>
<footer class="foot">pressline {version} · report schema {_e(data.get("schema_version", ""))}
· offsets refer to the document text shown above</footer>
<script>{script}</script>
</body>
</html>
"""
