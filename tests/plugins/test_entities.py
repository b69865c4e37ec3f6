"""The entity tagger's rules, grouping, roles, references and options, on sentences written
for each rule."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from pressline import ConfigError, Pipeline

_CACHE: dict[str, Pipeline] = {}


def pipeline(tmp_path_factory: pytest.TempPathFactory, **options: Any) -> Pipeline:
    """A pipeline of the sectioner and the entity tagger with ``options`` (built once)."""
    key = json.dumps(options, sort_keys=True)
    if key not in _CACHE:
        config = {
            "version": 1,
            "name": "entities-test",
            "extends": "minimal",
            "steps": [{"id": "entities", "uses": "entity_tagger", "with": options}],
        }
        path = tmp_path_factory.mktemp("cfg") / "entities.yaml"
        path.write_text(yaml.safe_dump(config), encoding="utf-8")
        _CACHE[key] = Pipeline.load(path)
    return _CACHE[key]


@pytest.fixture(scope="module")
def tag(tmp_path_factory: pytest.TempPathFactory):
    def run(text: str, **options: Any) -> list[dict]:
        report = pipeline(tmp_path_factory, **options).run(text).to_dict()
        source = report["document"]["text"]
        for e in report["entities"]["entities"]:
            for m in e["mentions"]:
                assert source[m["start"] : m["end"]] == m["text"]
        return report["entities"]["entities"]

    return run


def names(entities: list[dict]) -> dict[str, str]:
    """{name: type} of the entities."""
    return {e["name"]: e["type"] for e in entities}


def texts(entities: list[dict]) -> list[str]:
    """The name mentions' texts, in text order."""
    found = [m for e in entities for m in e["mentions"] if m["kind"] == "name"]
    return [m["text"] for m in sorted(found, key=lambda m: m["start"])]


def entity(entities: list[dict], name: str) -> dict:
    hits = [e for e in entities if e["name"] == name]
    assert len(hits) == 1, (name, names(entities))
    return hits[0]


# -- sentence openers, headings and capitals ---------------------------------------------


def test_capitalized_sentence_openers_are_not_names(tag) -> None:
    found = tag(
        "Boosting trade is the goal. Since March, Iran has exported more. "
        "Expanding ties matters, officials said. However, Russia disagreed. Meanwhile, "
        "prices rose. "
        "“Creating jobs is the aim,” a minister said."
    )
    assert names(found) == {"Iran": "GPE", "Russia": "GPE"}


def test_an_opener_known_elsewhere_as_a_name_is_kept(tag) -> None:
    found = tag(
        "The company hired analysts from Gazprom last year. Gazprom said profits rose. "
        "Shearer scored twice, and Newcastle won."
    )
    assert texts(found) == ["Gazprom", "Gazprom", "Shearer", "Newcastle"]
    assert entity(found, "Gazprom")["count"] == 2


def test_headings_tag_only_known_names(tag) -> None:
    text = (
        "Talks Resume in Geneva\n\n"
        "Nikolai Patrushev met Swiss officials in Geneva on Monday to discuss trade.\n\n"
        "Strategic Relations\n\n"
        "Patrushev said the talks went well and that more meetings would follow soon.\n"
    )
    found = tag(text)
    assert "Strategic Relations" not in texts(found)
    assert "Talks Resume" not in " ".join(texts(found))
    assert texts(found).count("Geneva") == 2  # in the headline and in the body
    assert entity(found, "Nikolai Patrushev")["aliases"] == ["Patrushev"]


def test_all_caps_headline_tags_only_known_names(tag) -> None:
    text = (
        "RUSSIA AND CHINA SIGN ENERGY DEAL AS PUTIN VISITS BEIJING\n\n"
        "Vladimir Putin signed an energy deal with China in Beijing on Tuesday.\n"
    )
    found = tag(text)
    headline = texts(found)[:4]
    assert headline == ["RUSSIA", "CHINA", "PUTIN", "BEIJING"]
    assert entity(found, "Vladimir Putin")["aliases"] == ["PUTIN"]
    assert entity(found, "China")["count"] == 2
    assert not any(t in ("ENERGY", "DEAL", "SIGN", "ENERGY DEAL") for t in texts(found))


def test_datelines_in_capitals(tag) -> None:
    found = tag("LONDON 1996-08-30\n\nBritain's economy grew faster than expected, data showed.\n")
    assert names(found) == {"LONDON": "GPE", "Britain": "GPE"}
    found = tag("KYIV, Ukraine (AP) — Russia fired missiles overnight, Ukrainian officials said.")
    assert names(found) == {
        "KYIV": "GPE",
        "Ukraine": "GPE",
        "AP": "ORG",
        "Russia": "GPE",
        "Ukrainian": "NORP",
    }


