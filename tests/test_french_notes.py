"""A scenario's notes and description in French: French is whole where the author gave it.

An event's ``note_fr`` is quoted by the French story (``explain``, the report, the app), with
no "(en anglais)"; a note without one is still quoted in English and marked so. A scenario's
``description_fr`` is the French report's description. Every bundled scenario, lesson and
episode gives its French, so a French class never reads English.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from sim.present.app import live
from sim.present.narrative import render_text
from sim.resources import scenarios_dir
from sim.run.replicate import run_one
from sim.scenario.loading import bundled_names, load_scenario

SCENARIO = """\
title: A drone shot down
title_fr: Un drone abattu
description: Mali's drone is shot down over the border.
description_fr: Le drone du Mali est abattu au-dessus de la frontière.
start: 2024-03-01
days: 10
actors:
  MLI:
  DZA:
events:
  shot:
    kind: attack
    scale: incident
    date: 2024-03-02
    by: DZA
    target: MLI
    note: Algeria says the drone entered its airspace.
    note_fr: L'Algérie affirme que le drone est entré dans son espace aérien.
  again:
    kind: attack
    scale: incident
    date: 2024-03-04
    by: DZA
    target: MLI
    note: A second drone, by the same account.
ensemble:
  seed: 7
"""


def test_the_french_story_quotes_the_french_note_and_marks_an_english_one(write, sahelsim):
    path = str(write(SCENARIO))
    french = sahelsim("explain", path, "--seed", "1", "--lang", "fr").out
    english = sahelsim("explain", path, "--seed", "1").out
    assert (
        "Note du scénario : « L'Algérie affirme que le drone est entré dans son espace aérien. »"
        in french
    )
    assert "Algeria says" not in french
    # the note the author left in English is still quoted, and said to be English
    assert "Note du scénario (en anglais) : « A second drone, by the same account. »" in french
    assert "Scenario note: Algeria says the drone entered its airspace." in english
    assert "L'Algérie" not in english


def test_a_french_note_with_no_note_to_translate_is_refused_where_it_is(write, sahelsim):
    text = SCENARIO.replace("    note: Algeria says the drone entered its airspace.\n", "")
    path = write(text)
    result = sahelsim("validate", str(path))
    assert result.status == 2 and "Traceback" not in result.err
    assert (
        f"{path}:17:14: events.shot.note_fr: it is the note in French: give the 'note' it "
        "translates too; got \"L'Algérie affirme que le drone est entré dans son espace "
        'aérien."' in result.out
    )


def test_the_french_report_gives_the_french_description(write, sahelsim, tmp_path):
    out = tmp_path / "run"
    ran = sahelsim(
        "run", str(write(SCENARIO)), "-n", "2", "--seed", "1", "-q", "--lang", "fr",
        "--out", str(out),
    )  # fmt: skip
    assert ran.status == 0, ran.err
    text = html.unescape((out / "report.html").read_text(encoding="utf-8"))
    assert "Le drone du Mali est abattu au-dessus de la frontière." in text
    assert "shot down over the border" not in text
    assert "Note du scénario : « L'Algérie affirme" in text  # the report's story


def test_a_french_report_with_no_french_description_says_where_the_english_one_is(
    write, sahelsim, tmp_path
):
    out = tmp_path / "run"
    text = SCENARIO.replace(
        "description_fr: Le drone du Mali est abattu au-dessus de la frontière.\n", ""
    )
    ran = sahelsim(
        "run", str(write(text)), "-n", "2", "--seed", "1", "-q", "--lang", "fr", "--out", str(out)
    )
    assert ran.status == 0, ran.err
    report = html.unescape((out / "report.html").read_text(encoding="utf-8"))
    assert "qu'en anglais, dans son fichier scenario.yaml" in report
    assert "shot down over the border" not in report


def test_the_classroom_app_tells_the_french_note(write):
    settings = live.defaults_for(str(write(SCENARIO)))
    run = live.LiveRun(settings)
    try:
        run.advance(5)
        french = " ".join(p.text for p in run.paragraphs("fr"))
        english = " ".join(p.text for p in run.paragraphs("en"))
    finally:
        run.model.release()
    assert "« L'Algérie affirme que le drone est entré dans son espace aérien. »" in french
    assert "Algeria says the drone entered its airspace." in english


def _every_bundled() -> list[str]:
    episodes = [
        str(p)
        for folder in ("history", "held-out")
        for p in sorted((scenarios_dir() / folder).glob("*.yaml"))
    ]
    return [*bundled_names(), *episodes]


@pytest.mark.slow
@pytest.mark.parametrize("name", _every_bundled(), ids=lambda n: n.rsplit("/", 1)[-1])
def test_every_bundled_scenario_and_episode_is_whole_in_french(name):
    """Title, description and every event's note, in French: no French story quotes English."""
    scenario = load_scenario(name)
    assert scenario.title_fr or scenario.french_title, "no French title"
    assert scenario.description_fr, "no French description"
    untranslated = [n for n, e in scenario.events.items() if e.note and not e.note_fr]
    assert untranslated == [], "events whose note has no note_fr"
    told = render_text(run_one(scenario, 1), "fr")
    assert "(en anglais)" not in told
    assert scenario.title not in told.splitlines()[0]


