"""The tense of the verb a date phrase attaches to: whether "Friday" lies behind or ahead.

A bare weekday, month or month-day ("on Friday", "in January", "on Feb. 14") has no year
or week of its own; the verb it hangs on says which way to look from the reference date.
"officials said on Friday that the money would not arrive" is last Friday: the date
attaches to "said", and the "would" of the clause that "said" governs does not count.
"the ministry will meet on Friday" is next Friday, and so is "plans to vote in May".

How :func:`governing_tense` reads it (after HeidelTime's closest-tense heuristic, which
takes the tense of the nearest verb before or after the expression, here with a few
words of syntax on top and no part-of-speech tagger):

1. The words of the clause before the expression, nearest first, up to a clause break
   (a comma, a colon, a dash, a bracket or quote, or a word that opens a clause:
   "that", "which", "because", ...), and the words after it up to the next break or
   "and"/"but". Each side is at most :data:`WINDOW` characters, so the work per
   expression is bounded.
2. On each side, the nearest verb group decides: a modal or future phrase ("will",
   "would", "'ll", "is due to", "plans to", "expected") is the future; a past form
   ("said", "met", "announced", "was") is the past, unless an auxiliary before it says
   otherwise ("will be held", "is expected", "has been" counts as past); an infinitive
   ("to vote") takes the tense of what governs it ("plans to" future, "was forced to"
   past). The present of "be" and "have" looks ahead ("the vote is on Friday"), as
   HeidelTime reads the present, and so does the present of a verb of schedules ("the
   visit begins Tuesday", "the mandate expires in May"); other present forms ("says")
   decide nothing. A date
   right after "since" is always behind.
3. The verb before the date wins when nothing but a few prepositions and adverbs stand
   between them ("said on Friday", "met in January"); otherwise a verb right after the
   date with no subject between ("talks in April would decide", "On Friday said") wins;
   otherwise whichever side found one, the one before first.

When neither side has a verb the caller falls back to the words of the whole sentence.
"""

from __future__ import annotations

import re
from typing import Literal

__all__ = ["WINDOW", "Tense", "governing_tense"]

Tense = Literal["past", "future", "present"]

#: How many characters on each side of the expression are read.
WINDOW = 120

_TOKEN = re.compile(r"[A-Za-z][A-Za-z’'-]*|[,;:()\[\]“”\"—–]")
_BREAK_PUNCT = frozenset(',;:()[]“”"—–')
# words that open another clause: what follows them is governed elsewhere
_CLAUSE_OPENERS = frozenset(
    """that which who whom whose because although though whereas while whether if unless
    when whenever where""".split()
)
_COORDINATORS = frozenset("and but or".split())

