"""The bundled scenarios validate and match the JSON Schema; the generated docs are current."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys

import jsonschema
import pytest
from conftest import REPO

from sim.resources import scenarios_dir
from sim.scenario.jsonschema import scenario_json_schema
from sim.scenario.loading import bundled_names, load_scenario
from sim.scenario.reference import format_reference
from sim.scenario.yamlfile import read_yaml

REQUIRED = {
    "niger-2023-base",
    "niger-2023-intervention",
    "niger-2023-no-pact",
    "aes-insurgency",
    "gambia-2017",
    "mali-algeria-2025",
    "g5-sahel-2017",
}
NAMES = bundled_names()


def _jsonable(value):
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def test_the_issue_s_scenarios_are_all_bundled():
    assert set(NAMES) >= REQUIRED


@pytest.mark.parametrize("name", NAMES)
def test_bundled_scenario_validates_and_has_teaching_notes(name):
    scenario = load_scenario(name)
    assert scenario.teaching is not None
    assert scenario.teaching.what_is_it and scenario.teaching.things_to_notice
    assert scenario.teaching.things_to_try and scenario.teaching.discuss
    assert scenario.description


@pytest.mark.parametrize("name", NAMES)
def test_bundled_teaching_notes_are_all_in_french_too(name):
    notes = load_scenario(name).teaching
    french = notes.fr
    assert french is not None and french.title and french.what_is_it
    for key in ("things_to_notice", "things_to_try", "discuss"):
        assert len(getattr(french, key)) == len(getattr(notes, key)), key
    assert (french.predict is None) == (notes.predict is None)
    # commands are code: a French note quotes the same --set as the English one
    commands = [c for item in notes.things_to_try for c in re.findall(r"--set \S+", item)]
    assert commands == [c for item in french.things_to_try for c in re.findall(r"--set \S+", item)]


@pytest.mark.parametrize("name", NAMES)
def test_bundled_file_as_written_matches_the_json_schema(name):
    path = next(
        p
        for p in [scenarios_dir() / f"{name}.yaml", scenarios_dir() / "lessons" / f"{name}.yaml"]
        if p.exists()
    )
    jsonschema.validate(_jsonable(read_yaml(path).data), scenario_json_schema())


@pytest.mark.parametrize("name", NAMES)
def test_resolved_scenario_matches_the_json_schema(name):
    dumped = load_scenario(name).model_dump(mode="json", by_alias=True, exclude_none=True)
    jsonschema.validate(dumped, scenario_json_schema())


def test_the_json_schema_rejects_what_the_loader_rejects():
    schema = scenario_json_schema()
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(
            {"title": "x", "start": "2023-08-10", "actors": {"NER": None}, "dayz": 3}, schema
        )
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"title": "x", "start": "2023-08-10"}, schema)  # no actors, no extends
    jsonschema.validate(
        {"title": "x", "extends": "niger-2023-base"}, schema
    )  # a variant may be short


def test_schema_command_prints_the_json_schema(sahelsim):
    result = sahelsim("schema")
    assert result.status == 0
    assert json.loads(result.out) == scenario_json_schema()


def test_committed_json_schema_is_current():
    committed = json.loads((REPO / "docs" / "scenario.schema.json").read_text())
    assert committed == scenario_json_schema(), "run: sahelsim schema > docs/scenario.schema.json"


def test_committed_format_reference_is_current():
    committed = (REPO / "docs" / "scenarios.md").read_text()
    assert committed == format_reference(), (
        "run: python -m sim.scenario.reference > docs/scenarios.md"
    )


def test_format_reference_documents_every_parameter_and_event_kind():
    from sim.scenario.parameters import PARAMETERS
    from sim.scenario.schema import EVENT_TYPES

    text = format_reference()
    for name in PARAMETERS:
        assert f"| `{name}` |" in text
    for model in EVENT_TYPES:
        for kind in model.model_fields["kind"].annotation.__args__:
            assert f"| [`{kind}`](#{model.__name__.lower()}) |" in text
        # and what each of its fields means, under the heading the kind links to
        assert f"### {model.__name__}\n" in text
        assert all(f"| `{name}` |" in text for name in model.model_fields if name != "kind")


def test_list_shows_every_bundled_scenario_with_its_title(sahelsim):
    result = sahelsim("list")
    assert result.status == 0
    for name in NAMES:
        assert name in result.out
    assert load_scenario("gambia-2017").title.split(" - ")[0] in result.out


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_draft_that_does_not_validate_leaves_the_list_whole(
    sahelsim, tmp_path, monkeypatch, lang
):
    """One invalid file in the scenarios folder: the others are still listed, and the draft is
    named with the command that says what is wrong with it."""
    import shutil

    import sim.scenario.loading as loading

    folder = tmp_path / "scenarios"
    shutil.copytree(scenarios_dir(), folder)
    (folder / "zz-draft.yaml").write_text(
        "extends: gambia-2017\ntitle: My draft\nactors:\n  GMB:\n    resolve: 7\n",
        encoding="utf-8",
    )
    (folder / "zz-broken.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    monkeypatch.setattr(loading, "scenarios_dir", lambda: folder)
    monkeypatch.setenv("COLUMNS", "200")  # one line to each entry's summary
    result = sahelsim("list", "--lang", lang)
    assert result.status == 0, result.err
    for name in NAMES:
        assert name in result.out
    assert "My draft" in result.out and "sahelsim validate zz-draft" in result.out
    assert "sahelsim validate zz-broken" in result.out
    from sim.present.app import live  # the app's picker offers only what it can open

    assert "gambia-2017" in live.scenario_names()
    assert not {"zz-draft", "zz-broken"} & set(live.scenario_names())


def test_python_dash_m_sim_works():
    result = subprocess.run(
        [sys.executable, "-m", "sim", "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    for command in ("validate", "list", "schema"):
        assert command in result.stdout


def test_version_flag(sahelsim):
    from sim import __version__

    result = sahelsim("--version")
    assert result.status == 0 and __version__ in result.out


def test_an_unknown_command_is_a_usage_error(sahelsim):
    result = sahelsim("simulate")
    assert result.status == 2
    assert "No such command 'simulate'" in result.err