# -- tables, possessives, hyphens ----------------------------------------------------------


def test_sports_result_lines(tag) -> None:
    text = (
        "Soccer results\n\n"
        "English premier league results on Saturday:\n"
        "Arsenal 2 Chelsea 1\n"
        "Aston Villa 0 Manchester United 3\n"
        "Liverpool 1 Everton 1\n"
        "World Cup qualifier: Japan 1 China 0\n"
    )
    found = tag(text)
    for team in ("Arsenal", "Chelsea", "Aston Villa", "Manchester United", "Liverpool", "Everton"):
        assert entity(found, team)["type"] == "ORG", team
    assert entity(found, "Japan")["type"] == "GPE"
    assert entity(found, "China")["type"] == "GPE"


def test_possessives_are_not_part_of_the_name(tag) -> None:
    found = tag("Moscow’s war and Iran's policy worried the Americans’ allies in Ukraine.")
    assert texts(found) == ["Moscow", "Iran", "Americans", "Ukraine"]
    assert entity(found, "Americans")["type"] == "NORP"


def test_hyphenated_pairs(tag) -> None:
    found = tag(
        "The Tehran-Moscow talks and the US-led coalition worried Guinea-Bissau, "
        "said Jean-Pierre Dupont, an ex-Soviet diplomat."
    )
    assert texts(found) == [
        "Tehran",
        "Moscow",
        "US",
        "Guinea-Bissau",
        "Jean-Pierre Dupont",
        "ex-Soviet",
    ]
    assert entity(found, "Jean-Pierre Dupont")["type"] == "PERSON"
    assert entity(found, "ex-Soviet")["type"] == "NORP"


# -- shapes of names -------------------------------------------------------------------------


def test_organization_shapes(tag) -> None:
    found = tag(
        "Officials of the Shanghai Cooperation Organization, the Ministry of Foreign Affairs, "
        "the Kurdistan Democratic Party, the University of Tehran, Acme Widgets Inc., "
        "Marks & Spencer, the Competition and Markets Authority and the "
        "National Security Council met on the Red Sea coast near the Aswan Dam."
    )
    for org in (
        "Shanghai Cooperation Organization",
        "Ministry of Foreign Affairs",
        "Kurdistan Democratic Party",
        "University of Tehran",
        "Acme Widgets Inc.",
        "Marks & Spencer",
        "Competition and Markets Authority",
        "National Security Council",
    ):
        assert entity(found, org)["type"] == "ORG", org
    assert entity(found, "Red Sea")["type"] == "LOC"
    assert entity(found, "Aswan Dam")["type"] == "FAC"


def test_acronyms_defined_in_the_text_are_grouped(tag) -> None:
    found = tag(
        "Ukraine wants to join the North Atlantic Treaty Organization (NATO). "
        "The Kurdistan Workers Party (PKK) rejected the offer. "
        "Later NATO and the PKK met, and the World Wildlife Fund said the WWF would help."
    )
    nato = entity(found, "North Atlantic Treaty Organization")
    assert nato["type"] == "ORG" and nato["aliases"] == ["NATO"] and nato["count"] == 3
    pkk = entity(found, "Kurdistan Workers Party")
    assert pkk["aliases"] == ["PKK"] and pkk["count"] == 3
    assert entity(found, "World Wildlife Fund")["aliases"] == ["WWF"]


def test_names_that_are_also_common_words(tag) -> None:
    found = tag(
        "Theresa May met Will Smith in May. May said the talks with Smith went well. "
        "George Bush praised Frank Rich, and Bush later called Rich. "
        "Reading is fun, but the trains to Reading were late."
    )
    assert entity(found, "Theresa May")["aliases"] == ["May"]
    assert entity(found, "Will Smith")["aliases"] == ["Smith"]
    assert entity(found, "George Bush")["aliases"] == ["Bush"]
    assert entity(found, "Frank Rich")["aliases"] == ["Rich"]
    assert texts(found).count("May") == 1  # "in May" is the month
    assert entity(found, "Reading")["type"] == "GPE"
    assert entity(found, "Reading")["count"] == 1  # not the sentence opener


def test_people_by_given_name_initials_and_particles(tag) -> None:
    found = tag(
        "Talks were led by Ali Shamkhani, George W. Bush and Charles de Gaulle, "
        "with J. K. Rowling and Nikolaus van der Pas watching."
    )
    assert names(found) == {
        "Ali Shamkhani": "PERSON",
        "George W. Bush": "PERSON",
        "Charles de Gaulle": "PERSON",
        "J. K. Rowling": "PERSON",
        "Nikolaus van der Pas": "PERSON",
    }