_MODALS = frozenset(
    """will would shall should could can may might must gonna won't wouldn't can't cannot
    couldn't shouldn't mustn't won’t wouldn’t can’t couldn’t shouldn’t""".split()
)
# words that point ahead by themselves ("the vote, due in May", "the expected ruling")
_FUTURE_WORDS = frozenset(
    """upcoming due expected scheduled slated planned poised likely forthcoming intended
    proposed""".split()
)
# verbs whose infinitive points ahead: "plans to vote in May", "is set to meet on Friday"
_FUTURE_BEFORE_TO = frozenset(
    """plan plans planned planning intend intends intended intending aim aims aimed aiming
    hope hopes hoped hoping want wants wanted wanting expect expects expected expecting
    schedule scheduled due set slated poised likely unlikely going about agree agrees
    agreed vow vows vowed pledge pledges pledged promise promises promised threaten
    threatens threatened decide decides decided prepare prepares prepared preparing ready
    seek seeks sought seeking is are am be has have need needs ought""".split()
)
_PROGRESSIVE = frozenset("is are am isn't aren't isn’t aren’t".split())
_PAST_AUX = frozenset(
    """was were had did wasn't weren't hadn't didn't wasn’t weren’t hadn’t didn’t""".split()
)
_PRESENT = frozenset(
    """is are am says say does do isn't aren't doesn't don't isn’t aren’t doesn’t don’t
    remains remain""".split()
)
# the present of "be" and "have" with a date looks ahead, as HeidelTime reads the present
# ("the vote is on Friday", "the party has a congress in May"); "says" says nothing
_COPULA = frozenset("is are am has have isn't aren't isn’t aren’t".split())
# and so does the present of a verb of schedules ("the visit begins Tuesday", "the
# mandate expires in May")
_SCHEDULED = frozenset("begins starts expires resumes reopens ends".split())
_PERFECT = frozenset("has have hasn't haven't hasn’t haven’t".split())
_PASSIVE = frozenset("be been being".split())
_IRREGULAR_PAST = frozenset(
    """said told met began took came went made gave held left saw won lost fell rose sent
    spent became ran paid brought found thought struck wrote spoke broke chose drove flew
    grew knew threw wore sold bought caught taught fought built felt kept led meant sat
    stood understood shot sought drew forgot hid rode rang sang swore woke arose withdrew
    upheld fled dealt sank shook stole swept lent bent laid hung slept tore overtook
    undertook got heard began forgave foresaw oversaw""".split()
)
_PARTICIPLES = frozenset(
    """been done gone taken given seen known shown written spoken broken chosen driven
    flown grown thrown worn stolen begun drawn fallen risen forgotten hidden ridden sworn
    woken arisen withdrawn undertaken overtaken""".split()
)
# words ending in -ed that are no past tense
_NOT_PAST = frozenset(
    """need indeed hundred speed seed feed breed proceed succeed exceed red bed shed embed
    based united limited armed wed weed deed creed greed steed bleed freed""".split()
)
_DETERMINERS = frozenset(
    """the a an this these those its their his her our my your some any each every no
    another such""".split()
)
_PRONOUNS = frozenset("it he she they we i you there".split())
# words that may stand between a verb and its date without hiding which it attaches to
_TRANSPARENT = frozenset(
    """in on at by from until till since during for before after between through around
    about of as early late also again only already just not still even then first once
    officially formally reportedly finally later earlier back up down out off over
    tentatively initially""".split()
)
# adverbs that may stand inside a verb group ("will not be held", "has already met")
_GROUP_ADVERBS = frozenset(
    """not also already just still never ever reportedly officially formally finally
    initially originally previously recently now since n't""".split()
)


def governing_tense(text: str, start: int, end: int, lo: int, hi: int) -> Tense | None:
    """The tense of the verb the expression ``text[start:end]`` attaches to, reading the
    sentence ``text[lo:hi]`` around it: "past", "future", "present" (a verb that says
    neither way, such as "is" or "says"), or None when no verb stands near it."""
    left_tokens = _TOKEN.findall(text, max(lo, start - WINDOW), start)
    if left_tokens and left_tokens[-1].lower() == "since":
        return "past"  # "since January" began before the reference date, whatever the verb
    right_tokens = _TOKEN.findall(text, end, min(hi, end + WINDOW))
    left = _scan_left(left_tokens)
    right = _scan_right(right_tokens)
    if left is None and right is None and right_tokens[:1] == [","]:
        # "In January, the ministry said ...": a date that opens the sentence attaches
        # to the clause after its comma
        right = _scan_right(right_tokens[1:])
    if left is not None and not left[1]:
        return left[0]
    if right is not None and not right[1]:
        return right[0]
    if left is not None:
        return left[0]
    if right is not None:
        return right[0]
    return None


def _scan_left(tokens: list[str]) -> tuple[Tense, bool] | None:
    """The nearest verb group before the expression, within its clause: its tense and
    whether words that hide the attachment (a determiner, a pronoun, a noun) stand
    between. The one word right after an auxiliary or a "to" is its verb ("will meet on
    Friday", "plans to vote in May") and hides nothing."""
    hiding: list[int] = []
    for i in range(len(tokens) - 1, -1, -1):
        token = tokens[i]
        if token in _BREAK_PUNCT:
            return None
        word = token.lower()
        if word in _CLAUSE_OPENERS:
            return None
        found = _verb_at(tokens, i)
        if found is None and word == "to":
            governed = _infinitive(tokens, i)
            if governed is not None:
                found = (governed, True)
        if found is not None:
            tense, has_verb_after = found
            hidden = any(j > i + 1 or not has_verb_after for j in hiding)
            return tense, hidden
        if word not in _TRANSPARENT:
            hiding.append(i)
    return None