def test_the_class_on_phones_tells_the_french_note(write):
    from sim.present.classroom.session import ClassSession
    from sim.present.classroom.views import story

    session = ClassSession(str(write(SCENARIO)), seed=1, code="KT4R2M", ensemble_runs=2)
    session.step(5)
    french = " ".join(story(session, 0, "fr", lines=50))
    # typeset as the rest of the phone's page: thin no-break spaces inside the guillemets
    quoted = "«\u202fL'Algérie affirme que le drone est entré dans son espace aérien.\u202f»"
    assert quoted in french
    assert "Algeria says" not in french


PARENT = SCENARIO.replace(
    "description_fr:",
    "teaching:\n  what_is_it: A drone.\n  fr:\n    title: Le drone, notes du parent\n"
    "    what_is_it: Un drone.\ndescription_fr:",
)


def test_a_variant_that_rewrites_a_note_is_not_told_with_its_parent_s_french(write, sahelsim):
    """A text and its French travel together: the parent's French said something else."""
    write(PARENT, name="parent.yaml")
    child = write(
        "extends: parent.yaml\ntitle: A variant\nevents:\n  shot:\n"
        "    note: Mali says the drone was over Mali.\n",
        name="child.yaml",
    )
    french = sahelsim("explain", str(child), "--seed", "1", "--lang", "fr").out
    assert "Note du scénario (en anglais) : « Mali says the drone was over Mali. »" in french
    assert "L'Algérie affirme" not in french
    # retitled in English only: neither the parent's title_fr nor its notes' French title
    assert "« A variant » (titre en anglais)" in french.splitlines()[0]


def test_a_variant_s_own_french_title_wins_over_its_parent_s_notes(write, sahelsim):
    write(PARENT, name="parent.yaml")
    child = write(
        "extends: parent.yaml\ntitle: A variant\ntitle_fr: Une variante\n", name="child.yaml"
    )
    french = sahelsim("explain", str(child), "--seed", "1", "--lang", "fr").out
    assert "« Une variante » :" in french.splitlines()[0]  # French: not marked
    # and a variant that changes nothing of the text keeps all its parent's French
    same = write("extends: parent.yaml\ndays: 8\n", name="same.yaml")
    french = sahelsim("explain", str(same), "--seed", "1", "--lang", "fr").out
    assert "« Le drone, notes du parent »" in french.splitlines()[0]
    assert "Note du scénario : « L'Algérie affirme" in french


def test_a_text_rewritten_by_set_is_not_told_with_the_old_french(write, sahelsim):
    """``--set`` rewrites a text as a variant does: the French of the old text goes with it."""
    parent = str(write(PARENT, name="parent.yaml"))
    note = "events.shot.note=Mali says the drone was over Mali."
    french = sahelsim("explain", parent, "--seed", "1", "--lang", "fr", "--set", note).out
    assert "Note du scénario (en anglais) : « Mali says the drone was over Mali. »" in french
    assert "L'Algérie affirme" not in french
    retitled = sahelsim("explain", parent, "--seed", "1", "--lang", "fr", "--set", "title=Mine")
    assert "« Mine »" in retitled.out.splitlines()[0]  # not the notes' French title
    # a French the user sets too is kept, whichever comes first
    mine = "events.shot.note_fr=Le Mali dit que le drone survolait le Mali."
    for flags in (["--set", mine, "--set", note], ["--set", note, "--set", mine]):
        french = sahelsim("explain", parent, "--seed", "1", "--lang", "fr", *flags).out
        assert "Note du scénario : « Le Mali dit que le drone survolait le Mali. »" in french