def test_names_with_places_inside_and_after(tag) -> None:
    found = tag(
        "Fans of the Pittsburgh Pirates flew Iran Air to San Francisco, where Paris Hilton "
        "met the Boston Red Sox."
    )
    assert names(found) == {
        "Pittsburgh Pirates": "ORG",
        "Iran Air": "ORG",
        "San Francisco": "GPE",
        "Paris Hilton": "PERSON",
        "Boston Red Sox": "ORG",
    }


def test_months_days_and_pronoun_i_are_not_names(tag) -> None:
    found = tag("On Monday I flew to Cairo, and in January I'm going to Rome.")
    assert texts(found) == ["Cairo", "Rome"]


# -- roles --------------------------------------------------------------------------------


def test_titles_before_names_become_roles(tag) -> None:
    found = tag(
        "President Ebrahim Raisi met Secretary of National Security Council of Russia "
        "Nikolai Patrushev and US Secretary of State Antony Blinken. Mr. Patrushev and "
        "Prime Minister Boris Johnson spoke later."
    )
    raisi = entity(found, "Ebrahim Raisi")
    assert raisi["roles"] == ["President"]
    patrushev = entity(found, "Nikolai Patrushev")
    assert patrushev["roles"] == ["Secretary of National Security Council of Russia"]
    assert patrushev["aliases"] == ["Patrushev"]  # "Mr." is neither name nor role
    assert entity(found, "Antony Blinken")["roles"] == ["US Secretary of State"]
    assert entity(found, "Boris Johnson")["roles"] == ["Prime Minister"]
    opener = tag("Secretary of State Antony Blinken said the talks were useful.")
    assert entity(opener, "Antony Blinken")["roles"] == ["Secretary of State"]
    assert entity(found, "National Security Council of Russia")["type"] == "ORG"
    assert entity(found, "US")["type"] == "GPE"
    assert "President" not in " ".join(texts(found))


def test_appositions_and_descriptions_become_roles(tag) -> None:
    found = tag(
        "Ali Shamkhani, the council's secretary, met security chief Hossein Salami. "
        "Maria Lopez, head of the agency, joined them."
    )
    assert "council's secretary" in entity(found, "Ali Shamkhani")["roles"]
    assert "security chief" in entity(found, "Hossein Salami")["roles"]
    assert "head of the agency" in entity(found, "Maria Lopez")["roles"]


# -- grouping -----------------------------------------------------------------------------


def test_grouping_forms_of_one_entity(tag) -> None:
    found = tag(
        "The United States and U.S. lawmakers disagreed. Officials in the US said "
        "Nikolai Patrushev spoke. Patrushev and Mr. Patrushev are one man."
    )
    us = entity(found, "United States")
    assert us["type"] == "GPE" and set(us["aliases"]) == {"U.S.", "US"}
    assert entity(found, "Nikolai Patrushev")["count"] == 3


def test_people_sharing_a_surname_go_to_the_nearest(tag) -> None:
    found = tag(
        "Daniel Bernoulli studied medicine. Bernoulli wrote on fluids. "
        "His father Johann Bernoulli taught in Basel. Bernoulli resented his son."
    )
    daniel = entity(found, "Daniel Bernoulli")
    johann = entity(found, "Johann Bernoulli")
    assert [m["text"] for m in daniel["mentions"] if m["kind"] == "name"] == [
        "Daniel Bernoulli",
        "Bernoulli",
    ]
    assert [m["text"] for m in johann["mentions"] if m["kind"] == "name"] == [
        "Johann Bernoulli",
        "Bernoulli",
    ]


# -- references ---------------------------------------------------------------------------


def test_pronouns_and_descriptions_refer_to_people(tag) -> None:
    text = (
        "Foreign Minister Anna Berg met Russian envoy Ivan Petrov in Oslo. "
        "She said the talks went well. The Russian envoy agreed, and he thanked her."
    )
    found = tag(text)
    berg = entity(found, "Anna Berg")
    petrov = entity(found, "Ivan Petrov")
    assert [(m["text"], m["kind"]) for m in berg["mentions"]] == [
        ("Anna Berg", "name"),
        ("She", "pronoun"),
        ("her", "pronoun"),
    ]
    assert [(m["text"], m["kind"]) for m in petrov["mentions"]] == [
        ("Ivan Petrov", "name"),
        ("he", "pronoun"),  # after "The Russian envoy", the subject of its clause
    ]
    assert all(m["type"] is None for m in petrov["mentions"][1:])
    plain = tag(text, references=False)
    assert entity(plain, "Anna Berg")["count"] == 1


# -- options --------------------------------------------------------------------------------