def _scan_right(tokens: list[str]) -> tuple[Tense, bool] | None:
    """The nearest verb after the expression, within its clause, and whether a subject
    (or any other word that is no preposition or adverb) stands between."""
    hidden = False
    for i, token in enumerate(tokens):
        if token in _BREAK_PUNCT:
            return None
        word = token.lower()
        if word in _CLAUSE_OPENERS or word in _COORDINATORS:
            return None
        if token[0].isupper():
            hidden = True  # a name: a subject ("On Friday Will Smith said")
            continue
        if word in _MODALS or word.endswith(("'ll", "’ll")):
            return "future", hidden
        if word in _PAST_AUX or _past_form(word):
            if _past_form(word) and i > 0 and tokens[i - 1].lower() in _DETERMINERS:
                hidden = True  # "in January the revised plan": an adjective
                continue
            return "past", hidden
        if word in _PRESENT or word in _PERFECT:
            nxt = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
            if word in _PERFECT and (_past_form(nxt) or nxt in _PARTICIPLES):
                return "past", hidden
            if nxt.endswith("ing") and word in _PROGRESSIVE:
                return "future", hidden
            return ("future" if word in _COPULA else "present"), hidden
        if word not in _TRANSPARENT:
            hidden = True
    return None


def _past_form(word: str) -> bool:
    if word in _IRREGULAR_PAST or word in _PARTICIPLES:
        return True
    return len(word) > 3 and word.endswith("ed") and word not in _NOT_PAST


def _verb_at(tokens: list[str], i: int) -> tuple[Tense, bool] | None:
    """The tense of the verb group ending at ``tokens[i]``, if that word is a verb we
    know, and whether it is an auxiliary whose verb follows ("will" of "will meet")."""
    token = tokens[i]
    if token[0].isupper():
        return None  # a name ("May", "Will Smith") or a sentence opener, not a verb
    word = token.lower()
    if word in _MODALS or word.endswith(("'ll", "’ll")):
        return "future", True
    if word in _FUTURE_WORDS:
        return "future", False
    if word in _PAST_AUX:
        return "past", True
    if word in _COPULA:
        return "future", True  # "the deadline is Friday", "the vote is on Friday"
    if word in _SCHEDULED:
        return "future", False
    if word in _PRESENT or word in _PERFECT:
        return "present", True
    if word.endswith("ing") and len(word) > 4:
        aux = _auxiliary(tokens, i)
        if aux is None:
            return None
        if aux in _PROGRESSIVE:
            return "future", False  # "is meeting on Friday"
        return _aux_tense(tokens, aux, i), False
    if not _past_form(word):
        return None
    if i > 0 and tokens[i - 1].lower() in _DETERMINERS:
        return None  # "the revised plan": an adjective
    aux = _auxiliary(tokens, i)
    if aux is None:
        return "past", False
    return _aux_tense(tokens, aux, i), False


def _auxiliary(tokens: list[str], i: int) -> str | None:
    """The auxiliary of the verb at ``i`` ("will" in "will not be held"), within three
    words before it, or None."""
    for j in range(i - 1, max(-1, i - 4), -1):
        word = tokens[j].lower()
        if word in _GROUP_ADVERBS or word in _PASSIVE:
            continue
        if word in _MODALS or word.endswith(("'ll", "’ll")) or word == "to":
            return word
        if word in _PAST_AUX or word in _PERFECT or word in _PRESENT:
            return word
        return None
    return None


def _aux_tense(tokens: list[str], aux: str, i: int) -> Tense:
    if aux in _MODALS or aux.endswith(("'ll", "’ll")):
        return "future"
    if aux == "to":
        j = next((k for k in range(i - 1, -1, -1) if tokens[k].lower() == "to"), None)
        return (_infinitive(tokens, j) if j is not None else None) or "present"
    if aux in _PAST_AUX or aux in _PERFECT:
        return "past"
    return "present"  # "is held", "are signed": the present says nothing


def _infinitive(tokens: list[str], i: int) -> Tense | None:
    """An infinitive's direction from what governs its "to" at ``i``: "plans to",
    "is due to" and "is expected to" point ahead; "was forced to" takes its tense."""
    if i == 0:
        return None
    before = tokens[i - 1].lower()
    if before in _FUTURE_BEFORE_TO:
        return "future"
    found = _verb_at(tokens, i - 1)
    if found is not None and found[0] != "present":
        return found[0]
    return None
