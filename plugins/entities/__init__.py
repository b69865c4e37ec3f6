"""The entity tagger: people, places, organizations and groups, grouped into entities.

Processor ``entity_tagger`` (step id ``entities`` in the ``news`` config). It needs the
sectioner's ``sentences`` and produces:

- the layer ``entities``: one :class:`~pressline.Span` per mention, in clean-text offsets,
  ``label`` = the OntoNotes type (PERSON, NORP, FAC, ORG, GPE, LOC, PRODUCT, EVENT,
  WORK_OF_ART, LAW, LANGUAGE) and ``attrs = {"entity": "<entity id>"}``;
- ``doc.data["entities"]``: one plain dict per real-world entity, in order of first
  mention::

      {"id": "e2",                                  # e1, e2 ... by first mention
       "name": "Nikolai Patrushev",                 # the fullest form in the article
       "type": "PERSON",
       "aliases": ["Patrushev"],                    # the other forms, in order of appearance
       "roles": ["Secretary of National Security Council of Russia"],
       "mentions": [{"start": 412, "end": 429, "text": "Nikolai Patrushev"}, ...],
                                                    # the name mentions, in clean-text offsets
       "references": [{"start": 530, "end": 532, "text": "he", "kind": "pronoun"}, ...]}
                                                    # pronouns and descriptions (see .references)

  Other steps (the timeline's participants, the quote attributor's speakers) read it.

The report (``summarize``) gives each entity with its ``mentions`` in *source* offsets, so
``document.text[start:end]`` is the mention's text: the name mentions (``"kind": "name"``,
``"type"``: the entity's type) and, in text order among them, the pronouns that refer to
it (``"kind": "pronoun"``, ``"type": null``, as they are not names). ``count`` is the
number of mentions: how often the article refers to the entity. Descriptions stay in
``doc.data`` only, since they contain other names ("the Iranian security official") and a
report's mentions do not overlap.

Backends: ``rules`` (the default: no model, see :mod:`.rules` and :mod:`.gazetteer`) and
``spacy`` (any installed spaCy pipeline, see :mod:`.spacy_backend`). Both feed the same
grouping (:mod:`.grouping`) and roles (:mod:`.roles`).

Options add names from your own gazetteer files, exclude names, and switch types off::

    - id: entities
      uses: entity_tagger
      with:
        gazetteers: [names/clubs.yaml]     # relative to the working directory
        exclude: [Reuters]
        disable_types: [NORP]

A gazetteer file is YAML (or JSON), a list of ``{name, type, aliases}``::

    - {name: Acme Widgets, type: ORG, aliases: [Acme]}
    - {name: Ebrahim Raisi, type: PERSON}

or tab-separated text, one entity a line: ``NAME<TAB>TYPE[<TAB>ALIAS|ALIAS...]``, with
``#`` comments. Its names win over the built-in lexicon's, and its aliases group with
the name.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path
from typing import Any, Literal

import yaml
from pressline.document import Document, Span
from pressline.hookspecs import hookimpl
from pressline.processor import Options as BaseOptions
from pressline.processor import Processor
from pydantic import Field, field_validator, model_validator

from .gazetteer import ENTITY_TYPES, Lexicon, load_lexicon, normalize
from .grouping import Entity, group_mentions
from .references import LOOK_BACK_MENTIONS, WordMemo, add_references
from .roles import add_roles
from .rules import RuleRecognizer, SentenceInfo
from .spacy_backend import SpacyRecognizer, check_spacy

__all__ = ["EntityTagger", "load_gazetteer"]

EntityType = Literal[ENTITY_TYPES]  # type: ignore[valid-type]


class GazetteerError(ValueError):
    """A user gazetteer file that is missing or malformed."""


def load_gazetteer(path: str | Path) -> dict[str, tuple[str, str]]:
    """Read a user gazetteer file: {name or alias: (type, id)}; raise GazetteerError."""
    p = Path(path).expanduser()
    if not p.is_file():
        where = "is a directory" if p.is_dir() else "does not exist"
        raise GazetteerError(
            f"gazetteer file {str(path)!r} {where} (relative paths start "
            f"from the working directory, {Path.cwd()})"
        )
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GazetteerError(f"gazetteer file {str(path)!r} cannot be read: {exc}") from None
    entries: list[tuple[str, str, list[str]]] = []
    if p.suffix.lower() in (".yaml", ".yml", ".json"):
        try:
            data = yaml.safe_load(text) if p.suffix.lower() != ".json" else json.loads(text)
        except (yaml.YAMLError, ValueError) as exc:
            raise GazetteerError(
                f"gazetteer file {str(path)!r} is not valid YAML/JSON: {exc}"
            ) from None
        if not isinstance(data, list):
            raise GazetteerError(
                f"gazetteer file {str(path)!r} must be a list of entries "
                "like {name: Acme Widgets, type: ORG, aliases: [Acme]}"
            )
        for n, item in enumerate(data, 1):
            where = f"{path} entry {n}"
            if not isinstance(item, dict) or not isinstance(item.get("name"), str):
                raise GazetteerError(f"{where}: expected a mapping with a 'name' string")
            unknown = set(item) - {"name", "type", "aliases"}
            if unknown:
                raise GazetteerError(
                    f"{where}: unknown key(s) {', '.join(sorted(map(str, unknown)))}; "
                    "use name, type, aliases"
                )
            aliases = item.get("aliases") or []
            if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
                raise GazetteerError(f"{where}: 'aliases' must be a list of strings")
            entries.append((item["name"], _check_type(item.get("type"), where), aliases))
    else:
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            fields = [f.strip() for f in line.split("\t")]
            where = f"{path} line {n}"
            if len(fields) < 2 or not fields[0]:
                raise GazetteerError(f"{where}: expected NAME<TAB>TYPE[<TAB>ALIAS|ALIAS...]")
            aliases = (
                [a.strip() for a in fields[2].split("|") if a.strip()] if len(fields) > 2 else []
            )
            entries.append((fields[0], _check_type(fields[1], where), aliases))
    out: dict[str, tuple[str, str]] = {}
    for name, label, aliases in entries:
        ident = f"user:{normalize(name)}"
        for form in (name, *aliases):
            key = normalize(form)
            if key:
                out[key] = (label, ident)
    return out


def _check_type(value: Any, where: str) -> str:
    if value in ENTITY_TYPES:
        return str(value)
    close = difflib.get_close_matches(str(value).upper(), ENTITY_TYPES, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise GazetteerError(f"{where}: type {value!r} is not one of {', '.join(ENTITY_TYPES)}{hint}")


class EntityTagger(Processor):
    """Tag people, places, organizations and groups, grouped into entities with roles."""

    name = "entity_tagger"
    requires = ("sentences",)
    produces = ("entities",)

    class Options(BaseOptions):
        backend: Literal["rules", "spacy"] = Field(
            default="rules",
            description="'rules' (no model needed) or 'spacy' (an installed spaCy "
            "pipeline; pip install 'pressline[spacy]').",
        )
        spacy_model: str = Field(
            default="en_core_web_sm",
            description="With backend 'spacy': the installed pipeline's name, or a "
            "directory holding a saved pipeline.",
        )
        gazetteers: list[str] = Field(
            default_factory=list,
            description="Files of extra names (YAML/JSON list of {name, type, aliases}, "
            "or NAME<TAB>TYPE<TAB>ALIAS|ALIAS lines); paths relative to the working "
            "directory.",
        )
        exclude: list[str] = Field(
            default_factory=list,
            description="Names never to tag (compared ignoring case and spacing).",
        )
        types: list[EntityType] = Field(
            default_factory=lambda: list(ENTITY_TYPES),
            description="The entity types to report.",
        )
        disable_types: list[EntityType] = Field(
            default_factory=list, description="Entity types not to report."
        )
        references: bool = Field(
            default=True,
            description="Also link pronouns (he, his, she, her) and descriptions ('the "
            "Russian official') to the person they refer to: pronouns become mentions of "
            "kind 'pronoun'; both are listed in the entity's 'references' for later steps.",
        )
        max_description_antecedents: int | None = Field(
            default=LOOK_BACK_MENTIONS,
            ge=1,
            description="How many of the people mentioned last a description ('the "
            "Russian official') is matched against; null: all of them, which makes the "
            "step's time grow with the square of a long document's people. The report "
            "warns when a description matched none of them and earlier ones were left.",
        )

        @field_validator("gazetteers")
        @classmethod
        def _gazetteers_readable(cls, value: list[str]) -> list[str]:
            # read now so a bad file is a config error before any document is read
            for path in value:
                try:
                    load_gazetteer(path)
                except GazetteerError as exc:
                    raise ValueError(str(exc)) from None
            return value

        @model_validator(mode="after")
        def _backend_installed(self) -> EntityTagger.Options:
            if self.backend == "spacy":
                check_spacy(self.spacy_model)
            return self

    options: Options

    def __init__(self, options: Options | dict[str, Any] | None = None) -> None:
        super().__init__(options)
        o = self.options
        self._types = frozenset(o.types) - frozenset(o.disable_types)
        self._exclude = frozenset(" ".join(x.split()).casefold() for x in o.exclude)
        self._lexicon: Lexicon | None = None
        self._recognizer: RuleRecognizer | SpacyRecognizer | None = None
        self._words = WordMemo()  # the references' readings of words, for the lexicon

    def setup(self) -> None:
        extra: dict[str, tuple[str, str]] = {}
        for path in self.options.gazetteers:
            extra.update(load_gazetteer(path))
        self._lexicon = load_lexicon()
        self._words = WordMemo()
        if self.options.backend == "spacy":
            self._recognizer = SpacyRecognizer(self.options.spacy_model, self._lexicon)
        else:
            self._recognizer = RuleRecognizer(self._lexicon, extra)

    def process(self, doc: Document) -> None:
        if self._recognizer is None:
            self.setup()
        assert self._recognizer is not None and self._lexicon is not None
        sentences = [
            SentenceInfo(s.start, s.end, str(s.attrs.get("part", "body")))
            for s in doc.layer("sentences")
        ]
        found = self._recognizer.recognize(doc.text, sentences)
        if self._exclude:
            found = [c for c in found if " ".join(c.text.split()).casefold() not in self._exclude]
        lookup = (
            self._recognizer.lookup
            if isinstance(self._recognizer, RuleRecognizer)
            else self._lexicon.names.get
        )
        grouped = group_mentions(found, lookup, self._lexicon.display)
        entities = [e for e in grouped if e.type in self._types]
        add_roles(doc.text, entities, self._lexicon.role_nouns)
        for n, e in enumerate(entities, 1):
            e.id = f"e{n}"
        if self.options.references:
            reach = self.options.max_description_antecedents
            missed = add_references(
                doc.text, sentences, entities, self._lexicon, reach, self._words
            )
            if missed:
                doc.warn(
                    f"{missed} description{'s' if missed > 1 else ''} such as 'the Russian "
                    f"official' matched none of the {reach} people mentioned last and "
                    "earlier ones were not searched (the entity tagger's "
                    "max_description_antecedents)."
                )
        doc.add_layer(
            "entities",
            [Span(m.start, m.end, e.type, {"entity": e.id}) for e in entities for m in e.mentions],
        )
        doc.data["entities"] = [_as_dict(e, doc) for e in entities]

    def summarize(self, doc: Document) -> dict[str, Any]:
        out = []
        source = doc.source
        # Where the cleaner changed nothing but the end (one segment copies the whole
        # clean text from the start of the source), every offset maps to itself, so the
        # thousands of mentions of a long article need no look-up; otherwise each range
        # goes through the alignment, as doc.to_source does.
        n = len(doc.text)
        same = doc.alignment.segments == [(0, n, 0, n)]
        to_source = doc.alignment.span
        for e in doc.data.get("entities", []):
            mentions = []
            # descriptions stay out: they hold other names ("the Iranian official"), and
            # a report's mentions never overlap
            pronouns = [r for r in e.get("references", []) if r["kind"] == "pronoun"]
            spans = [*e["mentions"], *pronouns] if pronouns else e["mentions"]
            if len(spans) > 1:
                spans = sorted(spans, key=lambda m: (m["start"], -m["end"]))
            for m in spans:
                s, t = (m["start"], m["end"]) if same else to_source(m["start"], m["end"])
                kind = m.get("kind", "name")
                mentions.append(
                    {
                        "start": s,
                        "end": t,
                        "text": source[s:t],
                        "kind": kind,
                        # a pronoun or a description is not a name, so it has no name type
                        "type": e["type"] if kind == "name" else None,
                    }
                )
            out.append(
                {
                    "id": e["id"],
                    "name": e["name"],
                    "type": e["type"],
                    "aliases": list(e["aliases"]),
                    "roles": list(e["roles"]),
                    "count": len(mentions),
                    "mentions": mentions,
                }
            )
        return {"entities": out}


def _as_dict(entity: Entity, doc: Document) -> dict[str, Any]:
    text = doc.text
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "aliases": list(entity.aliases),
        "roles": list(entity.roles),
        "mentions": [
            {"start": m.start, "end": m.end, "text": text[m.start : m.end]} for m in entity.mentions
        ],
        "references": [
            {"start": m.start, "end": m.end, "text": text[m.start : m.end], "kind": m.source}
            for m in entity.references
        ],
    }


@hookimpl
def register_processors(register: Any) -> None:
    register(EntityTagger)
