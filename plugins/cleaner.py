"""The cleaner (``cleaner``): the first step of the default pipeline.

It turns text copied from a web page into clean text that later steps can trust, and
says what it removed. Working line by line, it

- normalizes Unicode (NFC by default, ``normalize_unicode``), editing only the few
  characters that change, so offsets inside a line still map exactly to the source;
- turns non-breaking, tab and other odd spaces into plain spaces, collapses runs of
  spaces, trims lines and drops invisible characters (zero-width space, word joiner,
  byte-order mark, soft hyphen) (``collapse_spaces``);
- collapses runs of blank lines into one and drops blank lines at the start and end of
  the text (``collapse_blank_lines``);
- removes a line that repeats an earlier line: a headline printed again near the top, a
  line repeated right after itself, or a paragraph (``min_duplicate_words`` words or
  more) printed twice anywhere (``remove_duplicates``; reason ``"duplicate"``; the first
  occurrence is kept). Short lines that recur far apart, such as a heading that repeats
  a table cell, are kept;
- removes lines of web-page furniture by the built-in rules below, and by the config's
  ``drop_lines`` and ``drop_patterns`` (reason ``"boilerplate"``);
- optionally repairs mojibake with ftfy (``fix_mojibake``) and straightens curly quotes
  (``straighten_quotes``); both are off by default.

Every removed line is listed in ``doc.data["removed"]`` (and the report's ``removed``)
with its source offsets, its text and the reason. Whitespace changes are not listed.
All changes reach the document as one batch of small edits, so a word's clean-text
offsets map back to exactly the source characters it came from.

Built-in boilerplate rules
--------------------------
A rule matches a *whole* line: the line after Unicode normalization, with its spaces
collapsed and trimmed and its quotes straightened, compared case-insensitively. A rule
only looks at short lines (at most 15 words; 60 for ``cookie_notice``, as cookie banners
run long), so a body sentence that merely mentions a comment, a newsletter or a photo is
never removed. Switch a rule off with ``disable_rules: [name, ...]``, or all of them with
``boilerplate: false``. :func:`match_boilerplate` says which rules match a line.

``comment_prompt``
    Comment widgets: "Add new comment", "Leave a comment", "12 Comments",
    "Comments are closed", "Read our comment policy before posting your viewpoints",
    "Be the first to comment", "Join the conversation", "Log in to comment".
``read_more``
    Links to the rest of a story: "Read more", "Read more: <headline>",
    "Continue reading", "Read the full story", "Story continues below".
``click_here``
    Link text: "Click here", "Click here to ...", "Tap here to ...".
``share_prompt``
    Share buttons: "Share", "Share this article", "Share on Facebook", "Tweet",
    "Email", "Print this page", "Facebook Twitter WhatsApp Email", "Copy link".
``subscribe_prompt``
    Subscription and newsletter prompts: "Subscribe", "Sign up for our daily
    newsletter", "Subscribe to our YouTube channel", "Already a subscriber? Log in",
    "Enter your email address", "Support our journalism".
``cookie_notice``
    Cookie banners: "We use cookies to ...", "By continuing to use this site you agree
    to our use of cookies", "Accept all cookies", "Cookie policy".
``copyright``
    Copyright lines: "© 2022 Reuters", "(c) 2022 Tehran Times", "Copyright 2022 The
    Associated Press", "... All rights reserved.", "This material may not be
    published, ...". A list item such as "(c) the right to appeal" is kept.
``follow_us``
    Social links: "Follow us on Twitter", "Like us on Facebook", "Follow us:",
    "Follow Al Jazeera English on Twitter and Instagram".
``photo_credit``
    Photo credits and caption labels: "Photo: Reuters", "Photograph: AP",
    "Image credit: Getty", "(Photo by Jane Doe/Getty Images)", "Credit: ...",
    "Jane Doe/AFP via Getty Images", "Getty Images".
``advertisement``
    Ad slots: "Advertisement", "ADVERTISEMENT - Scroll to continue", "Sponsored
    content", "Sponsored by <name>", "Scroll to continue", "Ad Feedback".
``related_links``
    Link lists: "Related", "Related articles", "RELATED: <headline>",
    "See also: <headline>", "Also read: ...", "You may also like", "Most read",
    "Trending now", "Read next".
``navigation``
    Page navigation: "Skip to content", "Skip to main content", "Jump to navigation",
    "Back to top", "Menu", "Toggle navigation".
``sign_in``
    Account links: "Sign in", "Log in", "Sign in / Register", "Log out",
    "Create an account", "Forgot your password?".

Every pattern is written to run in time linear in the line (no nested quantifiers that
can backtrack), and lines longer than a rule's limit are never tried against it.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from importlib import import_module
from importlib.util import find_spec
from typing import Any, Literal

from pressline.alignment import Edit
from pressline.document import Document
from pressline.errors import ProcessingError
from pressline.hookspecs import hookimpl
from pressline.processor import Options, Processor
from pydantic import Field, field_validator

__all__ = ["BOILERPLATE_RULES", "RULE_NAMES", "BoilerplateRule", "Cleaner", "match_boilerplate"]


# -- the boilerplate rule table --------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class BoilerplateRule:
    """A named kind of web-page furniture: regexes that must match a whole, short line."""

    name: str
    description: str
    patterns: tuple[str, ...]
    max_words: int = 15

    @property
    def regex(self) -> re.Pattern[str]:
        return _compile_rule(self.patterns)


@cache
def _compile_rule(patterns: tuple[str, ...], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


# Social networks and sharing targets, as share buttons and "follow us" lines name them.
_NETWORK = (
    r"(?:facebook|twitter|x|whatsapp|linkedin|reddit|pinterest|telegram|messenger|"
    r"flipboard|e-mail|email|mail|sms|threads|bluesky|mastodon|tumblr|vk|weibo|wechat|"
    r"instagram|youtube|tiktok|snapchat|google news|print|copy link)"
)
_SOCIAL = (
    r"(?:twitter|x|facebook|instagram|youtube|tiktok|telegram|linkedin|threads|bluesky|"
    r"mastodon|whatsapp|google news|snapchat|flipboard)"
)
_AGENCY = (
    r"(?:getty images|reuters|ap|ap photo|associated press|afp|epa|efe|epa-efe|"
    r"shutterstock|alamy|anadolu(?: agency)?|bloomberg|xinhua|sipa|pa|pa wire|pa images|"
    r"tass|sputnik|unsplash|istock|nurphoto|zuma press|imago)"
)
# "Read more: <headline>", "RELATED | <headline>": a label, a separator, then anything.
_LINK_TAIL = r"(?: ?[:|»›>] ?.*| [-–—] .*|\W*)"

# The patterns are written in lowercase: an ASCII line is lowercased and matched without
# re.IGNORECASE (see _rule_groups), so an uppercase letter in a pattern would never match.
BOILERPLATE_RULES: tuple[BoilerplateRule, ...] = (
    BoilerplateRule(
        "comment_prompt",
        "Comment widgets: prompts to comment, comment counts, comment policies.",
        (
            r"(?:add|leave|post|write|submit|view|show|hide|see|read|load(?: more)?|open)"
            r"(?: (?:a|an|new|your|all|the|more|\d+))* comments?(?: \(\d+\))?\W*",
            r"\d[\d,.]*k? (?:comments?|replies|responses)\W*",
            r"comments?(?: \(\d+\)| \d+)?\W*",
            r"no comments(?: yet)?\W*",
            r"comments? (?:are|is) (?:now )?(?:closed|disabled|turned off)"
            r"(?: for this (?:article|story|post|page))?\W*",
            r"(?:please )?read our (?:comments? |commenting |community )"
            r"(?:policy|guidelines|rules)\b.*",
            r"(?:comment|commenting|community) (?:policy|guidelines)\W*",
            r"be the first to (?:comment|reply)(?: on this (?:article|story|post))?\W*",
            r"join the (?:conversation|discussion|debate)\W*",
            r"(?:you must be |please )?(?:logged in|signed in|sign in|log in|login|register"
            r"|subscribe) to (?:post |leave |add |write )?(?:a )?(?:comments?|reply)\W*",
            r"leave a reply(?: cancel reply)?\W*",
            r"cancel reply\W*",
        ),
    ),
    BoilerplateRule(
        "read_more",
        'Links to the rest of a story: "Read more", "Continue reading".',
        (
            r"(?:read|see|view|show|load) more"
            r"(?: (?:here|news|stories|articles|results|details))?\W*",
            rf"read more{_LINK_TAIL}",
            r"(?:read|see|view) (?:the )?full (?:story|article|report|text|coverage)"
            r"(?: here)?\W*",
            r"continue reading(?: (?:below|here|the (?:main )?(?:story|article)|this article))?\W*",
            r"(?:the )?(?:story|article|text) continues (?:below|after|on page \d+)"
            r"(?: (?:the |this )?(?:advertisement|ad|video))?\W*",
        ),
    ),
    BoilerplateRule(
        "click_here",
        'Link text: "Click here", "Click here to ...".',
        (r"(?:click|tap) (?:here|this link)(?:\W.*)?",),
    ),
    BoilerplateRule(
        "share_prompt",
        "Share, email and print buttons, and rows of social network names.",
        (
            r"(?:share|tweet|e-mail|email|print|save|bookmark|send)(?: (?:this|the))?"
            r"(?: (?:article|story|page|post|video|link|gallery|photo|image))?"
            rf"(?: (?:on|via|with|to) {_NETWORK}(?:\W+{_NETWORK})*)?\W*",
            r"share(?: (?:this|the) (?:article|story|page|post|video))?(?: (?:on|via))?"
            rf"\W+{_NETWORK}(?:\W+{_NETWORK})*\W*",
            rf"{_NETWORK}(?:\W+{_NETWORK})+\W*",
            r"(?:copy(?: the)? link|link copied|copied to clipboard)\W*",
        ),
    ),
    BoilerplateRule(
        "subscribe_prompt",
        "Subscribe, newsletter and sign-up prompts.",
        (
            r"(?:subscribe|sign up|signup|register|join)"
            r"(?: (?:now|today|here|free|for free))?\W*",
            r"(?:subscribe|sign up|sign-up|signup|register|join|get|receive|try|read)"
            r" (?:\S+ ){0,5}?newsletters?\b.*",
            r"(?:subscribe|sign up) (?:to|for) (?:\S+ ){0,5}?(?:channel|podcast|feed|alerts"
            r"|updates|mailing list|briefing)\b.*",
            r"(?:daily |weekly |free )?newsletters?(?: sign[- ]?up)?\W*",
            r"(?:already|not) a (?:subscriber|member)\??.*",
            r"thanks? (?:you )?for (?:subscribing|signing up|registering)\W*",
            r"enter your e-?mail(?: address)?\b.*",
            r"get (?:the )?(?:latest )?(?:news|headlines|stories)(?: delivered)?"
            r"(?: (?:straight|directly|direct))? to your inbox\W*",
            r"support (?:our|independent|quality) journalism\W*",
            r"become a (?:member|subscriber|supporter)(?: today)?\W*",
        ),
    ),
    BoilerplateRule(
        "cookie_notice",
        "Cookie banners and cookie buttons.",
        (
            r"(?:we|this (?:site|website)|our (?:site|website)|we and our partners)"
            r" uses? cookies\b.*",
            r"by (?:continuing|using|browsing|visiting) (?:to (?:use|browse|visit) )?"
            r"(?:this|our) (?:site|website|service)\b.*\bcookies\b.*",
            r"(?:accept|reject|decline|allow|manage|customi[sz]e)(?: all)?"
            r" cookies?(?: settings| preferences)?\W*",
            r"cookies? (?:policy|settings|preferences|notice|consent)\W*",
        ),
        max_words=60,
    ),
    BoilerplateRule(
        "copyright",
        'Copyright lines: "© 2022 Reuters", "All rights reserved".',
        (
            r"©.*",
            r"\(c\) ?\d{4}\b.*",
            r"copyright ?(?:©|\(c\)|\d{4}\b|:).*",
            r"(?:.*\W)?all rights reserved\W*",
            r"this (?:material|article|story|content) (?:may|must) not be"
            r" (?:published|reproduced|copied|redistributed)\b.*",
        ),
    ),
    BoilerplateRule(
        "follow_us",
        'Social links: "Follow us on Twitter", "Like us on Facebook".',
        (
            r"(?:follow|like|find|join|connect with|catch) us (?:on|at|via|in) "
            rf"(?:{_SOCIAL}|social media)(?:\W+(?:and|or|{_SOCIAL}|@\w+))*\W*",
            r"follow us(?: ?[:|] ?.*|\W*)",
            rf"follow (?:@\w+|(?:\S+ ){{0,4}}?\S+) on {_SOCIAL}"
            rf"(?:\W+(?:and|or|{_SOCIAL}|@\w+))*\W*",
        ),
    ),
    BoilerplateRule(
        "photo_credit",
        'Photo credits and caption labels: "Photo: Reuters", "(Photo by ...)".',
        (
            r"\(?(?:file )?(?:photo|photograph|picture|pic|image|video|illustration|graphic"
            r"|footage)s?(?: credits?| courtesy)? ?[:|/].*",
            r"\((?:file )?(?:photo|photograph|picture|pic|image)s?(?: credit)?"
            r" (?:by|courtesy(?: of)?) [^()]*\)\W*",
            r"(?:file )?(?:photo|photograph|picture|image)s? (?:by|courtesy(?: of)?) "
            rf"[^.!?/]*(?:/.*|\b{_AGENCY}\W*)",
            r"(?:image |photo |picture )?(?:credits?|courtesy): .*",
            rf"(?:[\w.'-]+(?: [\w.'-]+){{0,3}} ?/ ?)?{_AGENCY}(?: ?/ ?{_AGENCY})?"
            r"(?: via getty images)?\W*",
        ),
    ),
    BoilerplateRule(
        "advertisement",
        'Ad slots: "Advertisement", "Sponsored content".',
        (
            r"(?:advertisement|advertising|advert|ads?|paid content|partner content)"
            r"(?:\W+(?:scroll|continue|story continues|article continues)\b.*)?\W*",
            r"(?:sponsored|promoted)(?: (?:content|links?|stories|posts?)"
            r"| by(?: [\w&'.-]+){1,5})?\W*",
            r"scroll (?:down )?(?:to|for) (?:continue|read|more)"
            r"(?: (?:with content|reading))?\W*",
            r"(?:remove|hide|skip) ads?\W*",
            r"ad feedback\W*",
        ),
    ),
    BoilerplateRule(
        "related_links",
        'Link lists: "Related", "RELATED: <headline>", "You may also like".',
        (
            r"related(?: (?:articles?|stories|story|news|content|coverage|links?|posts?"
            rf"|reading|topics?|videos?|items))?{_LINK_TAIL}",
            r"(?:see also|also read|read also|also see|also on|more on this(?: story| topic)?"
            r"|more stories|more news|recommended(?: (?:stories|articles|reading|for you"
            r"|videos?))?|you (?:may|might|could) also (?:like|enjoy|be interested in)"
            r"|(?:don't|do not) miss|most (?:read|popular|viewed|shared|watched)"
            r"|trending(?: (?:now|stories|news))?|top stories"
            r"|latest(?: (?:news|stories|headlines|videos?))?|editor's picks?|watch|listen"
            rf"|(?:read|up|watch) next){_LINK_TAIL}",
        ),
    ),
    BoilerplateRule(
        "navigation",
        'Page navigation: "Skip to content", "Back to top", "Menu".',
        (
            r"skip to (?:the )?(?:main )?(?:content|navigation|search|footer|article|menu)\W*",
            r"jump to (?:navigation|content|search|comments)\W*",
            r"back to top\W*",
            r"(?:toggle|open|close) (?:navigation|menu|search)\W*",
            r"(?:main )?menu\W*",
            r"search\W*",
        ),
    ),
    BoilerplateRule(
        "sign_in",
        'Account links: "Sign in", "Log in", "Create an account".',
        (
            r"(?:sign|log) ?(?:in|on|out)(?: ?(?:/|or|\||&|and) ?(?:register|sign up|join"
            r"|subscribe|create (?:an|a free) account))?"
            r"(?: (?:to|for) (?:continue|read|comment|your account|more))?\W*",
            r"(?:register|create (?:an|a free) account|my account|my profile)\W*",
            r"already have an account\??(?: (?:sign|log) ?in)?\W*",
            r"(?:forgot|reset) (?:your )?password\??\W*",
        ),
    ),
)

RULE_NAMES: tuple[str, ...] = tuple(rule.name for rule in BOILERPLATE_RULES)

# Lines longer than this are never tried against the built-in rules: furniture is short,
# and the limit keeps rule matching cheap on long paragraphs.
_MAX_RULE_CHARS = 600


def match_boilerplate(line: str, rules: Iterable[BoilerplateRule] = BOILERPLATE_RULES) -> list[str]:
    """The names of the rules that match ``line`` as the cleaner sees it (empty if none).

    Useful to find out why a line was removed, or to try a line against the rules.
    """
    key = unicodedata.normalize("NFC", _apply(line, _space_edits(line)))
    if not key or len(key) > _MAX_RULE_CHARS:
        return []
    words = key.count(" ") + 1
    key = _straighten(key)
    return [r.name for r in rules if words <= r.max_words and r.regex.fullmatch(key)]


# -- characters ------------------------------------------------------------------------------
# Every character Python counts as whitespace except the newline, plus invisible
# characters that web pages scatter through text.
_INVISIBLE = "\u00ad\u180e\u200b\u2060\ufeff"
_SPACE_CHARS = (
    "\t\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000" + _INVISIBLE
)
_W = "[" + "".join(f"\\u{ord(c):04x}" for c in _SPACE_CHARS) + "]"
_W_ODD = "[" + "".join(f"\\u{ord(c):04x}" for c in _SPACE_CHARS if c != " ") + "]"
# Where a run of spaces needs an edit: an odd space (with the spaces after it), or two or
# more plain spaces. Plain spaces just before an odd one join its run in code, which is
# faster than a pattern that starts with a repeat.
_ODD_SPACE = re.compile(rf"{_W_ODD}{_W}*|  +")
_NON_SPACE = re.compile("[^\n" + _W[1:] + "+")

_QUOTES = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
}
_CURLY = re.compile("[" + "".join(_QUOTES) + "]")
_FIRST_LINE = re.compile(r"\S[^\n]*")

# Line kinds while planning; kinds up to _BLANK stay in the clean text.
_KEEP, _BLANK, _DROP_BLANK, _DUPLICATE, _BOILERPLATE = range(5)

# A local edit: (start, end, replacement, reason) relative to the line.
_LocalEdit = tuple[int, int, str, str]


# -- the processor -------------------------------------------------------------------------
class Cleaner(Processor):
    """Normalize text and remove duplicate lines and web-page furniture."""

    name = "cleaner"
    changes_text = True
    requires = ()
    produces = ("removed",)

    class Options(Options):
        normalize_unicode: Literal["NFC", "NFKC"] | None = Field(
            "NFC",
            description=(
                "Unicode normalization form for the clean text (NFC, NFKC), or null to "
                "leave characters as they are."
            ),
        )
        collapse_spaces: bool = Field(
            True,
            description=(
                "Turn non-breaking, tab and other odd spaces into plain spaces, collapse "
                "runs of spaces, trim lines, and drop zero-width characters and soft "
                "hyphens."
            ),
        )
        collapse_blank_lines: bool = Field(
            True,
            description=(
                "Collapse runs of blank lines into one blank line and drop blank lines at "
                "the start and end of the text."
            ),
        )
        remove_duplicates: bool = Field(
            True,
            description=(
                "Remove a line that repeats an earlier kept line (such as a headline "
                "printed twice); the first occurrence is kept."
            ),
        )
        min_duplicate_words: int = Field(
            10,
            ge=1,
            description=(
                "A repeated line of at least this many words (a paragraph printed twice) is "
                "removed wherever it repeats. Shorter repeats are removed only when they "
                "repeat the headline near the top or the line just before them, since "
                "short lines such as headings and table cells legitimately recur."
            ),
        )
        boilerplate: bool = Field(
            True,
            description=(
                "Remove web-page furniture by the built-in rules (comment prompts, "
                "'Read more', share and subscribe prompts, cookie notices, copyright "
                "lines, photo credits, ...)."
            ),
        )
        disable_rules: list[str] = Field(
            default_factory=list,
            description="Names of built-in boilerplate rules to switch off.",
        )
        drop_lines: list[str] = Field(
            default_factory=list,
            description=(
                "Extra lines to remove as boilerplate, compared whole, ignoring case, "
                "spacing and curly quotes."
            ),
        )
        drop_patterns: list[str] = Field(
            default_factory=list,
            description=(
                "Extra regular expressions; a line they match whole (ignoring case, with "
                "spaces collapsed and quotes straightened) is removed as boilerplate."
            ),
        )
        fix_mojibake: bool = Field(
            False,
            description=(
                "Repair mojibake such as 'Ã©' for 'é' with ftfy (pip install 'pressline[fix]')."
            ),
        )
        straighten_quotes: bool = Field(
            False,
            description="Turn curly quotes and apostrophes into straight ones.",
        )

        @field_validator("fix_mojibake")
        @classmethod
        def _ftfy_installed(cls, value: bool) -> bool:
            # checked with the config, before any document is read
            if value and find_spec("ftfy") is None:
                raise ValueError(
                    "fix_mojibake needs the ftfy package, which is not installed; "
                    "install it with: pip install 'pressline[fix]'"
                )
            return value

        @field_validator("disable_rules")
        @classmethod
        def _known_rules(cls, value: list[str]) -> list[str]:
            unknown = [name for name in value if name not in RULE_NAMES]
            if unknown:
                hints = []
                for name in unknown:
                    close = difflib.get_close_matches(name, RULE_NAMES, n=1)
                    hints.append(f"{name!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
                raise ValueError(
                    f"unknown boilerplate rule {', '.join(hints)}; "
                    f"the built-in rules are: {', '.join(RULE_NAMES)}"
                )
            return value

        @field_validator("drop_patterns")
        @classmethod
        def _patterns_compile(cls, value: list[str]) -> list[str]:
            for i, pattern in enumerate(value):
                try:
                    re.compile(pattern, re.IGNORECASE)
                except re.error as error:
                    raise ValueError(
                        f"drop_patterns[{i}] {pattern!r} is not a valid regular expression: {error}"
                    ) from None
            return value

    options: Cleaner.Options

    def __init__(self, options: Options | dict[str, Any] | None = None) -> None:
        super().__init__(options)
        o = self.options
        disabled = set(o.disable_rules)
        self._rules: tuple[BoilerplateRule, ...] = (
            tuple(r for r in BOILERPLATE_RULES if r.name not in disabled) if o.boilerplate else ()
        )
        self._rule_groups = _rule_groups(self._rules)
        self._drop_lines = frozenset(_fold(line) for line in o.drop_lines)
        self._drop_patterns = tuple(re.compile(p, re.IGNORECASE) for p in o.drop_patterns)
        self._fix_encoding: Callable[[str], str] | None = None

    def setup(self) -> None:
        if self.options.fix_mojibake and self._fix_encoding is None:
            try:
                ftfy = import_module("ftfy")
            except ImportError:
                raise ProcessingError(
                    "fix_mojibake needs the ftfy package, which is not installed.",
                    step=self.name,
                    code="PL404",
                    fix="Install it with: pip install 'pressline[fix]'",
                ) from None
            self._fix_encoding = ftfy.fix_encoding

    # -- processing --------------------------------------------------------------------------
    def process(self, doc: Document) -> None:
        if self.options.fix_mojibake:
            self.setup()
        edits, removals = self._plan(doc.text)
        removed = []
        for start, end, reason in removals:
            s, e = doc.to_source(start, end)
            removed.append({"start": s, "end": e, "text": doc.source[s:e], "reason": reason})
        doc.edit(edits)
        if doc.data.get("removed"):
            # A second cleaning step adds to what the first removed.
            removed = sorted([*doc.data["removed"], *removed], key=lambda r: r["start"])
        doc.data["removed"] = removed

    def summarize(self, doc: Document) -> dict[str, Any]:
        first = _FIRST_LINE.search(doc.text)
        return {
            "title": first.group().strip() if first else None,
            "removed": [dict(r) for r in doc.data.get("removed", [])],
            "chars_out": len(doc.text),
        }

    def _plan(self, text: str) -> tuple[list[Edit], list[tuple[int, int, str]]]:
        """The edits that clean ``text`` and the content ranges of the removed lines."""
        o = self.options
        lines = text.split("\n")
        kinds: list[int] = []
        local: list[list[_LocalEdit]] = []
        seen: set[str] = set()
        title: str | None = None  # the first kept line: the headline
        previous: str | None = None  # the last kept non-blank line
        kept_lines = 0  # counted on kept lines, so cleaning twice changes nothing more
        dedupe = o.remove_duplicates
        min_words = o.min_duplicate_words
        collapse = o.collapse_spaces
        clean_line = self._clean_line
        is_boilerplate = self._is_boilerplate
        # Lines longer than this cannot be boilerplate unless the config adds its own lines.
        rule_words = max((limit for limit, _, _ in self._rule_groups), default=0)
        check_all = bool(self._drop_lines or self._drop_patterns)
        no_edits: list[_LocalEdit] = []
        form = o.normalize_unicode
        is_normalized = unicodedata.is_normalized
        # Without quote straightening or mojibake repair, a line whose inside is printable,
        # single-spaced and normalized needs at most its ends trimmed. The inside alone is
        # checked: normalization never joins characters across a plain space, so its words
        # are normalized when it is, and the spaces trimmed off need no normalizing.
        trim_only = collapse and not o.straighten_quotes and self._fix_encoding is None
        for line in lines:
            if trim_only:
                # Most lines of most articles: at most a space or a non-breaking space at
                # an end. Checked with str methods, which beat the per-line regex.
                core = line.strip(_SPACE_CHARS)
                if (
                    core.isprintable()
                    and "  " not in core
                    and (not form or core.isascii() or is_normalized(form, core))
                ):
                    out = core
                    edits = _trim_edits(line, core) if len(core) < len(line) else no_edits
                else:
                    edits, out = clean_line(line)
            elif line.isascii() and (
                not collapse
                or (
                    line.isprintable() and "  " not in line and line[:1] != " " and line[-1:] != " "
                )
            ):
                edits, out = no_edits, line  # plain ASCII with single spaces: nothing to do
            else:
                edits, out = clean_line(line)
            local.append(edits)
            key = out if collapse else " ".join(out.split())
            words = key.count(" ") + 1  # the key is single-spaced: counted once, used twice
            if not key:
                kinds.append(_BLANK)
            elif (
                check_all or (len(key) <= _MAX_RULE_CHARS and words <= rule_words)
            ) and is_boilerplate(key, words):
                kinds.append(_BOILERPLATE)
            elif (
                dedupe
                and key in seen
                and (
                    words >= min_words
                    or (key == title and kept_lines < _HEADLINE_WINDOW)
                    or (key == previous and " " in key)
                )
            ):
                kinds.append(_DUPLICATE)
            else:
                kinds.append(_KEEP)
                if key:
                    kept_lines += 1
                if dedupe:
                    seen.add(key)
                    if title is None:
                        title = key
                    previous = key

        if o.collapse_blank_lines:
            _collapse_blank_lines(kinds)

        last_kept = -1
        for i in range(len(kinds) - 1, -1, -1):
            if kinds[i] <= _BLANK:
                last_kept = i
                break

        edits: list[Edit] = []
        removals: list[tuple[int, int, str]] = []
        pos = 0
        for i, line in enumerate(lines):
            kind = kinds[i]
            end = pos + len(line)
            if kind <= _BLANK:
                for a, b, replacement, reason in local[i]:
                    edits.append(Edit(pos + a, pos + b, replacement, reason))
            else:
                # A removed line takes one newline with it: the one after it while kept text
                # follows, else the one before it, so no blank line is left behind.
                if i < last_kept:
                    s, e = pos, end + 1
                else:
                    s, e = (pos - 1 if i else pos), end
                reason = _REASONS[kind]
                if e > s:
                    edits.append(Edit(s, e, "", reason))
                if kind != _DROP_BLANK:
                    lead = len(line) - len(line.lstrip(_SPACE_CHARS))
                    trail = len(line.rstrip(_SPACE_CHARS))
                    removals.append((pos + lead, pos + trail, reason))
            pos = end + 1
        return edits, removals

    def _clean_line(self, line: str) -> tuple[list[_LocalEdit], str]:
        """The edits that clean one line, and the line they produce."""
        if self._fix_encoding is not None and not line.isascii():
            fixed = self._fix_encoding(line)
            if fixed != line:
                # ftfy rewrites arbitrary spans: clean the fixed line, then diff the result
                # against the original to get edits as small as the change allows.
                out = self._finish(fixed)[1]
                return _diff(line, out, "mojibake"), out
        return self._finish(line)

    def _finish(self, line: str) -> tuple[list[_LocalEdit], str]:
        edits = self._line_edits(line)
        if not edits:
            return edits, line
        out = _apply(line, edits)
        o = self.options
        form = o.normalize_unicode
        if form and (
            (not out.isascii() and not unicodedata.is_normalized(form, out))
            or (form == "NFKC" and o.collapse_spaces and _space_edits(out))
        ):
            # Rare: deleting an invisible character brought a letter and a combining mark
            # together, or NFKC produced spaces. Redo the line as a whole and diff it.
            target = unicodedata.normalize(form, out)
            if o.straighten_quotes:
                target = _straighten(target)
            if o.collapse_spaces:
                target = _apply(target, _space_edits(target))
            return _diff(line, target, "unicode"), target
        return edits, out

    def _line_edits(self, line: str) -> list[_LocalEdit]:
        o = self.options
        edits: list[_LocalEdit] = []
        # isprintable() is False for every space but U+0020 and for the invisible
        # characters, so most lines skip the regex entirely.
        if o.collapse_spaces and (
            not line.isprintable() or "  " in line or line[:1] == " " or line[-1:] == " "
        ):
            edits = _space_edits(line)
        if line.isascii():
            return edits
        form = o.normalize_unicode
        quotes = o.straighten_quotes
        more: list[_LocalEdit] = []
        if form and not unicodedata.is_normalized(form, line):
            more = _normalize_edits(line, form, quotes)
        elif quotes:
            more = [
                (m.start(), m.end(), _QUOTES[m.group()], "quotes") for m in _CURLY.finditer(line)
            ]
        if more:
            edits.extend(more)
            edits.sort()
        return edits

    def _is_boilerplate(self, key: str, words: int) -> bool:
        """Whether the line ``key`` (of ``words`` words) is boilerplate."""
        if self._drop_lines or self._drop_patterns:
            match = _straighten(key)
            if match.casefold() in self._drop_lines:
                return True
            if any(p.fullmatch(match) for p in self._drop_patterns):
                return True
        if not self._rule_groups or len(key) > _MAX_RULE_CHARS:
            return False
        match = ascii_match = None
        for max_words, regex, ascii_regex in self._rule_groups:
            if words <= max_words:
                if match is None:
                    match = _straighten(key)
                    ascii_match = match.lower() if match.isascii() else None
                if ascii_match is not None:
                    if ascii_regex.fullmatch(ascii_match):
                        return True
                elif regex.fullmatch(match):
                    return True
        return False


# A repeat of the headline within this many kept lines of the top is the page printing
# it again.
_HEADLINE_WINDOW = 8

_REASONS = {_DROP_BLANK: "blank_line", _DUPLICATE: "duplicate", _BOILERPLATE: "boilerplate"}


def _collapse_blank_lines(kinds: list[int]) -> None:
    """Mark the blank lines to drop: leading, trailing, and all but the first of a run.

    Removed lines do not separate blank lines, so the blank lines around a removed
    paragraph collapse too.
    """
    have_text = False
    pending = -1
    for i, kind in enumerate(kinds):
        if kind == _KEEP:
            have_text = True
            pending = -1
        elif kind == _BLANK:
            if not have_text or pending >= 0:
                kinds[i] = _DROP_BLANK
            else:
                pending = i
    if pending >= 0:
        kinds[pending] = _DROP_BLANK


def _normalize_edits(line: str, form: str, quotes: bool) -> list[_LocalEdit]:
    """Edits that normalize ``line``, each as small as a base character and its marks.

    Runs on the rare lines that fail the normalization quick check. Within a word, each
    cluster (a starter and the combining marks after it) is normalized alone; where that
    differs from normalizing the whole word (Hangul jamo, for one), the word is replaced.
    """
    edits: list[_LocalEdit] = []
    for m in _NON_SPACE.finditer(line):
        word = m.group()
        base = m.start()
        if word.isascii():
            continue
        if unicodedata.is_normalized(form, word):
            if quotes:
                edits.extend(
                    (base + q.start(), base + q.end(), _QUOTES[q.group()], "quotes")
                    for q in _CURLY.finditer(word)
                )
            continue
        target = unicodedata.normalize(form, word)
        clusters = _clusters(word)
        parts = [unicodedata.normalize(form, c) for c in clusters]
        if "".join(parts) != target:
            edits.append((base, base + len(word), _straight(target, quotes), "unicode"))
            continue
        pos = base
        for cluster, part in zip(clusters, parts, strict=True):
            part = _straight(part, quotes)
            if part != cluster:
                edits.append((pos, pos + len(cluster), part, "unicode"))
            pos += len(cluster)
    return edits


def _clusters(word: str) -> list[str]:
    """Split ``word`` before every character that is not a combining mark."""
    combining = unicodedata.combining
    out: list[str] = []
    start = 0
    for i in range(1, len(word)):
        if not combining(word[i]):
            out.append(word[start:i])
            start = i
    out.append(word[start:])
    return out


def _straight(text: str, quotes: bool) -> str:
    return _straighten(text) if quotes else text


def _straighten(text: str) -> str:
    """``text`` with curly quotes made straight (str.replace beats a translate table)."""
    if text.isascii():
        return text
    for curly, straight in _QUOTES.items():
        if curly in text:
            text = text.replace(curly, straight)
    return text


def _trim_edits(line: str, core: str) -> list[_LocalEdit]:
    """Edits that delete the spaces around ``core``, which is ``line`` stripped of them.

    What :func:`_space_edits` gives a line whose only spaces to edit are at its ends (a
    line of spaces only is one edit).
    """
    n = len(line)
    lead = n - len(line.lstrip(_SPACE_CHARS))
    end = lead + len(core)
    edits: list[_LocalEdit] = []
    if lead:
        edits.append((0, lead, "", "whitespace"))
    if end < n:
        edits.append((end, n, "", "whitespace"))
    return edits


def _space_edits(line: str) -> list[_LocalEdit]:
    """Edits that turn odd spaces into plain ones, collapse runs and trim ``line``."""
    spans: list[list[int]] = []
    for m in _ODD_SPACE.finditer(line):
        s, e = m.span()
        while s and line[s - 1] == " ":
            s -= 1
        if spans and s <= spans[-1][1]:
            spans[-1][1] = e
        else:
            spans.append([s, e])
    n = len(line)
    if line[:1] == " " and not (spans and spans[0][0] == 0):
        spans.insert(0, [0, 1])
    if line[-1:] == " " and not (spans and spans[-1][1] == n):
        spans.append([n - 1, n])
    edits: list[_LocalEdit] = []
    for s, e in spans:
        if s == 0 or e == n or not line[s:e].strip(_INVISIBLE):
            edits.append((s, e, "", "whitespace"))
        else:
            edits.append((s, e, " ", "whitespace"))
    return edits


def _rule_groups(
    rules: tuple[BoilerplateRule, ...],
) -> tuple[tuple[int, re.Pattern[str], re.Pattern[str]], ...]:
    """One alternation per word limit, so a line costs one match per limit, not per rule.

    Each limit has the alternation twice: ignoring case, and case-sensitive for an ASCII
    line lowercased first. The patterns are written in lowercase, so on ASCII text the
    two agree, and the case-sensitive one is faster: the regex engine rules out most
    alternatives by their first character without entering them.
    """
    groups = []
    for limit in sorted({r.max_words for r in rules}):
        patterns = tuple(p for r in rules if r.max_words == limit for p in r.patterns)
        groups.append((limit, _compile_rule(patterns), _compile_rule(patterns, 0)))
    return tuple(groups)


def _apply(line: str, edits: list[_LocalEdit]) -> str:
    parts: list[str] = []
    pos = 0
    for s, e, replacement, _ in edits:
        parts.append(line[pos:s])
        parts.append(replacement)
        pos = e
    parts.append(line[pos:])
    return "".join(parts)


def _diff(old: str, new: str, reason: str) -> list[_LocalEdit]:
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return [
        (i1, i2, new[j1:j2], reason)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


def _fold(line: str) -> str:
    """The form ``drop_lines`` entries and lines are compared in."""
    return _straighten(" ".join(unicodedata.normalize("NFC", line).split())).casefold()


@hookimpl
def register_processors(register: Callable[[type], None]) -> None:
    register(Cleaner)