def test_user_gazetteer_files(tag, tmp_path: Path) -> None:
    yml = tmp_path / "names.yaml"
    yml.write_text(
        "- {name: Blue Heron Collective, type: ORG, aliases: [Heron]}\n"
        "- {name: Zorblax, type: PRODUCT}\n",
        encoding="utf-8",
    )
    tsv = tmp_path / "places.tsv"
    tsv.write_text("# my places\nNorth Quay\tFAC\tthe Quay|Quay\n", encoding="utf-8")
    found = tag(
        "The Blue Heron Collective sold Zorblax at North Quay. Heron said Quay was busy.",
        gazetteers=[str(yml), str(tsv)],
    )
    assert entity(found, "Blue Heron Collective") == entity(found, "Blue Heron Collective")
    assert entity(found, "Blue Heron Collective")["aliases"] == ["Heron"]
    assert entity(found, "Zorblax")["type"] == "PRODUCT"
    assert entity(found, "North Quay")["type"] == "FAC"
    assert entity(found, "North Quay")["aliases"] == ["Quay"]


def test_exclusions_and_type_switches(tag) -> None:
    text = "Iranian President Ebrahim Raisi visited Moscow and the United Nations."
    assert "Moscow" not in names(tag(text, exclude=["moscow"]))
    assert set(names(tag(text, types=["PERSON"])).values()) == {"PERSON"}
    assert "Iranian" not in names(tag(text, disable_types=["NORP"]))
    assert set(names(tag(text, types=["GPE", "ORG"], disable_types=["ORG"]))) == {"Moscow"}


def _problems(tmp_path: Path, options: dict[str, Any]) -> str:
    path = tmp_path / "bad.yaml"
    path.write_text(
        yaml.safe_dump(
            {
                "version": 1,
                "name": "bad",
                "extends": "minimal",
                "steps": [{"id": "entities", "uses": "entity_tagger", "with": options}],
            }
        ),
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as info:
        Pipeline.load(path)
    assert all(p.code == "PL204" for p in info.value.problems)
    return "\n".join(p.render() for p in info.value.problems)


def test_invalid_options_are_config_errors(tmp_path: Path) -> None:
    assert "does not exist" in _problems(tmp_path, {"gazetteers": ["missing.yaml"]})
    bad = tmp_path / "bad-type.yaml"
    bad.write_text("- {name: Acme, type: COMPANY}\n", encoding="utf-8")
    assert "'COMPANY' is not one of" in _problems(tmp_path, {"gazetteers": [str(bad)]})
    bad.write_text("- {name: Acme, type: PERSN}\n", encoding="utf-8")
    assert "did you mean 'PERSON'" in _problems(tmp_path, {"gazetteers": [str(bad)]})
    tsv = tmp_path / "bad.tsv"
    tsv.write_text("Acme Widgets\n", encoding="utf-8")
    assert "line 1: expected NAME<TAB>TYPE" in _problems(tmp_path, {"gazetteers": [str(tsv)]})
    assert "disable_types" in _problems(tmp_path, {"disable_types": ["PEOPLE"]})
    assert "backend" in _problems(tmp_path, {"backend": "neural"})
    assert "Unknown option 'exclusions'" in _problems(tmp_path, {"exclusions": ["x"]})


def test_missing_spacy_model_is_a_config_error(tmp_path: Path) -> None:
    pytest.importorskip("spacy", reason="spaCy is not installed (pip install 'pressline[spacy]')")
    message = _problems(tmp_path, {"backend": "spacy", "spacy_model": "xx_no_such_model_sm"})
    assert "python -m spacy download xx_no_such_model_sm" in message


# -- the lexicon cache ----------------------------------------------------------------------


def test_lexicon_cache_is_written_read_back_and_optional(tmp_path: Path, monkeypatch) -> None:
    from pressline.plugins.entities import gazetteer

    lexicon = gazetteer.load_lexicon()
    builds: list[int] = []

    def build() -> gazetteer.Lexicon:
        builds.append(1)
        return lexicon

    monkeypatch.setattr(gazetteer, "build_lexicon", build)
    monkeypatch.setenv("PRESSLINE_CACHE_DIR", str(tmp_path))
    path = gazetteer.cache_path()
    assert path.is_relative_to(tmp_path) and not path.exists()
    first = gazetteer._load_or_build(path)
    assert builds == [1] and path.exists()
    stale = path.with_name("lexicon-0000000000000000.pickle")
    stale.write_bytes(b"an older version's lexicon")
    path.unlink()
    gazetteer._load_or_build(path)  # a rebuild clears the caches of other versions
    assert builds == [1, 1] and path.exists() and not stale.exists()
    builds.clear()
    builds.append(1)
    again = gazetteer._load_or_build(path)  # from the file, not built again
    assert builds == [1] and again.names == first.names
    path.write_bytes(b"not a pickle")
    assert gazetteer._load_or_build(path).names == lexicon.names and builds == [1, 1]
    # a cache that cannot be written (a file where its folder should be): built in memory
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert gazetteer._load_or_build(blocker / "sub" / "lexicon.pickle") is lexicon
