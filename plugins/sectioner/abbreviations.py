"""Word lists the sentence splitter and the block detector consult.

Kept as Python sets rather than a data file so they ship with the package and cost
nothing to load. Abbreviations are stored lowercased and without their final period.
"""

from __future__ import annotations

# Abbreviations that stand before a name or a noun and so never end a sentence.
TITLES: frozenset[str] = frozenset(
    """
    mr mrs ms messrs mmes mme mlle dr prof gen col lt sgt cpl pvt capt maj cmdr adm brig
    gov sen rep reps sens pres supt insp det hon rev fr msgr
    """.split()
)

# Latin and editorial abbreviations that are followed by more of the same sentence.
ALWAYS: frozenset[str] = frozenset(
    """
    e.g i.e cf viz vs v approx ca esp incl excl resp dept est fig figs
    """.split()
)

# Abbreviations that stand before a number ("No. 5", "p. 12", "Jan. 6").
BEFORE_NUMBER: frozenset[str] = frozenset(
    """
    no nos vol vols p pp ch chap art arts sec para op ed eds pt pts ex nr
    jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()
)

# Abbreviations that can also end a sentence ("... Apple Inc. The company ...").
# They end one only when the next word is a typical sentence opener.
MAYBE: frozenset[str] = frozenset(
    """
    inc corp ltd co llc plc bros jr sr st ave blvd rd mt ft etc al
    mon tue tues wed thu thur thurs fri sat sun
    ph.d u.s u.n u.k b.c a.d d.c e.u
    """.split()
)

# "a.m." and "p.m." end a sentence unless the time goes on: "10 a.m. Monday", "2 p.m. GMT".
CLOCK: frozenset[str] = frozenset({"a.m", "p.m"})
AFTER_CLOCK: frozenset[str] = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur
    thurs fri sat sun january february march april may june july august september october
    november december jan feb mar apr jun jul aug sep sept oct nov dec gmt utc bst cet cest
    et est edt ct cst cdt mt mst mdt pt pst pdt ist jst aest local eastern central pacific
    mountain
    """.split()
)

# Words that typically open a sentence. After an ambiguous abbreviation ("U.S.",
# "Inc.", an initial) a sentence break is assumed only before one of these.
OPENERS: frozenset[str] = frozenset(
    """
    the a an he she it they we i you this that these those there here his her its their
    our my your but and or so yet however in on at for after before when while as if
    although though since meanwhile also then now still even both each every some many
    most such what why how who whom whose where which one no not only all any another
    other others during despite according under over last next earlier later instead
    thus hence moreover furthermore nevertheless nonetheless indeed yes
    """.split()
)

# Verbs that introduce or close reported speech: "“Why?” Smith asked" goes on past
# the question mark.
SPEECH_VERBS: frozenset[str] = frozenset(
    """
    said says asked asks added adds told tells wrote writes replied replies explained
    explains continued continues insisted insists noted notes shouted shouts cried
    exclaimed recalled recalls argued argues answered answers whispered warned warns
    admitted admits acknowledged stressed stresses declared declares
    """.split()
)
