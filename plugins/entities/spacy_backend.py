"""The spaCy backend: any installed spaCy pipeline's named entities, as candidates.

Install it with ``pip install 'pressline[spacy]'`` and a model with ``python -m spacy
download en_core_web_sm`` (or name a directory holding a saved pipeline). Both are checked
when the config is validated, so a missing one is a config error (PL204) that says how to
install it, before any document is read.

spaCy's spans are trimmed to the name conventions the rules backend follows (no leading
"the", no possessive "'s", a title or honorific before a person's name becomes the
person's role), and then go through the same grouping and roles. Labels outside the
OntoNotes name types (DATE, CARDINAL, ...) are dropped; the CoNLL labels PER, LOC and ORG
that some pipelines use are mapped to PERSON, LOC and ORG.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from .gazetteer import ENTITY_TYPES, Lexicon
from .rules import Candidate, SentenceInfo, role_text

__all__ = ["SpacyRecognizer", "check_spacy"]

_LABELS = {label: label for label in ENTITY_TYPES} | {"PER": "PERSON"}
_TRIM_END = ",.;:!?\"'”’)]"
_TRIM_START = "\"'“‘([ "


def check_spacy(model: str) -> None:
    """Raise ValueError, saying how to fix it, unless spaCy and ``model`` are installed."""
    if find_spec("spacy") is None:
        raise ValueError(
            "backend 'spacy' needs spaCy, which is not installed; "
            "install it with: pip install 'pressline[spacy]'"
        )
    if Path(model).expanduser().is_dir():
        return
    try:
        installed = find_spec(model.replace("-", "_")) is not None
    except (ImportError, ValueError):
        installed = False
    if not installed:
        raise ValueError(
            f"the spaCy model {model!r} is not installed; download it with: "
            f"python -m spacy download {model} (or set spacy_model to an installed "
            "pipeline's name or to a directory holding a saved pipeline)"
        )


class SpacyRecognizer:
    """Candidates from a spaCy pipeline's ``doc.ents``."""

    def __init__(self, model: str, lexicon: Lexicon) -> None:
        import spacy

        path = Path(model).expanduser()
        self.nlp: Any = spacy.load(path if path.is_dir() else model)
        self.lex = lexicon

    def recognize(self, text: str, sentences: Iterable[SentenceInfo]) -> list[Candidate]:
        del sentences  # spaCy finds its own sentence boundaries
        out: list[Candidate] = []
        doc = self.nlp(text)
        for ent in doc.ents:
            label = _LABELS.get(ent.label_)
            if label is None:
                continue
            cand = self._candidate(text, ent.start_char, ent.end_char, label)
            if cand is not None:
                out.append(cand)
        return out

    def _candidate(self, text: str, start: int, end: int, label: str) -> Candidate | None:
        while start < end and text[start] in _TRIM_START:
            start += 1
        while end > start and text[end - 1] in _TRIM_END:
            end -= 1
        if text[start:end].endswith(("'s", "’s")):
            end -= 2
        words = text[start:end].split(" ")
        if len(words) > 1 and words[0].lower() == "the":
            start += len(words[0]) + 1
            words = words[1:]
        role = None
        if label == "PERSON":
            titles = 0
            titles_known = self.lex.titles
            while titles < len(words) - 1 and words[titles].lower().rstrip(".") in titles_known:
                titles += 1
            if titles:
                title = " ".join(words[:titles])
                role = (start, start + len(title))
                start += len(title) + 1
        if start >= end:
            return None
        cand = Candidate(start, end, text[start:end], label, "spacy")
        if role is not None:
            cand.role_span = role
            cand.role = role_text(text, role)
        return cand