def test_a_variant_that_renames_an_actor_is_told_why_its_parent_s_french_name_is_gone(
    write, sahelsim
):
    """The parent's name_fr was for the old name; the schema asks for one, and says why."""
    from conftest import REPO

    parent = REPO / "scenarios" / "history" / "liberia-1990.yaml"
    renamed = f"extends: {parent}\nactors:\n  NPFL:\n    name: the National Patriotic Front\n"
    said = sahelsim("validate", str(write(renamed, name="renamed.yaml")))
    assert said.status == 2
    assert "renamed.yaml:4:5: actors.NPFL.name_fr: missing required field 'name_fr'" in said.out
    assert "the one written for the old name was dropped with it" in said.out
    french = sahelsim("explain", str(write(renamed, name="renamed.yaml")), "--seed", "1",
                      "--lang", "fr")  # fmt: skip
    assert "celui écrit pour l'ancien name est parti avec lui" in french.err
    given = renamed + "    name_fr: le Front national patriotique\n"
    assert sahelsim("validate", str(write(given, name="given.yaml"))).status == 0


def test_the_list_in_french_gives_each_scenario_s_french_title_and_description(sahelsim):
    from sim.scenario.catalogue import catalogue

    english, french = catalogue(), catalogue("fr")
    assert [e.name for e in french] == [e.name for e in english]
    for en, fr in zip(english, french, strict=True):
        assert fr.title != en.title and fr.summary and fr.summary != en.summary, fr.name
    shown = " ".join(sahelsim("list", "--lang", "fr").out.split())
    assert shown.startswith("nom titre / description")
    assert "Leçon 1 - L'engagement dissuade-t-il ?" in shown
    assert "Lesson 1" not in shown


def _french_strings(node: object, french: bool = False) -> list[str]:
    """The strings of a scenario's YAML that are French: under ``fr:`` or a ``*_fr`` key."""
    if isinstance(node, dict):
        return [
            s
            for key, value in node.items()
            for s in _french_strings(value, french or key == "fr" or str(key).endswith("_fr"))
        ]
    if isinstance(node, list):
        return [s for value in node for s in _french_strings(value, french)]
    return [node] if french and isinstance(node, str) else []


def _every_french_text() -> dict[str, str]:
    """Where French reaches a reader, by where it is written: scenarios, guide and catalogues."""
    import yaml

    from sim.present import catalogue, error_words, help_words
    from sim.present.app.words import UI
    from sim.present.classroom.words import WORDS
    from sim.scenario.parameters import ACTOR_PARAMETERS, PARAMETERS

    texts = {
        str(path.relative_to(scenarios_dir())): " ".join(
            _french_strings(yaml.safe_load(path.read_text(encoding="utf-8")))
        )
        for path in sorted(scenarios_dir().rglob("*.yaml"))
    }
    guide = Path(__file__).resolve().parents[1] / "docs" / "teaching.fr.md"
    texts["docs/teaching.fr.md"] = guide.read_text(encoding="utf-8")
    texts["catalogue"] = " ".join(m["fr"] for m in catalogue.MESSAGES.values())
    texts["app"] = " ".join(UI["fr"].values())
    texts["classroom"] = " ".join(WORDS["fr"].values())
    texts["errors"] = " ".join(error_words.FRENCH.values())
    texts["help"] = " ".join(help_words.FRENCH.values())
    texts["parameters"] = " ".join(
        p.label_fr for p in (*PARAMETERS.values(), *ACTOR_PARAMETERS.values())
    )
    return texts


def test_french_calls_an_actor_s_resolve_as_its_slider_does():
    """The app's slider says « Détermination »; lessons 1 and 4 said « résolution » for it,
    and gambia-2017 « peu résolue ». A resolution of the Security Council is another word."""
    from sim.scenario.parameters import ACTOR_PARAMETERS

    assert ACTOR_PARAMETERS["resolve"].label_fr == "Détermination"
    resolve = re.compile(r"\b(?:ir)?résolu(?:e|es|s)?\b|\brésolution(?!s? (?:\d|du Conseil))")
    texts = _every_french_text()
    assert len(texts) > 30 and "détermination" in texts["catalogue"]
    said = {where: resolve.findall(text) for where, text in texts.items()}
    assert {where: found for where, found in said.items() if found} == {}
